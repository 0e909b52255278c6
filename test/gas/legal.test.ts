/**
 * Issue 10 through the built bundle: what the check, «Состояние», the ЦУР preview and letter, the site
 * list and «Настройки» say is defensible under decree No. 1199 (see test/domain/legal.test.ts for each
 * rule in the domain).
 */
import type { Runtime } from '../../dev/runtime';
import { checkDialogRows } from './registerHarness';
import {
  COORDINATOR,
  createRegisterRuntime,
  pageRow,
  registerRows,
  scriptRunAs,
  type RowSpec,
} from './registerRuntime';

const TODAY = '2026-12-07'; // Monday

const ROWS: RowSpec[] = [
  // Deleted «before» it was created: an error in a stated column — the case of the issue.
  pageRow('ERR', {
    organization: 'Управление архитектуры',
    createdOn: '2026-06-10',
    deletedOn: '2026-05-20',
    deptReportedCreation: '2026-06-11',
    tsurReportedCreation: '2026-06-15',
  }),
  // Created in 2019, never reported: before the decree came into force.
  pageRow('OLD', { organization: 'Отдел ЗАГС', createdOn: '2019-05-14', ogrn: '1022600000004', inn: '7707083893' }),
  // Created 20.11 (Fri): the department's deadline 24.11, told 25.11; ЦУР's 25.11 — late by the department.
  pageRow('LATE', { organization: 'Отдел спорта', createdOn: '2026-11-20', deptReportedCreation: '2026-11-25' }),
  // A post instead of a page; a profile; the same OK group written two ways.
  pageRow('POST', { link: 'https://vk.com/wall-1_2', createdOn: '2026-12-01', deptReportedCreation: '2026-12-01' }),
  pageRow('ID', { link: 'https://vk.com/id5551234', createdOn: '2024-01-10', tsurReportedCreation: '2024-01-11' }),
  pageRow('G1', {
    network: 'Одноклассники',
    link: 'https://ok.ru/group53038939046008',
    createdOn: '2024-01-10',
    tsurReportedCreation: '2024-01-11',
  }),
  pageRow('G2', {
    network: 'Одноклассники',
    link: 'https://ok.ru/dk?st.cmd=altGroupMain&st.groupId=53038939046008',
    createdOn: '2024-01-10',
    tsurReportedCreation: '2024-01-11',
  }),
  // Both writings of the п. 2.1 page in one cell.
  pageRow('ADM', {
    organization: 'Администрация округа',
    orgKind: 'Администрация округа',
    responsiblePosition: 'Заместитель главы администрации',
    link: 'https://vk.com/public197204238; (https://vk.com/shpakray)',
    createdOn: '2023-09-04',
    tsurReportedCreation: '2023-09-07',
  }),
  pageRow('ADM2', {
    organization: 'Администрация округа',
    orgKind: 'Администрация округа',
    responsiblePosition: 'Заместитель главы администрации',
    link: 'https://vk.com/shpakray',
    createdOn: '2023-09-04',
    tsurReportedCreation: '2023-09-07',
  }),
  // The administration cannot be exempt; a school's «заведующий хозяйством»; a ГРН; no Госметка.
  { id: 'EX', organization: 'Администрация округа', orgKind: 'Администрация округа', exemptionBasis: 'не нужно' },
  pageRow('ZAVHOZ', {
    orgKind: 'Подведомственная организация',
    responsiblePosition: 'Заведующий хозяйством',
    createdOn: '2024-01-10',
    tsurReportedCreation: '2024-01-11',
    ogrn: '2202600123458',
    govMark: false,
  }),
];

function run(): { rt: Runtime; html: string; letter: string; preview: string } {
  const rt = createRegisterRuntime({
    today: TODAY,
    rows: ROWS,
    settings: { signatureName: 'Саботырев Денис Анатольевич', signaturePhone: '8 (86553) 6-00-00' },
  });
  rt.menu('menuCheckRegister');
  const html = rt.ui.panels.at(-1)?.html ?? '';
  rt.menu('menuTsurSummary');
  const preview = rt.ui.panels.at(-1)?.html ?? '';
  const draft = scriptRunAs(rt, COORDINATOR, 'summaryLetter') as { ok: boolean; message?: { body: string } } | null;
  return { rt, html, preview, letter: draft?.message?.body ?? '' };
}

