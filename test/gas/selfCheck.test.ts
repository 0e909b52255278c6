/**
 * «Самопроверка» in the built bundle: offline it passes in the fakes; then each assumption it checks is
 * broken in turn (the Intl zones, the spreadsheet's zone, a function of the formula engine, Sheets
 * refusing the rules, the lock, properties, cache, mail quota, the trigger, the temporary sheet) and the
 * self-check names exactly what broke. Coordinators only.
 */
import { unwrap } from '../../dev/fakes/fakeObject';
import type { FakeSpreadsheet } from '../../dev/fakes/spreadsheet';
import { createRuntime, type Runtime } from '../../dev/runtime';
import { CLERK, journalRows, moscowMorning, newRuntime, OWNER } from './registerHarness';

const TODAY = '2026-03-05';

interface Line {
  ok: boolean;
  name: string;
}

/** The self-check's account as the dialog shows it: one line a check. */
function run(rt: Runtime): { lines: Line[]; html: string } {
  const before = rt.ui.panels.length;
  rt.menu('menuSelfCheck');
  const html = rt.ui.panels.slice(before).find((panel) => panel.title === 'Самопроверка')?.html ?? '';
  const lines = [...html.matchAll(/<li><span[^>]*>(✓|✗)<\/span> <b>([^<]*)<\/b>/g)].map((match) => ({
    ok: match[1] === '✓',
    name: (match[2] as string).replace(/&laquo;|&raquo;/g, ''),
  }));
  return { lines, html };
}

const failed = (lines: readonly Line[]): string[] => lines.filter((line) => !line.ok).map((line) => line.name);

function setUp(options: { globals?: Record<string, unknown> } = {}): Runtime {
  if (!options.globals) {
    const rt = newRuntime(TODAY);
    rt.menu('menuSetup');
    return rt;
  }
  const rt = createRuntime({ now: moscowMorning(TODAY), owner: OWNER, globals: options.globals });
  rt.loadBundle();
  return rt;
}

describe('«Самопроверка» offline', () => {
  it('passes in the fakes, leaves no sheet behind and writes its account to «Журнал»', () => {
    const rt = setUp();
    const sheets = rt.quietly(() => rt.spreadsheet.getSheets().map((sheet) => sheet.getName()));
    const { lines, html } = run(rt);
    expect(failed(lines)).toEqual([]);
    expect(lines.length).toBeGreaterThan(20);
    expect(html).toContain('Всё в порядке');
    for (const name of [
      'Часовые пояса: московский день',
      'Дата в ячейке читается как московский день',
      'Подсветка «срок близко»: формула',
      'Проверка данных «ID»: формула',
      'Проверка данных «ОГРН»: формула',
      'Блокировка одновременных действий',
      'Служебные отметки документа',
      'Кэш настроек',
      'Квота почты на сегодня',
      'Ежедневная проверка (триггер)',
    ])
      expect(lines.map((line) => line.name)).toContain(name);
    expect(rt.quietly(() => rt.spreadsheet.getSheets().map((sheet) => sheet.getName()))).toEqual(sheets);
    const last = journalRows(rt).at(-1) ?? [];
    expect(last[2]).toBe('Самопроверка');
    expect(String(last[3])).toMatch(/^Всё в порядке: проверок \d+\./);
  });

  it('refuses a department’s user', () => {
    const rt = setUp();
    const before = rt.ui.alerts.length;
    rt.menu('menuSelfCheck', CLERK);
    expect(
      rt.ui.alerts
        .slice(before)
        .map((alert) => alert.prompt)
        .join('\n'),
    ).toMatch(/координатор/);
    expect(rt.ui.panels.some((panel) => panel.title === 'Самопроверка')).toBe(false);
  });
});

describe('«Самопроверка» catches each broken assumption', () => {
  it('Intl.DateTimeFormat ignoring the time zone', () => {
    const zoneless = {
      ...Object.fromEntries(Object.getOwnPropertyNames(Intl).map((name) => [name, (Intl as never)[name]])),
      DateTimeFormat: function DateTimeFormat(locale?: string, options: Intl.DateTimeFormatOptions = {}) {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
      },
    };
    expect(failed(run(setUp({ globals: { Intl: zoneless } })).lines)).toEqual(
      expect.arrayContaining(['Часовые пояса: московский день']),
    );
  });

  it('a spreadsheet in another zone: dates typed there are not their Moscow day', () => {
    const rt = setUp();
    rt.quietly(() => rt.spreadsheet.setSpreadsheetTimeZone('Asia/Vladivostok'));
    expect(failed(run(rt).lines)).toEqual(['Часовой пояс таблицы', 'Дата в ячейке читается как московский день']);
  });

  it('a function the formulas use that Sheets would not compute as expected', () => {
    const rt = setUp();
    const book = unwrap(rt.spreadsheet) as FakeSpreadsheet;
    const engine = book.formulaEvaluator;
    book.formulaEvaluator = (formula, ...at) =>
      /NETWORKDAYS|REGEXMATCH/.test(formula) ? '#NAME?' : engine?.(formula, ...at);
    expect(failed(run(rt).lines)).toEqual([
      'Подсветка «срок близко»: формула',
      'Проверка данных «Ссылка на страницу»: формула',
      'Проверка данных «ОГРН»: формула',
    ]);
  });

  it.each([
    ['Sheet.setConditionalFormatRules', 'Подсветка: Google принимает правила'],
    ['Range.setDataValidation', 'Проверка данных: Google принимает правила'],
    ['Properties.setProperty', 'Служебные отметки документа'],
    ['Cache.put', 'Кэш настроек'],
    ['Spreadsheet.deleteSheet', 'Временный лист удалён'],
  ])('%s failing', (method, name) => {
    const rt = setUp();
    rt.ctx.failOn(method, 1);
    expect(failed(run(rt).lines)).toEqual([name]);
  });

  it('the script lock held by another execution', () => {
    const rt = setUp();
    rt.quietly(() => unwrap(rt.services.LockService).holdElsewhere('script'));
    expect(failed(run(rt).lines)).toEqual(['Блокировка одновременных действий']);
  });

  it('no mail quota left', () => {
    const rt = setUp();
    (unwrap(rt.services.MailApp) as unknown as { remaining: number }).remaining = 0;
    expect(failed(run(rt).lines)).toEqual(['Квота почты на сегодня']);
  });

  it('the daily check on, its trigger gone', () => {
    const rt = setUp();
    rt.menu('menuDailyCheckOn');
    expect(failed(run(rt).lines)).toEqual([]);
    rt.quietly(() => {
      for (const trigger of rt.services.ScriptApp.getProjectTriggers()) rt.services.ScriptApp.deleteTrigger(trigger);
    });
    expect(failed(run(rt).lines)).toEqual(['Ежедневная проверка (триггер)']);
  });
});
