/**
 * The sample register holds its design under the domain's own rules (no runtime): every row's state,
 * the problems and the event counts of test/start/sampleDesign.ts.
 */
import { assessSpreadsheet, buildReport, reportCounts } from '../../dev/report';
import { SAMPLE_ROWS, SAMPLE_SETTINGS, SAMPLE_TODAY, sampleRegisterValues } from '../../dev/sample/register';
import { SAMPLE_DESIGN, STATES_BEFORE_SEND, countStates } from './sampleDesign';

/** The sample with an ID column, as setup leaves it, and «Настройки» with the recipients. */
function sampleReport() {
  const values = sampleRegisterValues().map((row, index) => [...row, index === 0 ? 'ID' : `P-${index}`]);
  const settings = [
    ['Параметр', 'Значение', 'Пояснение'],
    ['Получатели сводки в ЦУР', SAMPLE_SETTINGS.tsurRecipients.join(', '), ''],
  ];
  return buildReport(
    assessSpreadsheet(
      {
        sheets: [
          { name: 'Реестр', values },
          { name: 'Настройки', values: settings },
        ],
        timeZone: 'Europe/Moscow',
      },
      SAMPLE_TODAY,
    ),
  );
}

describe('the sample register', () => {
  it('is dated around 01.12.2026 and has the decree’s administration pages, one of them written twice (п. 2.1)', () => {
    expect(SAMPLE_TODAY).toBe('2026-12-01');
    const values = sampleRegisterValues();
    expect(values).toHaveLength(SAMPLE_ROWS.length + 1);
    const administration = [values[1], values[3], values[4]];
    expect(administration.map((row) => row?.[4])).toEqual([
      'https://vk.com/public197204238; (https://vk.com/shpakray)',
      'https://vk.com/igorserov_26',
      'https://ok.ru/igorserov26',
    ]);
    for (const row of administration) {
      expect(row).toEqual(
        expect.arrayContaining([
          'Администрация округа',
          'Семенова Елена Викторовна',
          'Заместитель главы администрации',
          'Саботырев Денис Анатольевич',
        ]),
      );
    }
    expect(JSON.stringify(values)).not.toMatch(/@(?![\w.-]*example\.ru)/);
  });

  it('gives every row the state it was designed for', () => {
    const report = sampleReport();
    expect(Object.fromEntries(report.rows.map((row) => [row.row, row.state]))).toEqual(STATES_BEFORE_SEND);
  });

  it('has the designed counts of problems and events', () => {
    const report = sampleReport();
    const counts = reportCounts(report);
    expect(counts).toEqual({
      rows: SAMPLE_DESIGN.rows,
      rowsWithErrors: SAMPLE_DESIGN.rowsWithErrors,
      errors: SAMPLE_DESIGN.errors,
      warnings: SAMPLE_DESIGN.warnings,
      pendingEvents: SAMPLE_DESIGN.pendingEvents,
      overdueEvents: SAMPLE_DESIGN.overdueEvents,
      byState: countStates(STATES_BEFORE_SEND),
    });
    expect(report.rows.flatMap((row) => row.events)).toHaveLength(SAMPLE_DESIGN.events);
    expect(report.summary.recipients).toEqual(SAMPLE_DESIGN.recipients);
  });

  it('names the column of each mistake', () => {
    const report = sampleReport();
    const problems = Object.fromEntries(
      report.rows
        .filter((row) => row.problems.length > 0)
        .map((row) => [row.row, row.problems.map((problem) => `${problem.severity}: ${problem.column}`)]),
    );
    expect(problems).toEqual({
      3: ['warning: Дата создания'], // 2019: official pages exist since 01.12.2022 (270-ФЗ)
      19: ['error: Ссылка на страницу'],
      21: ['error: Дата создания'],
      22: ['error: Дата удаления'],
      23: ['error: Ответственный (ФИО)'],
      26: ['error: ОГРН'],
      27: ['warning: Должность ответственного'],
      28: ['warning: Идентификация в ЕСИА'],
      30: ['error: Ссылка на страницу'],
      31: ['error: E-mail ответственного'],
      40: ['warning: Ссылка на страницу'],
      41: ['error: Ссылка на страницу'],
      43: ['error: Ссылка на страницу'],
      44: ['error: Основание освобождения (п. 4)', 'warning: Основание освобождения (п. 4)'],
      45: ['warning: Основание освобождения (п. 4)'],
      46: ['warning: Основание освобождения (п. 4)'],
      47: ['warning: Должность ответственного'],
      48: ['error: ОГРН', 'error: ИНН'],
      49: ['warning: Госметка', 'warning: Подключено к «Госпабликам»'],
    });
    expect(report.summary.excludedRows).toEqual(SAMPLE_DESIGN.excludedRows);
  });
});
