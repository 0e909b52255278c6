/**
 * Hostile layouts, through the built bundle: required columns deleted, headers renamed (with odd case,
 * spacing and punctuation) or written twice, a title above the header, blank rows, the register on a
 * sheet with a hostile name and another sheet that looks like it. Before setup and after it, every
 * operation ends in a Russian message or a correct result, and nothing people wrote changes.
 */
import { setupResult } from '../gas/registerHarness';
import type { Runtime } from '../../dev/runtime';
import type { SidebarInitResult, SidebarSubmitResult } from '../../src/shared/sidebar';
import { emptyInput } from '../../src/ui/form/model';
import {
  CLERK,
  COORDINATOR,
  OWNER,
  XSS,
  day,
  expectNoRawMarkup,
  expectRussian,
  fillSheet,
  formulaCells,
  newRuntime,
  operate as operateChecked,
  settingsRows,
} from './hostile';

function operate<T>(rt: Runtime, sheets: readonly string[], where: string, operation: () => T) {
  return operateChecked(rt, where, operation, { sheets });
}

describe('required columns deleted, headers renamed and duplicated, a title above the header', () => {
  const rt = newRuntime();
  fillSheet(rt, 'Настройки', settingsRows());
  // No «Ссылка на страницу», «Уполномоченное лицо (ФИО)» or «Дата создания» columns at all.
  fillSheet(rt, 'Реестр', [
    [`Реестр официальных страниц ${XSS.script}`],
    ['ОРГАНИЗАЦИЯ:', '  вид  организации ', 'СОЦСЕТЬ.', 'Должность', 'Ответственный', 'Организация', 'ЕСИА'],
    ['Отдел культуры', 'Структурное подразделение', 'ВКонтакте', 'Начальник отдела', 'Иванов И. И.', 'дубль', true],
    ['', '', '', '', '', '', ''],
    [XSS.img, 'Подведомственная организация', 'Одноклассники', 'Директор', 'Петров П. П.', '', false],
  ]);
  const sheets = ['Реестр'];

  it('before setup: the check, onEdit, the sidebar and the summary answer in Russian', () => {
    operate(rt, sheets, 'menuCheckRegister', () => rt.menu('menuCheckRegister', CLERK));
    const cell = rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!.getRange('A3'));
    rt.runAs('menu', CLERK, () => cell.setValue(`Отдел культуры ${XSS.svg}`));
    operate(rt, sheets, 'onEdit', () => rt.simulateEdit(cell, { user: CLERK }));
    const init = operate(rt, sheets, 'sidebarInit', () => rt.scriptRun('sidebarInit')).result as SidebarInitResult;
    expect(init.user.canSubmit).toBe(false);
    expectRussian(init.user.reason ?? '', 'sidebarInit reason');
    expect(init.user.reason).toMatch(/В реестре нет колонок .*«Ссылка на страницу»/);
    const submitted = operate(rt, sheets, 'sidebarSubmit', () =>
      rt.scriptRun(
        'sidebarSubmit',
        {
          ...emptyInput(),
          organization: 'Отдел спорта',
          orgKind: 'Структурное подразделение',
          network: 'ВКонтакте',
          link: 'https://vk.com/sport_new',
          createdOn: '2026-03-04',
          responsibleName: 'Иванов И. И.',
          responsiblePosition: 'Начальник отдела',
          authorizedName: 'Петров П. П.',
          esiaVerified: true,
        },
        'layout-request-1',
      ),
    ).result as SidebarSubmitResult;
    expect(submitted.ok).toBe(false);
    if (!submitted.ok) expectRussian(submitted.message, 'sidebarSubmit');
    operate(rt, sheets, 'menuTsurSummary', () => rt.menu('menuTsurSummary', COORDINATOR));
    operate(rt, sheets, 'menuSiteList', () => rt.menu('menuSiteList', CLERK));
  });

  it('setup appends the missing columns after theirs, leaves the title and the duplicate alone', () => {
    const { messages } = operate(rt, sheets, 'menuSetup', () => rt.menu('menuSetup', OWNER));
    expect(messages.panels).toHaveLength(1);
    expect(setupResult(rt)).toMatch(
      /^Готово\..*Добавлены колонки: .*«Ссылка на страницу».*«Уполномоченное лицо \(ФИО\)»/,
    );
    const header = rt.quietly(() => {
      const sheet = rt.spreadsheet.getSheetByName('Реестр')!;
      return sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    });
    expect(header.slice(0, 7)).toEqual([
      'ОРГАНИЗАЦИЯ:',
      '  вид  организации ',
      'СОЦСЕТЬ.',
      'Должность',
      'Ответственный',
      'Организация',
      'ЕСИА',
    ]);
    expect(header.slice(7)).toEqual(expect.arrayContaining(['Ссылка на страницу', 'Дата создания', 'ID', 'Состояние']));
  });

  it('after setup: the check names the empty required cells in Russian; the daily check runs', () => {
    const { messages } = operate(rt, sheets, 'menuCheckRegister', () => rt.menu('menuCheckRegister', CLERK));
    expect(messages.panels[0]).toContain('Ссылка на страницу');
    rt.menu('menuDailyCheckOn', OWNER);
    const { result } = operate(rt, sheets, 'dailyCheck', () => rt.fireTimeDriven('dailyCheck'));
    expect(result).toMatchObject({ status: 'done' });
    for (const letter of rt.mail) expectNoRawMarkup(letter.htmlBody, `letter to ${letter.to}`);
  });
});

