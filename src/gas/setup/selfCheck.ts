/**
 * «Самопроверка» (coordinators): checks, in the real spreadsheet, what the add-on assumes of Google and
 * cannot be tested offline — on a temporary sheet it deletes afterwards:
 *  - Intl.DateTimeFormat with a time zone (the Moscow day of every date cell rests on it);
 *  - a date typed in the sheet, and one the add-on writes, read back as their Moscow day;
 *  - each conditional-format and validation formula the add-on writes is accepted by Sheets and gives
 *    the expected TRUE/FALSE on known rows (the formulas are built by the same code as setup's, for the
 *    temporary sheet's rows, and written as cell formulas to be computed);
 *  - the script lock, document properties and the script cache work; the mail quota left; the daily
 *    check's trigger is where its recorded state says.
 * The account goes to a dialog and to «Журнал». Nothing of the register is read or written.
 */
import { COLUMNS } from '../../domain/columns';
import { addDays, isoDateAt, MOSCOW_TIME_ZONE } from '../../domain/isoDate';
import { STATES } from '../../domain/obligations';
import type { Settings } from '../../domain/settings';
import type { ColumnKey, IsoDate, WorkingCalendar } from '../../domain/types';
import { requireCoordinator, currentUserEmail } from '../platform/access';
import { readCalendar } from '../sheets/calendarSheet';
import { showDialog } from '../menu/dialog';
import { SELF_CHECK_TITLE, selfCheckView, type SelfCheckItem } from '../../views/selfCheck';
import {
  applyHighlighting,
  HIGHLIGHT_LABELS,
  highlightSpecs,
  highlightYears,
  type HighlightName,
} from '../sheets/highlighting';
import { tryAppendJournal } from '../sheets/journalSheet';
import { errorText } from '../platform/mail';
import { withScriptLock } from '../platform/lock';
import { openRegisterTable } from '../sheets/registerSheet';
import { readSettings } from '../sheets/settingsSheet';
import { dateCell, todayIn } from '../sheets/sheetValues';
import { DAILY_CHECK_HANDLER, readDailyCheckState } from '../daily/triggers';
import { applyValidation, validationSpec } from '../sheets/validationRules';

export { SELF_CHECK_TITLE };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADERS = COLUMNS.map((column) => column.header);
const position = (key: ColumnKey): number => COLUMNS.findIndex((column) => column.key === key);

/** Runs `check`; an exception is a failed item naming it. */
function item(name: string, check: () => { ok: boolean; details: string }): SelfCheckItem {
  try {
    return { name, ...check() };
  } catch (error) {
    return { name, ok: false, details: `ошибка: ${errorText(error)}` };
  }
}

/** Intl.DateTimeFormat with a time zone: one instant is a different day in Moscow, UTC and Vladivostok. */
function intlItem(): SelfCheckItem {
  return item('Часовые пояса: московский день', () => {
    const instant = new Date(Date.UTC(2026, 2, 4, 21, 30));
    const got = {
      moscow: isoDateAt(instant, MOSCOW_TIME_ZONE),
      utc: isoDateAt(instant, 'UTC'),
      vladivostok: isoDateAt(new Date(Date.UTC(2026, 2, 4, 14, 30)), 'Asia/Vladivostok'),
    };
    const ok = got.moscow === '2026-03-05' && got.utc === '2026-03-04' && got.vladivostok === '2026-03-05';
    return {
      ok,
      details: ok
        ? 'дни в Москве, UTC и Владивостоке определяются верно'
        : `ожидались 2026-03-05 / 2026-03-04 / 2026-03-05, получено ${got.moscow} / ${got.utc} / ${got.vladivostok}`,
    };
  });
}

/** Known rows for the highlighting: which rules must be TRUE on each (the others FALSE). */
function highlightRows(
  today: IsoDate,
): Array<{ label: string; cells: Partial<Record<ColumnKey, unknown>>; on: HighlightName[] }> {
  return [
    { label: 'ошибки заполнения', cells: { state: STATES.errors }, on: ['errors'] },
    { label: 'срок вчера', cells: { deadline: addDays(today, -1) }, on: ['overdue'] },
    { label: 'срок сегодня', cells: { deadline: today }, on: ['dueSoon'] },
    { label: 'срок через 30 дней', cells: { deadline: addDays(today, 30) }, on: [] },
    { label: 'удалена', cells: { deletedOn: addDays(today, -3) }, on: ['deleted'] },
    { label: 'освобождение', cells: { exemptionBasis: 'п. 4 постановления' }, on: ['exemption'] },
    { label: 'пустая строка', cells: {}, on: [] },
  ];
}

