/**
 * A register full of hostile input, through every operation of the built bundle in the offline runtime:
 * setup, the full check, onEdit of cells and of a paste, the daily check with its letters, the ЦУР
 * summary (preview and the letter sent) and the site list. The sheet is the departments' own: everyday
 * and oddly spaced headers, a header written twice, columns of their own, blank rows in the middle, and
 * a second sheet that looks like the register. Cells hold formula-like text, markup and script, 10,000
 * characters, emoji and right-to-left text, dates typed as text in five forms and as serial numbers,
 * and formulas people really wrote.
 */
import { setupResult } from '../gas/registerHarness';
import type { Runtime } from '../../dev/runtime';
import {
  CLERK,
  COORDINATOR,
  EMOJI,
  FORMULA_TEXT,
  LONG_TEXT,
  OWNER,
  RTL,
  XSS,
  ZERO_WIDTH,
  day,
  expectNoRawMarkup,
  expectRussian,
  fillSheet,
  formulaCells,
  newRuntime,
  operate,
  serial,
  settingsRows,
} from './hostile';

const HEADER = [
  '№ п/п',
  'Наименование организации',
  '  ВИД   организации: ',
  'Соцсеть',
  'Ссылка',
  'Дата создания',
  'Дата удаления',
  'Ответственный',
  'Должность',
  'E-mail',
  'Уполномоченное лицо',
  'ЕСИА',
  'Основание освобождения',
  'ОГРН',
  'Сообщено в отдел (создание)',
  'Сообщено в ЦУР (создание)',
  'Примечание',
  'Организация', // the same column a second time: theirs, never read or written
  'Куратор', // their own
  'Состояние', // ours (computed)
  'Состояние', // and again: theirs
];
const COLUMN = Object.fromEntries(HEADER.map((title, index) => [title, index])) as Record<string, number>;
COLUMN['Организация (вторая)'] = 17;
COLUMN['Состояние (вторая)'] = 20;

type Row = Partial<Record<string, unknown>>;

function row(number: number, cells: Row): unknown[] {
  const values: unknown[] = HEADER.map(() => '');
  values[0] = number;
  values[COLUMN['ЕСИА'] as number] = true;
  for (const [title, value] of Object.entries(cells)) values[COLUMN[title] as number] = value;
  return values;
}

const page = (cells: Row): Row => ({
  '  ВИД   организации: ': 'Подведомственная организация',
  Соцсеть: 'ВКонтакте',
  Ответственный: 'Петров П. П.',
  Должность: 'Директор',
  'E-mail': 'petrov@shpakovsky.example.ru',
  'Уполномоченное лицо': 'Сидорова А. А.',
  ...cells,
});

/** Sheet rows 2…: text that must stay text is written behind the quote prefix, as Sheets keeps typed text. */
function registerRows(): unknown[][] {
  return [
    HEADER,
    row(
      1,
      page({
        'Наименование организации': XSS.script,
        Ссылка: 'https://vk.com/xss_one',
        'Дата создания': day('2026-03-02'),
      }),
    ),
    row(
      2,
      page({
        'Наименование организации': XSS.img,
        Ссылка: 'https://vk.com/xss_two',
        Ответственный: XSS.svg,
        'Дата создания': "'03.03.2026",
        'Сообщено в отдел (создание)': day('2026-03-03'),
      }),
    ),
    row(
      3,
      page({
        'Наименование организации': `'${FORMULA_TEXT.importxml}`,
        Ссылка: 'https://vk.com/formula_text',
        Ответственный: `'${FORMULA_TEXT.cmd}`,
        'Уполномоченное лицо': `'${FORMULA_TEXT.minus}`,
        Примечание: `'${FORMULA_TEXT.at}`,
        Должность: `'${FORMULA_TEXT.hyperlink}`,
        'Дата создания': serial('2026-03-04'),
      }),
    ),
    row(4, {}).map(() => ''), // blank rows in the middle
    row(5, {}).map(() => ''),
    row(
      6,
      page({
        'Наименование организации': LONG_TEXT,
        Ссылка: 'https://vk.com/long_name',
        Примечание: LONG_TEXT,
        'Дата создания': "'2026-03-04",
      }),
    ),
    row(
      7,
      page({
        'Наименование организации': EMOJI,
        Ссылка: 'https://ok.ru/group/70000000000001',
        Соцсеть: 'Одноклассники',
        Ответственный: RTL,
        'Уполномоченное лицо': ZERO_WIDTH,
        'Дата создания': "'04/03/2026",
      }),
    ),
    row(
      8,
      page({
        'Наименование организации': 'МБОУ «Лицей № 2»',
        Ссылка: 'https://vk.com/licey2',
        'Дата создания': "'4.3.26",
        'Организация (вторая)': '=CONCATENATE("Лицей";" № 2")',
        Куратор: '=HYPERLINK("https://evil.example";"Куратор")',
      }),
    ),
    row(
      9,
      page({ 'Наименование организации': 'Отдел ЖКХ', Ссылка: 'https://vk.com/gkh', 'Дата создания': "'3 марта 2026" }),
    ),
    row(
      10,
      page({
        'Наименование организации': 'Отдел спорта',
        Ссылка: 'https://vk.com/sport',
        'Дата создания': "'31.02.2026",
      }),
    ),
    row(
      11,
      page({
        'Наименование организации': XSS.attribute,
        Ссылка: XSS.javascriptUrl,
        'Дата создания': day('2026-03-02'),
      }),
    ),
    row(
      12,
      page({
        'Наименование организации': XSS.breakout,
        Ссылка: `https://vk.com/breakout?q=${XSS.script}`,
        'Дата создания': day('2026-02-20'),
        'Сообщено в отдел (создание)': day('2026-02-20'),
      }),
    ),
    row(13, {
      'Наименование организации': 'МКУ «Архив»',
      '  ВИД   организации: ': 'Подведомственная организация',
      'Основание освобождения': XSS.script,
      Ответственный: 'Орлова О. О.',
      Должность: 'Директор',
    }),
    row(
      14,
      page({
        'Наименование организации': `Отдел ${XSS.img}`,
        Ссылка: 'https://vk.com/deleted_page',
        'Дата создания': day('2025-01-10'),
        'Дата удаления': day('2026-03-03'),
        'Сообщено в отдел (создание)': day('2025-01-10'),
        'Сообщено в ЦУР (создание)': day('2025-01-13'),
      }),
    ),
    row(
      15,
      page({
        'Наименование организации': 'Отдел культуры',
        Ссылка: 'https://vk.com/culture',
        ОГРН: "'=1+1",
        ЕСИА: `<b>да</b>`,
        'Дата создания': day('2026-03-04'),
      }),
    ),
    row(
      16,
      page({
        'Наименование организации': 'Отдел молодёжи',
        Соцсеть: `VK ${XSS.script}`,
        Ссылка: 'https://vk.com/youth',
        'Дата создания': day('2026-03-04'),
        'Состояние (вторая)': '=1+1',
      }),
    ),
  ];
}

