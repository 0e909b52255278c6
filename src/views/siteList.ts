/**
 * «Список страниц для сайта» (decree clause 3.1.1): how the list will look, its HTML code and its plain
 * text, each with a copy button in the footer that stays visible.
 */
import { escapeHtml } from '../domain/htmlEscape';
import type { SiteList } from '../domain/siteList';
import { actionButton, paragraph, type DialogView } from './dialog';

export const SITE_LIST_TITLE = 'Список страниц для сайта';

export function siteListView(list: SiteList): DialogView {
  const notes: string[] = [];
  if (list.skippedRows.length) {
    notes.push(
      paragraph(
        `Не вошли в список из-за ошибок в организации, виде организации, сети, ссылке или датах: строки ${list.skippedRows.join(', ')}. Исправьте их (меню «Проверить реестр» покажет ячейки) и откройте список снова.`,
        'warning',
      ),
    );
  }
  if (list.profileRows.length) {
    notes.push(
      paragraph(
        `Не вошли в список личные страницы (профили) людей: строки ${list.profileRows.join(', ')}. Официальной страницей может быть только сообщество (группа) — укажите в этих строках его адрес.`,
        'warning',
      ),
    );
  }
  const body = [
    paragraph(
      `Действующих официальных страниц: ${list.pageCount}, организаций: ${list.organizations.length}. ` +
        'Скопируйте HTML-код в редактор официального сайта (режим «HTML») или текст — в обычный редактор.',
    ),
    ...notes,
    '<h2 id="preview-title">Как будет выглядеть</h2>',
    // The list's own headings (h2, h3) sit inside a labelled region, below this page's h1.
    `<section class="preview" aria-labelledby="preview-title">${list.html}</section>`,
    '<h2><label for="html">HTML-код</label></h2>',
    `<textarea id="html" readonly>${escapeHtml(list.html)}</textarea>`,
    '<h2><label for="text">Текст</label></h2>',
    `<textarea id="text" readonly>${escapeHtml(list.text)}</textarea>`,
  ].join('\n');
  return {
    title: SITE_LIST_TITLE,
    body,
    actions:
      actionButton('Копировать HTML', 'copy', { target: 'html' }, true) +
      actionButton('Копировать текст', 'copy', { target: 'text' }),
    width: 820,
    height: 660,
  };
}
