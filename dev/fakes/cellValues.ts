/**
 * Reading and writing one cell's value the way Apps Script does.
 * Reading: date cells come back as Date objects; a number in a date-formatted cell is a date; a date in
 * a number-formatted cell is its serial number; a formula cell reads as '' unless the spreadsheet has a
 * formula evaluator (FakeSpreadsheet.formulaEvaluator: HyperFormula by default, formulas.ts) or a result
 * loaded from a file.
 * Writing: strings are parsed as typed input in the Russian locale (cellParsing.ts), except in cells
 * formatted as plain text ('@'); a Date written to an automatically formatted cell gets a date format.
 */
import { isDate } from './context';
import { parseInput, type CellValue } from './cellParsing';
import type { Cell } from './grid';
import {
  DEFAULT_DATE_FORMAT,
  DEFAULT_DATE_TIME_FORMAT,
  TEXT_FORMAT,
  isAutomaticFormat,
  isDateFormat,
} from './numberFormat';
import { fromSerial, toSerial, wallTime } from './timeZones';

export type FormulaEvaluator = (
  formula: string,
  sheetName: string,
  row: number,
  column: number,
) => CellValue | undefined;

export function readValue(cell: Cell | undefined, timeZone: string, evaluate?: () => CellValue | undefined): CellValue {
  if (!cell) return '';
  if (cell.formula !== undefined)
    return (
      evaluate?.() ??
      (cell.result === undefined ? '' : readValue({ ...cell, formula: undefined, value: cell.result }, timeZone))
    );
  const value = cell.value;
  if (isDate(value)) {
    if (isDateFormat(cell.format) || isAutomaticFormat(cell.format) || cell.format === TEXT_FORMAT)
      return new Date(value.getTime());
    return toSerial(value, timeZone);
  }
  if (typeof value === 'number' && isDateFormat(cell.format)) return fromSerial(value, timeZone);
  return value;
}

function isMidnight(date: Date, timeZone: string): boolean {
  const w = wallTime(date, timeZone);
  return w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0;
}

/** Stores `input` (anything a script may pass to setValue) into `cell`. */
export function writeValue(cell: Cell, input: unknown, timeZone: string, now: Date): void {
  delete cell.formula;
  delete cell.result;
  if (input === null || input === undefined) {
    cell.value = '';
    return;
  }
  if (typeof input === 'string') {
    if (cell.format === TEXT_FORMAT) {
      cell.value = input.startsWith("'") ? input.slice(1) : input;
      return;
    }
    const parsed = parseInput(input, timeZone, wallTime(now, timeZone).year);
    if ('formula' in parsed) {
      cell.formula = parsed.formula;
      cell.value = '';
      return;
    }
    cell.value = parsed.value;
    if (parsed.format && isAutomaticFormat(cell.format)) cell.format = parsed.format;
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (isDate(input)) {
    const date = new Date(input.getTime());
    cell.value = date;
    if (isAutomaticFormat(cell.format))
      cell.format = isMidnight(date, timeZone) ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT;
    return;
  }
  cell.value = String(input);
}
