/**
 * Spreadsheet files in and out of the fake spreadsheet (exceljs for .xlsx):
 *  - loadXlsx(path): a workbook as Google Sheets' "Download → Microsoft Excel" writes it — values
 *    (dates as Date in the spreadsheet's time zone, booleans, formulas with their last results), number
 *    formats, notes, fills and fonts, data validation, conditional formatting, frozen rows and columns,
 *    column widths, hidden columns and sheets;
 *  - loadCsv(path, { sheetName = 'Реестр' }): one sheet, each field read as Google Sheets in the Russian
 *    locale imports it with "convert text to numbers, dates and formulas" on (its default): 05.03.2024 →
 *    a date, 1,5 → 1.5, TRUE/ИСТИНА → true, "=…" → a formula, "'…" → text; `convert: false` keeps every
 *    field as text;
 *  - saveXlsx(spreadsheet, path): the same things back, so a person can open the result (dates with a
 *    dd.mm.yyyy format, checkboxes as TRUE/FALSE lists); returns warnings for what .xlsx cannot hold.
 * Not carried: protections, named ranges, gradient conditional formats, text-comparison validations,
 * row heights, merged cells, hyperlinks (their text is kept).
 */
import ExcelJS from 'exceljs';
import type { ConditionalFormattingOptions, DataValidation as ExcelValidation, Worksheet } from 'exceljs';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { formatA1, parseA1 } from './fakes/a1';
import { parseInput } from './fakes/cellParsing';
import { FakeContext } from './fakes/context';
import type { FakeDataValidation } from './fakes/dataValidation';
import { expose, unwrap } from './fakes/fakeObject';
import { PIXELS_PER_CHARACTER } from './fakes/files/excelColors';
import { parseCsv } from './fakes/files/csv';
import { readExcelCell, writeExcelCell } from './fakes/files/xlsxCells';
import { fromExcelConditionalFormats, toExcelConditionalFormats } from './fakes/files/xlsxConditional';
import { fromExcelValidation, toExcelValidation } from './fakes/files/xlsxValidation';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_ROWS, type Cell } from './fakes/grid';
import type { FakeSheet } from './fakes/sheet';
import { FakeSpreadsheet } from './fakes/spreadsheet';
import { wallTime } from './fakes/timeZones';

export interface LoadOptions {
  /** The spreadsheet's time zone (dates are read in it); Europe/Moscow by default. */
  timeZone?: string;
  /** The owner of the loaded spreadsheet (and of the runtime that adopts it). */
  owner?: string;
  /** "Now": the year a CSV date without a year (05.03) falls in. */
  now?: Date;
}

export interface CsvOptions extends LoadOptions {
  sheetName?: string;
  /** Read numbers, dates, booleans and formulas (Sheets' import default); false keeps text. */
  convert?: boolean;
}

/** exceljs keeps these on the worksheet without declaring them. */
interface WorksheetInternals {
  dataValidations: { model: Record<string, ExcelValidation>; add(address: string, validation: ExcelValidation): void };
  conditionalFormattings: ConditionalFormattingOptions[];
}

function internals(ws: Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

function newBook(name: string, options: LoadOptions): FakeSpreadsheet {
  const ctx = new FakeContext({ owner: options.owner, timeZone: options.timeZone, now: options.now });
  return unwrap(new FakeSpreadsheet(ctx, { firstSheet: null, name, timeZone: ctx.timeZone }));
}

function hasAnything(cell: Cell): boolean {
  return Object.keys(cell).some((key) => key !== 'value') || cell.value !== '';
}

function readSheet(book: FakeSpreadsheet, ws: Worksheet, index: number): void {
  const ctx = book.fakeContext;
  const sheet = book.addSheet(
    ws.name,
    index,
    Math.max(DEFAULT_MAX_ROWS, ws.rowCount),
    Math.max(DEFAULT_MAX_COLUMNS, ws.columnCount),
  );
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (excel, c) => {
      const cell: Cell = { value: '' };
      readExcelCell(excel, cell, book.timeZone);
      if (hasAnything(cell)) Object.assign(sheet.grid.cell(r, c), cell);
    });
  });
  const rules = new Map<ExcelValidation, FakeDataValidation | undefined>();
  for (const [address, excelRule] of Object.entries(internals(ws).dataValidations?.model ?? {})) {
    if (!rules.has(excelRule)) rules.set(excelRule, fromExcelValidation(ctx, excelRule, book.timeZone));
    const rule = rules.get(excelRule);
    const area = parseA1(address)?.resolve(sheet.grid.maxRows, sheet.grid.maxColumns);
    if (rule && area) sheet.grid.forEachIn(area, (cell) => (cell.validation = unwrap(rule)));
  }
  const view = ws.views?.[0];
  if (view?.state === 'frozen') {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenColumns = view.xSplit ?? 0;
  }
  for (let c = 1; c <= ws.columnCount; c++) {
    const column = ws.getColumn(c);
    if (column.width) sheet.columnWidths.set(c, Math.round(column.width * PIXELS_PER_CHARACTER));
    if (column.hidden) sheet.hiddenColumns.add(c);
  }
  sheet.conditionalRules = fromExcelConditionalFormats(ctx, sheet, internals(ws).conditionalFormattings ?? []);
  sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
}

