/**
 * «Настроить реестр» interrupted by a service error at any of its writes (each of the first eight calls
 * of every writing method), then run again: the result is what one uninterrupted run gives (IDs aside,
 * which are random) but for the KNOWN_GAPS below, and what people wrote is never touched, not even by the
 * interrupted run.
 */
import type { Runtime } from '../../dev/runtime';
import { fillSheet, newRuntime, setupResult } from '../gas/registerHarness';
import { TODAY, departmentsRows } from '../gas/registerFixtures';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SERVICE_ERROR = 'Service Spreadsheets failed while accessing document with id 1FakeSpreadsheetId.';
const WRITES =
  /^(Range|Sheet|Spreadsheet|Protection|Properties)\.(set|insert|delete|add|remove|protect|clear|append|hide)/;
const CALLS_PER_METHOD = 8;

/**
 * What a second run does not repair (reported in issue 7), by the method whose call was interrupted:
 *  - the formatting of a service sheet (frozen header, date format, validation of its cells) is applied
 *    only when setup creates or fills the sheet, so an interruption between filling and formatting
 *    leaves it without; its content is complete;
 *  - a protection is created, then described: interrupted in between, it stays without a description,
 *    which is how setup recognises its own, so the next run adds a described one beside it.
 */
const SERVICE_SHEET_FORMATTING = ['Настройки', 'Производственный календарь'].flatMap((sheet) =>
  ['frozenRows', 'formats', 'validations'].map((field) => `${sheet}.${field}`),
);
const KNOWN_GAPS: Readonly<Record<string, readonly string[]>> = {
  'Range.setDataValidation': SERVICE_SHEET_FORMATTING,
  'Range.setFontWeight': SERVICE_SHEET_FORMATTING,
  'Range.setNumberFormat': SERVICE_SHEET_FORMATTING,
  'Sheet.setFrozenRows': SERVICE_SHEET_FORMATTING,
  'Protection.setDescription': ['Реестр.undescribed'],
};

function departments(): Runtime {
  const rt = newRuntime(TODAY);
  fillSheet(rt, 'Реестр', departmentsRows());
  return rt;
}

interface LightSnapshot {
  name: string;
  frozenRows: number;
  values: unknown[][];
  formulas: string[][];
  notes: string[][];
  formats: string[][];
  validations: unknown[][];
  conditional: unknown[];
  /** Protections with a description (setup recognises its own by theirs). */
  protections: unknown[];
  /** Protections without one. */
  undescribed: number;
}

const plain = (value: unknown): unknown =>
  Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).toISOString() : value;

function protectionsOf(rt: Runtime, sheet: Sheet): GoogleAppsScript.Spreadsheet.Protection[] {
  const types = (rt.services.SpreadsheetApp as unknown as typeof SpreadsheetApp).ProtectionType;
  return [...sheet.getProtections(types.RANGE), ...sheet.getProtections(types.SHEET)];
}

function snapshotOf(rt: Runtime, sheet: Sheet): LightSnapshot {
  const rows = Math.min(sheet.getLastRow() + 2, sheet.getMaxRows());
  const area = sheet.getRange(1, 1, rows, sheet.getLastColumn() || 1);
  const values = area.getValues().map((row) => row.map(plain));
  if (sheet.getName() === 'Реестр') {
    const id = values[0]?.indexOf('ID') ?? -1;
    for (const row of values.slice(1)) if (id >= 0 && row[id] !== '') row[id] = 'ID';
  }
  const protections = protectionsOf(rt, sheet);
  return {
    name: sheet.getName(),
    frozenRows: sheet.getFrozenRows(),
    values,
    formulas: area.getFormulas(),
    notes: area.getNotes(),
    formats: area.getNumberFormats(),
    validations: area
      .getDataValidations()
      .map((row) =>
        row.map((rule) =>
          rule === null
            ? null
            : [String(rule.getCriteriaType()), rule.getCriteriaValues().map(plain), rule.getAllowInvalid()],
        ),
      ),
    conditional: sheet
      .getConditionalFormatRules()
      .map((rule) => [
        rule.getRanges().map((range) => range.getA1Notation()),
        rule.getBooleanCondition()?.getCriteriaValues().map(plain),
        rule.getBooleanCondition()?.getBackground(),
      ]),
    protections: protections
      .filter((protection) => protection.getDescription() !== '')
      .map((protection) => [
        protection.getDescription(),
        protection.getRange().getA1Notation(),
        protection.isWarningOnly(),
        protection.isWarningOnly()
          ? []
          : protection
              .getEditors()
              .map((user) => user.getEmail())
              .sort(),
      ]),
    undescribed: protections.filter((protection) => protection.getDescription() === '').length,
  };
}

/**
 * Every sheet but «Журнал»: the used area and two rows below it (values, formulas, notes, formats,
 * validation), conditional formats and protections; ID values masked.
 */
function state(rt: Runtime): LightSnapshot[] {
  return rt.quietly(() =>
    rt.spreadsheet
      .getSheets()
      .filter((sheet) => sheet.getName() !== 'Журнал')
      .map((sheet) => snapshotOf(rt, sheet)),
  );
}

/** 'Sheet.field' of every field that differs. */
function differences(expected: readonly LightSnapshot[], actual: readonly LightSnapshot[]): string[] {
  return expected.flatMap((sheet) => {
    const other = actual.find((candidate) => candidate.name === sheet.name);
    if (other === undefined) return [`${sheet.name}: missing`];
    return (Object.keys(sheet) as Array<keyof LightSnapshot>)
      .filter((field) => JSON.stringify(sheet[field]) !== JSON.stringify(other[field]))
      .map((field) => `${sheet.name}.${field}`);
  });
}

/** The departments' own cells (their columns, their rows). */
function theirCells(rt: Runtime): unknown[][] {
  const original = departmentsRows();
  return rt.quietly(() =>
    rt.spreadsheet
      .getSheetByName('Реестр')!
      .getRange(1, 1, original.length, (original[0] as unknown[]).length)
      .getValues(),
  );
}

const clean = departments();
const written = theirCells(clean);
const { calls } = clean.measure(() => clean.menu('menuSetup'));
const expected = state(clean);
const writes = Object.entries(calls.byMethod).flatMap(([method, count]) =>
  WRITES.test(method)
    ? Array.from({ length: Math.min(count, CALLS_PER_METHOD) }, (_, index) => [method, index + 1] as const)
    : [],
);

describe('setup interrupted by a service error, then run again', () => {
  it('has writes to interrupt', () => {
    expect(writes.length).toBeGreaterThan(40);
  });

  it.each(writes)('at %s call %i: the second run gives the state of one clean run', (method, nth) => {
    const rt = departments();
    rt.ctx.failOn(method, nth, SERVICE_ERROR);
    let error: unknown;
    try {
      rt.menu('menuSetup');
    } catch (caught) {
      error = caught;
    }
    // The interruption is reported: by Apps Script (the exception) or by setup's own message.
    expect(error !== undefined || setupResult(rt) === '').toBe(true);
    expect(theirCells(rt)).toEqual(written);
    rt.menu('menuSetup');
    expect(setupResult(rt)).toMatch(/^Готово/);
    for (const field of differences(expected, state(rt))) expect(KNOWN_GAPS[method] ?? []).toContain(field);
  });
});
