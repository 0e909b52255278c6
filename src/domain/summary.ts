/**
 * The summary for ЦУР (decree clause 3.1.5): which creations and deletions are still unreported, and the
 * register's totals; summaryLetter.ts writes the letter. Pure: rows come in already assessed, "today" is a
 * parameter.
 */
import type { NetworkSpec } from './links';
import { EVENT_COLUMNS } from './obligations';
import { duplicatePageRows, isActivePage, organizationKey } from './registerCheck';
import { REQUIRED_FOR_PAGE } from './schemas';
import { isUnreliableRow, statedErrors } from './statedColumns';
import type { ColumnKey, EventKind, IsoDate, RowAssessment } from './types';

/** One creation or deletion not yet reported to ЦУР. */
export interface PendingEvent {
  /** `<page ID>:<kind>`: names the event across sorts and edits of the sheet. */
  id: string;
  pageId: string;
  /** 1-based sheet row when it was read (informative only: stamps are written by page ID). */
  row: number;
  kind: EventKind;
  organization: string;
  orgKind: string;
  network: string;
  link: string;
  date: IsoDate;
  /** The ЦУР deadline (3 working days). */
  deadline: IsoDate;
  overdue: boolean;
  /** The deadline rests on a year with no approved calendar. */
  provisional: boolean;
  /** Before decree No. 1199 came into force: reported once, in its own section, with no deadline. */
  beforeDecree: boolean;
  /** The department's deadline (п. 3.2.2) and the day the coordinator learnt of the event (null: not known). */
  deptDeadline: IsoDate;
  reportedToDept: IsoDate | null;
  ogrn: string;
  inn: string;
  responsibleName: string;
  responsiblePosition: string;
  authorizedName: string;
  esiaVerified: boolean;
  govMark: boolean;
  govPublics: boolean;
}

/** A row whose unreported events cannot go into the summary until it is corrected, and why (Russian). */
export interface ExcludedRow {
  row: number;
  reasons: string[];
  /** The cells to fix (the sheet adapter names them «Реестр!E12»). */
  columns: ColumnKey[];
}

export interface PendingSelection {
  /** Overdue first, then by deadline. */
  events: PendingEvent[];
  /** Sheet rows with an unreported event but no ID: they cannot be stamped, so they wait for «Настроить реестр». */
  rowsWithoutId: number[];
  /**
   * Rows with an unreported event left out until corrected: the same page as an earlier row (it would be
   * reported twice), an «ID» with an error (the same ID twice: the stamp could land on the other row), or
   * a «Сообщено в ЦУР (…)» cell holding something not a date (it may say the event was reported).
   */
  excluded: ExcludedRow[];
}

export interface SelectionOptions {
  /** Networks configured in «Настройки», for the normal form of their links. */
  extraNetworks?: readonly NetworkSpec[];
}

export const EVENT_KIND_LABELS: Readonly<Record<EventKind, string>> = { creation: 'Создание', deletion: 'Удаление' };

export function eventId(pageId: string, kind: EventKind): string {
  return `${pageId}:${kind}`;
}

/** The page ID and kind of an event ID, or null when it is not one. */
export function parseEventId(id: string): { pageId: string; kind: EventKind } | null {
  const at = id.lastIndexOf(':');
  if (at <= 0) return null;
  const kind = id.slice(at + 1);
  if (kind !== 'creation' && kind !== 'deletion') return null;
  return { pageId: id.slice(0, at), kind };
}

/** Events before the decree last (their own section); overdue first; then the nearest deadline, the event date, the organization, the row. */
export function compareEvents(a: PendingEvent, b: PendingEvent): number {
  if (a.beforeDecree !== b.beforeDecree) return a.beforeDecree ? 1 : -1;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return (
    a.deadline.localeCompare(b.deadline) ||
    a.date.localeCompare(b.date) ||
    a.organization.localeCompare(b.organization, 'ru') ||
    a.row - b.row ||
    a.kind.localeCompare(b.kind)
  );
}

/** What the letter says for a cell in error: the value is not asserted until the row is fixed. */
const NOT_ASSERTED = 'уточняется';

/** A cell's text for the letter, or NOT_ASSERTED when the cell has an error. */
function unlessInError(row: RowAssessment, column: ColumnKey): string {
  if (errorsOf(row, column).length > 0) return NOT_ASSERTED;
  const value = row.page[column as keyof typeof row.page];
  return typeof value === 'string' ? value : '';
}

function errorsOf(row: RowAssessment, column: ColumnKey): string[] {
  return row.problems
    .filter((problem) => problem.column === column && problem.severity === 'error')
    .map((problem) => problem.message);
}

/**
 * A row in error with an event not yet reported to ЦУР that the error may hide: one dated later than
 * today, or a date cell filled but rejected (its event is gone until the cell is fixed). Named among the
 * excluded rows, so that nothing waiting for ЦУР drops silently out of the preview.
 */
function unreportedInError(row: RowAssessment): boolean {
  if (statedErrors(row).length === 0) return false;
  if (row.events.some((event) => event.reportedToTsur === null)) return true;
  return Object.values(EVENT_COLUMNS).some(
    ({ date, tsur }) =>
      row.page[tsur] === null &&
      row.problems.some(
        (problem) =>
          problem.severity === 'error' && problem.column === date && !problem.message.endsWith(REQUIRED_FOR_PAGE),
      ),
  );
}

/**
 * Every creation and deletion with no «Сообщено в ЦУР» date of its own (obligations.ts), up to today;
 * rows that cannot be reported safely are left out and named (see PendingSelection).
 */
