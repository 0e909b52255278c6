/**
 * «Настройки» in the spreadsheet: read in one getValues. A missing sheet gives the defaults (setup
 * creates it).
 */
import { SHEET_NAMES } from '../../domain/columns';
import { parseSettings, type ParsedSettings } from '../../domain/settings';

export interface SettingsRead extends ParsedSettings {
  /** False when the sheet «Настройки» does not exist yet. */
  exists: boolean;
}

export function readSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SettingsRead {
  return settingsOfRows(readSettingsRows(spreadsheet));
}

/** The sheet's cells (one getValues), or null when there is no sheet. */
export function readSettingsRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): unknown[][] | null {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  return sheet === null ? null : sheet.getDataRange().getValues();
}

/** The settings from the sheet's cells (null: no sheet, the defaults). */
export function settingsOfRows(rows: unknown[][] | null): SettingsRead {
  if (rows === null) return { ...parseSettings([]), exists: false };
  return { ...parseSettings(rows), exists: true };
}
