/**
 * The sidebar's server functions, called the way google.script.run calls them (JSON in and out) on
 * the built bundle in the offline runtime.
 */
import { unwrap } from '../../dev/fakes/fakeObject';
import type { FakeLockService } from '../../dev/fakes/lock';
import type { Runtime } from '../../dev/runtime';
import type {
  SidebarFindResult,
  SidebarInitResult,
  SidebarMyPagesResult,
  SidebarSubmitResult,
  SubmitSuccess,
} from '../../src/shared/sidebar';
import {
  CLERK,
  HEADERS,
  OWN_COLUMN,
  createSidebarRuntime,
  legacyPage,
  moscowDay,
  newPageInput,
  pageRow,
  threePages,
  registerValues,
  rowById,
} from '../ui/sidebarFixture';

const TODAY = '2024-04-27'; // a working Saturday (decree No. 1314)

function submit(rt: Runtime, input: unknown, requestId = `req-${Math.random().toString(36).slice(2, 12)}`) {
  return rt.scriptRun('sidebarSubmit', input, requestId) as SidebarSubmitResult;
}

function succeeded(result: SidebarSubmitResult): SubmitSuccess {
  if (!result.ok) throw new Error(`submit refused: ${result.message} ${JSON.stringify(result.problems)}`);
  return result;
}

function threeRows(): Runtime {
  return threePages(TODAY);
}

describe('sidebarInit', () => {
  it('gives suggestions from the register, the lists, today and the permissions as plain JSON', () => {
    const rt = threeRows();
    const init = rt.scriptRun('sidebarInit') as SidebarInitResult;
    expect(init.today).toBe(TODAY);
    expect(init.organizations.map((organization) => organization.name)).toEqual([
      'Администрация Шпаковского округа',
      'МБУК «Дом культуры»',
      'Отдел образования',
    ]);
    expect(init.organizations[1]).toEqual({ name: 'МБУК «Дом культуры»', orgKind: 'Подведомственная организация' });
    expect(init.networks).toEqual(['ВКонтакте', 'Одноклассники']);
    expect(init.orgKinds).toEqual([
      'Администрация округа',
      'Структурное подразделение',
      'Подведомственная организация',
    ]);
    expect(init.user).toEqual({ email: CLERK, isCoordinator: false, canSubmit: true, reason: null });
    // No «Домены для рассылки» and no coordinators: none in force, so the form warns about no address.
    expect(init.mailDomains).toBeNull();
  });

  it('says why nothing can be saved when there is no register', () => {
    const rt = createSidebarRuntime({ today: TODAY, rows: [], noRegister: true });
    const init = rt.scriptRun('sidebarInit') as SidebarInitResult;
    expect(init.user.canSubmit).toBe(false);
    expect(init.user.reason).toMatch(/Настроить реестр/);
    const result = submit(rt, newPageInput());
    expect(result.ok).toBe(false);
  });

  it('names one missing column in the singular', () => {
    const rt = threeRows();
    rt.quietly(() => {
      const sheet = rt.spreadsheet.getSheetByName('Реестр')!;
      sheet.deleteColumn(HEADERS.indexOf('Примечание') + 1);
    });
    const init = rt.scriptRun('sidebarInit') as SidebarInitResult;
    expect(init.user.reason).toBe(
      'В реестре нет колонки «Примечание». Попросите координатора выполнить «Реестр страниц → Настроить реестр».',
    );
  });
});

