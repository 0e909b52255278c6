/**
 * report.json of `npm start`: what the add-on itself computes from the spreadsheet after the run. The
 * sheets' values are read back and put through the domain (settings, production calendar,
 * assessRegister, the ЦУР summary's selection of pending events) — no calculation of its own.
 *
 * The shape is a contract for automated checks of the add-on's results; keep it stable:
 * {"today", "rows": [{"row", "id", "organization", "deadline", "state", "events": [{"kind", "date",
 * "deptDeadline", "tsurDeadline", "reportedToDept", "reportedToTsur", "overdue"}], "problems":
 * [{"column", "severity", "message"}]}], "summary": {"pendingEvents", "overdueEvents", "recipients"}}.
 */
import { CONTROL_SUBJECT_START } from '../src/domain/controlLetter';
import { createCalendar, parseCalendarRows } from '../src/domain/calendar';
import { COLUMN_BY_KEY, SHEET_NAMES } from '../src/domain/columns';
import { readDateCell } from '../src/domain/cellValues';
import { catalogueCell } from '../src/domain/formulas';
import { assessRegister, type RegisterAssessment } from '../src/domain/register';
import {
  extraNetworksOf,
  mailDomainsOf,
  parseSettings,
  type ParsedSettings,
  type Settings,
} from '../src/domain/settings';
import { selectPendingEvents } from '../src/domain/summary';
import { summarySubject } from '../src/domain/summaryLetter';
import { DIGEST_SUBJECT_START, FAILURE_SUBJECT_START, REMINDER_SUBJECT_START } from '../src/domain/dailyCheck';
import { headerText, letterLinks } from '../src/domain/letter';
import type { ColumnKey, EventKind, IsoDate, RowAssessment, Severity } from '../src/domain/types';
import { HEADER_SCAN_ROWS, locateHeader, MIN_MATCHED_COLUMNS } from '../src/gas/sheets/registerSheet';

export interface ReportEvent {
  kind: EventKind;
  date: IsoDate;
  deptDeadline: IsoDate;
  tsurDeadline: IsoDate;
  reportedToDept: IsoDate | null;
  reportedToTsur: IsoDate | null;
  /**
   * Either obligation (department's or ЦУР's) is still open after its deadline. Not the letter's figure:
   * summary.overdueEvents counts only events past their ЦУР deadline in rows the letter takes.
   */
  overdue: boolean;
  /** Before decree No. 1199 came into force: no deadline ran (reported once, in its own section). */
  beforeDecree: boolean;
}

export interface ReportProblem {
  /** The column's canonical header; '' for a finding about the row as a whole. */
  column: string;
  severity: Severity;
  message: string;
}

export interface ReportRow {
  row: number;
  id: string;
  organization: string;
  deadline: IsoDate | null;
  state: string;
  events: ReportEvent[];
  problems: ReportProblem[];
}

/** The kinds of the add-on's letters. */
export type MailKind = 'digest' | 'reminder' | 'tsur' | 'control' | 'failure';

/** One letter the run sent. */
export interface ReportMail {
  /** Recipients, «a@b, c@d». */
  to: string;
  kind: MailKind;
  subject: string;
  /** The hrefs of the HTML part, in order. */
  links: string[];
}

export interface Report {
  today: IsoDate;
  /** The letters of the run (npm start adds them; absent when the report is built from sheets alone). */
  mail?: ReportMail[];
  rows: ReportRow[];
  summary: {
    /** Events the ЦУР summary would report now (not yet reported to ЦУР, dated today or earlier). */
    pendingEvents: number;
    /**
     * Of `pendingEvents`, those past their ЦУР deadline: the letter's and the preview's «с нарушенным
     * сроком» (rows in error are left out, as the letter leaves them out).
     */
    overdueEvents: number;
    recipients: string[];
    /** Rows whose events the summary leaves out until corrected (an error in what the letter states). */
    excludedRows: number[];
  };
}

/** The spreadsheet's values as getValues returns them, sheet by sheet. */
export interface SpreadsheetValues {
  /** Each sheet's values and, when given, its formulas (getFormulas: '' for a cell without one). */
  sheets: ReadonlyArray<{
    name: string;
    values: readonly (readonly unknown[])[];
    formulas?: readonly (readonly string[])[];
  }>;
  timeZone: string;
  /** The register's sheet name setup remembered (document property), when it is not «Реестр». */
  registerSheetName?: string | null;
}

export interface SpreadsheetAssessment {
  today: IsoDate;
  registerSheet: string | null;
  assessment: RegisterAssessment;
  settings: ParsedSettings;
  /** What the add-on wrote into «Состояние» and «Срок» of each row (absent columns read as ''/null). */
  written: Map<number, { state: string; deadline: IsoDate | null }>;
}

