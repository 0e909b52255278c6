/**
 * «Настройки» in the spreadsheet: read in one getValues. A missing sheet gives the defaults (setup
 * creates it).
 */
import { SHEET_NAMES } from '../domain/columns';
import { parseSettings, type ParsedSettings } from '../domain/settings';

export interface SettingsRead extends ParsedSettings {
  /** False when the sheet «Настройки» does not exist yet. */
  exists: boolean;
}

export function readSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SettingsRead {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  if (sheet === null) return { ...parseSettings([]), exists: false };
  return { ...parseSettings(sheet.getDataRange().getValues()), exists: true };
}
