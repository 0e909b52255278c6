/**
 * Shared vocabulary of the domain. Pure types: no Apps Script globals, no clock.
 * Dates are calendar days in Europe/Moscow written as ISO strings 'YYYY-MM-DD'.
 */
export type IsoDate = string;

export type ColumnKey =
  | 'id'
  | 'organization'
  | 'orgKind'
  | 'network'
  | 'link'
  | 'createdOn'
  | 'deletedOn'
  | 'responsibleName'
  | 'responsiblePosition'
  | 'responsibleEmail'
  | 'authorizedName'
  | 'esiaVerified'
  | 'exemptionBasis'
  | 'deptReportedCreation'
  | 'deptReportedDeletion'
  | 'tsurReportedCreation'
  | 'tsurReportedDeletion'
  | 'deadline'
  | 'state'
  | 'ogrn'
  | 'inn'
  | 'govMark'
  | 'govPublics'
  | 'note';

export type Severity = 'error' | 'warning';

/** One finding about a row; `column` null means the row as a whole. */
export interface Problem {
  column: ColumnKey | null;
  severity: Severity;
  message: string;
}

/** A register row after normalisation. Fields that could not be read are null (and a Problem says why). */
export interface Page {
  id: string | null;
  organization: string | null;
  orgKind: string | null;
  network: string | null;
  link: string | null;
  createdOn: IsoDate | null;
  deletedOn: IsoDate | null;
  responsibleName: string | null;
  responsiblePosition: string | null;
  responsibleEmail: string | null;
  authorizedName: string | null;
  esiaVerified: boolean;
  exemptionBasis: string | null;
  deptReportedCreation: IsoDate | null;
  deptReportedDeletion: IsoDate | null;
  tsurReportedCreation: IsoDate | null;
  tsurReportedDeletion: IsoDate | null;
  ogrn: string | null;
  /** An organization's ИНН, 10 digits (optional). */
  inn: string | null;
  govMark: boolean;
  govPublics: boolean;
  note: string | null;
}

export type EventKind = 'creation' | 'deletion';

/** What the sidebar sends: every value a string as typed (dates as ISO 'YYYY-MM-DD' or ''), checkboxes as booleans. */
export interface PageInput {
  id: string;
  organization: string;
  orgKind: string;
  network: string;
  link: string;
  createdOn: string;
  deletedOn: string;
  responsibleName: string;
  responsiblePosition: string;
  responsibleEmail: string;
  authorizedName: string;
  esiaVerified: boolean;
  exemptionBasis: string;
  ogrn: string;
  inn: string;
  govMark: boolean;
  govPublics: boolean;
  note: string;
}

/** The working-day calendar (src/domain/calendar.ts builds it). */
export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /** The n-th working day after `date` (GK RF art. 191: counting starts the next day). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** True when the year has no approved list (only weekends and fixed holidays are known). */
  isProvisional(year: number): boolean;
}

/** 'beforeDecree': an event before the decree came into force, not yet reported: no deadline ran for it. */
export type ObligationStatus = 'pending' | 'dueToday' | 'overdue' | 'reportedInTime' | 'reportedLate' | 'beforeDecree';

/** One creation or deletion of a page and its two reporting obligations. */
export interface EventAssessment {
  kind: EventKind;
  date: IsoDate;
  deptDeadline: IsoDate;
  tsurDeadline: IsoDate;
  reportedToDept: IsoDate | null;
  reportedToTsur: IsoDate | null;
  deptStatus: ObligationStatus;
  tsurStatus: ObligationStatus;
  /** An obligation of this event is still open after its deadline. */
  overdue: boolean;
  /** Deadline falls in a year whose calendar is provisional. */
  provisional: boolean;
  /** The event happened before decree No. 1199 came into force: reported once, as such, never overdue. */
  beforeDecree: boolean;
}

/** Everything the add-on knows about one register row on a given day. */
export interface RowAssessment {
  /** 1-based sheet row. */
  row: number;
  page: Page;
  problems: Problem[];
  events: EventAssessment[];
  /** The nearest deadline still open, or null. */
  deadline: IsoDate | null;
  /** The «Состояние» text. */
  state: string;
}
