/**
 * registerWideReadsFor (what onEdit reads of the other rows): on random registers — the same page in
 * other spellings and in cells holding two links of one page, deleted pages, exemptions, duplicate IDs,
 * blank rows keeping an ID — the edited rows assessed from the columns it asks for, read in its two
 * steps, equal the full check's assessment of them. The runs are counted by the path they took (IDs
 * only; IDs and links; IDs, links and deletion dates; for an exemption the organizations, and what makes
 * a page active when another row names the same one), and each path must be taken often: a path never
 * taken would prove nothing.
 */
import fc from 'fast-check';
import { createCalendar } from '../../src/domain/calendar';
import { registerWideReadsFor } from '../../src/domain/editReads';
import { assessRegister, assessRowsInRegister, type SharingRows, type RawRegisterRow } from '../../src/domain/register';
import type { ColumnKey } from '../../src/domain/types';

const TODAY = '2026-03-05';
const moscow = (iso: string): Date => new Date(`${iso}T00:00:00+03:00`);
const context = {
  today: TODAY,
  calendar: createCalendar(),
  timeZone: 'Europe/Moscow',
  extraNetworks: [{ name: 'Телеграм', hosts: ['t.me'] }],
};

const slug = fc.constantFrom('school1', 'School1', 'shpak', 'club123');
const oneLink = fc.oneof(
  slug.map((s) => `https://vk.com/${s}`),
  slug.map((s) => `vk.ru/${s}/`),
  slug.map((s) => `https://t.me/${s}`),
);
const link = fc.oneof(
  { weight: 6, arbitrary: oneLink },
  // One page written two ways (decree No. 1199, п. 2.1): a row may tie two keys together.
  { weight: 2, arbitrary: fc.tuple(oneLink, oneLink).map(([a, b]) => `${a}; (${b})`) },
  { weight: 2, arbitrary: fc.constantFrom('', 'не ссылка', 'https://vk.com/', 'http://example.com/page') },
);
const date = fc.constantFrom('2025-06-02', '2026-02-20', '2026-03-04').map(moscow);
const id = fc.constantFrom('', '', 'P-AAAAAAAAAA', 'P-BBBBBBBBBB');

const row = fc.record({
  id,
  organization: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('', 'МБОУ СОШ № 1', 'мбоу  сош №1', 'Отдел культуры') },
    // Organizations of one row or two: an exemption with no other row of its organization.
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => `Архив № ${n}`) },
  ),
  orgKind: fc.constantFrom('Подведомственная организация', 'Структурное подразделение'),
  network: fc.constantFrom('', 'ВКонтакте', 'Телеграм'),
  link,
  createdOn: fc.oneof(date, fc.constant('')),
  deletedOn: fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 1, arbitrary: date }),
  responsibleName: fc.constantFrom('', 'Иванова И. И.'),
  responsiblePosition: fc.constantFrom('Директор', 'Специалист'),
  authorizedName: fc.constantFrom('', 'Петров П. П.'),
  esiaVerified: fc.boolean(),
  exemptionBasis: fc.constantFrom('', '', '', '', 'Соглашение от 01.02.2024 № 5'),
});

const registerArb = fc
  .array(fc.oneof({ weight: 8, arbitrary: row }, { weight: 1, arbitrary: id.map((value) => ({ id: value })) }), {
    minLength: 1,
    maxLength: 30,
  })
  .map((cells): RawRegisterRow[] => cells.map((c, index) => ({ row: index + 2, cells: c })));

function only(raw: RawRegisterRow, keys: readonly ColumnKey[]): RawRegisterRow {
  const cells: RawRegisterRow['cells'] = {};
  for (const key of keys) cells[key] = raw.cells[key];
  return { row: raw.row, cells };
}

type Path = 'ids' | 'links' | 'deletions' | 'exemption' | 'exemptionAlone';

/** Runs in which the rows below the last edited row were not read. */
let bounded = 0;

/** What onEdit has after its reads: the other rows in the columns asked for, the edited rows in full. */
function asOnEditReads(
  register: readonly RawRegisterRow[],
  wanted: ReadonlySet<number>,
): {
  read: RawRegisterRow[];
  path: Path;
  sharing: SharingRows;
} {
  const reads = registerWideReadsFor(
    register.filter((raw) => wanted.has(raw.row)),
    context,
  );
  // The rows onEdit reads: through `through` (the edited rows are read in full wherever they are).
  const shown = register.filter((raw) => reads.through === null || raw.row <= reads.through || wanted.has(raw.row));
  if (reads.through !== null) bounded += 1;
  const first = shown.map((raw) => only(raw, reads.first));
  const { more, rows, sharing } = reads.then(first);
  const keys = [...reads.first, ...more];
  const path: Path = keys.includes('exemptionBasis')
    ? 'exemption'
    : keys.includes('organization')
      ? 'exemptionAlone'
      : keys.includes('deletedOn')
        ? 'deletions'
        : keys.includes('link')
          ? 'links'
          : 'ids';
  // The second read covers the rows from the first to the last that can share something with the edited ones.
  const inSpan = (row: number): boolean => rows !== null && row >= rows.from && row <= rows.to;
  const read = shown.map((raw) =>
    wanted.has(raw.row) ? (register[raw.row - 2] as RawRegisterRow) : only(raw, inSpan(raw.row) ? keys : reads.first),
  );
  return { read, path, sharing };
}

