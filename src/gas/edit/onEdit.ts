/**
 * The simple onEdit trigger on the register. Runs as the person who edited, within 30 s, with no mail
 * and no UI beyond a toast. With its context cached it reads the header row, the edited rows, of the
 * other rows only the key columns the edited rows need (registerWideReadsFor: the IDs always, links and
 * deletion dates only when an edited row registers a page; the rows above the edited ones only, unless
 * a new ID is due: the same page or ID twice is an error there as in the full check) and the notes of
 * the edited rows, and writes back only the edited rows (one cell or a multi-row paste): the ID of a
 * new row, the «Сообщено в отдел (…)» stamp when a creation or deletion date is first entered, «Срок»,
 * «Состояние» and our part of the notes of cells with a problem. It never changes what the person
 * typed. Its service calls do not depend on the size of the register.
 */
import { SHEET_NAMES } from '../../domain/columns';
import { needsNewId, registerWideReadsFor } from '../../domain/editReads';
import { assessRow, assessRowsInRegister, isBlankRegisterRow, withRows, type SharingRows } from '../../domain/register';
import { DEPT_REPORT_STAMPS, deptReportStamps } from '../../domain/reportStamps';
import type { ColumnKey, RowAssessment } from '../../domain/types';
import { refreshNotes } from '../sheets/cellNotes';
import { computedUpdates, dayContextOf, type DayContext } from '../sheets/computedColumns';
import {
  bumpContextVersion,
  lookUpContext,
  storeContext,
  type CachedContext,
  type ContextLookup,
} from '../platform/contextCache';
import { withDocumentPropertiesForRead } from '../platform/documentProperties';
import { MOSCOW_TIME_ZONE } from '../../domain/isoDate';
import { newPageId } from '../platform/ids';
import { contextOf, readDaySheets } from '../sheets/registerRead';
import {
  forgetLayout,
  rememberLayout,
  sameHeader,
  sameStoredHeader,
  storedLayout,
  type RegisterLayout,
} from '../sheets/registerLayout';
import { MENU_TITLE } from '../menu/menu';
import {
  HEADER_SCAN_ROWS,
  isRegisterSheetName,
  openRegisterTable,
  tableOfHeader,
  type RawRow,
  type RegisterTable,
} from '../sheets/registerSheet';
import { addKeyColumns, readKeyColumns, readRows } from '../sheets/registerRows';
import { writeColumns, type RowUpdate } from '../sheets/registerWrite';

function isEmptyCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

function editedColumn(table: RegisterTable, key: ColumnKey, first: number, last: number): boolean {
  const position = table.positions[key];
  return position !== undefined && position + 1 >= first && position + 1 <= last;
}

/** What onEdit writes for the rows it read: IDs and stamps first, so the assessment sees them. */
function serviceUpdates(
  table: RegisterTable,
  rows: readonly RawRow[],
  columns: { first: number; last: number },
  today: string,
  assess: (raw: RawRow) => RowAssessment | null,
  takenIds: () => Set<string>,
): RowUpdate[] {
  const updates: RowUpdate[] = [];
  for (const raw of rows) {
    if (isBlankRegisterRow(raw.cells)) continue;
    const values: RowUpdate['values'] = {};
    if (table.positions.id !== undefined && needsNewId(raw.cells)) {
      const taken = takenIds();
      values.id = newPageId(taken);
      taken.add(values.id as string);
    }
    const assessment = assess(raw);
    if (assessment !== null) {
      const entered = new Set(
        DEPT_REPORT_STAMPS.filter(
          ({ field, stamp }) =>
            table.positions[stamp] !== undefined && editedColumn(table, field, columns.first, columns.last),
        ).map(({ field }) => field),
      );
      Object.assign(
        values,
        deptReportStamps({
          entered,
          page: assessment.page,
          problems: assessment.problems,
          stampIsEmpty: (stamp) => isEmptyCell(raw.cells[stamp]),
          today,
        }),
      );
    }
    if (Object.keys(values).length > 0) updates.push({ row: raw.row, values });
  }
  return updates;
}

function applied(rows: readonly RawRow[], updates: readonly RowUpdate[]): RawRow[] {
  const byRow = new Map(updates.map((update) => [update.row, update.values]));
  return rows.map((raw) => {
    const values = byRow.get(raw.row);
    return values === undefined ? raw : { ...raw, cells: { ...raw.cells, ...values } };
  });
}

