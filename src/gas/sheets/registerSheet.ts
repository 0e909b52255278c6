/**
 * The register sheet as a table found by header names: where the sheet and its header are, the column
 * of each catalogue key, cell addresses. Reading its rows: registerRows.ts; writing them: registerWrite.ts.
 * No call here is made once per row.
 */
import { COLUMNS, SHEET_NAMES, mapHeaders, type HeaderMap } from '../../domain/columns';
import { MOSCOW_TIME_ZONE } from '../../domain/isoDate';
import type { ColumnKey } from '../../domain/types';
import { readDocumentProperty } from '../platform/documentProperties';

/** What every action says when the spreadsheet has no register sheet. */
export const REGISTER_NOT_FOUND =
  'Лист реестра не найден. Координатор создаст его командой «Реестр страниц → Настроить реестр».';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The header is looked for in the first rows: some registers have a title above it. */
export const HEADER_SCAN_ROWS = 5;
/** A sheet not named «Реестр» is taken for the register when its header names this many catalogue columns. */
export const MIN_MATCHED_COLUMNS = 4;
/** Document property remembering the register sheet when it is named otherwise. */
export const REGISTER_SHEET_PROPERTY = 'registerSheetName';

export interface RegisterTable {
  sheet: Sheet;
  name: string;
  /** 1-based row of the header. */
  headerRow: number;
  /** Columns read (the sheet's last column with content when opened, at least 1). */
  width: number;
  headers: unknown[];
  /** 0-based position of each catalogue column found. */
  positions: Partial<Record<ColumnKey, number>>;
  duplicates: HeaderMap['duplicates'];
  /** The sheet's last row with content when opened. */
  lastRow: number;
  /** The spreadsheet's time zone: date cells are midnight of the day in it. */
  timeZone: string;
  /** The sheet's number of rows, when a read already told it (registerRead.ts). */
  maxRows?: number;
}

/** One data row as read: the catalogue columns by key, and the whole row as getValues gave it. */
export interface RawRow {
  /** 1-based sheet row. */
  row: number;
  cells: Partial<Record<ColumnKey, unknown>>;
  values: unknown[];
}

export interface HeaderLocation {
  /** 0-based index of the header row within the rows scanned. */
  index: number;
  map: HeaderMap;
  matched: number;
}

/** A row below the first is taken for the header only when it names at least this many catalogue columns. */
export const MIN_HEADER_MATCHES_BELOW_TOP = 3;

/**
 * The scanned row naming the most catalogue columns (the first on a tie). A lower row wins over the
 * first only with MIN_HEADER_MATCHES_BELOW_TOP or more, so that a data cell that happens to read like a
 * header («Страница») does not move the header down.
 */
export function locateHeader(rows: readonly (readonly unknown[])[]): HeaderLocation {
  const first = mapHeaders(rows[0] ?? []);
  let best: HeaderLocation = { index: 0, map: first, matched: Object.keys(first.positions).length };
  rows.forEach((cells, index) => {
    const map = mapHeaders(cells);
    const matched = Object.keys(map.positions).length;
    if (index > 0 && matched > best.matched && matched >= MIN_HEADER_MATCHES_BELOW_TOP) best = { index, map, matched };
  });
  return best;
}

function readTop(sheet: Sheet): { rows: unknown[][]; lastRow: number; width: number } {
  const lastRow = sheet.getLastRow();
  const width = Math.max(1, sheet.getLastColumn());
  if (lastRow === 0) return { rows: [], lastRow, width };
  const rows = sheet.getRange(1, 1, Math.min(HEADER_SCAN_ROWS, lastRow), width).getValues();
  return { rows, lastRow, width };
}

/** The table of a header row already read (positions by mapHeaders, as locateHeader gives for it). */
export function tableOfHeader(
  sheet: Sheet,
  place: { name: string; headerRow: number; lastRow: number; timeZone: string },
  header: unknown[],
): RegisterTable {
  const map = mapHeaders(header);
  return {
    sheet,
    name: place.name,
    headerRow: place.headerRow,
    width: Math.max(1, header.length),
    headers: header,
    positions: map.positions,
    duplicates: map.duplicates,
    lastRow: place.lastRow,
    timeZone: place.timeZone,
  };
}

function tableOf(sheet: Sheet, top: ReturnType<typeof readTop>, timeZone: string): RegisterTable {
  const location = locateHeader(top.rows);
  return {
    sheet,
    name: sheet.getName(),
    headerRow: location.index + 1,
    width: top.width,
    headers: top.rows[location.index] ?? [],
    positions: location.map.positions,
    duplicates: location.map.duplicates,
    lastRow: top.lastRow,
    timeZone,
  };
}

/**
 * The table of `sheet` whose whole data range (getDataRange().getValues()) is `block`: the header found in
 * its first HEADER_SCAN_ROWS rows, as openRegisterTable finds it, without reading them again.
 */
