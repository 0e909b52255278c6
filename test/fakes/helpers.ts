/** A runtime with a fresh spreadsheet for the fake tests; dates are read in Moscow time. */
import { createRuntime, type Runtime, type RuntimeOptions } from '../../dev/runtime';

export const OWNER = 'coord@shpak-adm.ru';
export const CLERK = 'clerk@shpak-adm.ru';

export function runtime(options: RuntimeOptions = {}): Runtime {
  return createRuntime({ owner: OWNER, now: new Date('2024-03-05T09:00:00+03:00'), ...options });
}

/** Midnight of a day in Moscow (UTC+3 all year). */
export function moscowDay(iso: string): Date {
  return new Date(`${iso}T00:00:00+03:00`);
}