/** Loads an .xlsx workbook into a new fake spreadsheet (with its own context; createRuntime adopts it). */
export async function loadXlsx(path: string, options: LoadOptions = {}): Promise<FakeSpreadsheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const book = newBook(basename(path, extname(path)), options);
  workbook.worksheets.forEach((ws, index) => readSheet(book, ws, index));
  if (book.sheets.length === 0) book.addSheet('Лист1');
  const activeTab = workbook.views?.[0]?.activeTab;
  book.activeSheet = (activeTab !== undefined ? book.sheets[activeTab] : undefined) ?? book.sheets[0];
  return expose(book);
}

/** Reads CSV text into a new fake spreadsheet with one sheet. */
export function csvToSpreadsheet(text: string, options: CsvOptions = {}): FakeSpreadsheet {
  const book = newBook(options.sheetName ?? 'Реестр', options);
  const rows = parseCsv(text);
  const width = Math.max(0, ...rows.map((row) => row.length));
  const sheet = book.addSheet(
    options.sheetName ?? 'Реестр',
    0,
    Math.max(DEFAULT_MAX_ROWS, rows.length),
    Math.max(DEFAULT_MAX_COLUMNS, width),
  );
  const year = wallTime(book.fakeContext.now(), book.timeZone).year;
  rows.forEach((row, r) =>
    row.forEach((field, c) => {
      if (field === '') return;
      const cell = sheet.grid.cell(r + 1, c + 1);
      if (options.convert === false) {
        cell.value = field;
        return;
      }
      const parsed = parseInput(field, book.timeZone, year);
      if ('formula' in parsed) cell.formula = parsed.formula;
      else {
        cell.value = parsed.value;
        if (parsed.format) cell.format = parsed.format;
      }
    }),
  );
  return expose(book);
}

/** Loads a .csv file (UTF-8, with or without BOM; comma, semicolon or tab) as Google Sheets imports it. */
export function loadCsv(path: string, options: CsvOptions = {}): FakeSpreadsheet {
  return csvToSpreadsheet(readFileSync(path, 'utf8'), options);
}

/** The rectangles of cells that share each validation rule: column runs, merged across equal neighbours. */
function validationRectangles(sheet: FakeSheet): { rule: FakeDataValidation; a1: string; topLeft: string }[] {
  const byRule = new Map<object, [number, number][]>();
  for (const [r, c, cell] of sheet.grid.cells()) {
    if (!cell.validation) continue;
    const list = byRule.get(cell.validation) ?? [];
    list.push([r, c]);
    byRule.set(cell.validation, list);
  }
  const out: { rule: FakeDataValidation; a1: string; topLeft: string }[] = [];
  for (const [rule, cells] of byRule) {
    cells.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const runs: { column: number; top: number; bottom: number; width: number }[] = [];
    for (const [r, c] of cells) {
      const last = runs[runs.length - 1];
      if (last && last.column === c && last.bottom === r - 1) last.bottom = r;
      else runs.push({ column: c, top: r, bottom: r, width: 1 });
    }
    const merged: typeof runs = [];
    for (const run of runs) {
      const left = merged.find(
        (m) => m.top === run.top && m.bottom === run.bottom && m.column + m.width === run.column,
      );
      if (left) left.width++;
      else merged.push({ ...run });
    }
    for (const m of merged) {
      const area = { row: m.top, column: m.column, numRows: m.bottom - m.top + 1, numColumns: m.width };
      out.push({
        rule: rule as FakeDataValidation,
        a1: formatA1(area),
        topLeft: formatA1({ ...area, numRows: 1, numColumns: 1 }),
      });
    }
  }
  return out;
}

