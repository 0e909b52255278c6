/**
 * Range: a rectangle of one sheet. Values, formulas, display values, number formats, notes,
 * backgrounds, fonts, data validation, checkboxes, protection. Two-dimensional setters check the
 * data's shape with Apps Script's own messages; writes respect protections and rules that reject
 * invalid data. See cellValues.ts for how values are read and written.
 */
import GAS = GoogleAppsScript;
import { formatA1, type GridArea } from './a1';
import type { CellValue } from './cellParsing';
import { readValue, writeValue } from './cellValues';
import { normalizeColor } from './colors';
import type { FakeContext } from './context';
import { FakeDataValidation } from './dataValidation';
import { DataValidationCriteria, ProtectionType } from './enums';
import { FakeObject, unwrap } from './fakeObject';
import type { Cell } from './grid';
import { hasContent } from './grid';
import { AUTOMATIC_FORMAT, displayValue } from './numberFormat';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';
import { violates } from './validationCheck';

type R = GAS.Spreadsheet.Range;
type Implemented =
  | 'activate'
  | 'check'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontColors'
  | 'getFontLine'
  | 'getFontStyle'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'getWrap'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isChecked'
  | 'offset'
  | 'protect'
  | 'removeCheckboxes'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontLine'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap'
  | 'uncheck';

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeRange extends R {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeRange extends FakeObject implements Pick<R, Implemented> {
  readonly sheet: FakeSheet;
  readonly area: GridArea;

  constructor(ctx: FakeContext, sheet: FakeSheet, area: GridArea) {
    super(ctx, 'Range');
    this.sheet = unwrap(sheet);
    this.area = { ...area };
  }

  // ---- helpers (not Apps Script methods) ----

  private get timeZone(): string {
    return this.sheet.parent.timeZone;
  }

  private map<T>(fn: (cell: Cell | undefined, row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.area;
    const out: T[][] = [];
    for (let r = row; r < row + numRows; r++) {
      const line: T[] = [];
      for (let c = column; c < column + numColumns; c++) line.push(fn(this.sheet.grid.get(r, c), r, c));
      out.push(line);
    }
    return out;
  }

  private first(): Cell | undefined {
    return this.sheet.grid.get(this.area.row, this.area.column);
  }

  private value(cell: Cell | undefined, row: number, column: number): CellValue {
    const evaluator = this.sheet.parent.formulaEvaluator;
    const formula = cell?.formula;
    return readValue(
      cell,
      this.timeZone,
      formula && evaluator ? () => evaluator(formula, this.sheet.name, row, column) : undefined,
    );
  }

  /** Throws Apps Script's errors unless `data` is a rows × columns array of this range's size. */
  private checkShape(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data))
      throw this.ctx.error(
        `The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    const { numRows, numColumns } = this.area;
    if (data.length !== numRows)
      throw this.ctx.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
      );
    for (const line of data) {
      if (!Array.isArray(line))
        throw this.ctx.error(
          `The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.${method}.`,
        );
      if (line.length !== numColumns)
        throw this.ctx.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numColumns}.`,
        );
    }
  }

  /** Applies `fn` to every cell after checking the user may edit the range. */
  private edit(fn: (cell: Cell, i: number, j: number) => void): this {
    this.sheet.parent.assertCanEdit(this.sheet, this.area);
    this.sheet.grid.forEachIn(this.area, (cell, r, c) => fn(cell, r - this.area.row, c - this.area.column));
    return this;
  }

  /** Writes values: every cell is checked against rules that reject invalid data before any is written. */
  private writeValues(valueAt: (i: number, j: number) => unknown): this {
    this.sheet.parent.assertCanEdit(this.sheet, this.area);
    const now = this.ctx.now();
    const staged: [Cell, Cell][] = [];
    this.sheet.grid.forEachIn(this.area, (cell, r, c) => {
      const next: Cell = { ...cell };
      writeValue(next, valueAt(r - this.area.row, c - this.area.column), this.timeZone, now);
      const rule = cell.validation as FakeDataValidation | undefined;
      if (
        rule &&
        !rule.spec.allowInvalid &&
        next.formula === undefined &&
        violates(rule.spec, readValue(next, this.timeZone))
      ) {
        throw this.ctx.error(
          `The data you entered in cell ${formatA1({ row: r, column: c, numRows: 1, numColumns: 1 })} violates the data validation rules set on this cell.`,
        );
      }
      staged.push([cell, next]);
    });
    for (const [cell, next] of staged) {
      Object.assign(cell, next);
      if (next.formula === undefined) delete cell.formula;
      if (next.result === undefined) delete cell.result;
    }
    return this;
  }

  private setEach<T>(data: unknown, method: string, apply: (cell: Cell, value: T) => void): this {
    this.checkShape(data, method);
    return this.edit((cell, i, j) => apply(cell, data[i]?.[j] as T));
  }

  // ---- position ----

  activate(): this {
    this.sheet.parent.activeSheet = this.sheet;
    this.sheet.parent.activeRange = this;
    return this;
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  getGridId(): number {
    return this.sheet.sheetId;
  }
  getRow(): number {
    return this.area.row;
  }
  getColumn(): number {
    return this.area.column;
  }
  getNumRows(): number {
    return this.area.numRows;
  }
  getNumColumns(): number {
    return this.area.numColumns;
  }
  getHeight(): number {
    return this.area.numRows;
  }
  getWidth(): number {
    return this.area.numColumns;
  }
  getLastRow(): number {
    return this.area.row + this.area.numRows - 1;
  }
  getLastColumn(): number {
    return this.area.column + this.area.numColumns - 1;
  }
  getA1Notation(): string {
    return formatA1(this.area);
  }
  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numColumns)
      throw this.ctx.error('Cell reference out of range');
    return new FakeRange(this.ctx, this.sheet, {
      row: this.area.row + row - 1,
      column: this.area.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return this.sheet.rangeAt(
      this.area.row + rowOffset,
      this.area.column + columnOffset,
      numRows ?? this.area.numRows,
      numColumns ?? this.area.numColumns,
    );
  }

  // ---- values and formulas ----

  getValue(): CellValue {
    return this.value(this.first(), this.area.row, this.area.column);
  }
  getValues(): CellValue[][] {
    return this.map((cell, r, c) => this.value(cell, r, c));
  }
  getDisplayValue(): string {
    return displayValue(this.getValue(), this.first()?.format, this.timeZone);
  }
  getDisplayValues(): string[][] {
    return this.map((cell, r, c) => displayValue(this.value(cell, r, c), cell?.format, this.timeZone));
  }
  setValue(value: unknown): this {
    return this.writeValues(() => value);
  }
  setValues(values: unknown[][]): this {
    this.checkShape(values, 'setValues');
    return this.writeValues((i, j) => values[i]?.[j]);
  }
  getFormula(): string {
    return this.first()?.formula ?? '';
  }
  getFormulas(): string[][] {
    return this.map((cell) => cell?.formula ?? '');
  }
  setFormula(formula: string): this {
    return this.writeValues(() => formula);
  }
  setFormulas(formulas: string[][]): this {
    this.checkShape(formulas, 'setFormulas');
    return this.writeValues((i, j) => formulas[i]?.[j]);
  }
  isBlank(): boolean {
    return this.map((cell) => hasContent(cell)).every((line) => line.every((filled) => !filled));
  }
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    const only =
      options && (options.contentsOnly || options.formatOnly || options.commentsOnly || options.validationsOnly);
    return this.edit((cell) => {
      if (!only || options?.contentsOnly) {
        cell.value = '';
        delete cell.formula;
        delete cell.result;
      }
      if (!only || options?.formatOnly) FakeRange.clearFormats(cell);
      if (options?.commentsOnly) delete cell.note;
      if (options?.validationsOnly) delete cell.validation;
    });
  }
  clearContent(): this {
    return this.clear({ contentsOnly: true });
  }
  clearFormat(): this {
    return this.clear({ formatOnly: true });
  }

  private static clearFormats(cell: Cell): void {
    for (const key of [
      'format',
      'background',
      'fontWeight',
      'fontColor',
      'fontStyle',
      'fontLine',
      'horizontalAlignment',
      'wrap',
    ] as const)
      delete cell[key];
  }

  // ---- formats ----

  getNumberFormat(): string {
    return this.first()?.format ?? AUTOMATIC_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this.map((cell) => cell?.format ?? AUTOMATIC_FORMAT);
  }
  setNumberFormat(format: string): this {
    return this.edit((cell) => {
      cell.format = format;
    });
  }
  setNumberFormats(formats: string[][]): this {
    return this.setEach<string>(formats, 'setNumberFormats', (cell, format) => {
      cell.format = format;
    });
  }
  getBackground(): string {
    return this.first()?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this.map((cell) => cell?.background ?? '#ffffff');
  }
  setBackground(color: string | null): this {
    return this.edit((cell) => FakeRange.setColor(cell, 'background', color));
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this.setEach<string | null>(colors, 'setBackgrounds', (cell, color) =>
      FakeRange.setColor(cell, 'background', color),
    );
  }
  getFontColor(): string {
    return this.first()?.fontColor ?? '#000000';
  }
  getFontColors(): string[][] {
    return this.map((cell) => cell?.fontColor ?? '#000000');
  }
  setFontColor(color: string | null): this {
    return this.edit((cell) => FakeRange.setColor(cell, 'fontColor', color));
  }
  setFontColors(colors: (string | null)[][]): this {
    return this.setEach<string | null>(colors, 'setFontColors', (cell, color) =>
      FakeRange.setColor(cell, 'fontColor', color),
    );
  }

  private static setColor(cell: Cell, key: 'background' | 'fontColor', color: string | null | undefined): void {
    if (color === null || color === undefined || color === '') delete cell[key];
    else cell[key] = normalizeColor(color);
  }

  getFontWeight(): GAS.Spreadsheet.FontWeight {
    return this.first()?.fontWeight ?? 'normal';
  }
  getFontWeights(): GAS.Spreadsheet.FontWeight[][] {
    return this.map((cell) => cell?.fontWeight ?? 'normal');
  }
  setFontWeight(weight: 'bold' | 'normal' | null): this {
    return this.edit((cell) => {
      if (weight === 'bold') cell.fontWeight = 'bold';
      else delete cell.fontWeight;
    });
  }
  setFontWeights(weights: ('bold' | 'normal' | null)[][]): this {
    return this.setEach<string | null>(weights, 'setFontWeights', (cell, weight) => {
      if (weight === 'bold') cell.fontWeight = 'bold';
      else delete cell.fontWeight;
    });
  }
  getFontStyle(): GAS.Spreadsheet.FontStyle {
    return this.first()?.fontStyle ?? 'normal';
  }
  setFontStyle(style: 'italic' | 'normal' | null): this {
    return this.edit((cell) => {
      if (style === 'italic') cell.fontStyle = 'italic';
      else delete cell.fontStyle;
    });
  }
  getFontLine(): GAS.Spreadsheet.FontLine {
    return this.first()?.fontLine ?? 'none';
  }
  setFontLine(line: 'none' | 'underline' | 'line-through' | null): this {
    return this.edit((cell) => {
      if (line && line !== 'none') cell.fontLine = line;
      else delete cell.fontLine;
    });
  }
  getHorizontalAlignment(): string {
    return this.first()?.horizontalAlignment ?? 'general';
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | null): this {
    return this.edit((cell) => {
      if (alignment && alignment !== 'normal') cell.horizontalAlignment = alignment;
      else delete cell.horizontalAlignment;
    });
  }
  getWrap(): boolean {
    return this.first()?.wrap ?? false;
  }
  setWrap(wrap: boolean): this {
    return this.edit((cell) => {
      cell.wrap = wrap;
    });
  }

  // ---- notes ----

  getNote(): string {
    return this.first()?.note ?? '';
  }
  getNotes(): string[][] {
    return this.map((cell) => cell?.note ?? '');
  }
  setNote(note: string | null): this {
    return this.edit((cell) => FakeRange.setNoteOf(cell, note));
  }
  setNotes(notes: (string | null)[][]): this {
    return this.setEach<string | null>(notes, 'setNotes', (cell, note) => FakeRange.setNoteOf(cell, note));
  }
  clearNote(): this {
    return this.edit((cell) => FakeRange.setNoteOf(cell, null));
  }

  private static setNoteOf(cell: Cell, note: string | null | undefined): void {
    if (note === null || note === undefined || note === '') delete cell.note;
    else cell.note = String(note);
  }

  // ---- data validation and checkboxes ----

  getDataValidation(): FakeDataValidation | null {
    return (this.first()?.validation as FakeDataValidation | undefined) ?? null;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.map((cell) => (cell?.validation as FakeDataValidation | undefined) ?? null);
  }
  setDataValidation(rule: GAS.Spreadsheet.DataValidation | null): this {
    const raw = rule ? unwrap(rule) : undefined;
    return this.edit((cell) => {
      if (raw) cell.validation = raw;
      else delete cell.validation;
    });
  }
  setDataValidations(rules: (GAS.Spreadsheet.DataValidation | null)[][]): this {
    return this.setEach<GAS.Spreadsheet.DataValidation | null>(rules, 'setDataValidations', (cell, rule) => {
      if (rule) cell.validation = unwrap(rule);
      else delete cell.validation;
    });
  }
  clearDataValidations(): this {
    return this.setDataValidation(null);
  }
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const values =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    const rule = new FakeDataValidation(this.ctx, {
      criteria: DataValidationCriteria.CHECKBOX,
      values,
      helpText: null,
      allowInvalid: true,
    });
    const unchecked = values.length === 0 ? false : values.length === 1 ? '' : values[1];
    return this.edit((cell) => {
      cell.validation = unwrap(rule);
      delete cell.formula;
      cell.value = unchecked as CellValue;
    });
  }
  removeCheckboxes(): this {
    return this.edit((cell) => {
      const rule = cell.validation as FakeDataValidation | undefined;
      if (rule?.spec.criteria !== DataValidationCriteria.CHECKBOX) return;
      delete cell.validation;
      cell.value = '';
    });
  }

  private checkboxValues(cell: Cell): [unknown, unknown] | undefined {
    const rule = cell.validation as FakeDataValidation | undefined;
    if (rule?.spec.criteria !== DataValidationCriteria.CHECKBOX) return undefined;
    const [checked = true, unchecked = checked === true ? false : ''] = rule.spec.values;
    return [checked, unchecked];
  }
  check(): this {
    return this.edit((cell) => {
      const values = this.checkboxValues(cell);
      if (values) cell.value = values[0] as CellValue;
    });
  }
  uncheck(): this {
    return this.edit((cell) => {
      const values = this.checkboxValues(cell);
      if (values) cell.value = values[1] as CellValue;
    });
  }
  isChecked(): boolean | null {
    const states = this.map((cell) => {
      const values = cell && this.checkboxValues(cell);
      return values ? String(cell.value) === String(values[0]) : undefined;
    }).flat();
    if (states.some((s) => s === undefined)) return null;
    if (states.every((s) => s === true)) return true;
    if (states.every((s) => s === false)) return false;
    return null;
  }

  // ---- protection ----

  protect(): FakeProtection {
    const protection = new FakeProtection(this.ctx, ProtectionType.RANGE, this);
    this.sheet.parent.protections.push(unwrap(protection));
    return protection;
  }
}
