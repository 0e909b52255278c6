/**
 * Writing the register's rows: only the cells an update gives (the computed columns excepted, whose
 * gaps between changed rows are written back as read so that a block goes in one range); one setValues
 * per rectangle, one RangeList.setValue for cells sharing one value. No call here is made once per row.
 */
import { COLUMN_BY_KEY, COLUMNS } from '../../domain/columns';
import { isIsoDate } from '../../domain/isoDate';
import type { ColumnKey } from '../../domain/types';
import { dateCell, textCell } from './sheetValues';
import { columnLetter, columnOf, type RawRow, type RegisterTable } from './registerSheet';

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
/** A cell writeComputed cannot give (not in the update, not read). */
const UNKNOWN = Symbol('unknown cell');

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
 * written together. Without `current`, the computed columns are written as the others are. Returns the
 * number of writing calls made.
 */
export function writeColumns(table: RegisterTable, updates: readonly RowUpdate[], options: WriteOptions = {}): number {
  const byRow = new Map<number, RowUpdate['values']>();
  for (const update of updates) {
    const earlier = byRow.get(update.row);
    // Read only below: a row's one update is kept as it is, several are merged into a copy.
    byRow.set(update.row, earlier === undefined ? update.values : { ...earlier, ...update.values });
  }
  const columnFor = (key: ColumnKey): number => {
    const column = columnOf(table, key);
    if (column === null) throw new Error(`Колонка «${COLUMN_BY_KEY[key].header}» не найдена на листе «${table.name}».`);
    return column;
  };

  // Cells given outside the computed columns, by row and column. Without rows as read there is nothing
  // to bridge the computed columns' gaps with: their cells go with the others, in the same rectangles
  // (the sidebar's row in one setValues, not two).
  const exact = new Map<number, Map<number, unknown>>();
  const computedKeys = new Set<ColumnKey>();
  const bridging = options.current !== undefined;
  // forEach, not for…of: a check walks 10,000 rows here, and each step of for…of made an entry array.
  byRow.forEach((values, row) => {
    for (const key of Object.keys(values) as ColumnKey[]) {
      if (bridging && COMPUTED_KEYS.has(key)) {
        computedKeys.add(key);
        continue;
      }
      const cells = exact.get(row) ?? new Map<number, unknown>();
      cells.set(columnFor(key), sheetValue(table, key, values[key]));
      exact.set(row, cells);
    }
  });
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
  /** The cell to write at (row, key), or UNKNOWN when neither the update nor `current` gives it. */
  const cellAt = (row: number, key: ColumnKey): unknown => {
    const values = byRow.get(row);
    if (values !== undefined && key in values) return sheetValue(table, key, values[key]);
    const raw = read.get(row);
    if (raw !== undefined && key in raw.cells) return writtenBack(raw.cells[key]);
    return UNKNOWN;
  };
  const known = (row: number, blockKeys: readonly ColumnKey[]): boolean =>
    blockKeys.every((key) => cellAt(row, key) !== UNKNOWN);
  let writes = 0;
  for (const block of runs([...keyAt.keys()].sort((a, b) => a - b))) {
    const blockKeys = block.map((column) => keyAt.get(column) as ColumnKey);
    const rows: number[] = [];
    byRow.forEach((values, row) => {
      if (blockKeys.some((key) => key in values)) rows.push(row);
    });
    rows.sort((a, b) => a - b);
    // Bridge gaps between rows with the cells as read, so one range covers them.
    const bridged: number[] = [];
    for (const row of rows) {
      const previous = bridged[bridged.length - 1];
      if (previous !== undefined && row > previous + 1) {
        const gap = Array.from({ length: row - previous - 1 }, (_, index) => previous + 1 + index);
        if (gap.every((gapRow) => known(gapRow, blockKeys))) bridged.push(...gap);
      }
      bridged.push(row);
    }
    for (const run of runs(bridged)) {
      // The run's cells, row by row, until one is unknown.
      const values: unknown[][] = [];
      let complete = true;
      for (let index = 0; index < run.length && complete; index++) {
        const line = blockKeys.map((key) => cellAt(run[index] as number, key));
        complete = !line.includes(UNKNOWN);
        values.push(line);
      }
      if (complete) {
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
