import { COLUMN_BY_KEY, COLUMNS } from '../../src/domain/columns';
import {
  PAGE_INPUT_SCHEMA,
  PAGE_KEYS,
  readSheetRow,
  validatePageInput,
  type SheetCells,
} from '../../src/domain/schemas';
import type { ColumnKey, PageInput, Problem } from '../../src/domain/types';

const today = '2024-03-20';
const moscowMidnight = (iso: string): Date => new Date(`${iso}T00:00:00+03:00`);

/** A complete, correct sheet row as getValues would return it. */
function sheetRow(overrides: SheetCells = {}): SheetCells {
  return {
    id: 'P-0001',
    organization: 'Отдел культуры',
    orgKind: 'Структурное подразделение',
    network: 'ВКонтакте',
    link: 'https://vk.com/shpak_culture',
    createdOn: moscowMidnight('2024-03-05'),
    deletedOn: '',
    responsibleName: 'Иванова Мария Петровна',
    responsiblePosition: 'Начальник отдела культуры',
    responsibleEmail: 'culture@shpak.ru',
    authorizedName: 'Петров Пётр Петрович',
    esiaVerified: true,
    exemptionBasis: '',
    deptReportedCreation: moscowMidnight('2024-03-06'),
    deptReportedDeletion: '',
    tsurReportedCreation: '',
    tsurReportedDeletion: '',
    deadline: moscowMidnight('2024-03-11'),
    state: 'В срок',
    ogrn: 1027700132195,
    govMark: true,
    govPublics: true,
    note: '',
    ...overrides,
  };
}

/** The same row as the sidebar sends it. */
function formInput(overrides: Partial<PageInput> = {}): PageInput {
  return {
    id: 'P-0001',
    organization: 'Отдел культуры',
    orgKind: 'Структурное подразделение',
    network: 'ВКонтакте',
    link: 'https://vk.com/shpak_culture',
    createdOn: '2024-03-05',
    deletedOn: '',
    responsibleName: 'Иванова Мария Петровна',
    responsiblePosition: 'Начальник отдела культуры',
    responsibleEmail: 'culture@shpak.ru',
    authorizedName: 'Петров Пётр Петрович',
    esiaVerified: true,
    exemptionBasis: '',
    ogrn: '1027700132195',
    inn: '',
    govMark: true,
    govPublics: true,
    note: '',
    ...overrides,
  };
}

const read = (overrides: SheetCells = {}) => readSheetRow(sheetRow(overrides), { today });
const inputProblems = (overrides: Partial<PageInput> = {}): Problem[] => {
  const result = validatePageInput(formInput(overrides), { today });
  return result.ok ? result.warnings : result.problems;
};
const columns = (problems: Problem[], severity: Problem['severity']): ColumnKey[] =>
  problems.filter((problem) => problem.severity === severity).map((problem) => problem.column as ColumnKey);

/** Both paths, for rules that hold for each: the same changes (text, ISO dates, flags) on either. */
const paths: Array<[string, (changes: Partial<PageInput>) => Problem[]]> = [
  ['sheet', (changes) => read(changes).problems],
  ['sidebar', (changes) => inputProblems(changes)],
];
const error = (column: ColumnKey, message: string): Problem => ({ column, severity: 'error', message });
const warning = (column: ColumnKey, message: string): Problem => ({ column, severity: 'warning', message });

describe('the Page fields', () => {
  it('are the catalogue columns except the computed ones', () => {
    expect(PAGE_KEYS).toEqual(COLUMNS.filter((column) => column.role !== 'computed').map((column) => column.key));
  });

  it('the sidebar schema covers every input column', () => {
    expect(Object.keys(PAGE_INPUT_SCHEMA.shape).sort()).toEqual(Object.keys(formInput()).sort());
  });
});

