/**
 * «Проверка реестра»: the counts, problems of «Настройки», organizations without a page, and the problems
 * by row. Columns are named as the sheet's own header row names them; each address is a link that
 * selects its cell (src/ui/dialog.ts calls dialogSelectCell with the link's data-sheet and data-cell).
 */
import type { RegisterGap } from '../domain/registerCheck';
import type { Severity } from '../domain/types';
import { escapeHtml } from '../domain/htmlEscape';
import { attributes, list, paragraph, type DialogView } from './dialog';

export const CHECK_TITLE = 'Проверка реестра';

/** Rows listed in the dialog at most (the counts always cover all). */
export const MAX_LISTED_ROWS = 300;

export interface CheckItem {
  /** What the person reads: «Реестр!E12», or «Реестр!12:12» for the row as a whole. */
  cell: string;
  /** The sheet and the A1 of the cell (or of the row: «12:12») for the link. */
  sheet: string;
  a1: string;
  /** The header as the sheet's own row 1 writes it; «вся строка» for the row as a whole. */
  column: string;
  severity: Severity;
  /** Without the column's name (the column says it). */
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
  /** Rows with at least one problem. */
  rowsWithProblems: number;
  /** The first MAX_LISTED_ROWS of them, in sheet order: what the dialog lists. */
  findings: CheckRowFinding[];
  gaps: RegisterGap[];
  /** Organizations that would be gaps but for rows in error: not judged, as in the ЦУР letter. */
  undetermined: RegisterGap[];
  /** Problems in «Настройки» and the calendar sheet. */
  settingsProblems: string[];
}

/** The counts, in one sentence. */
export function checkSummary(result: CheckResult): string {
  return (
    `Строк в реестре: ${result.rows}. Ошибок: ${result.errors}, предупреждений: ${result.warnings} ` +
    `(строк с замечаниями: ${result.rowsWithProblems}). Организаций без действующей страницы и освобождения: ${result.gaps.length}.` +
    (result.undetermined.length === 0
      ? ''
      : ` Организаций, о которых нельзя судить из-за ошибок в их строках: ${result.undetermined.length}.`)
  );
}

/** «Реестр!E12» as a link selecting the cell. */
function cellLink(item: CheckItem): string {
  return (
    `<a href="#"${attributes({ 'data-action': 'select-cell', 'data-sheet': item.sheet, 'data-cell': item.a1, title: 'Выделить ячейку в таблице' })}>` +
    `${escapeHtml(item.cell)}</a>`
  );
}

const SEVERITY_LABELS: Record<Severity, string> = { error: 'Ошибка', warning: 'Внимание' };

function findingsTable(findings: readonly CheckRowFinding[]): string {
  const rows = findings.map((finding) => {
    const title = [`Строка ${finding.row}`, finding.organization, finding.id]
      .filter((part) => part !== null)
      .join(' · ');
    const items = finding.items.map(
      (item) =>
        `<tr><td class="cell">${cellLink(item)}</td><td>${escapeHtml(item.column)}</td>` +
        `<td><span class="severity-${item.severity}">${SEVERITY_LABELS[item.severity]}:</span> ${escapeHtml(item.message)}</td></tr>`,
    );
    return `<tbody><tr><th colspan="3" scope="rowgroup">${escapeHtml(title)}</th></tr>${items.join('')}</tbody>`;
  });
  return (
    '<table><thead><tr><th scope="col">Ячейка</th><th scope="col">Колонка</th><th scope="col">Замечание</th></tr></thead>' +
    `${rows.join('')}</table>`
  );
}

function gapList(gaps: readonly RegisterGap[]): string {
  return `<ul>${gaps.map((gap) => `<li><b>${escapeHtml(gap.organization)}</b>: ${escapeHtml(gap.message)}</li>`).join('')}</ul>`;
}

export function checkView(result: CheckResult): DialogView {
  const parts = [paragraph(checkSummary(result), 'lead')];
  if (result.settingsProblems.length > 0) {
    parts.push('<h2>Настройки и календарь</h2>', list(result.settingsProblems));
  }
  if (result.gaps.length > 0) {
    parts.push('<h2>Организации без действующей страницы и без освобождения (п. 4)</h2>', gapList(result.gaps));
  }
  if (result.undetermined.length > 0) {
    parts.push(
      '<h2>Организации, о которых нельзя судить, пока в их строках ошибки</h2>',
      paragraph(
        'Есть ли у них действующая страница или освобождение (п. 4), станет ясно, когда ошибки будут исправлены ' +
          '(они — в «Замечаниях по строкам»). До тех пор строка с ошибкой не считается ни страницей, ни ' +
          'освобождением — ни здесь, ни в итогах письма в ЦУР и «Обзора».',
        'muted',
      ),
      gapList(result.undetermined),
    );
  }
  if (result.findings.length === 0) {
    parts.push(paragraph('Замечаний к строкам нет.', 'ok'));
  } else {
    parts.push(
      '<h2>Замечания по строкам</h2>',
      paragraph(
        'Щёлкните адрес ячейки, чтобы выделить её в таблице; окно можно держать открытым, пока вы исправляете.',
        'muted',
      ),
      findingsTable(result.findings.slice(0, MAX_LISTED_ROWS)),
    );
    if (result.rowsWithProblems > result.findings.length) {
      parts.push(paragraph(`Показаны первые ${result.findings.length} строк из ${result.rowsWithProblems}.`));
    }
  }
  return { title: CHECK_TITLE, body: parts.join('\n'), width: 780, height: 560 };
}