describe('sidebarFind', () => {
  it('finds by part of the organization, ignoring case and quotes', () => {
    const rt = threeRows();
    const found = rt.scriptRun('sidebarFind', 'дом КУЛЬТУРЫ') as SidebarFindResult;
    expect(found.pages.map((page) => [page.id, page.row])).toEqual([['P-BBBBBBBB', 3]]);
    expect(found.pages[0]?.input).toMatchObject({
      id: 'P-BBBBBBBB',
      organization: 'МБУК «Дом культуры»',
      createdOn: '2024-03-01',
      esiaVerified: true,
      link: 'https://vk.com/dk_shpak',
    });
  });

  it('finds by link in any of its forms (m., www., vk.ru, trailing slash)', () => {
    const rt = threeRows();
    for (const query of ['https://m.vk.com/dk_shpak/', 'vk.ru/DK_Shpak', 'www.vk.com/dk_shpak']) {
      const found = rt.scriptRun('sidebarFind', query) as SidebarFindResult;
      expect({ query, ids: found.pages.map((page) => page.id) }).toEqual({ query, ids: ['P-BBBBBBBB'] });
    }
  });

  it('asks for a longer query and finds nothing for an unknown one', () => {
    const rt = threeRows();
    expect((rt.scriptRun('sidebarFind', 'а') as SidebarFindResult).message).toMatch(/двух/);
    expect((rt.scriptRun('sidebarFind', 'несуществующая') as SidebarFindResult).pages).toEqual([]);
  });
});

