/**
 * Faults in the middle of operations, on the built bundle in the offline runtime: MailApp failing after
 * the script lock was taken, the lock held elsewhere, a service error in the middle of a batch write,
 * the mail quota running out in the middle of the daily digests. After each, the register and «Журнал»
 * agree: every event stamped «Сообщено в ЦУР» today went out in exactly one letter that the journal
 * records, no event went out twice, the lock is free again, and what people wrote is untouched.
 */
import { unwrap } from '../../dev/fakes/fakeObject';
import type { FakeLockService } from '../../dev/fakes/lock';
import type { FakeMailApp } from '../../dev/fakes/mail';
import { QUOTA_MESSAGE } from '../../dev/fakes/mail';
import type { Runtime } from '../../dev/runtime';
import { COLUMNS } from '../../src/domain/columns';
import { emptyInput } from '../../src/ui/form/model';
import {
  COORDINATOR,
  TSUR,
  createRegisterRuntime,
  journalRows,
  pageRow,
  registerRows,
  scriptRunAs,
  type RowSpec,
  type RuntimeSetup,
} from '../gas/registerRuntime';

const TODAY = '2026-01-20'; // Tuesday
const SERVICE_ERROR = 'Service Spreadsheets failed while accessing document with id 1FakeSpreadsheetId.';

/** P1 overdue to both (12.01), P2 due to ЦУР (19.01), P3 reported, P4 deletion pending; four people. */
const ROWS: RowSpec[] = [
  pageRow('P1', { createdOn: '2026-01-12', responsibleEmail: 'p1@shpakovsky.example.ru' }),
  pageRow('P2', {
    createdOn: '2026-01-19',
    deptReportedCreation: '2026-01-19',
    responsibleEmail: 'p2@shpakovsky.example.ru',
  }),
  pageRow('P3', {
    createdOn: '2025-12-01',
    deptReportedCreation: '2025-12-01',
    tsurReportedCreation: '2025-12-02',
    responsibleEmail: 'p3@shpakovsky.example.ru',
  }),
  pageRow('P4', {
    createdOn: '2025-11-03',
    deletedOn: '2026-01-16',
    deptReportedCreation: '2025-11-03',
    tsurReportedCreation: '2025-11-05',
    responsibleEmail: 'p4@shpakovsky.example.ru',
  }),
  pageRow('P5', { createdOn: '2026-01-13', responsibleEmail: 'p5@shpakovsky.example.ru' }),
];
const PENDING = ['P1:creation', 'P2:creation', 'P4:deletion', 'P5:creation'];

const INPUT_HEADERS = COLUMNS.filter((column) => column.role === 'input').map((column) => column.header);
const TSUR_STAMPS = { creation: 'Сообщено в ЦУР (создание)', deletion: 'Сообщено в ЦУР (удаление)' } as const;

function runtime(setup: Partial<RuntimeSetup> = {}): Runtime {
  return createRegisterRuntime({ today: TODAY, rows: ROWS, ...setup });
}

const mailApp = (rt: Runtime) => unwrap(rt.services.MailApp) as unknown as FakeMailApp;
const locks = (rt: Runtime) => unwrap(rt.services.LockService) as unknown as FakeLockService;

/** What people wrote: the input columns of every row. */
function userCells(rt: Runtime): unknown[] {
  return registerRows(rt).map((row) => INPUT_HEADERS.map((header) => row[header]));
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function previewToken(rt: Runtime): string {
  const before = rt.ui.panels.length;
  rt.menu('menuTsurSummary', COORDINATOR);
  const panel = rt.ui.panels[before];
  if (!panel) throw new Error(`no preview: ${rt.ui.alerts.at(-1)?.prompt ?? ''}`);
  return decodeAttribute(/data-token="([^"]*)"/.exec(panel.html)?.[1] ?? '');
}

function send(rt: Runtime, token: string): { status: string; message: string; eventIds: string[] } {
  return scriptRunAs(rt, COORDINATOR, 'summarySend', token) as { status: string; message: string; eventIds: string[] };
}

