/**
 * The daily check as the trigger usually finds the spreadsheet: the morning after, the context cache
 * entry (an hour's lifetime) expired. The built bundle in the offline runtime. The register is reached by
 * the layout kept in the document properties (registerLayout.ts) when its header row still matches, and
 * found as before when it does not; «Настройки» and the calendar are read from their sheets every time,
 * one call each.
 */
import { splitCalls } from '../../bench/costModel';
import type { Runtime } from '../../dev/runtime';
import { COLUMNS } from '../../src/domain/columns';
import type { IsoDate } from '../../src/domain/types';
import { LAYOUT_PROPERTY } from '../../src/gas/sheets/registerLayout';
import {
  COORDINATOR,
  COORDINATOR_2,
  OWNER,
  createRegisterRuntime,
  moscowTime,
  pageRow,
  registerRows,
  type RowSpec,
  type RuntimeSetup,
} from './registerRuntime';

/** Around Tuesday 20.01.2026: P1 overdue (dept 14.01), P2 due to ЦУР on 20.01, P3 nothing open. */
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

const DIGEST_TO = `${COORDINATOR},${COORDINATOR_2}`;

function documentProperties(rt: Runtime): Map<string, string> {
  return (rt.services.PropertiesService as unknown as { document: { store: Map<string, string> } }).document.store;
}

function storedLayout(rt: Runtime): Record<string, unknown> | null {
  const text = documentProperties(rt).get(LAYOUT_PROPERTY);
  return text === undefined ? null : (JSON.parse(text) as Record<string, unknown>);
}

const sheet = (rt: Runtime, name: string) =>
  rt.quietly(() => {
    const found = rt.spreadsheet.getSheetByName(name);
    if (found === null) throw new Error(`no sheet «${name}»`);
    return found;
  });

/** Set up and the check turned on, as the coordinator leaves it; the first run on Tuesday 20.01.2026. */
function afterFirstDay(setup: Partial<RuntimeSetup> = {}): Runtime {
  const rt = createRegisterRuntime({ today: '2026-01-20', rows: ROWS, ...setup });
  rt.menu('menuSetup', OWNER);
  rt.menu('menuDailyCheckOn', COORDINATOR);
  expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done', failures: [] });
  return rt;
}

/** The next morning's run (the cache entry has expired overnight), measured. */
function nextMorning(rt: Runtime, date: IsoDate = '2026-01-21') {
  rt.setNow(moscowTime(date, '09:00'));
  const mailed = rt.mail.length;
  const { result, calls } = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
  const split = splitCalls(calls);
  const sent = calls.byMethod['MailApp.sendEmail'] ?? 0;
  return { result, calls, server: split.server - sent, sent, mail: rt.mail.slice(mailed) };
}

/** The register's «Срок» and «Состояние» by ID. */
function computed(rt: Runtime): Record<string, unknown[]> {
  return Object.fromEntries(registerRows(rt).map((row) => [row['ID'], [row['Срок'], row['Состояние']]]));
}

