/** Opening the sidebar «Добавить или изменить страницу…» (menu «Реестр страниц»). */
export const SIDEBAR_TITLE = 'Страница в реестре';
/** build/Sidebar.html, written by scripts/build.mjs from src/ui/sidebar.*. */
export const SIDEBAR_FILE = 'Sidebar';

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