/** A row of the temporary sheet: dates as date cells, as the add-on writes them. */
function sheetRow(cells: Partial<Record<ColumnKey, unknown>>, timeZone: string): unknown[] {
  return COLUMNS.map((column) => {
    const value = cells[column.key];
    if (value === undefined) return '';
    return column.kind === 'date' && typeof value === 'string' ? dateCell(value, timeZone) : value;
  });
}

/** A value read back from a formula cell, as the account shows it. */
function shown(value: unknown): string {
  return value === true ? 'ИСТИНА' : value === false ? 'ЛОЖЬ' : `«${String(value)}»`;
}

/**
 * The highlighting's formulas for rows 2… of the temporary sheet, computed in cells to the right of the
 * catalogue, compared with what each known row must give; then the rules themselves set on the sheet.
 */
function highlightItems(sheet: Sheet, calendar: WorkingCalendar, today: IsoDate, timeZone: string): SelfCheckItem[] {
  const rows = highlightRows(today);
  const positions = Object.fromEntries(COLUMNS.map((column, index) => [column.key, index])) as Record<
    ColumnKey,
    number
  >;
  const specsAt = (row: number) => highlightSpecs(positions, row, calendar, highlightYears(today));
  const names = specsAt(2).map((spec) => spec.name);
  sheet.getRange(2, 1, rows.length, HEADERS.length).setValues(rows.map((row) => sheetRow(row.cells, timeZone)));
  const formulas = rows.map((_, index) => specsAt(index + 2).map((spec) => spec.formula));
  const block = sheet.getRange(2, HEADERS.length + 1, rows.length, names.length);
  block.setFormulas(formulas);
  const values = block.getValues();
  const items = names.map((name, column) =>
    item(`Подсветка «${HIGHLIGHT_LABELS[name]}»: формула`, () => {
      // A rule colours a cell only when its formula gives TRUE: an error or FALSE leaves it as it is.
      const wrong = rows.flatMap((row, index) => {
        const expected = row.on.includes(name);
        const got = values[index]?.[column];
        return (got === true) === expected
          ? []
          : [`${row.label}: ожидалось ${expected ? 'ИСТИНА' : 'не ИСТИНА'}, получено ${shown(got)}`];
      });
      return {
        ok: wrong.length === 0,
        details: wrong.length === 0 ? `верна на ${rows.length} известных строках` : wrong.join('; '),
      };
    }),
  );
  block.clearContent();
  items.push(
    item('Подсветка: Google принимает правила', () => {
      const table = openRegisterTable(sheet.getParent(), sheet);
      applyHighlighting(table, calendar, today, { maxRows: rows.length + 1, maxColumns: HEADERS.length });
      const set = sheet.getConditionalFormatRules().length;
      return { ok: set === names.length, details: `правил установлено: ${set} из ${names.length}` };
    }),
  );
  return items;
}

/** Good and bad values for each column whose validation is a formula. */
function validationSamples(
  today: IsoDate,
  timeZone: string,
): Partial<Record<ColumnKey, { good: unknown; bad: unknown }>> {
  const samples: Partial<Record<ColumnKey, { good: unknown; bad: unknown }>> = {};
  for (const column of COLUMNS) {
    if (column.kind === 'id') samples[column.key] = { good: 'P-SELFTEST1', bad: 'P-SELFTEST2' };
    else if (column.kind === 'url') samples[column.key] = { good: 'https://vk.com/shpakovsky_okrug', bad: 'не ссылка' };
    else if (column.kind === 'ogrn') samples[column.key] = { good: '1027700132195', bad: '1027700132194' };
    else if (column.kind === 'date' && column.role === 'input')
      samples[column.key] = {
        good: dateCell(addDays(today, -1), timeZone),
        bad: dateCell(addDays(today, 1), timeZone),
      };
    else if (column.kind === 'text' && column.role === 'input')
      samples[column.key] = { good: 'Отдел культуры', bad: 'я'.repeat(1001) };
  }
  return samples;
}

/**
 * The validation formulas: row GOOD_ROW holds a good value in each column, BAD_ROW a bad one (and the
 * row below it repeats the bad ID, so that it is a duplicate); each column's formula, built for its
 * row, is computed in a cell to the right. Then the rules themselves are set on the sheet.
 */
