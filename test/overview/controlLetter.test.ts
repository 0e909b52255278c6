/**
 * The monthly control letter (п. 6) end to end in the offline runtime: sent by the daily check on the first
 * working day of the month only, once a month, to «Контроль исполнения (п. 6)», with the states chart
 * inline (drawn by the Charts service from the letter's own figures) and the change since the last letter; journaled; previewed from the menu by coordinators only.
 * And the letter's content: escaped, size-limited.
 */
import { unwrap } from '../../dev/fakes/fakeObject';
import type { Runtime } from '../../dev/runtime';
import { NOT_COORDINATOR_REASON } from '../../src/gas/platform/access';
import { buildControlLetter } from '../../src/domain/controlLetter';
import { utf8ByteLength } from '../../src/domain/letter';
import {
  CLERK,
  COORDINATOR,
  OWNER,
  createRegisterRuntime,
  journalRows,
  moscowTime,
  pageRow,
  registerRows,
} from '../gas/registerRuntime';
import { COLUMN_BY_KEY } from '../../src/domain/columns';

const DEPUTY = 'semenova@shpakovsky.example.ru';
const SUBJECT = /^Исполнение постановления № 1199/;

function runtime(today: string, controlRecipients: string[] = [DEPUTY]): Runtime {
  const rt = createRegisterRuntime({
    today,
    rows: [
      pageRow('P-1', { createdOn: '2026-11-20', organization: 'Отдел <b>культуры</b>' }),
      pageRow('P-2', {
        createdOn: '2026-10-01',
        deptReportedCreation: '2026-10-01',
        tsurReportedCreation: '2026-10-02',
        govMark: true,
        govPublics: true,
      }),
      // An organization with no page and no exemption: its only page was deleted (a row without a link is in
      // error, and an organization whose rows are in error is not judged, as in the ЦУР letter).
      pageRow('P-3', {
        organization: 'Архивный отдел',
        link: 'https://vk.com/archive_old',
        createdOn: '2024-03-01',
        deletedOn: '2025-01-10',
      }),
    ],
    settings: { coordinators: [OWNER, COORDINATOR], controlRecipients },
  });
  rt.menu('menuSetup', OWNER);
  rt.menu('menuDailyCheckOn', OWNER);
  return rt;
}

const controlMails = (rt: Runtime) => rt.mail.filter((mail) => SUBJECT.test(mail.subject));

