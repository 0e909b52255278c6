/**
 * The charts of «Обзор» drawn offline, from the specs the fakes recorded (type, range, title, size) and the
 * numbers the sheet's formulas give (dev/overview.ts): Apache ECharts renders each to SVG on the server (no
 * browser), @resvg/resvg-js turns the SVG into PNG with the system's fonts (DejaVu has Cyrillic).
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartData } from './overview';

const FONT = 'DejaVu Sans, Arial, sans-serif';
const COLOURS = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00'];

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
  const category = { type: 'category', data: chart.labels, axisLabel: { fontFamily: FONT, interval: 0 } };
  const value = { type: 'value', minInterval: 1, axisLabel: { fontFamily: FONT } };
  return {
    title,
    textStyle,
    color: COLOURS,
    legend: chart.series.length > 1 ? { bottom: 0, textStyle } : undefined,
    grid: { left: horizontal ? 190 : 40, right: 30, top: 60, bottom: chart.series.length > 1 ? 55 : 30 },
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

/** One chart as SVG text. */
export function chartSvg(chart: ChartData): { svg: string; width: number; height: number } {
  const width = Number(chart.spec.options.width ?? 480);
  const height = Number(chart.spec.options.height ?? 300);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  instance.setOption({ animation: false, backgroundColor: '#ffffff', ...option(chart) });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return { svg, width, height };
}

function png(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
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
  const escaped = heading.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${width / 2}" y="26" text-anchor="middle" font-family="DejaVu Sans" font-size="17" font-weight="bold">${escaped}</text>` +
    placed.join('') +
    '</svg>';
  return png(svg);
}
