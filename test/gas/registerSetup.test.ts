/**
 * «Настроить реестр» run from the built bundle (build/Code.js) in the offline runtime: on an empty
 * spreadsheet, on the departments' own sheet (nothing of theirs moved or changed), twice in a row
 * (the same state), and refused, politely, to someone who is not a coordinator.
 */
import { createRuntime } from '../../dev/runtime';
import { calendarSheetRows } from '../../src/domain/calendar';
import { COLUMNS, ORG_KINDS } from '../../src/domain/columns';
import { SETTINGS_SPECS } from '../../src/domain/settings';
import { NOT_COORDINATOR_REASON } from '../../src/gas/platform/access';
import { ID_PATTERN } from '../../src/gas/platform/ids';
import { VALIDATION_HELP_PREFIX } from '../../src/gas/sheets/validationRules';
import {
  CLERK,
  COORDINATOR,
  OWNER,
  day,
  fillSheet,
  headerColumns,
  journalRows,
  newRuntime,
  sheetOf,
  snapshot,
  snapshotSheet,
  valuesOf,
  type SheetSnapshot,
  setupResult,
} from './registerHarness';
import { DEPARTMENTS_HEADER, TODAY, departmentsRows, fullRegisterRows } from './registerFixtures';

const HEADERS = COLUMNS.map((column) => column.header);

function withoutJournal(sheets: SheetSnapshot[]): SheetSnapshot[] {
  return sheets.filter((sheet) => sheet.name !== 'Журнал');
}

describe('the menu', () => {
  it('has Russian items for the check and for setup, each handled by a global of the bundle', () => {
    const rt = newRuntime(TODAY);
    rt.simulateOpen(CLERK);
    const menu = rt.ui.menus.find((candidate) => candidate.caption === 'Реестр страниц');
    const items = (menu?.items ?? []).filter(
      (item): item is { caption: string; handler: string } => item !== 'separator' && 'handler' in item,
    );
    expect(items).toEqual(
      expect.arrayContaining([
        { caption: 'Проверить реестр', handler: 'menuCheckRegister' },
        { caption: 'Настроить реестр (координатор)', handler: 'menuSetup' },
      ]),
    );
    for (const item of items) expect(typeof rt.bundle[item.handler]).toBe('function');
  });
});

