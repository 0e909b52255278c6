/** The cells of one sheet: values, formulas and per-cell formatting, addressed 1-based. */
import type { CellValue } from './cellParsing';
import type { GridArea } from './a1';

export interface CellStyle {
  /** Number format; undefined = automatic. */
  format?: string;
  background?: string;
  fontWeight?: 'bold' | 'normal';
  fontColor?: string;
  fontStyle?: 'italic' | 'normal';
  fontLine?: 'none' | 'underline' | 'line-through';
  horizontalAlignment?: string;
  wrap?: boolean;
}

export interface Cell extends CellStyle {
  /** '' when empty. Dates are stored as Date (in the host realm). */
  value: CellValue;
  formula?: string;
  /** A formula's last result, as a file (.xlsx) carries it; read when no evaluator is set. */
  result?: CellValue;
  note?: string;
  /** An unwrapped FakeDataValidation (typed loosely here to keep this module free of the builders). */
  validation?: object;
}

/** Past this many cells written since the formula engine last looked, it rebuilds instead of updating. */
const MAX_TOUCHED = 5_000;

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.formula !== undefined || cell.value !== '');
}

export class Grid {
  private rows: (Cell | undefined)[][] = [];

  constructor(
    public maxRows = DEFAULT_MAX_ROWS,
    public maxColumns = DEFAULT_MAX_COLUMNS,
  ) {}

  get(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  /**
   * Cells handed out for writing since the formula engine last took them (takeTouched), 'all' after
   * rows or columns moved or too many cells: the engine (formulas.ts) then updates only those cells.
   */
  private touched: Set<string> | 'all' = 'all';

  takeTouched(): ReadonlySet<string> | 'all' {
    const touched = this.touched;
    this.touched = new Set();
    return touched;
  }

  private touch(row: number, column: number): void {
    if (this.touched === 'all') return;
    this.touched.add(`${row},${column}`);
    if (this.touched.size > MAX_TOUCHED) this.touched = 'all';
  }

  /** The cell, created empty if it did not exist; for writing (the engine is told). */
  cell(row: number, column: number): Cell {
    this.touch(row, column);
    let line = this.rows[row - 1];
    if (!line) {
      line = [];
      this.rows[row - 1] = line;
    }
    let cell = line[column - 1];
    if (!cell) {
      cell = { value: '' };
      line[column - 1] = cell;
    }
    return cell;
  }

  /** Every existing cell with its coordinates, in row order. */
  *cells(): Generator<[number, number, Cell]> {
    for (let r = 0; r < this.rows.length; r++) {
      const line = this.rows[r];
      if (!line) continue;
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (cell) yield [r + 1, c + 1, cell];
      }
    }
  }

  forEachIn(area: GridArea, fn: (cell: Cell, row: number, column: number) => void): void {
    for (let r = area.row; r < area.row + area.numRows; r++)
      for (let c = area.column; c < area.column + area.numColumns; c++) fn(this.cell(r, c), r, c);
  }

  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) if (this.rows[r - 1]?.some(hasContent)) return r;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) if (hasContent(line[c - 1])) last = c;
    }
    return last;
  }

  /** Inserts `count` empty rows before row `before` (1-based). */
  insertRows(before: number, count: number): void {
    this.touched = 'all';
    if (this.rows.length >= before) this.rows.splice(before - 1, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
  }

  deleteRows(start: number, count: number): void {
    this.touched = 'all';
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
  }

  insertColumns(before: number, count: number): void {
    this.touched = 'all';
    for (const line of this.rows)
      if (line && line.length >= before) line.splice(before - 1, 0, ...new Array<undefined>(count));
    this.maxColumns += count;
  }

  deleteColumns(start: number, count: number): void {
    this.touched = 'all';
    for (const line of this.rows) if (line) line.splice(start - 1, count);
    this.maxColumns -= count;
  }
}
