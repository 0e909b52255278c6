/**
 * What the add-on may assert about a row: an error in a column it states keeps the row's events out of
 * every report (ЦУР letter, site list, digests); any error keeps its page out of the totals and its
 * organization out of the gap count (isUnreliableRow). Pure.
 */
import type { ColumnKey, Problem } from './types';

/**
 * The columns the letter states or an event's deadline depends on: an error in any of them keeps every
 * event of the row out of the letter (and off the site list) until it is fixed, since what the add-on
 * would assert about the page could be wrong.
 */
export const STATED_COLUMNS: readonly ColumnKey[] = [
  'organization',
  'orgKind',
  'network',
  'link',
  'createdOn',
  'deletedOn',
];

const STATED: ReadonlySet<ColumnKey | null> = new Set(STATED_COLUMNS);

/** Whether the row has an error in a stated column (statedErrors is not empty), without listing them. */
export function hasStatedError(row: { problems: readonly Problem[] }): boolean {
  return row.problems.some((problem) => problem.severity === 'error' && STATED.has(problem.column));
}

/** The errors of a row in the stated columns, each with its column. */
export function statedErrors(row: { problems: readonly Problem[] }): Array<{ column: ColumnKey; message: string }> {
  return row.problems.flatMap((problem) =>
    problem.severity === 'error' && problem.column !== null && STATED_COLUMNS.includes(problem.column)
      ? [{ column: problem.column, message: problem.message }]
      : [],
  );
}

/**
 * A row the totals cannot rely on: any error (its «Состояние» is «Ошибки заполнения»), or a page another
 * row already registers. Its page is not counted and its organization is not called a gap until it is
 * fixed — in the ЦУР letter, «Проверить реестр», «Обзор» and the control letter alike.
 */
export function isUnreliableRow(row: { problems: readonly Problem[] }, repeatsAnotherRow: boolean): boolean {
  return repeatsAnotherRow || row.problems.some((problem) => problem.severity === 'error');
}
