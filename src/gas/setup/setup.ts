/**
 * «Настроить реестр»: set up or repair, coordinator only, idempotent and non-destructive.
 *
 * It never moves, renames, clears or reorders anything people wrote: missing columns are appended
 * after the last used column, rows without an ID get one (and a later copy of a duplicated ID a new
 * one), and the only cells it writes besides those are «Срок», «Состояние», the headers it adds and
 * nothing else: cell notes are onEdit's. Validation, highlighting and protections of ours are replaced; those
 * of the users stay. A second run leaves the spreadsheet exactly as the first did (apart from the
 * line it adds to «Журнал»).
 */
import { COLUMN_BY_KEY, SHEET_NAMES } from '../../domain/columns';
import { MOSCOW_TIME_ZONE } from '../../domain/isoDate';
import { assessRegister, isBlankRegisterRow } from '../../domain/register';
import { organizationKey } from '../../domain/registerCheck';
import { selectPendingEvents } from '../../domain/summary';
import type { ColumnKey, IsoDate, RowAssessment } from '../../domain/types';
import { currentUserEmail, ownerEmail, requireCoordinator, checkCoordinator } from '../platform/access';
import { computedUpdates, dayContextOf } from '../sheets/computedColumns';
import { resetContext } from '../platform/contextCache';
import { applyHighlighting } from '../sheets/highlighting';
import { ID_PATTERN, newPageId } from '../platform/ids';
import { appendJournal } from '../sheets/journalSheet';
import { withScriptLock } from '../platform/lock';
import { applyRegisterProtections } from '../sheets/protection';
import {
  findRegisterSheet,
  missingColumns,
  openRegisterTable,
  type RawRow,
  type RegisterTable,
} from '../sheets/registerSheet';
import { readAllRows } from '../sheets/registerRows';
import { writeColumns, type RowUpdate } from '../sheets/registerWrite';
import { ensureOverviewSheet } from '../sheets/overviewSheet';
import { ensureCalendarAndJournal, ensureSettingsSheet, protectServiceSheets } from '../sheets/serviceSheets';
import { contextOf, readDaySheets } from '../sheets/registerRead';
import { rememberRegister } from '../sheets/registerLayout';
import { readSettings } from '../sheets/settingsSheet';
import type { Settings } from '../../domain/settings';
import { applyValidation, keptValidationHeaders } from '../sheets/validationRules';
import { SETUP_TITLE, setupDetails, setupView, type SetupReport } from '../../views/setup';
import { showDialog } from '../menu/dialog';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export { SETUP_TITLE, setupDetails };

export const DATE_FORMAT = 'dd.mm.yyyy';

/**
 * The register's «today», its date cells and the highlighting's TODAY() all follow the spreadsheet's
 * time zone, and the decree's days are Moscow days (Stavropol keeps Moscow time). Setup is the
 * coordinator's «make the register right» action, so it sets the zone rather than only warning, and
 * says so in its account and the journal. Returns the zone it replaced, or null.
 */
function ensureMoscowTimeZone(spreadsheet: Spreadsheet): string | null {
  const current = spreadsheet.getSpreadsheetTimeZone();
  if (current === MOSCOW_TIME_ZONE) return null;
  spreadsheet.setSpreadsheetTimeZone(MOSCOW_TIME_ZONE);
  return current || 'не задан';
}

/** Appends the catalogue columns the header lacks after the last used column; updates `table`. */
function addMissingColumns(table: RegisterTable): ColumnKey[] {
  const missing = missingColumns(table);
  if (missing.length === 0) return [];
  const sheet = table.sheet;
  const blank = table.lastRow === 0;
  const start = blank ? 1 : table.width + 1;
  const needed = start + missing.length - 1 - sheet.getMaxColumns();
  if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
  const headers = missing.map((key) => COLUMN_BY_KEY[key].header);
  sheet.getRange(table.headerRow, start, 1, headers.length).setValues([headers]).setFontWeight('bold');
  missing.forEach((key, index) => {
    table.positions[key] = start - 1 + index;
    table.headers[start - 1 + index] = COLUMN_BY_KEY[key].header;
  });
  table.width = start - 1 + missing.length;
  table.lastRow = Math.max(table.lastRow, table.headerRow);
  return missing;
}

