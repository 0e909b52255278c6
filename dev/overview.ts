/**
 * «Обзор» offline: its formulas computed by HyperFormula (formulaEngine.ts) and read back in the shape of the
 * domain's own count (overviewFigures), so a test can hold one to the other and `npm start` can draw the
 * charts the sheet holds from the numbers the sheet shows.
 */
import { ORG_KINDS } from '../src/domain/columns';
import {
  CHART_TITLES,
  FIGURE_LABELS,
  OVERVIEW_SHEET_NAME,
  OVERVIEW_WIDTH,
  STATES_CHART,
  TABLE_TITLES,
  type OverviewFigures,
} from '../src/domain/overview';
import { unwrap } from './fakes/fakeObject';
import type { ChartSpecRecord, DataTableRecord } from './fakes/chart';
import type { FakeSpreadsheet } from './fakes/spreadsheet';
import { evaluateBook, type EvaluatedBook } from './formulaEngine';
import { parseA1 } from './fakes/a1';

type Value = string | number | boolean | null;

function text(value: Value): string {
  return value === null ? '' : String(value);
}

function count(value: Value): number {
  return typeof value === 'number' ? value : Number.NaN;
}

/** The overview's visible block as computed: rows × OVERVIEW_WIDTH. */
export function overviewValues(spreadsheet: FakeSpreadsheet, evaluated: EvaluatedBook): Value[][] {
  const sheet = unwrap(spreadsheet).sheets.find((candidate) => candidate.name === OVERVIEW_SHEET_NAME);
  if (sheet === undefined) throw new Error(`нет листа «${OVERVIEW_SHEET_NAME}»`);
  let last = 0;
  for (const [r, c] of sheet.grid.cells()) if (c <= OVERVIEW_WIDTH) last = Math.max(last, r);
  return evaluated.values(OVERVIEW_SHEET_NAME, 1, 1, last, OVERVIEW_WIDTH);
}

/** The rows of a table under its title row, up to the first row with an empty first cell. */
function tableRows(values: Value[][], title: string): Value[][] {
  const start = values.findIndex((row) => text(row[0] ?? null) === title);
  if (start === -1) return [];
  const rows: Value[][] = [];
  for (let index = start + 1; index < values.length && text(values[index]?.[0] ?? null) !== ''; index += 1)
    rows.push(values[index] as Value[]);
  return rows;
}

/** What the sheet shows, as OverviewFigures. */
export function readOverview(values: Value[][], networks: readonly string[]): OverviewFigures {
  const byLabel = (label: string): number => {
    const row = values.find((candidate) => text(candidate[0] ?? null) === label);
    return row === undefined ? Number.NaN : count(row[1] ?? null);
  };
  const figures: Record<string, number> = {};
  for (const network of networks) figures[`network:${network}`] = byLabel(network);
  for (const kind of ORG_KINDS) figures[`kind:${kind}`] = byLabel(kind);
  for (const [key, label] of Object.entries(FIGURE_LABELS)) figures[key] = byLabel(label);
  return {
    figures,
    states: tableRows(values, TABLE_TITLES.states).map((row) => ({
      state: text(row[0] ?? null),
      count: count(row[1] ?? null),
    })),
    months: tableRows(values, TABLE_TITLES.months).map((row) => ({
      month: text(row[0] ?? null),
      created: count(row[1] ?? null),
      deleted: count(row[2] ?? null),
    })),
    organizations: tableRows(values, TABLE_TITLES.organizations).map((row) => ({
      organization: text(row[0] ?? null),
      pages: count(row[1] ?? null),
      openDeadlines: count(row[2] ?? null),
      lateThisYear: count(row[3] ?? null),
      gap: row[4] === 1,
    })),
  };
}

/** A chart of «Обзор» with the data its range shows: labels, the series' names and values. */
export interface ChartData {
  spec: ChartSpecRecord;
  title: string;
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
}

export function chartData(spreadsheet: FakeSpreadsheet, evaluated: EvaluatedBook): ChartData[] {
  const sheet = unwrap(spreadsheet).sheets.find((candidate) => candidate.name === OVERVIEW_SHEET_NAME);
  if (sheet === undefined) return [];
  return sheet.charts.map((chart) => {
    const spec = chart.spec;
    const area = parseA1(spec.ranges[0] ?? 'A1')?.resolve(sheet.grid.maxRows, sheet.grid.maxColumns);
    if (!area) throw new Error(`диапазон диаграммы не читается: ${spec.ranges[0] ?? ''}`);
    const values = evaluated.values(OVERVIEW_SHEET_NAME, area.row, area.column, area.numRows, area.numColumns);
    const [header = [], ...rows] = values;
    const filled = rows.filter((row) => text(row[0] ?? null) !== '');
    return {
      spec,
      title: String(spec.options.title ?? ''),
      labels: filled.map((row) => text(row[0] ?? null)),
      series: header.slice(1).map((name, index) => ({
        name: text(name),
        values: filled.map((row) => {
          const value = row[index + 1];
          return typeof value === 'number' ? value : 0;
        }),
      })),
    };
  });
}

/** Evaluates the spreadsheet on `today` and reads «Обзор» back (the engine is destroyed after). */
export function computeOverview(
  spreadsheet: FakeSpreadsheet,
  today: string,
  networks: readonly string[],
): { figures: OverviewFigures; charts: ChartData[]; evaluated: EvaluatedBook } {
  const evaluated = evaluateBook(spreadsheet, today);
  return {
    figures: readOverview(overviewValues(spreadsheet, evaluated), networks),
    charts: chartData(spreadsheet, evaluated),
    evaluated,
  };
}

/**
 * A chart of «Обзор» with the domain's numbers (overviewFigures) instead of the formulas': what the sheet
 * shows, as the formula tests prove, without running the formula engine (EmbeddedChart.getAs offline).
 */
export function chartDataFromFigures(
  spec: ChartSpecRecord,
  figures: OverviewFigures,
  networks: readonly string[],
): ChartData {
  const title = String(spec.options.title ?? '');
  const base = { spec, title };
  if (title === CHART_TITLES.networks)
    return {
      ...base,
      labels: [...networks],
      series: [{ name: 'Страниц', values: networks.map((network) => figures.figures[`network:${network}`] ?? 0) }],
    };
  if (title === CHART_TITLES.states)
    return {
      ...base,
      labels: figures.states.map((item) => item.state),
      series: [{ name: STATES_CHART.countHeader, values: figures.states.map((item) => item.count) }],
    };
  return {
    ...base,
    labels: figures.months.map((item) => item.month),
    series: [
      { name: 'Создано страниц', values: figures.months.map((item) => item.created) },
      { name: 'Удалено страниц', values: figures.months.map((item) => item.deleted) },
    ],
  };
}

/**
 * A chart of the Charts service (the control letter's) with the numbers of its own data table: labels from
 * the first column, one series a further column. What the add-on handed Charts is what is drawn.
 */
export function chartDataFromTable(spec: ChartSpecRecord & { dataTable: DataTableRecord }): ChartData {
  const { columns, rows } = spec.dataTable;
  return {
    spec,
    title: String(spec.options.title ?? ''),
    labels: rows.map((row) => String(row[0] ?? '')),
    series: columns.slice(1).map((column, index) => ({
      name: column.label,
      values: rows.map((row) => Number(row[index + 1] ?? 0)),
    })),
  };
}
