/**
 * The daily check, run by the time-driven trigger every day at the hour from «Настройки» (Moscow time).
 * On a working day (production calendar, including the calendar sheet) it recomputes «Срок» and
 * «Состояние» of every row in one batch, sends the ЦУР summary when «Настройки» asks for it to be automatic,
 * the coordinator's digest (due today and overdue) and, when «Настройки» says so, one digest to each
 * responsible person with a deadline open or an error in their rows (warnings alone: on the first working
 * day of the week only). On other days it does nothing at all. Started by hand, only a coordinator may run it.
 *
 * Mail budget (mailBudget.ts): the ЦУР summary, the coordinators' digest and one failure letter are reserved
 * first; reminders go only to «Домены для рассылки», at most «Напоминаний в день не более», those deferred
 * before going first; the ones that wait are listed in the coordinators' digest and journaled.
 * A failure is journaled every time and mailed to the coordinators every day the run fails (at most once a
 * day), until a run succeeds: a failure mailed once and then silent is a check that quietly stopped.
 *
 * runLocked's steps, in order: the automatic ЦУР summary, the recomputation (and the highlighting when
 * due), the day recorded (with the run's other records: one setProperties), the letters (dailyLetters.ts:
 * reminders planned, coordinators' digest, control letter, reminders sent), the trigger's hour followed,
 * «Журнал».
 */
import { buildFailureLetter, isFirstWorkingDayOf } from '../../domain/dailyCheck';
import { MOSCOW_TIME_ZONE } from '../../domain/isoDate';
import type { IsoDate, RowAssessment } from '../../domain/types';
import { requireCoordinator } from '../platform/access';
import { readSettings } from '../sheets/settingsSheet';
import { computedUpdates, loadDayContext, type DayContext } from '../sheets/computedColumns';
import { calendarExceptions, highlightYears, refreshHighlighting } from '../sheets/highlighting';
import { tryAppendJournal } from '../sheets/journalSheet';
import { withScriptLock } from '../platform/lock';
import { errorText, quotaRefusal, remainingMailQuota, sendMail } from '../platform/mail';
import { readRegister } from '../sheets/registerRead';
import { lookUpContext } from '../platform/contextCache';
import { type RawRow, type RegisterTable } from '../sheets/registerSheet';
import { writeColumns } from '../sheets/registerWrite';
import { todayIn } from '../sheets/sheetValues';
import { readSnapshot, sendSummaryLocked } from '../menu/summary';
import { installDailyCheck, readDailyCheckState, triggerVerdict } from './triggers';
import {
  DAILY_ACTION,
  planDayReminders,
  sendControlLetter,
  sendCoordinatorDigest,
  sendReminders,
  type Run,
} from './dailyLetters';
import {
  highlightedCalendar,
  lastDailyRun,
  recordDailyRun,
  rememberHighlightedCalendar,
  rememberReportedFailure,
  reportedFailure,
} from './runRecords';
import { flushDocumentProperties, withDocumentProperties } from '../platform/documentProperties';
import { draftControlLetter } from './controlLetter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const AUTO_USER = 'автоматически';
/** The trigger may wait this long for a menu action to finish. */
const LOCK_WAIT_MS = 60_000;

/** 'refused': started by hand by someone who is not a coordinator (the reason is in `failures`). */
export type DailyStatus = 'stale' | 'refused' | 'nonWorkingDay' | 'alreadyRan' | 'done' | 'failed';

export interface DailyOutcome {
  status: DailyStatus;
  today: IsoDate | null;
  /** Addresses mailed, in order. */
  mailed: string[];
  /** What went wrong (journaled, or mailed when the journal could not be written), empty when nothing. */
  failures: string[];
}

/** The e-mail of the user the trigger runs as ('' when unknown). */
function effectiveUser(): string {
  try {
    return (Session.getEffectiveUser().getEmail() ?? '').trim().toLowerCase();
  } catch {
    return '';
  }
}