function validationItems(sheet: Sheet, settings: Settings, today: IsoDate, timeZone: string): SelfCheckItem[] {
  const GOOD_ROW = 20;
  const BAD_ROW = 21;
  const samples = validationSamples(today, timeZone);
  const keys = COLUMNS.map((column) => column.key).filter((key) => {
    const spec = validationSpec(key, { column: position(key) + 1, row: GOOD_ROW }, settings);
    return spec?.criterion.type === 'formula' && samples[key] !== undefined;
  });
  const good: Partial<Record<ColumnKey, unknown>> = {};
  const bad: Partial<Record<ColumnKey, unknown>> = {};
  for (const key of keys) {
    good[key] = samples[key]?.good;
    bad[key] = samples[key]?.bad;
  }
  const duplicate: Partial<Record<ColumnKey, unknown>> = { id: bad.id };
  sheet
    .getRange(GOOD_ROW, 1, 3, HEADERS.length)
    .setValues([sheetRow(good, timeZone), sheetRow(bad, timeZone), sheetRow(duplicate, timeZone)]);
  const formulaOf = (key: ColumnKey, row: number): string => {
    const spec = validationSpec(key, { column: position(key) + 1, row }, settings);
    return spec?.criterion.type === 'formula' ? spec.criterion.formula : '=NA()';
  };
  const block = sheet.getRange(GOOD_ROW, HEADERS.length + 1, 2, keys.length);
  block.setFormulas([keys.map((key) => formulaOf(key, GOOD_ROW)), keys.map((key) => formulaOf(key, BAD_ROW))]);
  const values = block.getValues();
  const items = keys.map((key, index) =>
    item(`Проверка данных «${COLUMNS[position(key)]?.header ?? key}»: формула`, () => {
      const [accepts, refuses] = [values[0]?.[index], values[1]?.[index]];
      const ok = accepts === true && refuses === false;
      return {
        ok,
        details: ok
          ? 'верное значение принимается, неверное отмечается'
          : `на верном значении ${shown(accepts)}, на неверном ${shown(refuses)} (ожидались ИСТИНА и ЛОЖЬ)`,
      };
    }),
  );
  block.clearContent();
  items.push(
    item('Проверка данных: Google принимает правила', () => {
      const table = openRegisterTable(sheet.getParent(), sheet);
      const outcome = applyValidation(table, settings, BAD_ROW + 1);
      return {
        ok: outcome.kept.length === 0,
        details: `правил установлено: ${outcome.applied.length}`,
      };
    }),
  );
  return items;
}

/** A date typed as a person types it, and a date the add-on writes, read back as their Moscow day. */
function dateItems(spreadsheet: Spreadsheet, sheet: Sheet, timeZone: string): SelfCheckItem[] {
  return [
    item('Часовой пояс таблицы', () => {
      const zone = spreadsheet.getSpreadsheetTimeZone();
      return {
        ok: zone === MOSCOW_TIME_ZONE,
        details:
          zone === MOSCOW_TIME_ZONE
            ? MOSCOW_TIME_ZONE
            : `${zone}: сроки считаются по московским дням — запустите «Настроить реестр», он поставит Europe/Moscow`,
      };
    }),
    item('Дата в ячейке читается как московский день', () => {
      const cells = sheet.getRange(30, 1, 2, 1);
      cells.setValues([['05.03.2026'], [dateCell('2026-03-05', timeZone)]]);
      const [typed, written] = cells.getValues().map((row) => row[0]);
      cells.clearContent();
      const day = (value: unknown): string =>
        Object.prototype.toString.call(value) === '[object Date]'
          ? isoDateAt(value as Date, MOSCOW_TIME_ZONE)
          : `не дата: ${String(value)}`;
      const ok = day(typed) === '2026-03-05' && day(written) === '2026-03-05';
      return {
        ok,
        details: ok
          ? '«05.03.2026», введённая и записанная надстройкой, читается как 05.03.2026 по Москве'
          : `введённая: ${day(typed)}, записанная надстройкой: ${day(written)} (ожидалось 2026-03-05)`,
      };
    }),
  ];
}

/** Lock, properties and cache: each used and released. */
function serviceItems(): SelfCheckItem[] {
  const probe = `self-check-${Date.now()}`;
  return [
    item('Блокировка одновременных действий', () => {
      const locked = withScriptLock(() => true, { timeoutMs: 5_000 });
      return locked.ok
        ? { ok: true, details: 'блокировка скрипта берётся и освобождается' }
        : { ok: false, details: locked.message };
    }),
    item('Служебные отметки документа', () => {
      const properties = PropertiesService.getDocumentProperties();
      properties.setProperty('selfCheckProbe', probe);
      const read = properties.getProperty('selfCheckProbe');
      properties.deleteProperty('selfCheckProbe');
      return read === probe
        ? { ok: true, details: 'запись, чтение и удаление работают' }
        : { ok: false, details: `записано «${probe}», прочитано «${String(read)}»` };
    }),
    item('Кэш настроек', () => {
      const cache = CacheService.getScriptCache();
      cache.put('selfCheckProbe', probe, 60);
      const read = cache.get('selfCheckProbe');
      cache.remove('selfCheckProbe');
      return read === probe
        ? { ok: true, details: 'запись, чтение и удаление работают' }
        : { ok: false, details: `записано «${probe}», прочитано «${String(read)}»` };
    }),
  ];
}