/**
 * Date formats: always on the add-on's own date columns (service and computed), on an input date
 * column only when setup added it (the users' own formats stay).
 */
function applyDateFormats(table: RegisterTable, added: readonly ColumnKey[], maxRows: number): void {
  const count = maxRows - table.headerRow;
  if (count <= 0) return;
  for (const [key, position] of Object.entries(table.positions) as Array<[ColumnKey, number]>) {
    const column = COLUMN_BY_KEY[key];
    if (column.kind !== 'date' || (column.role === 'input' && !added.includes(key))) continue;
    table.sheet.getRange(table.headerRow + 1, position + 1, count, 1).setNumberFormat(DATE_FORMAT);
  }
}

/**
 * IDs for non-blank rows without one, and for every later row repeating an earlier row's ID when that
 * ID is one of ours (P-…, a row copied with its ID). A value that is not ours — a column of the
 * department's own that happens to be called «ID» — is never replaced; the check reports its repeats.
 */
function idUpdates(rows: readonly RawRow[]): {
  updates: RowUpdate[];
  assigned: number;
  replaced: number;
  foreign: number;
} {
  const taken = new Set<string>();
  for (const raw of rows) {
    const id = String(raw.cells.id ?? '').trim();
    if (id !== '') taken.add(id);
  }
  const seen = new Set<string>();
  const updates: RowUpdate[] = [];
  let assigned = 0;
  let replaced = 0;
  let foreign = 0;
  for (const raw of rows) {
    const id = String(raw.cells.id ?? '').trim();
    if (id === '' && isBlankRegisterRow(raw.cells)) continue;
    if (id !== '' && !ID_PATTERN.test(id)) {
      foreign += 1;
      continue;
    }
    if (id !== '' && !seen.has(id)) {
      seen.add(id);
      continue;
    }
    const fresh = newPageId(taken);
    taken.add(fresh);
    seen.add(fresh);
    updates.push({ row: raw.row, values: { id: fresh } });
    if (id === '') assigned += 1;
    else replaced += 1;
  }
  return { updates, assigned, replaced, foreign };
}

function withUpdates(rows: readonly RawRow[], updates: readonly RowUpdate[], table: RegisterTable): RawRow[] {
  const byRow = new Map(updates.map((update) => [update.row, update.values]));
  return rows.map((raw) => {
    const values = byRow.get(raw.row);
    if (values === undefined) return raw;
    const cells = { ...raw.cells, ...values };
    const rowValues = [...raw.values];
    for (const [key, value] of Object.entries(values) as Array<[ColumnKey, unknown]>) {
      const position = table.positions[key];
      if (position !== undefined) rowValues[position] = value;
    }
    return { row: raw.row, cells, values: rowValues };
  });
}

