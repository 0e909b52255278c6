/**
 * Shows a dialog: the one shell (build/Dialog.html, built from src/ui/dialog.*) filled with a view of
 * src/views. The client script of the shell handles every button (src/ui/dialog.ts).
 */
import { fillDialog, type DialogView } from '../../views/dialog';

/** build/Dialog.html, written by scripts/build.mjs from src/ui/dialog.*. */
export const DIALOG_FILE = 'Dialog';

/** The page of a view, as HtmlService will serve it. */
export function dialogHtml(view: DialogView): string {
  return fillDialog(HtmlService.createHtmlOutputFromFile(DIALOG_FILE).getContent(), view);
}

/**
 * Shows a view over the spreadsheet: modal, or modeless when the person should be able to work in the
 * sheet with it open (the check's list of cells).
 */
export function showDialog(view: DialogView, options: { modeless?: boolean } = {}): void {
  const output = HtmlService.createHtmlOutput(dialogHtml(view)).setWidth(view.width).setHeight(view.height);
  const ui = SpreadsheetApp.getUi();
  if (options.modeless) ui.showModelessDialog(output, view.title);
  else ui.showModalDialog(output, view.title);
}
