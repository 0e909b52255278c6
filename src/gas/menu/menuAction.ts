/**
 * Menu actions run through here so that an unexpected service error (a timeout, a quota, a protected
 * range) reaches the person as a Russian alert naming the action, is journaled, and goes to the
 * execution log — instead of Apps Script's English error bar. Expected refusals are the actions' own
 * alerts; this is only the last line.
 */
import { tryAppendJournal } from '../sheets/journalSheet';
import { errorText } from '../../shared/errorText';

export function runMenuAction(title: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    const reason = errorText(error);
    console.error(`${title}: ${reason}`, error);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const journalFailure = tryAppendJournal(spreadsheet, [{ action: title, details: `Ошибка: ${reason}` }]);
    const ui = SpreadsheetApp.getUi();
    ui.alert(
      title,
      `Действие не выполнено: ${reason}\n\n` +
        'Повторите его через минуту. Если ошибка повторится, сообщите координатору реестра ' +
        '(подробности — в «Журнале» и в журнале выполнения Apps Script).' +
        (journalFailure === null ? '' : `\n\n${journalFailure}`),
      ui.ButtonSet.OK,
    );
  }
}
