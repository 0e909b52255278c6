import { parseEventId, selectPendingEvents, summaryTotals } from '../../src/domain/summary';
import { SUMMARY_BODY_LIMIT_BYTES, buildSummaryLetter } from '../../src/domain/summaryLetter';
import { utf8ByteLength } from '../../src/domain/letter';
import { reviewRegister } from '../../src/domain/registerCheck';
import { assess } from './assessedRows';

const TODAY = '2026-01-20'; // Tuesday

const rows = assess(
  [
    // created 12.01 (Mon) → ЦУР deadline 15.01: overdue on 20.01
    {
      id: 'P1',
      organization: 'A & B',
      orgKind: 'Структурное подразделение',
      network: 'ВКонтакте',
      link: 'https://vk.com/ab',
      createdOn: '2026-01-12',
    },
    // created 19.01 → deadline 22.01: pending
    {
      id: 'P2',
      organization: '<script>alert(1)</script>',
      orgKind: 'Подведомственная организация',
      network: 'Одноклассники',
      link: 'https://ok.ru/x"onmouseover="y',
      createdOn: '2026-01-19',
    },
    // reported already
    {
      id: 'P3',
      organization: 'Отдел культуры',
      network: 'ВКонтакте',
      link: 'https://vk.com/c',
      createdOn: '2025-12-01',
      tsurReportedCreation: '2025-12-02',
    },
    // creation reported, deletion pending
    {
      id: 'P4',
      organization: 'Отдел спорта',
      network: 'ВКонтакте',
      link: 'https://vk.com/s',
      createdOn: '2025-11-03',
      deletedOn: '2026-01-16',
      tsurReportedCreation: '2025-11-05',
    },
    // exemption
    { id: 'P5', organization: 'Архив', exemptionBasis: 'Письмо ЦУР от 01.02.2024 № 5' },
    // unreported but no ID
    { organization: 'Без ID', network: 'ВКонтакте', link: 'https://vk.com/n', createdOn: '2026-01-19' },
    // organization whose only page is deleted and reported: a gap
    {
      id: 'P7',
      organization: 'МКУ «Закрытое»',
      network: 'ВКонтакте',
      link: 'https://vk.com/z',
      createdOn: '2024-01-10',
      deletedOn: '2025-05-05',
      tsurReportedCreation: '2024-01-11',
      tsurReportedDeletion: '2025-05-06',
    },
  ],
  TODAY,
);

describe('selectPendingEvents', () => {
  it('takes every creation and deletion without a ЦУР stamp, overdue first, and sets aside rows without ID', () => {
    const { events, rowsWithoutId } = selectPendingEvents(rows, TODAY);
    expect(events.map((event) => [event.id, event.overdue])).toEqual([
      ['P1:creation', true],
      ['P4:deletion', false],
      ['P2:creation', false],
    ]);
    expect(events[0]).toMatchObject({ deadline: '2026-01-15', date: '2026-01-12', row: 2 });
    expect(rowsWithoutId).toEqual([7]);
  });

  it('leaves out a page registered twice, an «ID» or a ЦУР stamp with an error, and says why', () => {
    const twice = assess(
      [
        {
          id: 'S1',
          organization: 'Школа № 1',
          network: 'ВКонтакте',
          link: 'https://vk.com/school1',
          createdOn: '2026-01-19',
        },
        { id: 'S2', organization: 'Школа № 1', network: 'ВКонтакте', link: 'vk.ru/School1/', createdOn: '2026-01-19' },
        {
          id: 'S1',
          organization: 'Школа № 2',
          network: 'ВКонтакте',
          link: 'https://vk.com/school2',
          createdOn: '2026-01-19',
        },
        {
          id: 'S4',
          organization: 'Школа № 4',
          network: 'ВКонтакте',
          link: 'https://vk.com/school4',
          createdOn: '2026-01-12',
        },
      ],
      TODAY,
    );
    const idError = {
      column: 'id' as const,
      severity: 'error' as const,
      message: '«ID»: такой ID уже есть в строке 2.',
    };
    const stampError = {
      column: 'tsurReportedCreation' as const,
      severity: 'error' as const,
      message: '«Сообщено в ЦУР (создание)»: «по телефону» не похоже на дату.',
    };
    twice[2]!.problems.push(idError);
    twice[3]!.problems.push(stampError);
    const selection = selectPendingEvents(twice, TODAY);
    expect(selection.events.map((event) => event.id)).toEqual(['S1:creation']);
    expect(selection.excluded).toEqual([
      { row: 3, reasons: ['та же страница уже внесена в строке 2 — удалите или исправьте повтор.'], columns: ['link'] },
      { row: 4, reasons: [idError.message], columns: ['id'] },
      { row: 5, reasons: [stampError.message], columns: ['tsurReportedCreation'] },
    ]);
    // The page is counted once in the totals, and a row in error (any column: its state is «Ошибки
    // заполнения») is not counted, as «Обзор» does not count it: one figure for ЦУР and the deputy head.
    expect(summaryTotals(twice, ['ВКонтакте'], []).activeByNetwork).toEqual([{ network: 'ВКонтакте', count: 1 }]);
  });

  it('names events by page ID and kind', () => {
    expect(parseEventId('P-12:deletion')).toEqual({ pageId: 'P-12', kind: 'deletion' });
    expect(parseEventId('a:b:creation')).toEqual({ pageId: 'a:b', kind: 'creation' });
    expect(parseEventId('P1:update')).toBeNull();
    expect(parseEventId(':creation')).toBeNull();
  });
});