export function selectPendingEvents(
  rows: readonly RowAssessment[],
  today: IsoDate,
  options: SelectionOptions = {},
): PendingSelection {
  const events: PendingEvent[] = [];
  const rowsWithoutId: number[] = [];
  const excluded: ExcludedRow[] = [];
  const duplicates = duplicatePageRows(rows, options);
  for (const row of rows) {
    const pending = row.events.filter((event) => event.reportedToTsur === null && event.date <= today);
    if (pending.length === 0 && !unreportedInError(row)) continue;
    const pageId = (row.page.id ?? '').trim();
    if (pageId === '' && errorsOf(row, 'id').length === 0 && pending.length > 0) {
      rowsWithoutId.push(row.row);
      continue;
    }
    const reasons: string[] = [];
    const columns: ColumnKey[] = [];
    const add = (column: ColumnKey, messages: readonly string[]): void => {
      if (messages.length === 0) return;
      reasons.push(...messages);
      if (!columns.includes(column)) columns.push(column);
    };
    const first = duplicates.get(row.row);
    if (first !== undefined)
      add('link', [`та же страница уже внесена в строке ${first} — удалите или исправьте повтор.`]);
    for (const error of statedErrors(row)) {
      if (!(first !== undefined && error.column === 'link' && /уже внесена в строке/.test(error.message))) {
        add(error.column, [error.message]);
      }
    }
    add('id', errorsOf(row, 'id'));
    for (const event of pending) add(EVENT_COLUMNS[event.kind].tsur, errorsOf(row, EVENT_COLUMNS[event.kind].tsur));
    if (reasons.length > 0) {
      excluded.push({ row: row.row, reasons, columns });
      continue;
    }
    for (const event of pending) {
      events.push({
        id: eventId(pageId, event.kind),
        pageId,
        row: row.row,
        kind: event.kind,
        organization: row.page.organization ?? '',
        orgKind: row.page.orgKind ?? '',
        network: row.page.network ?? '',
        link: row.page.link ?? '',
        date: event.date,
        deadline: event.tsurDeadline,
        overdue: event.tsurStatus === 'overdue',
        provisional: event.provisional,
        beforeDecree: event.beforeDecree,
        deptDeadline: event.deptDeadline,
        reportedToDept: event.reportedToDept,
        ogrn: unlessInError(row, 'ogrn'),
        inn: unlessInError(row, 'inn'),
        responsibleName: unlessInError(row, 'responsibleName'),
        responsiblePosition: unlessInError(row, 'responsiblePosition'),
        authorizedName: unlessInError(row, 'authorizedName'),
        esiaVerified: row.page.esiaVerified,
        govMark: row.page.govMark,
        govPublics: row.page.govPublics,
      });
    }
  }
  events.sort(compareEvents);
  return { events, rowsWithoutId, excluded };
}

export interface SummaryTotals {
  /** Active official pages per network, in the order networks first appear in `networks` then the register. */
  activeByNetwork: Array<{ network: string; count: number }>;
  activeTotal: number;
  /** Organizations with an agreed exemption (п. 4). */
  exemptOrganizations: number;
  /** Organizations with no active page and no exemption. */
  gaps: string[];
  /**
   * Organizations with neither a counted active page nor an exemption, some of whose rows are in error (a
   * stated column, the exemption, or a repeated page): the register cannot say whether they have a page,
   * so they are neither counted nor named to ЦУР as gaps until the rows are fixed (named in the preview).
   */
  notJudged: string[];
}

/**
 * The register's totals for the letter. `networks` (from «Настройки») fixes the order and shows a network
 * with no page as 0. `gaps` are the register review's organizations with no active page and no exemption.
 * A page registered in two rows is counted once; a row with an error in what the letter states (or in its
 * exemption) is not counted. Each organization is then one of: with a counted active page, exempt, a gap
 * (every row of it read without error), or not judged (see SummaryTotals.notJudged).
 */
export function summaryTotals(
  rows: readonly RowAssessment[],
  networks: readonly string[],
  gaps: readonly string[],
  options: SelectionOptions = {},
): SummaryTotals {
  const counts = new Map<string, number>(networks.map((network) => [network, 0]));
  const exempt = new Set<string>();
  const active = new Set<string>();
  // Organizations with a row the letter cannot rely on, by key, with the name as their first such row writes it.
  const inError = new Map<string, string>();
  // A page registered twice counts once: its first row.
  const duplicates = duplicatePageRows(rows, options);
  for (const assessed of rows) {
    const { row, page } = assessed;
    const organization = (page.organization ?? '').trim();
    const key = organizationKey(organization);
    // What the letter cannot assert is not counted.
    if (isUnreliableRow(assessed, duplicates.has(row))) {
      if (organization !== '' && !inError.has(key)) inError.set(key, organization);
      continue;
    }
    if ((page.exemptionBasis ?? '').trim() !== '') {
      if (organization !== '') exempt.add(key);
    } else if (isActivePage(page)) {
      const network = (page.network ?? '').trim();
      counts.set(network, (counts.get(network) ?? 0) + 1);
      if (organization !== '') active.add(key);
    }
  }
  const judged = (key: string): boolean => active.has(key) || exempt.has(key);
  const activeByNetwork = [...counts.entries()].map(([network, count]) => ({ network, count }));
  return {
    activeByNetwork,
    activeTotal: activeByNetwork.reduce((sum, { count }) => sum + count, 0),
    exemptOrganizations: exempt.size,
    gaps: gaps.filter((name) => !inError.has(organizationKey(name)) && !judged(organizationKey(name))),
    notJudged: [...inError].filter(([key]) => !judged(key)).map(([, name]) => name),
  };
}