describe('the register on a sheet with a hostile name, beside a sheet that looks like it', () => {
  const NAME = `=Реестр <b>2026</b> & 'копия' ${XSS.script}`.slice(0, 90);
  const rt = newRuntime();
  fillSheet(rt, 'Настройки', settingsRows());
  const header = [
    'Организация',
    'Вид организации',
    'Социальная сеть',
    'Ссылка на страницу',
    'Дата создания',
    'Ответственный (ФИО)',
    'Должность ответственного',
    'Уполномоченное лицо (ФИО)',
    'Идентификация в ЕСИА',
  ];
  const rows = [
    header,
    [
      XSS.breakout,
      'Структурное подразделение',
      'ВКонтакте',
      'https://vk.com/hostile_sheet',
      day('2026-03-04'),
      'Иванов И. И.',
      'Начальник отдела',
      'Петров П. П.',
      true,
    ],
    [
      'Отдел ЖКХ',
      'Структурное подразделение',
      'ВКонтакте',
      'не ссылка',
      day('2026-03-04'),
      'Иванов И. И.',
      'Начальник отдела',
      'Петров П. П.',
      true,
    ],
  ];
  fillSheet(rt, NAME, rows);
  // The lookalike names fewer catalogue columns: setup must take the better match and leave this one be.
  fillSheet(
    rt,
    'Копия для печати',
    rows.map((row) => row.slice(0, 6)),
  );
  const sheets = [NAME, 'Копия для печати'];

  it('setup takes the sheet that names the most columns, says which, and touches nothing else', () => {
    const { messages } = operate(rt, sheets, 'menuSetup', () => rt.menu('menuSetup', OWNER));
    expect(messages.panels).toHaveLength(1);
    expect(setupResult(rt)).toMatch(/^Готово\..* Лист реестра: «=Реестр/);
    expect(rt.quietly(() => rt.spreadsheet.getSheetByName('Копия для печати')!.getLastColumn())).toBe(6);
  });

  it('the check names cells with the sheet name quoted and escaped', () => {
    const { messages } = operate(rt, sheets, 'menuCheckRegister', () => rt.menu('menuCheckRegister', CLERK));
    expect(messages.panels[0]).toContain(`&#39;=Реестр &lt;b&gt;2026&lt;/b&gt; &amp; &#39;&#39;копия&#39;&#39;`);
  });

  it('onEdit works on it by the remembered name', () => {
    const cell = rt.quietly(() => rt.spreadsheet.getSheetByName(NAME)!.getRange('D3'));
    rt.runAs('menu', CLERK, () => cell.setValue('https://vk.com/gkh_fixed'));
    operate(rt, sheets, 'onEdit', () => rt.simulateEdit(cell, { user: CLERK }));
    const state = rt.quietly(() => {
      const sheet = rt.spreadsheet.getSheetByName(NAME)!;
      const names = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
      return sheet.getRange(3, names.indexOf('Состояние') + 1).getValue();
    });
    expect(state).not.toBe('Ошибки заполнения');
  });

  it('«Журнал» records the sheet name as text', () => {
    const journal = rt.quietly(() => rt.spreadsheet.getSheetByName('Журнал')!.getDataRange().getValues());
    expect(journal.some((row) => String(row[3]).includes(`«${NAME}»`))).toBe(true);
    expect(Object.keys(formulaCells(rt)).filter((cell) => cell.startsWith('Журнал'))).toEqual([]);
  });
});
