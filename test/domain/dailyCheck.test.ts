import {
  buildCoordinatorDigest,
  buildResponsibleDigests,
  coordinatorDigestItems,
  isFirstWorkingDayOf,
  isMailableAddress,
} from '../../src/domain/dailyCheck';
import { assess, calendar } from './assessedRows';

const TODAY = '2026-01-20'; // Tuesday

const rows = assess(
  [
    // created 15.01 (Thu): dept deadline 19.01 (reported), ЦУР deadline 20.01 → due today
    {
      id: 'A',
      organization: 'Отдел <b>культуры</b>',
      network: 'ВКонтакте',
      link: 'https://vk.com/a',
      createdOn: '2026-01-15',
      deptReportedCreation: '2026-01-15',
      responsibleEmail: 'Ivanov@example.ru',
      responsibleName: 'Иванов И. И.',
    },
    // created 12.01: dept deadline 14.01 not reported → overdue; ЦУР 15.01 → overdue
    {
      id: 'B',
      organization: 'A & B',
      network: 'Одноклассники',
      link: 'https://ok.ru/b',
      createdOn: '2026-01-12',
      responsibleEmail: 'ivanov@example.ru',
    },
    // everything reported
    {
      id: 'C',
      organization: 'Спорт',
      network: 'ВКонтакте',
      link: 'https://vk.com/c',
      createdOn: '2025-12-01',
      deptReportedCreation: '2025-12-01',
      tsurReportedCreation: '2025-12-02',
      responsibleEmail: 'petrov@example.ru',
    },
    // created 19.01, not reported: dept pending (deadline 21.01)
    {
      id: 'D',
      organization: 'Школа',
      network: 'ВКонтакте',
      link: 'https://vk.com/d',
      createdOn: '2026-01-19',
      responsibleEmail: 'bad address',
    },
  ],
  TODAY,
);
rows[2]!.problems.push({
  column: 'esiaVerified',
  severity: 'warning',
  message: 'Уполномоченное лицо не прошло идентификацию в ЕСИА.',
});

describe('the coordinator digest', () => {
  it('lists the overdue and the due today, a row once with all its obligations', () => {
    const { overdue, dueToday } = coordinatorDigestItems(rows);
    expect(overdue.map((item) => [item.pageId, item.obligations, item.deadline])).toEqual([
      [
        'B',
        [
          { obligation: 'dept', deadline: '2026-01-14' },
          { obligation: 'tsur', deadline: '2026-01-15' },
        ],
        '2026-01-14',
      ],
    ]);
    expect(dueToday.map((item) => [item.pageId, item.obligation])).toEqual([['A', 'tsur']]);
  });

  it('is one escaped letter with counts in the subject', () => {
    const message = buildCoordinatorDigest({
      rows,
      today: TODAY,
      recipients: ['c1@x.ru', 'c2@x.ru'],
      spreadsheetUrl: 'https://s',
      pendingTsurEvents: 3,
    })!;
    expect(message.to).toBe('c1@x.ru,c2@x.ru');
    expect(message.subject).toBe('Реестр страниц на 20.01.2026: просрочено — 1, срок сегодня — 1');
    expect(message.htmlBody).toContain('Отдел &lt;b&gt;культуры&lt;/b&gt;');
    expect(message.htmlBody).toContain('A &amp; B');
    expect(message.body).toContain('Ожидают сводки в ЦУР: 3');
    expect(message.body).toContain('ПРОСРОЧЕНО (1)');
    // Two obligations of one row, each with its own deadline, and no third date after them.
    expect(message.body).toContain(
      'Создание 12.01.2026; Сообщить в отдел (п. 3.2.2) — срок 14.01.2026; Сообщить в ЦУР (п. 3.1.5) — срок 15.01.2026\n',
    );
  });

  it('ends its first line with one full stop after «г.»', () => {
    const message = buildCoordinatorDigest({
      rows,
      today: TODAY,
      recipients: ['c@x.ru'],
      spreadsheetUrl: 'https://s',
      pendingTsurEvents: 0,
    })!;
    expect(message.body.split('\n')[0]).toBe(
      'Ежедневная проверка реестра официальных страниц, вторник, 20 января 2026 г.',
    );
    expect(message.htmlBody).toContain(
      '<p>Ежедневная проверка реестра официальных страниц, вторник, 20 января 2026 г.</p>',
    );
    expect(`${message.body}${message.htmlBody}`).not.toMatch(/г\.\./);
  });

  it('is not sent when nothing is due or overdue', () => {
    const quiet = assess(
      [
        {
          id: 'C',
          organization: 'Спорт',
          createdOn: '2025-12-01',
          deptReportedCreation: '2025-12-01',
          tsurReportedCreation: '2025-12-02',
        },
      ],
      TODAY,
    );
    expect(
      buildCoordinatorDigest({
        rows: quiet,
        today: TODAY,
        recipients: ['c@x.ru'],
        spreadsheetUrl: 'https://s',
        pendingTsurEvents: 0,
      }),
    ).toBeNull();
  });
});

