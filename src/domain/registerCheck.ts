/**
 * Findings about the register as a whole, beyond single rows: the same page registered twice, and
 * organizations with neither an active page nor an exemption (decree No. 1199, п. 3.2.1.1 and 4).
 * Pure.
 */
import { readTextCell } from './cellValues';
import { normalizeHeader } from './columns';
import { pageKeyClues, pageLinkKeys, type NetworkSpec } from './links';
import { columnProblem } from './schemas';
import { TextMemo } from './memo';
import { isUnreliableRow } from './statedColumns';
import type { Page, Problem } from './types';

export interface ReviewedRow {
  /** 1-based sheet row. */
  row: number;
  page: Page;
  problems: Problem[];
}

export interface RegisterGap {
  /** The organization's name as its first row writes it. */
  organization: string;
  message: string;
}

/** How many of an undetermined organization's rows in error are named; the rest are counted. */
const NAMED_ERROR_ROWS = 5;

/**
 * What is said of each undetermined organization: which of its rows to fix. Why it cannot be judged is
 * said once, above the list (views/check.ts): nine organizations once said it nine times.
 */
function undeterminedMessage(errorRows: readonly number[]): string {
  const named = errorRows.slice(0, NAMED_ERROR_ROWS).join(', ');
  const more = errorRows.length > NAMED_ERROR_ROWS ? ` и ещё ${errorRows.length - NAMED_ERROR_ROWS}` : '';
  return `${errorRows.length === 1 ? 'ошибки в строке' : 'ошибки в строках'} ${named}${more}.`;
}

export interface RegisterReview {
  /** Every row's problems: its own, then the register's findings about it. */
  rowProblems: Map<number, Problem[]>;
  /** Organizations with no active page and no exemption, every row of them read without error. */
  gaps: RegisterGap[];
  /**
   * Organizations with neither an active page nor an exemption, some row of which is in error
   * (statedColumns.ts, isUnreliableRow): whether they have a page cannot be said until the rows are
   * fixed — the ЦУР letter does not count them either.
   */
  undetermined: RegisterGap[];
}

/** One organization, however its name is written: case, spaces, quotes and ё ignored. */
export function organizationKey(name: string): string {
  // Every row's organization, three times a check: the same few thousand names.
  return ORGANIZATION_KEYS.get(name);
}

const ORGANIZATION_KEYS = new TextMemo((name) => normalizeHeader(name).replace(/\s/g, ''));

/** A page in force: not an exemption row, not deleted, with a link. The gaps, the summary's totals and the site list all read it so. */
export function isActivePage(page: Page): boolean {
  return (page.exemptionBasis ?? '').trim() === '' && page.deletedOn === null && (page.link ?? '').trim() !== '';
}

/**
 * What makes two rows the same page: the normal form of any of its links (links.ts; a cell may write one
 * page twice, pageLinks) of a page not deleted. Empty for a deleted page or a link that does not read:
 * such a row registers nothing another could repeat.
 */
export function registeredPageKeys(
  page: Pick<Page, 'link' | 'deletedOn'>,
  extraNetworks: readonly NetworkSpec[] = NO_NETWORKS,
): string[] {
  if (page.deletedOn !== null || page.link === null) return [];
  // The cell's links are remembered by cellLinks (links.ts): their keys are read from there.
  return pageLinkKeys(page.link, extraNetworks);
}

const NO_NETWORKS: readonly NetworkSpec[] = [];

/** Rows registering a page that an earlier row already registers (under any of its links), each with the first row. */
export function duplicatePageRows(
  rows: ReadonlyArray<Pick<ReviewedRow, 'row' | 'page'>>,
  options: { extraNetworks?: readonly NetworkSpec[] } = {},
): Map<number, number> {
  const firstRowOfPage = new Map<string, number>();
  const duplicates = new Map<number, number>();
  for (const { row, page } of inRowOrder(rows)) {
    const keys = registeredPageKeys(page, options.extraNetworks);
    let first: number | undefined;
    for (let index = 0; index < keys.length && first === undefined; index++) {
      first = firstRowOfPage.get(keys[index] as string);
    }
    if (first !== undefined) duplicates.set(row, first);
    else for (const key of keys) firstRowOfPage.set(key, row);
  }
  return duplicates;
}

