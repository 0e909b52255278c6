/**
 * «Проверить реестр»: the whole register in one read, «Срок» and «Состояние» in one write, our part of
 * the cell notes in one getNotes and at most one setNotes, and the problems in a dialog grouped by
 * row — each with its cell («Реестр!E12», a link selecting it), the column as the sheet's header names
 * it and a Russian message — headed by the counts (src/views/check.ts).
 * Anyone may run it.
 */
import { COLUMN_BY_KEY } from '../../domain/columns';
import { assessRegister, type RegisterAssessment } from '../../domain/register';
import {
  CHECK_TITLE,
  MAX_LISTED_ROWS,
  checkView,
  type CheckItem,
  type CheckResult,
  type CheckRowFinding,
} from '../../views/check';
import { showDialog } from './dialog';
import { refreshNotes } from '../sheets/cellNotes';
import { computedUpdates } from '../sheets/computedColumns';
import { withScriptLock } from '../platform/lock';
import { readRegister } from '../sheets/registerRead';
import { columnLetter, quotedSheetName, type RegisterTable, REGISTER_NOT_FOUND } from '../sheets/registerSheet';
import { firstDataRow } from '../sheets/registerRows';
import { writeColumns } from '../sheets/registerWrite';

export { CHECK_TITLE };

/** A message without the «Column»: the domain puts before it (the dialog's own column names it). */
function withoutColumnName(message: string, header: string): string {
  const prefix = `«${header}»: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/**
 * The findings of an assessment, grouped by row in sheet order, the columns named as the sheet names them:
 * the rows the dialog lists (MAX_LISTED_ROWS), the others counted only — at 10,000 rows, making an item
 * of every problem was a tenth of the check's memory.
 */
export function checkResult(
  table: RegisterTable,
  assessment: RegisterAssessment,
  settingsProblems: string[] = [],
): CheckResult {
  let errors = 0;
  let warnings = 0;
  let rowsWithProblems = 0;
  const findings: CheckRowFinding[] = [];
  const sheet = quotedSheetName(table.name);
  for (const row of assessment.rows) {
    if (row.problems.length === 0) continue;
    rowsWithProblems += 1;
    if (findings.length === MAX_LISTED_ROWS) {
      for (const problem of row.problems) {
        if (problem.severity === 'error') errors += 1;
        else warnings += 1;
      }
      continue;
    }
    const items = row.problems.map((problem): CheckItem => {
      if (problem.severity === 'error') errors += 1;
      else warnings += 1;
      const key = problem.column;
      const position = key === null ? undefined : table.positions[key];
      if (key === null || position === undefined) {
        return {
          cell: `${sheet}!${row.row}:${row.row}`,
          sheet: table.name,
          a1: `${row.row}:${row.row}`,
          column: key === null ? 'вся строка' : COLUMN_BY_KEY[key].header,
          severity: problem.severity,
          message: problem.message,
        };
      }
      const canonical = COLUMN_BY_KEY[key].header;
      const a1 = `${columnLetter(position + 1)}${row.row}`;
      return {
        cell: `${sheet}!${a1}`,
        sheet: table.name,
        a1,
        column: String(table.headers[position] ?? '').trim() || canonical,
        severity: problem.severity,
        message: withoutColumnName(problem.message, canonical),
      };
    });
    findings.push({ row: row.row, organization: row.page.organization, id: row.page.id, items });
  }
  return {
    rows: assessment.rows.length,
    errors,
    warnings,
    rowsWithProblems,
    findings,
    gaps: assessment.gaps,
    undetermined: assessment.undetermined,
    settingsProblems,
  };
}

/** Reads, assesses, writes «Срок»/«Состояние». Null when there is no register. Runs under the script lock. */
export function checkRegister(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): CheckResult | null {
  const read = readRegister(spreadsheet);
  if (read === null) return null;
  const { table, rows, day } = read;
  const assessment = assessRegister(rows, day.register);
  const byRow = new Map(assessment.rows.map((row) => [row.row, row]));
  writeColumns(table, computedUpdates(table, rows, byRow), { current: rows });
  // Our notes on every row, so that a row fixed elsewhere (the sidebar, a paste) loses its «Ошибка».
  refreshNotes(
    table,
    firstDataRow(table),
    rows.map((raw) => byRow.get(raw.row) ?? null),
  );
  return checkResult(table, assessment, [
    ...day.settings.problems.map((problem) => problem.message),
    ...day.calendar.problems.map((problem) => problem.message),
  ]);
}

/** The menu action. */
export function runCheck(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  // The dialog is all that follows: the lock goes when the script ends.
  const locked = withScriptLock(() => checkRegister(spreadsheet), { timeoutMs: 10_000, keepUntilExit: true });
  if (!locked.ok) {
    ui.alert(CHECK_TITLE, locked.message, ui.ButtonSet.OK);
    return;
  }
  const result = locked.value;
  if (result === null) {
    ui.alert(CHECK_TITLE, REGISTER_NOT_FOUND, ui.ButtonSet.OK);
    return;
  }
  // The counts head the dialog; a toast would repeat them at the cost of a call. Modeless: the person
  // selects a cell from the list and corrects it with the list still open.
  showDialog(checkView(result), { modeless: true });
}