export function tableOfBlock(sheet: Sheet, block: unknown[][], timeZone: string): RegisterTable {
  // An empty sheet's data range is A1, blank.
  const empty = block.length === 1 && (block[0] ?? []).every((cell) => cell === '');
  const lastRow = empty ? 0 : block.length;
  const rows = block.slice(0, Math.min(HEADER_SCAN_ROWS, lastRow));
  return tableOf(sheet, { rows, lastRow, width: Math.max(1, block[0]?.length ?? 1) }, timeZone);
}

/** Reads the header of `sheet` (one getValues of its first rows). */
export function openRegisterTable(spreadsheet: Spreadsheet, sheet: Sheet): RegisterTable {
  return tableOf(sheet, readTop(sheet), spreadsheet.getSpreadsheetTimeZone() || MOSCOW_TIME_ZONE);
}

/** Number of catalogue columns a sheet's header names (reads its first rows). */
function matchedColumns(sheet: Sheet): number {
  return locateHeader(readTop(sheet).rows).matched;
}

const SERVICE_SHEETS: ReadonlySet<string> = new Set([SHEET_NAMES.settings, SHEET_NAMES.calendar, SHEET_NAMES.journal]);

/** The name setup remembered for the register, or null. */
export function rememberedRegisterName(): string | null {
  return readDocumentProperty(REGISTER_SHEET_PROPERTY);
}

/**
 * The register: the sheet setup remembered, else «Реестр», else the sheet whose header names the most
 * catalogue columns (at least MIN_MATCHED_COLUMNS). Null when there is none.
 */
export function findRegisterSheet(spreadsheet: Spreadsheet): Sheet | null {
  const remembered = rememberedRegisterName();
  if (remembered !== null) {
    const sheet = spreadsheet.getSheetByName(remembered);
    if (sheet !== null) return sheet;
  }
  const named = spreadsheet.getSheetByName(SHEET_NAMES.register);
  if (named !== null) return named;
  let best: { sheet: Sheet; matched: number } | null = null;
  for (const sheet of spreadsheet.getSheets()) {
    if (SERVICE_SHEETS.has(sheet.getName())) continue;
    const matched = matchedColumns(sheet);
    if (matched >= MIN_MATCHED_COLUMNS && (best === null || matched > best.matched)) best = { sheet, matched };
  }
  return best?.sheet ?? null;
}

/** True when `sheet` is the register (by name: the remembered one or «Реестр"). Costs no read of cells. */
export function isRegisterSheetName(name: string, remembered: string | null = rememberedRegisterName()): boolean {
  return name === (remembered ?? SHEET_NAMES.register);
}

/** Opens the register, or null when the spreadsheet has none. */
export function openRegister(spreadsheet: Spreadsheet): RegisterTable | null {
  const sheet = findRegisterSheet(spreadsheet);
  return sheet === null ? null : openRegisterTable(spreadsheet, sheet);
}

export function columnOf(table: RegisterTable, key: ColumnKey): number | null {
  const position = table.positions[key];
  return position === undefined ? null : position + 1;
}

/** A1 name of a column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A sheet name as A1 notation needs it: quoted unless letters, digits and _ only. */
export function quotedSheetName(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * A sheet by name through a range reference (Spreadsheet.getRange('Журнал!A1').getSheet()), as the
 * cached register read reaches its sheet. Counted as a reference, not a request, by ASSUMPTION
 * (bench/costModel.ts: it resolves the name at once, so it may cost what getSheetByName costs).
 * Null when the spreadsheet has no such sheet (getRange throws then).
 */
export function sheetByReference(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  try {
    return spreadsheet.getRange(`${quotedSheetName(name)}!A1`).getSheet();
  } catch {
    return null;
  }
}

/**
 * Columns A–`lastColumn` of the sheet `name`, from row 1 to the sheet's last row (blank rows at the end
 * included), in one getValues: an open-ended A1 range by the sheet's name, as the cached register read
 * reaches the register (no getSheetByName, no getDataRange; the reference is local by ASSUMPTION,
 * bench/costModel.ts). Null when there is no such sheet. The range cannot be had when the sheet is
 * narrower than `lastColumn` (a column deleted) or has no sheet of that name: then it is read as before,
 * by getSheetByName and its data range, so a narrow sheet still counts and a missing one is still null.
 */
export function readSheetColumns(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  lastColumn: number,
): unknown[][] | null {
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = spreadsheet.getRange(`${quotedSheetName(name)}!A1:${columnLetter(lastColumn)}`);
  } catch {
    const sheet = spreadsheet.getSheetByName(name);
    return sheet === null ? null : sheet.getDataRange().getValues();
  }
  return range.getValues();
}

/** «Реестр!E12»; the sheet name is quoted when it needs to be. */
export function cellAddress(table: RegisterTable, row: number, key: ColumnKey): string | null {
  const column = columnOf(table, key);
  if (column === null) return null;
  return `${quotedSheetName(table.name)}!${columnLetter(column)}${row}`;
}

/** Catalogue columns missing from the header, in catalogue order. */
export function missingColumns(table: RegisterTable): ColumnKey[] {
  return COLUMNS.filter((column) => table.positions[column.key] === undefined).map((column) => column.key);
}
