/** «О надстройке»: the dialog of src/views/about.ts with the coordinator's contact from «Настройки». Anyone. */
import { aboutView } from '../../views/about';
import { readSettings } from '../sheets/settingsSheet';
import { showDialog } from './dialog';

// The version of package.json, put in by scripts/build.mjs (esbuild's define).
declare const ADDON_VERSION: string;

export function showAbout(): void {
  const { settings } = readSettings(SpreadsheetApp.getActiveSpreadsheet());
  showDialog(aboutView(ADDON_VERSION, settings));
}
