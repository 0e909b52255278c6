/**
 * The result of «Настроить реестр»: what was created, what was left as it was, and what the coordinator
 * does next. The same sentences, run together, are the run's line in «Журнал» (setupDetails).
 */
import { SHEET_NAMES } from '../domain/columns';
import { escapeHtml } from '../domain/htmlEscape';
import { formatRuDate, MOSCOW_TIME_ZONE } from '../domain/isoDate';
import { DEFAULT_SETTINGS, SETTINGS_SPECS } from '../domain/settings';
import type { IsoDate } from '../domain/types';
import { list, paragraph, type DialogView } from './dialog';

export const SETUP_TITLE = 'Настройка реестра';

export interface SetupReport {
  registerName: string;
  createdRegister: boolean;
  createdSheets: string[];
  addedColumns: string[];
  idsAssigned: number;
  idsReplaced: number;
  /** Values in «ID» that are not the add-on's IDs: kept as they are. */
  idsForeign: number;
  /** Columns whose own data validation (the users') was left as it is. */
  validationKept: string[];
  rows: number;
  rowsWithErrors: number;
  /** Problems in «Настройки» and the calendar sheet. */
  problems: string[];
  settingsChange: string | null;
  /** Creations and deletions with no «Сообщено в ЦУР» date (what «Сводка для ЦУР» would list), and how many are overdue. */
  tsurPending: number;
  tsurOverdue: number;
  /** Events with no «Сообщено в отдел» date (nor a ЦУР one), when this run is the first (it created «Журнал»). */
  firstSetupUnreported: number | null;
  /** The spreadsheet's time zone before setup set it to Europe/Moscow, or null when it already was. */
  previousTimeZone: string | null;
  /** Who may act as coordinator after this run, and where the ЦУР summary goes (every result names them). */
  coordinators: string[];
  tsurRecipients: string[];
  /** «Дата вступления в силу постановления № 1199» as «Настройки» give it after this run. */
  decreeInForce: IsoDate;
}

const DECREE_IN_FORCE_LABEL = SETTINGS_SPECS.find((spec) => spec.key === 'decreeInForce')?.label ?? '';

export interface SetupSections {
  created: string[];
  kept: string[];
  next: string[];
}

function listText(emails: readonly string[]): string {
  return emails.length > 0 ? emails.join(', ') : 'не указаны';
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `«${name}»`).join(', ');
}

export function setupSections(report: SetupReport): SetupSections {
  const created: string[] = [];
  const kept: string[] = [];
  const next: string[] = [];
  const register = `Лист реестра: «${report.registerName}»`;
  if (report.createdRegister) created.push(`${register} (создан).`);
  else kept.push(`${register}.`);
  if (report.previousTimeZone !== null)
    created.push(
      `Часовой пояс таблицы был «${report.previousTimeZone}», установлен «${MOSCOW_TIME_ZONE}» (московское время): ` +
        'по нему считаются «сегодня», сроки и подсветка (Файл → Настройки → Часовой пояс).',
    );
  if (report.createdSheets.length > 0) created.push(`Созданы листы: ${quoted(report.createdSheets)}.`);
  if (report.settingsChange !== null && report.createdSheets[0] !== SHEET_NAMES.settings)
    created.push(`${report.settingsChange}.`);
  if (report.addedColumns.length > 0) created.push(`Добавлены колонки: ${quoted(report.addedColumns)}.`);
  else kept.push('Все колонки на месте.');
  if (report.idsAssigned > 0) created.push(`Присвоено ID: ${report.idsAssigned}.`);
  if (report.idsReplaced > 0) created.push(`Заменены повторяющиеся ID: ${report.idsReplaced}.`);
  if (report.idsForeign > 0)
    kept.push(`В колонке «ID» значений не в формате надстройки (P-…): ${report.idsForeign} — оставлены как есть.`);
  if (report.validationKept.length > 0)
    kept.push(`Своя проверка данных оставлена без изменений в колонках: ${quoted(report.validationKept)}.`);
  kept.push(
    'То, что вписали люди, порядок колонок, свои колонки, проверки данных и правила форматирования подразделений не тронуты. ' +
      `Страниц в реестре: ${report.rows}, из них с ошибками заполнения: ${report.rowsWithErrors}.`,
  );
  if (report.firstSetupUnreported !== null && report.firstSetupUnreported > 0)
    kept.push(
      `У страниц, внесённых до настройки, даты «Сообщено в отдел (…)» и «Сообщено в ЦУР (…)» не проставлены ` +
        `(событий: ${report.firstSetupUnreported}): когда о них сообщали, надстройке неизвестно, поэтому ` +
        'после истечения сроков они считаются просроченными. Известные даты координатор может вписать сам.',
    );
  next.push(
    `Координаторы: ${listText(report.coordinators)} (владелец таблицы — координатор в любом случае). ` +
      `Получатели сводки в ЦУР: ${listText(report.tsurRecipients)}. ` +
      'Проверьте их и остальное на листе «Настройки» (подпись писем, час ежедневной проверки, контроль исполнения).',
  );
  if (report.problems.length > 0) next.push(`Замечания к настройкам: ${report.problems.join(' ')}`);
  // The letter to ЦУР states which events came before the decree: that rests on this date.
  if (report.decreeInForce === DEFAULT_SETTINGS.decreeInForce)
    next.push(
      `Уточните «${DECREE_IN_FORCE_LABEL}» в «Настройках»: сейчас ${formatRuDate(report.decreeInForce)} — самый ` +
        'ранний возможный день, а не установленный. Впишите день после официального опубликования постановления ' +
        '(п. 7): от него зависит, какие события письмо в ЦУР называет случившимися до вступления в силу.',
    );
  next.push('Включите ежедневную проверку (меню «Реестр страниц»): она следит за сроками и напоминает ответственным.');
  if (report.rowsWithErrors > 0) next.push('Откройте «Проверить реестр»: там каждая ошибка со ссылкой на её ячейку.');
  if (report.tsurPending > 0)
    next.push(
      `Не сообщено в ЦУР (по отметкам в реестре) событий: ${report.tsurPending}, из них просрочено: ` +
        `${report.tsurOverdue}. Их перечислит «Сводка для ЦУР»; если о каком-то ЦУР уже знает, ` +
        'впишите дату в «Сообщено в ЦУР (…)» этой строки.',
    );
  next.push('После развёртывания запустите «Самопроверка (координатор)».');
  return { created, kept, next };
}

/** The journal's account of a run: every sentence of the dialog, in its order. */
export function setupDetails(report: SetupReport): string {
  const { created, kept, next } = setupSections(report);
  return [...created, ...kept, ...next].join(' ');
}

export function setupView(report: SetupReport): DialogView {
  const { created, kept, next } = setupSections(report);
  const body = [
    paragraph('Готово. Реестр настроен.', 'ok'),
    '<h2>Создано и изменено</h2>',
    created.length > 0 ? list(created) : paragraph('Ничего: всё уже было на месте.'),
    '<h2>Оставлено как было</h2>',
    list(kept),
    '<h2>Что сделать дальше</h2>',
    `<ol>${next.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ol>`,
  ].join('\n');
  return { title: SETUP_TITLE, body, width: 720, height: 600 };
}
