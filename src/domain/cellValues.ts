/**
 * Reading raw sheet cells — what Apps Script's getValues() returns: strings ('' for an empty cell),
 * numbers, booleans and Date objects — into typed values. Pure: the time zone is a parameter.
 *
 * Each reader returns the value or a Russian message saying what is wrong with the cell; the message
 * does not name the column (the caller knows it) and the cell itself is never changed.
 */
import { UTCDate } from '@date-fns/utc';
import { addDays as addDaysFns } from 'date-fns/addDays';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { formatRuDate, isoDateAt, isoDateOfUtc, MOSCOW_TIME_ZONE } from './isoDate';
import { formulaInCell, isFormulaCell } from './formulas';
import type { IsoDate } from './types';
import { TextMemo } from './memo';

export type CellReading<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellReading<T> => ({ ok: true, value });
const fail = <T>(message: string): CellReading<T> => ({ ok: false, message });

// The readings most cells give, shared: a check reads some 200,000 cells, most of them empty or ticked.
const NO_VALUE: CellReading<null> = Object.freeze(ok(null));
const CHECKED: CellReading<boolean> = Object.freeze(ok(true));
const UNCHECKED: CellReading<boolean> = Object.freeze(ok(false));
const checkbox = (checked: boolean): CellReading<boolean> => (checked ? CHECKED : UNCHECKED);

/** The texts Sheets shows for a formula that failed: #REF!, #N/A, #DIV/0!, #ERROR! … */
const FORMULA_ERROR =
  /^#(?:REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|ССЫЛКА!|Н\/Д|ДЕЛ\/0!|ЗНАЧ!|ИМЯ\?|ЧИСЛО!|ПУСТО!|ОШИБКА!)$/i;

function formulaError(text: string): string | null {
  // Every error text starts with «#»: the other 200,000 cells of a check need no regex.
  return text.charCodeAt(0) === HASH && FORMULA_ERROR.test(text) ? `в ячейке ошибка формулы ${text}` : null;
}

const HASH = 35;

/** Empty cells (and columns missing from the sheet: undefined) read as no value. */
function isEmpty(raw: unknown): raw is '' | null | undefined {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Text: trimmed, null when empty. Numbers become their digits (an ОГРН typed as a number reads
 * '1027700132195'); a date the sheet turned into a Date object reads as ДД.ММ.ГГГГ.
 */
export function readTextCell(raw: unknown, timeZone: string = MOSCOW_TIME_ZONE): CellReading<string | null> {
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return NO_VALUE;
    const error = formulaError(text);
    return error === null ? ok(text) : fail(error);
  }
  if (isEmpty(raw)) return NO_VALUE;
  if (isFormulaCell(raw)) return fail(formulaInCell(raw, 'текст'));
  if (typeof raw === 'number' && Number.isFinite(raw)) return ok(String(raw));
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? fail('в ячейке неверная дата') : ok(formatRuDate(isoDateAt(raw, timeZone)));
  }
  if (typeof raw === 'boolean') return fail('ожидается текст, а в ячейке флажок');
  return fail('не удалось прочитать значение ячейки');
}

const TRUE_WORDS = new Set(['true', 'истина', 'да', '1', 'yes']);
const FALSE_WORDS = new Set(['false', 'ложь', 'нет', '0', 'no']);

/** A checkbox: true/false, 'да'/'нет', 'TRUE'/'FALSE', 'ИСТИНА'/'ЛОЖЬ', 1/0; an empty cell is unchecked. */
export function readCheckboxCell(raw: unknown): CellReading<boolean> {
  if (isEmpty(raw)) return UNCHECKED;
  if (isFormulaCell(raw)) return fail(formulaInCell(raw, 'флажок'));
  if (typeof raw === 'boolean') return checkbox(raw);
  if (raw === 1 || raw === 0) return checkbox(raw === 1);
  if (typeof raw === 'string') {
    const word = raw.trim().toLowerCase().replace(/ё/g, 'е');
    if (TRUE_WORDS.has(word)) return CHECKED;
    if (FALSE_WORDS.has(word)) return UNCHECKED;
    const error = formulaError(raw.trim());
    if (error !== null) return fail(error);
  }
  return fail(`«${describe(raw)}» — ожидается флажок (да или нет)`);
}

