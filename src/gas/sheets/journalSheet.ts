/**
 * «Журнал»: an append-only record of what the add-on did. One setValues per call, whatever the number
 * of entries. The sheet is protected (coordinators and the owner only), so an append made for a person
 * who may not edit it fails: callers use tryAppendJournal and tell the person when it did.
 */
import { SHEET_NAMES } from '../../domain/columns';
import { currentUserEmail } from '../platform/access';
import { errorText } from '../../shared/errorText';
import { sheetByReference } from './registerSheet';
import { textCell } from './sheetValues';

export const JOURNAL_HEADERS = ['Время', 'Пользователь', 'Действие', 'Подробности'] as const;

export interface JournalEntry {
  /** Short Russian name of the action, e.g. «Настройка реестра», «Сводка в ЦУР». */
  action: string;
  details: string;
  /** Defaults to the person running the script (or «автоматически» when unknown). */
  user?: string;
  /** Defaults to now. */
  at?: Date;
}

/** Sheets keeps at most 50,000 characters in a cell. */
const MAX_DETAILS = 45_000;

/** The journal sheet, created with its header when missing. Found by reference: no getSheetByName. */
export function journalSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = sheetByReference(spreadsheet, SHEET_NAMES.journal);
  if (existing !== null) return existing;
  const sheet = spreadsheet.insertSheet(SHEET_NAMES.journal);
  sheet
    .getRange(1, 1, 1, JOURNAL_HEADERS.length)
    .setValues([[...JOURNAL_HEADERS]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

export function journalRows(entries: readonly JournalEntry[], defaultUser: string, now: Date): unknown[][] {
  return entries.map((entry) => {
    const details = entry.details.length > MAX_DETAILS ? `${entry.details.slice(0, MAX_DETAILS)}…` : entry.details;
    return [entry.at ?? now, textCell(entry.user ?? defaultUser), textCell(entry.action), textCell(details)];
  });
}

/** Appends the entries below the last row in one write. */
export function appendJournal(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: readonly JournalEntry[],
): void {
  if (entries.length === 0) return;
  const sheet = journalSheet(spreadsheet);
  const user = currentUserEmail() || 'автоматически';
  const rows = journalRows(entries, user, new Date());
  // One entry: appendRow finds the end itself (one call instead of getLastRow + setValues).
  if (rows.length === 1) sheet.appendRow(rows[0] as unknown[]);
  else sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, JOURNAL_HEADERS.length).setValues(rows);
}

/**
 * appendJournal that reports a failure instead of throwing: null when written, else a Russian sentence
 * saying what was not recorded and why, for the caller to show to the person (or mail to the
 * coordinators). The usual cause: the person is not an editor of the protected «Журнал» — a coordinator
 * added in «Настройки» after setup becomes one when «Настроить реестр» runs again.
 */
export function tryAppendJournal(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: readonly JournalEntry[],
): string | null {
  try {
    appendJournal(spreadsheet, entries);
    return null;
  } catch (error) {
    return journalFailureText(errorText(error));
  }
}

export function journalFailureText(reason: string): string {
  return (
    `Запись в «${SHEET_NAMES.journal}» не сделана (${reason}). Если у вас нет права изменять лист «${SHEET_NAMES.journal}», ` +
    'попросите координатора выполнить «Реестр страниц → Настроить реестр»: она даёт это право координаторам из «Настроек».'
  );
}