describe('setup on an empty spreadsheet', () => {
  const rt = newRuntime(TODAY);
  rt.menu('menuSetup');
  const register = sheetOf(rt, 'Реестр');

  it('asks for the register sheet, then creates «Реестр» with every column and a frozen header', () => {
    expect(rt.ui.prompts).toHaveLength(1);
    expect(rt.ui.prompts[0]?.prompt).toContain('Лист «Реестр» не найден');
    expect(valuesOf(rt, 'Реестр')[0]).toEqual(HEADERS);
    expect(rt.quietly(() => register.getFrozenRows())).toBe(1);
    expect(setupResult(rt)).toMatch(/^Готово\..* Лист реестра: «Реестр» \(создан\)/);
  });

  it('creates «Настройки» (the person who set up becomes a coordinator), the calendar pre-filled, and «Журнал» with the run', () => {
    const settings = valuesOf(rt, 'Настройки');
    expect(settings.slice(1).map((row) => row[0])).toEqual(SETTINGS_SPECS.map((spec) => spec.label));
    expect(settings.find((row) => row[0] === 'Координаторы (e-mail)')?.[1]).toBe(OWNER);
    expect(settings.find((row) => row[0] === 'Наименование округа')?.[1]).toBe('Шпаковский муниципальный округ');
    expect(valuesOf(rt, 'Производственный календарь')).toHaveLength(calendarSheetRows().length + 1);
    const journal = journalRows(rt);
    expect(journal).toHaveLength(1);
    expect(journal[0]?.slice(1, 3)).toEqual([OWNER, 'Настройка реестра']);
  });

  it('validates every column that has a rule: rejecting lists, checkboxes and dates, warning on free text', () => {
    const columns = headerColumns(rt, 'Реестр');
    const rule = (header: string) =>
      rt.quietly(() => register.getRange(5, columns[header] as number).getDataValidation());
    const summary = (header: string) => {
      const found = rule(header);
      return found === null ? null : { type: String(found.getCriteriaType()), allowInvalid: found.getAllowInvalid() };
    };
    expect(summary('Вид организации')).toEqual({ type: 'VALUE_IN_LIST', allowInvalid: false });
    expect(rule('Вид организации')?.getCriteriaValues()[0]).toEqual([...ORG_KINDS]);
    expect(rule('Социальная сеть')?.getCriteriaValues()[0]).toEqual(['ВКонтакте', 'Одноклассники']);
    expect(summary('Идентификация в ЕСИА')).toEqual({ type: 'CHECKBOX', allowInvalid: false });
    expect(summary('Дата создания')).toEqual({ type: 'CUSTOM_FORMULA', allowInvalid: false });
    expect(summary('Сообщено в ЦУР (создание)')).toEqual({ type: 'DATE_IS_VALID_DATE', allowInvalid: false });
    expect(summary('Ссылка на страницу')).toEqual({ type: 'CUSTOM_FORMULA', allowInvalid: true });
    expect(summary('E-mail ответственного')).toEqual({ type: 'TEXT_IS_VALID_EMAIL', allowInvalid: true });
    expect(summary('ОГРН')).toEqual({ type: 'CUSTOM_FORMULA', allowInvalid: true });
    expect(summary('Организация')).toEqual({ type: 'CUSTOM_FORMULA', allowInvalid: true });
    expect(summary('Состояние')).toBeNull();
    for (const column of COLUMNS) {
      const found = rule(column.header);
      if (found !== null) expect(found.getHelpText()).toBe(`${VALIDATION_HELP_PREFIX}${column.help}`);
    }
    expect(rt.quietly(() => register.getRange(1, 2).getDataValidation())).toBeNull();
  });

  it('protects the header and the add-on’s columns with a warning, and the service sheets for coordinators only', () => {
    const sheets = snapshot(rt);
    const registerProtections = sheets.find((sheet) => sheet.name === 'Реестр')?.protections as Array<{
      description: string;
      warningOnly: boolean;
    }>;
    expect(registerProtections.map((protection) => protection.description)).toEqual([
      'Реестр страниц: заголовки колонок (по ним надстройка находит данные; не переименовывайте)',
      'Реестр страниц: «ID» — заполняется автоматически',
      'Реестр страниц: «Сообщено в отдел (создание)» — заполняется автоматически',
      'Реестр страниц: «Сообщено в отдел (удаление)» — заполняется автоматически',
      'Реестр страниц: «Сообщено в ЦУР (создание)» — заполняется автоматически',
      'Реестр страниц: «Сообщено в ЦУР (удаление)» — заполняется автоматически',
      'Реестр страниц: «Срок» — вычисляется автоматически',
      'Реестр страниц: «Состояние» — вычисляется автоматически',
    ]);
    expect(registerProtections.every((protection) => protection.warningOnly)).toBe(true);
    for (const name of ['Настройки', 'Производственный календарь', 'Журнал']) {
      expect(sheets.find((sheet) => sheet.name === name)?.protections).toEqual([
        expect.objectContaining({ warningOnly: false, editors: [OWNER] }),
      ]);
    }
  });

  it('stops without creating anything when the question is cancelled, and uses a sheet named in the answer', () => {
    const cancelled = newRuntime(TODAY);
    cancelled.ui.answerPrompts({ button: cancelled.services.SpreadsheetApp.getUi().Button.CANCEL, text: '' });
    cancelled.menu('menuSetup');
    expect(cancelled.quietly(() => cancelled.spreadsheet.getSheets().map((sheet) => sheet.getName()))).toEqual([
      'Лист1',
    ]);
    expect(cancelled.ui.alerts.at(-1)?.prompt).toBe('Настройка отменена.');

    const named = newRuntime(TODAY);
    fillSheet(named, 'Список', [
      ['Что', 'Где'],
      ['Страница', 'vk.com/x'],
    ]);
    named.ui.answerPrompts({ text: 'Список' });
    named.menu('menuSetup');
    expect(valuesOf(named, 'Список')[0]).toEqual(['Что', 'Где', ...HEADERS]);
    expect(named.quietly(() => named.spreadsheet.getSheetByName('Реестр'))).toBeNull();
    // Remembered: the next run asks nothing.
    named.menu('menuSetup');
    expect(named.ui.prompts).toHaveLength(1);
  });
});

