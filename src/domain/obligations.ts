/**
 * Reporting obligations of decree No. 1199 for one register row: a created or deleted page must be
 * reported to the coordinator within 2 working days (3.2.2) and by the coordinator to ЦУР within 3
 * (3.1.5), counted from the day after the event (GK RF art. 191); a report on the deadline day is in time.
 */
import { formatRuDate, yearOf } from './isoDate';
import { columnProblem } from './schemas';
import type { EventAssessment, EventKind, IsoDate, ObligationStatus, Page, Problem, WorkingCalendar } from './types';

/** The stamp columns of a page, the fields of Page holding report dates. */
export type StampKey =
  'deptReportedCreation' | 'deptReportedDeletion' | 'tsurReportedCreation' | 'tsurReportedDeletion';

/** Each event's date column and its two report stamps: to the coordinator (п. 3.2.2) and to ЦУР (п. 3.1.5). */
export const EVENT_COLUMNS: Readonly<
  Record<EventKind, { date: 'createdOn' | 'deletedOn'; dept: StampKey; tsur: StampKey }>
> = {
  creation: { date: 'createdOn', dept: 'deptReportedCreation', tsur: 'tsurReportedCreation' },
  deletion: { date: 'deletedOn', dept: 'deptReportedDeletion', tsur: 'tsurReportedDeletion' },
};

const EVENT_KINDS = Object.keys(EVENT_COLUMNS) as EventKind[];

/**
 * A stamp earlier than its event's date reports an earlier event of the same kind (a page restored, its
 * deletion date cleared, then deleted again later): it says nothing about this one. Null then.
 */
export function stampOfEvent(stamp: IsoDate | null, date: IsoDate): IsoDate | null {
  return stamp !== null && stamp >= date ? stamp : null;
}

/** The stamps of a page that predate their event, so do not count (see stampOfEvent). */
export function staleStamps(page: Page): Array<{ kind: EventKind; column: StampKey; stamp: IsoDate; date: IsoDate }> {
  const stale: Array<{ kind: EventKind; column: StampKey; stamp: IsoDate; date: IsoDate }> = [];
  for (const kind of EVENT_KINDS) {
    const columns = EVENT_COLUMNS[kind];
    const date = page[columns.date];
    if (date === null) continue;
    for (const column of [columns.dept, columns.tsur]) {
      const stamp = page[column];
      if (stamp !== null && stampOfEvent(stamp, date) === null) stale.push({ kind, column, stamp, date });
    }
  }
  return stale;
}

const EVENT_DATE_WORDS: Readonly<Record<EventKind, string>> = { creation: 'создания', deletion: 'удаления' };

/** A warning for each stamp that predates its event: it is not counted, and a new date is needed. */
export function staleStampProblems(page: Page): Problem[] {
  return staleStamps(page).map(({ kind, column, stamp, date }) =>
    columnProblem(
      column,
      'warning',
      `отметка ${formatRuDate(stamp)} раньше даты ${EVENT_DATE_WORDS[kind]} ${formatRuDate(date)}: она относится к прежнему ` +
        'событию и не учитывается. Поставьте дату, когда сообщено об этом событии.',
    ),
  );
}

/** Working days for the department / organization to tell the coordinator (п. 3.2.2). */
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
  /** ЦУР overdue because the department reported after its own deadline (п. 3.2.2) — the delay began there. */
  overdueTsurDeptLate: 'Просрочено: ЦУР (отдел сообщил поздно)',
  /** Reported late to ЦУР, but the department was late first. */
  reportedLateDept: 'Сообщено с опозданием (отдел сообщил поздно)',
  /** An event before the decree came into force, not yet reported to ЦУР (it is, once, in its own section). */
  beforeDecree: 'Создана до вступления в силу',
  deletedBeforeDecree: 'Удалена до вступления в силу',
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

/**
 * Decree No. 1199 of 29.08.2023 came into force the day after its official publication (п. 7); the
 * earliest such day is 30.08.2023. The coordinator sets the true day in «Настройки» (settings.ts).
 */
export const DEFAULT_DECREE_IN_FORCE: IsoDate = '2023-08-30';