/** Mail quota left today and the daily check's trigger against its recorded state. */
function mailAndTriggerItems(): SelfCheckItem[] {
  return [
    item('Квота почты на сегодня', () => {
      const left = MailApp.getRemainingDailyQuota();
      return {
        ok: left > 0,
        details: left > 0 ? `осталось получателей: ${left}` : 'квота исчерпана: письма сегодня не уйдут',
      };
    }),
    item('Ежедневная проверка (триггер)', () => {
      const state = readDailyCheckState();
      const mine = ScriptApp.getProjectTriggers().filter(
        (trigger) => trigger.getHandlerFunction() === DAILY_CHECK_HANDLER,
      );
      if (state === null)
        return mine.length === 0
          ? { ok: true, details: 'выключена, триггеров нет' }
          : { ok: false, details: `выключена, но триггеров ваших: ${mine.length} — выключите её в меню ещё раз` };
      if (state.owner !== currentUserEmail())
        return { ok: true, details: `включена пользователем ${state.owner}: его триггер отсюда не виден` };
      const found = mine.some((trigger) => trigger.getUniqueId() === state.triggerId);
      return found
        ? { ok: true, details: `включена, ${state.hour}:00 по Москве, триггер на месте` }
        : { ok: false, details: 'включена, но её триггера нет — включите ежедневную проверку ещё раз' };
    }),
  ];
}

/** Every check, on a temporary sheet deleted afterwards. */
export function selfCheck(spreadsheet: Spreadsheet): SelfCheckItem[] {
  const timeZone = spreadsheet.getSpreadsheetTimeZone() || MOSCOW_TIME_ZONE;
  const today = todayIn(timeZone);
  const { settings } = readSettings(spreadsheet);
  const { calendar } = readCalendar(spreadsheet, timeZone);
  const items: SelfCheckItem[] = [intlItem()];
  const sheet = spreadsheet.insertSheet(`Самопроверка ${Date.now()}`);
  try {
    // Room for the catalogue and, to its right, a cell for each formula (never more than the columns).
    const need = HEADERS.length * 2;
    if (sheet.getMaxColumns() < need) sheet.insertColumnsAfter(sheet.getMaxColumns(), need - sheet.getMaxColumns());
    sheet.getRange(1, 1, 1, HEADERS.length).setValues([HEADERS]);
    items.push(...dateItems(spreadsheet, sheet, timeZone));
    items.push(...highlightItems(sheet, calendar, today, timeZone));
    items.push(...validationItems(sheet, settings, today, timeZone));
  } catch (error) {
    items.push({ name: 'Временный лист', ok: false, details: `ошибка: ${errorText(error)}` });
  } finally {
    items.push(
      item('Временный лист удалён', () => {
        spreadsheet.deleteSheet(sheet);
        return { ok: true, details: 'да' };
      }),
    );
  }
  items.push(...serviceItems(), ...mailAndTriggerItems());
  return items;
}

export function selfCheckText(items: readonly SelfCheckItem[]): string {
  const failed = items.filter((entry) => !entry.ok).length;
  const head = failed === 0 ? `Всё в порядке: проверок ${items.length}.` : `Не пройдено: ${failed} из ${items.length}.`;
  return [head, ...items.map((entry) => `${entry.ok ? '✓' : '✗'} ${entry.name}: ${entry.details}`)].join('\n');
}

/** The menu action: coordinators only; the account in a dialog and in «Журнал». */
export function runSelfCheck(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const access = requireCoordinator(readSettings(spreadsheet).settings, spreadsheet);
  if (!access.ok) {
    ui.alert(SELF_CHECK_TITLE, access.reason, ui.ButtonSet.OK);
    return;
  }
  const items = selfCheck(spreadsheet);
  const journalFailure = tryAppendJournal(spreadsheet, [{ action: SELF_CHECK_TITLE, details: selfCheckText(items) }]);
  const extra = journalFailure === null ? [] : [{ name: 'Запись в «Журнал»', ok: false, details: journalFailure }];
  showDialog(selfCheckView([...items, ...extra]));
}
