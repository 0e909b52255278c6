/**
 * Data validation of the register's columns, derived from the column catalogue. A rule rejects input
 * where that loses nothing (a choice from a list, a checkbox, a date — the person simply picks or
 * retypes it) and only warns where rejecting would throw away what a person typed (links, e-mails,
 * ОГРН, free text). Every rule carries the column's Russian help text.
 */
import { COLUMNS, ORG_KINDS } from '../domain/columns';
import { networkList } from '../domain/links';
import type { Settings } from '../domain/settings';
import type { ColumnKey } from '../domain/types';
import { columnLetter, type RegisterTable } from './registerTable';

export type ValidationCriterion =
  | { type: 'list'; values: string[] }
  | { type: 'checkbox' }
  | { type: 'date' }
  | { type: 'email' }
  | { type: 'formula'; formula: string };

export interface ValidationSpec {
  key: ColumnKey;
  criterion: ValidationCriterion;
  /** True: a warning mark only; false: Sheets refuses the input. */
  allowInvalid: boolean;
  help: string;
}

/** Longest free text accepted without a warning. */
export const MAX_TEXT_LENGTH = 1000;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A formula-string literal: quotes doubled. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The link pattern: a page on one of the known networks' hosts, or any web address when a configured network has no known hosts. */
export function linkPattern(networks: readonly string[]): string {
  const known = networkList();
  const unknown = networks.some(
    (name) => !known.some((network) => network.name.toLowerCase() === name.trim().toLowerCase()),
  );
  if (unknown) return '^(https?://)?[^\\s/]+\\.[^\\s/]+(/\\S*)?$';
  const hosts = known.flatMap((network) => network.hosts).map(escapeRegex);
  return `^(https?://)?((www|m)\\.)?(${hosts.join('|')})(/\\S*)?$`;
}

/**
 * The rule for a catalogue column whose cells start at `cell` (A1 of its first data row, e.g. «E2»),
 * or null for a column without one (the computed «Состояние»).
 */
export function validationSpec(
  key: ColumnKey,
  cell: { column: number; row: number },
  settings: Settings,
): ValidationSpec | null {
  const spec = COLUMNS.find((column) => column.key === key);
  if (spec === undefined) return null;
  const ref = `${columnLetter(cell.column)}${cell.row}`;
  const text = `TO_TEXT(${ref})`;
  const help = spec.help;
  const warn = (criterion: ValidationCriterion): ValidationSpec => ({ key, criterion, allowInvalid: true, help });
  const reject = (criterion: ValidationCriterion): ValidationSpec => ({ key, criterion, allowInvalid: false, help });
  switch (spec.kind) {
    case 'id': {
      const column = columnLetter(cell.column);
      return warn({ type: 'formula', formula: `=COUNTIF($${column}$${cell.row}:$${column},${ref})<=1` });
    }
    case 'list':
      return reject({ type: 'list', values: key === 'orgKind' ? [...ORG_KINDS] : [...settings.networks] });
    case 'checkbox':
      return reject({ type: 'checkbox' });
    case 'date':
      // A day of creation or deletion cannot be in the future; service and computed dates are any day.
      if (spec.role === 'input') return reject({ type: 'formula', formula: `=AND(ISDATE(${ref}),${ref}<=TODAY())` });
      return reject({ type: 'date' });
    case 'email':
      return warn({ type: 'email' });
    case 'url':
      return warn({ type: 'formula', formula: `=REGEXMATCH(${text},${literal(linkPattern(settings.networks))})` });
    case 'ogrn':
      return warn({
        type: 'formula',
        formula:
          `=AND(REGEXMATCH(${text},"^\\d{13}$"),` + `MOD(MOD(VALUE(LEFT(${text},12)),11),10)=VALUE(RIGHT(${text},1)))`,
      });
    case 'text':
      if (spec.role === 'computed') return null;
      return warn({ type: 'formula', formula: `=LEN(${text})<=${MAX_TEXT_LENGTH}` });
  }
}

function buildRule(spec: ValidationSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  let builder = SpreadsheetApp.newDataValidation();
  const criterion = spec.criterion;
  switch (criterion.type) {
    case 'list':
      builder = builder.requireValueInList(criterion.values, true);
      break;
    case 'checkbox':
      builder = builder.requireCheckbox();
      break;
    case 'date':
      builder = builder.requireDate();
      break;
    case 'email':
      builder = builder.requireTextIsEmail();
      break;
    case 'formula':
      builder = builder.requireFormulaSatisfied(criterion.formula);
      break;
  }
  return builder.setAllowInvalid(spec.allowInvalid).setHelpText(spec.help).build();
}

/** Sets the rule of every catalogue column over its data cells (header row excluded), one call per column. */
export function applyValidation(table: RegisterTable, settings: Settings, maxRows: number): number {
  const first = table.headerRow + 1;
  const count = maxRows - table.headerRow;
  if (count <= 0) return 0;
  let applied = 0;
  for (const [key, position] of Object.entries(table.positions) as Array<[ColumnKey, number]>) {
    const spec = validationSpec(key, { column: position + 1, row: first }, settings);
    if (spec === null) continue;
    table.sheet.getRange(first, position + 1, count, 1).setDataValidation(buildRule(spec));
    applied += 1;
  }
  return applied;
}