function coordinatorsOf(coordinators: readonly string[]): string[] {
  if (coordinators.length > 0) return [...coordinators];
  const me = effectiveUser();
  return me ? [me] : [];
}

/**
 * The amber «срок близко» highlight holds the calendar's days off in its formula (highlighting.ts). It is
 * refreshed on the first working day of each month, and on any day the calendar's exceptions for the
 * highlighted years differ from those last applied (the calendar sheet edited, or a new year): about ten
 * calls then, two (a document property) on other days. Returns true when the rules were rewritten.
 */
function refreshHighlightingWhenDue(table: RegisterTable, day: DayContext): boolean {
  const { today } = day.register;
  const calendar = day.calendar.calendar;
  const applied = JSON.stringify(calendarExceptions(calendar, highlightYears(today)));
  const before = highlightedCalendar();
  if (!isFirstWorkingDayOf('month', today, calendar) && before === applied) return false;
  const wrote = refreshHighlighting(table, calendar, today);
  if (before !== applied) rememberHighlightedCalendar(applied);
  return wrote;
}

/** Step 1: the ЦУР summary, when «Настройки» asks for it to go automatically. */
function sendSummaryIfAutomatic(run: Run, raw: RawRow[]): void {
  const { settings } = run;
  if (!settings.sendSummaryAutomatically) return;
  const summary = sendSummaryLocked(run.spreadsheet, {
    onlyIds: null,
    checkAccess: false,
    // The coordinators' digest and one failure letter stay possible after the summary.
    reserveQuota: 2 * run.coordinators.length,
    journalUser: AUTO_USER,
    opened: { table: run.table, day: run.day, raw },
  });
  if (summary.status === 'sent') {
    run.tsurSent = true;
    run.notes.push(`Сводка в ЦУР отправлена автоматически. ${summary.message}`);
    run.outcome.mailed.push(...settings.tsurRecipients);
  } else if (summary.status !== 'nothing') {
    run.notes.push(`Сводка в ЦУР автоматически не отправлена: ${summary.message}`);
    if (summary.status === 'failed') run.outcome.failures.push(summary.message);
  }
}

/** Step 2: «Срок» and «Состояние» of every row, and the highlighting when due. Returns the rows assessed. */
function recomputeRegister(run: Run, raw: RawRow[]): { rows: RowAssessment[]; highlighted: boolean } {
  const { table, day } = run;
  // Read under the lock; again after an automatic summary that was sent, so that its stamps count.
  const snapshot = run.tsurSent ? readSnapshot(table, day) : readSnapshot(table, day, raw);
  const rows = snapshot.assessment.rows;
  const byRow = new Map(rows.map((row) => [row.row, row]));
  writeColumns(table, computedUpdates(table, snapshot.raw, byRow), { current: snapshot.raw });
  let highlighted = false;
  try {
    highlighted = refreshHighlightingWhenDue(table, day);
  } catch (error) {
    run.outcome.failures.push(`подсветку сроков обновить не удалось: ${errorText(error)}`);
  }
  return { rows, highlighted };
}

/** Step 7: the trigger moved when «Настройки» names another hour (only by the user who installed it). */
function followHourChange(run: Run): void {
  const { settings } = run;
  const state = readDailyCheckState();
  const me = effectiveUser();
  if (state !== null && state.hour !== settings.dailyCheckHour && (me === '' || state.owner === me)) {
    installDailyCheck(settings.dailyCheckHour, state.owner);
    run.entries.push({
      action: DAILY_ACTION,
      details: `Час проверки изменён в «Настройках»: со следующего раза — ${settings.dailyCheckHour}:00 по московскому времени.`,
    });
  }
}