/** Events the journal says went to ЦУР, letter by letter. */
function journaledLetters(rt: Runtime): string[][] {
  return journalRows(rt)
    .filter((row) => row[2] === 'Сводка в ЦУР' && /^Отправлена/.test(row[3] ?? ''))
    .map((row) => {
      const ids = /ID событий: ([^.]*)\./.exec(row[3] ?? '')?.[1] ?? '';
      return ids.split(', ').map((entry) => {
        const [id, kind] = entry.split(' ');
        return `${id}:${kind === '(удаление)' ? 'deletion' : 'creation'}`;
      });
    });
}

/** Events stamped «Сообщено в ЦУР» today (by the add-on; the fixture's own stamps are older). */
function stampedToday(rt: Runtime): string[] {
  return registerRows(rt).flatMap((row) =>
    (['creation', 'deletion'] as const)
      .filter((kind) => row[TSUR_STAMPS[kind]] === TODAY)
      .map((kind) => `${String(row['ID'])}:${kind}`),
  );
}

const tsurLetters = (rt: Runtime) => rt.mail.filter((mail) => mail.to === TSUR.join(','));

/**
 * The invariant: letters to ЦУР = journaled letters; no event in two letters; every event stamped today
 * was in a letter. Returns the events reported and the events sent but not stamped (the journal names
 * them for the coordinator).
 */
function expectConsistent(rt: Runtime): { reported: string[]; unstamped: string[] } {
  const letters = journaledLetters(rt);
  expect(tsurLetters(rt)).toHaveLength(letters.length);
  const reported = letters.flat();
  expect(new Set(reported).size).toBe(reported.length);
  const stamped = stampedToday(rt);
  for (const event of stamped) expect(reported).toContain(event);
  expect(locks(rt).isHeld()).toBe(false);
  return { reported: reported.sort(), unstamped: reported.filter((event) => !stamped.includes(event)).sort() };
}

describe('the ЦУР summary', () => {
  it('MailApp failing after the lock was taken: nothing stamped, the lock freed, the retry reports each event once', () => {
    const rt = runtime();
    const user = userCells(rt);
    const token = previewToken(rt);
    mailApp(rt).failNext('Service invoked too many times: Mail');
    const failed = send(rt, token);
    expect(failed.status).toBe('failed');
    expect(failed.message).toMatch(
      /^Сводка не отправлена: .*Отметки «Сообщено в ЦУР» не поставлены; повторите позже\.$/,
    );
    expect(expectConsistent(rt)).toEqual({ reported: [], unstamped: [] });
    expect(journalRows(rt).at(-1)?.[3]).toMatch(/^Не отправлена: /);

    expect(send(rt, token).status).toBe('sent');
    expect(send(rt, token).status).toBe('nothing');
    expect(expectConsistent(rt)).toEqual({ reported: PENDING, unstamped: [] });
    expect(userCells(rt)).toEqual(user);
  });

  it('MailApp refusing for the quota, in the middle of the send: the same', () => {
    const rt = runtime();
    const token = previewToken(rt);
    rt.ctx.failOn('MailApp.sendEmail', 1, QUOTA_MESSAGE);
    expect(send(rt, token)).toMatchObject({ status: 'failed' });
    expect(expectConsistent(rt).reported).toEqual([]);
    expect(send(rt, token).status).toBe('sent');
    expect(expectConsistent(rt)).toEqual({ reported: PENDING, unstamped: [] });
  });

  it('a lock timeout: refused with a retry, nothing sent, written or journaled', () => {
    const rt = runtime();
    const token = previewToken(rt);
    const before = registerRows(rt);
    locks(rt).holdElsewhere();
    const busy = send(rt, token);
    expect(busy).toMatchObject({ status: 'refused', retry: true });
    expect(busy.message).toMatch(/^Реестр сейчас обновляет другое действие/);
    expect(registerRows(rt)).toEqual(before);
    expect(rt.mail).toHaveLength(0);
    expect(journalRows(rt)).toEqual([]);
    locks(rt).releaseElsewhere();
    expect(send(rt, token).status).toBe('sent');
    expect(expectConsistent(rt)).toEqual({ reported: PENDING, unstamped: [] });
  });

  it('a service error writing the stamps after the letter went: the journal names the events to stamp, nothing is sent twice', () => {
    const rt = runtime();
    const user = userCells(rt);
    const token = previewToken(rt);
    rt.ctx.failOn('Range.setValues', 1, SERVICE_ERROR);
    const result = send(rt, token);
    expect(result.status).toBe('sent');
    const { reported, unstamped } = expectConsistent(rt);
    expect(reported).toEqual(PENDING);
    // Either the stamps were written after all (a retry), or the journal and the message say which to stamp.
    if (unstamped.length > 0) {
      expect(result.message).toMatch(/отметки «Сообщено в ЦУР» записать не удалось/);
      expect(journalRows(rt).at(-1)?.[3]).toContain('поставьте их вручную');
    }
    // A second send reports nothing again.
    expect(send(rt, token).status).toBe('nothing');
    expect(tsurLetters(rt)).toHaveLength(1);
    expect(userCells(rt)).toEqual(user);
  });
});

