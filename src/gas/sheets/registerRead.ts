/**
 * The register with its rows and the day's context, in as few service calls as the context cache
 * (contextCache.ts) allows: with a current entry, one cache read and one getValues of the header row
 * and every row below it (the header row read is compared with the cached one, so a moved column is
 * never trusted); without one, the register's data range (values and formulas, the header found in it),
 * «Настройки» and the calendar are read and the entry stored for the next time.
 */
import { MOSCOW_TIME_ZONE } from '../../domain/isoDate';
import { dayContextOf, daySheetsOfRows, loadDayContext, type DayContext, type DaySheets } from './computedColumns';
import { readCalendarRows } from './calendarSheet';
import { lookUpContext, storeContext, type CachedContext, type ContextLookup } from '../platform/contextCache';
import {
  columnLetter,
  findRegisterSheet,
  quotedSheetName,
  tableOfBlock,
  tableOfHeader,
  type RawRow,
  type RegisterTable,
} from './registerSheet';
import { isBlankRow, rawRowsOf } from './registerRows';
import { readSettingsRows } from './settingsSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RegisterRead {
  table: RegisterTable;
  /** Every data row up to the last one with content (blank ones between included). */
  rows: RawRow[];
  day: DayContext;
}

/** The header as the cache keeps it. */
export function headerTexts(header: readonly unknown[]): string[] {
  return header.map((cell) => String(cell));
}

function sameHeader(read: readonly unknown[], cached: readonly string[]): boolean {
  return read.length === cached.length && read.every((cell, index) => String(cell) === cached[index]);
}

/** What to cache about a register opened from the sheets. */
export function contextOf(table: RegisterTable, sheets: DaySheets): CachedContext {
  return {
    registerName: table.name,
    headerRow: table.headerRow,
    width: table.width,
    headers: headerTexts(table.headers),
    timeZone: table.timeZone,
    sheets,
  };
}

/** «Настройки» and the calendar read from their sheets (two getValues) and parsed in `timeZone`. */
export function readDaySheets(spreadsheet: Spreadsheet, timeZone: string): DaySheets {
  return daySheetsOfRows(readSettingsRows(spreadsheet), readCalendarRows(spreadsheet), timeZone);
}

/**
 * The range from the cached header row to the sheet's last row (open-ended A1: no getLastRow), or null
 * when the cached sheet is gone (renamed or deleted).
 */
export function cachedRange(
  spreadsheet: Spreadsheet,
  context: CachedContext,
  firstColumn = 1,
  lastColumn = context.width,
) {
  const a1 = `${quotedSheetName(context.registerName)}!${columnLetter(firstColumn)}${context.headerRow}:${columnLetter(lastColumn)}`;
  try {
    return spreadsheet.getRange(a1);
  } catch {
    return null;
  }
}

function fromCache(spreadsheet: Spreadsheet, context: CachedContext): RegisterRead | null {
  const range = cachedRange(spreadsheet, context);
  if (range === null) return null;
  const block = range.getValues();
  const header = block[0] ?? [];
  if (!sameHeader(header, context.headers)) return null;
  const formulas = range.getFormulas();
  let last = block.length - 1;
  while (last > 0 && isBlankRow(block[last] as unknown[])) last -= 1;
  const table = tableOfHeader(
    range.getSheet(),
    {
      name: context.registerName,
      headerRow: context.headerRow,
      lastRow: context.headerRow + last,
      timeZone: context.timeZone,
    },
    header,
  );
  // The open-ended read went to the sheet's last row: its size is known without asking.
  table.maxRows = context.headerRow + block.length - 1;
  return {
    table,
    rows: rawRowsOf(table, context.headerRow + 1, block.slice(1, last + 1), formulas.slice(1, last + 1)),
    day: dayContextOf(context.sheets, context.timeZone),
  };
}

/**
 * The register, all its data rows and the day's context; null when the spreadsheet has no register.
 * With a current cache entry: one cache read and one getValues.
 */
export function readRegister(spreadsheet: Spreadsheet, lookup: ContextLookup = lookUpContext()): RegisterRead | null {
  if (lookup.context !== null) {
    const read = fromCache(spreadsheet, lookup.context);
    if (read !== null) return read;
  }
  const sheet = findRegisterSheet(spreadsheet);
  if (sheet === null) return null;
  // The whole data range at once: the header is found in its first rows (no getLastRow, getLastColumn or
  // second read of the top), the rows below it are the data.
  const range = sheet.getDataRange();
  const block = range.getValues();
  const formulas = range.getFormulas();
  const table = tableOfBlock(sheet, block, spreadsheet.getSpreadsheetTimeZone() || MOSCOW_TIME_ZONE);
  const sheets = readDaySheets(spreadsheet, table.timeZone);
  storeContext(contextOf(table, sheets), lookup.version);
  const [from, to] = [table.headerRow, table.lastRow];
  return {
    table,
    rows: rawRowsOf(table, from + 1, block.slice(from, to), formulas.slice(from, to)),
    day: dayContextOf(sheets, table.timeZone),
  };
}

/** The day's context alone (settings, calendar, today): one cache read when the cache is current. */
export function readDayContext(spreadsheet: Spreadsheet, lookup: ContextLookup = lookUpContext()): DayContext {
  const { context } = lookup;
  if (context !== null) return dayContextOf(context.sheets, context.timeZone);
  return loadDayContext(spreadsheet, spreadsheet.getSpreadsheetTimeZone() || MOSCOW_TIME_ZONE);
}
