/**
 * «Сообщено в отдел (…)»: entering a creation or deletion date in the register (in the sheet or the
 * sidebar) is the department's report to the coordinator (decree cl. 3.2.2), so the stamp is that day.
 * It is set once: a stamp already there (or typed by the coordinator) is never replaced.
 */
import type { ColumnKey, IsoDate, Page, Problem } from './types';

export type EventDateField = 'createdOn' | 'deletedOn';

export const DEPT_REPORT_STAMPS: ReadonlyArray<{ field: EventDateField; stamp: ColumnKey }> = [
  { field: 'createdOn', stamp: 'deptReportedCreation' },
  { field: 'deletedOn', stamp: 'deptReportedDeletion' },
];

export interface StampInput {
  /** The event dates the person has just entered or changed. */
  entered: ReadonlySet<EventDateField>;
  /** The row as it reads after the entry. */
  page: Page;
  problems: readonly Problem[];
  /** Whether the row's stamp cell is still empty. */
  stampIsEmpty: (stamp: ColumnKey) => boolean;
  today: IsoDate;
}

/** The stamps to write: today, for each entered date that reads without an error and has no stamp yet. */
export function deptReportStamps(input: StampInput): Partial<Record<ColumnKey, IsoDate>> {
  const stamps: Partial<Record<ColumnKey, IsoDate>> = {};
  for (const { field, stamp } of DEPT_REPORT_STAMPS) {
    if (!input.entered.has(field) || input.page[field] === null) continue;
    if (input.problems.some((problem) => problem.column === field && problem.severity === 'error')) continue;
    if (input.stampIsEmpty(stamp)) stamps[stamp] = input.today;
  }
  return stamps;
}
