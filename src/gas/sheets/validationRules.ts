/**
 * Data validation of the register's columns, derived from the column catalogue. A rule rejects input
 * where that loses nothing (a choice from a list, a checkbox, a date — the person simply picks or
 * retypes it) and only warns where rejecting would throw away what a person typed (links, e-mails,
 * ОГРН, free text). Every rule carries the column's Russian help text after VALIDATION_HELP_PREFIX,
 * by which setup tells its own rules from the users': a column whose cells carry a rule of somebody
 * else's (a departments' dropdown on «Организация») keeps it, and ours is not set there.
 */
import { COLUMN_BY_KEY, COLUMNS, ORG_KINDS } from '../../domain/columns';
import { networkList } from '../../domain/links';
import { networkNames } from '../../domain/register';
import { extraNetworksOf, type Settings } from '../../domain/settings';
import type { ColumnKey } from '../../domain/types';
import { columnLetter, type RegisterTable } from './registerSheet';

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

/** The start of the help text of every rule of ours. */
export const VALIDATION_HELP_PREFIX = 'Реестр страниц: ';

/** Help texts of rules set before the prefix existed: the catalogue's own. */
const LEGACY_HELP: ReadonlySet<string> = new Set(COLUMNS.map((column) => column.help));

/** True for a rule setup wrote (recognised by its help text). */
export function isOurValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation): boolean {
  const help = rule.getHelpText() ?? '';
  return help.startsWith(VALIDATION_HELP_PREFIX) || LEGACY_HELP.has(help);
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
  // One page may be written twice in one cell, «;» between (links.ts, pageLinks).
  const one = `\\(?(https?://)?((www|m|mobile|new)\\.)?(${hosts.join('|')})(/[^\\s;()]*)?\\)?`;
  return `^${one}(;\\s*${one})*$`;
}

/** The «Социальная сеть» dropdown: the same list the checks accept (built-in networks, then the configured ones). */
export function registerNetworks(settings: Settings): string[] {
  return networkNames(extraNetworksOf(settings));
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
  const help = `${VALIDATION_HELP_PREFIX}${spec.help}`;
  const warn = (criterion: ValidationCriterion): ValidationSpec => ({ key, criterion, allowInvalid: true, help });
  const reject = (criterion: ValidationCriterion): ValidationSpec => ({ key, criterion, allowInvalid: false, help });
  switch (spec.kind) {
    case 'id': {
      const column = columnLetter(cell.column);
      return warn({ type: 'formula', formula: `=COUNTIF($${column}$${cell.row}:$${column},${ref})<=1` });
    }
    case 'list':
      return reject({ type: 'list', values: key === 'orgKind' ? [...ORG_KINDS] : registerNetworks(settings) });
    case 'checkbox':
      return reject({ type: 'checkbox' });
    case 'date':
      // A day of creation or deletion cannot be in the future; service and computed dates are any day.
      if (spec.role === 'input') return reject({ type: 'formula', formula: `=AND(ISDATE(${ref}),${ref}<=TODAY())` });
      return reject({ type: 'date' });
    case 'email':
      return warn({ type: 'email' });
    case 'url':
      return warn({
        type: 'formula',
        formula: `=REGEXMATCH(${text},${literal(linkPattern(registerNetworks(settings)))})`,
      });
    case 'ogrn':
      return warn({
        type: 'formula',
        formula:
          `=AND(REGEXMATCH(${text},"^[15]\\d{12}$"),` +
          `MOD(MOD(VALUE(LEFT(${text},12)),11),10)=VALUE(RIGHT(${text},1)))`,
      });
    case 'inn':
      // The control digit is checked by the add-on (schemas.ts); the rule flags what is not 10 digits.
      return warn({ type: 'formula', formula: `=REGEXMATCH(${text},"^\\d{10}$")` });
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

/** A column is looked at in at most this many runs of cells with a rule; with more it is taken for the users'. */
export const MAX_RULE_RUNS = 10;

/**
 * True when the column's cells carry no rule of somebody else's. The rules of a column come from a
 * few setDataValidation calls over blocks of rows, so the first and last cell of each run of cells
 * with a rule are looked at (a number of calls that does not grow with the rows); a column with more
 * than MAX_RULE_RUNS runs is left alone.
 */
export function onlyOurRules(cells: ReadonlyArray<GoogleAppsScript.Spreadsheet.DataValidation | null>): boolean {
  let runs = 0;
  for (let index = 0; index < cells.length; index += 1) {
    const first = cells[index];
    if (first === null || first === undefined) continue;
    let last = index;
    while (cells[last + 1] !== null && cells[last + 1] !== undefined) last += 1;
    runs += 1;
    if (runs > MAX_RULE_RUNS) return false;
    if (!isOurValidation(first)) return false;
    const end = cells[last];
    if (last > index && end && !isOurValidation(end)) return false;
    index = last;
  }
  return true;
}

export interface ValidationOutcome {
  /** Columns whose rule of ours was set. */
  applied: ColumnKey[];
  /** Columns left with the users' own rules. */
  kept: ColumnKey[];
}

/**
 * Sets the rule of every catalogue column over its data cells (header row excluded), one call per
 * column, except in a column whose cells carry a rule of somebody else's: that one is left as it is.
 * The rules already there are read in one getDataValidations.
 */
export function applyValidation(table: RegisterTable, settings: Settings, maxRows: number): ValidationOutcome {
  const first = table.headerRow + 1;
  const count = maxRows - table.headerRow;
  const outcome: ValidationOutcome = { applied: [], kept: [] };
  const entries = Object.entries(table.positions) as Array<[ColumnKey, number]>;
  if (count <= 0 || entries.length === 0) return outcome;
  const width = Math.max(...entries.map(([, position]) => position + 1));
  const existing = table.sheet.getRange(first, 1, count, width).getDataValidations();
  for (const [key, position] of entries.sort((a, b) => a[1] - b[1])) {
    const spec = validationSpec(key, { column: position + 1, row: first }, settings);
    if (spec === null) continue;
    if (!onlyOurRules(existing.map((row) => row[position] ?? null))) {
      outcome.kept.push(key);
      continue;
    }
    table.sheet.getRange(first, position + 1, count, 1).setDataValidation(buildRule(spec));
    outcome.applied.push(key);
  }
  return outcome;
}

/** The headers of columns left with the users' own rules, for setup's account. */
export function keptValidationHeaders(outcome: ValidationOutcome): string[] {
  return outcome.kept.map((key) => COLUMN_BY_KEY[key].header);
}
