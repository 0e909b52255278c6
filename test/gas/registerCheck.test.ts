/**
 * «Проверить реестр» from the built bundle: one read of the register, one write, a dialog grouped by
 * row with the cell, the column and a Russian message (everything from the sheet HTML-escaped), and a
 * toast with the counts.
 */
import { NOTE_MARKER } from '../../src/gas/sheets/cellNotes';
import { CLERK, cell, day, fillSheet, headerColumns, newRuntime, note, sheetOf, valuesOf } from './registerHarness';
import { COLUMNS } from '../../src/domain/columns';
import {
  DEPARTMENTS_HEADER,
  FULL_ROWS,
  TODAY,
  bulkRegisterRows,
  departmentsRows,
  fullRegisterRows,
} from './registerFixtures';

function checked() {
  const rt = newRuntime(TODAY);
  fillSheet(rt, 'Реестр', fullRegisterRows());
  rt.menu('menuSetup');
  // A stale state to be corrected by the check's single write.
  rt.quietly(() => sheetOf(rt, 'Реестр').getRange(FULL_ROWS.exemption, 19).setValue('устарело'));
  const { calls } = rt.measure(() => rt.menu('menuCheckRegister', CLERK));
  const dialog = rt.ui.panels.at(-1);
  return { rt, calls, html: dialog?.html ?? '', dialog };
}