describe('the legal rules through the bundle', () => {
  const { rt, html, preview } = run();
  const state = (id: string): unknown => registerRows(rt).find((row) => row['ID'] === id)?.['Состояние'];

  it('«Состояние» keeps whose delay apart and knows the events before the decree', () => {
    expect(state('LATE')).toBe('Просрочено: ЦУР (отдел сообщил поздно)');
    expect(state('OLD')).toBe('Создана до вступления в силу');
    expect(state('ERR')).toBe('Ошибки заполнения');
  });

  it('the check names each finding in its cell', () => {
    const rows = checkDialogRows(html)
      .map((row) => row.text)
      .join('\n');
    expect(rows).toMatch(/Ссылка на страницу \| Ошибка: [^\n]*запись на стене/);
    expect(rows).toMatch(/Ссылка на страницу \| Внимание: [^\n]*личная страница/);
    expect(rows).toMatch(/Ссылка на страницу \| Ошибка: [^\n]*уже внесена в строке 7/);
    expect(rows).toMatch(/Ссылка на страницу \| Ошибка: [^\n]*уже внесена в строке 9/);
    expect(rows).toMatch(/Основание освобождения \(п\. 4\) \| Ошибка: [^\n]*8-ФЗ/);
    expect(rows).toMatch(/Должность ответственного \| Внимание: [^\n]*частью организации/);
    expect(rows).toMatch(/ОГРН \| Ошибка: [^\n]*ГРН/);
    expect(rows).toMatch(/Госметка \| Внимание/);
  });

  it('the preview leaves out the rows in error, naming the cell to fix, and shows the letter', () => {
    expect(preview).toMatch(
      /Строка 2 не входит в сводку, пока её не исправят \(исправьте Реестр![A-Z]+2\)[^\n]*раньше даты создания/,
    );
    expect(preview).toMatch(/Строка 5 не входит в сводку[^\n]*запись на стене/);
    expect(preview).not.toMatch(/Управление архитектуры[^\n]*ПРОСРОЧЕНО/);
    expect(preview).toContain('ПРОСРОЧЕНО');
    expect(preview).toContain('сведения поступили 25.11.2026, срок подразделения — 24.11.2026');
    expect(preview).toContain('СОБЫТИЯ ДО ВСТУПЛЕНИЯ В СИЛУ ПОСТАНОВЛЕНИЯ № 1199 (30.08.2023)');
    expect(preview).toContain('ОГРН 1022600000004, ИНН 7707083893');
    expect(preview).toContain('Саботырев Денис Анатольевич');
    expect(preview).toContain('тел. 8 (86553) 6-00-00');
  });

  it('after the send the event before the decree is reported once and never late; the row in error is not stamped', () => {
    const token = /data-token="([^"]*)"/.exec(preview)?.[1]?.replace(/&quot;/g, '"') ?? '';
    expect(JSON.parse(token)).toEqual(['LATE:creation', 'OLD:creation']);
    expect(scriptRunAs(rt, COORDINATOR, 'summarySend', token)).toMatchObject({ status: 'sent' });
    rt.menu('menuCheckRegister');
    expect(state('OLD')).toBe('Сообщено');
    expect(state('LATE')).toBe('Сообщено с опозданием (отдел сообщил поздно)');
    const err = registerRows(rt).find((row) => row['ID'] === 'ERR');
    expect(err?.['Сообщено в ЦУР (удаление)']).toBe('');
  });
});

describe('a year with no calendar list, through the bundle', () => {
  it('moves the day off of 04.11.2028 (a Saturday) to Monday 06.11 (ТК РФ ст. 112 ч. 2) in «Срок»', () => {
    // Created Friday 03.11.2028: 06.11 is off, so the department's deadline is 08.11 (07.11, 08.11).
    const rt = createRegisterRuntime({ today: '2028-11-03', rows: [pageRow('Y', { createdOn: '2028-11-03' })] });
    rt.menu('menuCheckRegister');
    expect(registerRows(rt)[0]?.['Срок']).toBe('2028-11-08');
  });
});