/**
 * A date, as the calendar day it names:
 * - a Date object (a date cell): its day in `timeZone` (the spreadsheet's, Europe/Moscow);
 * - text 'ДД.ММ.ГГГГ' or 'Д.М.ГГГГ' (optionally followed by 'г.'), 'ДДММГГГГ', 'ГГГГ-ММ-ДД', or
 *   'ДД.ММ.ГГ': a two-digit year is 20ГГ (pages in social networks are all from this century);
 * - a number: a spreadsheet serial day (days since 30.12.1899), when it falls within 2000–2099 — a
 *   number outside that is more likely a year or a count typed into the wrong cell.
 * An empty cell is no date (null).
 */
export function readDateCell(raw: unknown, timeZone: string = MOSCOW_TIME_ZONE): CellReading<IsoDate | null> {
  if (isEmpty(raw)) return NO_VALUE;
  if (isFormulaCell(raw)) return fail(formulaInCell(raw, 'дата'));
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? fail('в ячейке неверная дата') : ok(isoDateAt(raw, timeZone));
  }
  if (typeof raw === 'number') {
    const day = serialToIsoDate(raw);
    return day === null ? fail(`число ${describe(raw)} не похоже на дату; введите дату в формате ДД.ММ.ГГГГ`) : ok(day);
  }
  if (typeof raw === 'string') {
    const text = raw.trim();
    const error = formulaError(text);
    if (error !== null) return fail(error);
    const day = parseDateText(text);
    if (day !== null) return ok(day);
    return fail(
      looksLikeDate(text)
        ? `такой даты нет в календаре: «${text}»`
        : `«${text}» не похоже на дату; введите дату в формате ДД.ММ.ГГГГ`,
    );
  }
  if (typeof raw === 'boolean') return fail('ожидается дата, а в ячейке флажок');
  return fail('не удалось прочитать значение ячейки');
}

/** The shapes of a typed date; date-fns then reads the day and refuses one the calendar lacks (31.02). */
const DATE_SHAPES: ReadonlyArray<{ shape: RegExp; pattern: string }> = [
  { shape: /^\d{1,2}\.\d{1,2}\.\d{4}$/, pattern: 'd.M.yyyy' },
  { shape: /^\d{1,2}\.\d{1,2}\.\d{2}$/, pattern: 'd.M.yy' },
  { shape: /^\d{8}$/, pattern: 'ddMMyyyy' },
  { shape: /^\d{4}-\d{2}-\d{2}$/, pattern: 'yyyy-MM-dd' },
];

/** «г.» after a date, as in «05.03.2024 г.». */
const YEAR_WORD = /\s*г\.?$/;

/**
 * The reference day of date-fns's parse: a two-digit year is read within 50 years of it, so
 * 2050 makes 00–99 the years 2000–2099 (pages in social networks are all from this century).
 */
const PARSE_REFERENCE = new UTCDate(2050, 0, 1);

function shapeOf(text: string): string | null {
  const bare = text.replace(YEAR_WORD, '');
  return DATE_SHAPES.find(({ shape }) => shape.test(bare))?.pattern ?? null;
}

function looksLikeDate(text: string): boolean {
  return shapeOf(text.trim()) !== null;
}

/**
 * The day a date text names, or null: '05.03.2024', '5.3.2024', '05.03.24', '5.3.24', '05.03.2024 г.',
 * '05032024' (ДДММГГГГ), '2024-03-05'.
 */
export function parseDateText(text: string): IsoDate | null {
  // A register repeats the same typed dates many times; date-fns's parse is the costly step.
  return PARSED_DATES.get(text);
}

const PARSED_DATES = new TextMemo(parseDateTextOnce);

function parseDateTextOnce(text: string): IsoDate | null {
  const trimmed = text.trim();
  const pattern = shapeOf(trimmed);
  if (pattern === null) return null;
  const parsed = parse(trimmed.replace(YEAR_WORD, ''), pattern, PARSE_REFERENCE);
  return isValid(parsed) ? isoDateOfUtc(parsed) : null;
}

/** Day 0 of spreadsheet serial numbers: 30.12.1899. */
const SERIAL_EPOCH = new UTCDate(1899, 11, 30);
const FIRST_SERIAL = 36526; // 01.01.2000
const LAST_SERIAL = 73050; // 31.12.2099

/** The day of a spreadsheet serial number (the fraction is the time of day), or null outside 2000–2099. */
export function serialToIsoDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const days = Math.floor(serial);
  return days < FIRST_SERIAL || days > LAST_SERIAL ? null : isoDateOfUtc(addDaysFns(SERIAL_EPOCH, days));
}

function describe(raw: unknown): string {
  return typeof raw === 'number' ? String(raw).replace('.', ',') : String(raw);
}
