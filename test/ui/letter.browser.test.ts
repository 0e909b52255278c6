/**
 * The letter to ЦУР in headless Chromium (Debian's /usr/bin/chromium) at 600 px, the width of a mail
 * client's reading pane: no horizontal scrolling, and the events numbered as in the plain text.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { buildSummaryLetter, selectPendingEvents, summaryTotals } from '../../src/domain/summary';
import { assess } from '../domain/assessedRows';

const CHROMIUM = '/usr/bin/chromium';
const RUN = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!RUN) console.warn(`Браузерная проверка письма пропущена: нет ${CHROMIUM}.`);
const describeBrowser = RUN ? describe : describe.skip;

jest.setTimeout(60_000);

const TODAY = '2026-12-07';

function letterHtml(): { html: string; text: string } {
  const rows = assess(
    Array.from({ length: 6 }, (_, index) => ({
      id: `P${index}`,
      organization: `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${index + 1} с углублённым изучением отдельных предметов»`,
      orgKind: 'Подведомственная организация',
      network: 'ВКонтакте',
      link: `https://vk.com/public1972042380000000000000000000${index}; (https://vk.com/shpakovskiy_municipalnyi_okrug_stavropolskogo_kraya_oficialnaya_stranica_shkoly_nomer_${index})`,
      createdOn: index % 2 === 0 ? '2026-11-20' : '2019-03-01',
      ogrn: '1022600000004',
      inn: '7707083893',
      responsibleName: 'Константинопольская Александра Владимировна',
      responsiblePosition: 'Заместитель директора по учебно-воспитательной работе',
      authorizedName: 'Преображенский Святослав Вячеславович',
      deptReportedCreation: '2026-11-25',
    })),
    TODAY,
  );
  const letter = buildSummaryLetter({
    districtName: 'Шпаковский муниципальный округ',
    today: TODAY,
    recipients: ['cur@x.ru'],
    events: selectPendingEvents(rows, TODAY).events,
    totals: summaryTotals(rows, ['ВКонтакте'], []),
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abcdefghijklmnopqrstuvwxyz0123456789abcdefghij/edit',
    signature: {
      department: 'Отдел массовых коммуникаций',
      name: 'Саботырев Д. А.',
      phone: '8 (86553) 6-00-00',
      email: 'omkit@x.ru',
    },
  });
  return { html: letter.message.htmlBody, text: letter.message.body };
}

describeBrowser('the letter to ЦУР at 600 px', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('has no horizontal scroll and the numbers of the text part', async () => {
    const { html, text } = letterHtml();
    const page = await browser.newPage({ viewport: { width: 600, height: 800 } });
    await page.setContent(html);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('p > b:first-child')]
        .map((node) => /^(\d+)\. /.exec(node.textContent ?? '')?.[1])
        .filter(Boolean),
    );
    const numbered = [...text.matchAll(/^(\d+)\. /gm)].map((match) => match[1]);
    expect(shown).toEqual(numbered);
    expect(numbered).toEqual(['1', '2', '3', '4', '5', '6']);
    await page.close();
  });
});
