/**
 * Findings about the register as a whole, beyond single rows: the same page registered twice, and
 * organisations with neither an active page nor an exemption (decree No. 1199, п. 3.2.1.1 and 4).
 * Pure.
 */
import { normalizeHeader } from './columns';
import { normalizeLink, type NetworkSpec } from './links';
import { columnProblem } from './schemas';
import type { Page, Problem } from './types';

export interface ReviewedRow {
  /** 1-based sheet row. */
  row: number;
  page: Page;
  problems: Problem[];
}

export interface RegisterGap {
  /** The organisation's name as its first row writes it. */
  organization: string;
  message: string;
}

export interface RegisterReview {
  /** Every row's problems: its own, then the register's findings about it. */
  rowProblems: Map<number, Problem[]>;
  gaps: RegisterGap[];
}

/** One organisation, however its name is written: case, spaces, quotes and ё ignored. */
export function organizationKey(name: string): string {
  return normalizeHeader(name).replace(/\s/g, '');
}

/** A page in force: not an exemption row, not deleted, with a link. The gaps, the summary's totals and the site list all read it so. */
export function isActivePage(page: Page): boolean {
  return (page.exemptionBasis ?? '').trim() === '' && page.deletedOn === null && (page.link ?? '').trim() !== '';
}

/**
 * What makes two rows the same page: the normal form of the link (links.ts) of a page not deleted. Null
 * for a deleted page or a link that does not read: such a row registers nothing another could repeat.
 */
export function registeredPageKey(
  page: Pick<Page, 'link' | 'deletedOn'>,
  extraNetworks: readonly NetworkSpec[] = NO_NETWORKS,
): string | null {
  if (page.deletedOn !== null || page.link === null) return null;
  // One normal form per link text and list of networks: the checks compare every row's.
  let known = NORMAL_LINKS.get(extraNetworks);
  if (known === undefined) {
    known = new Map();
    NORMAL_LINKS.set(extraNetworks, known);
  }
  let normal = known.get(page.link);
  if (normal === undefined) {
    normal = normalizeLink(page.link, extraNetworks);
    if (known.size >= NORMAL_LINKS_LIMIT) known.clear();
    known.set(page.link, normal);
  }
  return normal;
}

const NO_NETWORKS: readonly NetworkSpec[] = [];
const NORMAL_LINKS = new WeakMap<readonly NetworkSpec[], Map<string, string | null>>();
const NORMAL_LINKS_LIMIT = 100_000;

/** Rows registering a page that an earlier row already registers, each with the first row. */
export function duplicatePageRows(
  rows: ReadonlyArray<Pick<ReviewedRow, 'row' | 'page'>>,
  options: { extraNetworks?: readonly NetworkSpec[] } = {},
): Map<number, number> {
  const firstRowOfPage = new Map<string, number>();
  const duplicates = new Map<number, number>();
  for (const { row, page } of [...rows].sort((a, b) => a.row - b.row)) {
    const key = registeredPageKey(page, options.extraNetworks);
    if (key === null) continue;
    const first = firstRowOfPage.get(key);
    if (first === undefined) firstRowOfPage.set(key, row);
    else duplicates.set(row, first);
  }
  return duplicates;
}

/** The message of a row that repeats the page of row `first`. */
export function duplicatePageProblem(first: number): Problem {
  return columnProblem('link', 'error', `эта страница уже внесена в строке ${first}.`);
}

export function reviewRegister(
  rows: ReadonlyArray<ReviewedRow>,
  options: { extraNetworks?: readonly NetworkSpec[] } = {},
): RegisterReview {
  const ordered = [...rows].sort((a, b) => a.row - b.row);
  const rowProblems = new Map<number, Problem[]>(ordered.map(({ row, problems }) => [row, [...problems]]));

  // The same page twice among the rows not deleted: the later rows name the first.
  for (const [row, first] of duplicatePageRows(ordered, options))
    rowProblems.get(row)?.push(duplicatePageProblem(first));

  // Organisations with no active page and no exemption.
  const organizations = new Map<string, { name: string; active: boolean; exempt: boolean; deleted: boolean }>();
  for (const { page } of ordered) {
    if (page.organization === null) continue;
    const key = organizationKey(page.organization);
    const entry = organizations.get(key) ?? { name: page.organization, active: false, exempt: false, deleted: false };
    entry.active ||= isActivePage(page);
    entry.exempt ||= page.exemptionBasis !== null;
    entry.deleted ||= page.deletedOn !== null && page.exemptionBasis === null;
    organizations.set(key, entry);
  }
  const gaps: RegisterGap[] = [];
  for (const { name, active, exempt, deleted } of organizations.values()) {
    if (active || exempt) continue;
    gaps.push({
      organization: name,
      message: deleted
        ? 'Все страницы удалены: действующей официальной страницы нет, основание освобождения (п. 4) не указано.'
        : 'Нет действующей официальной страницы, и основание освобождения (п. 4) не указано.',
    });
  }
  return { rowProblems, gaps };
}
