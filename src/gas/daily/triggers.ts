/**
 * The daily check's time-driven trigger. Its state (on or off, hour, the trigger's ID, who installed it)
 * is kept in document properties, because onOpen runs as a simple trigger and may not list triggers but
 * may read properties: that is how the menu shows whether the check is on and when.
 *
 * Never two checks: turning it on deletes this user's triggers of the handler before creating one; a
 * trigger another user installed cannot be seen or deleted from here, so the state names the one current
 * trigger, and any other that fires deletes itself (see classifyTriggerCall). The day's run is also
 * recorded, so even a stray trigger in the same hour sends nothing twice.
 */
import { MOSCOW_TIME_ZONE } from '../../domain/isoDate';
import type { IsoDate } from '../../domain/types';
import type { MenuCaptions, MenuHandler } from '../menu/menu';

export const DAILY_CHECK_HANDLER = 'dailyCheck';

const STATE_PROPERTY = 'dailyCheckState';
const LAST_RUN_PROPERTY = 'dailyCheckLastRun';
const FAILURE_PROPERTY = 'dailyCheckFailure';
const HIGHLIGHT_PROPERTY = 'dailyCheckHighlightedCalendar';
const DEFERRED_PROPERTY = 'dailyCheckDeferredReminders';

export interface DailyCheckState {
  on: boolean;
  /** Hour 0–23, Moscow time. */
  hour: number;
  /** The current trigger's unique ID. */
  triggerId: string;
  /** Who installed it (the trigger runs as this user). */
  owner: string;
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** A document property; null when unset or unreadable (e.g. onOpen before authorisation). */
function readProperty(key: string): string | null {
  try {
    return properties().getProperty(key);
  } catch {
    return null;
  }
}

function readJson<T>(key: string): T | null {
  const text = readProperty(key);
  try {
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}

/** The stored state; null when never turned on or unreadable (e.g. onOpen before authorisation). */
export function readDailyCheckState(): DailyCheckState | null {
  const state = readJson<DailyCheckState>(STATE_PROPERTY);
  return state && state.on === true && Number.isInteger(state.hour) ? state : null;
}

function handlerTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((trigger) => trigger.getHandlerFunction() === DAILY_CHECK_HANDLER);
}

/** Deletes this user's daily-check triggers; returns how many. */
function deleteOwnTriggers(): number {
  const triggers = handlerTriggers();
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  return triggers.length;
}

/** Replaces this user's daily-check trigger by one at `hour` (Moscow time) and records it. Call under the script lock. */
export function installDailyCheck(hour: number, owner: string): DailyCheckState {
  deleteOwnTriggers();
  const trigger = ScriptApp.newTrigger(DAILY_CHECK_HANDLER)
    .timeBased()
    .atHour(hour)
    .everyDays(1)
    .inTimezone(MOSCOW_TIME_ZONE)
    .create();
  const state: DailyCheckState = { on: true, hour, triggerId: trigger.getUniqueId(), owner };
  properties().setProperty(STATE_PROPERTY, JSON.stringify(state));
  return state;
}

/**
 * Turns the check off: this user's triggers are deleted and the state cleared, so a trigger of another
 * user deletes itself the next time it fires. Returns the state that was on, or null.
 */
export function uninstallDailyCheck(): DailyCheckState | null {
  const previous = readDailyCheckState();
  deleteOwnTriggers();
  properties().deleteProperty(STATE_PROPERTY);
  return previous;
}

/** What a call of the handler with a trigger ID is. */
export type TriggerCall = 'current' | 'stale' | 'forged';

/**
 * Whether a call with `triggerUid` comes from the current trigger. ScriptApp.getProjectTriggers() lists only
 * the running user's triggers, so an ID that is not among them was not fired for this user: someone passed
 * it (google.script.run.dailyCheck({triggerUid}) from any page of the add-on) — 'forged'. One of this user's
 * triggers that is not the recorded one, or whose recorded owner is someone else, is a leftover: it is
 * deleted — 'stale'. `user` is the effective user's e-mail.
 */
export function classifyTriggerCall(triggerUid: string, user: string): TriggerCall {
  const mine = handlerTriggers().find((trigger) => trigger.getUniqueId() === triggerUid);
  if (mine === undefined) return 'forged';
  const state = readDailyCheckState();
  if (state !== null && state.triggerId === triggerUid && user !== '' && state.owner === user) return 'current';
  ScriptApp.deleteTrigger(mine);
  return 'stale';
}

/** The day the check last ran to completion. */
export function lastDailyRun(): IsoDate | null {
  return readProperty(LAST_RUN_PROPERTY);
}

export function recordDailyRun(today: IsoDate): void {
  properties().setProperty(LAST_RUN_PROPERTY, today);
}

/** The failure already mailed to the coordinator (its text), so the same one is not mailed every day. */
export interface ReportedFailure {
  text: string;
  since: IsoDate;
}

export function reportedFailure(): ReportedFailure | null {
  return readJson<ReportedFailure>(FAILURE_PROPERTY);
}

export function rememberReportedFailure(failure: ReportedFailure | null): void {
  if (failure === null) {
    if (properties().getProperty(FAILURE_PROPERTY) !== null) properties().deleteProperty(FAILURE_PROPERTY);
  } else properties().setProperty(FAILURE_PROPERTY, JSON.stringify(failure));
}

/** Addresses whose reminders waited for a later working day (they go first next time). */
export function deferredReminders(): string[] {
  const list = readJson<unknown>(DEFERRED_PROPERTY);
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

export function rememberDeferredReminders(emails: readonly string[]): void {
  if (emails.length === 0) {
    if (readProperty(DEFERRED_PROPERTY) !== null) properties().deleteProperty(DEFERRED_PROPERTY);
  } else properties().setProperty(DEFERRED_PROPERTY, JSON.stringify(emails));
}

/** The calendar exceptions the highlighting's formula was last refreshed with by the daily check (JSON). */
export function highlightedCalendar(): string | null {
  return readProperty(HIGHLIGHT_PROPERTY);
}

export function rememberHighlightedCalendar(applied: string): void {
  properties().setProperty(HIGHLIGHT_PROPERTY, applied);
}

export const DAILY_CHECK_ON_HANDLER = 'menuDailyCheckOn' satisfies MenuHandler;
export const DAILY_CHECK_OFF_HANDLER = 'menuDailyCheckOff' satisfies MenuHandler;

function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** Menu captions of the two daily-check items for the stored state. */
export function dailyCheckCaptions(state: DailyCheckState | null): MenuCaptions {
  if (state === null) {
    return {
      [DAILY_CHECK_ON_HANDLER]: 'Ежедневная проверка: выключена — включить',
      [DAILY_CHECK_OFF_HANDLER]: 'Выключить ежедневную проверку',
    };
  }
  return {
    [DAILY_CHECK_ON_HANDLER]: `Ежедневная проверка: включена, ${hourText(state.hour)} МСК — обновить`,
    [DAILY_CHECK_OFF_HANDLER]: 'Выключить ежедневную проверку',
  };
}

/** Captions for onOpen (reads document properties only: allowed in a simple trigger). */
export function dailyCheckMenuCaptions(): MenuCaptions {
  return dailyCheckCaptions(readDailyCheckState());
}

export function describeDailyCheck(state: DailyCheckState): string {
  return `Ежедневная проверка включена: каждый рабочий день в ${hourText(state.hour)} по московскому времени (в течение часа).`;
}
