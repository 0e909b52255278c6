/**
 * «Проверить реестр»: the whole register in one read, «Срок» and «Состояние» in one write, our part of
 * the cell notes in one getNotes and at most one setNotes, and the problems in a dialog grouped by
 * row — each with its cell («Реестр!E12»), column and Russian message — headed by the counts.
 * Anyone may run it.
 */
import { COLUMN_BY_KEY } from '../../domain/columns';
import { escapeHtml } from '../../domain/htmlEscape';
import { assessRegister, type RegisterAssessment } from '../../domain/register';
import type { RegisterGap } from '../../domain/registerCheck';
import type { Severity } from '../../domain/types';
import { refreshNotes } from '../sheets/cellNotes';
import { computedUpdates } from '../sheets/computedColumns';
import { withScriptLock } from '../platform/lock';
import { readRegister } from '../sheets/registerRead';
import { cellAddress, quotedSheetName, type RegisterTable, REGISTER_NOT_FOUND } from '../sheets/registerSheet';
import { firstDataRow } from '../sheets/registerRows';
import { writeColumns } from '../sheets/registerWrite';

export const CHECK_TITLE = 'Проверка реестра';

/** Rows listed in the dialog at most (the counts always cover all). */
export const MAX_LISTED_ROWS = 300;

export interface CheckItem {
  /** «Реестр!E12», or «Реестр!12:12» for the row as a whole. */
  cell: string;
  column: string;
  severity: Severity;
  message: string;
}

export interface CheckRowFinding {
  row: number;
  organization: string | null;
  id: string | null;
  items: CheckItem[];
}

export interface CheckResult {
  rows: number;
  errors: number;
  warnings: number;
  findings: CheckRowFinding[];
  gaps: RegisterGap[];
  /** Organisations that would be gaps but for rows in error: not judged, as in the ЦУР letter. */
  undetermined: RegisterGap[];
  /** Problems in «Настройки» and the calendar sheet. */
  settingsProblems: string[];
}

/** The findings of an assessment, grouped by row in sheet order. */
export function checkResult(
  table: RegisterTable,
  assessment: RegisterAssessment,
  settingsProblems: string[] = [],
): CheckResult {
  let errors = 0;
  let warnings = 0;
  const findings: CheckRowFinding[] = [];
  for (const row of assessment.rows) {
    if (row.problems.length === 0) continue;
    const items = row.problems.map((problem): CheckItem => {
      if (problem.severity === 'error') errors += 1;
      else warnings += 1;
      const cell = problem.column === null ? null : cellAddress(table, row.row, problem.column);
      return {
        cell: cell ?? `${quotedSheetName(table.name)}!${row.row}:${row.row}`,
        column: problem.column === null ? 'вся строка' : COLUMN_BY_KEY[problem.column].header,
        severity: problem.severity,
        message: problem.message,
      };
    });
    findings.push({ row: row.row, organization: row.page.organization, id: row.page.id, items });
  }
  return {
    rows: assessment.rows.length,
    errors,
    warnings,
    findings,
    gaps: assessment.gaps,
    undetermined: assessment.undetermined,
    settingsProblems,
  };
}

/** The toast: counts only. */
export function checkSummary(result: CheckResult): string {
  return (
    `Строк в реестре: ${result.rows}. Ошибок: ${result.errors}, предупреждений: ${result.warnings} ` +
    `(строк с замечаниями: ${result.findings.length}). Организаций без действующей страницы и освобождения: ${result.gaps.length}.` +
    (result.undetermined.length === 0 ? '' : ` Не определить из-за ошибок в строках: ${result.undetermined.length}.`)
  );
}

/** The dialog's HTML; every value from the sheet is escaped. */
export function checkReportHtml(result: CheckResult): string {
  const parts: string[] = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><style>',
    'body{font:13px Arial,sans-serif;color:#202124;margin:8px}h2{font-size:15px;margin:16px 0 6px}',
    'table{border-collapse:collapse;width:100%}td,th{border:1px solid #dadce0;padding:3px 6px;text-align:left;vertical-align:top}',
    'th{background:#f1f3f4}.row{background:#f8f9fa;font-weight:bold}.error{color:#a50e0e}.warning{color:#8a5a00}',
    '</style></head><body>',
    `<p>${escapeHtml(checkSummary(result))}</p>`,
  ];
  if (result.settingsProblems.length > 0) {
    parts.push('<h2>Настройки и календарь</h2><ul>');
    for (const problem of result.settingsProblems) parts.push(`<li>${escapeHtml(problem)}</li>`);
    parts.push('</ul>');
  }
  if (result.gaps.length > 0) {
    parts.push('<h2>Организации без действующей страницы и без освобождения (п. 4)</h2><ul>');
    for (const gap of result.gaps)
      parts.push(`<li><b>${escapeHtml(gap.organization)}</b>: ${escapeHtml(gap.message)}</li>`);
    parts.push('</ul>');
  }
  if (result.undetermined.length > 0) {
    parts.push('<h2>Организации, о которых нельзя судить, пока в их строках ошибки</h2><ul>');
    for (const gap of result.undetermined)
      parts.push(`<li><b>${escapeHtml(gap.organization)}</b>: ${escapeHtml(gap.message)}</li>`);
    parts.push('</ul>');
  }
  if (result.findings.length === 0) {
    parts.push('<p>Замечаний к строкам нет.</p>');
  } else {
    parts.push('<h2>Замечания по строкам</h2><table><tr><th>Ячейка</th><th>Колонка</th><th>Замечание</th></tr>');
    for (const finding of result.findings.slice(0, MAX_LISTED_ROWS)) {
      const title = [`Строка ${finding.row}`, finding.organization, finding.id]
        .filter((part) => part !== null)
        .join(' · ');
      parts.push(`<tr class="row"><td colspan="3">${escapeHtml(title)}</td></tr>`);
      for (const item of finding.items) {
        const label = item.severity === 'error' ? 'Ошибка' : 'Внимание';
        parts.push(
          `<tr><td>${escapeHtml(item.cell)}</td><td>${escapeHtml(item.column)}</td>` +
            `<td class="${item.severity}">${label}: ${escapeHtml(item.message)}</td></tr>`,
        );
      }
    }
    parts.push('</table>');
    if (result.findings.length > MAX_LISTED_ROWS) {
      parts.push(`<p>Показаны первые ${MAX_LISTED_ROWS} строк из ${result.findings.length}.</p>`);
    }
  }
  parts.push('</body></html>');
  return parts.join('');
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
  // The counts head the dialog (checkReportHtml); a toast would repeat them at the cost of a call.
  const output = HtmlService.createHtmlOutput(checkReportHtml(result)).setWidth(760).setHeight(560);
  ui.showModalDialog(output, CHECK_TITLE);
}
