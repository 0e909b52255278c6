/**
 * Every dialog of the add-on in headless Chromium (Debian's /usr/bin/chromium, playwright-core), as the
 * built bundle shows it in the offline runtime: the page the menu item put in Ui.showModalDialog /
 * showModelessDialog, served by dev/sidebarServer.ts with google.script.run bridged to the same runtime,
 * at the dialog's own width and height. axe-core finds no serious or critical violation; the keyboard
 * reaches «Закрыть» and Enter / Escape close; a cell address selects its cell through the server.
 * Screenshots: out/screenshots/dialog-<name>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from 'playwright-core';
import { CHROMIUM, launchChromium, RUN_BROWSER_TESTS } from './chromium';
import type { Runtime } from '../../dev/runtime';
import { startSidebarServer, type SidebarServer } from '../../dev/sidebarServer';
import { COORDINATOR, OWNER, createRegisterRuntime, pageRow, scriptRunAs } from '../gas/registerRuntime';

const SCREENSHOTS = join(__dirname, '../../out/screenshots');
const RUN = RUN_BROWSER_TESTS;
const describeBrowser = RUN ? describe : describe.skip;
if (!RUN) console.warn(`Браузерные тесты диалогов пропущены: нет ${CHROMIUM} (apt-get install chromium).`);

jest.setTimeout(60_000);

const TODAY = '2026-12-07';

function registerRuntime(): Runtime {
  const rt = createRegisterRuntime({
    today: TODAY,
    rows: [
      pageRow('P-ADM00001', {
        organization: 'Администрация Шпаковского муниципального округа',
        orgKind: 'Администрация округа',
        link: 'https://vk.com/shpakadm',
        createdOn: '2026-12-01',
        deptReportedCreation: '2026-12-01',
      }),
      pageRow('P-CULT0001', {
        organization: 'Комитет по культуре',
        createdOn: '2026-11-20',
        link: 'https://vk.com/id123',
      }),
      pageRow('P-CULT0002', {
        organization: 'Комитет по культуре',
        createdOn: '2026-11-20',
        link: 'https://vk.com/kultura',
      }),
      pageRow('P-SCHOOL01', { organization: 'МБОУ СОШ № 1', orgKind: 'Подведомственная организация', link: '' }),
    ],
  });
  return rt;
}

interface Shown {
  name: string;
  title: string;
  html: string;
  width: number;
  height: number;
}

/** Runs a menu item as `user` and returns the dialog it showed. */
function dialogOf(rt: Runtime, name: string, handler: string, user = OWNER): Shown {
  const before = rt.ui.panels.length;
  rt.menu(handler, user);
  const panel = rt.ui.panels.slice(before).find((shown) => shown.kind !== 'sidebar');
  if (!panel) throw new Error(`${handler} showed no dialog: ${JSON.stringify(rt.ui.alerts.at(-1))}`);
  return { name, title: panel.title, html: panel.html, width: panel.width ?? 600, height: panel.height ?? 400 };
}