describe('sidebarSubmit: a new page', () => {
  it('appends a row with a new ID, the department stamp, Срок and Состояние', () => {
    const rt = threeRows();
    const result = succeeded(submit(rt, newPageInput()));
    // Reported to the department today (the stamp), so ЦУР's 3 working days are what is left open.
    expect(result).toMatchObject({ created: true, row: 5, repeated: false, state: 'В срок', deadline: '2024-05-03' });
    expect(result.id).toMatch(/^P-[0-9A-Z]{8}$/);
    expect(result.events).toEqual([
      expect.objectContaining({
        kind: 'creation',
        date: '2024-04-26',
        deptDeadline: '2024-05-02',
        tsurDeadline: '2024-05-03',
        reportedToDept: TODAY,
        reportedToTsur: null,
      }),
    ]);
    const row = rowById(rt, result.id);
    expect(row).toMatchObject({
      Организация: 'Комитет по культуре',
      'Ссылка на страницу': 'https://vk.com/kultura_shpak',
      'Идентификация в ЕСИА': true,
      [OWN_COLUMN]: '',
      Состояние: 'В срок',
    });
    expect(row?.['Дата создания']).toEqual(moscowDay('2024-04-26'));
    expect(row?.['Сообщено в отдел (создание)']).toEqual(moscowDay(TODAY));
    expect(row?.['Срок']).toEqual(moscowDay('2024-05-03'));
    expect(row?.['Сообщено в ЦУР (создание)']).toBe('');
  });

  it('keeps text that Sheets would read as a number, a date or a boolean as text', () => {
    const rt = threeRows();
    const result = succeeded(
      submit(
        rt,
        newPageInput({
          organization: '2.1 Отдел',
          ogrn: '1022603620016',
          note: "'в кавычках'",
          responsibleName: 'TRUE',
          authorizedName: '007',
        }),
      ),
    );
    expect(rowById(rt, result.id)).toMatchObject({
      Организация: '2.1 Отдел',
      ОГРН: '1022603620016',
      Примечание: "'в кавычках'",
      'Ответственный (ФИО)': 'TRUE',
      'Уполномоченное лицо (ФИО)': '007',
    });
    expect(result.state).toBe('В срок');
    // Saving again changes nothing: the cells already hold the same text.
    const before = registerValues(rt);
    const again = rt.measure(() => submit(rt, { ...result.page.input }));
    expect(again.result.ok).toBe(true);
    expect(again.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    expect(registerValues(rt)).toEqual(before);
  });

  it('keeps text that looks like a formula as text', () => {
    const rt = threeRows();
    const result = succeeded(
      submit(
        rt,
        newPageInput({
          organization: '=IMPORTXML("http://x";"//a")',
          note: '+7 (865) 123',
          responsibleName: '@Иванов',
          authorizedName: '-1+1',
        }),
      ),
    );
    const { formulas } = registerValues(rt);
    expect(formulas.flat().filter((formula) => formula !== '')).toEqual([]);
    expect(rowById(rt, result.id)).toMatchObject({
      Организация: '=IMPORTXML("http://x";"//a")',
      Примечание: '+7 (865) 123',
      'Ответственный (ФИО)': '@Иванов',
      'Уполномоченное лицо (ФИО)': '-1+1',
    });
  });

  it('writes once for the same request ID (a double click, a retry after a lost answer)', () => {
    const rt = threeRows();
    const first = succeeded(submit(rt, newPageInput(), 'double-click-1'));
    const second = succeeded(submit(rt, newPageInput(), 'double-click-1'));
    expect(second).toMatchObject({ repeated: true, id: first.id, row: first.row, created: true });
    expect(registerValues(rt).values).toHaveLength(5);
  });

  it('keeps its memory of requests in one property: a full memory costs no call to forget the oldest', () => {
    const rt = threeRows();
    const ids: string[] = [];
    for (let index = 0; index < 55; index++) {
      const input = newPageInput({ link: `https://vk.com/kultura_${index}` });
      ids.push(succeeded(submit(rt, input, `memory-${String(index).padStart(3, '0')}`)).id);
    }
    const next = rt.measure(() => submit(rt, newPageInput({ link: 'https://vk.com/kultura_next' }), 'memory-next'));
    expect(next.result.ok).toBe(true);
    expect(next.calls.byMethod['Properties.deleteProperty']).toBeUndefined();
    expect(next.calls.byMethod['Properties.setProperty']).toBe(1);
    // The last 50 are remembered; older ones are forgotten (their pages are found as duplicates instead).
    expect(submit(rt, newPageInput({ link: 'https://vk.com/kultura_54' }), 'memory-054')).toMatchObject({
      repeated: true,
      id: ids[54],
    });
    expect(submit(rt, newPageInput({ link: 'https://vk.com/kultura_0' }), 'memory-000').ok).toBe(false);
  });

  it('recalls a request remembered by an earlier release (one property a request)', () => {
    const rt = threeRows();
    const store = (rt.services.PropertiesService as unknown as { document: { store: Map<string, string> } }).document
      .store;
    store.set('sidebarSubmit:earlier-release-1', '{"id":"P-BBBBBBBB","created":false}');
    const found = (rt.scriptRun('sidebarFind', 'Дом культуры') as SidebarFindResult).pages[0]!;
    expect(submit(rt, { ...found.input, note: 'повтор' }, 'earlier-release-1')).toMatchObject({
      repeated: true,
      id: 'P-BBBBBBBB',
    });
  });

  it('validates again on the server: field messages and nothing written', () => {
    const rt = threeRows();
    const before = registerValues(rt);
    const result = submit(rt, newPageInput({ link: 'vk.com', createdOn: '2030-01-01' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.column)).toEqual([
      'link',
      'createdOn',
    ]);
    expect(result.message).toMatch(/Не сохранено/);
    expect(registerValues(rt)).toEqual(before);
  });

  it('refuses a page already registered, naming its row and offering it', () => {
    const rt = threeRows();
    const before = registerValues(rt);
    const result = submit(rt, newPageInput({ link: 'https://m.vk.ru/DK_Shpak/' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/строка 3/);
    expect(result.duplicate).toMatchObject({ id: 'P-BBBBBBBB', row: 3 });
    expect(result.problems).toEqual([expect.objectContaining({ column: 'link', severity: 'error' })]);
    expect(registerValues(rt)).toEqual(before);
  });

  it('refuses what a broken client sends, and writes nothing', () => {
    const rt = threeRows();
    const before = registerValues(rt);
    for (const input of [
      null,
      'text',
      [1, 2],
      { ...newPageInput(), organization: 42 },
      { ...newPageInput(), govMark: 'да' },
    ]) {
      expect((submit(rt, input) as { ok: boolean }).ok).toBe(false);
    }
    expect(submit(rt, { ...newPageInput(), note: 'x'.repeat(6000) }).ok).toBe(false);
    expect((rt.scriptRun('sidebarSubmit', newPageInput(), '') as { ok: boolean }).ok).toBe(false);
    expect((rt.scriptRun('sidebarSubmit', newPageInput(), 'короткий') as { ok: boolean }).ok).toBe(false);
    expect(registerValues(rt)).toEqual(before);
  });

  it('says the register is busy when the script lock is held', () => {
    const rt = threeRows();
    const lock = unwrap(rt.services.LockService) as unknown as FakeLockService;
    lock.holdElsewhere('script');
    const result = submit(rt, newPageInput());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/Подождите/);
    lock.releaseElsewhere('script');
    expect(registerValues(rt).values).toHaveLength(4);
  });
});

describe('sidebarSubmit: an existing page', () => {
  it('updates the row holding the ID even after the rows were sorted', () => {
    const rt = threeRows();
    const found = (rt.scriptRun('sidebarFind', 'Дом культуры') as SidebarFindResult).pages[0]!;
    expect(found.row).toBe(3);
    // Someone reorders the register (as a sort would): the page moves from row 3 to row 2.
    rt.quietly(() => {
      const sheet = rt.spreadsheet.getSheetByName('Реестр')!;
      const range = sheet.getRange(2, 1, 3, sheet.getLastColumn());
      const [first, second, third] = range.getValues();
      range.setValues([second!, third!, first!]);
    });
    const movedTo = (rt.scriptRun('sidebarFind', 'Дом культуры') as SidebarFindResult).pages[0]!.row;
    expect(movedTo).not.toBe(3);
    const before = registerValues(rt);
    const result = succeeded(
      submit(rt, { ...found.input, responsiblePosition: 'Директор', note: 'Обновлено через панель' }),
    );
    expect(result).toMatchObject({ created: false, row: movedTo, id: 'P-BBBBBBBB' });
    const after = registerValues(rt);
    expect(after.values).toHaveLength(before.values.length);
    const changed = after.values.flatMap((cells, row) =>
      cells.flatMap((value, column) =>
        JSON.stringify(value) === JSON.stringify(before.values[row]?.[column])
          ? []
          : [[row + 1, HEADER(after, column)]],
      ),
    );
    expect(changed).toEqual([
      [movedTo, 'Должность ответственного'],
      [movedTo, 'Примечание'],
    ]);
  });

  it('marks a page deleted: the deletion is stamped and Срок follows the deletion', () => {
    const rt = threeRows();
    const found = (rt.scriptRun('sidebarFind', 'ok.ru/obrazovanie') as SidebarFindResult).pages[0]!;
    const result = succeeded(submit(rt, { ...found.input, deletedOn: TODAY }));
    expect(result.events.map((event) => [event.kind, event.deptDeadline, event.reportedToDept])).toEqual([
      ['creation', '2024-03-05', '2024-03-01'],
      ['deletion', '2024-05-03', TODAY],
    ]);
    expect(result.deadline).toBe('2024-05-06');
    expect(result.state).toBe('В срок');
    const row = rowById(rt, 'P-CCCCCCCC');
    expect(row?.['Сообщено в отдел (удаление)']).toEqual(moscowDay(TODAY));
    expect(row?.['Сообщено в отдел (создание)']).toEqual(moscowDay('2024-03-01'));
    expect(row?.['Дата удаления']).toEqual(moscowDay(TODAY));
  });

  it('keeps the users own column and the coordinator stamps of the row', () => {
    const rt = threeRows();
    const found = (rt.scriptRun('sidebarFind', 'Администрация Шпаковского') as SidebarFindResult).pages[0]!;
    succeeded(submit(rt, { ...found.input, govMark: true }));
    expect(rowById(rt, 'P-AAAAAAAA')).toMatchObject({
      [OWN_COLUMN]: 'своё 1',
      Госметка: true,
      'Сообщено в ЦУР (создание)': moscowDay('2024-03-04'),
    });
  });

  it('may keep its own link (it is no duplicate of itself)', () => {
    const rt = threeRows();
    const found = (rt.scriptRun('sidebarFind', 'dk_shpak') as SidebarFindResult).pages[0]!;
    expect(submit(rt, { ...found.input, link: 'https://vk.com/DK_shpak/' }).ok).toBe(true);
  });

  it("brings the row's notes in line: a cell fixed here loses our «Ошибка», a person's own note stays", () => {
    const rt = threeRows();
    const emailColumn = HEADERS.indexOf('E-mail ответственного') + 1;
    const positionColumn = HEADERS.indexOf('Должность ответственного') + 1;
    const found = (rt.scriptRun('sidebarFind', 'Дом культуры') as SidebarFindResult).pages[0]!;
    const noteAt = (column: number): string =>
      rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!.getRange(found.row, column).getNote());
    rt.quietly(() =>
      rt.spreadsheet.getSheetByName('Реестр')!.getRange(found.row, emailColumn).setNote('Уточнить у директора'),
    );
    // A clerk types a wrong address in the sheet: onEdit notes it.
    rt.simulateEdit(
      rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!.getRange(found.row, emailColumn)),
      {
        value: 'dk-shpak.example.ru',
      },
    );
    expect(noteAt(emailColumn)).toMatch(/Ошибка.*не похоже на адрес электронной почты/s);
    // Fixed through the sidebar (whose writes fire no onEdit), with a position that draws a warning.
    const input = (rt.scriptRun('sidebarFind', 'Дом культуры') as SidebarFindResult).pages[0]!.input;
    succeeded(submit(rt, { ...input, responsibleEmail: 'dk@shpakovsky.example.ru', responsiblePosition: 'Завхоз' }));
    expect(noteAt(emailColumn)).toBe('Уточнить у директора');
    expect(noteAt(positionColumn)).toMatch(/Внимание: «Должность ответственного»: «Завхоз»/);
  });

  it('notes a finding against the other rows too: an exemption of an organization that has an active page', () => {
    const rt = threeRows();
    const result = succeeded(
      submit(
        rt,
        newPageInput({
          organization: 'МБУК «Дом культуры»',
          orgKind: 'Подведомственная организация',
          network: '',
          link: '',
          createdOn: '',
          responsibleName: '',
          responsiblePosition: '',
          responsibleEmail: '',
          authorizedName: '',
          esiaVerified: false,
          exemptionBasis: 'Согласование от 15.09.2023 № 12',
        }),
      ),
    );
    const basisColumn = HEADERS.indexOf('Основание освобождения (п. 4)') + 1;
    const note = rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!.getRange(result.row, basisColumn).getNote());
    expect(note).toMatch(/у организации есть действующая страница \(строка 3\)/);
  });

  it('refuses an ID that is no longer in the register', () => {
    const rt = threeRows();
    const result = submit(rt, newPageInput({ id: 'P-ZZZZZZZZ' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/P-ZZZZZZZZ не найдена/);
  });
});

describe('sidebarSubmit: the save is the report to the coordinator, and a link is never lost', () => {
  it('says which events this save reported (stamped today), and none when the stamp was already there', () => {
    const rt = threeRows();
    const added = succeeded(submit(rt, newPageInput()));
    expect(added.reported).toEqual([{ kind: 'creation', date: '2024-04-26' }]);
    expect(rowById(rt, added.id)?.['Сообщено в отдел (создание)']).toEqual(moscowDay(TODAY));
    // Another field of the same page: nothing entered, nothing reported, the stamp stays.
    const again = succeeded(submit(rt, { ...added.page.input, note: 'Проверено' }));
    expect(again.reported).toEqual([]);
    // The deletion entered later is reported by that save; the creation's stamp is not touched.
    const deleted = succeeded(submit(rt, { ...again.page.input, deletedOn: TODAY }));
    expect(deleted.reported).toEqual([{ kind: 'deletion', date: TODAY }]);
    // A coordinator's stamp already in the cell is kept: the save enters the date but reports nothing new.
    const found = (rt.scriptRun('sidebarFind', 'Дом культуры') as SidebarFindResult).pages[0]!;
    const changedDate = succeeded(submit(rt, { ...found.input, createdOn: '2024-02-29' }));
    expect(changedDate.reported).toEqual([]);
    expect(rowById(rt, 'P-BBBBBBBB')?.['Сообщено в отдел (создание)']).toEqual(moscowDay('2024-03-01'));
  });

  it('saves a link typed without https:// with it, and the page as saved says so', () => {
    const rt = threeRows();
    const result = succeeded(submit(rt, newPageInput({ link: 'vk.com/kultura_shpak' })));
    expect(rowById(rt, result.id)?.['Ссылка на страницу']).toBe('https://vk.com/kultura_shpak');
    expect(result.page.input.link).toBe('https://vk.com/kultura_shpak');
  });

  it('never erases the link of a saved page', () => {
    const rt = threeRows();
    const before = registerValues(rt);
    const found = (rt.scriptRun('sidebarFind', 'Дом культуры') as SidebarFindResult).pages[0]!;
    const result = submit(rt, { ...found.input, link: '', exemptionBasis: 'Письмо от 01.04.2024 № 5' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/нельзя стереть.*«Отметить как удалённую»/);
      expect(result.problems.map((problem) => problem.column)).toEqual(['link']);
    }
    expect(registerValues(rt)).toEqual(before);
  });
});

describe('sidebarMyPages', () => {
  function myPagesRuntime(user: string): Runtime {
    return createSidebarRuntime({
      today: TODAY,
      user,
      rows: [
        pageRow('P-MINE0001', { organization: 'Отдел культуры', responsibleEmail: CLERK.toUpperCase() }),
        pageRow('P-OTHER001', { organization: 'Отдел культуры', link: 'https://ok.ru/kult', network: 'Одноклассники' }),
        pageRow('P-MINE0002', {
          organization: 'Архив',
          responsibleEmail: CLERK,
          createdOn: '2024-04-25',
          deptReportedCreation: '2024-04-25',
          tsurReportedCreation: '',
        }),
        pageRow('', { organization: 'Без ID', responsibleEmail: CLERK }),
      ],
    });
  }

  it('lists only the pages whose responsible e-mail is the caller, nearest deadline first, with state', () => {
    const rt = myPagesRuntime(CLERK);
    const mine = rt.scriptRun('sidebarMyPages') as SidebarMyPagesResult;
    expect(mine.message).toBeNull();
    expect(mine.pages.map((page) => page.id)).toEqual(['P-MINE0002', 'P-MINE0001']);
    // As of today, whatever the sheet's «Срок» says: ЦУР, 3 working days after 25.04.2024 — 26.04,
    // the working Saturday 27.04, then 02.05 (29.04–01.05 are off in 2024).
    expect(mine.pages[0]).toMatchObject({ deadline: '2024-05-02', row: 4 });
    expect(mine.pages[0]?.state).not.toBe('Сообщено');
    expect(mine.pages[1]).toMatchObject({ deadline: null, row: 2 });
    // Nobody else's address travels to the caller's browser.
    expect(JSON.stringify(mine)).not.toContain('petrov@');
  });

  it('returns nothing when Apps Script cannot tell who is asking, or when the caller has no pages', () => {
    const unknown = myPagesRuntime('').scriptRun('sidebarMyPages') as SidebarMyPagesResult;
    expect(unknown.pages).toEqual([]);
    expect(unknown.message).toMatch(/Не удалось определить адрес/);
    const stranger = myPagesRuntime('someone@shpakovsky.example.ru').scriptRun(
      'sidebarMyPages',
    ) as SidebarMyPagesResult;
    expect(stranger.pages).toEqual([]);
    expect(stranger.message).toMatch(/в реестре нет/);
  });
});

describe('sidebarSubmit: cells the form cannot show', () => {
  const legacy = (): Runtime => legacyPage(TODAY);

  it('shows them empty, says what the table holds, and a save of another field leaves them as they are', () => {
    const rt = legacy();
    const found = (rt.scriptRun('sidebarFind', 'Архив') as SidebarFindResult).pages[0]!;
    expect(found.input).toMatchObject({ deletedOn: '', esiaVerified: false });
    expect(found.unreadable).toEqual({
      deletedOn:
        'В таблице записано «удалена в марте» — это не дата. Введите дату здесь или исправьте ячейку в таблице; ' +
        'пока поле не изменено, ячейка остаётся как есть.',
      esiaVerified:
        'В таблице записано «частично» — это не флажок (да или нет). Отметьте флажок здесь или исправьте ячейку в ' +
        'таблице; пока поле не изменено, ячейка остаётся как есть.',
    });
    const result = succeeded(
      rt.scriptRun(
        'sidebarSubmit',
        { ...found.input, note: 'Проверено' },
        'legacy-note-1',
        found.input,
      ) as SidebarSubmitResult,
    );
    expect(rowById(rt, 'P-LEGACY01')).toMatchObject({
      Примечание: 'Проверено',
      'Дата удаления': 'удалена в марте',
      'Идентификация в ЕСИА': 'частично',
    });
    // The form goes on saying so after the save.
    expect(Object.keys(result.page.unreadable)).toEqual(['deletedOn', 'esiaVerified']);
  });

  it('without the original values, compares with what the form would be given now: the same result', () => {
    const rt = legacy();
    const found = (rt.scriptRun('sidebarFind', 'Архив') as SidebarFindResult).pages[0]!;
    succeeded(submit(rt, { ...found.input, note: 'Проверено' }));
    expect(rowById(rt, 'P-LEGACY01')).toMatchObject({
      'Дата удаления': 'удалена в марте',
      'Идентификация в ЕСИА': 'частично',
    });
  });

  it('a field the person changes is written, the date stamped as entered', () => {
    const rt = legacy();
    const found = (rt.scriptRun('sidebarFind', 'Архив') as SidebarFindResult).pages[0]!;
    succeeded(
      rt.scriptRun(
        'sidebarSubmit',
        { ...found.input, deletedOn: '2024-04-26', esiaVerified: true },
        'legacy-fix-1',
        found.input,
      ) as SidebarSubmitResult,
    );
    expect(rowById(rt, 'P-LEGACY01')).toMatchObject({
      'Дата удаления': moscowDay('2024-04-26'),
      'Сообщено в отдел (удаление)': moscowDay(TODAY),
      'Идентификация в ЕСИА': true,
    });
  });

  it('a field someone changed in the sheet since the form was opened is not put back', () => {
    const rt = threeRows();
    const found = (rt.scriptRun('sidebarFind', 'Дом культуры') as SidebarFindResult).pages[0]!;
    const position = HEADERS.indexOf('Должность ответственного') + 1;
    rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!.getRange(3, position).setValue('Директор'));
    succeeded(
      rt.scriptRun(
        'sidebarSubmit',
        { ...found.input, note: 'Из панели' },
        'stale-form-1',
        found.input,
      ) as SidebarSubmitResult,
    );
    expect(rowById(rt, 'P-BBBBBBBB')).toMatchObject({
      'Должность ответственного': 'Директор',
      Примечание: 'Из панели',
    });
  });
});

describe('service calls of a submit', () => {
  it('do not grow with the register', () => {
    const calls = (size: number): number => {
      const rows = Array.from({ length: size }, (_, index) => pageRow(`P-${String(index).padStart(8, '0')}`));
      const rt = createSidebarRuntime({ today: TODAY, rows });
      const added = rt.measure(() => submit(rt, newPageInput(), 'measure-new-1'));
      expect(added.result.ok).toBe(true);
      const input = {
        ...(rt.scriptRun('sidebarFind', 'page_p00000003') as SidebarFindResult).pages[0]!.input,
        note: 'x',
      };
      const updated = rt.measure(() => submit(rt, input, 'measure-upd-1'));
      expect(updated.result.ok).toBe(true);
      return added.calls.roundTrips + updated.calls.roundTrips;
    };
    const small = calls(10);
    // 999 rows and the header fill the sheet's 1,000 rows: the new row needs a row inserted (one call more).
    expect(calls(999)).toBe(small + 1);
    expect(calls(1000)).toBe(small);
    expect(small).toBeLessThanOrEqual(60); // an add and an update: about 28 and 24 round trips
  });
});

function HEADER(register: { values: unknown[][] }, column: number): string {
  return String(register.values[0]?.[column]);
}

describe('service calls of «Мои страницы»', () => {
  it('do not grow with the register', () => {
    const calls = (size: number): number => {
      const rows = Array.from({ length: size }, (_, index) =>
        pageRow(`P-${String(index).padStart(8, '0')}`, { responsibleEmail: index % 2 === 0 ? CLERK : '' }),
      );
      const rt = createSidebarRuntime({ today: TODAY, rows });
      const measured = rt.measure(() => rt.scriptRun('sidebarMyPages') as SidebarMyPagesResult);
      expect(measured.result.pages.length).toBeGreaterThan(0);
      return measured.calls.roundTrips;
    };
    const small = calls(10);
    expect(calls(1000)).toBe(small);
    expect(small).toBeLessThanOrEqual(20); // 16: the register, «Настройки» and the calendar, each read once
  });
});