describe('registerWideReadsFor: onEdit assesses the edited rows as the full check does', () => {
  it('on random registers, along every path', () => {
    const taken: Record<Path, number> = { ids: 0, links: 0, deletions: 0, exemption: 0, exemptionAlone: 0 };
    fc.assert(
      fc.property(registerArb, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (register, picks) => {
        const wanted = new Set(picks.map((pick) => (register[pick % register.length] as RawRegisterRow).row));
        const { read, path, sharing } = asOnEditReads(register, wanted);
        taken[path] += 1;
        const fast = assessRowsInRegister(read, wanted, context, sharing);
        const full = new Map(assessRegister(register, context).rows.map((r) => [r.row, r]));
        for (const number of wanted) expect(fast.get(number)).toEqual(full.get(number));
      }),
      { numRuns: 600 },
    );
    for (const path of Object.keys(taken) as Path[]) expect(taken[path]).toBeGreaterThan(40);
    expect(bounded).toBeGreaterThan(100);
  });
});

describe('registerWideReadsFor: the columns each edit reads', () => {
  const page = (cells: RawRegisterRow['cells']): RawRegisterRow['cells'] => ({
    organization: 'МБОУ СОШ № 1',
    network: 'ВКонтакте',
    createdOn: moscow('2026-02-20'),
    ...cells,
  });
  const other: RawRegisterRow[] = [
    { row: 2, cells: page({ id: 'P-AAAAAAAAAA', link: 'https://vk.com/school1' }) },
    { row: 3, cells: page({ id: 'P-BBBBBBBBBB', link: 'https://vk.com/old', deletedOn: moscow('2026-03-01') }) },
  ];
  const plan = (cells: RawRegisterRow['cells']): { first: readonly ColumnKey[]; then: readonly ColumnKey[] } => {
    const edited = { row: 4, cells: page(cells) };
    const reads = registerWideReadsFor([edited], context);
    const register = [...other, edited].map((raw) => only(raw, reads.first));
    return { first: reads.first, then: reads.then(register).more };
  };

  it('a link that does not read, a deleted page, a blank link: the IDs alone', () => {
    expect(plan({ link: 'не ссылка' })).toEqual({ first: ['id'], then: [] });
    expect(plan({ link: 'https://vk.com/school1', deletedOn: moscow('2026-03-02') })).toEqual({
      first: ['id'],
      then: [],
    });
    expect(plan({ link: '' })).toEqual({ first: ['id'], then: [] });
  });

  it('a new page: the links, and no deletion dates when no other row gives its link', () => {
    expect(plan({ link: 'https://vk.com/new_page' })).toEqual({ first: ['id', 'link'], then: [] });
  });

  it('a page another row gives, in any spelling, deleted there or not: the deletion dates too', () => {
    expect(plan({ link: 'vk.ru/School1/' })).toEqual({ first: ['id', 'link'], then: ['deletedOn'] });
    expect(plan({ link: 'https://vk.com/old' })).toEqual({ first: ['id', 'link'], then: ['deletedOn'] });
  });

  it('rows below the last edited row: read only when a new ID is due or for an exemption', () => {
    const through = (cells: RawRegisterRow['cells']): number | null =>
      registerWideReadsFor([{ row: 4, cells: page(cells) }], context).through;
    expect(through({ id: 'P-CCCCCCCCCC', link: 'не ссылка' })).toBe(3);
    expect(through({ id: 'P-CCCCCCCCCC', link: 'https://vk.com/school1' })).toBe(3);
    expect(through({ id: '  ', link: 'https://vk.com/school1' })).toBeNull();
    expect(through({ id: 'P-CCCCCCCCCC', exemptionBasis: 'Соглашение от 01.02.2024 № 5' })).toBeNull();
    // A blank row gets no ID: nothing below it matters.
    expect(registerWideReadsFor([{ row: 4, cells: { id: '' } }], context).through).toBe(3);
  });

  it('an exemption: the organizations, then what makes a page active only when another row names it', () => {
    const exemption = 'Соглашение от 01.02.2024 № 5';
    expect(plan({ link: '', exemptionBasis: exemption })).toEqual({
      first: ['id', 'organization'],
      then: ['deletedOn', 'link', 'exemptionBasis'],
    });
    expect(plan({ link: '', exemptionBasis: exemption, organization: 'Архив' })).toEqual({
      first: ['id', 'organization'],
      then: [],
    });
    expect(plan({ link: 'https://vk.com/new_page', exemptionBasis: exemption, organization: 'Архив' })).toEqual({
      first: ['id', 'link', 'organization'],
      then: [],
    });
  });
});
