/**
 * onEdit of the built bundle as a simple trigger, run as a department's clerk: one cell, then a paste
 * of several rows. It gives new rows IDs, stamps «Сообщено в отдел (…)» when a date is first entered,
 * recomputes «Срок» and «Состояние», marks invalid cells with a note and never changes what was typed.
 */
import { NOTE_MARKER } from '../../src/gas/sheets/cellNotes';
import { ID_PATTERN } from '../../src/gas/platform/ids';
import { CLERK, cell, day, fillSheet, headerColumns, newRuntime, note, sheetOf } from './registerHarness';
import { FULL_ROWS, TODAY, fullRegisterRows } from './registerFixtures';

function setUp() {
  const rt = newRuntime(TODAY);
  fillSheet(rt, 'Реестр', fullRegisterRows());
  rt.menu('menuSetup');
  const columns = headerColumns(rt, 'Реестр');
  const at = (row: number, header: string): string => {
    const column = columns[header];
    if (column === undefined) throw new Error(header);
    return `Реестр!${String.fromCharCode(64 + column)}${row}`;
  };
  return { rt, columns, at };
}

describe('onEdit of one cell', () => {
  const { rt, at } = setUp();
  const newRow = 13;

  it('gives a new row an ID and the state «Ошибки заполнения», with notes on the cells still to fill', () => {
    rt.simulateEdit(at(newRow, 'Организация'), { value: 'Отдел архитектуры', user: CLERK });
    expect(cell(rt, 'Реестр', newRow, 'Организация')).toBe('Отдел архитектуры');
    expect(cell(rt, 'Реестр', newRow, 'ID')).toMatch(ID_PATTERN);
    expect(cell(rt, 'Реестр', newRow, 'Состояние')).toBe('Ошибки заполнения');
    expect(note(rt, 'Реестр', newRow, 'Ссылка на страницу')).toContain(NOTE_MARKER);
    expect(note(rt, 'Реестр', newRow, 'Организация')).toBe('');
  });

  it('stamps «Сообщено в отдел (создание)» with today when the creation date is first entered, and keeps the ID', () => {
    const id = cell(rt, 'Реестр', newRow, 'ID');
    rt.simulateEdit(at(newRow, 'Дата создания'), { value: day('2026-03-04'), user: CLERK });
    expect(cell(rt, 'Реестр', newRow, 'Сообщено в отдел (создание)')).toEqual(day(TODAY));
    expect(cell(rt, 'Реестр', newRow, 'ID')).toBe(id);
    // Corrected later: the first stamp stays.
    rt.setNow(new Date('2026-03-06T10:00:00+03:00'));
    rt.simulateEdit(at(newRow, 'Дата создания'), { value: day('2026-03-03'), user: CLERK });
    expect(cell(rt, 'Реестр', newRow, 'Сообщено в отдел (создание)')).toEqual(day(TODAY));
    rt.setNow(new Date(`${TODAY}T09:00:00+03:00`));
  });

  it('marks an invalid link with a note and the state without undoing it, and clears the mark when fixed', () => {
    const row = FULL_ROWS.reported;
    rt.quietly(() =>
      sheetOf(rt, 'Реестр')
        .getRange(at(row, 'Ссылка на страницу').split('!')[1] as string)
        .setNote('Своя заметка'),
    );
    rt.simulateEdit(at(row, 'Ссылка на страницу'), { value: 'страница в вк', user: CLERK });
    expect(cell(rt, 'Реестр', row, 'Ссылка на страницу')).toBe('страница в вк');
    expect(cell(rt, 'Реестр', row, 'Состояние')).toBe('Ошибки заполнения');
    expect(note(rt, 'Реестр', row, 'Ссылка на страницу')).toMatch(
      new RegExp(`^Своя заметка\\n\\n${NOTE_MARKER}\\nОшибка: «Ссылка на страницу»`),
    );
    expect(rt.spreadsheet.toasts.at(-1)?.message).toContain(`Строка ${row}`);

    rt.simulateEdit(at(row, 'Ссылка на страницу'), { value: 'https://vk.com/shpak_culture', user: CLERK });
    expect(cell(rt, 'Реестр', row, 'Состояние')).toBe('Сообщено');
    expect(note(rt, 'Реестр', row, 'Ссылка на страницу')).toBe('Своя заметка');
  });

  it('stamps the deletion and recomputes «Срок» and «Состояние»', () => {
    const row = FULL_ROWS.reported;
    rt.simulateEdit(at(row, 'Дата удаления'), { value: day(TODAY), user: CLERK });
    expect(cell(rt, 'Реестр', row, 'Сообщено в отдел (удаление)')).toEqual(day(TODAY));
    expect(cell(rt, 'Реестр', row, 'Срок')).toEqual(day('2026-03-11'));
    expect(cell(rt, 'Реестр', row, 'Состояние')).toBe('В срок');
  });

  it('an exemption typed for an organization with an active page gets the п. 4 warning (then the organizations are read)', () => {
    const fresh = setUp();
    const row = 13;
    const organization = cell(fresh.rt, 'Реестр', FULL_ROWS.reported, 'Организация');
    fresh.rt.simulateEdit(fresh.at(row, 'Организация'), { value: organization, user: CLERK });
    const exemption = 'Основание освобождения (п. 4)';
    expect(note(fresh.rt, 'Реестр', row, exemption)).toBe('');
    const { calls } = fresh.rt.measure(() =>
      fresh.rt.simulateEdit(fresh.at(row, exemption), { value: 'Приказ № 5', user: CLERK }),
    );
    const warned = note(fresh.rt, 'Реестр', row, exemption);
    expect(warned).toMatch(/у организации есть действующая страница \(строка \d+\)/);
    // What the full check of the whole register says of that cell.
    fresh.rt.menu('menuCheckRegister');
    expect(note(fresh.rt, 'Реестр', row, exemption)).toBe(warned);
    // Header, the edited row, ID + organization (adjacent), link, deletion date, exemption.
    expect(calls.byMethod['Range.getValues']).toBe(6);
  });

  it('does nothing on other sheets', () => {
    const { calls } = rt.measure(() => rt.simulateEdit('Лист1!A1', { value: 'заметка', user: CLERK }));
    expect(Object.keys(calls.byMethod).filter((method) => /set(Values|Notes)/.test(method))).toEqual([]);
  });
});

