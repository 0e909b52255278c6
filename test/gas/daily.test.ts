/**
 * The daily check end to end in the offline runtime: the menu items that turn it on and off, and the
 * time-driven run on working days, weekends and transferred days off.
 */
import { splitCalls } from '../../bench/costModel';
import type { Runtime } from '../../dev/runtime';
import { lastDialogText } from './registerHarness';
import { COLUMNS } from '../../src/domain/columns';
import {
  CLERK,
  COORDINATOR,
  COORDINATOR_2,
  OWNER,
  TSUR,
  createRegisterRuntime,
  journalRows,
  moscowTime,
  pageRow,
  registerRows,
  scriptRunAs,
  sheetValues,
  type RowSpec,
  type RuntimeSetup,
} from './registerRuntime';

interface Trigger {
  id: string;
  handler: string;
  owner: string;
  schedule: { atHour?: number; everyDays?: number; timeZone?: string };
}

const scriptApp = (rt: Runtime) => rt.services.ScriptApp as unknown as { triggers: Trigger[] };
const mailApp = (rt: Runtime) =>
  rt.services.MailApp as unknown as { remaining: number; failNext(message?: string): void };
const dailyTriggers = (rt: Runtime) => scriptApp(rt).triggers.filter((trigger) => trigger.handler === 'dailyCheck');

function menuCaptions(rt: Runtime): string[] {
  const menu = rt.ui.menus.filter((recorded) => recorded.caption === 'Реестр страниц').at(-1);
  return (menu?.items ?? []).flatMap((item) => (typeof item === 'object' && 'handler' in item ? [item.caption] : []));
}

/** Rows around Tuesday 20.01.2026: P1 overdue (dept 14.01, ЦУР 15.01), P2 due today to ЦУР, P3 nothing open. */
const ROWS: RowSpec[] = [
  pageRow('P1', { organization: 'A & B', createdOn: '2026-01-12', responsibleEmail: 'ivanov@shpakovsky.example.ru' }),
  pageRow('P2', {
    createdOn: '2026-01-15',
    deptReportedCreation: '2026-01-15',
    responsibleEmail: 'petrov@shpakovsky.example.ru',
  }),
  pageRow('P3', {
    createdOn: '2025-12-01',
    deptReportedCreation: '2025-12-01',
    tsurReportedCreation: '2025-12-02',
    responsibleEmail: 'sidorov@shpakovsky.example.ru',
  }),
];

function runtime(setup: Partial<RuntimeSetup> = {}): Runtime {
  return createRegisterRuntime({ today: '2026-01-20', rows: ROWS, ...setup });
}

/** What the person reads: the dialog of several lines, or the one-line alert (a refusal). */
function turnOn(rt: Runtime, user = COORDINATOR): string {
  const alerts = rt.ui.alerts.length;
  rt.menu('menuDailyCheckOn', user);
  return rt.ui.alerts.length > alerts ? (rt.ui.alerts.at(-1)?.prompt ?? '') : lastDialogText(rt, 'Ежедневная проверка');
}

