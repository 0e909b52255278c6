/**
 * The charts of «Обзор» drawn offline, from the specs the fakes recorded (type, range, title, size) and the
 * numbers the sheet's formulas give (dev/overview.ts): Apache ECharts renders each to SVG on the server (no
 * browser), @resvg/resvg-js turns the SVG into PNG with the system's fonts (DejaVu has Cyrillic).
 */
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import * as echarts from 'echarts';
import type { ChartData } from './overview';

const FONT = 'DejaVu Sans, Arial, sans-serif';
const COLOURS = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00'];
const RESVG_FONTS = { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } as const;
// Measuring loads only DejaVu Sans (the font the PNG's text resolves to), four times faster than every
// system font; without those files, the system's fonts as the PNG has them.
const DEJAVU = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => `/usr/share/fonts/truetype/dejavu/${file}`);
const MEASURING_FONTS = DEJAVU.every((file) => existsSync(file))
  ? { loadSystemFonts: false, fontFiles: DEJAVU, defaultFontFamily: 'DejaVu Sans' }
  : RESVG_FONTS;

const widths = new Map<string, number>();

/**
 * The width of a text as resvg draws it, with the fonts of the PNG. Without a canvas ECharts measures by a
 * table in which every non-ASCII character is 1 em wide, half as wide again as Cyrillic is: the layout then
 * reserves far too much room for the labels (and its v6 grid, which keeps labels inside `outerBounds`,
 * squeezes the bars against the right edge). The advance is the box of «Ш…Ш» less that of «ШШ».
 */
function textWidth(text: string, font: string): number {
  const key = `${font}|${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  const size = /(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '12';
  const weight = /\bbold\b|\b[6-9]00\b/.test(font) ? 'bold' : 'normal';
  const box = (content: string): number => {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="0" y="100" font-size="${size}" ` +
      `font-weight="${weight}" font-family="DejaVu Sans" xml:space="preserve">${escapeXml(content)}</text></svg>`;
    return new Resvg(svg, { font: MEASURING_FONTS }).getBBox()?.width ?? 0;
  };
  const width = Math.max(0, box(`Ш${text}Ш`) - box('ШШ'));
  widths.set(key, width);
  return width;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

echarts.setPlatformAPI({ measureText: (text, font) => ({ width: textWidth(text, font ?? `12px ${FONT}`) }) });

/** The widest a category label of a horizontal bar chart is before it wraps to another line. */
const LABEL_WIDTH = 200;
const LABEL_FONT = `12px ${FONT}`;
const LINE_HEIGHT = 15;

/**
 * A category label wrapped at spaces to lines of at most LABEL_WIDTH (a single longer word keeps its line).
 * Wrapped here, by measured widths: ECharts' own wrapping (`overflow: 'break'`) takes every non-ASCII
 * character for 1 em, whatever measureText says.
 */
function wrapLabel(label: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, LABEL_FONT) > LABEL_WIDTH) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  lines.push(line);
  return lines.join('\n');
}

function option(chart: ChartData): echarts.EChartsCoreOption {
  const title = { text: chart.title, left: 'center', textStyle: { fontFamily: FONT, fontSize: 15 } };
  const textStyle = { fontFamily: FONT };
  if (chart.spec.type === 'PIE') {
    const series = chart.series[0] ?? { name: '', values: [] };
    return {
      title,
      textStyle,
      color: COLOURS,
      legend: { bottom: 0, textStyle },
      series: [
        {
          type: 'pie',
          radius: '55%',
          center: ['50%', '52%'],
          label: { formatter: '{b}: {c}', fontFamily: FONT, overflow: 'none' },
          data: chart.labels.map((label, index) => ({ name: label, value: series.values[index] ?? 0 })),
        },
      ],
    };
  }
  const horizontal = chart.spec.type === 'BAR';
  // A horizontal bar's labels wrap at LABEL_WIDTH; the bars get what the labels leave, and `right` (below)
  // leaves room for the value labels.
  const category = {
    type: 'category',
    data: horizontal ? chart.labels.map(wrapLabel) : chart.labels,
    axisLabel: horizontal
      ? { fontFamily: FONT, fontSize: 12, interval: 0, lineHeight: LINE_HEIGHT }
      : { fontFamily: FONT, interval: 0 },
  };
  // Few ticks, and a tick label that would touch its neighbour is left out (a narrow plot, large counts).
  const value = { type: 'value', minInterval: 1, splitNumber: 4, axisLabel: { fontFamily: FONT, hideOverlap: true } };
  return {
    title,
    textStyle,
    color: COLOURS,
    legend: chart.series.length > 1 ? { bottom: 0, textStyle } : undefined,
    // 'same': the grid's own rect bounds the axes with their labels (ECharts 6 shrinks the plot to keep them
    // in), so the labels never reach the legend below or the image's edge.
    grid: {
      left: 10,
      right: horizontal ? 40 : 20,
      top: 60,
      bottom: chart.series.length > 1 ? 35 : 10,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: horizontal ? value : { ...category, axisLabel: { ...category.axisLabel, rotate: 45 } },
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: chart.series.map((series) => ({
      type: 'bar',
      name: series.name,
      data: series.values,
      label: { show: true, position: horizontal ? 'right' : 'top', fontFamily: FONT },
    })),
  };
}

/**
 * One chart as SVG text, at the size of its spec; a horizontal bar chart whose labels need more lines than
 * the spec's height holds grows taller (Sheets lays its own chart out; offline nothing may be cut).
 */
export function chartSvg(chart: ChartData): { svg: string; width: number; height: number } {
  const width = Number(chart.spec.options.width ?? 480);
  const specHeight = Number(chart.spec.options.height ?? 300);
  const lines = Math.max(1, ...chart.labels.map((label) => wrapLabel(label).split('\n').length));
  const needed = chart.spec.type === 'BAR' ? 60 + 30 + chart.labels.length * (lines * LINE_HEIGHT + 6) : 0;
  const height = Math.max(specHeight, needed);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  instance.setOption({ animation: false, backgroundColor: '#ffffff', ...option(chart) });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return { svg, width, height };
}

function png(svg: string): Buffer {
  const resvg = new Resvg(svg, { background: '#ffffff', font: RESVG_FONTS });
  return Buffer.from(resvg.render().asPng());
}

/** One chart as PNG (what EmbeddedChart.getAs('image/png') gives offline). */
export function chartPng(chart: ChartData): Buffer {
  return png(chartSvg(chart).svg);
}

/** All the charts of the overview, one under another, as one PNG (out/overview.png). */
export function overviewPng(charts: readonly ChartData[], heading: string): Buffer {
  const parts = charts.map(chartSvg);
  const width = Math.max(480, ...parts.map((part) => part.width));
  const top = 40;
  let y = top;
  const placed = parts.map((part) => {
    const at = y;
    y += part.height + 10;
    return `<svg x="${(width - part.width) / 2}" y="${at}" width="${part.width}" height="${part.height}">${part.svg.replace(/^<\?xml[^>]*>/, '')}</svg>`;
  });
  const escaped = escapeXml(heading);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${width / 2}" y="26" text-anchor="middle" font-family="DejaVu Sans" font-size="17" font-weight="bold">${escaped}</text>` +
    placed.join('') +
    '</svg>';
  return png(svg);
}