const gaps = reviewRegister(rows).gaps.map((gap) => gap.organization);

describe('summaryTotals', () => {
  it('counts active pages per network, exempt organizations and gaps', () => {
    const totals = summaryTotals(rows, ['ВКонтакте', 'Одноклассники', 'Telegram'], gaps);
    expect(totals.activeByNetwork).toEqual([
      { network: 'ВКонтакте', count: 3 },
      { network: 'Одноклассники', count: 1 },
      { network: 'Telegram', count: 0 },
    ]);
    expect(totals.activeTotal).toBe(4);
    expect(totals.exemptOrganizations).toBe(1);
    expect([...totals.gaps].sort()).toEqual(['МКУ «Закрытое»', 'Отдел спорта']);
  });
});

describe('buildSummaryLetter', () => {
  const { events } = selectPendingEvents(rows, TODAY);
  const totals = summaryTotals(rows, ['ВКонтакте', 'Одноклассники'], gaps);
  const letter = buildSummaryLetter({
    districtName: 'Шпаковский муниципальный округ',
    today: TODAY,
    recipients: ['tsur@example.ru', 'office@example.ru'],
    events,
    totals,
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
  });
  const { message } = letter;

  it('has the district and the date in the subject and goes to every recipient', () => {
    expect(message.subject).toContain('Шпаковский муниципальный округ');
    expect(message.subject).toContain('20.01.2026');
    expect(message.to).toBe('tsur@example.ru,office@example.ru');
    expect(letter.eventIds).toEqual(['P1:creation', 'P4:deletion', 'P2:creation']);
    expect(letter.overdueCount).toBe(1);
    expect(letter.layout).toBe('full');
    expect(message.attachments).toEqual([]);
  });

  it('escapes every value: <script> and A & B stay harmless text', () => {
    expect(message.htmlBody).not.toContain('<script>');
    expect(message.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(message.htmlBody).toContain('A &amp; B');
    expect(message.htmlBody).not.toMatch(/A & B/);
    // the quote in the link cannot break out of the href attribute
    expect(message.htmlBody).not.toContain('"onmouseover');
    expect(message.body).toContain('<script>alert(1)</script>');
    expect(message.body).toContain('A & B');
  });

  it('lists the overdue first with a mark, numbered alike in HTML and text', () => {
    const html = message.htmlBody;
    expect(html.indexOf('A &amp; B')).toBeLessThan(html.indexOf('&lt;script&gt;'));
    // A numbered row of the table (a card on a narrow screen), each cell labelled with its column.
    expect(html).toMatch(
      /<b>1\.<\/b><\/td><td[^>]*><span class="label"[^>]*>Организация: <\/span><b>A &amp; B \(Структурное подразделение\)<\/b>/,
    );
    expect(html).toContain('ПРОСРОЧЕНО');
    expect(html).toContain('<a href="https://vk.com/ab">https://vk.com/ab</a>');
    expect(message.body).toMatch(
      /1\. A & B \(Структурное подразделение\)\n {3}ВКонтакте: https:\/\/vk\.com\/ab\n {3}Создание 12\.01\.2026, срок сообщения в ЦУР 15\.01\.2026 — ПРОСРОЧЕНО/,
    );
    // The same numbers in both parts.
    const numbers = (text: string): string[] => [...text.matchAll(/^(\d+)\. /gm)].map((match) => match[1] ?? '');
    const htmlNumbers = [...html.matchAll(/<td[^>]*><b>(\d+)\.<\/b><\/td>/g)].map((match) => match[1] ?? '');
    expect(htmlNumbers).toEqual(numbers(message.body));
    expect(numbers(message.body)).toEqual(['1', '2', '3']);
    expect(message.body).toContain('Удаление 16.01.2026');
  });

  it('has the totals and a link to the spreadsheet', () => {
    expect(message.body).toContain('Действующих официальных страниц: 4 (ВКонтакте — 3, Одноклассники — 1).');
    expect(message.body).toContain('освобождённых от ведения страниц (п. 4): 1.');
    expect(message.body).toContain('без действующей страницы и без освобождения: 2:');
    expect(message.body).toContain('https://docs.google.com/spreadsheets/d/abc/edit');
    expect(message.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit">открыть таблицу</a>');
  });

  it('moves the full list to a .csv when the body would pass the limit, keeping totals and the overdue', () => {
    const many = Array.from({ length: 3000 }, (_, index) => ({
      ...events[index % 2 === 0 ? 1 : 0]!,
      id: `N${index}:creation`,
      pageId: `N${index}`,
      organization: `Организация номер ${index} с довольно длинным названием`,
      overdue: index < 5,
    }));
    const big = buildSummaryLetter({
      districtName: 'Округ',
      today: TODAY,
      recipients: ['t@x.ru'],
      events: many,
      totals,
      spreadsheetUrl: 'https://x',
    });
    expect(big.layout).toBe('overdue');
    expect(utf8ByteLength(big.message.body) + utf8ByteLength(big.message.htmlBody)).toBeLessThanOrEqual(
      SUMMARY_BODY_LIMIT_BYTES,
    );
    expect(big.message.attachments).toHaveLength(1);
    const [csv] = big.message.attachments;
    expect(csv!.fileName).toBe('svodka-tsur-2026-01-20.csv');
    expect(csv!.content.split('\r\n').filter(Boolean)).toHaveLength(3001);
    expect(big.eventIds).toHaveLength(3000);
    expect(big.message.body).toContain('Организация номер 4 ');
    expect(big.message.body).not.toContain('Организация номер 5 ');
    expect(big.message.body).toContain('Действующих официальных страниц');
    expect(big.message.htmlBody).toContain('во вложенном файле svodka-tsur-2026-01-20.csv');
  });

  it('attaches the organizations without a page too when their list is what is too long', () => {
    const manyGaps = {
      ...totals,
      gaps: Array.from({ length: 4000 }, (_, index) => `Учреждение без страницы № ${index}`),
    };
    const letter = buildSummaryLetter({
      districtName: 'Округ',
      today: TODAY,
      recipients: ['t@x.ru'],
      events,
      totals: manyGaps,
      spreadsheetUrl: 'https://x',
    });
    expect(letter).toMatchObject({ layout: 'overdue', gapsAttached: true });
    expect(letter.message.attachments.map((file) => file.fileName)).toEqual([
      'svodka-tsur-2026-01-20.csv',
      'organizacii-bez-stranic-2026-01-20.csv',
    ]);
    expect(letter.message.body).toContain(
      'без действующей страницы и без освобождения: 4000 (список — во вложенном файле organizacii-bez-stranic-2026-01-20.csv).',
    );
    expect(utf8ByteLength(letter.message.body) + utf8ByteLength(letter.message.htmlBody)).toBeLessThanOrEqual(
      SUMMARY_BODY_LIMIT_BYTES,
    );
  });

  it('keeps only the totals when even the overdue would not fit, and the CSV keeps formulas as text', () => {
    const hostile = events.map((event) => ({ ...event, organization: '=HYPERLINK("http://evil")', overdue: true }));
    const small = buildSummaryLetter({
      districtName: 'Округ',
      today: TODAY,
      recipients: ['t@x.ru'],
      events: hostile,
      totals,
      spreadsheetUrl: 'https://x',
      bodyLimitBytes: 4000,
    });
    expect(small.layout).toBe('totals');
    expect(small.message.attachments[0]!.content).toContain(`"'=HYPERLINK(""hxxp://evil"")"`);
  });
});

describe('a cell in error is not asserted to ЦУР', () => {
  it('says «уточняется» for an ОГРН or a responsible person with an error, once', () => {
    const [row] = assess(
      [
        {
          id: 'Q1',
          organization: 'МБОУ СОШ № 9',
          orgKind: 'Подведомственная организация',
          network: 'ВКонтакте',
          link: 'https://vk.com/school9',
          createdOn: '2026-01-19',
          ogrn: '1022600000000',
          responsibleName: 'Иванова Мария Сергеевна',
          responsiblePosition: 'Директор',
        },
      ],
      TODAY,
    );
    row!.problems.push(
      { column: 'ogrn', severity: 'error', message: '«ОГРН»: контрольная цифра не сходится.' },
      { column: 'responsibleName', severity: 'error', message: '«Ответственный»: не ФИО.' },
      { column: 'responsiblePosition', severity: 'error', message: '«Должность»: не должность.' },
    );
    const { events } = selectPendingEvents([row!], TODAY);
    expect(events.map((event) => [event.ogrn, event.responsibleName])).toEqual([['уточняется', 'уточняется']]);
    const letter = buildSummaryLetter({
      districtName: 'Шпаковский муниципальный округ',
      today: TODAY,
      recipients: ['tsur@example.ru'],
      events,
      totals: summaryTotals([row!], ['ВКонтакте'], []),
      spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
    });
    expect(letter.message.body).toContain('ОГРН уточняется');
    expect(letter.message.body).toContain('Ответственный: уточняется\n');
    expect(letter.message.body).not.toContain('1022600000000');
    expect(letter.message.body).not.toContain('Иванова');
  });
});
