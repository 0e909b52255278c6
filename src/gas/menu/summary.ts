/**
 * «Сводка для ЦУР…» (decree clause 3.1.5): the preview dialog and the send.
 *
 * Exactly once: the send runs under the script lock; the MailApp quota is checked before anything else;
 * the register is read again under the lock, and only the previewed events that are still unreported go
 * into the letter (an event stamped meanwhile by another coordinator is not sent again); the «Сообщено в
 * ЦУР» dates are written only after MailApp accepted the letter, on rows found by page ID in a fresh read
 * of «ID» (rows sorted or edited since are harmless); «Журнал» records the letter. A failed send stamps nothing.
 * About 400 lines on purpose: the preview and the send share the draft and its token, and the send's
 * steps (lock, quota, re-read, mail, stamps, journal) read best in one order.
 */
import { COLUMN_BY_KEY } from '../../domain/columns';
import { formatRuDate } from '../../domain/isoDate';
import { EVENT_COLUMNS, stampOfEvent } from '../../domain/obligations';
import { plural } from '../../domain/plural';
import { readDateCell } from '../../domain/cellValues';
import { assessRegister, type RegisterAssessment } from '../../domain/register';
import {
  EVENT_KIND_LABELS,
  parseEventId,
  selectPendingEvents,
  summaryTotals,
  type ExcludedRow,
  type PendingEvent,
  type PendingSelection,
} from '../../domain/summary';
import { buildSummaryLetter, type SummaryLetter } from '../../domain/summaryLetter';
import type { ColumnKey, IsoDate } from '../../domain/types';
import { requireCoordinator } from '../platform/access';
import { computedUpdates, type DayContext } from '../sheets/computedColumns';
import { showDialog } from './dialog';
import { tryAppendJournal } from '../sheets/journalSheet';
import { withScriptLock } from '../platform/lock';
import { errorText, quotaRefusal, recipientsOf, remainingMailQuota, sendMail } from '../platform/mail';
import { cellAddress, type RawRow, type RegisterTable, REGISTER_NOT_FOUND } from '../sheets/registerSheet';
import { readAllRows, readKeyColumns } from '../sheets/registerRows';
import { writeColumns, type RowUpdate } from '../sheets/registerWrite';
import { readRegister } from '../sheets/registerRead';
import { dateCell } from '../sheets/sheetValues';
import type { SendStatus, SummarySendResult } from '../../shared/dialog';
import { SUMMARY_TITLE, summaryView, type SummaryPreviewInput } from '../../views/summary';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export { SUMMARY_TITLE };
export const JOURNAL_ACTION = 'Сводка в ЦУР';

export const NO_RECIPIENTS_MESSAGE =
  'В «Настройках» не указаны получатели сводки в ЦУР (строка «Получатели сводки в ЦУР»). Письмо не отправлено.';
/** The preview's note when there is nobody to send to: it offers no «Отправить». */
const NO_RECIPIENTS_PREVIEW =
  'В «Настройках» не указаны получатели сводки в ЦУР (строка «Получатели сводки в ЦУР»): отправить сводку ' +
  'некому. Впишите адреса и откройте предпросмотр снова.';
export const NOTHING_TO_REPORT_MESSAGE =
  'Сообщать в ЦУР нечего: все созданные и удалённые страницы уже сообщены. Письмо не отправлено.';
export const ALREADY_REPORTED_MESSAGE =
  'Все события из предпросмотра уже сообщены в ЦУР (вероятно, другим координатором). Письмо не отправлено.';

/** The register read and assessed on the day, with the settings and the calendar. */
export interface RegisterSnapshot {
  table: RegisterTable;
  day: DayContext;
  raw: RawRow[];
  assessment: RegisterAssessment;
}

/** The register, its rows and the day's context (registerRead.ts: the context cache); null without a register. */
function openWithContext(spreadsheet: Spreadsheet): Opened | null {
  const read = readRegister(spreadsheet);
  return read === null ? null : { table: read.table, day: read.day, raw: read.rows };
}