describe('onEdit of a paste of several rows', () => {
  it('handles every pasted row and only those, writing each column block once', () => {
    const { rt, columns } = setUp();
    const width = Object.keys(columns).length;
    const pasted = [14, 15, 16].map((row) => {
      const values = Array<unknown>(width).fill('');
      const put = (header: string, value: unknown): void => {
        values[(columns[header] as number) - 1] = value;
      };
      put('Организация', `Школа № ${row}`);
      put('Вид организации', 'Подведомственная организация');
      put('Социальная сеть', 'ВКонтакте');
      put('Ссылка на страницу', `https://vk.com/school_${row}`);
      put('Дата создания', day('2026-03-04'));
      put('Ответственный (ФИО)', 'Директоров Д. Д.');
      put('Должность ответственного', 'Директор');
      put('Уполномоченное лицо (ФИО)', 'Учителев У. У.');
      put('Идентификация в ЕСИА', true);
      return values;
    });
    const sheet = sheetOf(rt, 'Реестр');
    const range = rt.quietly(() => sheet.getRange(14, 1, 3, width));
    rt.runAs('menu', CLERK, () => range.setValues(pasted));
    const before11 = rt.quietly(() => sheet.getRange(2, 1, 12, width).getValues());
    const { calls } = rt.measure(() => rt.simulateEdit(range, { user: CLERK }));

    for (const row of [14, 15, 16]) {
      expect(cell(rt, 'Реестр', row, 'ID')).toMatch(ID_PATTERN);
      expect(cell(rt, 'Реестр', row, 'Сообщено в отдел (создание)')).toEqual(day(TODAY));
      expect(cell(rt, 'Реестр', row, 'Срок')).toEqual(day('2026-03-10'));
      expect(cell(rt, 'Реестр', row, 'Состояние')).toBe('В срок');
      expect(cell(rt, 'Реестр', row, 'Организация')).toBe(`Школа № ${row}`);
    }
    expect(rt.quietly(() => sheet.getRange(2, 1, 12, width).getValues())).toEqual(before11);
    // ID, «Сообщено в отдел (создание)», «Срок»+«Состояние»: three column blocks, one write each.
    expect(calls.byMethod['Range.setValues']).toBe(3);
    // With the context cached by setup: the header row, the pasted rows, then the other rows' IDs and
    // links (registerWideReadsFor: the pasted rows register new pages, no exemption); no other row's link
    // gives one of theirs, so no deletion dates.
    expect(calls.byMethod['Range.getValues']).toBe(4);
    expect(calls.byMethod['Cache.getAll']).toBe(1);
  });
});

describe('onEdit applies the register-wide checks of the full check', () => {
  it('a row repeating another’s page stays «Ошибки заполнения» when another of its cells is edited', () => {
    const { rt, at } = setUp();
    const row = FULL_ROWS.duplicate;
    expect(cell(rt, 'Реестр', row, 'Состояние')).toBe('Ошибки заполнения');
    rt.simulateEdit(at(row, 'Примечание'), { value: 'уточнить у отдела', user: CLERK });
    expect(cell(rt, 'Реестр', row, 'Состояние')).toBe('Ошибки заполнения');
    expect(note(rt, 'Реестр', row, 'Ссылка на страницу')).toContain('эта страница уже внесена в строке 8');
  });

  it('a row pasted with another row’s ID gets the ID error, and a new link already registered gets the page error', () => {
    const { rt, columns, at } = setUp();
    const sheet = sheetOf(rt, 'Реестр');
    const width = Object.keys(columns).length;
    const original = rt.quietly(() => sheet.getRange(FULL_ROWS.reported, 1, 1, width).getValues());
    const copy = [[...(original[0] as unknown[])]];
    (copy[0] as unknown[])[(columns['Ссылка на страницу'] as number) - 1] = 'https://vk.com/shpak_culture_copy';
    const range = rt.quietly(() => sheet.getRange(14, 1, 1, width));
    rt.runAs('menu', CLERK, () => range.setValues(copy));
    rt.simulateEdit(range, { user: CLERK });
    expect(cell(rt, 'Реестр', 14, 'ID')).toBe((original[0] as unknown[])[0]);
    expect(cell(rt, 'Реестр', 14, 'Состояние')).toBe('Ошибки заполнения');
    expect(note(rt, 'Реестр', 14, 'ID')).toContain(`такой ID уже есть в строке ${FULL_ROWS.reported}`);

    rt.simulateEdit(at(15, 'Ссылка на страницу'), { value: 'https://vk.com/SHPAK_EDU/', user: CLERK });
    expect(note(rt, 'Реестр', 15, 'Ссылка на страницу')).toContain(
      `эта страница уже внесена в строке ${FULL_ROWS.overdue}`,
    );
    expect(cell(rt, 'Реестр', 15, 'ID')).toMatch(ID_PATTERN);
  });
});
