/**
 * Spreadsheet: its sheets, protections, named ranges, editors and toasts. `new FakeSpreadsheet(ctx)`
 * starts with one empty sheet «Лист1», like a new spreadsheet in the Russian locale.
 */
import GAS = GoogleAppsScript;
import { parseA1, type GridArea } from './a1';
import type { FormulaEvaluator } from './cellValues';
import type { ChartRenderer } from './chart';
import type { FakeContext } from './context';
import { evaluateCell, evaluateFormulaAt, type FormulaBook } from './formulas';
import { FakeObject, unwrap } from './fakeObject';
import { FakeProtection, PROTECTED_MESSAGE } from './protection';
import type { FakeRange } from './range';
import { FakeUser } from './session';
import { FakeSheet } from './sheet';

type SS = GAS.Spreadsheet.Spreadsheet;
type Implemented =
  | 'addEditor'
  | 'addEditors'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getOwner'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'removeNamedRange'
  | 'rename'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface FakeSpreadsheetOptions {
  id?: string;
  name?: string;
  timeZone?: string;
  /** Users who may edit besides the owner (the owner is the runtime's owner). */
  editors?: string[];
  /** The first sheet's name; defaults to «Лист1». Pass null for a spreadsheet without sheets (loaders). */
  firstSheet?: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeSpreadsheet extends SS {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeSpreadsheet extends FakeObject implements Pick<SS, Implemented> {
  readonly id: string;
  name: string;
  timeZone: string;
  locale = 'ru_RU';
  sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | undefined;
  /** The range last selected with Range.activate() (test helper: what the person now sees selected). */
  activeRange: FakeRange | undefined;
  protections: FakeProtection[] = [];
  editors: string[];
  readonly toasts: Toast[] = [];
  readonly namedRanges = new Map<string, FakeRange>();
  /**
   * Computes formula results for getValues: by default HyperFormula over this spreadsheet (formulas.ts);
   * a test may replace it, or set undefined to read '' (or a loaded file's cached result).
   */
  formulaEvaluator: FormulaEvaluator | undefined;
  /**
   * Sheets whose formulas the engine leaves out: they read '' (as a file without cached results) and other
   * sheets cannot refer to them. The runtime puts «Обзор» here: its ten thousand COUNTIFS made every
   * setup take seconds to minutes offline; its formulas are computed by dev/formulaEngine.ts instead.
   */
  readonly uncomputedSheets = new Set<string>();
  /** This spreadsheet as the formula engine reads it (one object: the engine is cached per book). */
  readonly formulaBook: FormulaBook;
  /** Draws embedded charts for EmbeddedChart.getAs('image/png') (a blank pixel without one). */
  chartRenderer: ChartRenderer | undefined;
  private nextSheetId = 0;

  constructor(ctx: FakeContext, options: FakeSpreadsheetOptions = {}) {
    super(ctx, 'Spreadsheet');
    this.id = options.id ?? '1FakeSpreadsheetId';
    this.name = options.name ?? 'Реестр официальных страниц';
    this.timeZone = options.timeZone ?? ctx.timeZone;
    this.editors = [...(options.editors ?? [])];
    if (options.firstSheet !== null) this.addSheet(options.firstSheet ?? 'Лист1');
    this.formulaBook = {
      sheets: () =>
        this.sheets
          .filter((sheet) => !this.uncomputedSheets.has(sheet.name))
          .map((sheet) => ({
            name: sheet.name,
            maxRows: sheet.grid.maxRows,
            cells: () => sheet.grid.cells(),
            cell: (row, column) => sheet.grid.get(row, column),
            takeTouched: () => sheet.grid.takeTouched(),
          })),
      timeZone: () => this.timeZone,
      now: () => ctx.now(),
    };
    this.formulaEvaluator = (_formula, sheetName, row, column) =>
      this.uncomputedSheets.has(sheetName)
        ? ''
        : evaluateCell(this.formulaBook, sheetName, row, column, this.sheet(sheetName).grid.get(row, column)?.format);
  }

  /**
   * The value of a conditional-format or validation custom formula (with its '=') written for the cell
   * `anchor` of `sheetName` and judged at `at`, by the same engine as formula cells (helper, not Apps Script).
   */
  evaluateFormulaAt(
    formula: string,
    sheetName: string,
    anchor: { row: number; column: number },
    at?: { row: number; column: number },
  ): ReturnType<typeof evaluateFormulaAt> {
    return evaluateFormulaAt(this.formulaBook, formula, sheetName, anchor, at);
  }

  // ---- helpers (not Apps Script methods) ----

  /** Adds a sheet (used by insertSheet and the file loaders). */
  addSheet(name: string, index = this.sheets.length, rows?: number, columns?: number): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw this.ctx.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = unwrap(new FakeSheet(this.ctx, this, name, this.nextSheetId, rows, columns));
    this.nextSheetId += this.nextSheetId === 0 ? 1_000_000 : 1;
    this.sheets.splice(index, 0, sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  /** The sheet, or an error naming the sheets there are (tests). */
  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw new Error(`no sheet «${name}»; sheets: ${this.sheets.map((s) => s.name).join(', ')}`);
    return sheet;
  }

  /** Throws Apps Script's error when the user the code runs as may not edit `area` of `sheet`. */
  assertCanEdit(sheet: FakeSheet, area: GridArea): void {
    const user = this.ctx.user;
    for (const protection of this.protections) {
      if (protection.sheet === unwrap(sheet) && protection.covers(area) && !protection.allows(user))
        throw this.ctx.error(PROTECTED_MESSAGE);
    }
  }

  // ---- Apps Script methods ----

  getId(): string {
    return this.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getName(): string {
    return this.name;
  }
  rename(newName: string): void {
    this.name = newName;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
  }
  getOwner(): FakeUser {
    return new FakeUser(this.ctx, this.ctx.owner);
  }
  getEditors(): FakeUser[] {
    return [this.ctx.owner, ...this.editors].map((email) => new FakeUser(this.ctx, email));
  }
  addEditor(user: string | GAS.Base.User): this {
    const email = typeof user === 'string' ? user : user.getEmail();
    if (!this.editors.includes(email)) this.editors.push(email);
    return this;
  }
  addEditors(emailAddresses: string[]): this {
    for (const email of emailAddresses) this.addEditor(email);
    return this;
  }
  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    return this.sheets.find((s) => s.sheetId === id) ?? null;
  }
  getActiveSheet(): FakeSheet {
    const sheet = this.activeSheet ?? this.sheets[0];
    if (!sheet) throw this.ctx.error('The spreadsheet has no sheets.');
    return sheet;
  }
  setActiveSheet(sheet: GAS.Spreadsheet.Sheet): FakeSheet {
    this.activeSheet = unwrap(sheet) as FakeSheet;
    return this.activeSheet;
  }
  /** insertSheet([name], [index], [options]); the new sheet becomes active. Templates are not supported. */
  insertSheet(
    a?: string | number | { template?: GAS.Spreadsheet.Sheet },
    b?: number | { template?: GAS.Spreadsheet.Sheet },
    _c?: { template?: GAS.Spreadsheet.Sheet },
  ): FakeSheet {
    let name = typeof a === 'string' ? a : undefined;
    const at = typeof a === 'number' ? a : typeof b === 'number' ? b : undefined;
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.getSheetByName(`Лист${n}`)) n++;
      name = `Лист${n}`;
    }
    const sheet = this.addSheet(name, at ?? this.sheets.length);
    this.activeSheet = sheet;
    return sheet;
  }
  deleteSheet(sheet: GAS.Spreadsheet.Sheet): void {
    const raw = unwrap(sheet) as FakeSheet;
    if (this.sheets.length === 1) throw this.ctx.error("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== raw);
    this.protections = this.protections.filter((p) => p.sheet !== raw);
    if (this.activeSheet === raw) this.activeSheet = this.sheets[0];
  }
  /** A range by A1 notation; without a sheet prefix, on the active sheet. */
  getRange(a1Notation: string): FakeRange {
    const parsed = parseA1(a1Notation);
    if (!parsed) throw this.ctx.error('Range not found');
    const sheet = parsed.sheetName === undefined ? this.getActiveSheet() : this.getSheetByName(parsed.sheetName);
    if (!sheet) throw this.ctx.error('Range not found');
    return sheet.rangeByA1(a1Notation.slice(a1Notation.lastIndexOf('!') + 1));
  }
  setNamedRange(name: string, range: GAS.Spreadsheet.Range): void {
    this.namedRanges.set(name, unwrap(range) as FakeRange);
  }
  getRangeByName(name: string): FakeRange | null {
    return this.namedRanges.get(name) ?? null;
  }
  removeNamedRange(name: string): void {
    this.namedRanges.delete(name);
  }
  getNamedRanges(): never[] {
    return [];
  }
  getProtections(type: GAS.Spreadsheet.ProtectionType): FakeProtection[] {
    return this.protections.filter((p) => p.type === type);
  }
  /** Records the toast (see `toasts`). */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
  }
}