function status(reported: IsoDate | null, deadline: IsoDate, today: IsoDate, beforeDecree = false): ObligationStatus {
  if (beforeDecree) return reported === null ? 'beforeDecree' : 'reportedInTime';
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

/**
 * The day the department's report of an event counts from, or null when none covers it. ЦУР can only
 * have been told what the coordinator already knew: a ЦУР stamp proves the department had reported by
 * that day, whether or not its own stamp is there (or is later, after an edit).
 */
export function deptReportDay(date: IsoDate, deptStamp: IsoDate | null, tsurStamp: IsoDate | null): IsoDate | null {
  return earlier(stampOfEvent(deptStamp, date), stampOfEvent(tsurStamp, date));
}

function assessEvent(
  kind: EventKind,
  date: IsoDate,
  deptStamp: IsoDate | null,
  tsurStampRead: IsoDate | null,
  calendar: WorkingCalendar,
  today: IsoDate,
  inForce: IsoDate,
): EventAssessment {
  const deptDeadline = calendar.addWorkingDays(date, DEPT_WORKING_DAYS);
  const tsurDeadline = calendar.addWorkingDays(date, TSUR_WORKING_DAYS);
  const tsurStamp = stampOfEvent(tsurStampRead, date);
  const reportedToDept = deptReportDay(date, deptStamp, tsurStampRead);
  // No duty ran before the rules did: such an event is reported once and is never late.
  const beforeDecree = date < inForce;
  const deptStatus = status(reportedToDept, deptDeadline, today, beforeDecree);
  const tsurStatus = status(tsurStamp, tsurDeadline, today, beforeDecree);
  // Provisional when any day counted (from the day after the event to the last deadline) lies in a
  // year without an approved list.
  let provisional = false;
  // (The day after 31 December is in the next year; no date arithmetic needed for that.)
  for (let year = yearOf(date) + (date.endsWith('-12-31') ? 1 : 0); year <= yearOf(tsurDeadline); year += 1) {
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
    beforeDecree,
  };
}

/**
 * The creation (when createdOn is set) and the deletion (when deletedOn is set) of a page with the
 * status of both obligations on `today`. `reportedToDept` is the effective date: the department's
 * stamp, or the ЦУР stamp when that is earlier or the department's is missing. A stamp earlier than
 * its event's date is not counted (stampOfEvent): the obligation is open again. A row with an
 * exemption and no dates has no events.
 */
export function assessObligations(
  page: Page,
  calendar: WorkingCalendar,
  today: IsoDate,
  inForce: IsoDate = DEFAULT_DECREE_IN_FORCE,
): ObligationsAssessment {
  const events: EventAssessment[] = [];
  for (const kind of EVENT_KINDS) {
    const columns = EVENT_COLUMNS[kind];
    const date = page[columns.date];
    if (date !== null) {
      events.push(assessEvent(kind, date, page[columns.dept], page[columns.tsur], calendar, today, inForce));
    }
  }
  let deadline: IsoDate | null = null;
  for (const event of events) {
    if (isOpen(event.deptStatus)) deadline = earlier(deadline, event.deptDeadline);
    if (isOpen(event.tsurStatus)) deadline = earlier(deadline, event.tsurDeadline);
  }
  return { events, deadline };
}

/** The department told the coordinator after its own deadline (п. 3.2.2), or has not told yet and that deadline passed. */
export function departmentLate(event: EventAssessment): boolean {
  return event.deptStatus === 'reportedLate' || event.deptStatus === 'overdue';
}

/**
 * The «Состояние» of a row. Precedence, first match wins:
 * filling errors (nothing else can be trusted) → no events: exemption or no data →
 * something overdue: ЦУР before department (the later, coordinator-side breach is the one to act on),
 * and whose delay it is (the ЦУР deadline runs from the event, п. 3.1.5: a department that reported
 * late, or not at all, made the coordinator late too) → due today → open but not yet due →
 * an event before the decree came into force, not yet reported → all reported: late (whose) before
 * deleted before plain «Сообщено».
 */
export function rowState(input: { page: Page; events: readonly EventAssessment[]; hasErrors: boolean }): RowState {
  const { page, events, hasErrors } = input;
  if (hasErrors) return STATES.errors;
  if (events.length === 0) return (page.exemptionBasis ?? '').trim() !== '' ? STATES.exemption : STATES.noData;
  const anyStatus = (wanted: ObligationStatus): boolean =>
    events.some((event) => event.deptStatus === wanted || event.tsurStatus === wanted);
  const tsurOverdue = events.filter((event) => event.tsurStatus === 'overdue');
  if (tsurOverdue.some((event) => event.reportedToDept === null)) return STATES.overdueDept;
  if (tsurOverdue.some(departmentLate)) return STATES.overdueTsurDeptLate;
  if (tsurOverdue.length > 0) return STATES.overdueTsur;
  if (events.some((event) => event.deptStatus === 'overdue')) return STATES.overdueDept;
  if (anyStatus('dueToday')) return STATES.dueToday;
  if (anyStatus('pending')) return STATES.onTime;
  const before = events.find((event) => event.tsurStatus === 'beforeDecree');
  if (before !== undefined) return before.kind === 'deletion' ? STATES.deletedBeforeDecree : STATES.beforeDecree;
  const late = events.filter((event) => event.tsurStatus === 'reportedLate' || event.deptStatus === 'reportedLate');
  if (late.some(departmentLate)) return STATES.reportedLateDept;
  if (late.length > 0) return STATES.reportedLate;
  if (page.deletedOn !== null) return STATES.deleted;
  return STATES.reported;
}
