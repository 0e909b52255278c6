/**
 * The sidebar in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core), served by
 * dev/sidebarServer.ts with google.script.run bridged to the built bundle in the offline runtime.
 * Screenshots go to out/screenshots/.
 *
 * Without /usr/bin/chromium the suite is skipped with a message — except under CI, where it must run.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, launchChromium, RUN_BROWSER_TESTS } from './chromium';
import type { Runtime } from '../../dev/runtime';
import { loadXlsx } from '../../dev/spreadsheetFiles';
import type { SidebarServer } from '../../dev/sidebarServer';
import { columnKeyForHeader } from '../../src/domain/columns';
import type { ColumnKey } from '../../src/domain/types';
import type { SidebarSubmitResult } from '../../src/shared/sidebar';
import { emptyInput } from '../../src/ui/form/model';
import {
  CLERK,
  createSidebarRuntime,
  legacyPage,
  moscowDay,
  pageRow,
  registerValues,
  rowById,
  serveSidebar,
  startNpmStart,
  threePages,
} from './sidebarFixture';

const SCREENSHOTS = join(__dirname, '../../out/screenshots');
const TODAY = '2024-04-27';
const RUN = RUN_BROWSER_TESTS;

if (!RUN) {
  console.warn(
    `Браузерные тесты боковой панели пропущены: нет ${CHROMIUM}. Установите Chromium из пакетов Debian: apt-get install chromium`,
  );
}

const describeBrowser = RUN ? describe : describe.skip;

jest.setTimeout(60_000);

function threeRows(): Runtime {
  return threePages(TODAY);
}

describeBrowser('the sidebar in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let rt: Runtime;
  let server: SidebarServer;
  let foreignRequests: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(
    runtime: Runtime,
    options: Parameters<typeof serveSidebar>[1] = {},
    locale = 'ru-RU',
  ): Promise<void> {
    rt = runtime;
    server = await serveSidebar(rt, options);
    await load(locale);
  }

  /** Searches the register and opens the first page found, as a clerk does. */
  async function openFound(query: string): Promise<void> {
    await page.fill('#find-query', query);
    await page.click('#find-button');
    await page.click('#find-results button');
    await waitExactText(page.locator('#form-title'), 'Изменение страницы');
  }

  /** Opens `server.url` in a fresh 300-px browser context and waits until the form can be used. */
  async function load(locale = 'ru-RU'): Promise<void> {
    context = await browser.newContext({ viewport: { width: 300, height: 900 }, locale });
    page = await context.newPage();
    foreignRequests = [];
    pageErrors = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:'))
        foreignRequests.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const response = await page.goto(server.url);
    if (!response?.ok()) throw new Error(`the sidebar was not served: ${await response?.text()}`);
    await page.waitForSelector('#app:not([aria-busy])');
    await waitEnabled(page.locator('#submit'));
  }

  afterEach(async () => {
    await context?.close();
    await server?.close();
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  /**
   * A state of the sidebar as a clerk sees it: nothing wider than the 300-px panel (no horizontal scroll,
   * no element past its right edge), no serious or critical axe violation, and a screenshot to look at.
   */
  async function shot(name: string): Promise<void> {
    const fit = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      const width = root.clientWidth;
      const outside = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > width + 0.5)
        .map((element) => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`);
      return { scrollWidth: root.scrollWidth, clientWidth: width, outside };
    });
    const wider = Math.max(0, fit.scrollWidth - fit.clientWidth);
    expect({ state: name, wider, outside: fit.outside }).toEqual({ state: name, wider: 0, outside: [] });
    await expectAccessible(name);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  function submits(): number {
    return server.calls.filter((call) => call.name === 'sidebarSubmit').length;
  }

  async function fillNewPage(fields: Record<string, string> = {}): Promise<void> {
    const values: Record<string, string> = {
      organization: 'Комитет по культуре',
      link: 'https://vk.com/kultura_shpak',
      createdOn: '2024-04-26',
      responsibleName: 'Иванова Мария Сергеевна',
      responsiblePosition: 'Председатель комитета',
      responsibleEmail: 'ivanova@shpakovsky.example.ru',
      authorizedName: 'Смирнов Олег Петрович',
      ogrn: '1022603620016',
      note: '=ДОЛЯ(1)',
      ...fields,
    };
    for (const [key, value] of Object.entries(values)) await page.fill(`#f-${key}`, value);
    await page.selectOption('#f-orgKind', 'Структурное подразделение');
    await page.check('#f-esiaVerified');
    await page.check('#f-govMark');
    await page.locator('#f-note').blur();
  }

  it('fits 300 px and is one self-contained file', async () => {
    await open(threeRows());
    const built = readFileSync(join(__dirname, '../../build/Sidebar.html'), 'utf8');
    expect(built).not.toMatch(/<(?:script|img|iframe)[^>]+src=|<link\b|@import|url\(\s*['"]?(?:https?:)?\/\//i);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    // Every control has a visible label tied to it, and a message slot it is described by.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((element) => {
          const label = document.querySelector(`label[for="${element.id}"]`);
          return !label || (label as HTMLElement).offsetParent === null || !label.textContent?.trim();
        })
        .map((element) => element.id),
    );
    expect(unlabelled).toEqual([]);
    const describedBy = await page.getAttribute('#f-link', 'aria-describedby');
    expect(describedBy?.split(' ')).toEqual(['f-link-msg', 'f-link-echo', 'f-link-count', 'f-link-hint']);
    const suggestions = await page.$$eval('#org-list option', (options) =>
      options.map((option) => (option as HTMLOptionElement).value),
    );
    expect(suggestions).toContain('МБУК «Дом культуры»');
  });

  it('adds a page: the row is in the sheet, and the result shows row and deadlines', async () => {
    await open(threeRows());
    await fillNewPage();
    await waitValue(page.locator('#f-network'), 'ВКонтакте'); // suggested from the link
    await shot('sidebar-filled');
    await page.click('#submit');
    await page.waitForSelector('#result.success:not([hidden])');
    const text = await page.textContent('#result');
    expect(text).toContain('Страница добавлена в реестр: строка 5.');
    expect(text).toContain('Сообщено в отдел массовых коммуникаций сегодня, 27.04.2024: создание страницы 26.04.2024.');
    expect(text).toContain('03.05.2024');
    await shot('sidebar-saved');
    const id = (await page.textContent('#form-mode-detail'))?.match(/P-[0-9A-Z]{8}/)?.[0];
    expect(id).toBeDefined();
    const row = rowById(rt, id!);
    expect(row).toMatchObject({
      Организация: 'Комитет по культуре',
      'Вид организации': 'Структурное подразделение',
      'Социальная сеть': 'ВКонтакте',
      'Ссылка на страницу': 'https://vk.com/kultura_shpak',
      'Идентификация в ЕСИА': true,
      Госметка: true,
      ОГРН: '1022603620016',
      Примечание: '=ДОЛЯ(1)',
      Состояние: 'В срок',
    });
    expect(row?.['Дата создания']).toEqual(moscowDay('2024-04-26'));
    expect(row?.['Сообщено в отдел (создание)']).toEqual(moscowDay(TODAY));
    expect(registerValues(rt).formulas.flat().filter(Boolean)).toEqual([]);
    // Found again through the search.
    await page.fill('#find-query', 'кульТУРЕ');
    await page.press('#find-query', 'Enter');
    await waitCount(page.locator('#find-results button'), 1);
    expect(await page.textContent('#find-results')).toContain('строка 5');
  });

  it('shows field messages for an invalid link and a future date and writes nothing', async () => {
    await open(threeRows());
    const before = registerValues(rt);
    await page.fill('#f-organization', 'Комитет по культуре');
    await page.fill('#f-link', 'vk.com');
    await page.locator('#f-link').blur();
    await waitText(page.locator('#f-link-msg'), 'адрес самой страницы');
    expect(await page.textContent('#f-link-echo')).toBe(''); // no «Будет сохранено» for a link that is refused
    await page.fill('#f-createdOn', '2030-01-15');
    await page.locator('#f-createdOn').blur();
    await waitText(page.locator('#f-createdOn-msg'), 'позже сегодняшнего дня');
    expect(await page.getAttribute('#f-link', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-createdOn', 'aria-invalid')).toBe('true');
    // Untouched fields say nothing yet.
    expect(await page.textContent('#f-authorizedName-msg')).toBe('');
    await page.click('#submit');
    await waitText(page.locator('#submit-status'), 'Не сохранено');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-link');
    await shot('sidebar-errors');
    expect(submits()).toBe(0);
    expect(registerValues(rt)).toEqual(before);
  });

  it('refuses a duplicate link on the server even when the client check is bypassed', async () => {
    await open(threeRows());
    const before = registerValues(rt);
    // Straight to the bridge, as a client that skips its own checks would.
    const response = await fetch(`${server.url}__google_script_run/sidebarSubmit`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([
        {
          ...emptyInput(),
          organization: 'Другая организация',
          orgKind: 'Структурное подразделение',
          network: 'ВКонтакте',
          link: 'https://m.vk.ru/DK_Shpak/',
          createdOn: '2024-04-26',
          responsibleName: 'Иванов',
          responsiblePosition: 'Директор',
          authorizedName: 'Петров',
        },
        'bypass-client-0001',
      ]),
    });
    const answer = (await response.json()) as { ok: boolean; value: SidebarSubmitResult };
    expect(answer.ok).toBe(true);
    expect(answer.value.ok).toBe(false);
    if (!answer.value.ok) {
      expect(answer.value.message).toMatch(/строка 3/);
      expect(answer.value.duplicate?.id).toBe('P-BBBBBBBB');
    }
    // Through the form: as soon as the link is entered, the message names the row and offers to open
    // that page instead; a submit is refused by the server as well.
    await page.fill('#f-link', 'https://vk.com/DK_shpak/');
    await page.locator('#f-link').blur();
    await waitText(page.locator('#duplicate'), 'Открыть страницу из строки 3: МБУК «Дом культуры»');
    await fillNewPage({ link: 'https://vk.com/dk_shpak/' });
    await page.evaluate(() => document.getElementById('duplicate')?.setAttribute('hidden', ''));
    await page.click('#submit');
    await waitText(page.locator('#duplicate'), 'Открыть страницу из строки 3: МБУК «Дом культуры»');
    await waitText(page.locator('#f-link-msg'), 'уже внесена в строке 3');
    await shot('sidebar-duplicate');
    expect(submits()).toBe(2); // the bypassing call and the form's
    expect(registerValues(rt)).toEqual(before);
    // What was typed for the new page would be dropped: asked first.
    await page.click('#open-duplicate');
    await page.waitForSelector('#discard-question:not([hidden])');
    expect(await page.$eval('#discard-question', (box) => box.previousElementSibling?.id)).toBe('duplicate');
    await page.click('#discard-yes');
    await waitText(page.locator('#form-mode-detail'), 'P-BBBBBBBB');
    expect(await page.inputValue('#f-organization')).toBe('МБУК «Дом культуры»');
  });

  it('updates an existing page, including marking it deleted', async () => {
    await open(threeRows());
    await openFound('ok.ru/obrazovanie');
    expect(await page.inputValue('#f-createdOn')).toBe('01.03.2024');
    await page.fill('#f-responsiblePosition', 'Начальник отдела');
    await page.click('#mark-deleted');
    expect(await page.inputValue('#f-deletedOn')).toBe('27.04.2024');
    await page.click('#submit');
    await page.waitForSelector('#result.success:not([hidden])');
    const result = (await page.textContent('#result')) ?? '';
    expect(result).toContain('Изменения сохранены: строка 4.');
    // One line: the save stamped «Сообщено в отдел (удаление)» today, and nothing is left for the clerk to report.
    expect(result).toContain(
      'Сообщено в отдел массовых коммуникаций сегодня, 27.04.2024: удаление страницы 27.04.2024. Отдельно сообщать не нужно.',
    );
    // Now deleted: no second «Отметить как удалённую», the date it was deleted instead.
    expect(await page.isHidden('#mark-deleted')).toBe(true);
    await waitText(page.locator('#deleted-note'), 'Страница отмечена удалённой 27.04.2024.');
    await shot('sidebar-marked-deleted');
    const row = rowById(rt, 'P-CCCCCCCC');
    expect(row?.['Должность ответственного']).toBe('Начальник отдела');
    expect(row?.['Дата удаления']).toEqual(moscowDay(TODAY));
    expect(row?.['Сообщено в отдел (удаление)']).toEqual(moscowDay(TODAY));
    expect(registerValues(rt).values).toHaveLength(4);
  });

  it("takes the last save's answer away once the form changes again (a deletion put in is not yet saved)", async () => {
    await open(threeRows());
    await openFound('ok.ru/obrazovanie');
    await page.fill('#f-responsiblePosition', 'Начальник отдела');
    await page.click('#submit');
    await page.waitForSelector('#result.success:not([hidden])');
    await page.click('#mark-deleted');
    expect(await page.isHidden('#result')).toBe(true);
    await waitText(page.locator('#submit-status'), 'Нажмите «Сохранить изменения»');
    await shot('sidebar-deletion-not-saved');
    expect(rowById(rt, 'P-CCCCCCCC')?.['Дата удаления']).toBe('');
  });

  it('says what the table holds where the form cannot show it, and a save of another field keeps it', async () => {
    await open(legacyPage(TODAY));
    await openFound('Архив');
    expect(await page.textContent('#f-deletedOn-msg')).toContain('В таблице записано «удалена в марте» — это не дата.');
    expect(await page.textContent('#f-esiaVerified-msg')).toContain('В таблице записано «частично»');
    await shot('sidebar-unreadable');
    await page.fill('#f-note', 'Проверено');
    await page.click('#submit');
    await page.waitForSelector('#result.success:not([hidden])');
    expect(rowById(rt, 'P-LEGACY01')).toMatchObject({
      Примечание: 'Проверено',
      'Дата удаления': 'удалена в марте',
      'Идентификация в ЕСИА': 'частично',
    });
    expect(await page.textContent('#f-deletedOn-msg')).toContain('удалена в марте');
    // Entering a date there is a change: written, and the message goes.
    await page.fill('#f-deletedOn', '2024-04-26');
    await page.locator('#f-deletedOn').blur();
    expect(await page.textContent('#f-deletedOn-msg')).not.toContain('удалена в марте');
    await page.click('#submit');
    await waitText(page.locator('#submit-status'), 'Сохранено');
    expect(rowById(rt, 'P-LEGACY01')?.['Дата удаления']).toEqual(moscowDay('2024-04-26'));
  });

  it('submits once on a double click, and keeps what was typed when the server fails', async () => {
    let failNext = true;
    await open(threeRows(), {
      beforeCall: async (name) => {
        if (name !== 'sidebarSubmit') return;
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (failNext) {
          failNext = false;
          throw new Error('Превышено время ожидания ответа сервера');
        }
      },
    });
    await fillNewPage();
    await page.dblclick('#submit');
    await waitText(page.locator('#submit-status'), 'Не удалось сохранить');
    expect(await page.textContent('#submit-status')).toContain('Введённые данные остались в форме');
    expect(await page.inputValue('#f-organization')).toBe('Комитет по культуре');
    expect(await page.inputValue('#f-link')).toBe('https://vk.com/kultura_shpak');
    expect(submits()).toBe(1);
    await shot('sidebar-failure');
    // The retry of the same input carries the same request ID.
    await page.click('#submit');
    await page.waitForSelector('#result.success:not([hidden])');
    const ids = server.calls.filter((call) => call.name === 'sidebarSubmit').map((call) => call.args[1]);
    expect(new Set(ids).size).toBe(1);
    expect(registerValues(rt).values).toHaveLength(5);
  });

  /** axe-core on the page as it is now: no serious or critical violation. */
  async function expectAccessible(state: string): Promise<void> {
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${state}: ${violation.id} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    expect(bad).toEqual([]);
  }

  function rowsOf(organization: string): Array<Record<string, unknown>> {
    const { values } = registerValues(rt);
    const [header, ...rows] = values as [string[], ...unknown[][]];
    return rows
      .map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index]])))
      .filter((row) => row['Организация'] === organization);
  }

  it('adds a second page of the same organization from the filled form: both pages are in the register', async () => {
    await open(threeRows());
    await fillNewPage();
    await page.click('#submit');
    await page.waitForSelector('#result.success:not([hidden])');
    await waitText(page.locator('#result'), 'Страница добавлена в реестр: строка 5.');
    expect(await page.isVisible('#add-same-org')).toBe(true);
    expect(await page.isVisible('#new-org')).toBe(true);
    await shot('sidebar-saved');
    await page.click('#add-same-org');
    // Organization and people stay; the page's own fields are empty; it is a new page again.
    await waitExactText(page.locator('#form-title'), 'Новая страница');
    expect(await page.inputValue('#f-organization')).toBe('Комитет по культуре');
    expect(await page.inputValue('#f-orgKind')).toBe('Структурное подразделение');
    expect(await page.inputValue('#f-responsibleName')).toBe('Иванова Мария Сергеевна');
    expect(await page.inputValue('#f-authorizedName')).toBe('Смирнов Олег Петрович');
    expect(await page.isChecked('#f-esiaVerified')).toBe(true);
    for (const key of ['network', 'link', 'createdOn', 'deletedOn', 'note']) {
      expect(await page.inputValue(`#f-${key}`)).toBe('');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-network');
    await page.selectOption('#f-network', 'Одноклассники');
    await page.fill('#f-link', 'ok.ru/kultura_shpak');
    await page.fill('#f-createdOn', '26.04.2024');
    await page.locator('#f-createdOn').blur();
    await waitText(page.locator('#f-link-echo'), 'Будет сохранено: https://ok.ru/kultura_shpak');
    await shot('sidebar-second-page');
    await page.click('#submit');
    await waitText(page.locator('#result-title'), 'строка 6');
    await waitText(page.locator('#result'), 'Ссылка сохранена как https://ok.ru/kultura_shpak');
    const rows = rowsOf('Комитет по культуре');
    expect(rows.map((row) => row['Ссылка на страницу'])).toEqual([
      'https://vk.com/kultura_shpak',
      'https://ok.ru/kultura_shpak',
    ]);
    expect(rows.map((row) => row['Ответственный (ФИО)'])).toEqual([
      'Иванова Мария Сергеевна',
      'Иванова Мария Сергеевна',
    ]);
    // «Новая организация» empties everything.
    await page.click('#new-org');
    expect(await page.inputValue('#f-organization')).toBe('');
    expect(await page.inputValue('#f-responsibleName')).toBe('');
  });

  it('asks, when the link of a saved page changes, whether it is the same page or another', async () => {
    await open(threeRows());
    await page.fill('#find-query', 'Дом культуры');
    await page.click('#find-button');
    await page.click('#find-results button');
    await waitText(page.locator('#form-mode-detail'), 'P-BBBBBBBB');
    // Erasing the link is refused at once, with the way to mark the page deleted instead.
    await page.fill('#f-link', '');
    await page.locator('#f-link').blur();
    await waitText(page.locator('#f-link-msg'), '«Отметить как удалённую»');
    await page.click('#submit');
    expect(submits()).toBe(0);
    // Another page of the organization: a new row, the old one stays.
    await page.fill('#f-link', 'https://vk.com/dk_shpak_kids');
    await page.click('#submit');
    await page.waitForSelector('#link-question:not([hidden])');
    expect(await page.textContent('#link-question')).toContain('строки 3');
    expect(submits()).toBe(0);
    await shot('sidebar-question');
    // Esc, as on the other question: back to the link, nothing saved; asked again on the next save.
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#link-question')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-link');
    expect(submits()).toBe(0);
    await page.click('#submit');
    await page.waitForSelector('#link-question:not([hidden])');
    await page.click('#other-page');
    // The old page's creation date is not carried over: the form asks for the new page's own.
    await waitText(page.locator('#submit-status'), 'Страница в строке 3 не изменена');
    await waitExactText(page.locator('#form-title'), 'Новая страница');
    expect(await page.inputValue('#f-link')).toBe('https://vk.com/dk_shpak_kids');
    expect(await page.inputValue('#f-createdOn')).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-createdOn');
    expect(submits()).toBe(0);
    await page.fill('#f-createdOn', '26.04.2024');
    await page.click('#submit');
    await waitText(page.locator('#result'), 'Страница добавлена в реестр: строка 5.');
    expect(rowById(rt, 'P-BBBBBBBB')?.['Ссылка на страницу']).toBe('https://vk.com/dk_shpak');
    expect(rowsOf('МБУК «Дом культуры»').map((row) => row['Ссылка на страницу'])).toEqual([
      'https://vk.com/dk_shpak',
      'https://vk.com/dk_shpak_kids',
    ]);
    // Another page with its own date entered before the answer: saved at once as a new row.
    await page.fill('#f-link', 'https://vk.com/dk_shpak_music');
    await page.fill('#f-createdOn', '25.04.2024');
    await page.click('#submit');
    await page.waitForSelector('#link-question:not([hidden])');
    await page.click('#other-page');
    await waitText(page.locator('#result'), 'Прежняя страница осталась в строке 5.');
    await waitText(page.locator('#result-title'), 'строка 6');
    // The same page with a new address: the row is updated, no row is added.
    await page.fill('#f-link', 'https://vk.com/dk_shpak_deti');
    await page.click('#submit');
    await page.waitForSelector('#link-question:not([hidden])');
    await page.click('#same-page');
    await waitText(page.locator('#result'), 'Изменения сохранены: строка 6.');
    expect(rowsOf('МБУК «Дом культуры»').map((row) => row['Ссылка на страницу'])).toEqual([
      'https://vk.com/dk_shpak',
      'https://vk.com/dk_shpak_kids',
      'https://vk.com/dk_shpak_deti',
    ]);
    expect(registerValues(rt).values).toHaveLength(6);
  });

  it('lists a search again after a save, so the list shows the page as saved', async () => {
    await open(threeRows());
    await openFound('Дом культуры');
    await page.fill('#f-link', 'https://vk.com/dk_shpak_new');
    await page.click('#submit');
    await page.waitForSelector('#link-question:not([hidden])');
    await page.click('#same-page');
    await waitText(page.locator('#result'), 'Изменения сохранены');
    await waitText(page.locator('#find-results'), 'dk_shpak_new');
    await shot('sidebar-search-after-save');
    expect(await page.locator('#find-results').textContent()).not.toMatch(/dk_shpak(?!_new)/);
  });

  it('asks before unsaved changes are dropped by opening another page or clearing the form', async () => {
    await open(
      createSidebarRuntime({
        today: TODAY,
        rows: [
          ...['P-AAAAAAAA', 'P-BBBBBBBB'].map((id) => pageRow(id)),
          pageRow('P-MINE0001', { organization: 'Отдел культуры', responsibleEmail: CLERK }),
        ],
      }),
    );
    const question = page.locator('#discard-question');
    const focusedId = (): Promise<string | undefined> => page.evaluate(() => document.activeElement?.id);
    const search = async (query: string): Promise<void> => {
      await page.fill('#find-query', query);
      await page.click('#find-button');
      await waitCount(page.locator('#find-results button'), 1);
    };
    await search('P-AAAAAAAA');
    await page.click('#find-results button');
    await waitText(page.locator('#form-mode-detail'), 'P-AAAAAAAA');
    // Typed and typed back: the form is as loaded, so nothing to ask.
    await page.fill('#f-note', 'черновик');
    await page.fill('#f-note', '');
    await search('P-BBBBBBBB');
    await page.click('#find-results button');
    await waitText(page.locator('#form-mode-detail'), 'P-BBBBBBBB');
    expect(await question.isHidden()).toBe(true);
    // A note typed, another result clicked: asked, next to the results; the note stays.
    await page.fill('#f-note', 'Важное примечание');
    await search('P-AAAAAAAA');
    await page.click('#find-results button');
    await page.waitForSelector('#discard-question:not([hidden])');
    expect(await question.textContent()).toContain(
      'В форме есть несохранённые изменения. Открыть другую страницу без сохранения?',
    );
    expect(await focusedId()).toBe('discard-question-text');
    expect(await page.$eval('#discard-question', (box) => box.previousElementSibling?.id)).toBe('find-results');
    await shot('sidebar-unsaved-question');
    await page.click('#discard-no');
    expect(await question.isHidden()).toBe(true);
    expect(await focusedId()).toBe('f-note');
    expect(await page.textContent('#form-mode-detail')).toContain('P-BBBBBBBB');
    expect(await page.inputValue('#f-note')).toBe('Важное примечание');
    // From the keyboard: Escape is «Вернуться к форме»; Enter on «Не сохранять и открыть» opens the page.
    await page.click('#find-results button');
    await page.waitForSelector('#discard-question:not([hidden])');
    await page.keyboard.press('Escape');
    expect(await question.isHidden()).toBe(true);
    expect(await page.inputValue('#f-note')).toBe('Важное примечание');
    await page.click('#find-results button');
    await page.waitForSelector('#discard-question:not([hidden])');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('discard-yes');
    await page.keyboard.press('Enter');
    await waitText(page.locator('#form-mode-detail'), 'P-AAAAAAAA');
    expect(await page.inputValue('#f-note')).toBe('');
    expect(await question.isHidden()).toBe(true);
    // An edit of a page, then «Очистить форму: новая страница»: asked too.
    await page.fill('#f-responsiblePosition', 'Начальник отдела');
    await page.click('#new-page');
    await page.waitForSelector('#discard-question:not([hidden])');
    await page.click('#discard-no');
    expect(await page.inputValue('#f-responsiblePosition')).toBe('Начальник отдела');
    await page.click('#new-page');
    await page.click('#discard-yes');
    await waitExactText(page.locator('#form-title'), 'Новая страница');
    // A half-typed new page, then an entry of «Мои страницы»: asked, and kept on «Вернуться к форме».
    await page.fill('#f-organization', 'Комитет по');
    await waitCount(page.locator('#mine-list button'), 1);
    await page.click('#mine-0');
    await page.waitForSelector('#discard-question:not([hidden])');
    expect(await page.$eval('#discard-question', (box) => box.previousElementSibling?.id)).toBe('mine-list');
    await page.click('#discard-no');
    expect(await focusedId()).toBe('f-organization');
    expect(await page.inputValue('#f-organization')).toBe('Комитет по');
    expect(await page.textContent('#form-title')).toBe('Новая страница');
    expect(submits()).toBe(0);
  });

  it('a save of a page whose event was never reported reports it, late, and no past deadline is told as future', async () => {
    // Deleted 24.11.2026 (Tue), the date typed straight into the sheet: the department's deadline was
    // 26.11.2026, ЦУР's 27.11.2026; today is 01.12.2026 and «Сообщено в отдел (удаление)» is empty.
    await open(
      createSidebarRuntime({
        today: '2026-12-01',
        rows: [
          pageRow('P-LATE0001', {
            organization: 'Отдел культуры',
            responsibleEmail: CLERK,
            deletedOn: '2026-11-24',
            state: 'Просрочено: отдел',
          }),
          pageRow('P-KEPT0001', {
            organization: 'Отдел спорта',
            responsibleEmail: CLERK,
            deletedOn: '2026-11-24',
            deptReportedDeletion: '2026-11-25',
          }),
        ],
      }),
    );
    await waitCount(page.locator('#mine-list button'), 2);
    expect(await page.textContent('#mine-list')).toContain('срок истёк 26.11.2026');
    await page.click('#mine-list button:has-text("Отдел культуры")');
    await waitText(page.locator('#form-mode-detail'), 'P-LATE0001');
    // The form says what is missing and what does it.
    expect(await page.textContent('#unreported-note')).toBe(
      'Координатору не сообщено: удаление страницы 24.11.2026. Нажмите «Сохранить изменения» — это и будет сообщением в отдел массовых коммуникаций.',
    );
    await shot('sidebar-unreported-opened');
    await page.click('#submit');
    await waitText(page.locator('#result-title'), 'строка 2');
    const lines = await page.$$eval('#result-lines li', (items) => items.map((item) => item.textContent ?? ''));
    expect(lines[0]).toBe(
      'Сообщено в отдел массовых коммуникаций сегодня, 01.12.2026: удаление страницы 24.11.2026, с опозданием: срок был 26.11.2026. Отдельно сообщать не нужно.',
    );
    expect(lines).toContain('Срок сообщения в ЦУР об удалении истёк 27.11.2026.');
    // No deadline before today is told in the future tense, nor as «ближайший».
    const result = lines.join(' ');
    for (const [, date] of result.matchAll(/(?:до|ближайший срок) (\d\d\.\d\d\.\d{4})/g)) {
      const [dd, mm, yyyy] = date!.split('.');
      expect(`${yyyy}-${mm}-${dd}` >= '2026-12-01').toBe(true);
    }
    expect(rowById(rt, 'P-LATE0001')?.['Сообщено в отдел (удаление)']).toEqual(moscowDay('2026-12-01'));
    await shot('sidebar-reported-late');
    // Saved again: the stamp stays (never overwritten), and nothing is said to be reported again.
    await page.click('#submit');
    await waitExactText(page.locator('#result-title'), 'Изменений нет: строка 2 не менялась.');
    expect(await page.textContent('#result-lines')).not.toContain('Сообщено в отдел');
    expect(await page.isHidden('#unreported-note')).toBe(true);
    expect(rowById(rt, 'P-LATE0001')?.['Сообщено в отдел (удаление)']).toEqual(moscowDay('2026-12-01'));
    // A page already reported keeps its own stamp.
    await page.click('#mine-list button:has-text("Отдел спорта")');
    await waitText(page.locator('#form-mode-detail'), 'P-KEPT0001');
    expect(await page.isHidden('#unreported-note')).toBe(true);
    await page.click('#submit');
    await waitText(page.locator('#result-title'), 'строка 3');
    expect(await page.textContent('#result-lines')).not.toContain('Сообщено в отдел');
    expect(rowById(rt, 'P-KEPT0001')?.['Сообщено в отдел (удаление)']).toEqual(moscowDay('2026-11-25'));
  });

  it('saves http:// as https:// and says so, says when nothing changed, and words an exemption as one', async () => {
    await open(threeRows());
    await fillNewPage({ link: 'http://vk.com/kultura_shpak' });
    await waitText(page.locator('#f-link-echo'), 'Будет сохранено: https://vk.com/kultura_shpak');
    await page.click('#submit');
    await waitText(page.locator('#result-title'), 'Страница добавлена в реестр: строка 5.');
    expect(await page.textContent('#result-lines')).toContain('Ссылка сохранена как https://vk.com/kultura_shpak');
    expect(rowsOf('Комитет по культуре').map((row) => row['Ссылка на страницу'])).toEqual([
      'https://vk.com/kultura_shpak',
    ]);
    // Saved again as it is: nothing changed, and the result says so.
    const before = registerValues(rt);
    await page.click('#submit');
    await waitExactText(page.locator('#result-title'), 'Изменений нет: строка 5 не менялась.');
    expect(await page.textContent('#submit-status')).toBe('Изменений нет.');
    expect(registerValues(rt)).toEqual(before);
    await shot('sidebar-unchanged');
    // An agreed exemption (п. 4), no page: recorded as such, and no «another page» of it is offered.
    await page.click('#new-org');
    await page.fill('#f-organization', 'МКУ «Архив»');
    await page.selectOption('#f-orgKind', 'Подведомственная организация');
    await page.fill('#f-exemptionBasis', 'Письмо администрации № 12 от 01.04.2024');
    await page.fill('#f-responsibleName', 'Орлова Нина Петровна');
    await page.fill('#f-responsiblePosition', 'Директор');
    await page.fill('#f-authorizedName', 'Орлова Нина Петровна');
    await page.click('#submit');
    await waitExactText(page.locator('#result-title'), 'Освобождение (п. 4) внесено в реестр: строка 6.');
    expect(await page.isHidden('#add-same-org')).toBe(true);
    expect(await page.isVisible('#new-org')).toBe(true);
    // An exemption row has no page to mark deleted.
    expect(await page.isHidden('#mark-deleted')).toBe(true);
    await shot('sidebar-exemption-saved');
  });

  it('says each problem once, next to its field, and counts only the problems that remain', async () => {
    await open(threeRows());
    // Leaving a field without typing in it judges nothing.
    await page.focus('#f-organization');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.textContent('#f-organization-msg')).toBe('');
    await page.click('#submit');
    await waitText(page.locator('#submit-status'), 'Не сохранено: полей с ошибками — ');
    const status = (await page.textContent('#submit-status')) ?? '';
    const count = Number(status.match(/— (\d+)/)?.[1]);
    expect(count).toBeGreaterThan(3);
    const messages = await page.$$eval('.msg.error', (elements) =>
      elements.map((element) => element.textContent ?? ''),
    );
    expect(messages.length).toBe(count);
    expect(messages.filter((message) => message === 'Не заполнено.').length).toBeGreaterThan(3);
    for (const message of messages) expect(message.length).toBeLessThan(80);
    // The п. 4 exemption hint stands once, above the form.
    const body = (await page.textContent('body')) ?? '';
    expect(body.split('по согласованию с администрацией').length - 1).toBe(1);
    await shot('sidebar-empty-submit');
    await page.fill('#f-organization', 'Комитет по культуре');
    await waitText(page.locator('#submit-status'), `полей с ошибками — ${count - 1}`);
    // A text longer than its limit is kept whole, and the form says by how much it is over.
    const long = 'Очень длинное название '.repeat(56).slice(0, 1287);
    await page.fill('#f-organization', long);
    expect((await page.inputValue('#f-organization')).length).toBe(1287);
    await waitText(page.locator('#f-organization-msg'), 'Длиннее допустимого на 787 знаков');
    expect(await page.textContent('#f-organization-count')).toBe(''); // said once, by the message
    await page.fill('#f-organization', long.slice(0, 480));
    await waitExactText(page.locator('#f-organization-count'), 'Осталось 20 из 500 знаков');
    await page.fill('#f-organization', long);
    await shot('sidebar-too-long');
    // A field typed in is judged when the focus leaves it.
    await page.fill('#f-responsibleEmail', 'ivanova@');
    await page.locator('#f-responsibleEmail').blur();
    await waitText(page.locator('#f-responsibleEmail-msg'), 'не похоже на адрес электронной почты');
    // A Cyrillic domain stays as typed and is accepted (an email input would hand it over as punycode).
    await page.fill('#f-responsibleEmail', 'ivanova@шпаковский.рф');
    await page.locator('#f-responsibleEmail').blur();
    // Read as an address: no message (no «Домены для рассылки» are in force here, so no domain warning).
    await waitExactText(page.locator('#f-responsibleEmail-msg'), '');
    expect(await page.inputValue('#f-responsibleEmail')).toBe('ivanova@шпаковский.рф');
    expect(submits()).toBe(0);
  });

  it('warns as the address is typed, not only after the save, when reminders may not go to its domain', async () => {
    const runtime = threeRows();
    runtime.quietly(() =>
      runtime.spreadsheet
        .insertSheet('Настройки')
        .getRange(1, 1, 2, 2)
        .setValues([
          ['Параметр', 'Значение'],
          ['Домены для рассылки', 'shpakovsky.example.ru'],
        ]),
    );
    await open(runtime);
    await page.fill('#f-responsibleEmail', 'petrova@shpakovsky.exmaple.ru');
    await page.locator('#f-responsibleEmail').blur();
    await waitText(page.locator('#f-responsibleEmail-msg'), 'Напоминание на этот адрес не отправляется');
    await waitText(page.locator('#f-responsibleEmail-msg'), '(shpakovsky.example.ru)');
    await shot('sidebar-domain-warning');
    await page.fill('#f-responsibleEmail', 'petrova@shpakovsky.example.ru');
    await waitExactText(page.locator('#f-responsibleEmail-msg'), '');
    expect(submits()).toBe(0);
  });

  it('takes dates as ДД.ММ.ГГГГ in an English browser too, and says the day it understood', async () => {
    await open(threeRows(), {}, 'en-US');
    expect(await page.getAttribute('#f-createdOn', 'type')).toBe('text');
    expect(await page.getAttribute('#f-createdOn', 'placeholder')).toBe('ДД.ММ.ГГГГ');
    const cases: Array<[string, string, string]> = [
      ['5.4.24', '05.04.2024', 'пятница, 5 апреля 2024'],
      ['25042024', '25.04.2024', 'четверг, 25 апреля 2024'],
      ['2024-04-26', '26.04.2024', 'пятница, 26 апреля 2024'],
      ['27.11.2026', '27.11.2026', 'пятница, 27 ноября 2026'],
    ];
    for (const [typed, shown, echo] of cases) {
      await page.fill('#f-createdOn', typed);
      await waitExactText(page.locator('#f-createdOn-echo'), echo);
      await page.locator('#f-createdOn').blur();
      expect(await page.inputValue('#f-createdOn')).toBe(shown);
    }
    await waitText(page.locator('#f-createdOn-msg'), 'позже сегодняшнего дня');
    await shot('sidebar-date-echo');
    await page.fill('#f-createdOn', '31.02.2024');
    await page.locator('#f-createdOn').blur();
    await waitExactText(page.locator('#f-createdOn-msg'), 'Такой даты нет в календаре: «31.02.2024».');
    expect(await page.textContent('#f-createdOn-echo')).toBe('');
    // What the server gets is the day, whatever was typed.
    await fillNewPage({ createdOn: '26.4.24' });
    await page.click('#submit');
    await page.waitForSelector('#result.success:not([hidden])');
    expect(rowsOf('Комитет по культуре')[0]?.['Дата создания']).toEqual(moscowDay('2024-04-26'));
  });

  it('lists «Мои страницы» with state and deadline; one click opens the page', async () => {
    await open(
      createSidebarRuntime({
        today: TODAY,
        rows: [
          pageRow('P-MINE0001', { organization: 'Отдел культуры', responsibleEmail: CLERK }),
          pageRow('P-OTHER001', { organization: 'Отдел спорта' }),
          pageRow('P-MINE0002', {
            organization: 'Отдел культуры',
            network: 'Одноклассники',
            link: 'https://ok.ru/kultura',
            responsibleEmail: CLERK,
            createdOn: '2024-04-25',
            deptReportedCreation: '2024-04-25',
            tsurReportedCreation: '',
          }),
        ],
      }),
    );
    await waitCount(page.locator('#mine-list button'), 2);
    const items = await page.$$eval('#mine-list button', (buttons) =>
      buttons.map((button) => button.textContent ?? ''),
    );
    expect(items[0]).toContain('https://ok.ru/kultura');
    expect(items[0]).toContain('срок 02.05.2024');
    expect(items.join(' ')).not.toContain('Отдел спорта');
    await shot('sidebar-my-pages');
    await page.click('#mine-0');
    await waitText(page.locator('#form-mode-detail'), 'P-MINE0002');
    expect(await page.inputValue('#f-link')).toBe('https://ok.ru/kultura');
    // Search results carry the state too.
    await page.fill('#find-query', 'спорта');
    await page.click('#find-button');
    await waitCount(page.locator('#find-results button'), 1);
    expect(await page.textContent('#find-results .state')).toContain('Сообщено');
  });

  it('is one page with lang, title, one h1 and a main landmark, with no serious axe violation', async () => {
    await open(threeRows());
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.title()).toBe('Страница в реестре');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    await expectAccessible('the empty form');
    await fillNewPage();
    await page.click('#submit');
    await page.waitForSelector('#result.success:not([hidden])');
    await expectAccessible('after a save');
    await shot('sidebar-top');
  });

  it('keeps ОГРН and ИНН in the organization section, checked as in the sheet, for every page of the organization', async () => {
    await open(threeRows());
    expect(await page.textContent('#group-organization')).toContain('ИНН');
    expect(await page.locator('#group-organization #f-ogrn').count()).toBe(1);
    // The sheet's own check (src/domain/ogrn.ts innError), judged once typed in.
    await page.fill('#f-inn', '7707083894');
    await page.locator('#f-inn').blur();
    await waitText(page.locator('#f-inn-msg'), 'онтрольная цифра не сходится');
    await page.fill('#f-inn', '770708389312');
    await waitText(page.locator('#f-inn-msg'), 'ИНН физического лица');
    await shot('sidebar-inn-error');
    await page.fill('#f-inn', '7707083893');
    await waitExactText(page.locator('#f-inn-msg'), '');
    await fillNewPage();
    await page.click('#submit');
    await page.waitForSelector('#result.success:not([hidden])');
    expect(rowsOf('Комитет по культуре')[0]).toMatchObject({ ОГРН: '1022603620016', ИНН: '7707083893' });
    // The organization's next page keeps its numbers.
    await page.click('#add-same-org');
    expect(await page.inputValue('#f-inn')).toBe('7707083893');
    expect(await page.inputValue('#f-ogrn')).toBe('1022603620016');
  });

  it('finds a page registered under either of its two writings, as the server does', async () => {
    await open(
      createSidebarRuntime({
        today: TODAY,
        rows: [
          pageRow('P-TWOLINKS', {
            organization: 'МБУК «Дом культуры»',
            link: 'https://vk.com/public777; (https://vk.com/mbuk_dk)',
          }),
        ],
      }),
    );
    // Either writing of the registered page, typed alone or with another writing, is that page.
    for (const typed of ['vk.com/club777', 'https://vk.com/new_dk; vk.com/MBUK_DK', 'vk.com/mbuk_dk/']) {
      await page.fill('#f-link', typed);
      await page.locator('#f-link').blur();
      await waitText(page.locator('#duplicate'), 'Открыть страницу из строки 2: МБУК «Дом культуры»');
      await waitText(page.locator('#f-link-msg'), 'уже внесена в строке 2');
    }
    await shot('sidebar-duplicate-two-writings');
    // A new page written twice is saved with https:// on each writing, as the form announced.
    await fillNewPage({ link: 'vk.com/club888; (vk.com/kultura_shpak)' });
    await waitExactText(
      page.locator('#f-link-echo'),
      'Будет сохранено: https://vk.com/club888; (https://vk.com/kultura_shpak)',
    );
    expect(await page.isHidden('#duplicate')).toBe(true);
    await page.click('#submit');
    await waitText(
      page.locator('#result'),
      'Ссылка сохранена как https://vk.com/club888; (https://vk.com/kultura_shpak)',
    );
    expect(rowsOf('Комитет по культуре')[0]?.['Ссылка на страницу']).toBe(
      'https://vk.com/club888; (https://vk.com/kultura_shpak)',
    );
    // The same writings in another order are the same address: no question about a changed link.
    await page.fill('#f-link', 'https://vk.com/kultura_shpak; https://vk.com/public888');
    await page.click('#submit');
    await waitText(page.locator('#result-title'), 'Изменения сохранены');
    expect(await page.isHidden('#link-question')).toBe(true);
  });

  it('shows a page already marked deleted as deleted, offers no second deletion, and keeps its link', async () => {
    await open(
      createSidebarRuntime({
        today: TODAY,
        rows: [
          pageRow('P-DELETED1', {
            organization: 'Отдел опеки',
            link: 'https://vk.com/opeka_shpak',
            deletedOn: '2024-04-20',
            deptReportedDeletion: '2024-04-20',
          }),
        ],
      }),
    );
    await page.fill('#find-query', 'опеки');
    await page.click('#find-button');
    await waitText(page.locator('#find-results'), 'удалена 20.04.2024');
    await page.click('#find-results button');
    await waitText(page.locator('#form-mode-detail'), 'P-DELETED1');
    expect(await page.isHidden('#mark-deleted')).toBe(true);
    await waitExactText(
      page.locator('#deleted-note'),
      'Страница отмечена удалённой 20.04.2024. Её строка и ссылка остаются в реестре.',
    );
    expect(await page.locator('body').innerText()).not.toContain('Отметить как удалённую');
    await shot('sidebar-deleted-page');
    // Erasing the link is refused, without pointing at a button that is not there.
    await page.fill('#f-link', '');
    await page.locator('#f-link').blur();
    await waitText(page.locator('#f-link-msg'), 'Ссылку удалённой страницы нельзя стереть');
    expect(await page.locator('body').innerText()).not.toContain('Отметить как удалённую');
    await page.click('#submit');
    expect(submits()).toBe(0);
    expect(rowById(rt, 'P-DELETED1')?.['Ссылка на страницу']).toBe('https://vk.com/opeka_shpak');
  });

  it('has no horizontal scroll at 300 px with long names and addresses, in the question and the result', async () => {
    await open(threeRows());
    const longLink = `https://vk.com/${'dom_kultury_shpakovskogo_okruga_'.repeat(4)}`;
    await page.fill('#find-query', 'Дом культуры');
    await page.click('#find-button');
    await page.click('#find-results button');
    await waitText(page.locator('#form-mode-detail'), 'P-BBBBBBBB');
    await page.fill('#f-link', longLink);
    await page.click('#submit');
    await page.waitForSelector('#link-question:not([hidden])');
    await shot('sidebar-question-long-link');
    await page.click('#same-page');
    await page.waitForSelector('#result.success:not([hidden])');
    await shot('sidebar-saved-long-link');
    await page.click('#new-org');
    await page.fill('#f-organization', 'А'.repeat(200));
    await page.fill('#f-link', `vk.com/${'x'.repeat(150)}`);
    await page.locator('#f-link').blur();
    await shot('sidebar-long-typed');
  });

  it('two pages of one organization from the filled form survive Ctrl-C of npm start (register.xlsx)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sidebar-npm-start-'));
    const run = await startNpmStart(out, '2026-12-01');
    const organization = 'Молодёжный центр «Импульс»';
    try {
      server = { url: run.url, port: Number(new URL(run.url).port), calls: [], close: async () => undefined };
      await load();
      await fillNewPage({ organization: organization, link: 'vk.com/impuls_mc', createdOn: '01.12.2026' });
      await page.click('#submit');
      await waitText(page.locator('#result-title'), 'Страница добавлена в реестр');
      // The organization's second page: organization and people stay, the page's fields are empty.
      await page.click('#add-same-org');
      expect(await page.inputValue('#f-link')).toBe('');
      await page.selectOption('#f-network', 'Одноклассники');
      await page.fill('#f-link', 'ok.ru/impuls_mc');
      await page.fill('#f-createdOn', '1.12.26');
      await page.click('#submit');
      await waitText(page.locator('#result'), 'Ссылка сохранена как https://ok.ru/impuls_mc');
      // Its address changes: the same page, so the row is updated...
      await page.fill('#f-link', 'https://ok.ru/impuls.mc');
      await page.click('#submit');
      await page.click('#same-page');
      await waitText(page.locator('#result-title'), 'Изменения сохранены');
      // ...then another address that is another page: a row is added, the OK page stays.
      await page.selectOption('#f-network', 'ВКонтакте');
      await page.fill('#f-link', 'https://vk.com/impuls_deti');
      await page.click('#submit');
      await page.click('#other-page');
      await page.fill('#f-createdOn', '01.12.2026');
      await page.click('#submit');
      await waitText(page.locator('#result'), 'Страница добавлена в реестр');
      // In the sheet: the search finds the organization's three pages.
      await page.fill('#find-query', 'Импульс');
      await page.click('#find-button');
      await waitCount(page.locator('#find-results button'), 3);
      const found = (await page.textContent('#find-results')) ?? '';
      for (const link of ['https://vk.com/impuls_mc', 'https://ok.ru/impuls.mc', 'https://vk.com/impuls_deti']) {
        expect(found).toContain(link);
      }
      await shot('sidebar-npm-start-three-pages');
    } finally {
      await context?.close();
      server = { url: '', port: 0, calls: [], close: async () => undefined };
      const printed = await run.interrupt();
      expect(printed).toMatch(/register\.xlsx/);
    }
    const book = await loadXlsx(join(out, 'register.xlsx'));
    const [header, ...rows] = (book.getSheetByName('Реестр')?.getDataRange().getValues() ?? []) as unknown[][];
    // The sample register has the departments' own headers («Наименование организации», «Соцсеть»…): found as the add-on finds them.
    const column = (key: ColumnKey): number => (header ?? []).findIndex((name) => columnKeyForHeader(name) === key);
    const saved = rows
      .filter((row) => row[column('organization')] === organization)
      .map((row) => [row[column('network')], row[column('link')]]);
    expect(saved).toEqual([
      ['ВКонтакте', 'https://vk.com/impuls_mc'],
      ['Одноклассники', 'https://ok.ru/impuls.mc'],
      ['ВКонтакте', 'https://vk.com/impuls_deti'],
    ]);
    rmSync(out, { recursive: true, force: true });
  }, 180_000);

  it('works from the keyboard alone', async () => {
    await open(threeRows());
    const focused = (): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');
    async function tabTo(id: string): Promise<void> {
      for (let presses = 0; presses < 80; presses += 1) {
        if ((await focused()) === id) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached #${id}`);
    }
    // Find a page and open it with Enter, then go back to a new page with Space.
    await tabTo('find-query');
    await page.keyboard.type('Дом культуры');
    await page.keyboard.press('Enter');
    await waitCount(page.locator('#find-results button'), 1);
    await tabTo('find-results-0');
    await page.keyboard.press('Enter');
    await waitText(page.locator('#form-mode-detail'), 'P-BBBBBBBB');
    await tabTo('new-page');
    await page.keyboard.press('Space');
    await waitExactText(page.locator('#form-title'), 'Новая страница');
    // Fill in a new page.
    await tabTo('f-organization');
    await page.keyboard.type('Управление сельского хозяйства');
    // Lists are chosen with the arrow keys (Playwright types Cyrillic as inserted text, not as keys).
    await tabTo('f-orgKind');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo('f-network');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo('f-link');
    await page.keyboard.type('https://ok.ru/selhoz');
    await tabTo('f-createdOn');
    // ДД.ММ.ГГГГ whatever the browser's language: the field is the form's own, not the browser's date control.
    await page.keyboard.type('25042024');
    await tabTo('f-responsibleName');
    await page.keyboard.type('Кузнецов Иван Ильич');
    await tabTo('f-responsiblePosition');
    await page.keyboard.type('Заместитель главы администрации');
    await tabTo('f-authorizedName');
    await page.keyboard.type('Орлова Нина');
    await tabTo('f-esiaVerified');
    await page.keyboard.press('Space');
    await tabTo('f-govPublics');
    await page.keyboard.press('Space');
    await tabTo('submit');
    await shot('sidebar-keyboard');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#result.success:not([hidden])');
    expect(await focused()).toBe('result');
    const id = (await page.textContent('#form-mode-detail'))?.match(/P-[0-9A-Z]{8}/)?.[0];
    expect(rowById(rt, id!)).toMatchObject({
      Организация: 'Управление сельского хозяйства',
      'Вид организации': 'Структурное подразделение',
      'Социальная сеть': 'Одноклассники',
      'Ссылка на страницу': 'https://ok.ru/selhoz',
      'Дата создания': moscowDay('2024-04-25'),
      'Идентификация в ЕСИА': true,
      'Подключено к «Госпабликам»': true,
    });
    // The organization's second page, from the keyboard: «Добавить ещё страницу этой организации».
    await tabTo('add-same-org');
    await page.keyboard.press('Enter');
    await waitExactText(page.locator('#form-title'), 'Новая страница');
    expect(await focused()).toBe('f-network');
    await page.keyboard.press('ArrowDown');
    await tabTo('f-link');
    await page.keyboard.type('vk.com/selhoz_shpak');
    await tabTo('f-createdOn');
    await page.keyboard.type('26.4.24');
    await page.keyboard.press('Enter'); // submits the form from a field
    await waitText(page.locator('#result-title'), 'Страница добавлена в реестр: строка 6.');
    expect(rowsOf('Управление сельского хозяйства').map((row) => row['Ссылка на страницу'])).toEqual([
      'https://ok.ru/selhoz',
      'https://vk.com/selhoz_shpak',
    ]);
    await shot('sidebar-keyboard-second-page');
  });
});

// Waiting for the page instead of sleeping.
type Locator = ReturnType<Page['locator']>;

async function until(what: string, check: () => Promise<boolean>, got: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what}; got «${await got()}»`);
}

const text = async (locator: Locator): Promise<string> => (await locator.textContent()) ?? '';

function waitEnabled(locator: Locator): Promise<void> {
  return until(
    'expected the element to become enabled',
    () => locator.isEnabled(),
    async () => 'disabled',
  );
}

function waitValue(locator: Locator, value: string): Promise<void> {
  return until(
    `expected the value «${value}»`,
    async () => (await locator.inputValue()) === value,
    () => locator.inputValue(),
  );
}

function waitText(locator: Locator, wanted: string): Promise<void> {
  return until(
    `expected a text containing «${wanted}»`,
    async () => (await text(locator)).includes(wanted),
    () => text(locator),
  );
}

function waitExactText(locator: Locator, wanted: string): Promise<void> {
  return until(
    `expected the text «${wanted}»`,
    async () => (await text(locator)).trim() === wanted,
    () => text(locator),
  );
}

function waitCount(locator: Locator, count: number): Promise<void> {
  return until(
    `expected ${count} elements`,
    async () => (await locator.count()) === count,
    async () => String(await locator.count()),
  );
}
