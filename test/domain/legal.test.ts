/**
 * Issue 10: every statement the add-on makes about a page is defensible under decree No. 1199 and the
 * federal rules it implements. One describe per rule; each test can fail on its own.
 */
import { normalizeLink, pageLinkKeys, pageLinkKind, pageLinks } from '../../src/domain/links';
import { innError, ogrnError } from '../../src/domain/ogrn';
import { responsiblePositionWarning } from '../../src/domain/positions';
import { reviewRegister, duplicatePageRows } from '../../src/domain/registerCheck';
import { readSheetRow, type SheetCells } from '../../src/domain/schemas';
import { selectPendingEvents, summaryTotals } from '../../src/domain/summary';
import { buildSummaryLetter, departmentReportText } from '../../src/domain/summaryLetter';
import { buildSiteList } from '../../src/domain/siteList';
import { coordinatorDigestItems } from '../../src/domain/dailyCheck';
import { DEFAULT_SETTINGS, parseSettings, settingsSheetRows } from '../../src/domain/settings';
import { DEFAULT_DECREE_IN_FORCE } from '../../src/domain/obligations';
import type { Problem } from '../../src/domain/types';
import { assess } from './assessedRows';
import { createCalendar } from '../../src/domain/calendar';
import { assessRegister, assessRowsInRegister } from '../../src/domain/register';

const today = '2026-12-07';

/** A complete, correct row of a structural unit; `changes` override it. */
function row(changes: SheetCells = {}): { problems: Problem[] } {
  return readSheetRow(
    {
      organization: 'Отдел культуры',
      orgKind: 'Структурное подразделение',
      network: 'ВКонтакте',
      link: 'https://vk.com/shpak_culture',
      createdOn: '2026-11-30',
      responsibleName: 'Иванова Мария Петровна',
      responsiblePosition: 'Начальник отдела культуры',
      authorizedName: 'Петров Пётр Петрович',
      esiaVerified: true,
      govMark: true,
      govPublics: true,
      ...changes,
    },
    { today },
  );
}

const problemsIn = (changes: SheetCells, column: string): Problem[] =>
  row(changes).problems.filter((problem) => problem.column === column);

