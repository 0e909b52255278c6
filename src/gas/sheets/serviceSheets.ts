/**
 * The sheets besides the register: «Настройки», «Производственный календарь», «Журнал». Setup creates
 * the missing ones, adds rows for settings a newer version knows, and never changes what is there.
 */
import { SHEET_NAMES } from '../../domain/columns';
import {
  DEFAULT_SETTINGS,
  NO,
  SETTINGS_HEADERS,
  SETTINGS_SPECS,
  YES,
  settingsSheetRows,
  type Settings,
} from '../../domain/settings';
import { ensureCalendarSheet } from './calendarSheet';
import { journalSheet } from './journalSheet';
import { protectServiceSheet } from './protection';
import type { SettingsRead } from './settingsSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function settingValidation(sheet: Sheet, row: number, kind: string): void {
  if (kind === 'yesNo') {
    sheet
      .getRange(row, 2)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([YES, NO], true)
          .setAllowInvalid(false)
          .setHelpText(`«${YES}» или «${NO}».`)
          .build(),
      );
  } else if (kind === 'hour') {
    sheet
      .getRange(row, 2)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireNumberBetween(0, 23)
          .setAllowInvalid(false)
          .setHelpText('Целое число от 0 до 23 (московское время).')
          .build(),
      );
  } else if (kind === 'count') {
    sheet
      .getRange(row, 2)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireNumberBetween(0, 1000)
          .setAllowInvalid(false)
          .setHelpText('Целое число от 0 до 1000.')
          .build(),
      );
  }
}

/**
 * Creates «Настройки» with every setting (coordinators: `initialCoordinators`), or appends the rows of
 * settings it lacks. Returns what was done, in Russian, or null when nothing.
 */
export function ensureSettingsSheet(
  spreadsheet: Spreadsheet,
  read: SettingsRead,
  initialCoordinators: readonly string[],
): string | null {
  let sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  // A sheet an interrupted setup left empty is filled like a new one.
  if (sheet === null || (read.exists && Object.keys(read.rows).length === 0 && sheet.getLastRow() === 0)) {
    sheet ??= spreadsheet.insertSheet(SHEET_NAMES.settings);
    const settings: Settings = { ...DEFAULT_SETTINGS, coordinators: [...initialCoordinators] };
    const rows = [[...SETTINGS_HEADERS], ...settingsSheetRows(settings)];
    sheet.getRange(1, 1, rows.length, SETTINGS_HEADERS.length).setValues(rows);
    sheet.getRange(1, 1, 1, SETTINGS_HEADERS.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
    SETTINGS_SPECS.forEach((spec, index) => settingValidation(sheet as Sheet, index + 2, spec.kind));
    return `создан лист «${SHEET_NAMES.settings}»`;
  }
  const missing = SETTINGS_SPECS.filter((spec) => read.rows[spec.key] === undefined);
  if (missing.length === 0) return null;
  const rows = settingsSheetRows(DEFAULT_SETTINGS).filter(([label]) => missing.some((spec) => spec.label === label));
  const first = sheet.getLastRow() + 1;
  sheet.getRange(first, 1, rows.length, SETTINGS_HEADERS.length).setValues(rows);
  missing.forEach((spec, index) => settingValidation(sheet as Sheet, first + index, spec.kind));
  return `в «${SHEET_NAMES.settings}» добавлены параметры: ${missing.map((spec) => `«${spec.label}»`).join(', ')}`;
}

/** Creates the calendar and the journal when missing; returns the names of the sheets created. */
export function ensureCalendarAndJournal(spreadsheet: Spreadsheet, timeZone: string): string[] {
  const created: string[] = [];
  if (ensureCalendarSheet(spreadsheet, timeZone)) created.push(SHEET_NAMES.calendar);
  if (spreadsheet.getSheetByName(SHEET_NAMES.journal) === null) {
    journalSheet(spreadsheet);
    created.push(SHEET_NAMES.journal);
  }
  return created;
}

/** «Настройки», «Производственный календарь», «Журнал» and «Обзор»: editable by the coordinators and the owner only. */
export function protectServiceSheets(spreadsheet: Spreadsheet, coordinators: readonly string[]): void {
  const descriptions: Array<[string, string]> = [
    [SHEET_NAMES.settings, 'настройки изменяют только координаторы'],
    [SHEET_NAMES.calendar, 'календарь изменяют только координаторы'],
    [SHEET_NAMES.journal, 'журнал ведёт надстройка; изменять могут только координаторы'],
    [SHEET_NAMES.overview, 'обзор строит надстройка; изменять могут только координаторы'],
  ];
  for (const [name, description] of descriptions) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet !== null) protectServiceSheet(sheet, coordinators, description);
  }
}