describe('a correct row', () => {
  it('reads from the sheet without problems', () => {
    const { page, problems } = read();
    expect(problems).toEqual([]);
    expect(page).toEqual({
      id: 'P-0001',
      organization: 'Отдел культуры',
      orgKind: 'Структурное подразделение',
      network: 'ВКонтакте',
      link: 'https://vk.com/shpak_culture',
      createdOn: '2024-03-05',
      deletedOn: null,
      responsibleName: 'Иванова Мария Петровна',
      responsiblePosition: 'Начальник отдела культуры',
      responsibleEmail: 'culture@shpak.ru',
      authorizedName: 'Петров Пётр Петрович',
      esiaVerified: true,
      exemptionBasis: null,
      deptReportedCreation: '2024-03-06',
      deptReportedDeletion: null,
      tsurReportedCreation: null,
      tsurReportedDeletion: null,
      ogrn: '1027700132195',
      inn: null,
      govMark: true,
      govPublics: true,
      note: null,
    });
  });

  it('gives the same Page from the sidebar (service dates are not the form\u2019s)', () => {
    const result = validatePageInput(formInput(), { today });
    expect(result).toEqual({ ok: true, page: { ...read().page, deptReportedCreation: null }, warnings: [] });
  });

  it('gives the same Page from equivalent cells written differently', () => {
    const sheet = read({
      organization: '  Отдел культуры ',
      orgKind: 'структурное  подразделение',
      network: 'вконтакте',
      createdOn: '05.03.2024',
      esiaVerified: 'да',
      govMark: 'TRUE',
      govPublics: 'да',
      ogrn: '1027700132195',
      deptReportedCreation: '',
    });
    const form = validatePageInput(formInput({ organization: 'Отдел культуры  ', network: 'ВКОНТАКТЕ' }), { today });
    expect(form.ok && form.page).toEqual(sheet.page);
    expect(sheet.problems).toEqual([]);
  });
});

describe('every message names its column by its header', () => {
  it.each(paths)('%s', (_path, problemsOf) => {
    const problems = problemsOf({
      organization: '',
      link: 'ok.ru/x',
      createdOn: '2030-01-01',
      responsibleEmail: 'x@',
      ogrn: '123',
      esiaVerified: false,
    });
    expect(problems.length).toBeGreaterThanOrEqual(6);
    for (const problem of problems) {
      expect(problem.column).not.toBeNull();
      expect(problem.message.startsWith(`«${COLUMN_BY_KEY[problem.column as ColumnKey].header}»: `)).toBe(true);
    }
  });
});