const LOOKALIKE = 'Реестр (копия)';

const SHEETS = { sheets: ['Реестр'], untouched: [LOOKALIKE] };

function hostileRuntime(): Runtime {
  const rt = newRuntime();
  fillSheet(rt, 'Реестр', registerRows());
  fillSheet(rt, LOOKALIKE, registerRows());
  fillSheet(rt, 'Настройки', settingsRows({ districtName: `Шпаковский округ ${XSS.img}` }));
  return rt;
}

describe('a hostile register, operation by operation', () => {
  const rt = hostileRuntime();

  it('setup: done, in Russian, on «Реестр» and not on its copy, changing nothing people wrote', () => {
    const { messages } = operate(rt, 'menuSetup', () => rt.menu('menuSetup', OWNER), SHEETS);
    // «Настройки» was there before the first setup: the owner is shown its lists and confirms them first.
    expect(messages.alerts).toHaveLength(1);
    expect(messages.alerts[0]).toMatch(/^Лист «Настройки» уже был в таблице до первой настройки/);
    expect(setupResult(rt)).toMatch(/^Готово\..* Лист реестра: «Реестр»/);
  });

  it('the full check: a dialog with every finding escaped, Russian messages for the bad dates, links and cells', () => {
    const { messages } = operate(rt, 'menuCheckRegister', () => rt.menu('menuCheckRegister', CLERK), SHEETS);
    expect(messages.panels).toHaveLength(1);
    const html = messages.panels[0] ?? '';
    expect(html).toContain('&lt;script&gt;');
    // Each bad date and link is named by its cell with a Russian message.
    for (const cell of ['F8', 'F10', 'F11', 'E12', 'L16', 'N16', 'D17']) expect(html).toContain(`>Реестр!${cell}<`);
    expect(html).toContain('«04/03/2026» не похоже на дату; введите дату в формате ДД.ММ.ГГГГ.');
    expect(html).toContain('такой даты нет в календаре: «31.02.2026»');
  });

  it('computes «Состояние» for every page row, and none for the blank rows', () => {
    const states = rt.quietly(() =>
      rt.spreadsheet
        .getSheetByName('Реестр')!
        .getRange(2, 20, 16, 1)
        .getValues()
        .map(([value]) => value),
    );
    expect(states[3]).toBe('');
    expect(states[4]).toBe('');
    for (const [index, state] of states.entries()) if (index !== 3 && index !== 4) expect(state).not.toBe('');
    // Dates typed as text in the accepted forms, and as a serial number, are read as dates.
    expect(states[5]).not.toBe('Ошибки заполнения'); // '2026-03-04'
    expect(states[7]).not.toBe('Ошибки заполнения'); // '4.3.26'
    expect(states[2]).not.toBe('Ошибки заполнения'); // serial number
  });

  it('onEdit of single cells typed with hostile text: nothing thrown, only Russian toasts, nothing of theirs changed', () => {
    const typed: Array<[string, unknown]> = [
      ['B2', XSS.breakout],
      ['B3', LONG_TEXT],
      ['H4', FORMULA_TEXT.cmd],
      ['F7', '31.02.2026'],
      ['F8', '5/3/2026'],
      ['E8', XSS.javascriptUrl],
      ['B9', EMOJI + RTL],
      ['S10', XSS.svg],
    ];
    for (const [cell, value] of typed) {
      const range = rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!.getRange(cell));
      rt.runAs('menu', CLERK, () => range.setValue(value));
      operate(rt, `onEdit ${cell}`, () => rt.simulateEdit(range, { user: CLERK }), SHEETS);
    }
  });

  it('onEdit of a pasted block of hostile rows (blank rows among them)', () => {
    const rows = registerRows().slice(1, 8);
    const range = rt.quietly(() =>
      rt.spreadsheet.getSheetByName('Реестр')!.getRange(30, 1, rows.length, HEADER.length),
    );
    rt.runAs('menu', CLERK, () => range.setValues(rows));
    operate(rt, 'onEdit paste', () => rt.simulateEdit(range, { user: CLERK }), SHEETS);
  });

  it('the daily check: runs, and every letter it sends has the hostile text escaped', () => {
    rt.menu('menuDailyCheckOn', OWNER);
    const before = rt.mail.length;
    const { result } = operate(rt, 'dailyCheck', () => rt.fireTimeDriven('dailyCheck'), SHEETS);
    expect(result).toMatchObject({ status: 'done' });
    const letters = rt.mail.slice(before);
    expect(letters.length).toBeGreaterThan(1);
    for (const letter of letters) {
      expectNoRawMarkup(letter.htmlBody, `daily letter to ${letter.to}`);
      expectRussian(letter.subject, 'daily letter subject');
    }
    expect(letters.map((letter) => letter.htmlBody).join('')).toContain('&lt;script&gt;');
  });

  let token = '';

  it('the ЦУР preview: the letter twice escaped in its frame, nothing raw in the dialog', () => {
    const { messages } = operate(rt, 'menuTsurSummary', () => rt.menu('menuTsurSummary', COORDINATOR), SHEETS);
    expect(messages.panels).toHaveLength(1);
    const html = messages.panels[0] ?? '';
    expect(html).toContain('&amp;lt;script&amp;gt;');
    token = (/data-token="([^"]*)"/.exec(html)?.[1] ?? '').replace(/&quot;/g, '"');
    expect(JSON.parse(token)).toEqual(expect.arrayContaining([expect.stringMatching(/:creation$/)]));
  });

  it('the ЦУР letter sent: hostile text escaped in the HTML, kept as text in the plain part, nothing made a formula', () => {
    const before = rt.mail.length;
    const previous = rt.ctx.defaultUser;
    rt.ctx.defaultUser = COORDINATOR;
    const { result } = operate(rt, 'summarySend', () => rt.scriptRun('summarySend', token), SHEETS);
    rt.ctx.defaultUser = previous;
    expect(result).toMatchObject({ status: 'sent' });
    expectRussian((result as { message: string }).message, 'summarySend message');
    const [letter] = rt.mail.slice(before);
    expectNoRawMarkup(letter?.htmlBody, 'ЦУР letter');
    expect(letter?.htmlBody).toContain('&lt;script&gt;alert(&#39;XSS-1&#39;)&lt;/script&gt;');
    expect(letter?.body).toContain(XSS.script);
    // The subject is plain text (a header, not HTML): the district's name goes as written.
    expectRussian(letter?.subject, 'ЦУР letter subject');
  });

  it('the site list: preview, HTML code and text all escaped', () => {
    const { messages } = operate(rt, 'menuSiteList', () => rt.menu('menuSiteList', CLERK), SHEETS);
    expect(messages.panels).toHaveLength(1);
  });

  it('«Журнал» holds text only: no entry became a formula', () => {
    const journal = rt.quietly(() => rt.spreadsheet.getSheetByName('Журнал')!.getDataRange().getFormulas());
    expect(journal.flat().filter((formula) => formula !== '')).toEqual([]);
  });

  it('no user text anywhere in the spreadsheet became a formula', () => {
    const formulas = Object.entries(formulaCells(rt)).map(([cell, formula]) => `${cell} ${formula}`);
    expect(formulas.sort()).toEqual(
      [
        'Реестр!R9C18 =CONCATENATE("Лицей";" № 2")',
        'Реестр!R9C19 =HYPERLINK("https://evil.example";"Куратор")',
        'Реестр!R17C21 =1+1',
        `${LOOKALIKE}!R9C18 =CONCATENATE("Лицей";" № 2")`,
        `${LOOKALIKE}!R9C19 =HYPERLINK("https://evil.example";"Куратор")`,
        `${LOOKALIKE}!R17C21 =1+1`,
      ].sort(),
    );
  });
});
