/**
 * What setup, onEdit and the check share: the day's context (settings, calendar, today), and the
 * cells of «ID», «Срок», «Состояние» and the notes that follow from an assessment.
 */
import { readDateCell } from '../../domain/cellValues';
import type { RegisterContext } from '../../domain/register';
import { extraNetworksOf, mailDomainsOf, type Settings } from '../../domain/settings';
import type { RowAssessment } from '../../domain/types';
import {
  calendarOf,
  parseCalendarSheet,
  readCalendar,
  type CalendarRead,
  type CalendarSheetRead,
} from './calendarSheet';
import type { RawRow, RegisterTable } from './registerSheet';
import type { RowUpdate } from './registerWrite';
import { readSettings, settingsOfRows, type SettingsRead } from './settingsSheet';
import { todayIn } from './sheetValues';

export interface DayContext {
  settings: SettingsRead;
  calendar: CalendarRead;
  register: RegisterContext;
}

/** Settings, calendar and today for the spreadsheet (two reads, neither growing with the register). */
export function loadDayContext(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): DayContext {
  const settings = readSettings(spreadsheet);
  const calendar = readCalendar(spreadsheet, timeZone);
  return { settings, calendar, register: registerContext(settings.settings, calendar, timeZone) };
}

/** «Настройки» and the calendar sheet parsed: plain data, which the context cache keeps. */
export interface DaySheets {
  settings: SettingsRead;
  calendar: CalendarSheetRead;
}

/** The sheets' rows as getValues gave them (null: no such sheet) parsed. */
export function daySheetsOfRows(
  settingsRows: unknown[][] | null,
  calendarRows: unknown[][] | null,
  timeZone: string,
): DaySheets {
  return { settings: settingsOfRows(settingsRows), calendar: parseCalendarSheet(calendarRows, timeZone) };
}

/** The day's context from the parsed sheets (read now, or from the context cache). */
export function dayContextOf(sheets: DaySheets, timeZone: string): DayContext {
  const calendar = calendarOf(sheets.calendar);
  return {
    settings: sheets.settings,
    calendar,
    register: registerContext(sheets.settings.settings, calendar, timeZone),
  };
}

export function registerContext(settings: Settings, calendar: CalendarRead, timeZone: string): RegisterContext {
  // No domains and no coordinators yet: nothing to warn against (the daily check then mails the domain of
  // the user it runs as, see dailyCheck.ts).
  const mailDomains = mailDomainsOf(settings);
  return {
    today: todayIn(timeZone),
    calendar: calendar.calendar,
    timeZone,
    extraNetworks: extraNetworksOf(settings),
    inForce: settings.decreeInForce,
    ...(mailDomains.length > 0 ? { mailDomains } : {}),
  };
}

function sameText(value: unknown, wanted: string): boolean {
  return String(value ?? '').trim() === wanted;
}

function sameDate(value: unknown, wanted: string | null, timeZone: string): boolean {
  if (wanted === null) return value === '' || value === null || value === undefined;
  const reading = readDateCell(value, timeZone);
  return reading.ok && reading.value === wanted;
}

/**
 * «Срок» and «Состояние» of each row whose cells differ from the assessment (a blank row: both empty).
 * Columns the sheet lacks are left out.
 */
export function computedUpdates(
  table: RegisterTable,
  rows: readonly RawRow[],
  assessments: ReadonlyMap<number, RowAssessment>,
): RowUpdate[] {
  const hasDeadline = table.positions.deadline !== undefined;
  const hasState = table.positions.state !== undefined;
  const updates: RowUpdate[] = [];
  for (const raw of rows) {
    const assessment = assessments.get(raw.row);
    const deadline = assessment?.deadline ?? null;
    const state = assessment?.state ?? '';
    const values: RowUpdate['values'] = {};
    if (hasDeadline && !sameDate(raw.cells.deadline, deadline, table.timeZone)) values.deadline = deadline;
    if (hasState && !sameText(raw.cells.state, state)) values.state = state;
    if (Object.keys(values).length > 0) updates.push({ row: raw.row, values });
  }
  return updates;
}