/** Sets up the register on `sheet` (already chosen). Runs under the script lock. */
export function setupRegister(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  options: { createdRegister: boolean; initialCoordinators: readonly string[] },
): SetupReport {
  const previousTimeZone = ensureMoscowTimeZone(spreadsheet);
  const timeZone = MOSCOW_TIME_ZONE;
  const settingsBefore = readSettings(spreadsheet);
  const settingsChange = ensureSettingsSheet(spreadsheet, settingsBefore, options.initialCoordinators);
  const createdSheets = ensureCalendarAndJournal(spreadsheet, timeZone);
  if (!settingsBefore.exists) createdSheets.unshift(SHEET_NAMES.settings);
  const sheets = readDaySheets(spreadsheet, timeZone);
  const day = dayContextOf(sheets, timeZone);

  const table = openRegisterTable(spreadsheet, sheet);
  const added = addMissingColumns(table);
  if (table.sheet.getFrozenRows() < table.headerRow) table.sheet.setFrozenRows(table.headerRow);
  const maxRows = table.sheet.getMaxRows();
  const maxColumns = table.sheet.getMaxColumns();
  applyDateFormats(table, added, maxRows);

  const read = readAllRows(table);
  const ids = idUpdates(read);
  const rows = withUpdates(read, ids.updates, table);
  const assessment = assessRegister(rows, day.register);
  const byRow = new Map(assessment.rows.map((row) => [row.row, row]));
  writeColumns(table, [...ids.updates, ...computedUpdates(table, rows, byRow)], { current: rows });

  const validation = applyValidation(table, day.settings.settings, maxRows);
  applyHighlighting(table, day.calendar.calendar, day.register.today, { maxRows, maxColumns });
  applyRegisterProtections(table, { maxRows, maxColumns });
  const overview = ensureOverviewSheet(spreadsheet, table, {
    maxRows,
    maxColumns,
    networks: day.settings.settings.networks,
    organizations: new Set(assessment.rows.map((row) => organizationKey(row.page.organization ?? ''))).size,
  });
  if (overview.created) createdSheets.push(SHEET_NAMES.overview);
  // The person running setup stays an editor (Google's advice before removing others).
  const runner = currentUserEmail();
  protectServiceSheets(spreadsheet, [...day.settings.settings.coordinators, ...(runner === '' ? [] : [runner])]);
  rememberRegister(table);
  // A new context version with what setup leaves (contextCache.ts): every older entry is stale now.
  resetContext(contextOf(table, sheets));

  const report: SetupReport = {
    registerName: table.name,
    createdRegister: options.createdRegister,
    createdSheets,
    addedColumns: added.map((key) => COLUMN_BY_KEY[key].header),
    idsAssigned: ids.assigned,
    idsReplaced: ids.replaced,
    idsForeign: ids.foreign,
    validationKept: keptValidationHeaders(validation),
    rows: assessment.rows.length,
    rowsWithErrors: assessment.rows.filter((row) => row.problems.some((problem) => problem.severity === 'error'))
      .length,
    problems: [
      ...day.settings.problems.map((problem) => problem.message),
      ...day.calendar.problems.map((problem) => problem.message),
    ],
    settingsChange,
    ...reportingCounts(assessment.rows, day.register.today, createdSheets.includes(SHEET_NAMES.journal)),
    previousTimeZone,
    coordinators: [...day.settings.settings.coordinators],
    tsurRecipients: [...day.settings.settings.tsurRecipients],
    decreeInForce: day.settings.settings.decreeInForce,
  };
  appendJournal(spreadsheet, [{ action: SETUP_TITLE, details: setupDetails(report) }]);
  return report;
}

/**
 * Rows already in the sheet when the add-on is first set up have no «Сообщено в отдел (…)» and no
 * «Сообщено в ЦУР (…)» dates, and setup invents none: when a department told the coordinator, and
 * whether ЦУР was told, the add-on cannot know (the setup day would call every old page late, the
 * event day would call it in time, both without grounds). Those events stay unreported — overdue
 * once their deadlines have passed — and setup says so plainly, every run: how many events ЦУР has not
 * been told of according to the sheet, that «Сводка для ЦУР» will list them, and that a date known
 * from elsewhere can be typed in.
 */
function reportingCounts(
  rows: readonly RowAssessment[],
  today: IsoDate,
  firstSetup: boolean,
): Pick<SetupReport, 'tsurPending' | 'tsurOverdue' | 'firstSetupUnreported'> {
  const pending = selectPendingEvents(rows, today).events;
  return {
    tsurPending: pending.length,
    tsurOverdue: pending.filter((event) => event.overdue).length,
    firstSetupUnreported: firstSetup
      ? rows.flatMap((row) => row.events).filter((event) => event.reportedToDept === null).length
      : null,
  };
}

function listText(emails: readonly string[]): string {
  return emails.length > 0 ? emails.join(', ') : 'не указаны';
}

/**
 * Finds the register, or asks for its sheet. Returns the sheet, or a Russian reason to stop. An empty
 * answer creates «Реестр».
 */
