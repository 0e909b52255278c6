/**
 * Embedded charts: Sheet.newChart() → EmbeddedChartBuilder → build() → Sheet.insertChart(chart). The fake
 * records each chart's spec (type, ranges, position, options) so that tests can read what the add-on
 * asked for and `npm start` can draw it. getAs('image/png') gives the bytes of the spreadsheet's
 * chartRenderer when one is set (dev/overviewChart.ts), else a 1×1 transparent PNG: the fakes draw nothing.
 */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { makeEnum } from './enums';
import { FakeObject, unwrap } from './fakeObject';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
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
}

/** Draws a chart of a sheet as PNG bytes (set on FakeSpreadsheet.chartRenderer). */
export type ChartRenderer = (chart: ChartSpecRecord, sheet: FakeSheet) => Buffer;

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

type ChartsImplemented = never;

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeCharts extends GAS.Charts.Charts {}
/** The Charts service: only its ChartType enum (the add-on builds charts through Sheet.newChart). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeCharts extends FakeObject implements Pick<GAS.Charts.Charts, ChartsImplemented | 'ChartType'> {
  readonly ChartType = ChartType;
  constructor(ctx: FakeContext) {
    super(ctx, 'Charts');
  }
}