/** Characters a column is at least and at most given when the sheet recorded no width for it. */
const FITTED_WIDTH = { min: 8, max: 50, header: 40 } as const;

/** How many characters a cell's value shows. */
function shownLength(value: unknown): number {
  if (value instanceof Date) return 10;
  if (typeof value === 'boolean') return 5;
  return Math.max(
    0,
    ...String(value ?? '')
      .split('\n')
      .map((line) => line.length),
  );
}

/**
 * Widths (in characters) for the filled, visible columns the sheet recorded no width for (setColumnWidth):
 * the header (the frozen rows, else row 1) up to 40 characters and the longest value, between 8 and 50,
 * so the file does not open with every column at the default width.
 */
function fittedWidths(sheet: FakeSheet): Map<number, number> {
  const headerRows = Math.max(1, sheet.frozenRows);
  const longest = new Map<number, number>();
  for (const [r, c, cell] of sheet.grid.cells()) {
    if (sheet.columnWidths.has(c) || sheet.hiddenColumns.has(c)) continue;
    const length = shownLength(cell.value);
    const counted = r <= headerRows ? Math.min(length, FITTED_WIDTH.header) : length;
    longest.set(c, Math.max(longest.get(c) ?? 0, counted));
  }
  const widths = new Map<number, number>();
  for (const [c, length] of longest)
    if (length > 0) widths.set(c, Math.min(FITTED_WIDTH.max, Math.max(FITTED_WIDTH.min, length + 2)));
  return widths;
}

function writeSheet(workbook: ExcelJS.Workbook, book: FakeSpreadsheet, sheet: FakeSheet, warnings: string[]): void {
  const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
  const ws = workbook.addWorksheet(sheet.name, {
    views: frozen ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }] : [],
    state: sheet.hidden ? 'hidden' : 'visible',
  });
  for (const [r, c, cell] of sheet.grid.cells())
    if (hasAnything(cell)) writeExcelCell(cell, ws.getCell(r, c), book.timeZone);
  for (const { rule, a1, topLeft } of validationRectangles(sheet)) {
    const excel = toExcelValidation(rule.spec, topLeft, book.timeZone);
    if (excel) internals(ws).dataValidations.add(a1, excel);
    else warnings.push(`«${sheet.name}»!${a1}: data validation ${String(rule.spec.criteria)} is not written to .xlsx`);
  }
  for (const [c, width] of sheet.columnWidths) ws.getColumn(c).width = width / PIXELS_PER_CHARACTER;
  for (const [c, width] of fittedWidths(sheet)) ws.getColumn(c).width = width;
  for (const c of sheet.hiddenColumns) ws.getColumn(c).hidden = true;
  for (const format of toExcelConditionalFormats(sheet, warnings)) ws.addConditionalFormatting(format);
  const protections = book.protections.filter((p) => p.sheet === sheet).length;
  if (protections > 0) warnings.push(`«${sheet.name}»: ${protections} protection(s) are not written to .xlsx`);
}

export interface SaveOptions {
  /** The sheet the file opens on (its active tab); the spreadsheet's active sheet when absent or unknown. */
  activeSheet?: string;
}

/** Saves the fake spreadsheet as .xlsx; returns what could not be written. */
export async function saveXlsx(
  spreadsheet: FakeSpreadsheet,
  path: string,
  options: SaveOptions = {},
): Promise<string[]> {
  const book = unwrap(spreadsheet);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Реестр официальных страниц (offline runtime)';
  const warnings: string[] = [];
  for (const sheet of book.sheets) writeSheet(workbook, book, sheet, warnings);
  const wanted = book.sheets.find((sheet) => sheet.name === options.activeSheet);
  const activeTab = Math.max(0, book.sheets.indexOf(wanted ?? book.activeSheet ?? book.sheets[0]!));
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: 'visible' }];
  await workbook.xlsx.writeFile(path);
  return warnings;
}