/** Step 8: «Журнал», with every failure of the run. */
function journalRun(run: Run, highlighted: boolean): void {
  if (highlighted) {
    run.entries.push({
      action: DAILY_ACTION,
      details: 'Подсветка близких сроков обновлена по производственному календарю.',
    });
  }
  for (const failure of run.outcome.failures) run.entries.push({ action: DAILY_ACTION, details: `Ошибка: ${failure}` });
  const journalFailure = tryAppendJournal(
    run.spreadsheet,
    run.entries.map((entry) => ({ user: AUTO_USER, ...entry })),
  );
  // Not journaled: the coordinators are told by the failure letter (once, while it stays so).
  if (journalFailure !== null) run.outcome.failures.push(journalFailure);
}

/** The run under the script lock, with the register and the day's context read under it. */
function runLocked(spreadsheet: Spreadsheet, table: RegisterTable, day: DayContext, raw: RawRow[]): DailyOutcome {
  const today = day.register.today;
  const outcome: DailyOutcome = { status: 'done', today, mailed: [], failures: [] };
  if (lastDailyRun() === today) return { ...outcome, status: 'alreadyRan' };
  const { settings } = day.settings;
  const run: Run = {
    spreadsheet,
    table,
    day,
    today,
    settings,
    coordinators: coordinatorsOf(settings.coordinators),
    outcome,
    entries: [],
    notes: [],
    tsurSent: false,
    quota: 0,
    url: '',
  };
  sendSummaryIfAutomatic(run, raw);
  const { rows, highlighted } = recomputeRegister(run, raw);
  // The day is recorded (staged here, written below) before the first digest goes: should recording fail,
  // nothing has been sent, and a run that fails later is not repeated the same day with its letters sent
  // twice (the failure is journaled).
  recordDailyRun(today);
  run.quota = remainingMailQuota();
  run.url = spreadsheet.getUrl();
  const planned = planDayReminders(run, rows);
  const control = draftControlLetter(spreadsheet, day, rows);
  // The day, the highlighting's calendar, the reminders that wait and the control letter's month: one write.
  flushDocumentProperties();
  const coordinatorFirst = sendCoordinatorDigest(run, rows);
  sendControlLetter(run, control);
  sendReminders(run, planned, coordinatorFirst);
  followHourChange(run);
  journalRun(run, highlighted);
  return outcome.failures.length ? { ...outcome, status: 'failed' } : outcome;
}

/** Journals a failure and mails it to the coordinators: every day the run fails, once a day. */
function reportFailure(spreadsheet: Spreadsheet, today: IsoDate, failure: string, journaled: boolean): void {
  const journalFailure = journaled
    ? null
    : tryAppendJournal(spreadsheet, [{ action: DAILY_ACTION, details: `Ошибка: ${failure}`, user: AUTO_USER }]);
  const text = journalFailure === null ? failure : `${failure} ${journalFailure}`;
  if (reportedFailure()?.since === today) return;
  try {
    const recipients = coordinatorsOf(readSettings(spreadsheet).settings.coordinators);
    if (recipients.length === 0 || quotaRefusal(recipients.length, remainingMailQuota()) !== null) return;
    sendMail(buildFailureLetter({ today, recipients, text, spreadsheetUrl: spreadsheet.getUrl() }));
    rememberReportedFailure({ text, since: today });
  } catch {
    // Nothing more can be done today; the journal has it, and tomorrow's run tries again.
  }
}

/** Whether the daily run may go ahead: the trigger installed, or a coordinator starting it by hand. */
function mayRun(triggerUid: string, settings: DayContext['settings']['settings'], spreadsheet: Spreadsheet) {
  if (triggerUid !== '') return { ok: true as const };
  // By hand (the script editor, google.script.run): it mails people and may send the ЦУР summary, so
  // only a coordinator may start it.
  const access = requireCoordinator(settings, spreadsheet);
  return access.ok ? { ok: true as const } : { ok: false as const, reason: `${MANUAL_REFUSAL} ${access.reason}` };
}

export const FORGED_REFUSAL =
  'Ежедневная проверка не запущена: вызов выдан за срабатывание триггера, но такого триггера у этого пользователя нет.';