describe('the daily check', () => {
  function turnOn(rt: Runtime): void {
    rt.menu('menuDailyCheckOn', COORDINATOR);
  }

  it('the automatic summary failing in MailApp after the lock was taken: nothing stamped, told once, reported once the next day', () => {
    const rt = runtime({ settings: { sendSummaryAutomatically: true, remindResponsible: false } });
    turnOn(rt);
    mailApp(rt).failNext('Service unavailable: Mail');
    const first = rt.fireTimeDriven('dailyCheck') as { status: string; failures: string[] };
    expect(first.status).toBe('failed');
    expect(expectConsistent(rt).reported).toEqual([]);
    // A second firing the same day does not try again (the run is recorded), so nothing doubles.
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'alreadyRan' });
    rt.setNow(new Date('2026-01-21T10:00:00+03:00'));
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done' });
    expect(expectConsistent(rt).reported).toEqual(PENDING);
  });

  it('a lock timeout: the failure journaled and mailed once, no digest, nothing written; the next day runs', () => {
    const rt = runtime();
    turnOn(rt);
    const before = registerRows(rt);
    locks(rt).holdElsewhere();
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'failed' });
    expect(registerRows(rt)).toEqual(before);
    expect(rt.mail.map((mail) => mail.subject)).toEqual([
      'Реестр страниц: ежедневная проверка не выполнена — 20.01.2026',
    ]);
    expect(journalRows(rt).at(-1)?.[3]).toMatch(/^Ошибка: реестр был занят другим действием дольше минуты/);
    rt.fireTimeDriven('dailyCheck');
    expect(rt.mail).toHaveLength(1);
    locks(rt).releaseElsewhere();
    rt.setNow(new Date('2026-01-21T10:00:00+03:00'));
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done' });
  });

  it('a service error writing Срок/Состояние: no digest goes, the failure is told once, and the same day can run again', () => {
    const rt = runtime();
    turnOn(rt);
    const user = userCells(rt);
    rt.ctx.failOn('Range.setValues', 1, SERVICE_ERROR);
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'failed' });
    const failureMails = rt.mail.length;
    expect(rt.mail.every((mail) => /не выполнена/.test(mail.subject))).toBe(true);
    expect(journalRows(rt).at(-1)?.[3]).toContain(SERVICE_ERROR);
    const again = rt.fireTimeDriven('dailyCheck') as { status: string; mailed: string[] };
    expect(again.status).toBe('done');
    // Each person got today's digest exactly once.
    const digests = rt.mail.slice(failureMails).map((mail) => mail.to);
    expect(new Set(digests).size).toBe(digests.length);
    expect(userCells(rt)).toEqual(user);
  });

  it('the quota running out in the middle of the digests: the rest journaled as not sent, nobody mailed twice', () => {
    const rt = runtime();
    turnOn(rt);
    // MailApp said there was quota, but another script used it up meanwhile: from the third letter on, it refuses.
    for (const nth of [3, 4, 5, 6, 7, 8]) rt.ctx.failOn('MailApp.sendEmail', nth, QUOTA_MESSAGE);
    const outcome = rt.fireTimeDriven('dailyCheck') as { status: string; mailed: string[] };
    expect(rt.mail).toHaveLength(2);
    expect(outcome.mailed).toEqual(rt.mail.flatMap((mail) => mail.to.split(',')));
    const reminders = journalRows(rt).find((row) => row[2] === 'Напоминания ответственным')?.[3] ?? '';
    expect(reminders).toMatch(/^Отправлено: 1 \(/);
    expect(reminders).toContain(QUOTA_MESSAGE);
    // Later the same day: the run is recorded, nobody gets a second letter.
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'alreadyRan' });
    expect(rt.mail).toHaveLength(2);
  });

  it('the quota running out as counted: the coordinators and a failure letter reserved, the rest named in the journal', () => {
    // 2 ЦУР recipients, 2 coordinators for their digest + 2 for a possible failure letter are reserved; one
    // reminder fits.
    const rt = runtime({ mailQuota: 7 });
    turnOn(rt);
    rt.fireTimeDriven('dailyCheck');
    expect(rt.mail[0]?.subject).toMatch(/^Реестр страниц/);
    expect(rt.mail).toHaveLength(2);
    const reminders = journalRows(rt).find((row) => row[2] === 'Напоминания ответственным')?.[3] ?? '';
    expect(reminders).toMatch(/Перенесено на следующий рабочий день \(лимит напоминаний или писем\): \d+ \(/);
  });
});

