/**
 * Values on their way into a sheet. Text from people is written so that it stays text (a leading
 * apostrophe before = + - @), and days (ISO strings) become Date objects at midnight of that day in the
 * spreadsheet's time zone, which is how Sheets stores a date cell.
 */
import { isIsoDate, isoDateAt, MOSCOW_TIME_ZONE } from '../../domain/isoDate';
import type { IsoDate } from '../../domain/types';

/** Text that Sheets would otherwise take for a formula or a number sign gets a leading apostrophe. */
export function textCell(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of midnight starting `date` in `timeZone`: the Date a date cell holds. */
export function dateCell(date: IsoDate, timeZone: string = MOSCOW_TIME_ZONE): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${String(date)}`);
  const utc = new Date(0);
  utc.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const base = utc.getTime();
  let instant = base - zoneOffset(base, timeZone);
  // A second pass settles days on which the zone's offset changes.
  instant = base - zoneOffset(instant, timeZone);
  return new Date(instant);
}

/** Today in `timeZone` (the one place the adapters read the clock for a day). */
export function todayIn(timeZone: string = MOSCOW_TIME_ZONE): IsoDate {
  return isoDateAt(new Date(), timeZone);
}