/** A register opened with its day's context; `raw` when its rows were read with it. */
export interface Opened {
  table: RegisterTable;
  day: DayContext;
  raw?: RawRow[];
}

/** The whole register assessed: the rows given, or read in one getValues. */
export function readSnapshot(
  table: RegisterTable,
  day: DayContext,
  raw: RawRow[] = readAllRows(table),
): RegisterSnapshot {
  return { table, day, raw, assessment: assessRegister(raw, day.register) };
}

/** The letter for the pending events of a snapshot (only `onlyIds` when given). */
export function summaryFor(
  snapshot: RegisterSnapshot,
  spreadsheetUrl: string,
  onlyIds: ReadonlySet<string> | null = null,
): { selection: PendingSelection; events: PendingEvent[]; letter: SummaryLetter | null } {
  const { settings } = snapshot.day.settings;
  const today = snapshot.day.register.today;
  const options = { extraNetworks: snapshot.day.register.extraNetworks ?? [] };
  const selection = selectPendingEvents(snapshot.assessment.rows, today, options);
  const events = onlyIds === null ? selection.events : selection.events.filter((event) => onlyIds.has(event.id));
  if (events.length === 0) return { selection, events, letter: null };
  const letter = buildSummaryLetter({
    districtName: settings.districtName,
    today,
    recipients: settings.tsurRecipients,
    events,
    totals: summaryTotals(
      snapshot.assessment.rows,
      settings.networks,
      snapshot.assessment.gaps.map((gap) => gap.organization),
      options,
    ),
    spreadsheetUrl,
    signature: {
      department: settings.signatureDepartment,
      name: settings.signatureName,
      phone: settings.signaturePhone,
      email: settings.signatureEmail,
    },
    inForce: settings.decreeInForce,
  });
  return { selection, events, letter };
}

/** «Строка 5 не входит в сводку, пока её не исправят (Реестр!E5): …». */
export function excludedRowText(row: ExcludedRow, table?: RegisterTable): string {
  const cells = table === undefined ? [] : row.columns.flatMap((key) => cellAddress(table, row.row, key) ?? []);
  const where = cells.length ? ` (исправьте ${cells.join(', ')})` : '';
  return `Строка ${row.row} не входит в сводку, пока её не исправят${where}: ${row.reasons.join(' ')}`;
}

/** Token of a preview: the IDs of exactly the events it showed. */
export function previewToken(eventIds: readonly string[]): string {
  return JSON.stringify(eventIds);
}

/** The event IDs of a token, or null when it is not one. */
export function parseToken(token: unknown): Set<string> | null {
  if (typeof token !== 'string') return null;
  try {
    const value: unknown = JSON.parse(token);
    if (!Array.isArray(value) || value.length === 0) return null;
    if (!value.every((id) => typeof id === 'string' && parseEventId(id) !== null)) return null;
    return new Set(value as string[]);
  } catch {
    return null;
  }
}

function eventList(events: readonly Pick<PendingEvent, 'pageId' | 'kind'>[]): string {
  return events.map((event) => `${event.pageId} (${EVENT_KIND_LABELS[event.kind].toLowerCase()})`).join(', ');
}

function result(status: SendStatus, message: string, eventIds: string[] = [], retry = false): SummarySendResult {
  return { status, ok: status === 'sent', message, eventIds, retry };
}

export interface SendOptions {
  /** Only these events (a preview's); null: every pending event (the automatic send). */
  onlyIds: ReadonlySet<string> | null;
  /** Check that the person is a coordinator (the menu); the daily trigger runs as the coordinator who turned it on. */
  checkAccess: boolean;
  /** Recipients of the quota to leave for other letters (the coordinator's digest). */
  reserveQuota?: number;
  /** Who sends, for the journal; defaults to the person running the script. */
  journalUser?: string;
  /** The register and the day's context already read under this lock (the daily check): not read again. */
  opened?: Opened;
}