describe('turning the daily check on and off', () => {
  it('installs one trigger at the hour from «Настройки», Moscow time, however often it is turned on', () => {
    const rt = runtime({ settings: { dailyCheckHour: 8 } });
    expect(turnOn(rt)).toMatch(/включена: каждый рабочий день в 08:00 по московскому времени/);
    turnOn(rt);
    expect(dailyTriggers(rt)).toHaveLength(1);
    expect(dailyTriggers(rt)[0]).toMatchObject({
      owner: COORDINATOR,
      schedule: { atHour: 8, everyDays: 1, timeZone: 'Europe/Moscow' },
    });
  });

  it('shows in the menu whether it is on and at what hour, also after reopening (onOpen reads properties only)', () => {
    const rt = runtime({ settings: { dailyCheckHour: 7 } });
    rt.simulateOpen(COORDINATOR);
    expect(menuCaptions(rt)).toContain('Ежедневная проверка: выключена — включить');
    turnOn(rt);
    expect(menuCaptions(rt)).toContain('Ежедневная проверка: включена, 07:00 МСК — обновить');
    rt.simulateOpen(CLERK);
    expect(menuCaptions(rt)).toContain('Ежедневная проверка: включена, 07:00 МСК — обновить');
    rt.menu('menuDailyCheckOff', COORDINATOR);
    expect(rt.ui.alerts.at(-1)?.prompt).toBe('Ежедневная проверка выключена.');
    expect(dailyTriggers(rt)).toHaveLength(0);
    rt.simulateOpen(COORDINATOR);
    expect(menuCaptions(rt)).toContain('Ежедневная проверка: выключена — включить');
  });

  it('refuses a person who is not a coordinator', () => {
    const rt = runtime();
    expect(turnOn(rt, CLERK)).toMatch(/выполняет координатор реестра/);
    rt.menu('menuDailyCheckOff', CLERK);
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/выполняет координатор реестра/);
    expect(dailyTriggers(rt)).toHaveLength(0);
  });

  it('keeps one check when a second coordinator turns it on: the first one’s trigger removes itself', () => {
    const rt = runtime();
    turnOn(rt, COORDINATOR);
    turnOn(rt, COORDINATOR_2);
    expect(dailyTriggers(rt).map((trigger) => trigger.owner)).toEqual([COORDINATOR, COORDINATOR_2]);
    // The runtime fires the first trigger it finds: the stale one.
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'stale' });
    expect(dailyTriggers(rt).map((trigger) => trigger.owner)).toEqual([COORDINATOR_2]);
    expect(rt.mail).toHaveLength(0);
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done' });
  });

  it('a leftover trigger knows it from the run’s one read of the properties, and stays silent when the register is busy', () => {
    const rt = runtime();
    turnOn(rt, COORDINATOR);
    turnOn(rt, COORDINATOR_2);
    const lock = rt.services.LockService as unknown as { holdElsewhere(): void; releaseElsewhere(): void };
    lock.holdElsewhere();
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'stale' });
    expect(rt.mail).toHaveLength(0);
    expect(journalRows(rt).filter((row) => /Ошибка/.test(String(row[3])))).toEqual([]);
    lock.releaseElsewhere();
    turnOn(rt, COORDINATOR);
    const { result, calls } = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
    expect(result).toMatchObject({ status: 'stale' });
    expect(calls.byMethod['Properties.getProperties']).toBe(1);
    expect(calls.byMethod['Properties.getProperty']).toBeUndefined();
    expect(calls.byMethod['Range.getValues']).toBeUndefined();
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done' });
  });
});

