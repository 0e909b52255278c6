/**
 * The register with its rows and the day's context, in as few service calls as the context cache
 * (contextCache.ts) allows: with a current entry, one cache read and one getValues of the header row
 * and every row below it (the header row read is compared with the cached one, so a moved column is
 * never trusted); without one, the register at the layout stored in the document properties
 * (registerLayout.ts; checked the same way) or else by its data range (values and formulas, the header
 * found in it), «Настройки» and the calendar are read and the entry stored for the next time.
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
import {
  headerTexts,
  rememberLayout,
  sameHeader,
  sameStoredHeader,
  storedLayout,
  type RegisterLayout,
} from './registerLayout';
import { withDocumentPropertiesForRead } from '../platform/documentProperties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RegisterRead {
  table: RegisterTable;
  /** Every data row up to the last one with content (blank ones between included). */
  rows: RawRow[];
  day: DayContext;
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
 * The range from a layout's header row to the sheet's last row (open-ended A1: no getLastRow), or null
 * when its sheet is gone (renamed or deleted).
 */
export function cachedRange(
  spreadsheet: Spreadsheet,
  layout: RegisterLayout,
  firstColumn = 1,
  lastColumn = layout.width,
) {
  const a1 = `${quotedSheetName(layout.registerName)}!${columnLetter(firstColumn)}${layout.headerRow}:${columnLetter(lastColumn)}`;
  try {
    return spreadsheet.getRange(a1);
  } catch {
    return null;
  }
}

type Opened = Omit<RegisterRead, 'day'>;

/**
 * The register at a layout (the context cache's or the stored one): one getValues of the header row and
 * every row below it, trusted only when that header row is the layout's (so a moved column is never
 * written to by a stale position), then the formulas. Null when it is not, or the sheet is gone. A stored
 * layout's values are read one column wider when the sheet has one more (sameStoredHeader: nothing named
 * after it).
 */
function readAtLayout(
  spreadsheet: Spreadsheet,
  layout: RegisterLayout,
  timeZone: string,
  stored: boolean,
): Opened | null {
  const range = cachedRange(spreadsheet, layout);
  if (range === null) return null;
  // The values one column wider (its cells only: the formulas keep the layout's width).
  const wide = stored ? cachedRange(spreadsheet, layout, 1, layout.width + 1) : null;
  let block = (wide ?? range).getValues();
  const header = block[0] ?? [];
  if (stored ? !sameStoredHeader(header, layout) : !sameHeader(header, layout.headers)) return null;
  const formulas = range.getFormulas();
  if (wide !== null) block = block.map((row) => row.slice(0, layout.width));
  let last = block.length - 1;
  while (last > 0 && isBlankRow(block[last] as unknown[])) last -= 1;
  const table = tableOfHeader(
    range.getSheet(),
    { name: layout.registerName, headerRow: layout.headerRow, lastRow: layout.headerRow + last, timeZone },
    block[0] ?? [],
  );
  // The open-ended read went to the sheet's last row: its size is known without asking.
  table.maxRows = layout.headerRow + block.length - 1;
  return {
    table,
    rows: rawRowsOf(table, layout.headerRow + 1, block.slice(1, last + 1), formulas.slice(1, last + 1)),
  };
}

/** The register found as without any layout: its sheet looked up, its whole data range read. */
function readDataRange(spreadsheet: Spreadsheet, timeZone: () => string): Opened | null {
  const sheet = findRegisterSheet(spreadsheet);
  if (sheet === null) return null;
  // The whole data range at once: the header is found in its first rows (no getLastRow, getLastColumn or
  // second read of the top), the rows below it are the data.
  const range = sheet.getDataRange();
  const block = range.getValues();
  const formulas = range.getFormulas();
  const table = tableOfBlock(sheet, block, timeZone());
  const [from, to] = [table.headerRow, table.lastRow];
  return { table, rows: rawRowsOf(table, from + 1, block.slice(from, to), formulas.slice(from, to)) };
}

export interface ReadOptions {
  /**
   * Whether a context read from the sheets is stored in the cache (one Cache.put). The daily check
   * stores none: it runs before the working day, long before the entry's hour would be used, and the
   * first edit or menu action after it stores its own.
   */
  cacheContext?: boolean;
}

/**
 * The register, all its data rows and the day's context; null when the spreadsheet has no register.
 * With a current cache entry: one cache read and one getValues (and the formulas). Without one: the
 * document properties read once (the remembered sheet name and the stored layout: registerLayout.ts),
 * the time zone, the register at the stored layout when its header still matches (else looked up and
 * read by its data range), «Настройки» and the calendar (one call each, always from their sheets), and
 * the context stored in the cache for the next operation.
 */
export function readRegister(
  spreadsheet: Spreadsheet,
  lookup: ContextLookup = lookUpContext(),
  options: ReadOptions = {},
): RegisterRead | null {
  if (lookup.context !== null) {
    const { context } = lookup;
    const read = readAtLayout(spreadsheet, context, context.timeZone, false);
    if (read !== null) {
      // Free within the daily check's properties (and written only when it changed).
      rememberLayout(read.table);
      return { ...read, day: dayContextOf(context.sheets, context.timeZone) };
    }
  }
  // Within a run that has them (the daily check) the properties cost nothing more; otherwise their one
  // read replaces the getProperty of the remembered sheet name, and a changed layout is written at its end.
  return withDocumentPropertiesForRead(() => {
    let zone: string | null = null;
    const timeZone = (): string => (zone ??= spreadsheet.getSpreadsheetTimeZone() || MOSCOW_TIME_ZONE);
    const layout = storedLayout();
    const opened =
      (layout === null ? null : readAtLayout(spreadsheet, layout, timeZone(), true)) ??
      readDataRange(spreadsheet, timeZone);
    if (opened === null) return null;
    const { table } = opened;
    rememberLayout(table);
    const sheets = readDaySheets(spreadsheet, table.timeZone);
    if (options.cacheContext !== false) storeContext(contextOf(table, sheets), lookup.version);
    return { ...opened, day: dayContextOf(sheets, table.timeZone) };
  });
}

/** The day's context alone (settings, calendar, today): one cache read when the cache is current. */
export function readDayContext(spreadsheet: Spreadsheet, lookup: ContextLookup = lookUpContext()): DayContext {
  const { context } = lookup;
  if (context !== null) return dayContextOf(context.sheets, context.timeZone);
  return loadDayContext(spreadsheet, spreadsheet.getSpreadsheetTimeZone() || MOSCOW_TIME_ZONE);
}