/** The dialog's rows as text: «cell | column | message» (tags dropped). */
function tableRows(html: string): string[] {
  return [...html.matchAll(/<tr><td class="cell">(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)].map((match) =>
    [match[1], match[2], match[3]].map((part) => (part ?? '').replace(/<[^>]*>/g, '')).join(' | '),
  );
}

describe('the check of the register', () => {
  const { rt, calls, html, dialog } = checked();

  it('shows a modeless dialog titled «Проверка реестра» headed by the counts (no toast repeating them)', () => {
    expect(dialog).toEqual(expect.objectContaining({ kind: 'modeless', title: 'Проверка реестра' }));
    expect(html).toContain(
      'Строк в реестре: 11. Ошибок: 4, предупреждений: 2 (строк с замечаниями: 4). ' +
        'Организаций без действующей страницы и освобождения: 2. Организаций, о которых нельзя судить из-за ошибок в их строках: 4.',
    );
    expect(calls.byMethod['Spreadsheet.toast']).toBeUndefined();
  });

  it('finds duplicates, a link of another network, a position below deputy head, no ЕСИА, a bad ОГРН, a missing link', () => {
    const rows = tableRows(html);
    expect(rows).toEqual([
      expect.stringMatching(/^Реестр!E7 \| Ссылка на страницу \| Ошибка: .*ok\.ru.*«ВКонтакте»/),
      expect.stringMatching(/^Реестр!E9 \| Ссылка на страницу \| Ошибка: .*уже внесена в строке 8/),
      expect.stringMatching(/^Реестр!I10 \| Должность ответственного \| Внимание: .*Специалист по связям/),
      expect.stringMatching(/^Реестр!L10 \| Идентификация в ЕСИА \| Внимание: .*ЕСИА/),
      expect.stringMatching(/^Реестр!T10 \| ОГРН \| Ошибка: .*контрольная цифра/),
      expect.stringMatching(/^Реестр!E12 \| Ссылка на страницу \| Ошибка: .*не заполнено/),
    ]);
    expect(html).toContain('Строка 10 · МБДОУ Детский сад № 5 · P-');
  });

  it('lists organizations with no active page and no exemption, and escapes what people wrote', () => {
    const gaps = html.slice(
      html.indexOf('Организации без действующей страницы'),
      html.indexOf('Организации, о которых'),
    );
    expect(gaps).toContain('<b>Отдел ЖКХ</b>: все страницы удалены');
    expect(gaps).toContain('<b>Отдел транспорта</b>');
    // Its only row has no link: an error, so — as in the ЦУР letter — it is not judged until fixed.
    const undetermined = html.slice(html.indexOf('Организации, о которых'), html.indexOf('Замечания по строкам'));
    expect(undetermined).toContain('&lt;b&gt;Школа&lt;/b&gt; &amp; «Сад»');
    // A link of another network (row 7) and a page another organization's row registers (row 9).
    expect(undetermined).toContain('<b>Отдел финансов</b>');
    // Why they cannot be judged is said once, above the list; each names its rows in error.
    expect(undetermined.split('станет ясно, когда ошибки будут исправлены').length - 1).toBe(1);
    expect(undetermined).toMatch(/<b>Отдел финансов<\/b>: ошибки в строк[еа]х? \d/);
    expect(undetermined).toContain('<b>Отдел молодёжи</b>');
    // Its only page's row has a wrong ОГРН: an error, so its page is not counted either.
    expect(undetermined).toContain('<b>МБДОУ Детский сад № 5</b>');
    expect(gaps).not.toContain('Отдел финансов');
    expect(gaps).not.toContain('Архив');
    expect(html).not.toContain('<b>Школа</b>');
  });

  it('reads the register once and writes «Срок»/«Состояние» once', () => {
    expect(cell(rt, 'Реестр', FULL_ROWS.exemption, 'Состояние')).toBe('Освобождение (п. 4)');
    // Setup left the context (header, «Настройки», calendar) in CacheService: one getValues of the
    // header row and the data below it.
    expect(calls.byMethod['Cache.getAll']).toBe(1);
    expect(calls.byMethod['Range.getValues']).toBe(1);
    expect(calls.byMethod['Range.setValues']).toBe(1);
  });
});

describe('a long register: the dialog lists the first 300 rows with problems and counts them all', () => {
  it('says how many rows it leaves out, and its counts cover every row', () => {
    const rows = bulkRegisterRows(305);
    const link = (rows[0] as unknown[]).indexOf('Ссылка на страницу');
    for (const row of rows.slice(1)) row[link] = 'не ссылка';
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', rows);
    rt.menu('menuSetup');
    rt.menu('menuCheckRegister', CLERK);
    const html = rt.ui.panels.at(-1)?.html ?? '';
    expect(html).toContain('Строк в реестре: 305. Ошибок: 305, предупреждений: 0 (строк с замечаниями: 305).');
    expect(html.match(/<tbody>/g)).toHaveLength(300);
    expect(html).toContain('Строка 300 · ');
    expect(html).not.toContain('Строка 302 · ');
    expect(html).toContain('Показаны первые 300 строк из 305.');
  });
});

describe('the calendar sheet and «Настройки» feed the check and setup', () => {
  it('a day off added to «Производственный календарь» moves «Срок»', () => {
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    expect(cell(rt, 'Реестр', FULL_ROWS.dueTomorrow, 'Срок')).toEqual(day('2026-03-06'));
    const calendar = sheetOf(rt, 'Производственный календарь');
    rt.quietly(() => calendar.appendRow([day('2026-03-06'), 'Нерабочий', 'Проверка']));
    rt.simulateEdit(rt.quietly(() => calendar.getRange(calendar.getLastRow(), 1, 1, 3)));
    rt.menu('menuCheckRegister');
    expect(cell(rt, 'Реестр', FULL_ROWS.dueTomorrow, 'Срок')).toEqual(day('2026-03-10'));
  });

  it('deleting the pre-filled 09.03.2026 row makes that Monday a working day again', () => {
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    expect(cell(rt, 'Реестр', FULL_ROWS.dueAfterHoliday, 'Срок')).toEqual(day('2026-03-10'));
    const calendar = sheetOf(rt, 'Производственный календарь');
    const row =
      valuesOf(rt, 'Производственный календарь').findIndex(
        (cells) => cells[0] instanceof Date && cells[0].getTime() === day('2026-03-09').getTime(),
      ) + 1;
    expect(row).toBeGreaterThan(1);
    rt.quietly(() => calendar.deleteRow(row));
    // A row deleted by hand fires no onEdit: the context cached by setup still holds it until it goes
    // stale; an edit of the sheet (or the next setup) makes it stale.
    rt.menu('menuCheckRegister');
    expect(cell(rt, 'Реестр', FULL_ROWS.dueAfterHoliday, 'Срок')).toEqual(day('2026-03-10'));
    rt.simulateEdit(rt.quietly(() => calendar.getRange(1, 1)));
    rt.menu('menuCheckRegister');
    expect(cell(rt, 'Реестр', FULL_ROWS.dueAfterHoliday, 'Срок')).toEqual(day('2026-03-09'));
  });

  it('a network added in «Настройки» joins the dropdown at the next setup', () => {
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    const settings = sheetOf(rt, 'Настройки');
    const row = valuesOf(rt, 'Настройки').findIndex((cells) => cells[0] === 'Социальные сети') + 1;
    rt.quietly(() => settings.getRange(row, 2).setValue('ВКонтакте, Одноклассники, Telegram'));
    rt.menu('menuSetup');
    const network = headerColumns(rt, 'Реестр')['Социальная сеть'] as number;
    const rule = rt.quietly(() => sheetOf(rt, 'Реестр').getRange(3, network).getDataValidation());
    expect(rule?.getCriteriaValues()[0]).toEqual(['ВКонтакте', 'Одноклассники', 'Telegram']);
  });
});

describe('the check refreshes the add-on’s notes on every row', () => {
  it('drops the «Ошибка» of a row fixed without onEdit, keeps the person’s own text, and notes rows never edited', () => {
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    const sheet = sheetOf(rt, 'Реестр');
    const link = headerColumns(rt, 'Реестр')['Ссылка на страницу'] as number;
    const row = FULL_ROWS.reported;
    rt.quietly(() => sheet.getRange(row, link).setNote('Своя заметка'));
    rt.simulateEdit(`Реестр!E${row}`, { value: 'страница в вк', user: CLERK });
    expect(note(rt, 'Реестр', row, 'Ссылка на страницу')).toContain(NOTE_MARKER);
    // Fixed by a script, a paste with events off, the sidebar: no onEdit for this cell.
    rt.quietly(() => sheet.getRange(row, link).setValue('https://vk.com/shpak_culture'));
    expect(note(rt, 'Реестр', row, 'Ссылка на страницу')).toContain(NOTE_MARKER);

    const { calls } = rt.measure(() => rt.menu('menuCheckRegister', CLERK));
    expect(note(rt, 'Реестр', row, 'Ссылка на страницу')).toBe('Своя заметка');
    expect(note(rt, 'Реестр', FULL_ROWS.duplicate, 'Ссылка на страницу')).toContain(
      'эта страница уже внесена в строке 8',
    );
    expect(calls.byMethod['Range.getNotes']).toBe(1);
    expect(calls.byMethod['Range.setNotes']).toBe(1);

    // Nothing more to change: the next check reads the notes and writes none.
    const again = rt.measure(() => rt.menu('menuCheckRegister', CLERK));
    expect(again.calls.byMethod['Range.setNotes']).toBeUndefined();
  });
});

describe('the check dialog speaks the sheet’s language and its addresses select cells', () => {
  const rt = newRuntime(TODAY);
  fillSheet(rt, 'Реестр', departmentsRows());
  rt.menu('menuSetup');
  rt.menu('menuCheckRegister', CLERK);
  const html = rt.ui.panels.at(-1)?.html ?? '';
  const rows = tableRows(html);

  it('names each column as the sheet’s own header row does, and the message does not repeat it', () => {
    expect(rows.length).toBeGreaterThan(0);
    const headers = new Set(rows.map((row) => row.split(' | ')[1]));
    for (const own of headers)
      expect([...DEPARTMENTS_HEADER, ...COLUMNS.map((c) => c.header), 'вся строка']).toContain(own);
    // Columns the departments named their own way keep their names.
    expect(rows.some((row) => / \| (Ссылка|Соцсеть|Должность|ЕСИА|Ответственный) \| /.test(row))).toBe(true);
    expect(
      rows.filter((row) => / \| (Ссылка на страницу|Социальная сеть|Должность ответственного) \| /.test(row)),
    ).toEqual([]);
    for (const row of rows) {
      const [, column, message] = row.split(' | ');
      expect(message).not.toContain(`«${column}»:`);
      expect(message).not.toMatch(/^(Ошибка|Внимание): «[^»]+»: /);
    }
  });

  it('makes every address a link to its cell, with a «Закрыть» button', () => {
    const links = [...html.matchAll(/data-action="select-cell" data-sheet="([^"]*)" data-cell="([^"]*)"/g)];
    expect(links.length).toBe(rows.length);
    expect(html).toMatch(/<button type="button" id="close" data-action="close">Закрыть<\/button>/);
  });

  it('dialogSelectCell selects the cell, and refuses other sheets, odd addresses and cells outside the grid', () => {
    expect(rt.scriptRun('dialogSelectCell', 'Реестр', 'B3')).toEqual({
      ok: true,
      message: 'Выделена ячейка Реестр!B3.',
    });
    expect(rt.spreadsheet.activeRange?.getA1Notation()).toBe('B3');
    expect(rt.scriptRun('dialogSelectCell', 'Реестр', '4:4')).toMatchObject({ ok: true });
    expect(rt.spreadsheet.activeRange?.getA1Notation()).toMatch(/^A4:\w+4$/);
    rt.quietly(() => rt.spreadsheet.insertSheet('Чужой лист'));
    for (const args of [
      ['Чужой лист', 'A1'],
      ['Реестр', 'A1:B2'],
      ['Реестр', '=HYPERLINK("x")'],
      ['Реестр', 'ZZZ99999'],
      ['Реестр', 'A0'],
      [{ toString: 'x' }, 'A1'],
      ['Реестр'],
    ]) {
      const answer = rt.scriptRun('dialogSelectCell', ...args) as { ok: boolean; message: string };
      expect(answer.ok).toBe(false);
      expect(answer.message).toMatch(/[а-я]/);
    }
    expect(rt.spreadsheet.activeRange?.getA1Notation()).toMatch(/^A4:/);
  });
});