interface StampOutcome {
  /** Stamped now, or found stamped already (by another send or by hand). */
  stamped: PendingEvent[];
  /** No row holds the page's ID any more (or the sheet lacks the stamp column, or its cell holds text). */
  missing: PendingEvent[];
  /** The write (or the read before it) failed: these are not stamped. */
  failed: PendingEvent[];
  error: string | null;
}

/** Rows by their page ID (trimmed), in sheet order. */
function rowsById(rows: readonly RawRow[]): Map<string, RawRow[]> {
  const byId = new Map<string, RawRow[]>();
  for (const raw of rows) {
    const id = String(raw.cells.id ?? '').trim();
    if (id !== '') byId.set(id, [...(byId.get(id) ?? []), raw]);
  }
  return byId;
}

/**
 * Stamps «Сообщено в ЦУР (…)» = today on the events' rows. The register was read once under this lock,
 * for the letter; after the letter only «ID» is read again, so that rows sorted while MailApp sent still
 * get their own stamps (a row is found by its page ID where it is now). Only the stamp cells are
 * written, all in one RangeList call (one value: today): no other cell is written back, so a
 * neighbouring row's text, formula or a new ID cannot make the stamps fail or be overwritten. «Срок» and
 * «Состояние» follow in a separate write whose failure is harmless (the next check or edit recomputes).
 */
function stampEvents(snapshot: RegisterSnapshot, events: readonly PendingEvent[]): StampOutcome {
  const { table, day } = snapshot;
  let now: Map<string, RawRow[]>;
  try {
    now = rowsById(readKeyColumns(table, ['id']));
  } catch (error) {
    return { stamped: [], missing: [], failed: [...events], error: errorText(error) };
  }
  const read = rowsById(snapshot.raw);
  const today: IsoDate = day.register.today;
  const stamps: RowUpdate[] = [];
  const toStamp: PendingEvent[] = [];
  /** Sheet row (now) → the stamps it gets. */
  const stampedRows = new Map<number, Partial<Record<ColumnKey, unknown>>>();
  const outcome: StampOutcome = { stamped: [], missing: [], failed: [], error: null };
  for (const event of events) {
    const key = EVENT_COLUMNS[event.kind].tsur;
    const candidates = now.get(event.pageId) ?? [];
    const target = candidates.find((candidate) => candidate.row === event.row) ?? candidates[0];
    const asRead = read.get(event.pageId) ?? [];
    const cells = (asRead.find((candidate) => candidate.row === event.row) ?? asRead[0])?.cells;
    if (target === undefined || cells === undefined || table.positions[key] === undefined) {
      outcome.missing.push(event);
      continue;
    }
    const current = readDateCell(cells[key], table.timeZone);
    if (!current.ok) {
      outcome.missing.push(event); // something not a date was typed there: left as it is
      continue;
    }
    if (current.value !== null && stampOfEvent(current.value, event.date) !== null) {
      outcome.stamped.push(event); // stamped already (an earlier try, or by hand): keep it
      continue;
    }
    // Empty, or a stamp of an earlier event of the page (before this event's date): today's goes in.
    stampedRows.set(target.row, { ...stampedRows.get(target.row), [key]: dateCell(today, table.timeZone) });
    stamps.push({ row: target.row, values: { [key]: today } });
    toStamp.push(event);
  }
  if (stamps.length === 0) return outcome;
  try {
    writeColumns(table, stamps);
  } catch (error) {
    return { ...outcome, failed: toStamp, error: errorText(error) };
  }
  outcome.stamped.push(...toStamp);
  try {
    // The rows read for the letter, with today's stamps.
    const rows = snapshot.raw.map((raw) => {
      const stamped = stampedRows.get(raw.row);
      return stamped === undefined ? raw : { ...raw, cells: { ...raw.cells, ...stamped } };
    });
    const assessment = assessRegister(rows, day.register);
    const computed = computedUpdates(table, rows, new Map(assessment.rows.map((row) => [row.row, row])));
    writeColumns(table, computed, { current: rows });
  } catch {
    // «Срок» and «Состояние» are recomputed by the next check, edit or daily run.
  }
  return outcome;
}

