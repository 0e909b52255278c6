/**
 * Sending the monthly control letter (decree п. 6; content: src/domain/controlLetter.ts). The daily check
 * calls draftControlLetter, then sendControlLetterIfDue, on every working day run: it sends on the first
 * working day of the month by the production calendar, once a month however often the trigger fires (a
 * document property remembers the month and its figures, which the next letter compares with), with the
 * states chart inline (inlineImages), drawn by the Charts service from the letter's own figures
 * (controlChart.ts): no read of «Обзор», one server call. A coordinator previews the letter from the menu.
 */
import {
  CONTROL_CHART_CID,
  buildControlLetter,
  controlChartRows,
  lateReporters,
  monthOf,
  unmarkedPages,
  type ControlSnapshot,
} from '../../domain/controlLetter';
import { isFirstWorkingDayOf } from '../../domain/dailyCheck';
import type { MailMessage } from '../../domain/letter';
import { overviewFigures } from '../../domain/overview';
import type { RowAssessment } from '../../domain/types';
import { requireCoordinator } from '../platform/access';
import {
  deleteDocumentProperty,
  readDocumentProperty,
  stageDocumentProperty,
  writeDocumentProperty,
} from '../platform/documentProperties';
import type { DayContext } from '../sheets/computedColumns';
import { showDialog } from '../menu/dialog';
import { CONTROL_ACTION, controlView } from '../../views/control';
import type { JournalEntry } from '../sheets/journalSheet';
import { errorText, quotaRefusal, recipientsOf } from '../platform/mail';
import { openRegister, REGISTER_NOT_FOUND } from '../sheets/registerSheet';
import { readSnapshot } from '../menu/summary';
import { loadDayContext } from '../sheets/computedColumns';
import { controlChartImage, type ControlChart } from './controlChart';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export { CONTROL_ACTION };
const CONTROL_PROPERTY = 'controlLetter';

function lastSnapshot(): ControlSnapshot | null {
  try {
    const text = readDocumentProperty(CONTROL_PROPERTY);
    if (text === null) return null;
    const value = JSON.parse(text) as Partial<ControlSnapshot>;
    return typeof value.month === 'string' && typeof value.figures === 'object' && value.figures !== null
      ? { month: value.month, figures: value.figures }
      : null;
  } catch {
    return null;
  }
}

/** The letter for the day (and the chart), as the daily check would send it. */
function controlLetterFor(
  spreadsheet: Spreadsheet,
  day: DayContext,
  rows: readonly RowAssessment[],
): { letter: MailMessage; chart: ControlChart; figures: Record<string, number> } {
  const { settings } = day.settings;
  const today = day.register.today;
  const figures = overviewFigures(rows, today, settings.networks);
  const chart = controlChartImage(controlChartRows(figures));
  const previous = lastSnapshot();
  const letter = buildControlLetter({
    districtName: settings.districtName,
    today,
    recipients: settings.controlRecipients,
    figures,
    previous: previous !== null && previous.month !== monthOf(today) ? previous : null,
    late: lateReporters(rows, today, day.calendar.calendar),
    unmarked: unmarkedPages(rows),
    withChart: chart.image !== null,
    spreadsheetUrl: spreadsheet.getUrl(),
  });
  return { letter, chart, figures: figures.figures };
}

export interface ControlOutcome {
  mailed: string[];
  entries: JournalEntry[];
  failure: string | null;
}

/** The letter of the day, made before the first letter of the run goes. */
export interface ControlDraft {
  recipients: readonly string[];
  made: { letter: MailMessage; chart: ControlChart } | { failure: string };
  /** The month's record as it was before this run (JSON), put back when the letter does not go. */
  previous: string | null;
}

/**
 * The daily check's first step of the letter: null when it is not due (the setting empty, not the first
 * working day of the month, sent this month already). Otherwise the letter is made, and the month's
 * record (month and figures, which the next letter compares with) is staged, so that the run writes it
 * with the day's record before its first letter: one write; sendControlLetterIfDue puts the record back
 * when the letter does not go.
 */
