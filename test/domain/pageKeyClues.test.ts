/**
 * onEdit picks the other rows that may register an edited row's page by a substring search for the
 * page's clues (links.ts pageKeyClues) instead of reading every link. Two properties keep that exact:
 *  - every spelling of a page holds its clues, lowercased, or a percent-escape;
 *  - onEdit's assessment of the edited rows equals the full check's on registers built from many
 *    spellings of few pages (VK's club/public/event numbers, OK's group forms and old deep links, case,
 *    «;»-separated pairs that chain pages together, escapes, deletions) and repeated IDs.
 */
import fc from 'fast-check';
import { createCalendar } from '../../src/domain/calendar';
import { pageKeyClues, pageLinkKeys, type NetworkSpec } from '../../src/domain/links';
import {
  assessRegister,
  assessRowsInRegister,
  REGISTER_WIDE_KEYS,
  type RawRegisterRow,
  type RegisterContext,
} from '../../src/domain/register';

const EXTRA: readonly NetworkSpec[] = [{ name: 'Телеграм', hosts: ['t.me'] }];

const context: RegisterContext = {
  today: '2026-03-05',
  calendar: createCalendar({ entries: [] }),
  timeZone: 'Europe/Moscow',
  extraNetworks: EXTRA,
};

const number = fc.constantFrom('5', '123', '1230', '53038939046008');
const name = fc.constantFrom(
  'shpak',
  'Shpak',
  'SHPAK',
  'school_1',
  'kultura',
  'club',
  'group5',
  'İstanbul',
  'K\u212Aultura',
);
/** One spelling of one of a few pages. */
const spelling = fc.oneof(
  fc
    .tuple(fc.constantFrom('club', 'public', 'event', 'Club', 'PUBLIC'), number)
    .map(([kind, n]) => `https://vk.com/${kind}${n}`),
  fc
    .tuple(fc.constantFrom('vk.com', 'm.vk.com', 'vk.ru', 'www.vkontakte.ru'), name)
    .map(([host, n]) => `${host}/${n}/`),
  number.map((n) => `https://ok.ru/group${n}`),
  number.map((n) => `https://ok.ru/group/${n}`),
  number.map((n) => `https://ok.ru/dk?st.cmd=altGroupMain&st.groupId=${n}`),
  number.map((n) => `ok.ru/dk?st.friendId=${n}`),
  name.map((n) => `https://t.me/${n}`),
  name.map((n) => `https://vk.com/${encodeURIComponent(n).replace(/a/g, '%61')}`),
  fc.constantFrom(
    'https://vk.com/%D1%88%D0%BA%D0%BE%D0%BB%D0%B0',
    'https://vk.com/школа',
    'https://vk.com/',
    'не ссылка',
    'vk.com/wall-5_1',
  ),
);
const linkCell = fc.oneof(
  { weight: 4, arbitrary: spelling },
  { weight: 2, arbitrary: fc.tuple(spelling, spelling).map(([a, b]) => `${a}; (${b})`) },
  { weight: 1, arbitrary: fc.constantFrom('', 42, new Date('2026-03-01T00:00:00+03:00')) },
);
const idCell = fc.constantFrom('', '', 'P-A', ' P-A ', 'P-B', 'P-B', 42, '#REF!');

const rowArb = fc.record({
  id: idCell,
  organization: fc.constantFrom('Отдел культуры', 'Архив'),
  orgKind: fc.constant('Структурное подразделение'),
  network: fc.constantFrom('ВКонтакте', 'Одноклассники', 'Телеграм'),
  link: linkCell,
  createdOn: fc.constant('01.03.2026'),
  deletedOn: fc.constantFrom('', '', '', '02.03.2026', 'вчера'),
  responsibleName: fc.constant('Иванова И. И.'),
  responsiblePosition: fc.constant('Начальник отдела'),
  authorizedName: fc.constant('Петров П. П.'),
});

const registerArb = fc
  .array(rowArb, { minLength: 1, maxLength: 30 })
  .map((cells): RawRegisterRow[] => cells.map((c, index) => ({ row: index + 2, cells: c })));

describe('pageKeyClues', () => {
  it('every spelling of a page holds its clues, lowercased, or a percent-escape', () => {
    fc.assert(
      fc.property(linkCell, (cell) => {
        if (typeof cell !== 'string' || cell.includes('%')) return;
        for (const key of pageLinkKeys(cell, EXTRA)) {
          for (const clue of pageKeyClues(key)) expect(cell.toLowerCase()).toContain(clue);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('names the number of a VK community and an OK group, not the words the normal form adds', () => {
    expect(pageKeyClues('https://vk.com/club123')).toEqual(['123']);
    expect(pageKeyClues('https://ok.ru/group/53038939046008')).toEqual(['53038939046008']);
    expect(pageKeyClues('https://ok.ru/profile/5')).toEqual(['5']);
    expect(pageKeyClues('https://vk.com/to1288_p5000')).toEqual(['to', '1288', 'p', '5000']);
    expect(pageKeyClues('https://vk.com/школа')).toEqual([]);
  });
});

describe('onEdit from the rows the clues pick = the full check', () => {
  it('the edited rows get the same duplicate-page and duplicate-ID findings', () => {
    fc.assert(
      fc.property(registerArb, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (register, picks) => {
        const wanted = new Set(picks.map((pick) => (register[pick % register.length] as RawRegisterRow).row));
        const keys = REGISTER_WIDE_KEYS;
        const read = register.map((raw): RawRegisterRow => {
          if (wanted.has(raw.row)) return raw;
          const cells: RawRegisterRow['cells'] = {};
          for (const key of keys) cells[key] = raw.cells[key];
          return { row: raw.row, cells };
        });
        const fast = assessRowsInRegister(read, wanted, context);
        const full = new Map(assessRegister(register, context).rows.map((r) => [r.row, r]));
        for (const row of wanted) expect(fast.get(row)).toEqual(full.get(row));
      }),
      { numRuns: 1000 },
    );
  });
});
