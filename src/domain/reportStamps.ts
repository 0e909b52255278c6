/**
 * «Сообщено в отдел (…)»: entering a creation or deletion date in the register (in the sheet or the
 * sidebar) is the department's report to the coordinator (decree cl. 3.2.2), so the stamp is that day.
 * It is set once: a stamp already there (or typed by the coordinator) is never replaced — unless it is
 * earlier than the date just entered, when it reports an earlier event (a page deleted again after
 * being restored) and this event needs its own (obligations.ts, stampOfEvent).
 */
import { readDateCell } from './cellValues';
import { EVENT_COLUMNS, deptReportDay, stampOfEvent, type StampKey } from './obligations';
import type { SheetCells } from './schemas';
import type { ColumnKey, EventAssessment, EventKind, IsoDate, Page, Problem } from './types';

export type EventDateField = 'createdOn' | 'deletedOn';

export const DEPT_REPORT_STAMPS: ReadonlyArray<{ field: EventDateField; stamp: StampKey }> = Object.values(
  EVENT_COLUMNS,
).map(({ date, dept }) => ({ field: date, stamp: dept }));

export interface StampInput {
  /**
   * The event dates the person has just entered or changed — and, for a save in the sidebar, those of
   * events no report covers yet (unreportedDates): that save is the department's report too.
   */
  entered: ReadonlySet<EventDateField>;
  /** The row as it reads after the entry. */
  page: Page;
  problems: readonly Problem[];
  /** Whether the row's stamp cell is still empty. */
  stampIsEmpty: (stamp: ColumnKey) => boolean;
  today: IsoDate;
}

/** The stamps to write: today, for each entered date that reads without an error and has no stamp of its own yet. */
export function deptReportStamps(input: StampInput): Partial<Record<ColumnKey, IsoDate>> {
  const stamps: Partial<Record<ColumnKey, IsoDate>> = {};
  for (const { field, stamp } of DEPT_REPORT_STAMPS) {
    if (!input.entered.has(field) || input.page[field] === null) continue;
    if (input.problems.some((problem) => problem.column === field && problem.severity === 'error')) continue;
    const previous = input.page[stamp];
    const stale = previous !== null && stampOfEvent(previous, input.page[field]) === null;
    if (input.stampIsEmpty(stamp) || stale) stamps[stamp] = input.today;
  }
  return stamps;
}

/**
 * The event dates of a row that the coordinator has not been told of (no «Сообщено в отдел (…)» that
 * counts, and no ЦУР stamp proving it): a save of the page in the sidebar reports them.
 */
export function unreportedDates(events: readonly EventAssessment[]): Set<EventDateField> {
  return new Set(
    events.filter((event) => event.reportedToDept === null).map((event) => EVENT_COLUMNS[event.kind].date),
  );
}

/** The same, read from a row's cells (a page the sidebar opens): its events the coordinator was not told of. */
export function unreportedEventsOfCells(
  cells: SheetCells,
  timeZone: string,
): Array<{ kind: EventKind; date: IsoDate }> {
  const day = (key: ColumnKey): IsoDate | null => {
    const read = readDateCell(cells[key], timeZone);
    return read.ok ? read.value : null;
  };
  return (Object.keys(EVENT_COLUMNS) as EventKind[]).flatMap((kind) => {
    const columns = EVENT_COLUMNS[kind];
    const date = day(columns.date);
    return date !== null && deptReportDay(date, day(columns.dept), day(columns.tsur)) === null ? [{ kind, date }] : [];
  });
}
