/**
 * Embedded charts: Sheet.newChart() → EmbeddedChartBuilder → build() → Sheet.insertChart(chart). The fake
 * records each chart's spec (type, ranges, position, options) so that tests can read what the add-on
 * asked for and `npm start` can draw it. getAs('image/png') gives the bytes of the spreadsheet's
 * chartRenderer when one is set (dev/overviewChart.ts), else a 1×1 transparent PNG: the fakes draw nothing.
 *
 * The Charts service, as much of it as the add-on uses: Charts.newDataTable() → DataTableBuilder
 * (addColumn, addRow, build) and Charts.newBarChart() → BarChartBuilder (setDataTable, setTitle,
 * setDimensions, setOption, build) → Chart (getAs('image/png'), getBlob, getOptions). The chart is described
 * as a ChartSpecRecord with its data table (`dataTable`), drawn by the same chartRenderer, and recorded in
 * FakeCharts.built for tests.
 */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { makeEnum } from './enums';
import { FakeObject, unwrap } from './fakeObject';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import { FakeBlob } from './utilities';

export const ChartType = makeEnum<typeof GAS.Charts.ChartType>([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);

/** What a chart is: plain data, as tests and the renderer read it. */
export interface ChartSpecRecord {
  type: string;
  /** A1 notations on the chart's sheet. */
  ranges: string[];
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
  numHeaders: number;
  options: Record<string, unknown>;
  /** A chart of the Charts service: its data (no sheet, no ranges). */
  dataTable?: DataTableRecord;
}

/** A data table of the Charts service, as built. */
export interface DataTableRecord {
  columns: Array<{ type: string; label: string }>;
  rows: Array<Array<string | number | Date>>;
}

/**
 * Draws a chart as PNG bytes (set on FakeSpreadsheet.chartRenderer): a sheet's chart with its sheet, a chart
 * of the Charts service with null (its data is in `chart.dataTable`).
 */
export type ChartRenderer = (chart: ChartSpecRecord, sheet: FakeSheet | null) => Buffer;

/** The smallest valid PNG: one transparent pixel. */
const BLANK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function emptySpec(): ChartSpecRecord {
  return { type: 'COLUMN', ranges: [], row: 1, column: 1, offsetX: 0, offsetY: 0, numHeaders: -1, options: {} };
}

type OptionsImplemented = 'get';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeChartOptions extends GAS.Charts.ChartOptions {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeChartOptions extends FakeObject implements Pick<GAS.Charts.ChartOptions, OptionsImplemented> {
  constructor(
    ctx: FakeContext,
    private readonly options: Record<string, unknown>,
  ) {
    super(ctx, 'ChartOptions');
  }
  get(option: string): unknown {
    return this.options[option] ?? null;
  }
}

type BuilderImplemented =
  | 'addRange'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeEmbeddedChartBuilder extends GAS.Spreadsheet.EmbeddedChartBuilder {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeEmbeddedChartBuilder
  extends FakeObject
  implements Pick<GAS.Spreadsheet.EmbeddedChartBuilder, BuilderImplemented>
{
  readonly spec: ChartSpecRecord;
  private ranges: FakeRange[] = [];

  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet,
    private readonly chartId: number | null = null,
    from?: { spec: ChartSpecRecord; ranges: FakeRange[] },
  ) {
    super(ctx, 'EmbeddedChartBuilder');
    this.spec = from ? { ...from.spec, options: { ...from.spec.options }, ranges: [...from.spec.ranges] } : emptySpec();
    if (from) this.ranges = [...from.ranges];
  }

  addRange(range: GAS.Spreadsheet.Range): this {
    const fake = unwrap(range) as unknown as FakeRange;
    if (fake.sheet !== this.sheet) throw this.ctx.error('The range must be on the same sheet as the chart.');
    this.ranges.push(fake);
    return this;
  }
  removeRange(range: GAS.Spreadsheet.Range): this {
    const fake = unwrap(range) as unknown as FakeRange;
    this.ranges = this.ranges.filter((candidate) => candidate.getA1Notation() !== fake.getA1Notation());
    return this;
  }
  clearRanges(): this {
    this.ranges = [];
    return this;
  }
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  setChartType(type: GAS.Charts.ChartType): this {
    this.spec.type = String(type);
    return this;
  }
  getChartType(): GAS.Charts.ChartType {
    return (ChartType as unknown as Record<string, GAS.Charts.ChartType>)[this.spec.type] as GAS.Charts.ChartType;
  }
  setNumHeaders(headers: number): this {
    this.spec.numHeaders = headers;
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.spec.options[option] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    Object.assign(this.spec, { row: anchorRowPos, column: anchorColPos, offsetX, offsetY });
    return this;
  }
  build(): FakeEmbeddedChart {
    if (this.ranges.length === 0) throw this.ctx.error('The chart has no data. Please add a range.');
    const spec = { ...this.spec, options: { ...this.spec.options }, ranges: this.ranges.map((r) => r.getA1Notation()) };
    return new FakeEmbeddedChart(this.ctx, this.sheet, spec, [...this.ranges], this.chartId);
  }
}

type ChartImplemented = 'getAs' | 'getBlob' | 'getChartId' | 'getNumHeaders' | 'getOptions' | 'getRanges' | 'modify';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeEmbeddedChart extends GAS.Spreadsheet.EmbeddedChart {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeEmbeddedChart extends FakeObject implements Pick<GAS.Spreadsheet.EmbeddedChart, ChartImplemented> {
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet,
    readonly spec: ChartSpecRecord,
    private readonly ranges: FakeRange[],
    /** Null until inserted into a sheet. */
    public chartId: number | null,
  ) {
    super(ctx, 'EmbeddedChart');
  }
  getChartId(): number | null {
    return this.chartId;
  }
  getNumHeaders(): number {
    return this.spec.numHeaders;
  }
  getOptions(): FakeChartOptions {
    return new FakeChartOptions(this.ctx, this.spec.options);
  }
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.ctx, this.sheet, this.chartId, { spec: this.spec, ranges: this.ranges });
  }
  getAs(contentType: string): FakeBlob {
    if (contentType !== 'image/png') throw this.ctx.error(`Converting to ${contentType} is not supported.`);
    const renderer = this.sheet.parent.chartRenderer;
    const title = String(this.spec.options.title ?? 'chart');
    return new FakeBlob(this.ctx, renderer ? renderer(this.spec, this.sheet) : BLANK_PNG, 'image/png', `${title}.png`);
  }
  getBlob(): FakeBlob {
    return this.getAs('image/png');
  }
}

