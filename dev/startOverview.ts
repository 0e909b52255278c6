/**
 * What `npm start` does for «Обзор» and the control letter (п. 6): draws the charts the fakes recorded with
 * the numbers the sheet's formulas give (out/overview.png, and the PNGs EmbeddedChart.getAs and Chart.getAs
 * return offline, so the control letter carries its chart inline), stores the formulas' results for register.xlsx, writes the
 * control letter the daily check sent to out/control.eml, and lists every letter sent for report.json.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTROL_CHART_CID, CONTROL_SUBJECT_START } from '../src/domain/controlLetter';
import { formatRuDate, MOSCOW_TIME_ZONE } from '../src/domain/isoDate';
import { OVERVIEW_SHEET_NAME, overviewFigures } from '../src/domain/overview';
import { parseSettings } from '../src/domain/settings';
import { SHEET_NAMES } from '../src/domain/columns';
import { buildEml } from './eml';
import { shownPath } from './shownPath';
import { unwrap } from './fakes/fakeObject';
import { storeResults } from './formulaEngine';
import { chartDataFromFigures, chartDataFromTable, computeOverview } from './overview';
import { assessSpreadsheet } from './report';
import { chartPng, overviewPng } from './overviewChart';
import type { Runtime } from './runtime';

/** The networks «Настройки» lists now. */
function networks(rt: Runtime): string[] {
  const sheet = rt.quietly(() => rt.spreadsheet.getSheetByName(SHEET_NAMES.settings));
  return parseSettings(sheet === null ? [] : rt.quietly(() => sheet.getDataRange().getValues())).settings.networks;
}

function computed(rt: Runtime, today: string): ReturnType<typeof computeOverview> | null {
  const book = unwrap(rt.spreadsheet);
  if (!book.sheets.some((sheet) => sheet.name === OVERVIEW_SHEET_NAME)) return null;
  return computeOverview(rt.spreadsheet, today, networks(rt));
}

/**
 * EmbeddedChart.getAs('image/png') draws the chart with the register as it is at that moment, counted by the
 * domain (the formula tests hold the sheet's formulas to the same counts; the engine runs once, at the end).
 * A chart of the Charts service (the control letter's) is drawn from the data table the add-on gave it.
 */
export function installChartRenderer(rt: Runtime, today: string): void {
  unwrap(rt.spreadsheet).chartRenderer = (spec) => {
    if (spec.dataTable !== undefined) return chartPng(chartDataFromTable({ ...spec, dataTable: spec.dataTable }));
    const values = rt.quietly(() => ({
      sheets: rt.spreadsheet
        .getSheets()
        .map((sheet) => ({ name: sheet.getName(), values: sheet.getDataRange().getValues() })),
      timeZone: rt.spreadsheet.getSpreadsheetTimeZone() || MOSCOW_TIME_ZONE,
    }));
    const assessed = assessSpreadsheet(values, today);
    const networks = assessed.settings.settings.networks;
    return chartPng(chartDataFromFigures(spec, overviewFigures(assessed.assessment.rows, today, networks), networks));
  };
}

/** What writeOverview did: the sentence for the coordinator, the developer's detail, the sheet's figures. */
export interface OverviewWritten {
  line: string;
  detail: string;
  /** The figures «Обзор» shows (its formulas' results); null without the sheet. */
  figures: { activeTotal: number; gaps: number } | null;
}

/** out/overview.png and the formulas' results in the fake (for register.xlsx). */
export function writeOverview(rt: Runtime, today: string, out: string): OverviewWritten {
  const file = join(out, 'overview.png');
  const overview = computed(rt, today);
  if (overview === null)
    return { line: `overview.png не записан: листа «${OVERVIEW_SHEET_NAME}» нет.`, detail: '', figures: null };
  const stored = storeResults(rt.spreadsheet, overview.evaluated, OVERVIEW_SHEET_NAME);
  overview.evaluated.destroy();
  writeFileSync(file, overviewPng(overview.charts, `Обзор реестра на ${formatRuDate(today)}`));
  const figures = overview.figures.figures;
  const titles = overview.charts.map((chart) => `«${chart.title}»`).join(', ');
  return {
    line: `${shownPath(file)} — диаграммы листа «${OVERVIEW_SHEET_NAME}»: ${titles}; откройте как картинку.`,
    detail: `Формул «${OVERVIEW_SHEET_NAME}» со значениями в register.xlsx: ${stored}.`,
    figures: { activeTotal: figures.activeTotal ?? Number.NaN, gaps: figures.gaps ?? Number.NaN },
  };
}

const CONTROL_SUBJECT = new RegExp(`^${CONTROL_SUBJECT_START}`);

/** out/control.eml: the control letter the daily check sent, its chart inline; none when none was sent. */
export async function writeControlEml(rt: Runtime, out: string): Promise<string> {
  const file = join(out, 'control.eml');
  const sent = rt.mail.find((mail) => CONTROL_SUBJECT.test(mail.subject));
  if (sent === undefined) {
    const removed = existsSync(file);
    if (removed) rmSync(file);
    return (
      'control.eml не записан: письмо для контроля (п. 6) уходит в первый рабочий день месяца, ' +
      `а сегодня не он (другой день задаёт --today)${removed ? '; старый файл удалён' : ''}.`
    );
  }
  const chart = sent.inlineImages[CONTROL_CHART_CID];
  const eml = await buildEml(
    {
      to: sent.to,
      name: sent.name,
      subject: sent.subject,
      body: sent.body,
      ...(sent.htmlBody !== undefined ? { htmlBody: sent.htmlBody } : {}),
      inlineImages: chart
        ? [{ cid: CONTROL_CHART_CID, fileName: chart.name ?? 'chart.png', mimeType: 'image/png', content: chart.data }]
        : [],
    },
    { from: sent.from, date: sent.sentAt },
  );
  writeFileSync(file, eml);
  return (
    `${shownPath(file)} — письмо для контроля (п. 6), которое ежедневная проверка отправила ${sent.to}` +
    `${chart ? ', с диаграммой внутри' : ', без диаграммы'}; открывается почтовой программой.`
  );
}
