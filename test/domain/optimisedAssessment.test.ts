/**
 * Issue 14's property: whatever was made faster gives the same results. On random registers —
 * duplicate IDs and pages (in other spellings of the same link), blank rows keeping an ID, dates as
 * Date cells, typed text, serial numbers and garbage, stale stamps, deletions, exemptions — the
 * optimised paths are compared with straightforward ones:
 *  - the full check (assessRegister) with the memoised, integer-day calendar against the same check
 *    with deadlines counted day by day with date-fns (a plain addWorkingDays, nothing remembered);
 *  - onEdit's assessment (assessRowsInRegister) from the edited rows plus the other rows' key columns
 *    alone (REGISTER_WIDE_KEYS: ID, link, deletion date, organization, exemption) against the full check
 *    of the whole register (editReads.test.ts checks the narrower reads onEdit plans).
 */
import fc from 'fast-check';
import { createCalendar } from '../../src/domain/calendar';
import { addDays } from '../../src/domain/isoDate';
import {
  assessRegister,
  assessRowsInRegister,
  REGISTER_WIDE_KEYS,
  type RawRegisterRow,
  type RegisterContext,
} from '../../src/domain/register';
import type { ColumnKey, WorkingCalendar } from '../../src/domain/types';

const TODAY = '2026-03-05';
/** Midnight of the day in Moscow: a date cell as getValues returns it. */
const moscow = (iso: string): Date => new Date(`${iso}T00:00:00+03:00`);

const memoised = createCalendar({ entries: [{ date: '2026-03-10', kind: 'holiday', basis: 'проверка' }] });

/** The same days, deadlines counted the straightforward way. */
const plain: WorkingCalendar = {
  isWorkingDay: memoised.isWorkingDay,
  isProvisional: memoised.isProvisional,
  addWorkingDays(date, n) {
    let current = date;
    for (let left = n; left > 0;) {
      current = addDays(current, 1);
      if (memoised.isWorkingDay(current)) left -= 1;
    }
    return current;
  },
};

const context = (calendar: WorkingCalendar): RegisterContext => ({
  today: TODAY,
  calendar,
  timeZone: 'Europe/Moscow',
  extraNetworks: [{ name: 'Телеграм', hosts: ['t.me'] }],
});

const day = fc.integer({ min: -900, max: 40 }).map((offset) => addDays(TODAY, offset));
const dateCell = fc.oneof(
  { weight: 4, arbitrary: day.map(moscow) },
  { weight: 1, arbitrary: day.map((iso) => `${iso.slice(8)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`) },
  { weight: 1, arbitrary: day.map((iso) => `${iso.slice(8)}${iso.slice(5, 7)}${iso.slice(0, 4)}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '', '', 'вчера', '31.02.2026', 46000, true) },
);
const slug = fc.constantFrom('school1', 'School1', 'shpak', 'club123', 'id77', 'kultura');
const link = fc.oneof(
  slug.map((s) => `https://vk.com/${s}`),
  slug.map((s) => `vk.ru/${s}/`),
  slug.map((s) => `https://ok.ru/group/${s}`),
  slug.map((s) => `https://t.me/${s}`),
  fc.constantFrom('', '', 'не ссылка', 'https://vk.com/', 'http://example.com/page'),
);
const id = fc.oneof(fc.constantFrom('', '', 'P-AAAAAAAAAA', 'P-BBBBBBBBBB', ' P-AAAAAAAAAA '), fc.constant(''));

const row = fc.record({
  id,
  organization: fc.constantFrom('', 'МБОУ СОШ № 1', 'мбоу  сош №1', 'Отдел культуры', 'Архив'),
  orgKind: fc.constantFrom('', 'Подведомственная организация', 'структурное подразделение', 'Прочее'),
  network: fc.constantFrom('', 'ВКонтакте', 'вконтакте', 'Одноклассники', 'Телеграм', 'Фейсбук'),
  link,
  createdOn: dateCell,
  deletedOn: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: dateCell }),
  responsibleName: fc.constantFrom('', 'Иванова И. И.'),
  responsiblePosition: fc.constantFrom('', 'Директор', 'Заместитель директора', 'Специалист'),
  responsibleEmail: fc.constantFrom('', 'a@b.ru', 'не почта'),
  authorizedName: fc.constantFrom('', 'Петров П. П.'),
  esiaVerified: fc.constantFrom(true, false, 'да', ''),
  exemptionBasis: fc.constantFrom('', '', '', 'Приказ № 5'),
  deptReportedCreation: fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 1, arbitrary: dateCell }),
  deptReportedDeletion: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: dateCell }),
  tsurReportedCreation: fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 1, arbitrary: dateCell }),
  tsurReportedDeletion: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: dateCell }),
});

/** A register: random rows, some blank but for an ID (a row cleared, its protected ID kept). */
const registerArb = fc
  .array(fc.oneof({ weight: 6, arbitrary: row }, { weight: 1, arbitrary: id.map((value) => ({ id: value })) }), {
    minLength: 1,
    maxLength: 40,
  })
  .map((cells): RawRegisterRow[] => cells.map((c, index) => ({ row: index + 2, cells: c })));

function keyColumnsOnly(raw: RawRegisterRow, keys: readonly ColumnKey[]): RawRegisterRow {
  const cells: RawRegisterRow['cells'] = {};
  for (const key of keys) cells[key] = raw.cells[key];
  return { row: raw.row, cells };
}

describe('optimised assessment = straightforward assessment', () => {
  it('the full check: memoised integer-day deadlines give what counting day by day gives', () => {
    fc.assert(
      fc.property(registerArb, (register) => {
        expect(assessRegister(register, context(memoised))).toEqual(assessRegister(register, context(plain)));
      }),
      { numRuns: 200 },
    );
  });

  it('onEdit: the edited rows with the key columns of the rest, as the full check assesses them', () => {
    fc.assert(
      fc.property(registerArb, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (register, picks) => {
        const wanted = new Set(picks.map((pick) => (register[pick % register.length] as RawRegisterRow).row));
        const keys = REGISTER_WIDE_KEYS;
        const read = register.map((raw) => (wanted.has(raw.row) ? raw : keyColumnsOnly(raw, keys)));
        const fast = assessRowsInRegister(read, wanted, context(memoised));
        const full = new Map(assessRegister(register, context(plain)).rows.map((r) => [r.row, r]));
        for (const number of wanted) expect(fast.get(number)).toEqual(full.get(number));
      }),
      { numRuns: 200 },
    );
  });
});