export const MANUAL_REFUSAL = 'Ежедневная проверка не запущена: вручную её запускает только координатор реестра.';

/**
 * The trigger's handler, and a run by hand. The register, «Настройки» and the calendar are read under the
 * script lock, so the run sees what an action that held the lock before it wrote.
 */
export function runDailyCheck(event?: { triggerUid?: string }): DailyOutcome {
  // A stray trigger (another user's old one, or the check was turned off) removes itself and does nothing.
  const triggerUid = event !== null && typeof event === 'object' && event.triggerUid ? String(event.triggerUid) : '';
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const forged = (): DailyOutcome => {
    // Not this user's trigger: a call made to look like one. Refused, and journaled when the caller may write.
    tryAppendJournal(spreadsheet, [{ action: DAILY_ACTION, details: `Отказано: ${FORGED_REFUSAL}` }]);
    return { status: 'refused', today: null, mailed: [], failures: [FORGED_REFUSAL] };
  };
  const stale: DailyOutcome = { status: 'stale', today: null, mailed: [], failures: [] };
  let today: IsoDate | null = null;
  /** Whether a failure had been mailed before this run (read with the run's properties). */
  let failureReported = false;
  try {
    // Under the lock, the run's document properties in one read (the trigger's state and the day it last
    // ran among them).
    const locked = withScriptLock(
      (): DailyOutcome =>
        withDocumentProperties(() => {
          const verdict = triggerUid === '' ? 'byHand' : triggerVerdict(triggerUid, effectiveUser());
          if (verdict === 'forged') return forged();
          if (verdict === 'stale') return stale;
          // Without a cache entry (as most mornings: it lives an hour) the register is reached by its layout
          // stored in the properties just read, and «Настройки» and the calendar are read from their sheets;
          // the entry is not stored: the day's first edit or menu action stores its own (registerRead.ts).
          const read = readRegister(spreadsheet, lookUpContext(), { cacheContext: false });
          const table = read?.table ?? null;
          const day = read?.day ?? loadDayContext(spreadsheet, spreadsheet.getSpreadsheetTimeZone());
          today = day.register.today;
          const access = mayRun(triggerUid, day.settings.settings, spreadsheet);
          if (!access.ok) return { status: 'refused', today, mailed: [], failures: [access.reason] };
          if (!day.calendar.calendar.isWorkingDay(today))
            return { status: 'nonWorkingDay', today, mailed: [], failures: [] };
          if (table === null) throw new Error('лист реестра не найден (команда «Настроить реестр» создаст его).');
          failureReported = reportedFailure() !== null;
          return runLocked(spreadsheet, table, day, read?.rows ?? []);
        }),
      // What follows (a journal line, a failure letter) is short and may as well hold it: released at the end.
      { timeoutMs: LOCK_WAIT_MS, keepUntilExit: true },
    );
    if (!locked.ok) {
      // A leftover trigger stays silent even when the register is busy (its state read on its own).
      const verdict = triggerUid === '' ? 'byHand' : triggerVerdict(triggerUid, effectiveUser());
      if (verdict === 'forged') return forged();
      if (verdict === 'stale') return stale;
      throw new Error(`реестр был занят другим действием дольше минуты: ${locked.message}`);
    }
    const outcome = locked.value;
    const day: IsoDate = outcome.today ?? todayIn(MOSCOW_TIME_ZONE);
    if (outcome.status === 'failed') reportFailure(spreadsheet, day, outcome.failures.join(' '), true);
    else if (outcome.status === 'done' && failureReported) {
      rememberReportedFailure(null);
      tryAppendJournal(spreadsheet, [
        { action: DAILY_ACTION, details: 'Проверка снова выполнена без ошибок.', user: AUTO_USER },
      ]);
    }
    return outcome;
  } catch (error) {
    const text = errorText(error);
    reportFailure(spreadsheet, today ?? todayIn(MOSCOW_TIME_ZONE), text, false);
    return { status: 'failed', today, mailed: [], failures: [text] };
  }
}