describe('the daily run', () => {
  it('on an ordinary working day with the context cached: nine server calls besides the letters (no trigger listing)', () => {
    const rt = runtime();
    rt.menu('menuSetup', OWNER);
    turnOn(rt);
    rt.fireTimeDriven('dailyCheck'); // the first run refreshes the highlighting
    rt.setNow(moscowTime('2026-01-21'));
    rt.menu('menuCheckRegister'); // the register used that day: the context cache is current
    const { result, calls } = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
    expect(result).toMatchObject({ status: 'done', failures: [] });
    const { serverByMethod } = splitCalls(calls);
    delete serverByMethod['MailApp.sendEmail'];
    // Lock, properties read and write (the trigger told current from its recorded state), cache, the
    // register's values and formulas, the mail quota, «Журнал»'s last row and its rows (no «Срок» or
    // «Состояние» changed).
    expect(serverByMethod).toEqual({
      'Cache.getAll': 1,
      'Lock.tryLock': 1,
      'MailApp.getRemainingDailyQuota': 1,
      'Properties.getProperties': 1,
      'Properties.setProperties': 1,
      'Range.getFormulas': 1,
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getLastRow': 1,
    });
  });

  it('the recorded trigger’s ID passed by anyone but its owner is listed against their triggers and refused', () => {
    const rt = runtime();
    turnOn(rt, COORDINATOR);
    const id = dailyTriggers(rt)[0]?.id;
    expect(id).toBeDefined();
    for (const user of [COORDINATOR_2, CLERK, '']) {
      const { result, calls } = rt.measure(() =>
        rt.runAs({ kind: 'sidebar', user }, () =>
          (rt.bundle.dailyCheck as (event: unknown) => unknown)({ triggerUid: id }),
        ),
      );
      expect(result).toMatchObject({ status: 'refused' });
      expect(calls.byMethod['ScriptApp.getProjectTriggers']).toBe(1);
    }
    expect(rt.mail).toHaveLength(0);
    expect(dailyTriggers(rt)).toHaveLength(1);
  });

  it('on a working day: Срок and Состояние of all rows in one write, the coordinators’ digest, each responsible person’s own', () => {
    const rt = runtime();
    turnOn(rt);
    rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!.getRange('S2:T4').clearContent());
    const { result, calls } = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
    expect(result).toMatchObject({ status: 'done', today: '2026-01-20', failures: [] });
    expect(registerRows(rt).map((row) => [row['Срок'], row['Состояние']])).toEqual([
      ['2026-01-14', 'Просрочено: отдел'],
      ['2026-01-20', 'Срок сегодня'],
      ['', 'Сообщено'],
    ]);
    // One write of Срок/Состояние (adjacent columns), the journal's header (first use) and its rows.
    expect(calls.byMethod['Range.setValues']).toBe(3);
    expect(rt.mail.map((mail) => mail.to)).toEqual([`${COORDINATOR},${COORDINATOR_2}`, 'ivanov@shpakovsky.example.ru']);
    const [digest, reminder] = rt.mail;
    expect(digest!.subject).toBe('Реестр страниц на 20.01.2026: просрочено — 1, срок сегодня — 1');
    expect(digest!.htmlBody).toContain('A &amp; B');
    expect(digest!.body).toContain('Ожидают сводки в ЦУР: 2');
    expect(reminder!.subject).toMatch(/^Реестр официальных страниц: требуется ваше внимание \(1\)/);
    expect(reminder!.body).toContain(
      'Создание 12.01.2026: сообщить в отдел массовых коммуникаций до 14.01.2026 — срок прошёл',
    );
    expect(reminder!.body).not.toContain('Организация P2');
    const journal = journalRows(rt);
    expect(journal.find((row) => row[2] === 'Ежедневная проверка')![3]).toContain(
      `Письмо координатору (${COORDINATOR},${COORDINATOR_2})`,
    );
    expect(journal.find((row) => row[2] === 'Напоминания ответственным')![3]).toBe(
      'Отправлено: 1 (ivanov@shpakovsky.example.ru).',
    );
  });

  it('sends responsible persons nothing when «Напоминать ответственным» is «нет»', () => {
    const rt = runtime({ settings: { remindResponsible: false } });
    turnOn(rt);
    rt.fireTimeDriven('dailyCheck');
    expect(rt.mail.map((mail) => mail.to)).toEqual([`${COORDINATOR},${COORDINATOR_2}`]);
  });

  it.each([
    ['a Saturday', '2026-01-24', []],
    ['09.01.2026, a weekday made a day off by decree No. 1466', '2026-01-09', []],
    [
      'a day the coordinator marked off in the calendar sheet',
      '2026-01-20',
      [['2026-01-20', 'Нерабочий', 'Распоряжение главы']],
    ],
  ] as const)('does nothing at all on %s', (_name, today, calendar) => {
    const rt = createRegisterRuntime({
      today,
      rows: ROWS,
      calendar: calendar.map(([date, kind, basis]) => [date, kind, basis] as [string, string, string]),
    });
    turnOn(rt);
    const before = sheetValues(rt, 'Реестр');
    const journalBefore = journalRows(rt).length;
    const { result, calls } = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
    expect(result).toMatchObject({ status: 'nonWorkingDay', today });
    expect(rt.mail).toHaveLength(0);
    expect(sheetValues(rt, 'Реестр')).toEqual(before);
    expect(journalRows(rt)).toHaveLength(journalBefore);
    expect(calls.byMethod['Range.setValues']).toBeUndefined();
  });

  it('runs when started by hand (no trigger ID), as `npm start` does', () => {
    const rt = runtime();
    expect(rt.fireTimeDriven('dailyCheck', { requireTrigger: false })).toMatchObject({ status: 'done' });
    expect(rt.mail.length).toBeGreaterThan(0);
  });

  it('runs once a day: a second firing the same day sends nothing', () => {
    const rt = runtime();
    turnOn(rt);
    rt.fireTimeDriven('dailyCheck');
    const sent = rt.mail.length;
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'alreadyRan' });
    expect(rt.mail).toHaveLength(sent);
    rt.setNow(moscowTime('2026-01-21'));
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done', today: '2026-01-21' });
  });

  it('respects the mail quota: the coordinators’ digest and a failure letter reserved, the rest waits for tomorrow', () => {
    // Two ЦУР recipients, two coordinators for their digest and two for a failure letter are reserved of seven;
    // P1's and P2's responsible persons are both due a reminder once P2's department report is taken back,
    // so one of them must wait for tomorrow, and goes first then.
    const rt = runtime({ mailQuota: 7 });
    rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!.getRange('N3').clearContent());
    turnOn(rt);
    rt.fireTimeDriven('dailyCheck');
    expect(rt.mail[0]!.to).toBe(`${COORDINATOR},${COORDINATOR_2}`);
    expect(rt.mail[0]!.body).toContain('Напоминаний не отправлено сегодня');
    expect(rt.mail).toHaveLength(2);
    const waiting =
      rt.mail[1]!.to === 'ivanov@shpakovsky.example.ru'
        ? 'petrov@shpakovsky.example.ru'
        : 'ivanov@shpakovsky.example.ru';
    expect(rt.mail[0]!.body).toContain(waiting);
    const reminders = journalRows(rt).find((row) => row[2] === 'Напоминания ответственным')![3];
    expect(reminders).toMatch(/^Отправлено: 1 \(.*\)\. Перенесено на следующий рабочий день .*: 1 \(/);
    mailApp(rt).remaining = 7;
    rt.setNow(moscowTime('2026-01-21'));
    rt.fireTimeDriven('dailyCheck');
    expect(rt.mail[3]!.to).toBe(waiting);
  });

  it('with no quota for the coordinators: journals the failure and mails nothing', () => {
    const rt = runtime({ mailQuota: 1 });
    turnOn(rt);
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'failed' });
    expect(rt.mail.map((mail) => mail.to)).toEqual([]);
    expect(journalRows(rt).find((row) => row[2] === 'Напоминания ответственным')![3]).toMatch(/^Не отправлялись/);
    expect(journalRows(rt).at(-1)![3]).toMatch(
      /^Ошибка: письмо координатору не отправлено: Дневного лимита писем Google не хватает: сегодня письма можно отправить ещё 1 получателю, а в этом письме их 2\./,
    );
  });

  it('when MailApp refuses the coordinators’ digest: journaled, and the coordinators are told once', () => {
    const rt = runtime({ settings: { remindResponsible: false } });
    turnOn(rt);
    mailApp(rt).failNext('Service unavailable: Mail');
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'failed' });
    expect(journalRows(rt).at(-1)![3]).toBe('Ошибка: письмо координатору не отправлено: Service unavailable: Mail');
    expect(rt.mail.map((mail) => mail.subject)).toEqual([
      'Реестр страниц: ежедневная проверка не выполнена — 20.01.2026',
    ]);
  });

  it('sends the ЦУР summary by itself when «Настройки» says so, and tells the coordinators', () => {
    const rt = runtime({ settings: { sendSummaryAutomatically: true, remindResponsible: false } });
    turnOn(rt);
    rt.fireTimeDriven('dailyCheck');
    expect(rt.mail.map((mail) => mail.to)).toEqual([TSUR.join(','), `${COORDINATOR},${COORDINATOR_2}`]);
    expect(rt.mail[1]!.body).toMatch(/^Сводка в ЦУР отправлена автоматически\. Сводка отправлена/);
    expect(rt.mail[1]!.body).toContain('Неотправленных в ЦУР событий нет.');
    expect(registerRows(rt).map((row) => row['Сообщено в ЦУР (создание)'])).toEqual([
      '2026-01-20',
      '2026-01-20',
      '2025-12-02',
    ]);
    const summaryEntry = journalRows(rt).find((row) => row[2] === 'Сводка в ЦУР')!;
    expect(summaryEntry[1]).toBe('автоматически');
    expect(summaryEntry[3]).toContain('ID событий: P1 (создание), P2 (создание)');
  });

  it('mails a failure to the coordinators every working day it lasts, journals it, and notes the recovery', () => {
    const rt = runtime();
    turnOn(rt);
    rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!.setName('Старый реестр'));
    rt.quietly(() => rt.spreadsheet.getSheetByName('Старый реестр')!.getRange('A1:Z1').clearContent());
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'failed' });
    rt.setNow(moscowTime('2026-01-21'));
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'failed' });
    expect(rt.mail.map((mail) => mail.subject)).toEqual([
      'Реестр страниц: ежедневная проверка не выполнена — 20.01.2026',
      'Реестр страниц: ежедневная проверка не выполнена — 21.01.2026',
    ]);
    expect(rt.mail[0]).toMatchObject({ to: `${COORDINATOR},${COORDINATOR_2}` });
    expect(rt.mail[0]!.subject).toBe('Реестр страниц: ежедневная проверка не выполнена — 20.01.2026');
    expect(rt.mail[0]!.body).toContain('лист реестра не найден');
    const errors = journalRows(rt).filter((row) => row[3]!.startsWith('Ошибка'));
    expect(errors).toHaveLength(2);
    // Fixed: the next run works and says so.
    rt.quietly(() => rt.spreadsheet.getSheetByName('Старый реестр')!.setName('Реестр'));
    rt.quietly(() => {
      const sheet = rt.spreadsheet.getSheetByName('Реестр')!;
      const header = COLUMNS.map((column) => column.header);
      sheet.getRange(1, 1, 1, header.length).setValues([header]);
    });
    rt.setNow(moscowTime('2026-01-22'));
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done' });
    expect(journalRows(rt).at(-1)![3]).toBe('Проверка снова выполнена без ошибок.');
  });
});