describe('the sidebar', () => {
  const page = {
    ...emptyInput(),
    organization: 'Отдел спорта',
    orgKind: 'Структурное подразделение',
    network: 'ВКонтакте',
    link: 'https://vk.com/shpak_sport_new',
    createdOn: '2026-01-19',
    responsibleName: 'Иванов И. И.',
    responsiblePosition: 'Начальник отдела',
    responsibleEmail: 'ivanov@shpakovsky.example.ru',
    authorizedName: 'Петров П. П.',
    esiaVerified: true,
  };

  it('a service error writing the new row: the retry with the same request adds the page once', () => {
    const rt = runtime();
    rt.ctx.failOn('Range.setValues', 1, SERVICE_ERROR);
    expect(() => scriptRunAs(rt, COORDINATOR, 'sidebarSubmit', page, 'request-0001')).toThrow(SERVICE_ERROR);
    expect(locks(rt).isHeld()).toBe(false);
    const retry = scriptRunAs(rt, COORDINATOR, 'sidebarSubmit', page, 'request-0001') as { ok: boolean };
    expect(retry.ok).toBe(true);
    expect(registerRows(rt).filter((row) => row['Ссылка на страницу'] === page.link)).toHaveLength(1);
  });

  it('a lock timeout: refused in Russian, nothing written', () => {
    const rt = runtime();
    const before = registerRows(rt);
    locks(rt).holdElsewhere();
    const busy = scriptRunAs(rt, COORDINATOR, 'sidebarSubmit', page, 'request-0002') as {
      ok: boolean;
      message: string;
    };
    expect(busy).toMatchObject({ ok: false });
    expect(busy.message).toMatch(/^Реестр сейчас обновляет другое действие/);
    expect(registerRows(rt)).toEqual(before);
  });
});

describe('the ЦУР summary, stamps failing twice', () => {
  it('the letter went and the stamps cannot be written: the coordinator is told which events to stamp', () => {
    const rt = runtime();
    const token = previewToken(rt);
    // The stamps go in one RangeList call (one value, today, for all): it fails on both tries.
    rt.ctx.failOn('RangeList.setValue', 1, SERVICE_ERROR).failOn('RangeList.setValue', 2, SERVICE_ERROR);
    const result = send(rt, token);
    expect(result.status).toBe('sent');
    const { reported, unstamped } = expectConsistent(rt);
    expect(unstamped).toEqual(reported);
    expect(result.message).toContain('отметки «Сообщено в ЦУР» записать не удалось');
    const journal = journalRows(rt).at(-1)?.[3] ?? '';
    expect(journal).toContain('поставьте их вручную для P1 (создание), P5 (создание), P4 (удаление), P2 (создание)');
  });
});
