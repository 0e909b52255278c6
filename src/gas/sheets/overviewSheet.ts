/**
 * The sheet «Обзор» (src/domain/overview.ts builds its content): made and repaired by setup. Idempotent:
 * it reads what the sheet holds (the visible block, the helper block, the charts) and writes only the parts
 * that differ, so a second setup writes nothing. The number of calls does not depend on the register's
 * length: each block is read and written in one call.
 */
import { COLUMN_BY_KEY, COLUMNS } from '../../domain/columns';
import {
  OVERVIEW_SHEET_NAME,
  OVERVIEW_WIDTH,
  organizationSlots,
  overviewLayout,
  type ChartSpec,
  type OverviewLayout,
} from '../../domain/overview';
import type { ColumnKey } from '../../domain/types';
import type { RegisterTable } from './registerSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The header text of every catalogue column as the register writes it (the canonical one when missing). */
function registerHeaders(table: RegisterTable): Record<ColumnKey, string> {
  const headers = {} as Record<ColumnKey, string>;
  for (const column of COLUMNS) {
    const position = table.positions[column.key];
    const text = position === undefined ? '' : String(table.headers[position] ?? '').trim();
    headers[column.key] = text === '' ? COLUMN_BY_KEY[column.key].header : text;
  }
  return headers;
}

/** Formulas as Sheets may store them: quotes around sheet names and spaces do not count. */
function sameFormula(a: string, b: string): boolean {
  const normal = (text: string) => text.replace(/'/g, '').replace(/\s+/g, '').toUpperCase();
  return normal(a) === normal(b);
}

function sameCell(wanted: string | number, value: unknown, formula: string): boolean {
  if (typeof wanted === 'string' && wanted.startsWith('=')) return sameFormula(wanted, formula);
  // A cell meant to be empty may show a spilled result (UNIQUE, SORT): only a formula of its own differs.
  if (wanted === '') return formula === '';
  return formula === '' && String(value) === shownText(wanted);
}

/** What a cell written as `text` shows: without the apostrophe that keeps it text. */
function shownText(text: string | number): string {
  return typeof text === 'string' && text.startsWith("'") ? text.slice(1) : String(text);
}

/**
 * A new sheet has 1,000 rows; «Обзор» keeps at least one more, so that a new one is always grown by one call,
 * whatever the register's size (the same calls at any size), and a setup resumed after a failure ends with
 * the same grid as a clean one.
 */
const MIN_ROWS = 1001;

/** Grows the sheet to hold the layout (never shrinks it). */
function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  const wantedRows = Math.max(rows, MIN_ROWS);
  if (maxRows < wantedRows) sheet.insertRowsAfter(maxRows, wantedRows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Rewrites the visible block unless it already holds the layout; true when written. */
function writeVisible(sheet: Sheet, layout: OverviewLayout): boolean {
  const height = Math.max(layout.cells.length, sheet.getLastRow());
  const range = sheet.getRange(1, 1, height, OVERVIEW_WIDTH);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const same = values.every((row, r) =>
    row.every((value, c) => sameCell(layout.cells[r]?.[c] ?? '', value, formulas[r]?.[c] ?? '')),
  );
  if (same) return false;
  range.clearContent();
  sheet.getRange(1, 1, layout.cells.length, OVERVIEW_WIDTH).setValues(layout.cells);
  return true;
}

/** Rewrites the helper block unless it already holds the formulas; true when written. */
function writeHelper(sheet: Sheet, layout: OverviewLayout): boolean {
  const { firstColumn, headers, matchRow, rows } = layout.helper;
  const range = sheet.getRange(1, firstColumn, rows.length + 2, headers.length);
  const current = range.getFormulas();
  const headerValues = sheet.getRange(1, firstColumn, 1, headers.length).getValues()[0] ?? [];
  const wanted = [matchRow, ...rows];
  const same =
    headers.every((header, c) => String(headerValues[c] ?? '') === shownText(header)) &&
    wanted.every((row, r) => row.every((formula, c) => sameFormula(formula, current[r + 1]?.[c] ?? '')));
  if (same) return false;
  range.setValues([headers, ...wanted]);
  sheet.hideColumns(firstColumn, headers.length);
  return true;
}

function chartMatches(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart, spec: ChartSpec): boolean {
  const ranges = chart.getRanges();
  return (
    String(chart.getOptions().get('title') ?? '') === spec.title &&
    ranges.length === 1 &&
    ranges[0]?.getA1Notation() === spec.range
  );
}

/** Replaces the charts of «Обзор» unless they are already those of the layout; true when written. */
function writeCharts(sheet: Sheet, specs: readonly ChartSpec[]): boolean {
  const charts = sheet.getCharts();
  if (charts.length === specs.length && charts.every((chart, index) => chartMatches(chart, specs[index] as ChartSpec)))
    return false;
  for (const chart of charts) sheet.removeChart(chart);
  for (const spec of specs) {
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType[spec.type])
        .addRange(sheet.getRange(spec.range))
        .setNumHeaders(1)
        .setPosition(spec.row, spec.column, 0, 0)
        .setOption('title', spec.title)
        .setOption('width', spec.width)
        .setOption('height', spec.height)
        .build(),
    );
  }
  return true;
}

export interface OverviewResult {
  sheet: Sheet;
  created: boolean;
  /** What was written: [] when the sheet already held the overview. */
  written: Array<'visible' | 'helper' | 'charts'>;
}

/**
 * Creates or repairs «Обзор» for the register `table` (its grid `maxRows` × `maxColumns` as setup leaves it).
 * `organizations`: how many organizations the register has now (the per-organization table gets room for more).
 */
export function ensureOverviewSheet(
  spreadsheet: Spreadsheet,
  table: RegisterTable,
  options: { maxRows: number; maxColumns: number; networks: readonly string[]; organizations: number },
): OverviewResult {
  const layout = overviewLayout({
    registerSheet: table.name,
    headerRow: table.headerRow,
    maxRows: options.maxRows,
    lastRow: table.lastRow,
    maxColumns: options.maxColumns,
    headers: registerHeaders(table),
    networks: options.networks,
    organizationSlots: organizationSlots(options.organizations),
  });
  const existing = spreadsheet.getSheetByName(OVERVIEW_SHEET_NAME);
  const sheet = existing ?? spreadsheet.insertSheet(OVERVIEW_SHEET_NAME);
  ensureSize(
    sheet,
    Math.max(layout.cells.length, layout.helper.rows.length + 2),
    layout.helper.firstColumn + layout.helper.headers.length - 1,
  );
  const written: OverviewResult['written'] = [];
  if (writeVisible(sheet, layout)) {
    written.push('visible');
    sheet.getRange(1, 1).setFontWeight('bold');
  }
  if (writeHelper(sheet, layout)) written.push('helper');
  if (writeCharts(sheet, layout.charts)) written.push('charts');
  return { sheet, created: existing === null, written };
}