describe('who may run it, and what it reads when', () => {
  it('started by hand (no trigger ID) by someone who is not a coordinator: refused in Russian, nothing sent or written', () => {
    const rt = runtime({ settings: { sendSummaryAutomatically: true } });
    const before = sheetValues(rt, 'Реестр');
    for (const run of [
      () => scriptRunAs(rt, CLERK, 'dailyCheck'),
      () => rt.runAs({ kind: 'editor', user: CLERK }, () => rt.bundle.dailyCheck!()),
    ]) {
      const result = run() as { status: string; failures: string[] };
      expect(result.status).toBe('refused');
      expect(result.failures[0]).toMatch(
        /^Ежедневная проверка не запущена: вручную её запускает только координатор реестра\. Это действие выполняет координатор/,
      );
    }
    expect(rt.mail).toHaveLength(0);
    expect(sheetValues(rt, 'Реестр')).toEqual(before);
    // A coordinator may.
    expect(rt.runAs({ kind: 'editor', user: COORDINATOR_2 }, () => rt.bundle.dailyCheck!())).toMatchObject({
      status: 'done',
    });
    expect(rt.mail.map((mail) => mail.to)[0]).toBe(TSUR.join(','));
  });

  it('reads the register, «Настройки» and the calendar only once it holds the script lock', () => {
    const rt = runtime();
    turnOn(rt);
    rt.calls.reset();
    rt.fireTimeDriven('dailyCheck');
    const log = rt.calls.log();
    const locked = log.indexOf('Lock.tryLock');
    expect(locked).toBeGreaterThan(-1);
    const before = log.slice(0, locked);
    for (const read of ['Range.getValues', 'Sheet.getLastRow', 'Sheet.getDataRange', 'Spreadsheet.getSheetByName']) {
      expect(before).not.toContain(read);
    }
  });
});

