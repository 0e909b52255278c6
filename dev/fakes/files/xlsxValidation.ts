/**
 * Data validation between the fake and .xlsx. Excel has no "is a valid e-mail / URL / date" or
 * checkbox rules, so they are written as rules Excel understands and recognised again on reading:
 *  - checkbox → list "TRUE,FALSE" (how a checkbox survives in Excel);
 *  - valid date → date greater than 30.12.1899;
 *  - valid e-mail / URL → a custom formula of a fixed shape (see EMAIL_FORMULA, URL_FORMULA);
 *  - other date and number comparisons, lists, ranges and custom formulas map directly.
 * Help text becomes the input message; a rule that rejects invalid data becomes an error alert (stop).
 * Text comparisons (contains, equal to) are not written (listed in the save warnings).
 */
import type { DataValidation as ExcelValidation, DataValidationOperator } from 'exceljs';
import type { FakeContext } from '../context';
import { FakeDataValidation, type ValidationSpec } from '../dataValidation';
import { DataValidationCriteria as C } from '../enums';
import { fromWallTime, toSerial, wallTime } from '../timeZones';

type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

const EMAIL_FORMULA = (cell: string) => `ISNUMBER(MATCH("*?@?*.?*",${cell},0))`;
const URL_FORMULA = (cell: string) => `OR(LEFT(${cell},7)="http://",LEFT(${cell},8)="https://")`;
const EMAIL_PATTERN = /^ISNUMBER\(MATCH\("\*\?@\?\*\.\?\*",\$?[A-Z]+\$?\d+,0\)\)$/;
const URL_PATTERN = /^OR\(LEFT\(\$?[A-Z]+\$?\d+,7\)="http:\/\/",LEFT\(\$?[A-Z]+\$?\d+,8\)="https:\/\/"\)$/;

const DATE_OPERATORS: [Criteria, DataValidationOperator][] = [
  [C.DATE_AFTER, 'greaterThan'],
  [C.DATE_BEFORE, 'lessThan'],
  [C.DATE_BETWEEN, 'between'],
  [C.DATE_NOT_BETWEEN, 'notBetween'],
  [C.DATE_EQUAL_TO, 'equal'],
  [C.DATE_ON_OR_AFTER, 'greaterThanOrEqual'],
  [C.DATE_ON_OR_BEFORE, 'lessThanOrEqual'],
];
const NUMBER_OPERATORS: [Criteria, DataValidationOperator][] = [
  [C.NUMBER_BETWEEN, 'between'],
  [C.NUMBER_NOT_BETWEEN, 'notBetween'],
  [C.NUMBER_EQUAL_TO, 'equal'],
  [C.NUMBER_NOT_EQUAL_TO, 'notEqual'],
  [C.NUMBER_GREATER_THAN, 'greaterThan'],
  [C.NUMBER_GREATER_THAN_OR_EQUAL_TO, 'greaterThanOrEqual'],
  [C.NUMBER_LESS_THAN, 'lessThan'],
  [C.NUMBER_LESS_THAN_OR_EQUAL_TO, 'lessThanOrEqual'],
];

