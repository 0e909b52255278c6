/**
 * The register sheet as a table found by header names. Reads are batched (the whole data block in one
 * getValues, notes in one getNotes only when asked); writes go one setValues per block of adjacent
 * columns over contiguous rows. No call here is made once per row.
 */
import { COLUMN_BY_KEY, COLUMNS, SHEET_NAMES, mapHeaders, type HeaderMap } from '../../domain/columns';
import { catalogueCell } from '../../domain/formulas';
import { isIsoDate, MOSCOW_TIME_ZONE } from '../../domain/isoDate';
import type { ColumnKey } from '../../domain/types';
import { dateCell, textCell } from './sheetValues';
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

export function rememberRegisterName(name: string): void {
  const properties = PropertiesService.getDocumentProperties();
  if (name === SHEET_NAMES.register) {
    if (properties.getProperty(REGISTER_SHEET_PROPERTY) !== null) properties.deleteProperty(REGISTER_SHEET_PROPERTY);
  } else if (properties.getProperty(REGISTER_SHEET_PROPERTY) !== name) {
    properties.setProperty(REGISTER_SHEET_PROPERTY, name);
  }
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

/** «Реестр!E12»; the sheet name is quoted when it needs to be. */
export function cellAddress(table: RegisterTable, row: number, key: ColumnKey): string | null {
  const column = columnOf(table, key);
  if (column === null) return null;
  return `${quotedSheetName(table.name)}!${columnLetter(column)}${row}`;
}

export function isBlankRow(values: readonly unknown[]): boolean {
  return values.every((value) => value === '' || value === null || value === undefined);
}

/**
 * Rows of getValues as RawRows, the first being sheet row `first`; `formulas` (getFormulas of the same
 * range) makes a formula in any but the computed columns a FormulaCell (domain/formulas.ts), never its
 * result. The catalogue's positions are listed once for the whole block, and each row's cells filled by
 * index: no object spread or entry list per row.
 */
export function rawRowsOf(
  table: RegisterTable,
  first: number,
  block: unknown[][],
  formulas: readonly (readonly string[])[] = [],
): RawRow[] {
  const keys = Object.keys(table.positions) as ColumnKey[];
  const positions = keys.map((key) => table.positions[key] as number);
  const rows: RawRow[] = new Array<RawRow>(block.length);
  for (let index = 0; index < block.length; index++) {
    const values = block[index] as unknown[];
    const rowFormulas = formulas[index];
    const cells: Partial<Record<ColumnKey, unknown>> = {};
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as ColumnKey;
      const position = positions[k] as number;
      cells[key] = catalogueCell(key, values[position], rowFormulas?.[position]);
    }
    rows[index] = { row: first + index, cells, values };
  }
  return rows;
}

/** First data row (below the header). */
export function firstDataRow(table: RegisterTable): number {
  return table.headerRow + 1;
}

/** Rows `first`..`first + count - 1`, full width, in one getValues and one getFormulas. */
export function readRows(table: RegisterTable, first: number, count: number): RawRow[] {
  if (count <= 0) return [];
  const range = table.sheet.getRange(first, 1, count, table.width);
  return rawRowsOf(table, first, range.getValues(), range.getFormulas());
}

/** Every data row, blank ones included, in one getValues. */
export function readAllRows(table: RegisterTable): RawRow[] {
  return readRows(table, firstDataRow(table), table.lastRow - table.headerRow);
}

/** Positions (0-based) as runs of adjacent columns: [4,5,6,19] → [[4,6],[19,19]]. */
function adjacentSpans(positions: readonly number[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const position of [...positions].sort((a, b) => a - b)) {
    const last = spans[spans.length - 1];
    if (last !== undefined && last[1] === position - 1) last[1] = position;
    else spans.push([position, position]);
  }
  return spans;
}

/**
 * Some catalogue columns of every data row: one open-ended getValues (to the sheet's last row, no
 * getLastRow) per run of adjacent columns. Rows whose cells hold only those keys, up to the last row
 * with one of them filled; `values` is empty.
 */
export function readKeyColumns(table: RegisterTable, wanted: readonly ColumnKey[]): RawRow[] {
  const keys = wanted.filter((key) => table.positions[key] !== undefined);
  const dataStart = table.headerRow + 1;
  const byRow: RawRow[] = [];
  for (const [from, to] of adjacentSpans(keys.map((key) => table.positions[key] as number))) {
    const a1 = `${columnLetter(from + 1)}${dataStart}:${columnLetter(to + 1)}`;
    const block = table.sheet.getRange(a1).getValues();
    // The keys of this span and their offsets in it, listed once for the whole block.
    const spanKeys = keys.filter(
      (key) => (table.positions[key] as number) >= from && (table.positions[key] as number) <= to,
    );
    const offsets = spanKeys.map((key) => (table.positions[key] as number) - from);
    for (let index = 0; index < block.length; index++) {
      const cells = block[index] as unknown[];
      let raw = byRow[index];
      if (raw === undefined) {
        raw = { row: dataStart + index, cells: {}, values: [] };
        byRow[index] = raw;
      }
      for (let k = 0; k < spanKeys.length; k++) raw.cells[spanKeys[k] as ColumnKey] = cells[offsets[k] as number];
    }
  }
  let last = byRow.length - 1;
  while (last >= 0 && keys.every((key) => isBlankCell((byRow[last] as RawRow).cells[key]))) last -= 1;
  return byRow.slice(0, last + 1);
}

function isBlankCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** Notes of rows `first`..`first + count - 1`, full width, in one getNotes. */
export function readNotes(table: RegisterTable, first: number, count: number): string[][] {
  if (count <= 0) return [];
  return table.sheet.getRange(first, 1, count, table.width).getNotes();
}

/** New values of some catalogue columns of one row. */
export interface RowUpdate {
  row: number;
  values: Partial<Record<ColumnKey, unknown>>;
}

/**
 * What a value becomes in the sheet: null → empty, an ISO day in a date column → a Date at midnight,
 * other text kept as text. Dates, numbers and booleans go as they are.
 */
export function sheetValue(table: RegisterTable, key: ColumnKey, value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    if (COLUMN_BY_KEY[key].kind === 'date' && isIsoDate(value)) return dateCell(value, table.timeZone);
    return textCell(value);
  }
  return value;
}

/** Runs of consecutive integers: [3,4,5,9] → [[3,4,5],[9]]. */
function runs(sorted: readonly number[]): number[][] {
  const result: number[][] = [];
  for (const value of sorted) {
    const last = result[result.length - 1];
    if (last !== undefined && last[last.length - 1] === value - 1) last.push(value);
    else result.push([value]);
  }
  return result;
}

/** The columns the add-on computes («Срок», «Состояние»): the only ones whose unchanged cells it may write back. */
const COMPUTED_KEYS: ReadonlySet<ColumnKey> = new Set(
  COLUMNS.filter((column) => column.role === 'computed').map((column) => column.key),
);

export interface WriteOptions {
  /**
   * Rows as read before. Between rows that change, the cells of the computed columns («Срок»,
   * «Состояние») are written back with what they hold, so that each block of them goes in one range.
   * No other cell is ever written back: people's columns, IDs and report stamps are written only where
   * an update gives them.
   */
  current?: readonly RawRow[];
}

/** A1 of a rectangle without the sheet: E5, E5:F7. */
function areaA1(row: number, column: number, rows: number, columns: number): string {
  const first = `${columnLetter(column)}${row}`;
  return rows === 1 && columns === 1 ? first : `${first}:${columnLetter(column + columns - 1)}${row + rows - 1}`;
}

/** One key for values that write the same: Dates by instant, others by type and value. */
function valueKey(value: unknown): string {
  if (value instanceof Date) return `date:${value.getTime()}`;
  return `${typeof value}:${String(value)}`;
}

