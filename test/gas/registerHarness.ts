/**
 * Helpers for the register tests: the built bundle in the offline runtime, a register filled the way
 * departments fill it, and a full snapshot of a spreadsheet (values, formulas, notes, formats,
 * validation, conditional formatting, protections, frozen rows) to prove what setup changed and what
 * it did not.
 */
import { unescapeHtml } from '../../src/domain/htmlEscape';
import { createRuntime, type Runtime } from '../../dev/runtime';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const OWNER = 'omkit@shpakovsky.example.ru';
export const COORDINATOR = 'deputy@shpakovsky.example.ru';
export const CLERK = 'school1@shpakovsky.example.ru';

/** 09:00 Moscow time on `date`. */
export function moscowMorning(date: string): Date {
  return new Date(`${date}T09:00:00+03:00`);
}

/** Midnight Moscow time: what a date cell holds. */
export function day(date: string): Date {
  return new Date(`${date}T00:00:00+03:00`);
}

export function newRuntime(today: string, options: { user?: string } = {}): Runtime {
  const rt = createRuntime({
    now: moscowMorning(today),
    owner: OWNER,
    user: options.user ?? OWNER,
    editors: [COORDINATOR, CLERK],
  });
  rt.loadBundle();
  return rt;
}

/** A sheet with `rows` written from A1 (outside any counted operation). */
export function fillSheet(rt: Runtime, name: string, rows: unknown[][]): Sheet {
  return rt.quietly(() => {
    const sheet = rt.spreadsheet.getSheetByName(name) ?? rt.spreadsheet.insertSheet(name);
    const width = Math.max(...rows.map((row) => row.length));
    const padded = rows.map((row) => [...row, ...Array<unknown>(width - row.length).fill('')]);
    if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    if (sheet.getMaxRows() < rows.length + 10)
      sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 10 - sheet.getMaxRows());
    sheet.getRange(1, 1, padded.length, width).setValues(padded);
    return sheet;
  });
}

