/**
 * Calendar days as ISO strings 'YYYY-MM-DD' (the IsoDate of types.ts).
 *
 * An IsoDate is a day, not an instant. General arithmetic, parsing and formatting are date-fns's, on
 * UTCDate (@date-fns/utc): a UTCDate counts in UTC whatever the host's zone, so daylight saving and
 * zones that skipped a day (Pacific/Apia on 30.12.2011) never move a day. The hot loop of working-day
 * deadlines (calendar.ts) counts on integer day numbers (dayNumber / fromDayNumber below) instead: it
 * steps through thousands of days per run, and a Date (or a regex) per step costs more there than all
 * the rest of the check. The only place an instant becomes a day is isoDateAt, which names the zone.
 */
import { UTCDate } from '@date-fns/utc';
import { addDays as addDaysFns } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { ru } from 'date-fns/locale/ru';
import type { IsoDate } from './types';

/** The district keeps Moscow time; dates in the sheet are days in this zone. */
export const MOSCOW_TIME_ZONE = 'Europe/Moscow';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Builds an IsoDate from its parts, or null when they do not name a real day (31.02, month 13…). */
export function isoDateOf(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  return isRealDay(year, month, day) ? `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` : null;
}

/** Whether whole numbers name a real day of the years 1–9999. */
function isRealDay(year: number, month: number, day: number): boolean {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a string 'YYYY-MM-DD' naming a real day. */
export function isIsoDate(value: unknown): value is IsoDate {
  // By character codes, not a regex: every date of every row passes here several times per run.
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  // The parts are checked as numbers: no string is built (isoDateOf would make one to throw away).
  return isRealDay(year, month, day);
}

/** The number written by `count` ASCII digits of `text` from `start`, or -1 when one is no digit. */
function digitsAt(text: string, start: number, count: number): number {
  let number = 0;
  for (let index = start; index < start + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

function assertIsoDate(date: IsoDate): void {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`);
}

/** The day as a UTCDate at its midnight: what date-fns computes on. Years below 100 stay as they are. */
export function utcDateOf(date: IsoDate): UTCDate {
  assertIsoDate(date);
  const utc = new UTCDate(2000, 0, 1);
  utc.setFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return utc;
}

/** The IsoDate of a UTCDate (its UTC day). */
export function isoDateOfUtc(utc: Date): IsoDate {
  const result = isoDateOf(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
  if (result === null) throw new RangeError(`Date out of range: ${String(utc)}`);
  return result;
}

// ---- Integer day numbers: the hot loop's arithmetic (no Date, no regex) ----

const CHAR_0 = 48;

function digits(date: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) value = value * 10 + (date.charCodeAt(index) - CHAR_0);
  return value;
}

/**
 * Days since 1970-01-01 of a valid IsoDate, by the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil). The caller has checked the date once (isIsoDate); nothing here allocates.
 */
export function dayNumber(date: IsoDate): number {
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The IsoDate of a day number (inverse of dayNumber: Hinnant's civil_from_days). */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const result = isoDateOf(year, month, day);
  if (result === null) throw new RangeError(`Day number out of range: ${days}`);
  return result;
}

/** Day of the week of a day number as Date#getDay counts it: 0 Sunday … 6 Saturday. */
export function weekdayOfDayNumber(days: number): number {
  return (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

// ---- General arithmetic and formatting: date-fns ----

/** Negative when a is earlier, 0 on the same day, positive when a is later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The day `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return isoDateOfUtc(addDaysFns(utcDateOf(date), days));
}

/** Day of the week as Date#getDay counts it: 0 Sunday, 1 Monday … 6 Saturday. */
export function weekday(date: IsoDate): number {
  return utcDateOf(date).getDay();
}

export function yearOf(date: IsoDate): number {
  assertIsoDate(date);
  return digitsAt(date, 0, 4);
}

/** Formatters by time zone: building one is costly, and a sheet read converts every date cell. */
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/**
 * Days already found, by zone and instant: a register's date cells are midnights of a few thousand
 * days, and Intl's formatToParts is the costliest step of reading a row. Emptied when it grows large.
 */
const DAYS_AT = new Map<string, Map<number, IsoDate>>();
const DAYS_AT_LIMIT = 200_000;

/** The calendar day an instant falls on in a time zone: today = isoDateAt(new Date(), MOSCOW_TIME_ZONE). */
export function isoDateAt(instant: Date, timeZone: string = MOSCOW_TIME_ZONE): IsoDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  let known = DAYS_AT.get(timeZone);
  const day = known?.get(time);
  if (day !== undefined) return day;
  const result = dayInZone(instant, timeZone);
  if (known === undefined || known.size >= DAYS_AT_LIMIT) {
    known = new Map();
    DAYS_AT.set(timeZone, known);
  }
  known.set(time, result);
  return result;
}

function dayInZone(instant: Date, timeZone: string): IsoDate {
  let dayFormat = DAY_FORMATS.get(timeZone);
  if (dayFormat === undefined) {
    dayFormat = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    DAY_FORMATS.set(timeZone, dayFormat);
  }
  const parts = dayFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const result = isoDateOf(part('year'), part('month'), part('day'));
  if (result === null) throw new RangeError(`Cannot express ${instant.toISOString()} as an ISO date`);
  return result;
}

/** 'ДД.ММ.ГГГГ', the way people in the sheet and the letters write dates. */
export function formatRuDate(date: IsoDate): string {
  return format(utcDateOf(date), 'dd.MM.yyyy');
}

/** «27 ноября 2026 г.»: a date in the words of a letter. */
export function formatRuLongDate(date: IsoDate): string {
  return format(utcDateOf(date), "d MMMM yyyy 'г.'", { locale: ru });
}

/** «пятница»: the weekday's name. */
export function ruWeekdayName(date: IsoDate): string {
  return format(utcDateOf(date), 'EEEE', { locale: ru });
}
