/**
 * Sheet: a grid with a fixed size (new sheets: 1000 rows × 26 columns). Ranges must lie inside the grid
 * (Apps Script's errors otherwise); inserting rows or columns and appendRow grow it. Conditional-format
 * rules are replaced as a whole by setConditionalFormatRules, and move with inserted rows and columns,
 * like protections.
 */
import GAS = GoogleAppsScript;
import { parseA1, type GridArea } from './a1';
import type { FakeContext } from './context';
import { FakeConditionalFormatRule } from './conditionalFormat';
import { ProtectionType, SheetType } from './enums';
import { FakeObject, unwrap } from './fakeObject';
import { Grid } from './grid';
import { FakeProtection } from './protection';
import { FakeRange } from './range';
import { FakeRangeList } from './rangeList';
import type { FakeSpreadsheet } from './spreadsheet';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './chart';

type S = GAS.Spreadsheet.Sheet;
type Implemented =
  | 'getCharts'
  | 'insertChart'
  | 'newChart'
  | 'removeChart'
  | 'updateChart'
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearConditionalFormatRules'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRangeList'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'getType'
  | 'hideColumn'
  | 'hideColumns'
  | 'hideSheet'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isColumnHiddenByUser'
  | 'isSheetHidden'
  | 'protect'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showColumns'
  | 'showSheet'
  | 'unhideColumn';

