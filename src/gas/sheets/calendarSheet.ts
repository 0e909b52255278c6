/**
 * «Производственный календарь»: per-year lists of days off and working Saturdays, so a coordinator
 * adds next year's decree without a code change. Setup pre-fills it with the built-in lists; from then
 * on a year the sheet names is read from the sheet alone (a row deleted there is a day taken out), and
 * the built-in lists only serve the years the sheet does not name (createCalendar).
 */
import {
  CALENDAR_SHEET_HEADERS,
  DAY_KIND_LABELS,
  calendarSheetRows,
  createCalendar,
  parseCalendarRows,
  type CalendarEntry,
  type CalendarRowProblem,
} from '../../domain/calendar';
import { SHEET_NAMES } from '../../domain/columns';
import type { WorkingCalendar } from '../../domain/types';
import { readSheetColumns } from './registerSheet';
import { dateCell } from './sheetValues';

export interface CalendarRead {
  calendar: WorkingCalendar;
  problems: CalendarRowProblem[];
  exists: boolean;
}

/** The working calendar: the sheet's years from the sheet, the others built in (one getValues). */
export function readCalendar(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): CalendarRead {
  return calendarOf(parseCalendarSheet(readCalendarRows(spreadsheet), timeZone));
}

/**
 * The sheet's columns (CALENDAR_SHEET_HEADERS), header included, down to its last row, in one call
 * (readSheetColumns); null when there is no sheet.
 */
export function readCalendarRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): unknown[][] | null {
  return readSheetColumns(spreadsheet, SHEET_NAMES.calendar, CALENDAR_SHEET_HEADERS.length);
}

/** What the sheet says, parsed: plain data (the context cache keeps it as JSON). */
export interface CalendarSheetRead {
  entries: CalendarEntry[];
  problems: CalendarRowProblem[];
  exists: boolean;
}

/** The sheet's cells parsed (null: no sheet). */
export function parseCalendarSheet(rows: unknown[][] | null, timeZone: string): CalendarSheetRead {
  if (rows === null) return { entries: [], problems: [], exists: false };
  return { ...parseCalendarRows(rows.slice(1), { firstRow: 2, timeZone }), exists: true };
}

/** The working calendar of a parsed sheet (no sheet: the built-in lists). */
export function calendarOf(sheet: CalendarSheetRead): CalendarRead {
  const calendar = sheet.exists ? createCalendar({ entries: sheet.entries }) : createCalendar();
  return { calendar, problems: sheet.problems, exists: sheet.exists };
}

/** Creates the calendar sheet pre-filled with the built-in lists; leaves an existing one alone. Returns true when created. */
export function ensureCalendarSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): boolean {
  // A sheet an interrupted setup left without its days (header only, or nothing) is filled like a new one.
  const existing = spreadsheet.getSheetByName(SHEET_NAMES.calendar);
  if (existing !== null && existing.getLastRow() > 1) return false;
  const sheet = existing ?? spreadsheet.insertSheet(SHEET_NAMES.calendar);
  const rows = calendarSheetRows().map(([date, kind, basis]) => [dateCell(date, timeZone), kind, basis]);
  sheet
    .getRange(1, 1, 1, CALENDAR_SHEET_HEADERS.length)
    .setValues([[...CALENDAR_SHEET_HEADERS]])
    .setFontWeight('bold');
  sheet.getRange(2, 1, rows.length, CALENDAR_SHEET_HEADERS.length).setValues(rows);
  const dataRows = Math.max(sheet.getMaxRows(), rows.length + 1) - 1;
  sheet
    .getRange(2, 1, dataRows, 1)
    .setNumberFormat('dd.mm.yyyy')
    .setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireDate()
        .setAllowInvalid(false)
        .setHelpText('Дата в формате ДД.ММ.ГГГГ.')
        .build(),
    );
  sheet
    .getRange(2, 2, dataRows, 1)
    .setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList(Object.values(DAY_KIND_LABELS), true)
        .setAllowInvalid(false)
        .setHelpText('«Нерабочий» — выходной или праздник в будний день; «Рабочий» — рабочая суббота или воскресенье.')
        .build(),
    );
  sheet.setFrozenRows(1);
  return true;
}
