/**
 * «Обзор» as setup leaves it: three embedded charts recorded by the fakes, hidden helper columns, protected
 * like the other service sheets; a second setup writes nothing to it; and its formulas keep their values when
 * the register's columns are moved (they find columns by header, not by position).
 */
import { BENCH_OWNER, BENCH_TODAY, benchSettings } from '../../bench/generate';
import { benchRuntime } from '../../bench/scenario';
import { computeOverview } from '../../dev/overview';
import { unwrap } from '../../dev/fakes/fakeObject';
import type { FakeSheet } from '../../dev/fakes/sheet';
import type { Runtime } from '../../dev/runtime';
import { sampleRegisterInput } from '../../dev/sample/register';
import { HELPER_FIRST_COLUMN } from '../../src/domain/overview';

function setUp(): Runtime {
  const values = sampleRegisterInput();
  const rt = benchRuntime({
    size: values.length - 1,
    seed: 0,
    values: values as never,
    settings: benchSettings(),
    recentRows: [],
  });
  rt.menu('menuSetup');
  return rt;
}

function overviewSheet(rt: Runtime): FakeSheet {
  const sheet = unwrap(rt.spreadsheet).sheets.find((candidate) => candidate.name === 'Обзор');
  if (sheet === undefined) throw new Error('no «Обзор»');
  return sheet;
}

const figuresOf = (rt: Runtime) => {
  const overview = computeOverview(rt.spreadsheet, BENCH_TODAY, ['ВКонтакте', 'Одноклассники']);
  overview.evaluated.destroy();
  return overview.figures;
};

describe('«Обзор» after setup', () => {
  const rt = setUp();

  it('holds three charts, each recorded with its type, range, title and place', () => {
    const charts = overviewSheet(rt).charts.map((chart) => chart.spec);
    expect(charts.map((chart) => [chart.type, chart.options.title])).toEqual([
      ['PIE', 'Действующие страницы по сетям'],
      ['BAR', 'Состояние строк реестра'],
      ['COLUMN', 'Создано и удалено страниц по месяцам этого года'],
    ]);
    for (const chart of charts) {
      expect(chart.ranges).toHaveLength(1);
      expect(chart.ranges[0]).toMatch(/^A\d+:[BC]\d+$/);
      expect(chart.numHeaders).toBe(1);
      expect(chart.column).toBeGreaterThan(5); // beside the figures, not over them
    }
  });

  it('hides the helper columns and is protected for the coordinators', () => {
    const sheet = overviewSheet(rt);
    expect(sheet.hiddenColumns.has(HELPER_FIRST_COLUMN)).toBe(true);
    const protections = rt.quietly(
      () => rt.spreadsheet.getSheetByName('Обзор')?.getProtections(SpreadsheetAppProtection(rt)) ?? [],
    );
    expect(protections).toHaveLength(1);
    const editors = rt.quietly(() => protections[0]?.getEditors().map((user) => user.getEmail()) ?? []);
    expect(editors).toContain(BENCH_OWNER);
  });

  it('a second setup writes nothing to it: no chart replaced, no formula rewritten', () => {
    const sheet = overviewSheet(rt);
    const before = {
      formulas: JSON.stringify([...sheet.grid.cells()].map(([r, c, cell]) => [r, c, cell.formula ?? cell.value])),
      ids: sheet.charts.map((chart) => chart.chartId),
    };
    const { calls } = rt.measure(() => rt.menu('menuSetup'));
    expect(calls.byMethod['Sheet.insertChart']).toBeUndefined();
    expect(calls.byMethod['Sheet.removeChart']).toBeUndefined();
    expect(calls.byMethod['Sheet.hideColumns']).toBeUndefined();
    const after = {
      formulas: JSON.stringify([...sheet.grid.cells()].map(([r, c, cell]) => [r, c, cell.formula ?? cell.value])),
      ids: sheet.charts.map((chart) => chart.chartId),
    };
    expect(after).toEqual(before);
  });

  it('keeps its figures when the register’s columns are moved, without setup', () => {
    const before = figuresOf(rt);
    // Swap «Социальная сеть» and «Состояние» with everything below them, as a person dragging columns would.
    rt.quietly(() => {
      const register = rt.spreadsheet.getSheetByName('Реестр') as GoogleAppsScript.Spreadsheet.Sheet;
      const header = register.getRange(1, 1, 1, register.getLastColumn()).getValues()[0] as unknown[];
      const a = header.indexOf('Соцсеть') + 1;
      const b = header.indexOf('Состояние') + 1;
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      const rows = register.getLastRow();
      const left = register.getRange(1, a, rows, 1).getValues();
      const right = register.getRange(1, b, rows, 1).getValues();
      register.getRange(1, a, rows, 1).clearDataValidations().setValues(right);
      register.getRange(1, b, rows, 1).clearDataValidations().setValues(left);
    });
    expect(figuresOf(rt)).toEqual(before);
  }, 60_000);
});

function SpreadsheetAppProtection(rt: Runtime): GoogleAppsScript.Spreadsheet.ProtectionType {
  return (
    rt.services.SpreadsheetApp as unknown as { ProtectionType: { SHEET: GoogleAppsScript.Spreadsheet.ProtectionType } }
  ).ProtectionType.SHEET;
}