describe('the daily check the morning after (context cache expired)', () => {
  it('makes at most 12 server calls besides one sendEmail per letter: the register by its stored layout', () => {
    // P1 stays overdue, P3 has nothing open: no «Срок» or «Состояние» changes overnight.
    const rt = afterFirstDay({ rows: ROWS.filter((row) => row.id !== 'P2') });
    expect(storedLayout(rt)).toEqual({
      format: 1,
      registerName: 'Реестр',
      headerRow: 1,
      width: COLUMNS.length,
      headers: COLUMNS.map((column) => column.header),
    });
    const run = nextMorning(rt);
    expect(run.result).toMatchObject({ status: 'done', today: '2026-01-21', failures: [] });
    expect(run.server).toBeLessThanOrEqual(12);
    expect(run.sent).toBe(run.mail.length);
    expect(run.mail.map((mail) => mail.to)).toEqual([DIGEST_TO, 'ivanov@shpakovsky.example.ru']);
    const { serverByMethod } = splitCalls(run.calls);
    delete serverByMethod['MailApp.sendEmail'];
    // The lock, the properties read and written once, the cache looked up (expired), the time zone, the
    // register at its stored layout (values and formulas: nothing looked up by name, no data range),
    // «Настройки» and the calendar (one getValues each), the mail quota, «Журнал»'s last row and rows.
    // No cache entry stored.
    expect(serverByMethod).toEqual({
      'Cache.getAll': 1,
      'Lock.tryLock': 1,
      'MailApp.getRemainingDailyQuota': 1,
      'Properties.getProperties': 1,
      'Properties.setProperties': 1,
      'Range.getFormulas': 1,
      'Range.getValues': 3,
      'Range.setValues': 1,
      'Sheet.getLastRow': 1,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
    });
  });

  it('a morning whose run changes a «Состояние»: one setValues more, for the register', () => {
    const rt = afterFirstDay();
    const run = nextMorning(rt);
    expect(run.result).toMatchObject({ status: 'done', failures: [] });
    // P2 was due today on 20.01; on 21.01 it is overdue.
    expect(computed(rt)['P2']).toEqual(['2026-01-20', 'Просрочено: ЦУР']);
    expect(run.calls.byMethod['Range.setValues']).toBe(2);
    expect(run.server).toBe(13);
  });

  it('writes and mails what the same morning writes and mails when no layout is stored (found as before)', () => {
    const morning = (forget: boolean) => {
      const rt = afterFirstDay();
      if (forget) documentProperties(rt).delete(LAYOUT_PROPERTY);
      const run = nextMorning(rt);
      return { run, computed: computed(rt), mail: run.mail.map((mail) => [mail.to, mail.subject, mail.body]) };
    };
    const withLayout = morning(false);
    const without = morning(true);
    expect(without.run.calls.byMethod['Spreadsheet.getSheetByName']).toBe(1);
    expect(withLayout.computed).toEqual(without.computed);
    expect(withLayout.mail).toEqual(without.mail);
    expect(withLayout.computed['P1']).toEqual(['2026-01-14', 'Просрочено: отдел']);
  });
});