interface EditRead {
  table: RegisterTable;
  day: DayContext;
  /** Every data row: in full, or (with a current context cache) in the key columns only. */
  register: RawRow[];
  /** The edited rows, in full. */
  read: RawRow[];
  /** The other rows that can share a page or an organization with the edited ones, when the read plan found them (editReads.ts). */
  sharing?: SharingRows;
}

/**
 * With a current context cache entry whose header still matches the sheet (one getValues of the header
 * row): the key columns of the register and the edited rows in full. Null otherwise.
 */
function readFromCache(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  context: CachedContext,
  first: number,
  last: number,
): EditRead | null {
  const header = headerAt(sheet, context);
  return header === null ? null : readPlanned(sheet, context, header, first, last);
}

/**
 * The header row at a layout (the cache entry's or the stored one: registerLayout.ts), one getValues;
 * null when it is not the layout's header (a column moved, rows inserted above) or the sheet is narrower.
 * A stored layout's is read one column wider when the sheet has one more (sameStoredHeader).
 */
function headerAt(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: RegisterLayout, stored = false): unknown[] | null {
  const rangeOf = (width: number): GoogleAppsScript.Spreadsheet.Range | null => {
    try {
      return sheet.getRange(layout.headerRow, 1, 1, width);
    } catch {
      return null;
    }
  };
  const range = (stored ? rangeOf(layout.width + 1) : null) ?? rangeOf(layout.width);
  if (range === null) return null;
  const header = range.getValues()[0] ?? [];
  if (stored ? !sameStoredHeader(header, layout) : !sameHeader(header, layout.headers)) return null;
  return header.slice(0, layout.width);
}

/**
 * The edited rows in full and, of the other rows, only the key columns they need (registerWideReadsFor),
 * given the context and the header row as just read.
 */
function readPlanned(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  context: CachedContext,
  header: unknown[],
  first: number,
  last: number,
): EditRead {
  const place = { name: context.registerName, headerRow: context.headerRow, lastRow: last, timeZone: context.timeZone };
  const table = tableOfHeader(sheet, place, header);
  const day = dayContextOf(context.sheets, context.timeZone);
  const from = Math.max(first, table.headerRow + 1);
  // Nothing below the header edited, or no catalogue column: nothing to assess (handleEdit stops).
  if (last < from || Object.keys(table.positions).length === 0) return { table, day, register: [], read: [] };
  // The edited rows first: the key columns of the others depend on them, and some only on what the
  // first key columns hold (registerWideReadsFor).
  const read = readRows(table, from, last - from + 1);
  const reads = registerWideReadsFor(read, day.register);
  const keys = readKeyColumns(table, reads.first, reads.through);
  const { more, rows, sharing } = reads.then(keys);
  if (rows !== null) addKeyColumns(table, keys, more, rows.to, rows.from);
  table.lastRow = Math.max(last, table.headerRow + keys.length);
  return { table, day, register: keys, read, sharing };
}

/**
 * Without a current cache entry: the header (at the layout stored in the document properties when the
 * sheet's header row still is that one, else found in the sheet's first rows), «Настройки» and the
 * calendar read from the sheets and stored for the next edit; then only what the edit needs, as with the
 * cache (the first edit after the entry expired no longer reads the whole register).
 */
function readFromSheets(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  first: number,
  last: number,
  version: string | null,
): EditRead {
  const layout = storedLayout();
  const atLayout = layout !== null && layout.registerName === sheet.getName() ? headerAt(sheet, layout, true) : null;
  let context: CachedContext;
  let header: unknown[];
  if (layout !== null && atLayout !== null) {
    const timeZone = spreadsheet.getSpreadsheetTimeZone() || MOSCOW_TIME_ZONE;
    context = { ...layout, timeZone, sheets: readDaySheets(spreadsheet, timeZone) };
    header = atLayout;
  } else {
    const table = openRegisterTable(spreadsheet, sheet);
    rememberLayout(table);
    context = contextOf(table, readDaySheets(spreadsheet, table.timeZone));
    header = table.headers;
  }
  if (version !== null) storeContext(context, version);
  return readPlanned(sheet, context, header, first, last);
}

