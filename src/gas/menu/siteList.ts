/**
 * «Список страниц для сайта» (decree clause 3.1.1): the current official pages grouped by organization,
 * shown as a preview, as HTML code and as plain text, each with a copy button (src/views/siteList.ts).
 * Anyone may open it.
 */
import { buildSiteList, type SiteList } from '../../domain/siteList';
import { SITE_LIST_TITLE, siteListView } from '../../views/siteList';
import { showDialog } from './dialog';
import { readRegister } from '../sheets/registerRead';
import { REGISTER_NOT_FOUND } from '../sheets/registerSheet';
import { readSnapshot } from './summary';

export { SITE_LIST_TITLE };

/** The list as of today, or null when there is no register. */
export function currentSiteList(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SiteList | null {
  const read = readRegister(spreadsheet);
  if (read === null) return null;
  const { day } = read;
  const snapshot = readSnapshot(read.table, day, read.rows);
  return buildSiteList(snapshot.assessment.rows, day.register.today, day.settings.settings.networks, {
    extraNetworks: day.register.extraNetworks ?? [],
  });
}

/** The menu item. */
export function showSiteList(): void {
  const ui = SpreadsheetApp.getUi();
  const list = currentSiteList(SpreadsheetApp.getActiveSpreadsheet());
  if (list === null) {
    ui.alert(SITE_LIST_TITLE, REGISTER_NOT_FOUND, ui.ButtonSet.OK);
    return;
  }
  showDialog(siteListView(list));
}