/** A computed cell written back as read: text behind the quote prefix, so Sheets does not parse it again. */
function writtenBack(value: unknown): unknown {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

interface Rectangle {
  row: number;
  column: number;
  values: unknown[][];
}

/**
 * The given cells (row → column → value) as rectangles: adjacent columns of a row form a segment, and
 * equal segments of consecutive rows one rectangle. Every cell of a rectangle is a given cell.
 */
function rectanglesOf(cells: ReadonlyMap<number, ReadonlyMap<number, unknown>>): Rectangle[] {
  const done: Rectangle[] = [];
  /** Rectangles that the previous row may extend, by their columns «first:count». */
  let open = new Map<string, Rectangle & { lastRow: number }>();
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const columns = cells.get(row) as ReadonlyMap<number, unknown>;
    const next = new Map<string, Rectangle & { lastRow: number }>();
    for (const segment of runs([...columns.keys()].sort((a, b) => a - b))) {
      const key = `${segment[0]}:${segment.length}`;
      const line = segment.map((column) => columns.get(column));
      const previous = open.get(key);
      if (previous !== undefined && previous.lastRow === row - 1) {
        previous.values.push(line);
        previous.lastRow = row;
        next.set(key, previous);
        open.delete(key);
      } else next.set(key, { row, column: segment[0] as number, values: [line], lastRow: row });
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.map(({ row, column, values }) => ({ row, column, values }));
}

/**
 * Writes the given columns of the given rows, and no other cell: each rectangle of given cells in one
 * setValues, except that cells sharing one value (a report stamp: today) go together in one
 * RangeList.setValue wherever they are. The computed columns are written in one setValues a block of
 * adjacent computed columns, gaps between rows filled from `current`. So the calls do not grow with
 * the rows for stamps and computed columns; other columns take one setValues per rectangle of rows
 * written together. Returns the number of writing calls made.
 */
export function writeColumns(table: RegisterTable, updates: readonly RowUpdate[], options: WriteOptions = {}): number {
  const byRow = new Map<number, RowUpdate['values']>();
  for (const update of updates) byRow.set(update.row, { ...byRow.get(update.row), ...update.values });
  const columnFor = (key: ColumnKey): number => {
    const column = columnOf(table, key);
    if (column === null) throw new Error(`Колонка «${COLUMN_BY_KEY[key].header}» не найдена на листе «${table.name}».`);
    return column;
  };

  // Cells given outside the computed columns, by row and column.
  const exact = new Map<number, Map<number, unknown>>();
  const computedKeys = new Set<ColumnKey>();
  for (const [row, values] of byRow) {
    for (const key of Object.keys(values) as ColumnKey[]) {
      if (COMPUTED_KEYS.has(key)) {
        computedKeys.add(key);
        continue;
      }
      const cells = exact.get(row) ?? new Map<number, unknown>();
      cells.set(columnFor(key), sheetValue(table, key, values[key]));
      exact.set(row, cells);
    }
  }
  let writes = writeExact(table, exact);
  if (computedKeys.size > 0) writes += writeComputed(table, byRow, computedKeys, options.current ?? [], columnFor);
  return writes;
}

function writeExact(table: RegisterTable, cells: ReadonlyMap<number, ReadonlyMap<number, unknown>>): number {
  const rectangles = rectanglesOf(cells);
  // Rectangles whose cells all hold one value, by value: those apart from each other go in one RangeList.
  const sameValue = new Map<string, Rectangle[]>();
  for (const rectangle of rectangles) {
    const flat = rectangle.values.flat();
    const key = valueKey(flat[0]);
    if (flat.every((value) => valueKey(value) === key)) sameValue.set(key, [...(sameValue.get(key) ?? []), rectangle]);
  }
  let writes = 0;
  for (const rectangle of rectangles) {
    const group = sameValue.get(valueKey(rectangle.values[0]?.[0]));
    if (group !== undefined && group.length > 1 && group.includes(rectangle)) continue;
    table.sheet
      .getRange(rectangle.row, rectangle.column, rectangle.values.length, (rectangle.values[0] ?? []).length)
      .setValues(rectangle.values);
    writes += 1;
  }
  for (const group of sameValue.values()) {
    if (group.length < 2) continue;
    const areas = group.map((r) => areaA1(r.row, r.column, r.values.length, (r.values[0] ?? []).length));
    table.sheet.getRangeList(areas).setValue(group[0]?.values[0]?.[0]);
    writes += 1;
  }
  return writes;
}

/** «Срок» / «Состояние»: one setValues per block of adjacent columns over the rows from the first to the last changed. */
function writeComputed(
  table: RegisterTable,
  byRow: ReadonlyMap<number, RowUpdate['values']>,
  keys: ReadonlySet<ColumnKey>,
  current: readonly RawRow[],
  columnFor: (key: ColumnKey) => number,
): number {
  const read = new Map<number, RawRow>(current.map((raw) => [raw.row, raw]));
  const keyAt = new Map<number, ColumnKey>([...keys].map((key) => [columnFor(key), key]));
  /** The cell to write at (row, key), or undefined when neither the update nor `current` gives it. */
  const cellAt = (row: number, key: ColumnKey): { value: unknown } | undefined => {
    const values = byRow.get(row);
    if (values !== undefined && key in values) return { value: sheetValue(table, key, values[key]) };
    const raw = read.get(row);
    if (raw !== undefined && key in raw.cells) return { value: writtenBack(raw.cells[key]) };
    return undefined;
  };
  let writes = 0;
  for (const block of runs([...keyAt.keys()].sort((a, b) => a - b))) {
    const blockKeys = block.map((column) => keyAt.get(column) as ColumnKey);
    const rows = [...byRow.entries()]
      .filter(([, values]) => blockKeys.some((key) => key in values))
      .map(([row]) => row)
      .sort((a, b) => a - b);
    // Bridge gaps between rows with the cells as read, so one range covers them.
    const bridged: number[] = [];
    for (const row of rows) {
      const previous = bridged[bridged.length - 1];
      if (previous !== undefined && row > previous + 1) {
        const gap = Array.from({ length: row - previous - 1 }, (_, index) => previous + 1 + index);
        if (gap.every((gapRow) => blockKeys.every((key) => cellAt(gapRow, key) !== undefined))) bridged.push(...gap);
      }
      bridged.push(row);
    }
    for (const run of runs(bridged)) {
      if (run.every((row) => blockKeys.every((key) => cellAt(row, key) !== undefined))) {
        const values = run.map((row) => blockKeys.map((key) => (cellAt(row, key) as { value: unknown }).value));
        table.sheet.getRange(run[0] as number, block[0] as number, run.length, block.length).setValues(values);
        writes += 1;
        continue;
      }
      // Some cells unknown: the given cells only.
      const given = new Map<number, Map<number, unknown>>();
      for (const row of run) {
        for (const [index, key] of blockKeys.entries()) {
          const values = byRow.get(row);
          if (values === undefined || !(key in values)) continue;
          const line = given.get(row) ?? new Map<number, unknown>();
          line.set((block[0] as number) + index, sheetValue(table, key, values[key]));
          given.set(row, line);
        }
      }
      writes += writeExact(table, given);
    }
  }
  return writes;
}

/** Catalogue columns missing from the header, in catalogue order. */
export function missingColumns(table: RegisterTable): ColumnKey[] {
  return COLUMNS.filter((column) => table.positions[column.key] === undefined).map((column) => column.key);
}