export const ColumnType = makeEnum<typeof GAS.Charts.ColumnType>(['DATE', 'NUMBER', 'STRING']);

type DataTableBuilderImplemented = 'addColumn' | 'addRow' | 'build';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeDataTableBuilder extends GAS.Charts.DataTableBuilder {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeDataTableBuilder
  extends FakeObject
  implements Pick<GAS.Charts.DataTableBuilder, DataTableBuilderImplemented>
{
  private readonly table: DataTableRecord = { columns: [], rows: [] };

  constructor(ctx: FakeContext) {
    super(ctx, 'DataTableBuilder');
  }
  addColumn(type: GAS.Charts.ColumnType, label: string): this {
    if (!Object.values(ColumnType).includes(type)) throw this.ctx.error('Invalid argument: type');
    if (this.table.rows.length > 0) throw this.ctx.error('Columns must be added before rows.');
    this.table.columns.push({ type: String(type), label: String(label) });
    return this;
  }
  addRow(values: unknown[]): this {
    if (!Array.isArray(values)) throw this.ctx.error('Invalid argument: values');
    const { columns } = this.table;
    if (values.length !== columns.length)
      throw this.ctx.error(
        `The number of values in the row (${values.length}) does not match the number of columns (${columns.length}).`,
      );
    const row = values.map((value: unknown, index) => {
      const type = columns[index]?.type;
      const fits =
        (type === 'NUMBER' && typeof value === 'number') ||
        (type === 'STRING' && typeof value === 'string') ||
        (type === 'DATE' && Object.prototype.toString.call(value) === '[object Date]');
      if (!fits) throw this.ctx.error(`Value ${String(value)} in column ${index} is not of type ${String(type)}.`);
      return type === 'DATE' ? new Date((value as Date).getTime()) : (value as string | number);
    });
    this.table.rows.push(row);
    return this;
  }
  build(): FakeDataTable {
    if (this.table.columns.length === 0) throw this.ctx.error('The data table has no columns.');
    return new FakeDataTable(this.ctx, {
      columns: this.table.columns.map((column) => ({ ...column })),
      rows: this.table.rows.map((row) => [...row]),
    });
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeDataTable extends GAS.Charts.DataTable {}
/** A built data table: Apps Script gives it no methods. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeDataTable extends FakeObject {
  constructor(
    ctx: FakeContext,
    readonly table: DataTableRecord,
  ) {
    super(ctx, 'DataTable');
  }
}

type BarChartBuilderImplemented = 'build' | 'setDataTable' | 'setDimensions' | 'setOption' | 'setTitle';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeBarChartBuilder extends GAS.Charts.BarChartBuilder {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeBarChartBuilder
  extends FakeObject
  implements Pick<GAS.Charts.BarChartBuilder, BarChartBuilderImplemented>
{
  private table: DataTableRecord | null = null;
  private readonly options: Record<string, unknown> = {};

  constructor(
    ctx: FakeContext,
    private readonly charts: FakeCharts,
  ) {
    super(ctx, 'BarChartBuilder');
  }
  setDataTable(table: GAS.Charts.DataTableBuilder | GAS.Charts.DataTableSource): this {
    const fake = unwrap(table) as unknown;
    if (fake instanceof FakeDataTableBuilder) this.table = fake.build().table;
    else if (fake instanceof FakeDataTable) this.table = fake.table;
    else throw this.ctx.error('not implemented in fake: BarChartBuilder.setDataTable of anything but a data table');
    return this;
  }
  setTitle(chartTitle: string): this {
    this.options.title = String(chartTitle);
    return this;
  }
  setDimensions(width: number, height: number): this {
    for (const size of [width, height])
      if (!Number.isInteger(size) || size <= 0) throw this.ctx.error(`Invalid argument: ${String(size)}`);
    Object.assign(this.options, { width, height });
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.options[option] = value;
    return this;
  }
  build(): FakeChart {
    if (this.table === null) throw this.ctx.error('Data table is missing. Please set a data table for the chart.');
    const spec: ChartSpecRecord = {
      ...emptySpec(),
      type: 'BAR',
      numHeaders: 1,
      options: { ...this.options },
      dataTable: { columns: this.table.columns.map((column) => ({ ...column })), rows: this.table.rows },
    };
    this.charts.built.push(spec);
    return new FakeChart(this.ctx, spec, this.charts.spreadsheet);
  }
}

type FreeChartImplemented = 'getAs' | 'getBlob' | 'getOptions';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeChart extends GAS.Charts.Chart {}
/** A chart of the Charts service (not embedded in a sheet). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeChart extends FakeObject implements Pick<GAS.Charts.Chart, FreeChartImplemented> {
  constructor(
    ctx: FakeContext,
    readonly spec: ChartSpecRecord,
    private readonly spreadsheet: FakeSpreadsheet,
  ) {
    super(ctx, 'Chart');
  }
  getOptions(): FakeChartOptions {
    return new FakeChartOptions(this.ctx, this.spec.options);
  }
  getAs(contentType: string): FakeBlob {
    if (contentType !== 'image/png') throw this.ctx.error(`Converting to ${contentType} is not supported.`);
    const renderer = this.spreadsheet.chartRenderer;
    const title = String(this.spec.options.title ?? 'chart');
    return new FakeBlob(this.ctx, renderer ? renderer(this.spec, null) : BLANK_PNG, 'image/png', `${title}.png`);
  }
  getBlob(): FakeBlob {
    return this.getAs('image/png');
  }
}

type ChartsImplemented = 'newBarChart' | 'newDataTable';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeCharts extends GAS.Charts.Charts {}
/**
 * The Charts service: its ChartType and ColumnType enums, data tables and bar charts. A chart's PNG is drawn
 * by the chartRenderer of `spreadsheet` (the runtime's), as an embedded chart's is.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeCharts
  extends FakeObject
  implements Pick<GAS.Charts.Charts, ChartsImplemented | 'ChartType' | 'ColumnType'>
{
  readonly ChartType = ChartType;
  readonly ColumnType = ColumnType;
  /** Fake-only: every chart built so far, in order (tests read what the add-on drew). */
  readonly built: ChartSpecRecord[] = [];

  constructor(
    ctx: FakeContext,
    readonly spreadsheet: FakeSpreadsheet,
  ) {
    super(ctx, 'Charts');
  }
  newDataTable(): FakeDataTableBuilder {
    return new FakeDataTableBuilder(this.ctx);
  }
  newBarChart(): FakeBarChartBuilder {
    return new FakeBarChartBuilder(this.ctx, this);
  }
}
