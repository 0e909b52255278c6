/**
 * Reporting obligations of decree No. 1199 for one register row: a created or deleted page must be
 * reported to the coordinator within 2 working days (3.2.2) and by the coordinator to ЦУР within 3
 * (3.1.5), counted from the day after the event (GK RF art. 191); a report on the deadline day is in time.
 */
import { addDays, yearOf } from './isoDate';
import type { EventAssessment, EventKind, IsoDate, ObligationStatus, Page, WorkingCalendar } from './types';

/** Working days for the department / organisation to tell the coordinator (п. 3.2.2). */
export const DEPT_WORKING_DAYS = 2;
/** Working days for the coordinator to tell ЦУР (п. 3.1.5). */
export const TSUR_WORKING_DAYS = 3;

/** The «Состояние» texts. */
export const STATES = {
  errors: 'Ошибки заполнения',
  exemption: 'Освобождение (п. 4)',
  overdueTsur: 'Просрочено: ЦУР',
  overdueDept: 'Просрочено: отдел',
  dueToday: 'Срок сегодня',
  onTime: 'В срок',
  reportedLate: 'Сообщено с опозданием',
  deleted: 'Удалена',
  reported: 'Сообщено',
  noData: 'Нет данных',
} as const;

export type RowState = (typeof STATES)[keyof typeof STATES];

export interface ObligationsAssessment {
  events: EventAssessment[];
  /** The earliest deadline of an obligation not yet reported, or null. */
  deadline: IsoDate | null;
}

function status(reported: IsoDate | null, deadline: IsoDate, today: IsoDate): ObligationStatus {
  if (reported !== null) return reported <= deadline ? 'reportedInTime' : 'reportedLate';
  if (today > deadline) return 'overdue';
  return today === deadline ? 'dueToday' : 'pending';
}

const isOpen = (value: ObligationStatus): boolean => value === 'pending' || value === 'dueToday' || value === 'overdue';

function earlier(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

function assessEvent(
  kind: EventKind,
  date: IsoDate,
  deptStamp: IsoDate | null,
  tsurStamp: IsoDate | null,
  calendar: WorkingCalendar,
  today: IsoDate,
): EventAssessment {
  const deptDeadline = calendar.addWorkingDays(date, DEPT_WORKING_DAYS);
  const tsurDeadline = calendar.addWorkingDays(date, TSUR_WORKING_DAYS);
  // ЦУР can only have been told what the coordinator already knew: a ЦУР stamp proves the department
  // had reported by that day, whether or not its own stamp is there (or is later, after an edit).
  const reportedToDept = earlier(deptStamp, tsurStamp);
  const deptStatus = status(reportedToDept, deptDeadline, today);
  const tsurStatus = status(tsurStamp, tsurDeadline, today);
  // Provisional when any day counted (from the day after the event to the last deadline) lies in a
  // year without an approved list.
  let provisional = false;
  for (let year = yearOf(addDays(date, 1)); year <= yearOf(tsurDeadline); year += 1) {
    if (calendar.isProvisional(year)) provisional = true;
  }
  return {
    kind,
    date,
    deptDeadline,
    tsurDeadline,
    reportedToDept,
    reportedToTsur: tsurStamp,
    deptStatus,
    tsurStatus,
    overdue: deptStatus === 'overdue' || tsurStatus === 'overdue',
    provisional,
  };
}

/**
 * The creation (when createdOn is set) and the deletion (when deletedOn is set) of a page with the
 * status of both obligations on `today`. `reportedToDept` is the effective date: the department's
 * stamp, or the ЦУР stamp when that is earlier or the department's is missing. A row with an
 * exemption and no dates has no events.
 */
export function assessObligations(page: Page, calendar: WorkingCalendar, today: IsoDate): ObligationsAssessment {
  const events: EventAssessment[] = [];
  if (page.createdOn !== null) {
    events.push(
      assessEvent('creation', page.createdOn, page.deptReportedCreation, page.tsurReportedCreation, calendar, today),
    );
  }
  if (page.deletedOn !== null) {
    events.push(
      assessEvent('deletion', page.deletedOn, page.deptReportedDeletion, page.tsurReportedDeletion, calendar, today),
    );
  }
  let deadline: IsoDate | null = null;
  for (const event of events) {
    if (isOpen(event.deptStatus)) deadline = earlier(deadline, event.deptDeadline);
    if (isOpen(event.tsurStatus)) deadline = earlier(deadline, event.tsurDeadline);
  }
  return { events, deadline };
}

/**
 * The «Состояние» of a row. Precedence, first match wins:
 * filling errors (nothing else can be trusted) → no events: exemption or no data →
 * something overdue, ЦУР before department (the later, coordinator-side breach is the one to act on) →
 * due today → open but not yet due → all reported: late before deleted before plain «Сообщено».
 */
export function rowState(input: { page: Page; events: readonly EventAssessment[]; hasErrors: boolean }): RowState {
  const { page, events, hasErrors } = input;
  if (hasErrors) return STATES.errors;
  if (events.length === 0) return (page.exemptionBasis ?? '').trim() !== '' ? STATES.exemption : STATES.noData;
  const statuses = events.flatMap((event) => [event.deptStatus, event.tsurStatus]);
  if (events.some((event) => event.tsurStatus === 'overdue')) return STATES.overdueTsur;
  if (events.some((event) => event.deptStatus === 'overdue')) return STATES.overdueDept;
  if (statuses.includes('dueToday')) return STATES.dueToday;
  if (statuses.includes('pending')) return STATES.onTime;
  if (statuses.includes('reportedLate')) return STATES.reportedLate;
  if (page.deletedOn !== null) return STATES.deleted;
  return STATES.reported;
}
