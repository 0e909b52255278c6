/**
 * The daily check's time-driven trigger. Its state (on or off, hour, the trigger's ID, who installed it)
 * is kept in document properties, because onOpen runs as a simple trigger and may not list triggers but
 * may read properties: that is how the menu shows whether the check is on and when.
 *
 * Never two checks: turning it on deletes this user's triggers of the handler before creating one; a
 * trigger another user installed cannot be seen or deleted from here, so the state names the one current
 * trigger, and any other that fires deletes itself (triggerVerdict). The day's run is
 * also recorded (runRecords.ts), so even a stray trigger in the same hour sends nothing twice. The menu's
 * captions for the state: menuCaptions.ts.
 */
import { MOSCOW_TIME_ZONE } from '../../domain/isoDate';
import { deleteDocumentProperty, readJsonProperty, writeDocumentProperty } from '../platform/documentProperties';

export const DAILY_CHECK_HANDLER = 'dailyCheck';

const STATE_PROPERTY = 'dailyCheckState';

export interface DailyCheckState {
  on: boolean;
  /** Hour 0–23, Moscow time. */
  hour: number;
  /** The current trigger's unique ID. */
  triggerId: string;
  /** Who installed it (the trigger runs as this user). */
  owner: string;
}

/** The stored state; null when never turned on or unreadable (e.g. onOpen before authorisation). */
export function readDailyCheckState(): DailyCheckState | null {
  const state = readJsonProperty<DailyCheckState>(STATE_PROPERTY);
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
  writeDocumentProperty(STATE_PROPERTY, JSON.stringify(state));
  return state;
}

/**
 * Turns the check off: this user's triggers are deleted and the state cleared, so a trigger of another
 * user deletes itself the next time it fires. Returns the state that was on, or null.
 */
export function uninstallDailyCheck(): DailyCheckState | null {
  const previous = readDailyCheckState();
  deleteOwnTriggers();
  deleteDocumentProperty(STATE_PROPERTY);
  return previous;
}

/**
 * This user's daily-check trigger with the ID `triggerUid`, or null. ScriptApp.getProjectTriggers() lists
 * only the running user's triggers, so an ID that is not among them was not fired for this user: someone
 * passed it (google.script.run.dailyCheck({triggerUid}) from any page of the add-on), a forged call.
 */
function ownTrigger(triggerUid: string): GoogleAppsScript.Script.Trigger | null {
  return handlerTriggers().find((trigger) => trigger.getUniqueId() === triggerUid) ?? null;
}

/**
 * What a run started as the trigger `triggerUid` is, for `user` (the effective user's e-mail):
 *  - 'current': the recorded trigger (the state property), run as the user who installed it. Told from the
 *    state alone, without listing triggers: a call passing that ID as anyone else is not taken for it;
 *  - otherwise this user's triggers are listed: 'stale' when it is one of theirs (a leftover, deleted now),
 *    'forged' when it is none of theirs (the ID was passed by hand).
 * Reads the state from the run's copy of the properties under withDocumentProperties.
 */
export function triggerVerdict(triggerUid: string, user: string): 'current' | 'stale' | 'forged' {
  const state = readDailyCheckState();
  if (state !== null && user !== '' && state.triggerId === triggerUid && state.owner === user) return 'current';
  const trigger = ownTrigger(triggerUid);
  if (trigger === null) return 'forged';
  ScriptApp.deleteTrigger(trigger);
  return 'stale';
}