const SERVICE_SHEETS: ReadonlySet<string> = new Set([SHEET_NAMES.settings, SHEET_NAMES.calendar, SHEET_NAMES.journal]);

/** A Date made in another realm (the node:vm context of the bundle) as a Date of this one. */
function hostValue(value: unknown): unknown {
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  return value;
}

function matched(values: readonly (readonly unknown[])[]): number {
  return locateHeader(values.slice(0, HEADER_SCAN_ROWS).map((row) => [...row])).matched;
}

/** The register the way the add-on finds it: the remembered sheet, «Реестр», else the best-matching header. */
function registerSheetOf(input: SpreadsheetValues): SpreadsheetValues['sheets'][number] | null {
  const byName = (name: string | null | undefined) =>
    name ? (input.sheets.find((sheet) => sheet.name === name) ?? null) : null;
  const found = byName(input.registerSheetName) ?? byName(SHEET_NAMES.register);
  if (found) return found;
  let best: { sheet: SpreadsheetValues['sheets'][number]; matched: number } | null = null;
  for (const sheet of input.sheets) {
    if (SERVICE_SHEETS.has(sheet.name)) continue;
    const count = matched(sheet.values);
    if (count >= MIN_MATCHED_COLUMNS && (best === null || count > best.matched)) best = { sheet, matched: count };
  }
  return best?.sheet ?? null;
}

function writtenDate(value: unknown, timeZone: string): IsoDate | null {
  const reading = readDateCell(value, timeZone);
  return reading.ok ? reading.value : null;
}

/** Settings, calendar and register read from the values, and the register assessed on `today`. */
export function assessSpreadsheet(input: SpreadsheetValues, today: IsoDate): SpreadsheetAssessment {
  const sheet = (name: string) => input.sheets.find((candidate) => candidate.name === name)?.values ?? null;
  const settingsValues = sheet(SHEET_NAMES.settings);
  const settings = parseSettings(settingsValues ? settingsValues.map((row) => row.map(hostValue)) : []);
  const calendarValues = sheet(SHEET_NAMES.calendar);
  const calendar = createCalendar({
    entries: calendarValues
      ? parseCalendarRows(
          calendarValues.slice(1).map((row) => row.map(hostValue)),
          { firstRow: 2, timeZone: input.timeZone },
        ).entries
      : [],
  });
  const register = registerSheetOf(input);
  const values = register ? register.values.map((row) => row.map(hostValue)) : [];
  const header = locateHeader(values.slice(0, HEADER_SCAN_ROWS));
  const rawRows = values.slice(header.index + 1).map((cells, index) => {
    const row = header.index + 2 + index;
    const mapped: Partial<Record<ColumnKey, unknown>> = {};
    for (const [key, position] of Object.entries(header.map.positions) as Array<[ColumnKey, number]>) {
      mapped[key] = catalogueCell(key, cells[position], register?.formulas?.[header.index + 1 + index]?.[position]);
    }
    return { row, cells: mapped };
  });
  const assessment = assessRegister(rawRows, {
    today,
    calendar,
    timeZone: input.timeZone,
    extraNetworks: extraNetworksOf(settings.settings),
    inForce: settings.settings.decreeInForce,
    ...(mailDomainsOf(settings.settings).length > 0 ? { mailDomains: mailDomainsOf(settings.settings) } : {}),
  });
  const written = new Map(
    rawRows.map((raw) => [
      raw.row,
      {
        state: typeof raw.cells.state === 'string' ? raw.cells.state.trim() : '',
        deadline: writtenDate(raw.cells.deadline, input.timeZone),
      },
    ]),
  );
  return { today, registerSheet: register?.name ?? null, assessment, settings, written };
}

function reportRow(row: RowAssessment): ReportRow {
  return {
    row: row.row,
    id: row.page.id ?? '',
    organization: row.page.organization ?? '',
    deadline: row.deadline,
    state: row.state,
    events: row.events.map((event) => ({
      kind: event.kind,
      date: event.date,
      deptDeadline: event.deptDeadline,
      tsurDeadline: event.tsurDeadline,
      reportedToDept: event.reportedToDept,
      reportedToTsur: event.reportedToTsur,
      overdue: event.overdue,
      beforeDecree: event.beforeDecree,
    })),
    problems: row.problems.map((problem) => ({
      column: problem.column === null ? '' : COLUMN_BY_KEY[problem.column].header,
      severity: problem.severity,
      message: problem.message,
    })),
  };
}