describe('a stored layout the sheet no longer has is never trusted', () => {
  it('a column moved without an edit (no onEdit fires): found as before, written by the header read, layout renewed', () => {
    const rt = afterFirstDay();
    const register = sheet(rt, 'Реестр');
    // «Организация» and «Ссылка на страницу» swapped, values and all, by a script (no onEdit).
    const header = rt.quietly(() => register.getRange(1, 1, 1, COLUMNS.length).getValues()[0] as string[]);
    const [a, b] = [header.indexOf('Организация') + 1, header.indexOf('Ссылка на страницу') + 1];
    rt.quietly(() => {
      const left = register.getRange(1, a, 4, 1).getValues();
      const right = register.getRange(1, b, 4, 1).getValues();
      register.getRange(1, a, 4, 1).setValues(right);
      register.getRange(1, b, 4, 1).setValues(left);
    });
    const before = rt.quietly(() => register.getDataRange().getValues());
    const run = nextMorning(rt);
    expect(run.result).toMatchObject({ status: 'done', failures: [] });
    // The header did not match: the register looked up and read by its data range.
    expect(run.calls.byMethod['Spreadsheet.getSheetByName']).toBe(1);
    expect(run.calls.byMethod['Sheet.getDataRange']).toBe(1);
    // Only «Срок» and «Состояние», found by their headers, may have changed.
    const after = rt.quietly(() => register.getDataRange().getValues());
    const computedColumns = new Set([header.indexOf('Срок'), header.indexOf('Состояние')]);
    after.forEach((cells, row) =>
      cells.forEach((value, column) => {
        if (!computedColumns.has(column)) expect([row, column, value]).toEqual([row, column, before[row]?.[column]]);
      }),
    );
    expect(computed(rt)).toMatchObject({ P1: ['2026-01-14', 'Просрочено: отдел'], P3: ['', 'Сообщено'] });
    expect(registerRows(rt).find((row) => row['ID'] === 'P1')?.['Организация']).toBe('A & B');
    // The layout renewed in the run's one properties write: the morning after, it is trusted again.
    expect((storedLayout(rt)?.headers as string[])[a - 1]).toBe('Ссылка на страницу');
    expect(run.calls.byMethod['Properties.setProperties']).toBe(1);
    const third = nextMorning(rt, '2026-01-22');
    expect(third.result).toMatchObject({ status: 'done', failures: [] });
    expect(third.calls.byMethod['Spreadsheet.getSheetByName']).toBeUndefined();
  });

  it('the register sheet renamed: the stored name is not found, the register is found by its header and checked', () => {
    const rt = afterFirstDay();
    rt.quietly(() => sheet(rt, 'Реестр').setName('Реестр 2026'));
    const renamed = sheet(rt, 'Реестр 2026');
    const header = rt.quietly(() => renamed.getRange(1, 1, 1, COLUMNS.length).getValues()[0] as string[]);
    const [deadline, state] = [header.indexOf('Срок') + 1, header.indexOf('Состояние') + 1];
    rt.quietly(() => renamed.getRange(2, deadline, 3, 1).clearContent());
    rt.quietly(() => renamed.getRange(2, state, 3, 1).clearContent());
    const run = nextMorning(rt);
    expect(run.result).toMatchObject({ status: 'done', failures: [] });
    expect(run.mail.map((mail) => mail.to)).toContain(DIGEST_TO);
    // Every «Состояние» written again, on the renamed sheet.
    const states = rt.quietly(() =>
      renamed
        .getRange(2, state, 3, 1)
        .getValues()
        .map((row) => row[0]),
    );
    expect(states).toEqual(['Просрочено: отдел', 'Просрочено: ЦУР', 'Сообщено']);
    // A sheet found by its header is not stored as the layout (the register is looked for under «Реестр»).
    expect(storedLayout(rt)?.registerName).toBe('Реестр');
  });

  it('a corrupt or older stored value is not used: found as before, and the layout written anew', () => {
    for (const value of [
      '{"format":1,"registerName":"Реестр"',
      JSON.stringify({ registerName: 'Реестр', headerRow: 1 }),
    ]) {
      const rt = afterFirstDay();
      documentProperties(rt).set(LAYOUT_PROPERTY, value);
      const run = nextMorning(rt);
      expect(run.result).toMatchObject({ status: 'done', failures: [] });
      expect(run.calls.byMethod['Spreadsheet.getSheetByName']).toBe(1);
      expect(storedLayout(rt)).toMatchObject({ format: 1, registerName: 'Реестр', width: COLUMNS.length });
    }
  });

  it('a header typed after the last column (an edit of the header row) makes onEdit forget the layout', () => {
    const rt = afterFirstDay();
    const next = COLUMNS.length + 1;
    const cell = rt.quietly(() => sheet(rt, 'Реестр').getRange(1, next));
    rt.quietly(() => cell.setValue('Примечание отдела'));
    rt.simulateEdit(cell, { value: 'Примечание отдела', user: COORDINATOR });
    expect(storedLayout(rt)).toBeNull();
    // The next cold run finds the register as before and keeps the wider layout.
    const run = nextMorning(rt);
    expect(run.result).toMatchObject({ status: 'done', failures: [] });
    expect(storedLayout(rt)).toMatchObject({ width: next });
    expect((storedLayout(rt)?.headers as string[]).at(-1)).toBe('Примечание отдела');
  });
  it('a header written after the last column with no onEdit (a script): seen next to the stored ones', () => {
    const rt = afterFirstDay();
    const next = COLUMNS.length + 1;
    rt.quietly(() => sheet(rt, 'Реестр').getRange(1, next).setValue('Состояние'));
    expect(storedLayout(rt)).toMatchObject({ width: COLUMNS.length });
    const run = nextMorning(rt);
    expect(run.result).toMatchObject({ status: 'done', failures: [] });
    // Not trusted: the register read by its data range, the wider layout stored.
    expect(run.calls.byMethod['Sheet.getDataRange']).toBe(1);
    expect(storedLayout(rt)).toMatchObject({ width: next });
  });
});

