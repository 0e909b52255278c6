/**
 * The letter to ЦУР in headless Chromium (Debian's /usr/bin/chromium): a table from 600 px (a mail
 * client's reading pane), numbered cards on a phone (360 px) and wherever the mail program strips <style>;
 * never a horizontal scroll, the events numbered as in the plain text, every card's cell labelled.
 * Screenshots at 360 and 800 px go to out/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { CHROMIUM, launchChromium, RUN_BROWSER_TESTS } from './chromium';
import { selectPendingEvents, summaryTotals } from '../../src/domain/summary';
import { buildSummaryLetter } from '../../src/domain/summaryLetter';
import { assess } from '../domain/assessedRows';

const RUN = RUN_BROWSER_TESTS;
if (!RUN) console.warn(`Браузерная проверка письма пропущена: нет ${CHROMIUM}.`);
const describeBrowser = RUN ? describe : describe.skip;

jest.setTimeout(60_000);

const TODAY = '2026-12-07';
const SCREENSHOTS = join(__dirname, '../../out/screenshots');

/** What a page shows of the events' table: scroll, header row, and each row's visible cell texts. */
async function layout(page: Page): Promise<{
  scroll: number;
  client: number;
  headerShown: boolean;
  headers: string[];
  rows: Array<{ number: string; cells: Array<{ label: string | null; text: string }> }>;
}> {
  return page.evaluate(() => {
    const table = document.querySelector('table.cards');
    const thead = table?.querySelector('thead');
    return {
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      headerShown: thead ? getComputedStyle(thead).display !== 'none' : false,
      headers: [...(thead?.querySelectorAll('th') ?? [])].map((th) => th.textContent ?? ''),
      rows: [...document.querySelectorAll('table.cards tbody tr')].map((tr) => {
        const [first, ...rest] = [...tr.querySelectorAll('td')];
        return {
          number: first?.textContent ?? '',
          cells: rest.map((td) => {
            const label = td.querySelector('.label');
            const visible = label !== null && getComputedStyle(label).display !== 'none';
            return { label: visible ? (label.textContent ?? '') : null, text: td.innerText };
          }),
        };
      }),
    };
  });
}

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
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('is a table at 600 px: no horizontal scroll, the header row shown, the numbers of the text part', async () => {
    const { html, text } = letterHtml();
    const page = await browser.newPage({ viewport: { width: 600, height: 800 } });
    await page.setContent(html);
    const shown = await layout(page);
    expect(shown.scroll).toBeLessThanOrEqual(shown.client);
    expect(shown.headerShown).toBe(true);
    // A table: no per-cell labels, the header row names the columns.
    expect(shown.rows.flatMap((row) => row.cells.map((cell) => cell.label))).toEqual(
      shown.rows.flatMap((row) => row.cells.map(() => null)),
    );
    const numbered = [...text.matchAll(/^(\d+)\. /gm)].map((match) => match[1]);
    expect(shown.rows.map((row) => row.number.replace(/\.$/, ''))).toEqual(numbered);
    expect(numbered).toEqual(['1', '2', '3', '4', '5', '6']);
    await page.close();
  });

  it.each([
    ['with the stylesheet', true],
    ['in a mail program that strips <style>', false],
  ])('is numbered cards at 360 px %s: no horizontal scroll, every cell labelled', async (_name, styled) => {
    const { html, text } = letterHtml();
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.setContent(styled ? html : html.replace(/<style>[\s\S]*?<\/style>/g, ''));
    const shown = await layout(page);
    expect(shown.scroll).toBeLessThanOrEqual(shown.client);
    expect(shown.headerShown).toBe(false);
    const columns = shown.headers.slice(1);
    expect(columns.length).toBeGreaterThanOrEqual(4);
    for (const row of shown.rows) {
      expect(row.cells.map((cell) => cell.label)).toEqual(columns.map((column) => `${column}: `));
      for (const cell of row.cells) expect(cell.text.startsWith(cell.label ?? '?')).toBe(true);
    }
    const numbered = [...text.matchAll(/^(\d+)\. /gm)].map((match) => `${match[1]}.`);
    expect(shown.rows.map((row) => row.number)).toEqual(numbered);
    // Each card is one block as wide as the page allows, the cards one under another.
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('table.cards tbody tr')].map(
        (tr) => tr.getBoundingClientRect().toJSON() as DOMRect,
      ),
    );
    for (const [index, box] of boxes.entries()) {
      expect(box.right).toBeLessThanOrEqual(360);
      if (index > 0) expect(box.top).toBeGreaterThanOrEqual(boxes[index - 1]!.bottom);
    }
    if (styled) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'letter-360.png'), fullPage: true });
    }
    await page.close();
  });

  it('without <style> reads as the same cards at 800 px, and with it is a table (screenshot)', async () => {
    const { html } = letterHtml();
    const bare = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await bare.setContent(html.replace(/<style>[\s\S]*?<\/style>/g, ''));
    const plain = await layout(bare);
    expect(plain.scroll).toBeLessThanOrEqual(plain.client);
    expect(plain.headerShown).toBe(false);
    expect(plain.rows.every((row) => row.cells.every((cell) => cell.label !== null))).toBe(true);
    await bare.close();
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.setContent(html);
    const shown = await layout(page);
    expect(shown.scroll).toBeLessThanOrEqual(shown.client);
    expect(shown.headerShown).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'letter-800.png'), fullPage: true });
    await page.close();
  });
});
