/**
 * «Настройки» in the spreadsheet: read in one call (an open-ended range, readSheetColumns). A missing sheet gives the defaults (setup
 * creates it).
 */
import { SHEET_NAMES } from '../../domain/columns';
import { parseSettings, type ParsedSettings } from '../../domain/settings';
import { readSheetColumns } from './registerSheet';

/** «Параметр» and «Значение»: the columns parseSettings reads. */
const SETTINGS_COLUMNS = 2;

export interface SettingsRead extends ParsedSettings {
  /** False when the sheet «Настройки» does not exist yet. */
  exists: boolean;
}

export function readSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SettingsRead {
  return settingsOfRows(readSettingsRows(spreadsheet));
}

/**
 * The sheet's label and value columns (parseSettings reads no other), down to its last row, in one call;
 * null when there is no sheet.
 */
export function readSettingsRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): unknown[][] | null {
  return readSheetColumns(spreadsheet, SHEET_NAMES.settings, SETTINGS_COLUMNS);
}

/** The settings from the sheet's cells (null: no sheet, the defaults). */
export function settingsOfRows(rows: unknown[][] | null): SettingsRead {
  if (rows === null) return { ...parseSettings([]), exists: false };
  return { ...parseSettings(rows), exists: true };
}