/** Where to put the dates by hand, when the add-on could not: the columns and the day. */
function stampByHand(events: readonly PendingEvent[], today: IsoDate): string {
  const columns = [...new Set(events.map((event) => `«${COLUMN_BY_KEY[EVENT_COLUMNS[event.kind].tsur].header}»`))];
  return (
    `поставьте их вручную для ${eventList(events)}: дату ${formatRuDate(today)} в ${columns.join(' и ')}, ` +
    'иначе следующая сводка сообщит их повторно'
  );
}

/** The send itself. Call under the script lock. */
export function sendSummaryLocked(spreadsheet: Spreadsheet, options: SendOptions): SummarySendResult {
  const opened = options.opened ?? openWithContext(spreadsheet);
  if (opened === null) return result('refused', REGISTER_NOT_FOUND);
  const { table, day } = opened;
  const { settings } = day.settings;
  if (options.checkAccess) {
    const access = requireCoordinator(settings, spreadsheet);
    if (!access.ok) return result('refused', access.reason);
  }
  const recipients = settings.tsurRecipients;
  if (recipients.length === 0) return result('refused', NO_RECIPIENTS_MESSAGE);
  /** Records in «Журнал»; '' when written, else a sentence for the person saying it was not. */
  const journal = (details: string): string => {
    const failed = tryAppendJournal(spreadsheet, [
      { action: JOURNAL_ACTION, details, ...(options.journalUser ? { user: options.journalUser } : {}) },
    ]);
    return failed === null ? '' : ` ${failed}`;
  };
  const refusal = quotaRefusal(recipients.length, remainingMailQuota() - (options.reserveQuota ?? 0));
  if (refusal !== null) return result('refused', refusal + journal(`Не отправлена: ${refusal}`));

  const snapshot = readSnapshot(table, day, opened.raw);
  const { events, letter } = summaryFor(snapshot, spreadsheet.getUrl(), options.onlyIds);
  if (letter === null)
    return result('nothing', options.onlyIds === null ? NOTHING_TO_REPORT_MESSAGE : ALREADY_REPORTED_MESSAGE);
  const skipped = options.onlyIds === null ? 0 : options.onlyIds.size - events.length;

  try {
    sendMail(letter.message);
  } catch (error) {
    const reason = errorText(error);
    const journalNote = journal(
      `Не отправлена: ${reason}. Получатели: ${letter.message.to}. Отметки «Сообщено в ЦУР» не ставились.`,
    );
    return result(
      'failed',
      `Сводка не отправлена: ${reason}. Отметки «Сообщено в ЦУР» не поставлены; повторите позже.${journalNote}`,
    );
  }

  const sentIds = letter.eventIds;
  const sentLine =
    `Отправлена ${formatRuDate(day.register.today)}: получатели ${letter.message.to}; событий ${events.length}` +
    (letter.overdueCount ? ` (с нарушенным сроком ${letter.overdueCount})` : '') +
    (letter.message.attachments.length ? `; список во вложении ${letter.message.attachments[0]?.fileName ?? ''}` : '') +
    `; ID событий: ${eventList(events)}.`;
  // The letter has gone, so its stamps must follow: after a failure, once more from a fresh read.
  let stamping = stampEvents(snapshot, events);
  if (stamping.failed.length > 0) {
    const again = stampEvents(snapshot, stamping.failed);
    stamping = { ...again, missing: [...stamping.missing, ...again.missing] };
  }
  const today = day.register.today;
  let stampNote = '';
  if (stamping.missing.length > 0) {
    stampNote += ` Отметки не поставлены (строка не найдена по ID или в ячейке отметки не дата): ${stampByHand(stamping.missing, today)}.`;
  }
  if (stamping.failed.length > 0) {
    stampNote +=
      ` Письмо отправлено, но отметки «Сообщено в ЦУР» записать не удалось (${stamping.error ?? 'ошибка'}): ` +
      `${stampByHand(stamping.failed, today)}.`;
  }
  const journalNote = journal(sentLine + stampNote);
  const skippedNote =
    skipped > 0
      ? ` ${skipped} ${plural(skipped, 'событие', 'события', 'событий')} из предпросмотра уже ` +
        `${plural(skipped, 'было сообщено', 'были сообщены', 'были сообщены')} и не ${plural(skipped, 'повторялось', 'повторялись', 'повторялись')}.`
      : '';
  return result(
    'sent',
    `Сводка отправлена (${letter.message.to}): событий ${events.length}` +
      (letter.overdueCount ? `, из них с нарушенным сроком ${letter.overdueCount}` : '') +
      `. ${stampNote ? stampNote.trim() : 'Отметки «Сообщено в ЦУР» поставлены.'}${skippedNote}${journalNote}`,
    sentIds,
  );
}