/** A date as exceljs writes it: the wall-clock time in `timeZone` as if it were UTC. */
export function toExcelDate(date: Date, timeZone: string): Date {
  const w = wallTime(date, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
}

export function fromExcelDate(date: Date, timeZone: string): Date {
  return fromWallTime(
    timeZone,
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

function quoteList(values: unknown[]): string {
  return `"${values.map(String).join(',')}"`;
}

/** The .xlsx rule for a fake rule on a range whose top-left cell is `topLeft` ('B2'); undefined if Excel has none. */
export function toExcelValidation(
  spec: ValidationSpec,
  topLeft: string,
  timeZone: string,
): ExcelValidation | undefined {
  const base: Partial<ExcelValidation> = {
    allowBlank: true,
    showErrorMessage: !spec.allowInvalid,
    ...(spec.allowInvalid ? {} : { errorStyle: 'stop' }),
    ...(spec.helpText ? { showInputMessage: true, prompt: spec.helpText } : {}),
  };
  const [a, b] = spec.values;
  const criteria = spec.criteria;
  const dateOperator = DATE_OPERATORS.find(([c]) => c === criteria)?.[1];
  const numberOperator = NUMBER_OPERATORS.find(([c]) => c === criteria)?.[1];
  const excelDate = (v: unknown) => toExcelDate(v as Date, timeZone);
  if (criteria === C.VALUE_IN_LIST) return { ...base, type: 'list', formulae: [quoteList(a as unknown[])] };
  if (criteria === C.CHECKBOX)
    return { ...base, type: 'list', formulae: [spec.values.length ? quoteList(spec.values) : '"TRUE,FALSE"'] };
  if (criteria === C.VALUE_IN_RANGE) {
    const range = a as GoogleAppsScript.Spreadsheet.Range;
    return {
      ...base,
      type: 'list',
      formulae: [`'${range.getSheet().getName().replace(/'/g, "''")}'!${range.getA1Notation()}`],
    };
  }
  if (criteria === C.DATE_IS_VALID_DATE)
    return { ...base, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1899, 11, 30))] };
  if (dateOperator) return { ...base, type: 'date', operator: dateOperator, formulae: spec.values.map(excelDate) };
  if (numberOperator)
    return { ...base, type: 'decimal', operator: numberOperator, formulae: [a, b].filter((v) => v !== undefined) };
  if (criteria === C.TEXT_IS_VALID_EMAIL) return { ...base, type: 'custom', formulae: [EMAIL_FORMULA(topLeft)] };
  if (criteria === C.TEXT_IS_VALID_URL) return { ...base, type: 'custom', formulae: [URL_FORMULA(topLeft)] };
  if (criteria === C.CUSTOM_FORMULA) return { ...base, type: 'custom', formulae: [String(a).replace(/^=/, '')] };
  return undefined;
}

function unquote(formula: string): string[] | undefined {
  const match = /^"(.*)"$/s.exec(formula.trim());
  return match ? (match[1] ?? '').split(',') : undefined;
}

/** The fake rule for an .xlsx rule; undefined when the fake cannot express it. */
export function fromExcelValidation(
  ctx: FakeContext,
  rule: ExcelValidation,
  timeZone: string,
): FakeDataValidation | undefined {
  const formulae = rule.formulae ?? [];
  const spec = (criteria: Criteria, values: unknown[]): FakeDataValidation =>
    new FakeDataValidation(ctx, {
      criteria,
      values,
      helpText: rule.prompt ?? null,
      allowInvalid: !(rule.showErrorMessage && (rule.errorStyle ?? 'stop') === 'stop'),
    });
  const first = String(formulae[0] ?? '');
  switch (rule.type) {
    case 'list': {
      const list = unquote(first);
      if (!list) return undefined;
      if (list.length === 2 && list[0]?.toUpperCase() === 'TRUE' && list[1]?.toUpperCase() === 'FALSE')
        return spec(C.CHECKBOX, []);
      return spec(C.VALUE_IN_LIST, [list, true]);
    }
    case 'date': {
      const dates = formulae.map((f) => fromExcelDate(f as Date, timeZone));
      if (rule.operator === 'greaterThan' && dates[0] && toSerial(dates[0], timeZone) <= 1)
        return spec(C.DATE_IS_VALID_DATE, []);
      const criteria = DATE_OPERATORS.find(([, op]) => op === (rule.operator ?? 'between'))?.[0];
      return criteria ? spec(criteria, dates) : undefined;
    }
    case 'decimal':
    case 'whole': {
      const criteria = NUMBER_OPERATORS.find(([, op]) => op === (rule.operator ?? 'between'))?.[0];
      return criteria ? spec(criteria, formulae.map(Number)) : undefined;
    }
    case 'custom':
      if (EMAIL_PATTERN.test(first)) return spec(C.TEXT_IS_VALID_EMAIL, []);
      if (URL_PATTERN.test(first)) return spec(C.TEXT_IS_VALID_URL, []);
      return spec(C.CUSTOM_FORMULA, [`=${first}`]);
    default:
      return undefined;
  }
}