export function sheetOf(rt: Runtime, name: string): Sheet {
  const sheet = rt.quietly(() => rt.spreadsheet.getSheetByName(name));
  if (sheet === null) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Values of the used area. */
export function valuesOf(rt: Runtime, name: string): unknown[][] {
  return rt.quietly(() => sheetOf(rt, name).getDataRange().getValues());
}

/** The header row → column number (1-based). */
export function headerColumns(rt: Runtime, name: string, headerRow = 1): Record<string, number> {
  const header = rt.quietly(() => {
    const sheet = sheetOf(rt, name);
    return sheet.getRange(headerRow, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  });
  return Object.fromEntries(header.map((title, index) => [String(title), index + 1]));
}

/** One cell's value by header name. */
export function cell(rt: Runtime, name: string, row: number, header: string): unknown {
  const column = headerColumns(rt, name)[header];
  if (column === undefined) throw new Error(`no column ${header}`);
  return rt.quietly(() => sheetOf(rt, name).getRange(row, column).getValue());
}

export function note(rt: Runtime, name: string, row: number, header: string): string {
  const column = headerColumns(rt, name)[header];
  if (column === undefined) throw new Error(`no column ${header}`);
  return rt.quietly(() => sheetOf(rt, name).getRange(row, column).getNote());
}

function plain(value: unknown): unknown {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    return `Date(${(value as Date).toISOString()})`;
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object' && 'getA1Notation' in value) {
    return `Range(${(value as GoogleAppsScript.Spreadsheet.Range).getA1Notation()})`;
  }
  return value;
}

export interface SheetSnapshot {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  values: unknown[][];
  formulas: string[][];
  notes: string[][];
  numberFormats: string[][];
  validations: unknown[][];
  conditionalFormats: unknown[];
  protections: unknown[];
}

/** Everything setup could change on a sheet, as plain data. */
export function snapshotSheet(rt: Runtime, sheet: Sheet): SheetSnapshot {
  return rt.quietly(() => {
    const maxRows = sheet.getMaxRows();
    const maxColumns = sheet.getMaxColumns();
    const all = sheet.getRange(1, 1, maxRows, maxColumns);
    const protections = [
      ...sheet.getProtections(SpreadsheetAppEnum(rt).RANGE),
      ...sheet.getProtections(SpreadsheetAppEnum(rt).SHEET),
    ].map((protection) => ({
      description: protection.getDescription(),
      range: protection.getRange().getA1Notation(),
      warningOnly: protection.isWarningOnly(),
      editors: protection.isWarningOnly()
        ? []
        : protection
            .getEditors()
            .map((user) => user.getEmail())
            .sort(),
    }));
    return {
      name: sheet.getName(),
      maxRows,
      maxColumns,
      frozenRows: sheet.getFrozenRows(),
      values: plain(all.getValues()) as unknown[][],
      formulas: all.getFormulas(),
      notes: all.getNotes(),
      numberFormats: all.getNumberFormats(),
      validations: all
        .getDataValidations()
        .map((row) =>
          row.map((rule) =>
            rule === null
              ? null
              : [
                  String(rule.getCriteriaType()),
                  plain(rule.getCriteriaValues()),
                  rule.getAllowInvalid(),
                  rule.getHelpText(),
                ],
          ),
        ),
      conditionalFormats: sheet.getConditionalFormatRules().map((rule) => {
        const condition = rule.getBooleanCondition();
        return {
          criteria:
            condition === null ? null : [String(condition.getCriteriaType()), plain(condition.getCriteriaValues())],
          background: condition?.getBackground() ?? null,
          fontColor: condition?.getFontColor() ?? null,
          bold: condition?.getBold() ?? null,
          ranges: rule.getRanges().map((range) => range.getA1Notation()),
        };
      }),
      protections,
    };
  });
}

function SpreadsheetAppEnum(rt: Runtime): typeof SpreadsheetApp.ProtectionType {
  return (rt.services.SpreadsheetApp as unknown as typeof SpreadsheetApp).ProtectionType;
}

export function snapshot(rt: Runtime): SheetSnapshot[] {
  return rt.quietly(() => rt.spreadsheet.getSheets().map((sheet) => snapshotSheet(rt, sheet)));
}

/** The journal's data rows. */
export function journalRows(rt: Runtime): unknown[][] {
  const sheet = rt.quietly(() => rt.spreadsheet.getSheetByName('Журнал'));
  if (sheet === null) return [];
  return valuesOf(rt, 'Журнал').slice(1);
}

/** A finding of the check dialog (src/views/check.ts): its cell, column, severity and message, tags dropped, text unescaped. */
export interface CheckDialogRow {
  cell: string;
  column: string;
  severity: string;
  message: string;
  /** «cell | column | Ошибка: message». */
  text: string;
}

function dialogText(html: string): string {
  return unescapeHtml(html.replace(/<[^>]*>/g, ''));
}

export function checkDialogRows(html: string): CheckDialogRow[] {
  const pattern =
    /<tr><td class="cell">(.*?)<\/td><td>(.*?)<\/td><td><span class="severity-(\w+)">(.*?)<\/span> (.*?)<\/td><\/tr>/g;
  return [...html.matchAll(pattern)].map((match) => {
    const [cellText, column, severity, label, message] = match.slice(1).map((part) => part ?? '');
    const row = {
      cell: dialogText(cellText ?? ''),
      column: dialogText(column ?? ''),
      severity: severity ?? '',
      message: dialogText(message ?? ''),
    };
    return { ...row, text: `${row.cell} | ${row.column} | ${dialogText(label ?? '')} ${row.message}` };
  });
}

/** The text a person reads in the last dialog titled `title` (tags dropped, entities decoded, spaces collapsed). */
export function lastDialogText(rt: Runtime, title: string): string {
  const panel = rt.ui.panels.filter((candidate) => candidate.title === title).at(-1);
  if (panel === undefined) return '';
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(panel.html)?.[1] ?? '';
  return dialogText(main.replace(/<(\/li|\/p|\/h1|\/h2|br)>/g, ' $&'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the last «Настройка реестра» result dialog says, after its title (src/views/setup.ts). */
export function setupResult(rt: Runtime): string {
  return lastDialogText(rt, 'Настройка реестра').replace(/^Настройка реестра /, '');
}
