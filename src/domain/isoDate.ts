/**
 * Calendar days as ISO strings 'YYYY-MM-DD' (the IsoDate of types.ts).
 *
 * An IsoDate is a day, not an instant. Arithmetic is done on UTC day numbers, so the host's time zone
 * and its daylight-saving changes never come into it (date-fns works on local-time Dates, which in a
 * zone that once skipped a whole day, e.g. Pacific/Apia on 30.12.2011, lands on the wrong day). The
 * only place an instant becomes a day is isoDateAt, which names the time zone explicitly. Reading
 * cells people typed (ДД.ММ.ГГГГ, serial numbers, Date objects) is cellValues.ts's job.
 */
import type { IsoDate } from './types';

/** The district keeps Moscow time; dates in the sheet are days in this zone. */
export const MOSCOW_TIME_ZONE = 'Europe/Moscow';

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

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
  if (![year, month, day].every(Number.isInteger) || year > 9999) return null;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True for a string 'YYYY-MM-DD' naming a real day. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_PATTERN.exec(value);
  return match !== null && isoDateOf(Number(match[1]), Number(match[2]), Number(match[3])) !== null;
}

function assertIsoDate(date: IsoDate): void {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`);
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC), whatever the host's time zone. */
function dayNumber(date: IsoDate): number {
  assertIsoDate(date);
  const utc = new Date(0);
  utc.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(utc.getTime() / DAY_MS);
}

function fromDayNumber(days: number): IsoDate {
  const utc = new Date(days * DAY_MS);
  const result = isoDateOf(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
  if (result === null) throw new RangeError(`Date out of range: ${utc.toISOString()}`);
  return result;
}

/** Negative when a is earlier, 0 on the same day, positive when a is later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The day `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/** Day of the week as Date#getDay counts it: 0 Sunday, 1 Monday … 6 Saturday. */
export function weekday(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function yearOf(date: IsoDate): number {
  assertIsoDate(date);
  return Number(date.slice(0, 4));
}

/** Formatters by time zone: building one is costly, and a sheet read converts every date cell. */
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The calendar day an instant falls on in a time zone: today = isoDateAt(new Date(), MOSCOW_TIME_ZONE). */
export function isoDateAt(instant: Date, timeZone: string = MOSCOW_TIME_ZONE): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  let format = DAY_FORMATS.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    DAY_FORMATS.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const result = isoDateOf(part('year'), part('month'), part('day'));
  if (result === null) throw new RangeError(`Cannot express ${instant.toISOString()} as an ISO date`);
  return result;
}

/** 'ДД.ММ.ГГГГ', the way people in the sheet and the letters write dates. */
export function formatRuDate(date: IsoDate): string {
  assertIsoDate(date);
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}
