/**
 * «Обзор» as Google Sheets would compute it: the formulas setup writes, evaluated by an independent engine
 * (HyperFormula) over the sheet's own values, equal the domain's own counts (overviewFigures over the
 * register assessed by the domain) — on the sample of `npm start` and on a generated 1,000-row register.
 * And the formulas keep finding their columns when the register's columns are moved.
 */
import { generateRegister, benchSettings, BENCH_TODAY } from '../../bench/generate';
import { benchRuntime } from '../../bench/scenario';
import { assessSpreadsheet } from '../../dev/report';
import { computeOverview } from '../../dev/overview';
import type { Runtime } from '../../dev/runtime';
import { sampleRegisterInput } from '../../dev/sample/register';
import { overviewFigures } from '../../src/domain/overview';

function domainFigures(rt: Runtime) {
  const values = rt.quietly(() => ({
    sheets: rt.spreadsheet
      .getSheets()
      .map((sheet) => ({ name: sheet.getName(), values: sheet.getDataRange().getValues() })),
    timeZone: 'Europe/Moscow',
  }));
  const assessed = assessSpreadsheet(values, BENCH_TODAY);
  return overviewFigures(assessed.assessment.rows, BENCH_TODAY, assessed.settings.settings.networks);
}

function setUp(values: unknown[][]): Runtime {
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

function expectSame(rt: Runtime): void {
  const domain = domainFigures(rt);
  const sheet = computeOverview(rt.spreadsheet, BENCH_TODAY, ['ВКонтакте', 'Одноклассники']);
  sheet.evaluated.destroy();
  expect(sheet.figures.organizations).toEqual(domain.organizations);
  expect(sheet.figures.figures).toEqual(domain.figures);
  expect(sheet.figures.states).toEqual(domain.states);
  expect(sheet.figures.months).toEqual(domain.months);
}

describe('«Обзор» formulas equal the domain’s counts', () => {
  it('on the sample register', () => {
    const rt = setUp(sampleRegisterInput());
    const domain = domainFigures(rt);
    // The sample has something in every figure that matters.
    expect(domain.figures.activeTotal).toBeGreaterThan(0);
    expect(domain.figures.overdue).toBeGreaterThan(0);
    expect(domain.figures.pendingTsur).toBeGreaterThan(0);
    expectSame(rt);
  });

  it('on a generated 1,000-row register', () => {
    const rt = setUp(generateRegister(1000).values);
    expectSame(rt);
  }, 120_000);
});