/** The events the ЦУР summary would report now and the rows it leaves out: the letter's own selection. */
export function pendingSelection(input: SpreadsheetAssessment): ReturnType<typeof selectPendingEvents> {
  return selectPendingEvents(input.assessment.rows, input.today, {
    extraNetworks: extraNetworksOf(input.settings.settings),
  });
}

/** report.json from an assessed spreadsheet. */
export function buildReport(input: SpreadsheetAssessment): Report {
  const selection = pendingSelection(input);
  return {
    today: input.today,
    rows: input.assessment.rows.map(reportRow),
    summary: {
      pendingEvents: selection.events.length,
      overdueEvents: selection.events.filter((event) => event.overdue).length,
      recipients: [...input.settings.settings.tsurRecipients],
      excludedRows: selection.excluded.map((excluded) => excluded.row),
    },
  };
}

/** Counts for the printed report. */
export interface ReportCounts {
  rows: number;
  rowsWithErrors: number;
  errors: number;
  warnings: number;
  pendingEvents: number;
  overdueEvents: number;
  byState: Record<string, number>;
}

export function reportCounts(report: Report): ReportCounts {
  const byState: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  let rowsWithErrors = 0;
  for (const row of report.rows) {
    byState[row.state] = (byState[row.state] ?? 0) + 1;
    const rowErrors = row.problems.filter((problem) => problem.severity === 'error').length;
    errors += rowErrors;
    warnings += row.problems.length - rowErrors;
    if (rowErrors > 0) rowsWithErrors += 1;
  }
  return {
    rows: report.rows.length,
    rowsWithErrors,
    errors,
    warnings,
    pendingEvents: report.summary.pendingEvents,
    overdueEvents: report.summary.overdueEvents,
    byState,
  };
}

/** A row whose «Состояние» or «Срок» in the sheet differs from what the domain computes from its cells. */
export interface SheetDisagreement {
  row: number;
  column: string;
  inSheet: string;
  computed: string;
}

/**
 * Rows where the add-on (running in the Apps Script fakes) wrote another «Состояние» or «Срок» than the
 * domain computes here from the same cells: a sign that the bundle behaves differently in Apps Script's
 * runtime (a missing global, a time-zone slip) or that the columns were not brought up to date.
 */
export function disagreements(input: SpreadsheetAssessment): SheetDisagreement[] {
  const found: SheetDisagreement[] = [];
  for (const row of input.assessment.rows) {
    const written = input.written.get(row.row);
    if (written === undefined) continue;
    if (written.state !== row.state) {
      found.push({ row: row.row, column: COLUMN_BY_KEY.state.header, inSheet: written.state, computed: row.state });
    }
    if (written.deadline !== row.deadline) {
      found.push({
        row: row.row,
        column: COLUMN_BY_KEY.deadline.header,
        inSheet: written.deadline ?? '',
        computed: row.deadline ?? '',
      });
    }
  }
  return found;
}

/**
 * How a sent letter's kind is told from its subject. One row per kind; a new kind of letter adds its row
 * (e.g. the control letter: { kind: 'control', matches: (subject) => subject.startsWith(CONTROL_SUBJECT_START) }).
 */
export const MAIL_KINDS: ReadonlyArray<{
  kind: MailKind;
  matches(subject: string, settings: Settings, today: IsoDate): boolean;
}> = [
  {
    kind: 'tsur',
    matches: (subject, settings, today) => subject === headerText(summarySubject(settings.districtName, today)),
  },
  { kind: 'digest', matches: (subject) => subject.startsWith(DIGEST_SUBJECT_START) },
  { kind: 'reminder', matches: (subject) => subject.startsWith(REMINDER_SUBJECT_START) },
  { kind: 'failure', matches: (subject) => subject.startsWith(FAILURE_SUBJECT_START) },
  { kind: 'control', matches: (subject) => subject.startsWith(CONTROL_SUBJECT_START) },
];

/** The letters MailApp recorded, for report.json; a letter of no known kind is an error of the run. */
export function mailReport(
  sent: ReadonlyArray<{ to: string; subject: string; htmlBody?: string | undefined }>,
  settings: Settings,
  today: IsoDate,
): ReportMail[] {
  return sent.map((mail) => {
    const kind = MAIL_KINDS.find((candidate) => candidate.matches(mail.subject, settings, today))?.kind;
    if (kind === undefined)
      throw new Error(`report.json: письмо неизвестного вида «${mail.subject}» (добавьте его в MAIL_KINDS)`);
    return {
      to: mail.to
        .split(',')
        .map((address) => address.trim())
        .join(', '),
      kind,
      subject: mail.subject,
      links: letterLinks(mail.htmlBody ?? ''),
    };
  });
}