describe('setup on the departments’ own sheet', () => {
  const rt = newRuntime(TODAY);
  const sheet = fillSheet(rt, 'Страницы', departmentsRows());
  const SpreadsheetAppFake = rt.services.SpreadsheetApp as unknown as typeof SpreadsheetApp;
  rt.quietly(() => {
    sheet.getRange('E2').setNote('Куратор уточнит в марте');
    sheet.getRange('B4').setNote('Проверить ссылку');
    sheet
      .getRange('E2:E20')
      .setDataValidation(
        SpreadsheetAppFake.newDataValidation().requireValueInList(['Сидорова', 'Павлов']).setAllowInvalid(true).build(),
      );
    sheet.setConditionalFormatRules([
      SpreadsheetAppFake.newConditionalFormatRule()
        .whenTextEqualTo('Сидорова')
        .setBackground('#00ff00')
        .setRanges([sheet.getRange('E2:E20')])
        .build(),
    ]);
    sheet.getRange('A1:A20').protect().setDescription('Нумерация — не трогать').setWarningOnly(true);
  });
  const width = DEPARTMENTS_HEADER.length;
  const before = snapshotSheet(rt, sheet);
  rt.menu('menuSetup');
  const after = snapshotSheet(rt, sheet);

  const userBlock = (shot: SheetSnapshot, field: 'values' | 'formulas' | 'notes' | 'numberFormats' | 'validations') =>
    shot[field].slice(0, 6).map((row) => row.slice(0, width));

  it('finds the register by its headers without asking', () => {
    expect(rt.ui.prompts).toHaveLength(0);
    expect(setupResult(rt)).toContain('Лист реестра: «Страницы»');
  });

  it('leaves every cell the departments wrote exactly as it was: values, formulas, notes, formats, rules', () => {
    expect(userBlock(after, 'values')).toEqual(userBlock(before, 'values'));
    expect(userBlock(after, 'formulas')).toEqual(userBlock(before, 'formulas'));
    expect(userBlock(after, 'notes')).toEqual(userBlock(before, 'notes'));
    expect(after.notes).toEqual(before.notes.map((row) => [...row, ...Array(after.maxColumns - row.length).fill('')]));
    expect(userBlock(after, 'numberFormats')).toEqual(userBlock(before, 'numberFormats'));
    expect(after.validations.slice(1, 20).map((row) => row[4])).toEqual(
      before.validations.slice(1, 20).map((row) => row[4]),
    );
    expect(after.conditionalFormats).toEqual(expect.arrayContaining(before.conditionalFormats));
    expect(after.conditionalFormats.at(-1)).toEqual(before.conditionalFormats[0]);
    expect(after.protections).toEqual(expect.arrayContaining(before.protections));
  });

  it('appends the missing columns after the last one, in catalogue order', () => {
    const header = valuesOf(rt, 'Страницы')[0] ?? [];
    expect(header.slice(0, width)).toEqual(DEPARTMENTS_HEADER);
    expect(header.slice(width)).toEqual([
      'ID',
      'E-mail ответственного',
      'Основание освобождения (п. 4)',
      'Сообщено в отдел (создание)',
      'Сообщено в отдел (удаление)',
      'Сообщено в ЦУР (создание)',
      'Сообщено в ЦУР (удаление)',
      'Срок',
      'Состояние',
      'ИНН',
      'Госметка',
      'Подключено к «Госпабликам»',
      'Примечание',
    ]);
  });

  it('gives every row with a page a unique ID, the user’s separator row none, and writes Срок and Состояние', () => {
    const values = valuesOf(rt, 'Страницы');
    const columns = headerColumns(rt, 'Страницы');
    const ids = values.slice(1).map((row) => row[(columns.ID as number) - 1]);
    expect(ids[3]).toBe('');
    const given = ids.filter((id) => id !== '');
    expect(given).toHaveLength(4);
    for (const id of given) expect(id).toMatch(ID_PATTERN);
    expect(new Set(given).size).toBe(4);
    const states = values.slice(1).map((row) => row[(columns['Состояние'] as number) - 1]);
    // Nothing reached the coordinator before setup, so the delay is the departments' (whose delay, п. 3.2.2).
    expect(states).toEqual(['Просрочено: отдел', 'Просрочено: отдел', 'Просрочено: отдел', '', 'Ошибки заполнения']);
  });

  it('invents no «Сообщено в отдел/ЦУР» dates for the rows already there, and says plainly what is unreported', () => {
    const values = valuesOf(rt, 'Страницы');
    const columns = headerColumns(rt, 'Страницы');
    for (const header of [
      'Сообщено в отдел (создание)',
      'Сообщено в отдел (удаление)',
      'Сообщено в ЦУР (создание)',
      'Сообщено в ЦУР (удаление)',
    ]) {
      expect(values.slice(1).map((row) => row[(columns[header] as number) - 1])).toEqual(['', '', '', '', '']);
    }
    const message = setupResult(rt);
    const firstRun =
      'У страниц, внесённых до настройки, даты «Сообщено в отдел (…)» и «Сообщено в ЦУР (…)» не проставлены (событий: 5)';
    const pending =
      'Не сообщено в ЦУР (по отметкам в реестре) событий: 5, из них просрочено: 5. Их перечислит «Сводка для ЦУР»';
    expect(message).toContain(firstRun);
    expect(message).toContain(pending);
    expect(String(journalRows(rt).at(-1)?.[3])).toContain(pending);
  });

  it('a second run leaves the spreadsheet exactly as the first did, apart from one more line in «Журнал»', () => {
    const first = snapshot(rt);
    const journal = journalRows(rt).length;
    rt.menu('menuSetup');
    expect(withoutJournal(snapshot(rt))).toEqual(withoutJournal(first));
    expect(journalRows(rt)).toHaveLength(journal + 1);
    // The first-run explanation once; the count of what ЦУР has not been told every time.
    expect(setupResult(rt)).not.toContain('внесённых до настройки');
    expect(setupResult(rt)).toContain('Не сообщено в ЦУР (по отметкам в реестре) событий: 5');
  });
});

