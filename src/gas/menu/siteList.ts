/**
 * «Список страниц для сайта» (decree clause 3.1.1): the current official pages grouped by organisation,
 * shown as a preview, as HTML code and as plain text, each with a copy button. Anyone may open it.
 */
import { escapeHtml } from '../../domain/htmlEscape';
import { buildSiteList, type SiteList } from '../../domain/siteList';
import { dialogPage, showDialog } from './dialogPage';
import { readRegister } from '../sheets/registerRead';
import { REGISTER_NOT_FOUND } from '../sheets/registerSheet';
import { readSnapshot } from './summary';

export const SITE_LIST_TITLE = 'Список страниц для сайта';

const CLIENT_SCRIPT = `
(function () {
  function copy(id, button) {
    var area = document.getElementById(id);
    var done = function () {
      var label = button.textContent;
      button.textContent = 'Скопировано';
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    area.focus();
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    if (ok) { done(); return; }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(area.value).then(done, function () {
        button.textContent = 'Выделено: нажмите Ctrl+C';
      });
    } else {
      button.textContent = 'Выделено: нажмите Ctrl+C';
    }
  }
  var buttons = document.querySelectorAll('button[data-copy]');
  for (var i = 0; i < buttons.length; i += 1) {
    (function (button) {
      button.addEventListener('click', function () { copy(button.getAttribute('data-copy'), button); });
    })(buttons[i]);
  }
  document.getElementById('close').addEventListener('click', function () { google.script.host.close(); });
})();
`;

/** The dialog page. */
export function siteListPage(list: SiteList): string {
  const notes: string[] = [];
  if (list.skippedRows.length) {
    notes.push(
      `<p class="warning">${escapeHtml(
        `Не вошли в список из-за ошибок в организации, виде организации, сети, ссылке или датах: строки ${list.skippedRows.join(', ')}. Исправьте их (меню «Проверить реестр» покажет ячейки) и откройте список снова.`,
      )}</p>`,
    );
  }
  const body = [
    `<p>${escapeHtml(
      `Действующих официальных страниц: ${list.pageCount}, организаций: ${list.organizations.length}. ` +
        'Скопируйте HTML-код в редактор официального сайта (режим «HTML») или текст — в обычный редактор.',
    )}</p>`,
    ...notes,
    '<h3>Как будет выглядеть</h3>',
    `<div class="list">${list.html}</div>`,
    '<h3><label for="html">HTML-код</label></h3>',
    `<textarea id="html" readonly>${escapeHtml(list.html)}</textarea>`,
    '<div class="buttons"><button class="primary" data-copy="html">Копировать HTML</button></div>',
    '<h3><label for="text">Текст</label></h3>',
    `<textarea id="text" readonly>${escapeHtml(list.text)}</textarea>`,
    '<div class="buttons"><button class="primary" data-copy="text">Копировать текст</button>' +
      '<button id="close">Закрыть</button></div>',
  ].join('\n');
  return dialogPage(SITE_LIST_TITLE, body, CLIENT_SCRIPT);
}

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
  showDialog(SITE_LIST_TITLE, siteListPage(list), 820, 660);
}