describe('«Настройки» and the calendar are read from their sheets on every cold run', () => {
  it('a row of «Настройки» deleted (no onEdit fires) is seen by the next morning’s run', () => {
    const rt = afterFirstDay({ settings: { remindResponsible: false } });
    const before = nextMorning(rt);
    expect(before.mail.map((mail) => mail.to)).toEqual([DIGEST_TO]);
    // The row «Напоминать ответственным» deleted: the default («да») applies from the next run on.
    const settings = sheet(rt, 'Настройки');
    const labels = rt.quietly(() =>
      settings
        .getDataRange()
        .getValues()
        .map((row) => row[0]),
    );
    rt.quietly(() => settings.deleteRow(labels.indexOf('Напоминать ответственным') + 1));
    const after = nextMorning(rt, '2026-01-22');
    expect(after.result).toMatchObject({ status: 'done', failures: [] });
    expect(after.mail.map((mail) => mail.to)).toContain('ivanov@shpakovsky.example.ru');
    // Nothing of «Настройки» or the calendar is kept in the document properties.
    const kept = [...documentProperties(rt).values()].join('\n');
    expect(kept).not.toContain('Напоминать');
    expect(kept).not.toContain('Нерабочий');
  });

  it('no «Настройки»: the defaults (the digest to the account the trigger runs as)', () => {
    const rt = afterFirstDay();
    rt.quietly(() => rt.spreadsheet.deleteSheet(sheet(rt, 'Настройки')));
    const run = nextMorning(rt);
    expect(run.result).toMatchObject({ status: 'done', failures: [] });
    // No coordinators listed: the digest goes to the trigger's owner (the coordinator who turned it on).
    expect(run.mail[0]?.to).toBe(COORDINATOR);
    expect(run.mail[0]?.subject).toMatch(/^Реестр страниц на 21\.01\.2026/);
  });

  it('no calendar sheet: the built-in calendar (a built-in day off is one), and a sheet’s extra day off is gone', () => {
    const rt = afterFirstDay({ calendar: [['2026-01-21', 'Нерабочий', 'перенос по приказу']] });
    rt.quietly(() => rt.spreadsheet.deleteSheet(sheet(rt, 'Производственный календарь')));
    // 21.01.2026 was a day off on the sheet only: with no sheet it is a working day again.
    expect(nextMorning(rt).result).toMatchObject({ status: 'done', failures: [] });
    // 23.02.2026 is a holiday in the built-in lists.
    rt.setNow(moscowTime('2026-02-23', '09:00'));
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'nonWorkingDay' });
  });

  it('a narrow calendar sheet (column C deleted) is still read, by its data range', () => {
    const rt = afterFirstDay({ calendar: [['2026-01-21', 'Нерабочий', 'перенос по приказу']] });
    const calendar = sheet(rt, 'Производственный календарь');
    rt.quietly(() => calendar.deleteColumns(3, calendar.getMaxColumns() - 2));
    const run = nextMorning(rt);
    expect(run.result).toMatchObject({ status: 'nonWorkingDay' });
    expect(run.calls.byMethod['Spreadsheet.getSheetByName']).toBe(1);
  });
});

