/**
 * The simple onEdit trigger on the register. Runs as the person who edited, within 30 s, with no mail
 * and no UI beyond a toast. It reads the header, the register's data block in one getValues (the
 * edited rows need the whole register's IDs and links: the same page or ID twice is an error there as
 * in the full check) and the notes of the edited rows, and writes back only the edited rows (one cell
 * or a multi-row paste): the ID of a new row, the «Сообщено в отдел (…)» stamp when a creation or
 * deletion date is first entered, «Срок», «Состояние» and our part of the notes of cells with a
 * problem. It never changes what the person typed. Its service calls do not depend on the size of the
 * register.
 */
import { assessRow, assessRowsInRegister, isBlankRegisterRow } from '../domain/register';
import { DEPT_REPORT_STAMPS, deptReportStamps } from '../domain/reportStamps';
import type { ColumnKey, RowAssessment } from '../domain/types';
import { refreshNotes } from './cellNotes';
import { computedUpdates, loadDayContext } from './computedColumns';
import { newPageId } from './ids';
import { MENU_TITLE } from './menu';
import {
  isRegisterSheetName,
  openRegisterTable,
  readRows,
  writeColumns,
  type RawRow,
  type RegisterTable,
  type RowUpdate,
} from './registerTable';

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
  taken: Set<string>,
): RowUpdate[] {
  const updates: RowUpdate[] = [];
  for (const raw of rows) {
    if (isBlankRegisterRow(raw.cells)) continue;
    const values: RowUpdate['values'] = {};
    if (table.positions.id !== undefined && String(raw.cells.id ?? '').trim() === '') {
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

/** Handles an edit of `range` (the event's range). Returns the rows it assessed, for tests and the toast. */
export function handleEdit(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  range: GoogleAppsScript.Spreadsheet.Range,
): RowAssessment[] {
  const sheet = range.getSheet();
  if (!isRegisterSheetName(sheet.getName())) return [];
  const table = openRegisterTable(spreadsheet, sheet);
  if (Object.keys(table.positions).length === 0) return [];
  const first = Math.max(range.getRow(), table.headerRow + 1);
  const last = range.getLastRow();
  if (last < first) return [];
  const columns = { first: range.getColumn(), last: range.getLastColumn() };

  const day = loadDayContext(spreadsheet, table.timeZone);
  const dataStart = table.headerRow + 1;
  const register = readRows(table, dataStart, Math.max(table.lastRow, last) - table.headerRow);
  const read = register.slice(first - dataStart, last - dataStart + 1);
  const taken = new Set(register.map((raw) => String(raw.cells.id ?? '').trim()).filter((id) => id !== ''));
  const service = serviceUpdates(
    table,
    read,
    columns,
    day.register.today,
    (raw) => assessRow(raw, day.register),
    taken,
  );
  const rows = applied(read, service);
  const byRow = assessRowsInRegister(applied(register, service), new Set(rows.map((raw) => raw.row)), day.register);
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
  handleEdit(event.source ?? SpreadsheetApp.getActiveSpreadsheet(), event.range);
}
