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
  govMark: boolean;
  govPublics: boolean;
  note: string | null;
}

export type EventKind = 'creation' | 'deletion';
