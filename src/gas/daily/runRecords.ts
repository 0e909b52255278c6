/**
 * What the daily check remembers between runs, in document properties: the day it last ran, the failure
 * already mailed, the reminders that wait for a later working day, the calendar the highlighting was last
 * refreshed with. Read through platform/documentProperties.ts, so the daily run reads them all at once;
 * the day, the highlighting's calendar and the waiting reminders are staged, so that it writes them at once.
 */
import type { IsoDate } from '../../domain/types';
import {
  deleteDocumentProperty,
  readDocumentProperty,
  readJsonProperty,
  stageDocumentProperty,
  writeDocumentProperty,
} from '../platform/documentProperties';

const LAST_RUN_PROPERTY = 'dailyCheckLastRun';
const FAILURE_PROPERTY = 'dailyCheckFailure';
const HIGHLIGHT_PROPERTY = 'dailyCheckHighlightedCalendar';
const DEFERRED_PROPERTY = 'dailyCheckDeferredReminders';

/** The day the check last ran to completion. */
export function lastDailyRun(): IsoDate | null {
  return readDocumentProperty(LAST_RUN_PROPERTY);
}

/** Staged: the run flushes it, with the other staged records, before its first letter. */
export function recordDailyRun(today: IsoDate): void {
  stageDocumentProperty(LAST_RUN_PROPERTY, today);
}

/** The failure already mailed to the coordinator (its text), so the same one is not mailed every day. */
export interface ReportedFailure {
  text: string;
  since: IsoDate;
}

export function reportedFailure(): ReportedFailure | null {
  return readJsonProperty<ReportedFailure>(FAILURE_PROPERTY);
}

export function rememberReportedFailure(failure: ReportedFailure | null): void {
  if (failure === null) {
    if (readDocumentProperty(FAILURE_PROPERTY) !== null) deleteDocumentProperty(FAILURE_PROPERTY);
  } else writeDocumentProperty(FAILURE_PROPERTY, JSON.stringify(failure));
}

/** Addresses whose reminders waited for a later working day (they go first next time). */
export function deferredReminders(): string[] {
  const list = readJsonProperty<unknown>(DEFERRED_PROPERTY);
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

export function rememberDeferredReminders(emails: readonly string[]): void {
  if (emails.length === 0) {
    if (readDocumentProperty(DEFERRED_PROPERTY) !== null) deleteDocumentProperty(DEFERRED_PROPERTY);
  } else stageDocumentProperty(DEFERRED_PROPERTY, JSON.stringify(emails));
}

/** The calendar exceptions the highlighting's formula was last refreshed with by the daily check (JSON). */
export function highlightedCalendar(): string | null {
  return readDocumentProperty(HIGHLIGHT_PROPERTY);
}

export function rememberHighlightedCalendar(applied: string): void {
  stageDocumentProperty(HIGHLIGHT_PROPERTY, applied);
}