export function chooseRegisterSheet(
  spreadsheet: Spreadsheet,
  ui: GoogleAppsScript.Base.Ui,
): { sheet: Sheet; created: boolean } | { stop: string } {
  const found = findRegisterSheet(spreadsheet);
  if (found !== null) return { sheet: found, created: false };
  const answer = ui.prompt(
    SETUP_TITLE,
    `Лист «${SHEET_NAMES.register}» не найден. Если реестр ведётся на листе с другим названием, введите его. ` +
      `Оставьте поле пустым, чтобы создать новый лист «${SHEET_NAMES.register}».`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return { stop: 'Настройка отменена.' };
  const name = answer.getResponseText().trim();
  if (name === '') return { sheet: spreadsheet.insertSheet(SHEET_NAMES.register), created: true };
  const named = spreadsheet.getSheetByName(name);
  if (named === null) return { stop: `Лист «${name}» не найден. Проверьте название и запустите настройку ещё раз.` };
  return { sheet: named, created: false };
}

export const FOREIGN_SETTINGS_DECLINED =
  'Настройка остановлена: список на листе «Настройки» не подтверждён. Исправьте «Координаторы (e-mail)» и ' +
  '«Получатели сводки в ЦУР» на этом листе и запустите «Настроить реестр» ещё раз.';

/** Shows the coordinators and ЦУР recipients of a «Настройки» found before the first setup; true when confirmed. */
function confirmForeignSettings(ui: GoogleAppsScript.Base.Ui, settings: Settings): boolean {
  const answer = ui.alert(
    SETUP_TITLE,
    'Лист «Настройки» уже был в таблице до первой настройки: его мог заполнить любой, у кого есть право ' +
      'редактирования. Координаторы получат право управлять реестром, отправлять сводку и письма от имени надстройки.\n\n' +
      `Координаторы на листе: ${listText(settings.coordinators)}.\n` +
      `Получатели сводки в ЦУР: ${listText(settings.tsurRecipients)}.\n\n` +
      'Подтверждаете эти списки? «Да» — продолжить настройку с ними; «Нет» — остановить настройку, чтобы исправить лист.',
    ui.ButtonSet.YES_NO,
  );
  return answer === ui.Button.YES;
}

/** The menu action. */
export function runSetup(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const settings = readSettings(spreadsheet);
  const email = currentUserEmail();
  const owner = ownerEmail(spreadsheet);
  // «Настройки» written before our first setup (no «Журнал» yet) is anybody's: any editor could have
  // listed themselves as coordinator. Until the owner confirms it, its coordinator list counts for nothing.
  const untrusted = settings.exists && spreadsheet.getSheetByName(SHEET_NAMES.journal) === null;
  let access = untrusted
    ? checkCoordinator({ ...settings.settings, coordinators: [] }, email, owner)
    : requireCoordinator(settings.settings, spreadsheet);
  // First run: no «Настройки» of ours yet. The owner sets up; on a shared drive (no owner to be seen)
  // whoever runs it. The person becomes the first coordinator.
  if (!access.ok && (!settings.exists || untrusted) && email !== '' && owner === '') {
    access = checkCoordinator({ ...settings.settings, coordinators: [email] }, email, '');
  }
  if (!access.ok) {
    ui.alert(SETUP_TITLE, access.reason, ui.ButtonSet.OK);
    return;
  }
  if (untrusted && !confirmForeignSettings(ui, settings.settings)) {
    ui.alert(SETUP_TITLE, FOREIGN_SETTINGS_DECLINED, ui.ButtonSet.OK);
    return;
  }
  const choice = chooseRegisterSheet(spreadsheet, ui);
  if ('stop' in choice) {
    ui.alert(SETUP_TITLE, choice.stop, ui.ButtonSet.OK);
    return;
  }
  const result = withScriptLock(
    () =>
      setupRegister(spreadsheet, choice.sheet, {
        createdRegister: choice.created,
        initialCoordinators: email === '' ? [] : [email],
      }),
    { timeoutMs: 30_000 },
  );
  if (!result.ok) {
    ui.alert(SETUP_TITLE, result.message, ui.ButtonSet.OK);
    return;
  }
  showDialog(setupView(result.value));
}