/** [what the rule says, the changes to a correct row, the problems expected on both paths]. */
const RULE_CASES: Array<[string, Partial<PageInput>, Problem[]]> = [
  ['Организация is required', { organization: ' ' }, [error('organization', '«Организация»: не заполнено.')]],
  [
    'Вид организации comes from the list',
    { orgKind: 'Отдел' },
    [
      error(
        'orgKind',
        '«Вид организации»: «Отдел» — выберите из списка: «Администрация округа», «Структурное подразделение», «Подведомственная организация».',
      ),
    ],
  ],
  [
    'Социальная сеть comes from the networks list',
    { network: 'Телеграм' },
    [error('network', '«Социальная сеть»: «Телеграм» — выберите из списка: «ВКонтакте», «Одноклассники».')],
  ],
  [
    'a missing network is named from the link',
    { network: '' },
    [error('network', '«Социальная сеть»: не выбрана; по ссылке это «ВКонтакте».')],
  ],
  [
    'the link must be an address',
    { link: 'страница ВК' },
    [
      error(
        'link',
        '«Ссылка на страницу»: «страница ВК» — не похоже на адрес страницы; пример: https://vk.com/shpakray.',
      ),
    ],
  ],
  [
    'the link must lead to a page, not the site',
    { link: 'https://vk.com/' },
    [error('link', '«Ссылка на страницу»: ссылка ведёт на главную страницу vk.com, а нужен адрес самой страницы.')],
  ],
  [
    'the link must match the network',
    { link: 'https://m.ok.ru/group/1' },
    [error('link', '«Ссылка на страницу»: ссылка ведёт на ok.ru, а выбрана сеть «ВКонтакте».')],
  ],
  ['vk.ru is ВКонтакте', { link: 'vk.ru/shpak' }, []],
  [
    'the creation date is not in the future',
    { createdOn: '2024-03-21' },
    [error('createdOn', '«Дата создания»: дата позже сегодняшнего дня: страница не может быть создана в будущем.')],
  ],
  ['a page may be created today', { createdOn: today }, []],
  [
    'the deletion date is not before creation',
    { deletedOn: '2024-03-04' },
    [error('deletedOn', '«Дата удаления»: дата удаления раньше даты создания.')],
  ],
  [
    'the deletion date is not in the future',
    { deletedOn: '2024-04-01' },
    [error('deletedOn', '«Дата удаления»: дата позже сегодняшнего дня: укажите день, когда страница была удалена.')],
  ],
  ['a page may be deleted the day it was created', { deletedOn: '2024-03-05' }, []],
  [
    'Должность ответственного is required',
    { responsiblePosition: '' },
    [error('responsiblePosition', '«Должность ответственного»: не заполнено.')],
  ],
  [
    'a position below deputy head is a warning',
    { responsiblePosition: 'Главный специалист' },
    [
      warning(
        'responsiblePosition',
        '«Должность ответственного»: «Главный специалист» — не читается как должность руководителя или заместителя руководителя структурного подразделения. Ответственный — не ниже заместителя руководителя (п. 3.2.1.2): для структурного подразделения — начальник (руководитель, председатель) подразделения или его заместитель. Проверьте должность.',
      ),
    ],
  ],
  [
    'an e-mail, when given, must be an address',
    { responsibleEmail: 'culture@shpak' },
    [error('responsibleEmail', '«E-mail ответственного»: «culture@shpak» — не похоже на адрес электронной почты.')],
  ],
  ['the e-mail is optional', { responsibleEmail: '' }, []],
  ['an e-mail domain may be Cyrillic', { responsibleEmail: 'info@шпак.рф' }, []],
  [
    'unchecked ЕСИА is a warning on an active page',
    { esiaVerified: false },
    [
      warning(
        'esiaVerified',
        '«Идентификация в ЕСИА»: не отмечена: уполномоченное лицо должно пройти идентификацию в ЕСИА (Госуслуги), п. 3.2.1.3.',
      ),
    ],
  ],
  ['ЕСИА does not matter on a deleted page', { esiaVerified: false, deletedOn: '2024-03-10' }, []],
  [
    'ОГРН, when given, passes its control digit',
    { ogrn: '1027700132196' },
    [error('ogrn', '«ОГРН»: контрольная цифра не сходится: проверьте номер по выписке из ЕГРЮЛ.')],
  ],
  ['ОГРН is optional', { ogrn: '' }, []],
  [
    'an exemption needs no network, link, dates or names',
    {
      exemptionBasis: 'Письмо ЦУР от 01.02.2024 № 15',
      network: '',
      link: '',
      createdOn: '',
      responsibleName: '',
      responsiblePosition: '',
      authorizedName: '',
      esiaVerified: false,
    },
    [],
  ],
];

describe('rules', () => {
  describe.each(paths)('on the %s path', (_path, problemsOf) => {
    it.each(RULE_CASES)('%s', (_rule, changes, expected) => {
      expect(problemsOf(changes)).toEqual(expected);
    });

    it.each(['link', 'createdOn', 'responsibleName', 'authorizedName'] as const)('%s is required for a page', (key) => {
      const problems = problemsOf({ [key]: '' });
      expect(columns(problems, 'error')).toEqual([key]);
      expect(problems[0]?.message).toMatch(/не заполнено — обязательно для официальной страницы/);
    });

    it('a missing network with a link to another site is just missing', () => {
      expect(problemsOf({ network: '', link: 'https://t.me/x' })[0]?.message).toMatch(
        /^«Социальная сеть»: не заполнено — обязательно/,
      );
    });

    it('an exemption still needs the organization and checks what is filled', () => {
      const exemption = {
        exemptionBasis: 'Письмо ЦУР',
        organization: '',
        network: '',
        link: 'ok.ru/x',
        createdOn: '',
        responsibleName: 'Иванов И. И.',
        responsiblePosition: '',
        authorizedName: '',
      };
      expect(columns(problemsOf(exemption), 'error')).toEqual(['organization', 'responsiblePosition']);
    });
  });
});

