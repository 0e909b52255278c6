/**
 * The add-on writes its columns in blocks and fills a block's cells it does not change with what they
 * hold, so that one setValues covers the block. Text people left in such a cell (an ID they typed or
 * pasted) must come back as the same text: never a formula, never a number or a date.
 * The layout is the departments' (the sample of `npm start`): after setup, «ID», «Срок» and «Состояние»
 * stand side by side at the end, so onEdit and setup write them as one block.
 */
import { SAMPLE_COLUMNS } from '../../dev/sample/register';
import type { Runtime } from '../../dev/runtime';
import {
  CLERK,
  FORMULA_TEXT,
  OWNER,
  callSafely,
  day,
  fillSheet,
  formulaCells,
  newRuntime,
  settingsRows,
} from './hostile';

const HEADER = SAMPLE_COLUMNS.map((column) => column.header);

function pageRow(number: number, organization: string, link: string): unknown[] {
  const cells: Record<string, unknown> = {
    '№ п/п': number,
    'Наименование организации': organization,
    'Вид организации': 'Структурное подразделение',
    Соцсеть: 'ВКонтакте',
    Ссылка: link,
    'Дата создания': day('2026-03-04'),
    'Ответственный (ФИО)': 'Иванов И. И.',
    'Должность ответственного': 'Начальник отдела',
    'Уполномоченное лицо (ФИО)': 'Петров П. П.',
    'Идентификация в ЕСИА': true,
    'Сообщено в отдел (создание)': day('2026-03-04'),
  };
  return HEADER.map((header) => cells[header] ?? '');
}

function setUp(): { rt: Runtime; columns: Record<string, number> } {
  const rt = newRuntime();
  fillSheet(rt, 'Настройки', settingsRows());
  fillSheet(rt, 'Реестр', [HEADER, pageRow(1, 'Отдел культуры', 'https://vk.com/culture')]);
  callSafely('menuSetup', () => rt.menu('menuSetup', OWNER));
  const header = rt.quietly(() => {
    const sheet = rt.spreadsheet.getSheetByName('Реестр')!;
    return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  });
  const columns = Object.fromEntries(header.map((title, index) => [String(title), index + 1]));
  expect([columns['Срок'], columns['Состояние']]).toEqual([(columns['ID'] ?? 0) + 1, (columns['ID'] ?? 0) + 2]);
  return { rt, columns };
}

const TEXT_IDS = [FORMULA_TEXT.importxml, FORMULA_TEXT.cmd, '0042', '05.03.2026', 'TRUE'];

/** The «ID» cells of sheet rows 3… */
function textIds(rt: Runtime, column: number): unknown[] {
  return rt.quietly(() =>
    rt.spreadsheet
      .getSheetByName('Реестр')!
      .getRange(3, column, TEXT_IDS.length, 1)
      .getValues()
      .map(([value]) => value),
  );
}

describe('text in a cell of a block the add-on writes comes back as the same text', () => {
  it('onEdit of a paste: the pasted IDs typed as text stay text', () => {
    const { rt, columns } = setUp();
    const sheet = rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!);
    const width = rt.quietly(() => sheet.getLastColumn());
    const pasted = TEXT_IDS.map((id, index) => {
      const row = [...pageRow(index + 2, `Школа № ${index + 1}`, `https://vk.com/school_${index + 1}`)];
      while (row.length < width) row.push('');
      row[(columns['ID'] as number) - 1] = `'${id}`;
      return row;
    });
    // One more row without an ID, so that onEdit writes the «ID» column of the pasted block.
    const last = [...pageRow(9, 'Школа без ID', 'https://vk.com/school_no_id')];
    while (last.length < width) last.push('');
    const range = rt.quietly(() => sheet.getRange(3, 1, pasted.length + 1, width));
    rt.runAs('menu', CLERK, () => range.setValues([...pasted, last]));
    callSafely('onEdit', () => rt.simulateEdit(range, { user: CLERK }));
    expect(textIds(rt, columns['ID'] as number)).toEqual(TEXT_IDS);
    expect(formulaCells(rt)).toEqual({});
  });

  it('setup run again: IDs typed as text stay text', () => {
    const { rt, columns } = setUp();
    const sheet = rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!);
    rt.quietly(() => {
      const rows = TEXT_IDS.map((id, index) => pageRow(index + 2, `Школа № ${index + 1}`, `https://vk.com/s_${index}`));
      sheet.getRange(3, 1, rows.length, HEADER.length).setValues(rows);
      sheet.getRange(3, columns['ID'] as number, TEXT_IDS.length, 1).setValues(TEXT_IDS.map((id) => [`'${id}`]));
      // A row added by hand with no ID: setup gives it one, writing the «ID» block.
      sheet.getRange(3 + TEXT_IDS.length, 1, 1, HEADER.length).setValues([pageRow(9, 'Новая', 'https://vk.com/new')]);
    });
    callSafely('menuSetup', () => rt.menu('menuSetup', OWNER));
    expect(textIds(rt, columns['ID'] as number)).toEqual(TEXT_IDS);
    expect(formulaCells(rt)).toEqual({});
  });
});