describe('official pages are communities', () => {
  it('a correct row has no problems', () => {
    expect(row().problems).toEqual([]);
  });

  it.each(['https://vk.com/id5551234', 'vk.com/id1', 'https://ok.ru/profile/570000000000'])(
    'a personal profile %s is a warning that says so',
    (link) => {
      const network = link.includes('ok.ru') ? 'Одноклассники' : 'ВКонтакте';
      const [problem, ...rest] = problemsIn({ link, network }, 'link');
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ severity: 'warning' });
      expect(problem?.message).toMatch(/личная страница \(профиль\).*только сообщество/);
    },
  );

  it.each([
    ['https://vk.com/wall-123_456', 'запись на стене'],
    ['https://vk.com/feed', 'лента'],
    ['https://vk.com/im', 'сообщения'],
    ['https://vk.com/app123', 'приложение'],
    ['https://vk.com/photo-1_2', 'фотография'],
    ['https://vk.com/search', 'поиск'],
    // An article (vk.com/@автор-заголовок) or a community's list of them: not the community itself.
    ['https://vk.com/@mbdou-news', 'статья'],
    ['https://vk.com/@shpakray-itogi-goda', 'статья'],
    ['https://vk.com/shpakray/photos', 'раздел'],
    ['https://ok.ru/feed', 'лента'],
    ['https://ok.ru/group/123/topics', 'раздел группы'],
    ['https://ok.ru/profile/5/friends', 'раздел профиля'],
    ['https://ok.ru/dk?st.cmd=anonymMain', 'служебный'],
  ])('%s is no page: an error naming what it is', (link, what) => {
    const network = link.includes('ok.ru') ? 'Одноклассники' : 'ВКонтакте';
    const [problem] = problemsIn({ link, network }, 'link');
    expect(problem).toMatchObject({ severity: 'error' });
    expect(problem?.message).toContain(what);
    expect(pageLinkKind(link).kind).toBe('notPage');
  });

  it.each([
    ['https://ok.ru/group/123/topics', 'Одноклассники', 'https://ok.ru/group/', 'https://vk.com/'],
    ['https://vk.com/shpakray/photos', 'ВКонтакте', 'https://vk.com/shpakray', 'https://ok.ru/'],
  ])('the error for %s gives an example of its own network and says «а» once', (link, network, example, other) => {
    const [problem] = problemsIn({ link, network }, 'link');
    const message = problem?.message ?? '';
    expect(message).toContain(`например ${example}`);
    expect(message).not.toContain(other);
    expect(message).not.toMatch(/, а .*, а /);
  });

  it.each([
    ['https://new.vk.com/shpakray', 'https://vk.com/shpakray'],
    ['https://m.vk.com/public197204238', 'https://vk.com/club197204238'],
    ['https://mobile.vk.com/club1', 'https://vk.com/club1'],
    ['https://ok.ru/group54321', 'https://ok.ru/group/54321'],
    ['https://m.ok.ru/group/54321/', 'https://ok.ru/group/54321'],
    ['https://ok.ru/dk?st.cmd=altGroupMain&st.groupId=54321', 'https://ok.ru/group/54321'],
    ['https://www.ok.ru/dk?st.groupId=54321&st._aid=x', 'https://ok.ru/group/54321'],
    ['https://ok.ru/dk?st.cmd=friendMain&st.friendId=77', 'https://ok.ru/profile/77'],
  ])('%s is the page %s', (link, normal) => {
    expect(normalizeLink(link)).toBe(normal);
    const network = link.includes('ok.ru') ? 'Одноклассники' : 'ВКонтакте';
    expect(problemsIn({ link, network }, 'link').filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('ok.ru/dk without a group is no longer «ok.ru/dk» for every page', () => {
    expect(normalizeLink('https://ok.ru/dk?st.groupId=1')).not.toBe(normalizeLink('https://ok.ru/dk?st.groupId=2'));
  });
});

describe('two writings of one page (decree п. 2.1)', () => {
  const CELL = 'https://vk.com/public197204238; (https://vk.com/shpakray)';

  it('reads both links of the cell, accepts the row, and gives both keys', () => {
    expect(pageLinks(CELL)).toEqual(['https://vk.com/public197204238', 'https://vk.com/shpakray']);
    expect(pageLinkKeys(CELL)).toEqual(['https://vk.com/club197204238', 'https://vk.com/shpakray']);
    expect(problemsIn({ link: CELL }, 'link')).toEqual([]);
  });

  it('another row with either writing is the same page', () => {
    const rows = assess(
      [
        { id: 'A', organization: 'Администрация', network: 'ВКонтакте', link: CELL, createdOn: '2023-09-04' },
        {
          id: 'B',
          organization: 'Администрация',
          network: 'ВКонтакте',
          link: 'vk.com/ShpakRay',
          createdOn: '2023-09-04',
        },
        {
          id: 'C',
          organization: 'Администрация',
          network: 'ВКонтакте',
          link: 'vk.com/club197204238',
          createdOn: '2023-09-04',
        },
      ],
      today,
    );
    expect([...duplicatePageRows(rows)]).toEqual([
      [3, 2],
      [4, 2],
    ]);
    expect(summaryTotals(rows, ['ВКонтакте'], []).activeTotal).toBe(1);
    const site = buildSiteList(rows, today, ['ВКонтакте']);
    expect(site.pageCount).toBe(1);
    expect(site.text).toContain('ВКонтакте: https://vk.com/public197204238; https://vk.com/shpakray');
  });

  it('a second writing that is not an address, or of another network, is an error', () => {
    expect(problemsIn({ link: 'https://vk.com/a; шпаковский' }, 'link')[0]?.severity).toBe('error');
    expect(problemsIn({ link: 'https://vk.com/a; https://ok.ru/group/1' }, 'link')[0]?.severity).toBe('error');
  });
});

describe('ОГРН and ИНН', () => {
  it.each(['2262600123456', '6027700132195', '9027700132195'])('%s starts like a ГРН: said so', (number) => {
    expect(ogrnError(number)).toMatch(/ГРН/);
  });

  it('an ОГРН starting with 1 or 5 with a right control digit is accepted', () => {
    expect(ogrnError('1027700132195')).toBeNull();
    expect(ogrnError('5077746887312')).toBeNull();
  });

  it('ИНН: 10 digits with the control digit; 12 digits is a person', () => {
    expect(innError('7707083893')).toBeNull(); // ПАО Сбербанк
    expect(innError('7707083894')).toMatch(/контрольная цифра/);
    expect(innError('770708389')).toMatch(/10 цифр/);
    expect(innError('500100732259')).toMatch(/физического лица/);
    expect(innError('77070838ab')).toMatch(/только цифры/);
  });

  it('the «ИНН» column is optional and checked', () => {
    expect(problemsIn({}, 'inn')).toEqual([]);
    expect(problemsIn({ inn: '7707083894' }, 'inn')[0]).toMatchObject({ severity: 'error' });
    expect(problemsIn({ inn: '7707083893' }, 'inn')).toEqual([]);
  });
});

describe('the responsible person by kind of organization (п. 3.2.1.2, п. 2.2)', () => {
  const ADMIN = 'Администрация округа';
  const UNIT = 'Структурное подразделение';
  const SUB = 'Подведомственная организация';
  it.each([
    ['Глава Шпаковского муниципального округа', ADMIN],
    ['Первый заместитель главы администрации', ADMIN],
    ['Заместитель главы администрации', ADMIN],
    ['Замглавы', ADMIN],
    ['Врио главы', ADMIN],
    ['Начальник отдела культуры', UNIT],
    ['Руководитель управления', UNIT],
    ['Председатель комитета', UNIT],
    ['Заместитель начальника управления образования', UNIT],
    ['И.о. начальника отдела', UNIT],
    ['Директор МБОУ СОШ № 1', SUB],
    ['Замдиректора по ВР', SUB],
    ['Заведующий МБДОУ «Детский сад № 5»', SUB],
    ['Главный врач', SUB],
    ['Ректор', SUB],
    ['Генеральный директор', SUB],
    ['исполняющий обязанности заведующего', SUB],
  ])('%s heads a %s', (position, kind) => {
    expect(responsiblePositionWarning(position, kind)).toBeNull();
  });

  it.each([
    ['Заведующий хозяйством', SUB, /частью/],
    ['Руководитель кружка', SUB, /частью/],
    ['Начальник смены', SUB, /частью/],
    ['Председатель профкома', SUB, /частью/],
    ['Начальник отдела кадров', SUB, /частью/],
    ['Начальник отдела', ADMIN, /глава/],
    ['Директор', UNIT, /начальник/],
    ['Главный специалист', UNIT, /не читается/],
  ])('%s in a %s is not its head: a warning with the reason', (position, kind, reason) => {
    expect(responsiblePositionWarning(position, kind)).toMatch(reason);
    const [problem] = problemsIn({ responsiblePosition: position, orgKind: kind }, 'responsiblePosition');
    expect(problem).toMatchObject({ severity: 'warning' });
    expect(problem?.message).toContain('п. 3.2.1.2');
  });
});

describe('exemption (п. 4)', () => {
  const exempt = (changes: SheetCells): SheetCells => ({
    organization: 'Архив',
    orgKind: 'Подведомственная организация',
    exemptionBasis: 'Письмо администрации от 15.09.2023 № 01-12/345',
    ...changes,
  });

  it('with a dated, numbered agreement it has no problems', () => {
    expect(readSheetRow(exempt({}), { today }).problems).toEqual([]);
  });

  it('the administration cannot be exempt: an error', () => {
    const { problems } = readSheetRow(exempt({ orgKind: 'Администрация округа' }), { today });
    expect(problems).toEqual([expect.objectContaining({ column: 'exemptionBasis', severity: 'error' })]);
    expect(problems[0]?.message).toMatch(/8-ФЗ/);
  });

  it.each(['нет', 'не нужно', 'письмо'])('a basis «%s» without date and number is a warning', (basis) => {
    const { problems } = readSheetRow(exempt({ exemptionBasis: basis }), { today });
    expect(problems).toEqual([expect.objectContaining({ column: 'exemptionBasis', severity: 'warning' })]);
  });

  it('an exemption of an organization with an active page is a warning', () => {
    const rows = [
      { row: 2, ...readSheetRow(exempt({}), { today }) },
      {
        row: 3,
        ...readSheetRow(
          { ...exempt({ exemptionBasis: '' }), network: 'ВКонтакте', link: 'vk.com/archive', createdOn: '2026-11-30' },
          { today },
        ),
      },
    ];
    const review = reviewRegister(rows);
    expect(review.rowProblems.get(2)).toEqual([
      expect.objectContaining({
        column: 'exemptionBasis',
        severity: 'warning',
        message: expect.stringContaining('строка 3'),
      }),
    ]);
  });
});

describe('Госметка and «Госпаблики»', () => {
  it('an active page without them gets a warning for each', () => {
    expect(problemsIn({ govMark: false }, 'govMark')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(problemsIn({ govPublics: false }, 'govPublics')).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('a deleted page does not', () => {
    const problems = row({ govMark: false, govPublics: false, deletedOn: '2026-12-01' }).problems;
    expect(problems.filter((problem) => problem.column === 'govMark' || problem.column === 'govPublics')).toEqual([]);
  });
});

describe('what goes to ЦУР, the site and the digest', () => {
  const rows = assess(
    [
      // deleted «before» created: an error in a stated column
      {
        id: 'E',
        organization: 'Управление архитектуры',
        orgKind: 'Структурное подразделение',
        network: 'ВКонтакте',
        link: 'https://vk.com/arch',
        createdOn: '2026-06-01',
        deletedOn: '2026-05-20',
      },
      // created in 2019, never reported: before the decree
      {
        id: 'OLD',
        organization: 'Дом культуры',
        orgKind: 'Подведомственная организация',
        network: 'Одноклассники',
        link: 'https://ok.ru/group/777',
        createdOn: '2019-03-01',
        ogrn: '1022600000004',
        inn: '7707083893',
        responsibleName: 'Сидорова А. А.',
        responsiblePosition: 'Директор',
        authorizedName: 'Кузнецов Б. Б.',
        govMark: true,
      },
      // created 20.11, the department reported on 25.11 (its deadline 24.11): ЦУР overdue by the department
      {
        id: 'LATE',
        organization: 'Отдел спорта',
        orgKind: 'Структурное подразделение',
        network: 'ВКонтакте',
        link: 'https://vk.com/sport',
        createdOn: '2026-11-20',
        deptReportedCreation: '2026-11-25',
      },
    ],
    today,
  );
  rows[0]!.problems.push({
    column: 'deletedOn',
    severity: 'error',
    message: '«Дата удаления»: дата удаления раньше даты создания.',
  });
  rows[0]!.state = 'Ошибки заполнения';

  const selection = selectPendingEvents(rows, today);

  it('a row with an error in a stated column is left out and named with the column to fix', () => {
    expect(selection.events.map((event) => event.pageId)).not.toContain('E');
    expect(selection.excluded).toEqual([
      { row: 2, reasons: ['«Дата удаления»: дата удаления раньше даты создания.'], columns: ['deletedOn'] },
    ]);
  });

  it('an event before the decree is not overdue and goes into its own section, after the others', () => {
    expect(selection.events.map((event) => [event.pageId, event.overdue, event.beforeDecree])).toEqual([
      ['LATE', true, false],
      ['OLD', false, true],
    ]);
    const letter = buildSummaryLetter({
      districtName: 'Округ',
      today,
      recipients: ['cur@x.ru'],
      events: selection.events,
      totals: summaryTotals(rows, ['ВКонтакте', 'Одноклассники'], []),
      spreadsheetUrl: 'https://s',
      inForce: DEFAULT_DECREE_IN_FORCE,
      signature: {
        department: 'Отдел МКИТ',
        name: 'Саботырев Д. А.',
        phone: '+7 (86553) 0-00-00',
        email: 'omkit@x.ru',
      },
    });
    const text = letter.message.body;
    const section = text.indexOf('СОБЫТИЯ ДО ВСТУПЛЕНИЯ В СИЛУ ПОСТАНОВЛЕНИЯ № 1199 (30.08.2023)');
    expect(section).toBeGreaterThan(text.indexOf('1. Отдел спорта'));
    expect(text.indexOf('2. Дом культуры')).toBeGreaterThan(section);
    expect(text).not.toMatch(/Создание 01\.03\.2019[^\n]*ПРОСРОЧЕНО/);
    // what the letter carries per event
    expect(text).toContain('2. Дом культуры (Подведомственная организация), ОГРН 1022600000004, ИНН 7707083893');
    expect(text).toContain('Ответственный: Сидорова А. А., Директор');
    expect(text).toContain('Уполномоченное лицо: Кузнецов Б. Б., ЕСИА — идентификация пройдена');
    expect(text).toContain('Метка «Госорганизация»: есть; «Госпаблики»: не подключено');
    // whose delay
    expect(text).toContain(
      'Сообщение подразделения в отдел (п. 3.2.2): сведения поступили 25.11.2026, срок подразделения — 24.11.2026 (подразделение сообщило с опозданием).',
    );
    // signature
    expect(text).toMatch(
      /С уважением,\nСаботырев Д\. А\.\nОтдел МКИТ\nтел\. \+7 \(86553\) 0-00-00\ne-mail: omkit@x\.ru/,
    );
    // HTML: the same numbers, in a table that is cards under 600 px (test/ui/letter.browser.test.ts)
    expect(letter.message.htmlBody).toMatch(
      /<b>2\.<\/b><\/td><td[^>]*><span class="label"[^>]*>Организация: <\/span><b>Дом культуры/,
    );
    expect(letter.message.htmlBody).toContain('<table class="cards"');
    expect(letter.message.htmlBody).toContain('@media screen and (min-width:600px)');
  });

  it('says when the department told the coordinator and what its deadline was', () => {
    expect(
      departmentReportText({ reportedToDept: '2026-11-25', deptDeadline: '2026-11-18', beforeDecree: false }),
    ).toBe('сведения поступили 25.11.2026, срок подразделения — 18.11.2026 (подразделение сообщило с опозданием)');
    expect(rows[2]!.state).toBe('Просрочено: ЦУР (отдел сообщил поздно)');
    expect(rows[1]!.state).toBe('Создана до вступления в силу');
  });

  it('the site list and the digest leave the row in error out; the digest names it once', () => {
    expect(buildSiteList(rows, today).skippedRows).toEqual([]); // deleted: not on the site anyway
    const broken = assess(
      [{ id: 'X', organization: 'Отдел', network: 'ВКонтакте', link: 'https://vk.com/x', createdOn: '2026-11-20' }],
      today,
    );
    broken[0]!.problems.push({ column: 'createdOn', severity: 'error', message: '«Дата создания»: ошибка.' });
    broken[0]!.problems.push({ column: 'organization', severity: 'error', message: '«Организация»: ошибка.' });
    expect(buildSiteList(broken, today).skippedRows).toEqual([2]);
    const digest = coordinatorDigestItems([...rows, ...broken.map((one) => ({ ...one, row: 9 }))]);
    expect(digest.overdue.map((item) => item.row)).toEqual([4]);
    expect(digest.withErrors.map((entry) => entry.row)).toEqual([2, 9]);
  });
});

describe('«Настройки»: the entry into force and the signature', () => {
  it('defaults to 30.08.2023 and reads a date typed in the sheet', () => {
    expect(DEFAULT_SETTINGS.decreeInForce).toBe('2023-08-30');
    expect(settingsSheetRows().find(([label]) => label.startsWith('Дата вступления'))?.[1]).toBe('30.08.2023');
    const parsed = parseSettings([
      ['Дата вступления в силу постановления № 1199', '05.09.2023'],
      ['Подпись писем: ФИО', 'Саботырев Д. А.'],
      ['Подпись писем: телефон', '+7 000'],
    ]);
    expect(parsed.settings).toMatchObject({
      decreeInForce: '2023-09-05',
      signatureName: 'Саботырев Д. А.',
      signaturePhone: '+7 000',
    });
    expect(parsed.problems).toEqual([]);
  });

  it('a value that is no date is reported and the default kept', () => {
    const parsed = parseSettings([['Дата вступления в силу постановления № 1199', 'вчера']]);
    expect(parsed.settings.decreeInForce).toBe('2023-08-30');
    expect(parsed.problems[0]?.message).toMatch(/ДД\.ММ\.ГГГГ/);
  });
});

describe('the totals of the letter count only what they can assert', () => {
  it('leave out a row in error and an exemption that is an error', () => {
    const rows = assess(
      [
        { id: 'A', organization: 'Отдел', network: 'ВКонтакте', link: 'https://vk.com/a', createdOn: '2024-01-10' },
        {
          id: 'B',
          organization: 'Школа',
          network: 'ВКонтакте',
          link: 'https://vk.com/wall-1_2',
          createdOn: '2024-01-10',
        },
        { id: 'C', organization: 'Администрация', orgKind: 'Администрация округа', exemptionBasis: 'не нужно' },
        { id: 'D', organization: 'Архив', exemptionBasis: 'Письмо от 01.02.2024 № 5' },
      ],
      today,
    );
    rows[1]!.problems.push({ column: 'link', severity: 'error', message: '«Ссылка на страницу»: не страница.' });
    rows[2]!.problems.push({ column: 'exemptionBasis', severity: 'error', message: '«Основание»: администрация.' });
    const totals = summaryTotals(rows, ['ВКонтакте'], []);
    expect(totals.activeTotal).toBe(1);
    expect(totals.exemptOrganizations).toBe(1);
  });
});

describe('onEdit sees the register-wide exemption warning as the full check does', () => {
  it('assessRowsInRegister gives the exemption row the same problems as assessRegister', () => {
    const context = { today, calendar: createCalendar(), timeZone: 'Europe/Moscow' };
    const raw = [
      {
        row: 2,
        cells: {
          organization: 'Архив',
          orgKind: 'Подведомственная организация',
          exemptionBasis: 'Письмо от 01.02.2024 № 5',
        },
      },
      {
        row: 3,
        cells: {
          organization: 'Архив',
          orgKind: 'Подведомственная организация',
          network: 'ВКонтакте',
          link: 'https://vk.com/archive',
          createdOn: '2024-01-10',
        },
      },
    ];
    const full = assessRegister(raw, context).rows.find((one) => one.row === 2);
    const edited = assessRowsInRegister(raw, new Set([2]), context).get(2);
    expect(full?.problems).toEqual([expect.objectContaining({ column: 'exemptionBasis', severity: 'warning' })]);
    expect(edited?.problems).toEqual(full?.problems);
  });
});