/**
 * The rows (of `rows`, but for `skip`) whose link cells reach the page keys `from`, directly or through
 * other such rows: a row reaches a key its link text gives (registeredPageKeys of the text, as if not
 * deleted and whatever the link check says: more rows, never fewer), and then reaches all its keys. The
 * set is closed: every row sharing such a key with a row of it is in it. So whether one of the rows
 * registering `from` repeats a page (duplicatePageRows) is decided by these rows alone. A row's link is
 * parsed only when its text holds, lowercased, every clue of a reached key (pageKeyClues) or a
 * percent-escape: no other text can give one, so 10,000 links are not parsed for one edit.
 */
export function rowsReachingPages(
  rows: ReadonlyArray<{ row: number; cells: { link?: unknown } }>,
  from: Iterable<string>,
  skip: ReadonlySet<number>,
  options: { extraNetworks?: readonly NetworkSpec[]; timeZone: string },
): Set<number> {
  const reached = new Set(from);
  const clues = [...reached].map(pageKeyClues);
  const found = new Set<number>();
  const lowered = new Map<number, string>();
  for (let grew = reached.size > 0; grew;) {
    grew = false;
    for (const { row, cells } of rows) {
      const cell = cells.link;
      if (skip.has(row) || found.has(row) || cell === undefined || cell === null || cell === '') continue;
      if (typeof cell === 'string') {
        let text = lowered.get(row);
        if (text === undefined) {
          text = cell.toLowerCase();
          lowered.set(row, text);
        }
        if (!text.includes('%') && !clues.some((keyClues) => keyClues.every((clue) => text.includes(clue)))) continue;
      }
      const text = readTextCell(cell, options.timeZone);
      const keys = registeredPageKeys({ link: text.ok ? text.value : null, deletedOn: null }, options.extraNetworks);
      if (!keys.some((key) => reached.has(key))) continue;
      found.add(row);
      for (const key of keys) {
        if (reached.has(key)) continue;
        reached.add(key);
        clues.push(pageKeyClues(key));
        grew = true;
      }
    }
  }
  return found;
}

/**
 * The rows (of `rows`, but for `skip`) naming one of the organizations `keys` (organizationKey), the name
 * read as readKeyFields reads it: all an exemption's warning (exemptionConflicts) depends on besides its
 * own row.
 */
export function rowsOfOrganizations(
  rows: ReadonlyArray<{ row: number; cells: { organization?: unknown } }>,
  keys: ReadonlySet<string>,
  skip: ReadonlySet<number>,
  options: { timeZone: string },
): Set<number> {
  const found = new Set<number>();
  for (const { row, cells } of rows) {
    if (skip.has(row)) continue;
    const name = readTextCell(cells.organization, options.timeZone);
    if (name.ok && name.value !== null && keys.has(organizationKey(name.value))) found.add(row);
  }
  return found;
}

/** The message of a row that repeats the page of row `first`. */
export function duplicatePageProblem(first: number): Problem {
  return columnProblem('link', 'error', `эта страница уже внесена в строке ${first}.`);
}

/**
 * An exemption (п. 4) says the organization need not have a page; with an active page one of the two is
 * wrong: the exemption rows (of `ordered`, by sheet row) each with the warning naming the first active page.
 */
export function exemptionConflicts(ordered: ReadonlyArray<Pick<ReviewedRow, 'row' | 'page'>>): Map<number, Problem> {
  const firstActiveRow = new Map<string, number>();
  for (const { row, page } of ordered) {
    if (page.organization === null || !isActivePage(page)) continue;
    const key = organizationKey(page.organization);
    if (!firstActiveRow.has(key)) firstActiveRow.set(key, row);
  }
  const conflicts = new Map<number, Problem>();
  for (const { row, page } of ordered) {
    if (page.organization === null || page.exemptionBasis === null) continue;
    const active = firstActiveRow.get(organizationKey(page.organization));
    if (active === undefined) continue;
    conflicts.set(
      row,
      columnProblem(
        'exemptionBasis',
        'warning',
        `у организации есть действующая страница (строка ${active}), а здесь указано освобождение (п. 4): ` +
          'уберите освобождение или отметьте удаление страницы.',
      ),
    );
  }
  return conflicts;
}