describe('the highlighting of near deadlines', () => {
  const refreshed = (rt: Runtime) =>
    journalRows(rt).filter((row) => row[3] === 'Подсветка близких сроков обновлена по производственному календарю.');

  it('is refreshed when the calendar changed and on the first working day of a month, and left alone otherwise', () => {
    const rt = runtime({ settings: { remindResponsible: false } });
    turnOn(rt);
    rt.fireTimeDriven('dailyCheck'); // never applied before: written
    expect(refreshed(rt)).toHaveLength(1);

    rt.setNow(moscowTime('2026-01-21'));
    const quiet = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
    expect(quiet.calls.byMethod['Sheet.getConditionalFormatRules']).toBeUndefined();
    expect(refreshed(rt)).toHaveLength(1);

    // The coordinator marks Monday 26.01 a day off in the calendar sheet: the formula must know it.
    rt.quietly(() => {
      const rows = [
        ['Дата', 'Вид дня', 'Основание'],
        [moscowTime('2026-01-26', '00:00'), 'Нерабочий', 'Распоряжение главы'],
      ];
      rt.spreadsheet.insertSheet('Производственный календарь').getRange(1, 1, 2, 3).setValues(rows);
    });
    rt.setNow(moscowTime('2026-01-22'));
    const changed = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
    expect(changed.calls.byMethod['Sheet.setConditionalFormatRules']).toBe(1);
    expect(refreshed(rt)).toHaveLength(2);

    // Monday 02.02.2026, the first working day of February: looked at, nothing to change.
    rt.setNow(moscowTime('2026-02-02'));
    const monthly = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
    expect(monthly.calls.byMethod['Sheet.getConditionalFormatRules']).toBe(1);
    expect(monthly.calls.byMethod['Sheet.setConditionalFormatRules']).toBeUndefined();
    expect(refreshed(rt)).toHaveLength(2);
  });
});

