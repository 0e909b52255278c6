/**
 * How Google Sheets in the Russian locale reads a string typed into a cell — which is also what
 * Range.setValue(s) does with a string and what a .csv import does with each field:
 *  - "'text" → the text after the apostrophe, never parsed (the quote prefix);
 *  - "=…" → a formula;
 *  - TRUE / FALSE / ИСТИНА / ЛОЖЬ (any case) → a boolean;
 *  - 1234 · -5 · 1,5 · 1 234,5 · +79991234567 · 007 → numbers (decimal comma; a leading zero is lost);
 *  - 12% · 12,5% → 0.12 · 0.125 with a percent format;
 *  - dd.MM.yyyy, d.M.yy, dd/MM/yyyy, yyyy-MM-dd (optionally with H:mm or H:mm:ss) → dates at midnight
 *    (or that time) in the spreadsheet's time zone; dd.MM alone → that day in the current year, which
 *    is how "2.1" becomes 2 January (a real trap for clause numbers);
 *  - anything else stays text, unchanged (spaces included).
 * Not parsed (stays text here, simplified): times alone (10:30), currencies, month names.
 */
import { DEFAULT_DATE_FORMAT, DEFAULT_DATE_TIME_FORMAT } from './numberFormat';
import { fromWallTime, isValidDay } from './timeZones';

export type CellValue = string | number | boolean | Date;

export type ParsedInput = { formula: string } | { value: CellValue; format?: string };

const NUMBER = /^[+-]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?(?:[eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?\d+(?:,\d+)?)\s?%$/;
const DMY = /^(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DM = /^(\d{1,2})\.(\d{1,2})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function twoDigitYear(year: string): number {
  const n = Number(year);
  if (year.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function toDate(
  timeZone: string,
  y: number,
  m: number,
  d: number,
  hh?: string,
  mm?: string,
  ss?: string,
): ParsedInput | undefined {
  if (!isValidDay(y, m, d)) return undefined;
  const hour = hh === undefined ? 0 : Number(hh);
  const minute = mm === undefined ? 0 : Number(mm);
  const second = ss === undefined ? 0 : Number(ss);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const value = fromWallTime(timeZone, y, m, d, hour, minute, second);
  return { value, format: hh === undefined ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT };
}

function parseDate(text: string, timeZone: string, currentYear: number): ParsedInput | undefined {
  let m = DMY.exec(text);
  if (m) return toDate(timeZone, twoDigitYear(m[4] ?? ''), Number(m[3]), Number(m[1]), m[5], m[6], m[7]);
  m = ISO.exec(text);
  if (m) {
    const parsed = toDate(timeZone, Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6]);
    if (parsed && 'value' in parsed && m[4] === undefined) parsed.format = 'yyyy-MM-dd';
    return parsed;
  }
  m = DM.exec(text);
  if (m) return toDate(timeZone, currentYear, Number(m[2]), Number(m[1]));
  return undefined;
}

/** Reads `input` as Sheets would when a person types it into a cell formatted automatically. */
export function parseInput(input: string, timeZone: string, currentYear: number): ParsedInput {
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { formula: input };
  const text = input.trim();
  if (text === '') return { value: input };
  if (/^(true|истина)$/i.test(text)) return { value: true };
  if (/^(false|ложь)$/i.test(text)) return { value: false };
  if (NUMBER.test(text)) {
    const n = Number(text.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
    if (Number.isFinite(n)) return { value: n };
  }
  const percent = PERCENT.exec(text);
  if (percent)
    return { value: Number((percent[1] ?? '').replace(',', '.')) / 100, format: text.includes(',') ? '0.00%' : '0%' };
  return parseDate(text, timeZone, currentYear) ?? { value: input };
}