describe('onEdit, the first edit after the cache entry expired', () => {
  /** P3's link made that of P1's page: an error of the later row, P3, from the key columns. */
  function coldEdit(prepare: (rt: Runtime) => void) {
    const rt = afterFirstDay();
    rt.setNow(moscowTime('2026-01-21', '11:30'));
    prepare(rt);
    const register = sheet(rt, 'Реестр');
    const header = rt.quietly(() => register.getRange(1, 1, 1, register.getLastColumn()).getValues()[0] as string[]);
    const link = header.indexOf('Ссылка на страницу') + 1;
    const p1 = rt.quietly(() => register.getRange(2, link).getValue());
    const cell = rt.quietly(() => register.getRange(4, link));
    const { calls } = rt.measure(() => rt.simulateEdit(cell, { value: p1, user: COORDINATOR }));
    const state = rt.quietly(() => register.getRange(4, header.indexOf('Состояние') + 1).getValue());
    const notes = rt.quietly(() => register.getDataRange().getNotes());
    return { calls, state, notes };
  }

  it('reads the header at the stored layout (no getLastRow / getLastColumn) and writes what it writes without it', () => {
    const withLayout = coldEdit(() => undefined);
    const without = coldEdit((rt) => documentProperties(rt).delete(LAYOUT_PROPERTY));
    expect(withLayout.state).toBe('Ошибки заполнения');
    expect(withLayout.state).toBe(without.state);
    expect(withLayout.notes).toEqual(without.notes);
    expect(withLayout.calls.byMethod['Sheet.getLastRow']).toBeUndefined();
    expect(withLayout.calls.byMethod['Sheet.getLastColumn']).toBeUndefined();
    expect(withLayout.calls.byMethod['Properties.getProperties']).toBe(1);
    expect(without.calls.byMethod['Sheet.getLastColumn']).toBe(1);
    // Both store the context for the next edit.
    expect(withLayout.calls.byMethod['Cache.put']).toBe(1);
  });

  it('a stored layout whose header the sheet no longer has: the header found as before', () => {
    const moved = coldEdit((rt) => {
      // A column inserted at A by a script (no onEdit): every position moves by one.
      rt.quietly(() => sheet(rt, 'Реестр').insertColumnBefore(1));
    });
    expect(moved.calls.byMethod['Sheet.getLastColumn']).toBe(1);
    expect(moved.state).toBe('Ошибки заполнения');
  });
});

describe('the stored layout is only a help: the properties failing never fails the read', () => {
  /** The check from the menu, the cache entry expired, P1's «Состояние» stale before it. */
  function coldCheck(rt: Runtime) {
    rt.setNow(moscowTime('2026-01-21', '12:00'));
    const register = sheet(rt, 'Реестр');
    const header = rt.quietly(() => register.getRange(1, 1, 1, COLUMNS.length).getValues()[0] as string[]);
    const state = rt.quietly(() => register.getRange(2, header.indexOf('Состояние') + 1));
    rt.quietly(() => state.setValue('устарело'));
    const alerts = rt.ui.alerts.length;
    const { calls } = rt.measure(() => rt.menu('menuCheckRegister', COORDINATOR));
    return { calls, state: rt.quietly(() => state.getValue()), alerts: rt.ui.alerts.slice(alerts) };
  }

  it('the properties cannot be read: the register is found as before, and checked', () => {
    const rt = afterFirstDay();
    rt.ctx.failOn('Properties.getProperties');
    const run = coldCheck(rt);
    expect(run.alerts).toEqual([]);
    expect(run.state).toBe('Просрочено: отдел');
    expect(run.calls.byMethod['Sheet.getDataRange']).toBe(1);
  });

  it('the changed layout cannot be written: the check still completes, and the next read finds it as before', () => {
    const rt = afterFirstDay();
    documentProperties(rt).delete(LAYOUT_PROPERTY);
    rt.ctx.failOn('Properties.setProperties');
    const run = coldCheck(rt);
    expect(run.calls.byMethod['Properties.setProperties']).toBe(1);
    expect(run.alerts).toEqual([]);
    expect(run.state).toBe('Просрочено: отдел');
    expect(storedLayout(rt)).toBeNull();
  });
});