describe('when «Журнал» cannot be written', () => {
  it('the failure letter to the coordinators says so (every day), and the letters of the day still go', () => {
    const rt = runtime({ settings: { remindResponsible: false } });
    turnOn(rt);
    // «Журнал» protected for the owner alone: the coordinator the trigger runs as may not write it.
    rt.quietly(() =>
      rt.runAs({ kind: 'editor', user: OWNER }, () => {
        const protection = rt.spreadsheet.insertSheet('Журнал').protect();
        protection.removeEditors([COORDINATOR, COORDINATOR_2, CLERK]);
      }),
    );
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'failed' });
    const subjects = rt.mail.map((mail) => mail.subject);
    expect(subjects[0]).toBe('Реестр страниц на 20.01.2026: просрочено — 1, срок сегодня — 1');
    expect(subjects[1]).toBe('Реестр страниц: ежедневная проверка не выполнена — 20.01.2026');
    expect(rt.mail[1]!.body).toContain('Запись в «Журнал» не сделана');
    expect(rt.mail[1]!.body).toContain('«Реестр страниц → Настроить реестр»');
    rt.setNow(moscowTime('2026-01-21'));
    rt.fireTimeDriven('dailyCheck');
    expect(rt.mail.filter((mail) => /не выполнена/.test(mail.subject))).toHaveLength(2);
  });
});

describe('reminders about warnings', () => {
  it('go once a week, on its first working day; deadlines and errors every working day', () => {
    const warned = pageRow('P4', {
      createdOn: '2025-12-01',
      deptReportedCreation: '2025-12-01',
      tsurReportedCreation: '2025-12-02',
      esiaVerified: false,
      responsibleEmail: 'kozlov@shpakovsky.example.ru',
    });
    const rt = runtime({ rows: [...ROWS, warned] });
    turnOn(rt);
    rt.fireTimeDriven('dailyCheck'); // Tuesday 20.01
    expect(rt.mail.map((mail) => mail.to)).not.toContain('kozlov@shpakovsky.example.ru');
    expect(rt.mail.map((mail) => mail.to)).toContain('ivanov@shpakovsky.example.ru');
    rt.setNow(moscowTime('2026-01-26')); // Monday
    rt.fireTimeDriven('dailyCheck');
    const monday = rt.mail.filter((mail) => mail.to === 'kozlov@shpakovsky.example.ru');
    expect(monday).toHaveLength(1);
    expect(monday[0]!.body).toMatch(/Предупреждение: .*ЕСИА/);
  });
});
