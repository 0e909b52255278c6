/**
 * out/overview.png (issue 15): every bar, value label and category label of each chart lies inside its
 * image. resvg (the renderer of the PNG, with its fonts) gives the box of everything a chart draws; the
 * box must be within the chart's width and height. The labels are every «Состояние» there is, the longest
 * Russian ones included, so ECharts' layout cannot push the bars off the right edge again.
 */
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpecRecord } from '../../dev/fakes/chart';
import { chartDataFromTable, type ChartData } from '../../dev/overview';
import { chartSvg } from '../../dev/overviewChart';
import { STATES } from '../../src/domain/obligations';
import { CHART_TITLES, MONTHS } from '../../src/domain/overview';

// resvg measures each text on its own: seconds on a busy machine.
jest.setTimeout(60_000);

function spec(type: string): ChartSpecRecord {
  return {
    type,
    ranges: [],
    row: 1,
    column: 1,
    offsetX: 0,
    offsetY: 0,
    numHeaders: 1,
    options: { width: 480, height: 300 },
  };
}

const states = Object.values(STATES);
const CHARTS: ChartData[] = [
  {
    spec: spec('BAR'),
    title: CHART_TITLES.states,
    labels: states,
    // The largest value on the longest label: its bar reaches the axis' end and its value label is right of it.
    series: [{ name: 'Строк', values: states.map((state) => (state === STATES.reportedLateDept ? 1234 : 7)) }],
  },
  {
    spec: spec('BAR'),
    title: CHART_TITLES.states,
    labels: ['Сообщено', 'В срок'],
    series: [{ name: 'Строк', values: [18, 4] }],
  },
  {
    spec: spec('COLUMN'),
    title: CHART_TITLES.months,
    labels: [...MONTHS],
    series: [
      { name: 'Создано страниц', values: MONTHS.map((_, index) => index * 3) },
      { name: 'Удалено страниц', values: MONTHS.map((_, index) => index % 4) },
    ],
  },
  {
    spec: spec('PIE'),
    title: CHART_TITLES.networks,
    labels: ['ВКонтакте', 'Одноклассники'],
    series: [{ name: 'Страниц', values: [25, 5] }],
  },
];

/** The box of everything the chart draws, its white background left out. */
function drawnBox(svg: string): { left: number; top: number; right: number; bottom: number } {
  const background = /<rect width="\d+" height="\d+" x="0" y="0" fill="#ffffff"><\/rect>/;
  expect(svg).toMatch(background);
  const box = new Resvg(svg.replace(background, ''), {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  }).getBBox();
  if (!box) throw new Error('nothing drawn');
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Each text element's box as resvg draws it alone (ECharts writes every element with its own transform). */
function textBoxes(svg: string, width: number, height: number): Array<{ text: string; box: Box; turned: boolean }> {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => {
    const alone = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${match[0]}</svg>`;
    const box = new Resvg(alone, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).getBBox();
    if (!box) throw new Error(`text not drawn: ${match[0]}`);
    return {
      text: match[1] ?? '',
      // A turned label's box is upright, wider than the label: two turned neighbours' boxes may meet.
      turned: /transform="(?:matrix|rotate)\((?!1 0 0 1 )/.test(match[0]),
      box: { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height },
    };
  });
}

const overlap = (a: Box, b: Box): boolean =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

/** The texts of the SVG, a wrapped label's lines joined by a space. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) =>
    (match[1] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<'),
  );
}

describe('the charts of overview.png', () => {
  it.each(CHARTS.map((chart) => [`${chart.spec.type} «${chart.title}» (${chart.labels.length})`, chart] as const))(
    '%s: everything drawn is inside the image, every value and label shown',
    (_name, chart) => {
      const { svg, width, height } = chartSvg(chart);
      const box = drawnBox(svg);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(width);
      expect(box.bottom).toBeLessThanOrEqual(height);
      // No text runs into another (a rotated month into the legend, a value into a label).
      const boxes = textBoxes(svg, width, height);
      const clashes = boxes.flatMap((a, index) =>
        boxes
          .slice(index + 1)
          .filter((b) => !(a.turned && b.turned) && overlap(a.box, b.box))
          .map((b) => `${a.text} × ${b.text}`),
      );
      expect(clashes).toEqual([]);
      const shown = texts(svg);
      const joined = shown.join(' ');
      if (chart.spec.type !== 'PIE') {
        for (const label of chart.labels) expect(joined.replace(/\s+/g, ' ')).toContain(label);
        for (const value of chart.series.flatMap((series) => series.values)) expect(shown).toContain(String(value));
      } else {
        for (const [index, label] of chart.labels.entries())
          expect(shown).toContain(`${label}: ${chart.series[0]?.values[index] ?? ''}`);
      }
    },
  );

  it('keeps the spec’s size when the labels fit, and grows a bar chart only as tall as its labels need', () => {
    expect([chartSvg(CHARTS[1]!).width, chartSvg(CHARTS[1]!).height]).toEqual([480, 300]);
    const tall = chartSvg(CHARTS[0]!);
    expect(tall.width).toBe(480);
    expect(tall.height).toBeGreaterThan(300);
    expect(tall.height).toBeLessThan(states.length * 40 + 90);
  });
});

describe('a chart of the Charts service (the control letter’s) offline', () => {
  it('is drawn from its own data table: its first column the labels, each further column a series', () => {
    const table = {
      ...spec('BAR'),
      options: { title: CHART_TITLES.states, width: 480, height: 320 },
      dataTable: {
        columns: [
          { type: 'STRING', label: 'Состояние строк' },
          { type: 'NUMBER', label: 'Строк' },
        ],
        rows: [
          ['В срок', 4],
          ['Сообщено', 18],
        ],
      },
    };
    const data = chartDataFromTable(table);
    expect(data).toMatchObject({
      title: CHART_TITLES.states,
      labels: ['В срок', 'Сообщено'],
      series: [{ name: 'Строк', values: [4, 18] }],
    });
    expect([chartSvg(data).width, chartSvg(data).height]).toEqual([480, 320]);
  });
});