/** summarySend: the preview's «Отправить». */
export function sendSummaryFromPreview(token: unknown): SummarySendResult {
  const ids = parseToken(token);
  if (ids === null) return result('refused', 'Предпросмотр устарел или повреждён. Откройте «Сводка для ЦУР…» ещё раз.');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // Nothing follows the send but the answer: the lock goes when the script ends (no releasing call).
  const locked = withScriptLock(() => sendSummaryLocked(spreadsheet, { onlyIds: ids, checkAccess: true }), {
    timeoutMs: 10_000,
    keepUntilExit: true,
  });
  return locked.ok ? locked.value : result('refused', locked.message, [], true);
}

/** What the preview shows, or why there is none. */
export type SummaryDraft = ({ ok: true } & SummaryPreviewInput) | { ok: false; reason: string };

/** The letter exactly as the send would build it now (for the preview and `npm start`). Coordinators only. */
export function summaryDraft(spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): SummaryDraft {
  const opened = openWithContext(spreadsheet);
  if (opened === null) return { ok: false, reason: REGISTER_NOT_FOUND };
  const access = requireCoordinator(opened.day.settings.settings, spreadsheet);
  if (!access.ok) return { ok: false, reason: access.reason };
  const snapshot = readSnapshot(opened.table, opened.day, opened.raw);
  const { selection, letter } = summaryFor(snapshot, spreadsheet.getUrl());
  if (letter === null) {
    const noId = selection.rowsWithoutId.length
      ? ` Строки ${selection.rowsWithoutId.join(', ')} без ID в сводку не входят: запустите «Настроить реестр».`
      : '';
    const excluded = selection.excluded.map((row) => ` ${excludedRowText(row, opened.table)}`).join('');
    return { ok: false, reason: NOTHING_TO_REPORT_MESSAGE + noId + excluded };
  }
  return {
    ok: true,
    message: letter.message,
    eventIds: letter.eventIds,
    token: previewToken(letter.eventIds),
    overdue: letter.overdueCount,
    quota: remainingMailQuota(),
    layout: letter.layout,
    rowsWithoutId: selection.rowsWithoutId,
    excludedRows: selection.excluded.map((row) => excludedRowText(row, opened.table)),
    notJudged: letter.notJudged,
    settingsProblems: [
      ...opened.day.settings.problems.map((problem) => problem.message),
      ...opened.day.calendar.problems.map((problem) => problem.message),
    ],
  };
}

/** The menu item: the preview dialog, or an alert saying why there is nothing to send. */
export function showSummaryPreview(): void {
  const ui = SpreadsheetApp.getUi();
  const draft = summaryDraft();
  if (!draft.ok) {
    ui.alert(SUMMARY_TITLE, draft.reason, ui.ButtonSet.OK);
    return;
  }
  const recipients = recipientsOf(draft.message);
  // No recipients: the preview says so and offers no «Отправить» (the send would refuse it anyway).
  const refusal = recipients.length === 0 ? NO_RECIPIENTS_PREVIEW : quotaRefusal(recipients.length, draft.quota);
  showDialog(summaryView({ ...draft, recipients, refusal }));
}