describe('the control letter (п. 6) from the daily check', () => {
  it('goes on the first working day of the month, with the chart inline, and is journaled', () => {
    const rt = runtime('2026-12-01');
    rt.fireTimeDriven('dailyCheck');
    const [letter, ...others] = controlMails(rt);
    expect(others).toEqual([]);
    expect(letter?.to).toBe(DEPUTY);
    expect(letter?.htmlBody).toContain('src="cid:overviewChart"');
    expect(letter?.inlineImages.overviewChart?.contentType).toBe('image/png');
    expect(letter?.inlineImages.overviewChart?.data.subarray(1, 4).toString()).toBe('PNG');
    expect(letter?.htmlBody).toContain('Отдел &lt;b&gt;культуры&lt;/b&gt;');
    expect(letter?.htmlBody).not.toContain('<b>культуры');
    // Its lists are cards on a phone and a table from 600 px (responsiveTable), numbered like the ЦУР letter's.
    expect(letter?.htmlBody).toContain('@media screen and (min-width:600px)');
    expect(letter?.htmlBody).toMatch(/<table class="cards"[^>]*>[\s\S]*<b>1\.<\/b>/);
    expect(letter?.body).toContain('Архивный отдел');
    expect(journalRows(rt).some((row) => row[2] === 'Письмо для контроля (п. 6)' && row[3]?.includes(DEPUTY))).toBe(
      true,
    );
  });

  it('goes once a month: not again that month, however often the check runs; next month with the change', () => {
    const rt = runtime('2026-12-01');
    rt.fireTimeDriven('dailyCheck');
    rt.fireTimeDriven('dailyCheck');
    // Even a run the day's record does not stop (a second trigger, the record lost) sends no second letter.
    rt.quietly(() => rt.services.PropertiesService.getDocumentProperties().deleteProperty('dailyCheckLastRun'));
    rt.fireTimeDriven('dailyCheck');
    rt.setNow(moscowTime('2026-12-02'));
    rt.fireTimeDriven('dailyCheck');
    expect(controlMails(rt)).toHaveLength(1);
    // The first letter has nothing to compare with: it says so instead of a column of dashes.
    expect(controlMails(rt)[0]?.body).toContain('Это первое такое письмо: изменения за месяц будут в следующем.');
    expect(controlMails(rt)[0]?.body).not.toMatch(/\(—\)|\(0\)|\(\+/);
    // 1–10 January 2027 are days off: the first working day is Monday 11.01.
    rt.setNow(moscowTime('2027-01-11'));
    rt.fireTimeDriven('dailyCheck');
    expect(controlMails(rt)).toHaveLength(2);
    expect(controlMails(rt)[1]?.body).toContain('изменение — с письма за декабрь 2026');
    expect(controlMails(rt)[1]?.body).toContain('Показатели (в скобках — изменение):');
    expect(controlMails(rt)[1]?.body).not.toContain('Это первое такое письмо');
  });

  it('goes after the day’s records, written in one call; a letter that did not go leaves the month’s record as it was', () => {
    const rt = runtime('2026-12-01');
    const mail = unwrap(rt.services.MailApp) as unknown as { remaining: number };
    mail.remaining = 2; // the coordinators' digest (two coordinators), nothing for the control letter
    rt.fireTimeDriven('dailyCheck');
    expect(controlMails(rt)).toEqual([]);
    expect(journalRows(rt).some((row) => /письмо для контроля \(п\. 6\) не отправлено/.test(String(row[3])))).toBe(
      true,
    );
    mail.remaining = 100;
    rt.setNow(moscowTime('2027-01-11'));
    const { calls } = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
    expect(controlMails(rt)).toHaveLength(1);
    // December's letter never went: nothing to compare with.
    expect(controlMails(rt)[0]?.body).toContain('Это первое такое письмо');
    expect(controlMails(rt)[0]?.body).not.toContain('с письма за декабрь 2026');
    expect(calls.byMethod['Properties.setProperties']).toBe(1);
    expect(calls.byMethod['Properties.setProperty']).toBeUndefined();
  });

  it('does not go on other working days, nor when «Контроль исполнения (п. 6)» is empty', () => {
    const later = runtime('2026-12-02');
    later.fireTimeDriven('dailyCheck');
    expect(controlMails(later)).toEqual([]);
    const off = runtime('2026-12-01', []);
    off.fireTimeDriven('dailyCheck');
    expect(controlMails(off)).toEqual([]);
  });
});

describe('the chart in the control letter', () => {
  const chartName = (rt: Runtime) => controlMails(rt)[0]?.inlineImages.overviewChart?.name;
  const built = (rt: Runtime) => unwrap(rt.services.Charts).built;

  it('is the states chart drawn by the Charts service from the register’s own states: one server call, «Обзор» not read', () => {
    const rt = runtime('2026-12-01');
    const { calls } = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
    expect(chartName(rt)).toBe('Состояние строк реестра.png');
    const [chart, ...more] = built(rt);
    expect(more).toEqual([]);
    expect(chart?.type).toBe('BAR');
    expect(chart?.options).toEqual({ title: 'Состояние строк реестра', width: 480, height: 320 });
    expect(chart?.dataTable?.columns).toEqual([
      { type: 'STRING', label: 'Состояние строк' },
      { type: 'NUMBER', label: 'Строк' },
    ]);
    // The rows' states as the check wrote them into «Состояние», counted here, in the order of their first row.
    const counts = new Map<string, number>();
    for (const row of registerRows(rt)) {
      const state = String(row[COLUMN_BY_KEY.state.header]);
      counts.set(state, (counts.get(state) ?? 0) + 1);
    }
    expect(counts.size).toBeGreaterThan(1);
    expect(chart?.dataTable?.rows).toEqual([...counts.entries()]);
    expect(calls.byMethod['Chart.getAs']).toBe(1);
    for (const method of ['Sheet.getCharts', 'EmbeddedChart.getOptions', 'ChartOptions.get', 'EmbeddedChart.getAs'])
      expect(calls.byMethod[method]).toBeUndefined();
  });

  it('does not depend on «Обзор»: drawn with the sheet’s charts deleted', () => {
    const rt = runtime('2026-12-01');
    rt.quietly(() => {
      const sheet = rt.spreadsheet.getSheetByName('Обзор');
      for (const chart of sheet?.getCharts() ?? []) sheet?.removeChart(chart);
    });
    rt.fireTimeDriven('dailyCheck');
    expect(chartName(rt)).toBe('Состояние строк реестра.png');
    expect(controlMails(rt)[0]?.htmlBody).toContain('cid:overviewChart');
  });

  it('is left out when the register has no rows: nothing to draw, the journal says so', () => {
    const rt = createRegisterRuntime({
      today: '2026-12-01',
      rows: [],
      settings: { coordinators: [OWNER, COORDINATOR], controlRecipients: [DEPUTY] },
    });
    rt.menu('menuSetup', OWNER);
    rt.menu('menuDailyCheckOn', OWNER);
    rt.fireTimeDriven('dailyCheck');
    expect(controlMails(rt)).toHaveLength(1);
    expect(chartName(rt)).toBeUndefined();
    expect(built(rt)).toEqual([]);
    const entry = journalRows(rt).find((row) => row[2] === 'Письмо для контроля (п. 6)');
    expect(entry?.[3]).toContain('Без диаграммы: в реестре нет строк.');
  });

  it('is left out when the Charts service fails: the letter goes without it, and the journal says why', () => {
    const rt = runtime('2026-12-01');
    rt.ctx.failOn('Chart.getAs', 1, 'Service error: Charts');
    rt.fireTimeDriven('dailyCheck');
    expect(controlMails(rt)).toHaveLength(1);
    expect(chartName(rt)).toBeUndefined();
    expect(controlMails(rt)[0]?.htmlBody).not.toContain('cid:overviewChart');
    const entry = journalRows(rt).find((row) => row[2] === 'Письмо для контроля (п. 6)');
    expect(entry?.[3]).toContain(
      'Без диаграммы: служба диаграмм Google (Charts) не построила её: Service error: Charts.',
    );
  });
});

describe('the preview from the menu', () => {
  it('shows the letter to a coordinator and sends nothing; refuses anyone else', () => {
    const rt = runtime('2026-12-03');
    const before = rt.mail.length;
    rt.menu('menuControlLetter', COORDINATOR);
    const panel = rt.ui.panels.at(-1);
    expect(panel?.title).toBe('Письмо для контроля (п. 6)');
    expect(panel?.html).toContain('Исполнение постановления № 1199');
    expect(panel?.html).toContain(DEPUTY);
    // The chart as the letter would carry it, drawn by the Charts service, as a data: URL (the frame cannot read cid:).
    expect(panel?.html).toContain('data:image/png;base64,');
    expect(unwrap(rt.services.Charts).built).toHaveLength(1);
    rt.menu('menuControlLetter', CLERK);
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(NOT_COORDINATOR_REASON);
    expect(rt.mail.length).toBe(before);
  });
});

describe('the letter’s size', () => {
  it('cuts the lists to stay within the body limit', () => {
    const many = Array.from({ length: 3000 }, (_, index) => ({
      organization: `Организация № ${index} с очень длинным наименованием для проверки`,
      network: 'ВКонтакте',
      link: `https://vk.com/page${index}`,
      missing: ['Госметка'],
    }));
    const letter = buildControlLetter({
      districtName: 'Шпаковский муниципальный округ',
      today: '2026-12-01',
      recipients: [DEPUTY],
      figures: { figures: {}, states: [], months: [], organizations: [] },
      previous: null,
      late: [],
      unmarked: many,
      withChart: false,
      spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/x',
      bodyLimitBytes: 60_000,
    });
    expect(utf8ByteLength(letter.htmlBody) + utf8ByteLength(letter.body)).toBeLessThanOrEqual(60_000);
    expect(letter.body).toMatch(/… и ещё \d+\./);
  });
});
