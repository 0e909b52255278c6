/**
 * «О надстройке»: the version (package.json, put in by scripts/build.mjs), what the add-on does in three
 * lines, where its guide is, and whom to ask — the coordinator as «Настройки» names them.
 */
import { escapeHtml } from '../domain/htmlEscape';
import type { Settings } from '../domain/settings';
import { list, paragraph, type DialogView } from './dialog';

export const ABOUT_TITLE = 'О надстройке «Реестр страниц»';

export const ABOUT_LINES: readonly string[] = [
  'Ведёт реестр официальных страниц администрации округа, её структурных подразделений и подведомственных ' +
    'организаций во «ВКонтакте» и «Одноклассниках» (постановление № 1199 от 29.08.2023).',
  'Проверяет заполнение и следит за сроками: 2 рабочих дня — сообщить в отдел, 3 рабочих дня — сообщить в ЦУР.',
  'Готовит сводку для ЦУР, список страниц для сайта и письмо для контроля; напоминает ответственным.',
];

export type AboutContact = Pick<
  Settings,
  'coordinators' | 'signatureDepartment' | 'signatureName' | 'signaturePhone' | 'signatureEmail'
>;

/** The coordinator's contact as «Настройки» gives it, line by line; empty when nothing is filled in. */
function contactLines(contact: AboutContact): string[] {
  const lines = [contact.signatureDepartment, contact.signatureName, contact.signaturePhone, contact.signatureEmail]
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (contact.signatureEmail.trim() === '' && contact.coordinators.length > 0) {
    lines.push(`E-mail координаторов: ${contact.coordinators.join(', ')}`);
  }
  return lines;
}

export function aboutView(version: string, contact: AboutContact): DialogView {
  const lines = contactLines(contact);
  const body = [
    paragraph(`Версия ${version}`, 'lead'),
    '<h2>Что делает надстройка</h2>',
    list(ABOUT_LINES),
    '<h2>Вопросы и помощь</h2>',
    lines.length > 0
      ? `<p>Координатор реестра:</p><address>${lines.map((line) => escapeHtml(line)).join('<br>')}</address>`
      : paragraph(
          'Контакт координатора не указан: его заполняют на листе «Настройки» (строки «Подпись писем: …» и «Координаторы (e-mail)»).',
          'warning',
        ),
    paragraph(
      'Подробное руководство — файл README.md в корне исходного кода надстройки; устройство кода — ARCHITECTURE.md там же.',
    ),
  ].join('\n');
  return { title: ABOUT_TITLE, body, width: 560, height: 500 };
}