export function reviewRegister(
  rows: ReadonlyArray<ReviewedRow>,
  options: { extraNetworks?: readonly NetworkSpec[] } = {},
): RegisterReview {
  const { findings, gaps, undetermined } = registerFindings(rows, options);
  const rowProblems = new Map<number, Problem[]>(
    rows.map(({ row, problems }) => [row, [...problems, ...(findings.get(row) ?? [])]]),
  );
  return { rowProblems, gaps, undetermined };
}

/** The rows by sheet row: as given when they already are (a full check's are), else a sorted copy. */
function inRowOrder<T extends { row: number }>(rows: ReadonlyArray<T>): ReadonlyArray<T> {
  for (let index = 1; index < rows.length; index++) {
    if ((rows[index - 1] as T).row > (rows[index] as T).row) return [...rows].sort((a, b) => a.row - b.row);
  }
  return rows;
}

export interface RegisterFindings extends Omit<RegisterReview, 'rowProblems'> {
  /** The register's findings about a row (the same page twice, an exemption beside an active page), only for rows with some. */
  findings: Map<number, Problem[]>;
}

/** reviewRegister's findings alone: a full check adds them to its own rows' lists without copying every row's. */
export function registerFindings(
  rows: ReadonlyArray<ReviewedRow>,
  options: { extraNetworks?: readonly NetworkSpec[] } = {},
): RegisterFindings {
  const ordered = inRowOrder(rows);
  const findings = new Map<number, Problem[]>();
  const add = (row: number, problem: Problem): void => {
    const list = findings.get(row);
    if (list === undefined) findings.set(row, [problem]);
    else list.push(problem);
  };

  // The same page twice among the rows not deleted: the later rows name the first.
  const duplicates = duplicatePageRows(ordered, options);
  for (const [row, first] of duplicates) add(row, duplicatePageProblem(first));

  // Organizations with no active page and no exemption.
  const organizations = new Map<
    string,
    { name: string; active: boolean; exempt: boolean; deleted: boolean; errorRows: number[] }
  >();
  for (const reviewed of ordered) {
    const { page } = reviewed;
    if (page.organization === null) continue;
    const key = organizationKey(page.organization);
    const entry = organizations.get(key) ?? {
      name: page.organization,
      active: false,
      exempt: false,
      deleted: false,
      errorRows: [],
    };
    // A row in error counts neither as a page nor as an exemption: the ЦУР letter's totals (summary.ts) say the same.
    const unreliable = isUnreliableRow(reviewed, duplicates.has(reviewed.row));
    if (unreliable) entry.errorRows.push(reviewed.row);
    entry.active ||= !unreliable && isActivePage(page);
    entry.exempt ||= !unreliable && page.exemptionBasis !== null;
    entry.deleted ||= page.deletedOn !== null && page.exemptionBasis === null;
    organizations.set(key, entry);
  }
  for (const [row, problem] of exemptionConflicts(ordered)) add(row, problem);
  const gaps: RegisterGap[] = [];
  const undetermined: RegisterGap[] = [];
  for (const { name, active, exempt, deleted, errorRows } of organizations.values()) {
    if (active || exempt) continue;
    if (errorRows.length > 0) {
      undetermined.push({ organization: name, message: undeterminedMessage(errorRows) });
      continue;
    }
    gaps.push({
      organization: name,
      message: deleted
        ? 'все страницы удалены: действующей официальной страницы нет, основание освобождения (п. 4) не указано.'
        : 'нет действующей официальной страницы, и основание освобождения (п. 4) не указано.',
    });
  }
  return { findings, gaps, undetermined };
}
