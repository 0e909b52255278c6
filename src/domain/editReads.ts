/**
 * Which columns of the other rows onEdit must read to assess the edited rows exactly as the full check
 * does (assessRowsInRegister), in two steps, so that an edit reads no column it does not need; and which
 * rows' links can bear on the edited rows at all (handed to assessRowsInRegister, which then looks at no
 * other link). Pure.
 *
 *  - Every row's «ID», always: the same ID twice is an error, and a new row gets an ID no row has.
 *  - The same page twice: the other rows' links and deletion dates matter only when an edited row
 *    registers a page (registeredPageKeys: a readable link, not deleted). None does: neither is read.
 *    One does: the links first, then the deletion dates only when another row's link gives one of the
 *    edited rows' page keys, and only from the first to the last such row.
 *  - An exemption (п. 4) of an organization that has an active page: only for an edited row with an
 *    exemption and an organization; then the other rows' organizations first, and only when another row
 *    names the same one, their links, deletion dates and exemptions (isActivePage), from the first to the
 *    last such row.
 *
 * Why that is exact: duplicatePageRows decides a row by the keys registered before it, and a row
 * registers only keys of its own link. Start from the edited rows' keys and add the keys of every other
 * row whose link gives one of them, until nothing changes: the rows so reached ("sharing") and the edited
 * rows register those keys only, and no other row gives any of them, deleted or not. So the edited rows'
 * findings depend on the sharing rows alone — their links and deletion dates — and on no other row's.
 * A row's keys here are those its link would give were it not deleted, read from the cell's text without
 * the link check (registeredPageKeys of a row that fails it is empty): more rows, never fewer
 * (rowsReachingPages, which parses only the links holding a reached page's clues).
 *
 * Rows below the last edited row bear on neither check: the same ID or page twice is an error of the later
 * row, naming the first, and a row is decided by the rows above it. So they are read only when a new ID
 * must be unique among all (an edited row without one) or for the exemption check (it names the first
 * active page of the organization, wherever it is).
 */
import { organizationKey, registeredPageKeys, rowsOfOrganizations, rowsReachingPages } from './registerCheck';
import { assessRow, isBlankRegisterRow, type RawRegisterRow, type RegisterContext, type SharingRows } from './register';
import type { ColumnKey } from './types';

export interface RegisterWideReads {
  /** The columns of every row to read first. */
  first: readonly ColumnKey[];
  /** The last row to read them in (every row from the first data row on), or null: to the end of the sheet. */
  through: number | null;
  /**
   * Given every data row as read with `first` (the edited rows among them are not looked at): the
   * columns to read besides (deletion dates, links, exemptions, or none), the rows to read them in (from
   * the first to the last of the rows below; null when `more` is empty), and the other rows that can share
   * a page or an organization with the edited ones: assessRowsInRegister's `sharing`, the only rows whose
   * `more` columns it looks at.
   */
  then: (register: ReadonlyArray<RawRegisterRow>) => {
    more: readonly ColumnKey[];
    rows: { from: number; to: number } | null;
    sharing: SharingRows;
  };
}

const NO_ROWS: ReadonlySet<number> = new Set();
const NOTHING_SHARED: SharingRows = { pages: NO_ROWS, organizations: NO_ROWS };

/** What onEdit reads of the other rows for assessing `edited` (read in full) with assessRowsInRegister. */
export function registerWideReadsFor(
  edited: ReadonlyArray<RawRegisterRow>,
  context: RegisterContext,
): RegisterWideReads {
  // The page keys the edited rows register, and the organizations of those with an exemption, read as
  // assessRowsInRegister reads them (exemptionConflicts looks at a row with both).
  const wanted = new Set<string>();
  const exempt = new Set<string>();
  for (const raw of edited) {
    const page = assessRow(raw, context)?.page;
    if (page === undefined) continue;
    for (const key of registeredPageKeys(page, context.extraNetworks)) wanted.add(key);
    if (page.organization !== null && page.exemptionBasis !== null) exempt.add(organizationKey(page.organization));
  }
  const through =
    exempt.size > 0 || edited.some((raw) => needsNewId(raw.cells))
      ? null
      : edited.reduce((last, raw) => Math.max(last, raw.row), 0) - 1;
  const first: ColumnKey[] = ['id'];
  if (wanted.size > 0) first.push('link');
  if (exempt.size > 0) first.push('organization');
  if (first.length === 1) return { first, through, then: () => ({ more: [], rows: null, sharing: NOTHING_SHARED }) };
  const editedRows = new Set(edited.map((raw) => raw.row));
  return {
    first,
    through,
    then: (register) => {
      const pages = wanted.size > 0 ? rowsReachingPages(register, wanted, editedRows, context) : NO_ROWS;
      const organizations = exempt.size > 0 ? rowsOfOrganizations(register, exempt, editedRows, context) : NO_ROWS;
      const more: ColumnKey[] = [];
      if (pages.size > 0 || organizations.size > 0) more.push('deletedOn');
      // An active page of the organization (isActivePage): a link, no deletion date, no exemption.
      if (organizations.size > 0) more.push(...(wanted.size > 0 ? [] : (['link'] as const)), 'exemptionBasis');
      return {
        more,
        rows: more.length === 0 ? null : spanOf([pages, organizations]),
        sharing: { pages, organizations },
      };
    },
  };
}

/** The first and the last row of some sets (a loop: a spread of 50,000 rows into Math.min would not do). */
function spanOf(sets: ReadonlyArray<ReadonlySet<number>>): { from: number; to: number } {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const rows of sets) {
    for (const row of rows) {
      if (row < from) from = row;
      if (row > to) to = row;
    }
  }
  return { from, to };
}

/** A row that onEdit gives an ID: not blank, its «ID» empty. */
export function needsNewId(cells: RawRegisterRow['cells']): boolean {
  return !isBlankRegisterRow(cells) && String(cells.id ?? '').trim() === '';
}