describe('setup twice on a full register', () => {
  it('gives the same state: values, notes, validation, conditional formatting, protections', () => {
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    const first = snapshot(rt);
    rt.menu('menuSetup');
    const second = snapshot(rt);
    expect(withoutJournal(second)).toEqual(withoutJournal(first));
    const journal = second.find((sheet) => sheet.name === 'Журнал');
    const firstJournal = first.find((sheet) => sheet.name === 'Журнал');
    expect(journal?.values.slice(0, 2)).toEqual(firstJournal?.values.slice(0, 2));
  });
});

describe('setup repairs IDs', () => {
  it('gives a row copied with its ID a new one and keeps the first; the check reports the copy until then', () => {
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    const sheet = sheetOf(rt, 'Реестр');
    const width = HEADERS.length;
    const original = rt.quietly(() => sheet.getRange(8, 1, 1, width).getValues());
    const copy = [[...(original[0] as unknown[])]];
    (copy[0] as unknown[])[4] = 'https://vk.com/shpak_culture_copy';
    rt.quietly(() => sheet.getRange(13, 1, 1, width).setValues(copy));
    rt.menu('menuCheckRegister');
    expect(rt.ui.panels.at(-1)?.html).toContain('такой ID уже есть в строке 8');
    rt.menu('menuSetup');
    const ids = rt.quietly(() => [sheet.getRange(8, 1).getValue(), sheet.getRange(13, 1).getValue()]);
    expect(ids[0]).toBe((original[0] as unknown[])[0]);
    expect(ids[1]).toMatch(ID_PATTERN);
    expect(ids[1]).not.toBe(ids[0]);
    expect(setupResult(rt)).toContain('Заменены повторяющиеся ID: 1.');
  });
});

describe('who may set up', () => {
  it('refuses politely to a person who is not a coordinator, and changes nothing', () => {
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    const before = snapshot(rt);
    rt.menu('menuSetup', CLERK);
    expect(rt.ui.alerts.at(-1)).toEqual(
      expect.objectContaining({ title: 'Настройка реестра', prompt: NOT_COORDINATOR_REASON }),
    );
    expect(snapshot(rt)).toEqual(before);
  });

  it('lets a coordinator named in «Настройки» set up; their e-mail then may edit the service sheets', () => {
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    const settings = sheetOf(rt, 'Настройки');
    const row = valuesOf(rt, 'Настройки').findIndex((cells) => cells[0] === 'Координаторы (e-mail)') + 1;
    rt.quietly(() => settings.getRange(row, 2).setValue(`${OWNER}, ${COORDINATOR}`));
    rt.menu('menuSetup', COORDINATOR);
    expect(setupResult(rt)).toMatch(/^Готово/);
    const protections = snapshot(rt).find((sheet) => sheet.name === 'Настройки')?.protections;
    expect(protections).toEqual([expect.objectContaining({ editors: [COORDINATOR, OWNER].sort() })]);
  });

  it('refuses when it cannot tell who is asking', () => {
    const rt = newRuntime(TODAY);
    rt.menu('menuSetup', '');
    expect(rt.ui.alerts.at(-1)?.prompt).toContain('Не удалось определить адрес вашей электронной почты');
  });
});