export const DEFAULT_COLUMN_WIDTH = 100;

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeSheet extends S {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeSheet extends FakeObject implements Pick<S, Implemented> {
  readonly grid: Grid;
  frozenRows = 0;
  frozenColumns = 0;
  conditionalRules: FakeConditionalFormatRule[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  hidden = false;
  tabColor: string | null = null;
  /** Embedded charts, in insertion order (see chart.ts). */
  charts: FakeEmbeddedChart[] = [];
  private nextChartId = 1;

  readonly parent: FakeSpreadsheet;

  constructor(
    ctx: FakeContext,
    parent: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
    rows?: number,
    columns?: number,
  ) {
    super(ctx, 'Sheet');
    this.parent = unwrap(parent);
    this.grid = new Grid(rows, columns);
  }

  // ---- embedded charts (chart.ts) ----

  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.ctx, this);
  }
  insertChart(chart: GAS.Spreadsheet.EmbeddedChart): void {
    const fake = unwrap(chart) as unknown as FakeEmbeddedChart;
    if (fake.sheet !== this) throw this.ctx.error('The chart belongs to another sheet.');
    fake.chartId = this.nextChartId++;
    this.charts.push(fake);
  }
  getCharts(): FakeEmbeddedChart[] {
    return [...this.charts];
  }
  removeChart(chart: GAS.Spreadsheet.EmbeddedChart): void {
    const id = (unwrap(chart) as unknown as FakeEmbeddedChart).chartId;
    this.charts = this.charts.filter((candidate) => candidate.chartId !== id);
  }
  updateChart(chart: GAS.Spreadsheet.EmbeddedChart): void {
    const fake = unwrap(chart) as unknown as FakeEmbeddedChart;
    const index = this.charts.findIndex((candidate) => candidate.chartId === fake.chartId);
    if (index === -1) throw this.ctx.error('The chart does not exist on this sheet.');
    this.charts[index] = fake;
  }

  // ---- helpers (not Apps Script methods) ----

  /** A range by coordinates, with Apps Script's errors for coordinates outside the grid. */
  rangeAt(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    for (const [value, name] of [
      [row, 'row'],
      [column, 'column'],
      [numRows, 'numRows'],
      [numColumns, 'numColumns'],
    ] as const) {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw this.ctx.error(`Invalid argument: ${name}`);
    }
    if (row < 1) throw this.ctx.error('The starting row of the range is too small.');
    if (column < 1) throw this.ctx.error('The starting column of the range is too small.');
    if (numRows < 1) throw this.ctx.error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw this.ctx.error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.grid.maxRows || column + numColumns - 1 > this.grid.maxColumns)
      throw this.ctx.error('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this.ctx, this, {
      row: Math.floor(row),
      column: Math.floor(column),
      numRows: Math.floor(numRows),
      numColumns: Math.floor(numColumns),
    });
  }

  /** A range by A1 notation (a sheet prefix must name this sheet); "Range not found" otherwise. */
  rangeByA1(a1: string): FakeRange {
    const parsed = parseA1(a1);
    if (!parsed || (parsed.sheetName !== undefined && parsed.sheetName.toLowerCase() !== this.name.toLowerCase()))
      throw this.ctx.error('Range not found');
    const area = parsed.resolve(this.grid.maxRows, this.grid.maxColumns);
    if (area.row + area.numRows - 1 > this.grid.maxRows || area.column + area.numColumns - 1 > this.grid.maxColumns)
      throw this.ctx.error('Range not found');
    return new FakeRange(this.ctx, this, area);
  }

  /** Moves rules and protections after rows/columns were inserted (count > 0) or deleted (count < 0). */
  private shiftAreas(dimension: 'row' | 'column', at: number, count: number): void {
    const size = dimension === 'row' ? 'numRows' : 'numColumns';
    const shift = (range: FakeRange): FakeRange | undefined => {
      const area: GridArea = { ...range.area };
      const start = area[dimension];
      const end = start + area[size] - 1;
      if (count > 0) {
        if (start >= at) area[dimension] = start + count;
        else if (end >= at) area[size] += count;
      } else {
        const removedEnd = at - count - 1;
        const overlap = Math.max(0, Math.min(end, removedEnd) - Math.max(start, at) + 1);
        if (overlap === area[size]) return undefined;
        area[size] -= overlap;
        if (start > removedEnd) area[dimension] = start + count;
        else if (start >= at) area[dimension] = at;
      }
      return new FakeRange(this.ctx, this, area);
    };
    for (const rule of this.conditionalRules) {
      rule.spec.ranges = rule.spec.ranges
        .map((r) => (r.sheet === this ? shift(r) : r))
        .filter((r): r is FakeRange => !!r);
    }
    for (const protection of this.parent.protections) {
      if (protection.sheet !== this) continue;
      const moved = shift(protection.range);
      if (moved) protection.range = unwrap(moved);
      protection.unprotected = protection.unprotected.map(shift).filter((r): r is FakeRange => !!r);
    }
  }

  private insertRowsAt(before: number, count: number): this {
    if (before < 1 || before > this.grid.maxRows + 1) throw this.ctx.error('Those rows are out of bounds.');
    this.grid.insertRows(before, count);
    this.shiftAreas('row', before, count);
    return this;
  }

  private insertColumnsAt(before: number, count: number): this {
    if (before < 1 || before > this.grid.maxColumns + 1) throw this.ctx.error('Those columns are out of bounds.');
    this.grid.insertColumns(before, count);
    const widths = [...this.columnWidths].map(([c, w]) => [c >= before ? c + count : c, w] as const);
    this.columnWidths.clear();
    for (const [c, w] of widths) this.columnWidths.set(c, w);
    this.shiftAreas('column', before, count);
    return this;
  }

  // ---- identity ----

  activate(): this {
    this.parent.activeSheet = this;
    return this;
  }
  getName(): string {
    return this.name;
  }
  getSheetName(): string {
    return this.name;
  }
  setName(name: string): this {
    if (this.parent.sheets.some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase()))
      throw this.ctx.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getIndex(): number {
    return this.parent.sheets.indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    return this.parent;
  }
  getType(): GAS.Spreadsheet.SheetType {
    return SheetType.GRID;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  hideSheet(): this {
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.hidden = false;
    return this;
  }
  getTabColor(): string | null {
    return this.tabColor;
  }
  setTabColor(color: string | null): this {
    this.tabColor = color;
    return this;
  }

  // ---- ranges and size ----

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof a1OrRow === 'string') return this.rangeByA1(a1OrRow);
    if (column === undefined)
      throw this.ctx.error(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    return this.rangeAt(a1OrRow, column, numRows ?? 1, numColumns ?? 1);
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      throw this.ctx.error("The parameters () don't match the method signature for SpreadsheetApp.Sheet.getRangeList.");
    return new FakeRangeList(
      this.ctx,
      a1Notations.map((a1) => this.rangeByA1(String(a1))),
    );
  }
  getDataRange(): FakeRange {
    return this.rangeAt(1, 1, Math.max(1, this.grid.lastRow()), Math.max(1, this.grid.lastColumn()));
  }
  getSheetValues(row: number, column: number, numRows: number, numColumns: number): unknown[][] {
    const lastRow = numRows === -1 ? this.grid.lastRow() - row + 1 : numRows;
    const lastColumn = numColumns === -1 ? this.grid.lastColumn() - column + 1 : numColumns;
    return this.rangeAt(row, column, lastRow, lastColumn).getValues();
  }
  getLastRow(): number {
    return this.grid.lastRow();
  }
  getLastColumn(): number {
    return this.grid.lastColumn();
  }
  getMaxRows(): number {
    return this.grid.maxRows;
  }
  getMaxColumns(): number {
    return this.grid.maxColumns;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this.insertRowsAt(afterPosition + 1, howMany);
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAt(afterPosition + 1, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this.insertRowsAt(beforePosition, howMany);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsAt(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsAt(rowIndex, numRows);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this.insertColumnsAt(afterPosition + 1, howMany);
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAt(afterPosition + 1, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    return this.insertColumnsAt(beforePosition, howMany);
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsAt(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsAt(columnIndex, numColumns);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.grid.maxRows)
      throw this.ctx.error('Those rows are out of bounds.');
    if (howMany >= this.grid.maxRows) throw this.ctx.error("You can't delete all the rows on the sheet.");
    this.parent.assertCanEdit(this, {
      row: rowPosition,
      column: 1,
      numRows: howMany,
      numColumns: this.grid.maxColumns,
    });
    this.grid.deleteRows(rowPosition, howMany);
    this.shiftAreas('row', rowPosition, -howMany);
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.grid.maxColumns)
      throw this.ctx.error('Those columns are out of bounds.');
    if (howMany >= this.grid.maxColumns) throw this.ctx.error("You can't delete all the columns on the sheet.");
    this.parent.assertCanEdit(this, {
      row: 1,
      column: columnPosition,
      numRows: this.grid.maxRows,
      numColumns: howMany,
    });
    this.grid.deleteColumns(columnPosition, howMany);
    this.shiftAreas('column', columnPosition, -howMany);
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents))
      throw this.ctx.error(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    const row = this.grid.lastRow() + 1;
    if (row > this.grid.maxRows) this.insertRowsAt(this.grid.maxRows + 1, row - this.grid.maxRows);
    if (rowContents.length > this.grid.maxColumns)
      this.insertColumnsAt(this.grid.maxColumns + 1, rowContents.length - this.grid.maxColumns);
    if (rowContents.length > 0) this.rangeAt(row, 1, 1, rowContents.length).setValues([rowContents]);
    return this;
  }
  clear(): this {
    this.rangeAt(1, 1, this.grid.maxRows, this.grid.maxColumns).clear();
    return this;
  }
  clearContents(): this {
    this.rangeAt(1, 1, this.grid.maxRows, this.grid.maxColumns).clearContent();
    return this;
  }
  clearFormats(): this {
    this.rangeAt(1, 1, this.grid.maxRows, this.grid.maxColumns).clearFormat();
    return this;
  }
  clearNotes(): this {
    this.rangeAt(1, 1, this.grid.maxRows, this.grid.maxColumns).clearNote();
    return this;
  }

  // ---- frozen panes, widths, hidden columns ----

  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  setFrozenColumns(columns: number): void {
    this.frozenColumns = columns;
  }
  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    this.columnWidths.delete(columnPosition);
    return this;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.delete(c);
    return this;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.add(c);
  }
  hideColumn(column: GAS.Spreadsheet.Range): void {
    const area = (unwrap(column) as FakeRange).area;
    this.hideColumns(area.column, area.numColumns);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.delete(c);
  }
  unhideColumn(column: GAS.Spreadsheet.Range): void {
    const area = (unwrap(column) as FakeRange).area;
    this.showColumns(area.column, area.numColumns);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.hiddenColumns.has(columnPosition);
  }

  // ---- conditional formatting and protection ----

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this.conditionalRules];
  }
  /** Replaces every rule of the sheet (Apps Script has no way to add one rule). */
  setConditionalFormatRules(rules: GAS.Spreadsheet.ConditionalFormatRule[]): void {
    if (!Array.isArray(rules))
      throw this.ctx.error(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
      );
    this.conditionalRules = rules.map((rule) => {
      const raw = unwrap(rule) as FakeConditionalFormatRule;
      if (!(raw instanceof FakeConditionalFormatRule)) throw this.ctx.error('Invalid argument: rules');
      return new FakeConditionalFormatRule(this.ctx, raw.spec);
    });
  }
  clearConditionalFormatRules(): void {
    this.conditionalRules = [];
  }
  /** The sheet's protection; an existing one is returned again, like Apps Script. */
  protect(): FakeProtection {
    const existing = this.parent.protections.find((p) => p.sheet === this && p.type === ProtectionType.SHEET);
    if (existing) return existing;
    const protection = new FakeProtection(
      this.ctx,
      ProtectionType.SHEET,
      this.rangeAt(1, 1, this.grid.maxRows, this.grid.maxColumns),
    );
    this.parent.protections.push(unwrap(protection));
    return protection;
  }
  getProtections(type: GAS.Spreadsheet.ProtectionType): FakeProtection[] {
    return this.parent.protections.filter((p) => p.sheet === this && p.type === type);
  }
}
