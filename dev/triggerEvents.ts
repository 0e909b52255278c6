/**
 * The event objects Apps Script passes to the bundle's triggers, and what survives google.script.run:
 * built here so that dev/runtime.ts only decides who runs what.
 */
import { isDate } from './fakes/context';
import { AuthMode } from './fakes/enums';
import { toSerial, wallTime } from './fakes/timeZones';

export interface EditOptions {
  value?: unknown;
  oldValue?: unknown;
  user?: string;
}

/** simulateEdit's second argument: edit options, or (shorthand) the old value. */
export function editOptionsOf(edit: EditOptions | unknown): EditOptions {
  if (edit === undefined) return {};
  return isEditOptions(edit) ? edit : { oldValue: edit };
}

function isEditOptions(value: unknown): value is EditOptions {
  if (typeof value !== 'object' || value === null || isDate(value) || Array.isArray(value)) return false;
  return Object.keys(value).every((key) => key === 'value' || key === 'oldValue' || key === 'user');
}

/** How an onEdit event carries a value: a string, as Apps Script passes it. */
export function eventValue(value: unknown, timeZone: string): string {
  if (isDate(value)) return String(toSerial(value, timeZone));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value ?? '');
}

/** A time-driven trigger's event (its fields in UTC, as Apps Script gives them). */
export function clockEvent(now: Date, triggerUid: string): Record<string, unknown> {
  const w = wallTime(now, 'UTC');
  return {
    authMode: AuthMode.FULL,
    triggerUid,
    year: w.year,
    month: w.month,
    'day-of-month': w.day,
    'day-of-week': w.weekday === 0 ? 7 : w.weekday,
    hour: w.hour,
    minute: w.minute,
    second: w.second,
    timezone: 'UTC',
  };
}

/** A Date or a function cannot cross google.script.run (a Date in a result makes the client get null). */
export function crossesScriptRun(value: unknown): boolean {
  if (isDate(value) || typeof value === 'function') return false;
  if (Array.isArray(value)) return value.every(crossesScriptRun);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(crossesScriptRun);
  return true;
}