describe('columns of the departments’ own named like the add-on’s', () => {
  const header = [
    'Код',
    'Организация',
    'Статус',
    'Крайний срок',
    'Соцсеть',
    'Ссылка',
    'Дата создания',
    'Ответственный',
    'Должность',
    'Уполномоченное лицо',
  ];
  const row = (code: string, status: string, link: string) => [
    code,
    'Отдел образования',
    status,
    day('2026-12-31'),
    'ВКонтакте',
    link,
    day('2026-02-02'),
    'Иванов И. И.',
    'Заместитель главы',
    'Петров П. П.',
  ];

  it('keeps «Код», «Статус» and «Крайний срок» as they were and appends «ID», «Срок», «Состояние»', () => {
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', [
      header,
      row('ОБР-01', 'действует', 'https://vk.com/shpak_edu'),
      row('ОБР-02', 'действует', 'https://vk.com/shpak_edu2'),
    ]);
    const before = valuesOf(rt, 'Реестр').map((cells) => cells.slice(0, header.length));
    rt.menu('menuSetup');
    const after = valuesOf(rt, 'Реестр');
    expect(after.map((cells) => cells.slice(0, header.length))).toEqual(before);
    const columns = headerColumns(rt, 'Реестр');
    for (const name of ['ID', 'Срок', 'Состояние']) expect(columns[name]).toBeGreaterThan(header.length);
    expect(after[1]?.[(columns.ID as number) - 1]).toMatch(ID_PATTERN);
    expect(after[1]?.[(columns['Состояние'] as number) - 1]).toBe('Просрочено: отдел');
    // A second run changes nothing of theirs either.
    rt.menu('menuSetup');
    expect(valuesOf(rt, 'Реестр').map((cells) => cells.slice(0, header.length))).toEqual(before);
  });

  it('never replaces values in a column called «ID» that are not the add-on’s IDs, and fills only its empty cells', () => {
    const rt = newRuntime(TODAY);
    const withId = (id: string, link: string) => [id, ...row('', '', link).slice(1)];
    fillSheet(rt, 'Реестр', [
      ['ID', ...header.slice(1)],
      withId('ОБР-01', 'https://vk.com/a1'),
      withId('ОБР-01', 'https://vk.com/a2'),
      withId('', 'https://vk.com/a3'),
      withId('17', 'https://vk.com/a4'),
    ]);
    rt.menu('menuSetup');
    const ids = valuesOf(rt, 'Реестр')
      .slice(1)
      .map((cells) => cells[0]);
    expect(ids.slice(0, 2)).toEqual(['ОБР-01', 'ОБР-01']);
    expect(ids[2]).toMatch(ID_PATTERN);
    expect(ids[3]).toBe(17);
    expect(setupResult(rt)).toContain('В колонке «ID» значений не в формате надстройки (P-…): 3');
    expect(setupResult(rt)).not.toContain('Заменены');
    // The repeat is reported, not rewritten.
    rt.menu('menuCheckRegister');
    expect(rt.ui.panels.at(-1)?.html).toContain('такой ID уже есть в строке 2');
  });
});