describe('the responsible persons’ digests', () => {
  const digests = buildResponsibleDigests({
    rows,
    today: TODAY,
    spreadsheetUrl: 'https://s',
    includeWarnings: true,
    mailDomains: ['example.ru'],
  });

  it('every working day only for deadlines and errors; warnings alone only when asked (once a week)', () => {
    const daily = buildResponsibleDigests({
      rows,
      today: TODAY,
      spreadsheetUrl: 'https://s',
      mailDomains: ['example.ru'],
    });
    expect(daily.map((digest) => digest.email)).toEqual(['ivanov@example.ru']);
    const withError = assess([{ id: 'E', organization: 'Музей', responsibleEmail: 'sidorov@example.ru' }], TODAY);
    withError[0]!.problems.push(
      { column: 'link', severity: 'error', message: '«Ссылка на страницу»: не заполнено.' },
      { column: 'esiaVerified', severity: 'warning', message: 'ЕСИА не подтверждена.' },
    );
    const [sidorov] = buildResponsibleDigests({
      rows: withError,
      today: TODAY,
      spreadsheetUrl: 'https://s',
      mailDomains: ['example.ru'],
    });
    expect(sidorov!.message.body).toContain('Ошибка: «Ссылка на страницу»: не заполнено.');
    expect(sidorov!.message.body).not.toContain('ЕСИА');
  });

  it.each([
    ['week', '2026-01-19', true], // Monday
    ['week', '2026-01-20', false],
    ['week', '2026-03-10', true], // Tuesday after Monday 09.03, a day off
    ['month', '2026-01-12', true], // the New Year holidays and 09.01 off
    ['month', '2026-02-02', true],
    ['month', '2026-02-03', false],
  ] as const)('the first working day of the %s: %s → %s', (period, today, expected) => {
    expect(isFirstWorkingDayOf(period, today, calendar)).toBe(expected);
  });

  it('groups each person’s rows by address (case ignored) and skips unusable addresses', () => {
    expect(digests.map((digest) => [digest.email, digest.rows.map((row) => row.row)])).toEqual([
      ['ivanov@example.ru', [3]],
      ['petrov@example.ru', [4]],
    ]);
    expect(isMailableAddress('a@b.ru, c@d.ru')).toBe(false);
  });

  it('tells what is open in their own rows only', () => {
    const [ivanov, petrov] = digests;
    expect(ivanov!.message.to).toBe('ivanov@example.ru');
    expect(ivanov!.message.body).toContain(
      'Создание 12.01.2026: сообщить в отдел массовых коммуникаций до 14.01.2026 — срок прошёл',
    );
    expect(ivanov!.message.body).not.toContain('Спорт');
    expect(petrov!.message.body).toContain('Предупреждение: Уполномоченное лицо не прошло идентификацию в ЕСИА.');
    expect(ivanov!.message.htmlBody).toContain('A &amp; B');
  });
});