export function draftControlLetter(
  spreadsheet: Spreadsheet,
  day: DayContext,
  rows: readonly RowAssessment[],
): ControlDraft | null {
  const recipients = day.settings.settings.controlRecipients;
  const today = day.register.today;
  if (recipients.length === 0 || !isFirstWorkingDayOf('month', today, day.calendar.calendar)) return null;
  if (lastSnapshot()?.month === monthOf(today)) return null;
  const previous = readDocumentProperty(CONTROL_PROPERTY);
  try {
    const { letter, chart, figures } = controlLetterFor(spreadsheet, day, rows);
    const snapshot: ControlSnapshot = { month: monthOf(today), figures };
    stageDocumentProperty(CONTROL_PROPERTY, JSON.stringify(snapshot));
    return { recipients, made: { letter, chart }, previous };
  } catch (error) {
    return { recipients, made: { failure: errorText(error) }, previous };
  }
}

/** The month's record as before the run: the letter did not go. */
function restoreSnapshot(previous: string | null): void {
  if (previous === null) deleteDocumentProperty(CONTROL_PROPERTY);
  else writeDocumentProperty(CONTROL_PROPERTY, previous);
}

/** Sends the drafted letter and records it in `outcome`; why it did not go, or null when it went. */
function sendDrafted(draft: ControlDraft, outcome: ControlOutcome): string | null {
  const { made } = draft;
  if ('failure' in made) return made.failure;
  const { letter, chart } = made;
  try {
    MailApp.sendEmail({
      to: letter.to,
      subject: letter.subject,
      body: letter.body,
      htmlBody: letter.htmlBody,
      name: letter.name,
      ...(chart.image !== null ? { inlineImages: { [CONTROL_CHART_CID]: chart.image } } : {}),
    });
  } catch (error) {
    return errorText(error);
  }
  outcome.mailed.push(...draft.recipients);
  outcome.entries.push({
    action: CONTROL_ACTION,
    details: `Отправлено (${letter.to}): ${letter.subject}.${chart.image === null ? ` Без диаграммы: ${chart.reason}.` : ''}`,
  });
  return null;
}

/**
 * The daily check's hook: sends the drafted letter when `quota` allows (nothing when none is due). Journals
 * what it did; when the letter does not go, the month's record is put back as it was.
 */
export function sendControlLetterIfDue(draft: ControlDraft | null, quota: number): ControlOutcome {
  const outcome: ControlOutcome = { mailed: [], entries: [], failure: null };
  if (draft === null) return outcome;
  const reason = quotaRefusal(draft.recipients.length, quota) ?? sendDrafted(draft, outcome);
  if (reason !== null) {
    outcome.failure = `письмо для контроля (п. 6) не отправлено: ${reason}`;
    try {
      restoreSnapshot(draft.previous);
    } catch {
      // The letter's failure is what the run reports; the record stays, and next month compares with it.
    }
  }
  return outcome;
}

/** The menu item: the letter as it would go now, in a dialog (coordinators only). Nothing is sent. */
export function showControlPreview(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openRegister(spreadsheet);
  if (table === null) {
    ui.alert(CONTROL_ACTION, REGISTER_NOT_FOUND, ui.ButtonSet.OK);
    return;
  }
  const day = loadDayContext(spreadsheet, table.timeZone);
  const access = requireCoordinator(day.settings.settings, spreadsheet);
  if (!access.ok) {
    ui.alert(CONTROL_ACTION, access.reason, ui.ButtonSet.OK);
    return;
  }
  const snapshot = readSnapshot(table, day);
  const { letter, chart } = controlLetterFor(spreadsheet, day, snapshot.assessment.rows);
  // The frame cannot read cid: images; the preview shows the same PNG as a data: URL.
  const html =
    chart.image === null
      ? letter.htmlBody
      : letter.htmlBody.replace(
          `cid:${CONTROL_CHART_CID}`,
          `data:image/png;base64,${Utilities.base64Encode(chart.image.getBytes())}`,
        );
  showDialog(
    controlView({ recipients: recipientsOf(letter), subject: letter.subject, htmlBody: html, text: letter.body }),
  );
}