describe('the users’ own data validation', () => {
  function ruleSummary(rt: ReturnType<typeof newRuntime>, row: number, header: string) {
    const column = headerColumns(rt, 'Реестр')[header] as number;
    const rule = rt.quietly(() => sheetOf(rt, 'Реестр').getRange(row, column).getDataValidation());
    return rule === null ? null : { values: rule.getCriteriaValues(), help: rule.getHelpText() };
  }

  it('a departments’ dropdown on «Организация» survives setup, twice; the other columns get ours', () => {
    const rt = newRuntime(TODAY);
    const sheet = fillSheet(rt, 'Реестр', fullRegisterRows());
    const app = rt.services.SpreadsheetApp as unknown as typeof SpreadsheetApp;
    const organization = headerColumns(rt, 'Реестр')['Организация'] as number;
    rt.quietly(() =>
      sheet
        .getRange(2, organization, 40, 1)
        .setDataValidation(
          app
            .newDataValidation()
            .requireValueInList(['Отдел образования', 'Отдел культуры'])
            .setAllowInvalid(true)
            .build(),
        ),
    );
    const theirs = { values: [['Отдел образования', 'Отдел культуры'], true], help: '' };
    for (let run = 0; run < 2; run += 1) {
      rt.menu('menuSetup');
      expect(ruleSummary(rt, 2, 'Организация')).toEqual(theirs);
      expect(ruleSummary(rt, 41, 'Организация')).toEqual(theirs);
      expect(ruleSummary(rt, 2, 'Вид организации')?.help).toBe(`${VALIDATION_HELP_PREFIX}Выберите из списка.`);
      expect(setupResult(rt)).toContain('Своя проверка данных оставлена без изменений в колонках: «Организация».');
    }
  });

  it('a rule a person puts on a column after setup survives the next setup; ours, even from an older version, is renewed', () => {
    const rt = newRuntime(TODAY);
    const sheet = fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    const app = rt.services.SpreadsheetApp as unknown as typeof SpreadsheetApp;
    const columns = headerColumns(rt, 'Реестр');
    rt.quietly(() => {
      sheet
        .getRange(2, columns['Должность ответственного'] as number, 20, 1)
        .setDataValidation(app.newDataValidation().requireValueInList(['Директор', 'Начальник отдела']).build());
      // What an earlier version wrote: the catalogue's help text without the prefix.
      sheet
        .getRange(2, columns['Вид организации'] as number, 50, 1)
        .setDataValidation(
          app.newDataValidation().requireValueInList(['Старый список']).setHelpText('Выберите из списка.').build(),
        );
    });
    rt.menu('menuSetup');
    expect(ruleSummary(rt, 5, 'Должность ответственного')).toEqual({
      values: [['Директор', 'Начальник отдела'], true],
      help: '',
    });
    expect(ruleSummary(rt, 5, 'Вид организации')?.values[0]).toEqual([...ORG_KINDS]);
    expect(setupResult(rt)).toContain('колонках: «Должность ответственного».');
  });
});

describe('the «Социальная сеть» dropdown', () => {
  it('is the list the checks accept: the built-in networks and those in «Настройки»', () => {
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    const row = valuesOf(rt, 'Настройки').findIndex((cells) => cells[0] === 'Социальные сети') + 1;
    rt.quietly(() => sheetOf(rt, 'Настройки').getRange(row, 2).setValue('Telegram'));
    rt.menu('menuSetup');
    const network = headerColumns(rt, 'Реестр')['Социальная сеть'] as number;
    const rule = rt.quietly(() => sheetOf(rt, 'Реестр').getRange(3, network).getDataValidation());
    expect(rule?.getCriteriaValues()[0]).toEqual(['ВКонтакте', 'Одноклассники', 'Telegram']);
  });
});

describe('the spreadsheet’s time zone', () => {
  it('is set to Europe/Moscow by setup, which says so; «today» is then the Moscow day', () => {
    // 22:30 in Moscow on Thursday 05.03.2026 is already Friday 06.03 in Yekaterinburg.
    const rt = createRuntime({ now: new Date('2026-03-05T22:30:00+03:00'), owner: OWNER, user: OWNER });
    rt.loadBundle();
    rt.quietly(() => rt.spreadsheet.setSpreadsheetTimeZone('Asia/Yekaterinburg'));
    const rows = fullRegisterRows().slice(0, 2);
    // Created Tuesday 03.03: the department's deadline is Thursday 05.03, today in Moscow.
    (rows[1] as unknown[])[5] = day('2026-03-03');
    fillSheet(rt, 'Реестр', rows);
    rt.menu('menuSetup');
    expect(rt.quietly(() => rt.spreadsheet.getSpreadsheetTimeZone())).toBe('Europe/Moscow');
    const message = 'Часовой пояс таблицы был «Asia/Yekaterinburg», установлен «Europe/Moscow»';
    expect(setupResult(rt)).toContain(message);
    expect(String(journalRows(rt).at(-1)?.[3])).toContain(message);
    expect(valuesOf(rt, 'Реестр')[1]?.[18]).toBe('Срок сегодня');
    rt.menu('menuSetup');
    expect(setupResult(rt)).not.toContain('Часовой пояс');
  });
});
