/**
 * The formulas of a fake spreadsheet computed by an independent engine (HyperFormula), as Google Sheets
 * would compute them on a given day: every sheet goes in with its values (dates as serial days, as Sheets
 * keeps them) and formulas; TODAY() is the day asked for. Used by the tests of «Обзор» and by `npm start`,
 * which writes the results into register.xlsx beside the formulas and draws the charts from them.
 */
import { atClock } from './fakes/formulas';
import { MOSCOW_TIME_ZONE } from '../src/domain/isoDate';
import { HyperFormula } from 'hyperformula';
import { isDate } from './fakes/context';
import { unwrap } from './fakes/fakeObject';
import type { FakeSpreadsheet } from './fakes/spreadsheet';
import { toSerial } from './fakes/timeZones';

export interface EvaluatedBook {
  /** The computed value of a cell (1-based), null for an empty cell; an error as its code ('#N/A'). */
  value(sheet: string, row: number, column: number): string | number | boolean | null;
  /** The computed values of a rectangle (1-based, inclusive). */
  values(
    sheet: string,
    row: number,
    column: number,
    rows: number,
    columns: number,
  ): Array<Array<string | number | boolean | null>>;
  destroy(): void;
}

function engineValue(cell: { value: unknown; formula?: string }, timeZone: string): unknown {
  if (cell.formula !== undefined) return cell.formula;
  const value = cell.value;
  if (isDate(value)) return toSerial(value as Date, timeZone);
  if (value === '') return null;
  // Text that an engine would read as a formula stays text.
  if (typeof value === 'string' && value.startsWith('=')) return `'${value}`;
  return value;
}

/** Runs `compute` with TODAY() being `today` (noon, Moscow) for the engine, which reads Date.now(). */
function onDay<T>(today: string, compute: () => T): T {
  const real = Date.now;
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  Date.now = () => new Date(year, month - 1, day, 12).getTime();
  try {
    // The fakes' engine registers TODAY()/NOW() for every HyperFormula of the process (dev/fakes/formulas.ts).
    return atClock(new Date(Date.UTC(year, month - 1, day, 9)), MOSCOW_TIME_ZONE, compute);
  } finally {
    Date.now = real;
  }
}

/** Computes every formula of `spreadsheet` on `today` (ISO date). */
export function evaluateBook(spreadsheet: FakeSpreadsheet, today: string): EvaluatedBook {
  const book = unwrap(spreadsheet);
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of book.sheets) {
    const rows: unknown[][] = [];
    for (const [r, c, cell] of sheet.grid.cells()) {
      const row = (rows[r - 1] ??= []);
      row[c - 1] = engineValue(cell, book.timeZone);
    }
    for (let r = 0; r < rows.length; r += 1) rows[r] ??= [];
    sheets[sheet.name] = rows.map((row) => Array.from(row, (value) => value ?? null));
  }
  return onDay(today, () => {
    const engine = HyperFormula.buildFromSheets(sheets as never, {
      licenseKey: 'gpl-v3',
      useArrayArithmetic: true,
      // Sheets compares text case-insensitively and treats an empty cell as "" and as 0.
      caseSensitive: false,
      evaluateNullToZero: true,
    });
    const plain = (value: unknown): string | number | boolean | null => {
      if (value === null || value === undefined) return null;
      if (typeof value === 'object' && 'value' in (value as object)) return String((value as { value: unknown }).value);
      return value as string | number | boolean;
    };
    const sheetId = (name: string): number => {
      const id = engine.getSheetId(name);
      if (id === undefined) throw new Error(`нет листа «${name}»`);
      return id;
    };
    return {
      value: (sheet, row, column) =>
        plain(engine.getCellValue({ sheet: sheetId(sheet), row: row - 1, col: column - 1 })),
      values: (sheet, row, column, rows, columns) =>
        Array.from({ length: rows }, (_, r) =>
          Array.from({ length: columns }, (_, c) =>
            plain(engine.getCellValue({ sheet: sheetId(sheet), row: row - 1 + r, col: column - 1 + c })),
          ),
        ),
      destroy: () => engine.destroy(),
    };
  });
}

/**
 * Stores the computed result of every formula cell of `sheetName` in the fake (Cell.result), as a file
 * saved by Sheets carries it: saveXlsx then writes formulas with their values.
 */
export function storeResults(spreadsheet: FakeSpreadsheet, evaluated: EvaluatedBook, sheetName: string): number {
  const sheet = unwrap(spreadsheet).sheets.find((candidate) => candidate.name === sheetName);
  if (sheet === undefined) return 0;
  let stored = 0;
  for (const [r, c, cell] of sheet.grid.cells()) {
    if (cell.formula === undefined) continue;
    const value = evaluated.value(sheetName, r, c);
    cell.result = value ?? '';
    stored += 1;
  }
  return stored;
}