describeBrowser('the dialogs in Chromium', () => {
  let browser: Browser;
  const rt = registerRuntime();
  const dialogs: Shown[] = [
    dialogOf(rt, 'setup', 'menuSetup'),
    dialogOf(rt, 'check', 'menuCheckRegister'),
    dialogOf(rt, 'summary', 'menuTsurSummary', COORDINATOR),
    dialogOf(rt, 'site-list', 'menuSiteList'),
    dialogOf(rt, 'control', 'menuControlLetter', COORDINATOR),
    dialogOf(rt, 'self-check', 'menuSelfCheck'),
    dialogOf(rt, 'about', 'menuAbout'),
    dialogOf(rt, 'daily-check', 'menuDailyCheckOn', COORDINATOR),
  ];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(
    dialog: Shown,
  ): Promise<{ page: Page; server: SidebarServer; errors: string[]; done: () => Promise<void> }> {
    const server = await startSidebarServer({
      call: (name, args) => scriptRunAs(rt, COORDINATOR, name, ...args),
      html: () => dialog.html,
    });
    const context = await browser.newContext({
      viewport: { width: dialog.width, height: dialog.height },
      locale: 'ru-RU',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (
        !request.url().startsWith(server.url) &&
        !request.url().startsWith('data:') &&
        request.url() !== 'about:srcdoc'
      )
        errors.push(`request outside: ${request.url()}`);
    });
    await page.goto(server.url);
    return {
      page,
      server,
      errors,
      done: async () => {
        await context.close();
        await server.close();
      },
    };
  }

  it.each(dialogs.map((dialog) => [dialog.name, dialog] as const))(
    '%s: lang, title, one h1, a main landmark, no serious axe violation, «Закрыть» by keyboard; screenshot',
    async (name, dialog) => {
      const { page, errors, done } = await open(dialog);
      try {
        expect(await page.getAttribute('html', 'lang')).toBe('ru');
        expect(await page.title()).toBe(dialog.title);
        expect(await page.locator('h1').count()).toBe(1);
        expect(await page.locator('main').count()).toBe(1);
        // The letter's sandboxed frame runs no script (axe cannot enter it): test/ui/letter.browser.test.ts checks the letter.
        const axe = await new AxeBuilder({ page }).options({ iframes: false }).exclude('iframe.letter').analyze();
        const serious = axe.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        expect(serious).toEqual([]);
        // The footer with its buttons is inside the dialog's height, whatever the content's length.
        const close = page.locator('#close');
        const box = await close.boundingBox();
        expect(box && box.y + box.height).toBeLessThanOrEqual(dialog.height);
        await page.screenshot({ path: join(SCREENSHOTS, `dialog-${name}.png`) });
        // «Закрыть» is the last stop of the Tab order: one Shift+Tab from the top reaches it; Enter closes.
        await page.keyboard.press('Shift+Tab');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('close');
        await page.keyboard.press('Enter');
        expect(await page.getAttribute('html', 'data-closed')).toBe('true');
        // Escape closes too.
        await page.evaluate(() => document.documentElement.removeAttribute('data-closed'));
        await page.keyboard.press('Escape');
        expect(await page.getAttribute('html', 'data-closed')).toBe('true');
        expect(errors).toEqual([]);
      } finally {
        await done();
      }
    },
  );

  it('check: an address selects its cell through dialogSelectCell, by mouse and by keyboard', async () => {
    const check = dialogs.find((dialog) => dialog.name === 'check')!;
    const { page, server, done } = await open(check);
    try {
      const link = page.locator('a[data-action="select-cell"]').first();
      const cell = (await link.getAttribute('data-cell')) ?? '';
      await link.click();
      await page.waitForFunction(() => document.getElementById('dialog-status')?.textContent !== '');
      expect(server.calls).toEqual([{ name: 'dialogSelectCell', args: ['Реестр', cell] }]);
      expect(await page.textContent('#dialog-status')).toBe(`Выделена ячейка Реестр!${cell}.`);
      expect(rt.spreadsheet.activeRange?.getA1Notation()).toBe(cell);
      const second = page.locator('a[data-action="select-cell"]').nth(1);
      await second.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.getElementById('dialog-status')?.textContent?.includes('Выделена') ?? false,
      );
      expect(server.calls).toHaveLength(2);
    } finally {
      await done();
    }
  });

  it('summary: «Отправить сводку» sends the previewed events with their token, then «Отмена» reads «Закрыть»', async () => {
    const summary = dialogs.find((dialog) => dialog.name === 'summary')!;
    const { page, server, done } = await open(summary);
    try {
      expect(await page.textContent('#close')).toBe('Отмена');
      await page.click('button[data-action="send-summary"]');
      await page.waitForSelector('#dialog-status.ok');
      expect(server.calls.map((call) => call.name)).toEqual(['summarySend']);
      expect(await page.textContent('#dialog-status')).toMatch(/^Сводка отправлена/);
      expect(await page.textContent('#close')).toBe('Закрыть');
      expect(rt.mail.filter((mail) => mail.subject.includes('ЦУР') || mail.to.includes('stavregion'))).toHaveLength(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'dialog-summary-sent.png') });
    } finally {
      await done();
    }
  });

  it('site list: «Копировать текст» copies (or selects) the text and says so', async () => {
    const list = dialogs.find((dialog) => dialog.name === 'site-list')!;
    const { page, done } = await open(list);
    try {
      await page.click('button[data-target="text"]');
      expect(await page.textContent('#dialog-status')).toMatch(/скопировано|нажмите Ctrl\+C/);
      const order = await page.locator('.preview h3').allTextContents();
      expect(order[0]).toBe('Администрация Шпаковского муниципального округа');
      const culture = await page.locator('.preview h3:has-text("Комитет по культуре") + ul a').allTextContents();
      // The person's profile (vk.com/id123) is not published as an official page; the dialog names its row.
      expect(culture).toEqual(['https://vk.com/kultura']);
      await expect(page.locator('main').textContent()).resolves.toMatch(/личные страницы \(профили\) людей: строк/);
    } finally {
      await done();
    }
  });
});
