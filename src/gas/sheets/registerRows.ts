/**
 * Reading the register's rows: the data block in one getValues and one getFormulas (a formula is never
 * taken for what a person wrote), some key columns of every row in one getValues per run of adjacent
 * columns, notes in one getNotes. No call here is made once per row.
 */
import { REGISTER_WIDE_KEYS } from '../../domain/register';
import type { ColumnKey } from '../../domain/types';
import { catalogueCell } from '../../domain/formulas';
import { columnLetter, type RawRow, type RegisterTable } from './registerSheet';

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
  const template = cellsTemplate(keys);
  const rows: RawRow[] = new Array<RawRow>(block.length);
  for (let index = 0; index < block.length; index++) {
    const values = block[index] as unknown[];
    const rowFormulas = formulas[index];
    const cells: Partial<Record<ColumnKey, unknown>> = { ...template };
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as ColumnKey;
      const position = positions[k] as number;
      cells[key] = catalogueCell(key, values[position], rowFormulas?.[position]);
    }
    rows[index] = { row: first + index, cells, values };
  }
  return rows;
}

/**
 * An object with `keys` as properties, each undefined, to copy for each row: filling an empty object
 * key by key leaves V8 a slow dictionary per row, while a copy of this one keeps one fast shape for
 * the whole block (the check reads every row's cells a dozen times).
 */
function cellsTemplate(keys: readonly ColumnKey[]): Partial<Record<ColumnKey, unknown>> {
  const template: Partial<Record<ColumnKey, unknown>> = {};
  for (const key of keys) template[key] = undefined;
  return { ...template };
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
 * getLastRow) per run of adjacent columns, or through row `through` when given (none when that is above
 * the data). Rows whose cells hold only those keys, up to the last row with one of them filled; `values`
 * is empty.
 */
export function readKeyColumns(
  table: RegisterTable,
  wanted: readonly ColumnKey[],
  through: number | null = null,
): RawRow[] {
  const rows: RawRow[] = [];
  addKeyColumns(table, rows, wanted, through);
  return rows;
}

/**
 * `rows` (readKeyColumns) given the `wanted` columns too, read as readKeyColumns reads them, into the
 * same objects; rows it adds go at the end (up to the last with one of those columns filled). With
 * `from`, only the sheet rows from `from` through `through` are read (the others' cells stay unread).
 */
export function addKeyColumns(
  table: RegisterTable,
  rows: RawRow[],
  wanted: readonly ColumnKey[],
  through: number | null = null,
  from: number | null = null,
): void {
  const dataStart = table.headerRow + 1;
  const start = Math.max(dataStart, from ?? dataStart);
  if (through !== null && through < start) return;
  const keys = wanted.filter((key) => table.positions[key] !== undefined);
  // Every key column a later call may add is in the shape from the start: adding a property to
  // 10,000 objects gave each a new hidden class and a property store (a third of an exemption edit).
  const template = cellsTemplate([...new Set([...REGISTER_WIDE_KEYS, ...keys])]);
  const before = rows.length;
  for (const [left, right] of adjacentSpans(keys.map((key) => table.positions[key] as number))) {
    const a1 = `${columnLetter(left + 1)}${start}:${columnLetter(right + 1)}${through ?? ''}`;
    const block = table.sheet.getRange(a1).getValues();
    // The keys of this span and their offsets in it, listed once for the whole block.
    const spanKeys = keys.filter(
      (key) => (table.positions[key] as number) >= left && (table.positions[key] as number) <= right,
    );
    const offsets = spanKeys.map((key) => (table.positions[key] as number) - left);
    const skipped = start - dataStart;
    for (let read = 0; read < block.length; read++) {
      const cells = block[read] as unknown[];
      const index = skipped + read;
      let raw = rows[index];
      if (raw === undefined) {
        raw = { row: dataStart + index, cells: { ...template }, values: [] };
        rows[index] = raw;
      }
      for (let k = 0; k < spanKeys.length; k++) raw.cells[spanKeys[k] as ColumnKey] = cells[offsets[k] as number];
    }
  }
  let last = rows.length - 1;
  while (last >= before && keys.every((key) => isBlankCell((rows[last] as RawRow).cells[key]))) last -= 1;
  rows.length = last + 1;
}

function isBlankCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** Notes of rows `first`..`first + count - 1`, full width, in one getNotes. */
export function readNotes(table: RegisterTable, first: number, count: number): string[][] {
  if (count <= 0) return [];
  return table.sheet.getRange(first, 1, count, table.width).getNotes();
}