describe('the sheet path', () => {
  it('never throws and makes every unreadable cell a problem with a null field', () => {
    const { page, problems } = read({
      createdOn: 'вчера',
      deletedOn: 45,
      esiaVerified: 'может быть',
      organization: true,
      deptReportedCreation: '#REF!',
    });
    expect(page).toMatchObject({
      createdOn: null,
      deletedOn: null,
      esiaVerified: false,
      organization: null,
      deptReportedCreation: null,
    });
    expect(problems).toEqual([
      error('organization', '«Организация»: ожидается текст, а в ячейке флажок.'),
      error('createdOn', '«Дата создания»: «вчера» не похоже на дату; введите дату в формате ДД.ММ.ГГГГ.'),
      error('deletedOn', '«Дата удаления»: число 45 не похоже на дату; введите дату в формате ДД.ММ.ГГГГ.'),
      error('esiaVerified', '«Идентификация в ЕСИА»: «может быть» — ожидается флажок (да или нет).'),
      error('deptReportedCreation', '«Сообщено в отдел (создание)»: в ячейке ошибка формулы #REF!.'),
    ]);
  });

  it('reads a row of a sheet that lacks columns', () => {
    const { page, problems } = readSheetRow(
      { organization: 'Отдел культуры', exemptionBasis: 'Письмо администрации от 15.09.2023 № 01-12/345' },
      { today },
    );
    expect(page.organization).toBe('Отдел культуры');
    expect(problems).toEqual([]);
  });

  it('keeps the link as written while checking it', () => {
    expect(read({ link: 'WWW.VK.COM/Shpak_Culture/' }).page.link).toBe('WWW.VK.COM/Shpak_Culture/');
  });

  it('nulls a value that does not fit its format', () => {
    const { page } = read({ responsibleEmail: 'нет', ogrn: '123', link: 'нет', orgKind: 'Отдел' });
    expect(page).toMatchObject({ responsibleEmail: null, ogrn: null, link: null, orgKind: null });
  });

  it('reads Date objects in the given time zone', () => {
    const { page } = readSheetRow(sheetRow({ createdOn: new Date('2024-03-05T00:00:00Z') }), {
      today,
      timeZone: 'UTC',
    });
    expect(page.createdOn).toBe('2024-03-05');
  });

  it('accepts configured networks', () => {
    const options = { today, extraNetworks: [{ name: 'Телеграм', hosts: ['t.me'] }] };
    expect(readSheetRow(sheetRow({ network: 'Телеграм', link: 'https://t.me/shpak' }), options).problems).toEqual([]);
    expect(readSheetRow(sheetRow({ network: 'Телеграм', link: 'https://vk.com/shpak' }), options).problems).toEqual([
      {
        column: 'link',
        severity: 'error',
        message: '«Ссылка на страницу»: ссылка ведёт на vk.com, а выбрана сеть «Телеграм».',
      },
    ]);
  });
});

describe('the sidebar path', () => {
  it('is ok with warnings only', () => {
    const result = validatePageInput(formInput({ esiaVerified: false }), { today });
    expect(result.ok).toBe(true);
    expect(result.ok && columns(result.warnings, 'warning')).toEqual(['esiaVerified']);
  });

  it('is not ok with an error, and reports the warnings too', () => {
    const result = validatePageInput(formInput({ esiaVerified: false, organization: '' }), { today });
    expect(result).toEqual({
      ok: false,
      problems: [
        error('organization', '«Организация»: не заполнено.'),
        expect.objectContaining({ column: 'esiaVerified', severity: 'warning' }),
      ],
    });
  });

  it('wants ISO dates', () => {
    expect(inputProblems({ createdOn: '05.03.2024' })).toEqual([
      error('createdOn', '«Дата создания»: ожидается дата в формате ГГГГ-ММ-ДД.'),
    ]);
    expect(inputProblems({ createdOn: '2024-02-30' })[0]?.column).toBe('createdOn');
  });

  it('survives a broken client: wrong types in Russian, missing fields as empty', () => {
    const broken = { ...formInput(), organization: 42, govMark: 'yes' } as unknown as PageInput;
    const result = validatePageInput(broken, { today });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.message)).toEqual([
      '«Организация»: Неверный ввод: ожидалось string, получено число',
      '«Госметка»: Неверный ввод: ожидалось boolean, получено string',
    ]);
    const partial = { organization: 'Отдел', exemptionBasis: 'Письмо' } as unknown as PageInput;
    expect(validatePageInput(partial, { today }).ok).toBe(true);
    expect(validatePageInput(null as unknown as PageInput, { today }).ok).toBe(false);
  });
});