/** Handles an edit of `range` (the event's range). Returns the rows it assessed, for tests and the toast. */
export function handleEdit(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  range: GoogleAppsScript.Spreadsheet.Range,
): RowAssessment[] {
  const sheet = range.getSheet();
  const name = sheet.getName();
  // «Настройки» and the calendar feed every operation's context: a cached copy is stale now.
  if (name === SHEET_NAMES.settings || name === SHEET_NAMES.calendar) {
    bumpContextVersion();
    return [];
  }
  const lookup = lookUpContext();
  if (lookup.context !== null)
    return name === lookup.context.registerName ? editRegister(spreadsheet, range, lookup) : [];
  // Without an entry: the document properties read once (the remembered register name, the stored layout).
  return withDocumentPropertiesForRead(() =>
    isRegisterSheetName(name) ? editRegister(spreadsheet, range, lookup) : [],
  );
}

/** An edit of the register. */
function editRegister(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  range: GoogleAppsScript.Spreadsheet.Range,
  lookup: ContextLookup,
): RowAssessment[] {
  const sheet = range.getSheet();
  const cached = lookup.context;
  const edited = { first: range.getRow(), last: range.getLastRow() };
  const columns = { first: range.getColumn(), last: range.getLastColumn() };

  let readOrNull =
    cached !== null && edited.first > cached.headerRow ? readFromCache(sheet, cached, edited.first, edited.last) : null;
  if (readOrNull === null) {
    // The header row edited, or a cached header the sheet no longer has: positions may have changed, so
    // every cached context is made stale. Otherwise (no entry) the sheets read are stored for next time.
    const headerEdited = edited.first <= (cached?.headerRow ?? HEADER_SCAN_ROWS);
    const stale = headerEdited || cached !== null;
    if (stale) bumpContextVersion();
    readOrNull = readFromSheets(spreadsheet, sheet, edited.first, edited.last, stale ? null : lookup.version);
  }
  const { table, day, register, read, sharing } = readOrNull;
  // A header typed beyond the stored layout's width is invisible to its header check (registerLayout.ts).
  if (edited.first <= table.headerRow) forgetLayout();
  if (Object.keys(table.positions).length === 0) return [];
  const first = Math.max(edited.first, table.headerRow + 1);
  const last = edited.last;
  if (last < first) return [];

  // The register's IDs, gathered only when an edited row needs a new one (most edits do not).
  let taken: Set<string> | null = null;
  const takenIds = (): Set<string> =>
    (taken ??= new Set(register.map((raw) => String(raw.cells.id ?? '').trim()).filter((id) => id !== '')));
  const service = serviceUpdates(
    table,
    read,
    columns,
    day.register.today,
    (raw) => assessRow(raw, day.register),
    takenIds,
  );
  const rows = applied(read, service);
  const byRow = assessRowsInRegister(
    withRows(register, rows),
    new Set(rows.map((raw) => raw.row)),
    day.register,
    sharing,
  );
  const assessments = rows.map((raw) => byRow.get(raw.row) ?? null);
  writeColumns(table, [...service, ...computedUpdates(table, rows, byRow)], { current: read });

  refreshNotes(table, first, assessments);

  const withErrors = assessments.filter(
    (assessment): assessment is RowAssessment =>
      assessment !== null && assessment.problems.some((problem) => problem.severity === 'error'),
  );
  if (withErrors.length > 0) {
    const rowsText = withErrors
      .slice(0, 5)
      .map((assessment) => assessment.row)
      .join(', ');
    spreadsheet.toast(
      `${withErrors.length === 1 ? 'Строка' : 'Строки'} ${rowsText}${withErrors.length > 5 ? '…' : ''}: ошибки заполнения. ` +
        'Подробности — в примечаниях к отмеченным ячейкам.',
      MENU_TITLE,
      8,
    );
  }
  return assessments.filter((assessment): assessment is RowAssessment => assessment !== null);
}

/** The onEdit entry point. An error is left to Apps Script, which records it with the execution. */
export function onEditEvent(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  // onEdit is a global too: google.script.run.onEdit() passes no event, or JSON that only looks like one.
  // Only Apps Script's own event carries objects with methods (JSON cannot); anything else is ignored.
  const hasMethod = (value: unknown, method: string): boolean =>
    value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)[method] === 'function';
  if (event === null || typeof event !== 'object' || !hasMethod(event.range, 'getRow')) return;
  handleEdit(
    hasMethod(event.source, 'getSheetByName') ? event.source : SpreadsheetApp.getActiveSpreadsheet(),
    event.range,
  );
}
