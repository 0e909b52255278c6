/**
 * The daily check's letters (dailyCheck.ts runs them in order, under the script lock): the reminders
 * planned within the mail budget, the coordinators' digest, the monthly control letter and the
 * reminders to responsible people. Each step records what it did in the run.
 */
import { buildCoordinatorDigest, buildResponsibleDigests, isFirstWorkingDayOf } from '../../domain/dailyCheck';
import { planReminders, reminderAllowance, type MailReservation } from '../../domain/mailBudget';
import { mailDomainsOf } from '../../domain/settings';
import { selectPendingEvents } from '../../domain/summary';
import type { IsoDate, RowAssessment } from '../../domain/types';
import { errorText, quotaRefusal, sendMail } from '../platform/mail';
import type { DayContext } from '../sheets/computedColumns';
import type { JournalEntry } from '../sheets/journalSheet';
import type { RegisterTable } from '../sheets/registerSheet';
import { sendControlLetterIfDue, type ControlDraft } from './controlLetter';
import type { DailyOutcome } from './dailyCheck';
import { deferredReminders, rememberDeferredReminders } from './runRecords';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DAILY_ACTION = 'Ежедневная проверка';

/** What one run has done so far: its outcome, the journal entries and the notes for the coordinators' digest. */
export interface Run {
  spreadsheet: Spreadsheet;
  table: RegisterTable;
  day: DayContext;
  today: IsoDate;
  settings: DayContext['settings']['settings'];
  coordinators: string[];
  outcome: DailyOutcome;
  entries: JournalEntry[];
  notes: string[];
  /** The ЦУР summary went automatically in this run. */
  tsurSent: boolean;
  /** Mail quota left (known after the recomputation). */
  quota: number;
  url: string;
}

/**
 * Step 3: the reminders planned before the coordinators' digest, which lists those that wait for
 * tomorrow. What must go is reserved first: the ЦУР summary, the coordinators' letters, one failure
 * letter and the monthly control letter.
 */
export function planDayReminders(run: Run, rows: readonly RowAssessment[]) {
  const { settings, today, day, coordinators } = run;
  const reservations: MailReservation[] = [
    // The ЦУР summary the coordinator sends from the menu later today (unless it just went automatically).
    { kind: 'tsur', recipients: run.tsurSent ? 0 : settings.tsurRecipients.length },
    { kind: 'digest', recipients: coordinators.length },
    { kind: 'failure', recipients: coordinators.length },
    // The monthly control letter (п. 6) on the first working day of a month (sent below, before the reminders).
    {
      kind: 'control',
      recipients: isFirstWorkingDayOf('month', today, day.calendar.calendar) ? settings.controlRecipients.length : 0,
    },
  ];
  const reminders = settings.remindResponsible
    ? buildResponsibleDigests({
        rows,
        today,
        spreadsheetUrl: run.url,
        includeWarnings: isFirstWorkingDayOf('week', today, day.calendar.calendar),
        // The coordinators as this run knows them (the user it runs as when «Настройки» names none).
        mailDomains: mailDomainsOf({ ...settings, coordinators }),
      })
    : [];
  const plan = planReminders(
    reminders,
    reminderAllowance(run.quota, reservations, settings.reminderLimit),
    deferredReminders(),
  );
  // Those that wait, staged with the day's record (written before the first letter); sendReminders
  // writes again only when the list empties or the coordinators' digest could not go (then all wait).
  if (settings.remindResponsible && plan.deferred.length > 0)
    rememberDeferredReminders(plan.deferred.map((reminder) => reminder.email));
  if (plan.deferred.length > 0) {
    run.notes.push(
      `Напоминаний не отправлено сегодня (лимит «Напоминаний в день не более» или дневной лимит писем Google): ` +
        `${plan.deferred.length} — ${plan.deferred.map((reminder) => reminder.email).join(', ')}. ` +
        'Они будут отправлены в следующий рабочий день.',
    );
  }
  return { reminders, plan };
}

/**
 * Step 4: the coordinators' digest. False when it could not go for lack of quota: then nobody else is
 * mailed either.
 */
export function sendCoordinatorDigest(run: Run, rows: readonly RowAssessment[]): boolean {
  const { coordinators, today, day, outcome, entries } = run;
  const digest = buildCoordinatorDigest({
    rows,
    today,
    recipients: coordinators,
    spreadsheetUrl: run.url,
    pendingTsurEvents: selectPendingEvents(rows, today, { extraNetworks: day.register.extraNetworks ?? [] }).events
      .length,
    notes: run.notes,
  });
  if (digest === null) {
    entries.push({
      action: DAILY_ACTION,
      details: 'Сроков сегодня и просроченных событий нет; письмо координатору не нужно.',
    });
    return true;
  }
  if (coordinators.length === 0) {
    outcome.failures.push(
      'не указаны координаторы в «Настройках» и не удалось определить владельца проверки: сводку сроков отправить некому.',
    );
    return true;
  }
  const refusal = quotaRefusal(coordinators.length, run.quota);
  if (refusal !== null) {
    outcome.failures.push(`письмо координатору не отправлено: ${refusal}`);
    return false;
  }
  try {
    sendMail(digest);
    run.quota -= coordinators.length;
    outcome.mailed.push(...coordinators);
    entries.push({ action: DAILY_ACTION, details: `Письмо координатору (${digest.to}): ${digest.subject}.` });
  } catch (error) {
    outcome.failures.push(`письмо координатору не отправлено: ${errorText(error)}`);
  }
  return true;
}

/** Step 5: the monthly control letter (п. 6), before the reminders: its recipients come out of the quota first. */
export function sendControlLetter(run: Run, draft: ControlDraft | null): void {
  const control = sendControlLetterIfDue(draft, run.quota);
  run.quota -= control.mailed.length;
  run.outcome.mailed.push(...control.mailed);
  run.entries.push(...control.entries);
  if (control.failure !== null) run.outcome.failures.push(control.failure);
}

/** Step 6: the reminders to responsible people, as planned; those waiting are remembered for next time. */
export function sendReminders(run: Run, planned: ReturnType<typeof planDayReminders>, coordinatorFirst: boolean): void {
  if (!run.settings.remindResponsible) return;
  const { reminders, plan } = planned;
  if (!coordinatorFirst) {
    run.entries.push({
      action: 'Напоминания ответственным',
      details: 'Не отправлялись: дневного лимита писем не хватило даже на письмо координатору.',
    });
    rememberDeferredReminders(reminders.map((reminder) => reminder.email));
    return;
  }
  const sent: string[] = [];
  const failed: string[] = [];
  for (const reminder of plan.send) {
    try {
      sendMail(reminder.message);
      sent.push(reminder.email);
    } catch (error) {
      failed.push(`${reminder.email} (${errorText(error)})`);
    }
  }
  const waiting = plan.deferred.map((reminder) => reminder.email);
  rememberDeferredReminders(waiting);
  run.outcome.mailed.push(...sent);
  if (sent.length + waiting.length + failed.length > 0) {
    run.entries.push({
      action: 'Напоминания ответственным',
      details:
        `Отправлено: ${sent.length}${sent.length ? ` (${sent.join(', ')})` : ''}.` +
        (waiting.length
          ? ` Перенесено на следующий рабочий день (лимит напоминаний или писем): ${waiting.length} (${waiting.join(', ')}).`
          : '') +
        (failed.length ? ` Ошибка отправки: ${failed.join('; ')}.` : ''),
    });
  }
}
