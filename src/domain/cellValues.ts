/**
 * Reading raw sheet cells — what Apps Script's getValues() returns: strings ('' for an empty cell),
 * numbers, booleans and Date objects — into typed values. Pure: the time zone is a parameter.
 *
 * Each reader returns the value or a Russian message saying what is wrong with the cell; the message
 * does not name the column (the caller knows it) and the cell itself is never changed.
 */
import { addDays, formatRuDate, isoDateAt, isoDateOf, MOSCOW_TIME_ZONE } from './isoDate';
import { formulaInCell, isFormulaCell } from './formulas';
import type { IsoDate } from './types';

export type CellReading<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellReading<T> => ({ ok: true, value });
const fail = <T>(message: string): CellReading<T> => ({ ok: false, message });

/** The texts Sheets shows for a formula that failed: #REF!, #N/A, #DIV/0!, #ERROR! … */
const FORMULA_ERROR =
  /^#(?:REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|ССЫЛКА!|Н\/Д|ДЕЛ\/0!|ЗНАЧ!|ИМЯ\?|ЧИСЛО!|ПУСТО!|ОШИБКА!)$/i;

function formulaError(text: string): string | null {
  return FORMULA_ERROR.test(text) ? `в ячейке ошибка формулы ${text}` : null;
}

/** Empty cells (and columns missing from the sheet: undefined) read as no value. */
function isEmpty(raw: unknown): raw is '' | null | undefined {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Text: trimmed, null when empty. Numbers become their digits (an ОГРН typed as a number reads
 * '1027700132195'); a date the sheet turned into a Date object reads as ДД.ММ.ГГГГ.
 */
export function readTextCell(raw: unknown, timeZone: string = MOSCOW_TIME_ZONE): CellReading<string | null> {
  if (isEmpty(raw)) return ok(null);
  if (isFormulaCell(raw)) return fail(formulaInCell(raw, 'текст'));
  if (typeof raw === 'string') {
    const text = raw.trim();
    const error = formulaError(text);
    return error === null ? ok(text) : fail(error);
  }
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
  if (isEmpty(raw)) return ok(false);
  if (isFormulaCell(raw)) return fail(formulaInCell(raw, 'флажок'));
  if (typeof raw === 'boolean') return ok(raw);
  if (raw === 1 || raw === 0) return ok(raw === 1);
  if (typeof raw === 'string') {
    const word = raw.trim().toLowerCase().replace(/ё/g, 'е');
    if (TRUE_WORDS.has(word)) return ok(true);
    if (FALSE_WORDS.has(word)) return ok(false);
    const error = formulaError(raw.trim());
    if (error !== null) return fail(error);
  }
  return fail(`«${describe(raw)}» — ожидается флажок (да или нет)`);
}

/**
 * A date, as the calendar day it names:
 * - a Date object (a date cell): its day in `timeZone` (the spreadsheet's, Europe/Moscow);
 * - text 'ДД.ММ.ГГГГ' or 'Д.М.ГГГГ' (optionally followed by 'г.'), 'ГГГГ-ММ-ДД', or 'ДД.ММ.ГГ':
 *   a two-digit year is 20ГГ (pages in social networks are all from this century);
 * - a number: a spreadsheet serial day (days since 30.12.1899), when it falls within 2000–2099 — a
 *   number outside that is more likely a year or a count typed into the wrong cell.
 * An empty cell is no date (null).
 */
export function readDateCell(raw: unknown, timeZone: string = MOSCOW_TIME_ZONE): CellReading<IsoDate | null> {
  if (isEmpty(raw)) return ok(null);
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

const DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s*г\.?)?$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

function looksLikeDate(text: string): boolean {
  return DMY.test(text) || YMD.test(text);
}

/** The day a date text names ('05.03.2024', '5.3.2024', '05.03.24', '05.03.2024 г.', '2024-03-05'), or null. */
export function parseDateText(text: string): IsoDate | null {
  const trimmed = text.trim();
  const dmy = DMY.exec(trimmed);
  if (dmy) {
    const [, day, month, year] = dmy as unknown as [string, string, string, string];
    return isoDateOf(year.length === 2 ? 2000 + Number(year) : Number(year), Number(month), Number(day));
  }
  const ymd = YMD.exec(trimmed);
  if (ymd) {
    const [, year, month, day] = ymd as unknown as [string, string, string, string];
    return isoDateOf(Number(year), Number(month), Number(day));
  }
  return null;
}

const SERIAL_EPOCH: IsoDate = '1899-12-30';
const FIRST_SERIAL = 36526; // 01.01.2000
const LAST_SERIAL = 73050; // 31.12.2099

/** The day of a spreadsheet serial number (the fraction is the time of day), or null outside 2000–2099. */
export function serialToIsoDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const days = Math.floor(serial);
  return days < FIRST_SERIAL || days > LAST_SERIAL ? null : addDays(SERIAL_EPOCH, days);
}

function describe(raw: unknown): string {
  return typeof raw === 'number' ? String(raw).replace('.', ',') : String(raw);
}
