/**
 * Nothing a department user types may make the coordinator's account mail outsiders, burn the mail quota,
 * link to arbitrary sites or stop the daily letters (issue 11). Each case runs the built bundle in the
 * offline runtime, the way a department user with edit rights would try it.
 */
import { parse } from 'csv-parse/sync';
import type { Runtime } from '../../dev/runtime';
import {
  COORDINATOR,
  COORDINATOR_2,
  CLERK,
  scriptRunAs,
  TSUR,
  createRegisterRuntime,
  journalRows,
  pageRow,
  type RowSpec,
  type RuntimeSetup,
} from './registerRuntime';

const TODAY = '2026-01-20';
const mailApp = (rt: Runtime) => rt.services.MailApp as unknown as { remaining: number };

function runtime(rows: RowSpec[], setup: Partial<RuntimeSetup> = {}): Runtime {
  const rt = createRegisterRuntime({ today: TODAY, rows, ...setup });
  rt.menu('menuDailyCheckOn', COORDINATOR);
  return rt;
}

/** A row whose department report is overdue (created 12.01), so its responsible person is due a reminder. */
function overdueRow(index: number, email: string, fields: RowSpec = {}): RowSpec {
  return pageRow(`R${index}`, { createdOn: '2026-01-12', responsibleEmail: email, ...fields });
}

describe('reminders go only to «Домены для рассылки»', () => {
  it('an outside address gets no letter and its row a warning; an inside one is reminded', () => {
    const rt = runtime([overdueRow(1, 'phish@evil.example.com'), overdueRow(2, 'ivanov@shpakovsky.example.ru')]);
    rt.fireTimeDriven('dailyCheck');
    const recipients = rt.mail.map((mail) => mail.to);
    expect(recipients).toContain('ivanov@shpakovsky.example.ru');
    expect(recipients.join(',')).not.toContain('evil.example.com');
    rt.menu('menuCheckRegister', COORDINATOR);
    const shown = rt.ui.panels.map((panel) => panel.html).join('\n') + rt.ui.alerts.map((a) => a.prompt).join('\n');
    expect(shown).toContain('напоминание на этот адрес не отправляется');
  });

  it('«Домены для рассылки» in «Настройки» replaces the coordinators’ domains', () => {
    const rt = runtime([overdueRow(1, 'head@school.example.org'), overdueRow(2, 'ivanov@shpakovsky.example.ru')], {
      settings: { mailDomains: ['school.example.org'] },
    });
    rt.fireTimeDriven('dailyCheck');
    const recipients = rt.mail.map((mail) => mail.to);
    expect(recipients).toContain('head@school.example.org');
    expect(recipients).not.toContain('ivanov@shpakovsky.example.ru');
  });
});

describe('the mail budget protects the ЦУР letter', () => {
  it('150 rows due a reminder: at most 50 go, the rest wait, and the coordinator can still send the ЦУР summary', () => {
    const rows = Array.from({ length: 150 }, (_, index) =>
      overdueRow(index + 1, `person${String(index + 1).padStart(3, '0')}@shpakovsky.example.ru`),
    );
    const rt = runtime(rows);
    rt.fireTimeDriven('dailyCheck');
    const reminders = rt.mail.filter((mail) => mail.to.startsWith('person'));
    expect(reminders).toHaveLength(50);
    const digest = rt.mail.find((mail) => mail.to === `${COORDINATOR},${COORDINATOR_2}`)!;
    expect(digest.body).toContain('Напоминаний не отправлено сегодня');
    expect(digest.body).toContain('person051@shpakovsky.example.ru');
    expect(mailApp(rt).remaining).toBeGreaterThanOrEqual(TSUR.length);

    rt.menu('menuTsurSummary', COORDINATOR);
    const html = rt.ui.panels.at(-1)?.html ?? '';
    const token =
      /data-token="([^"]*)"/
        .exec(html)?.[1]
        ?.replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&') ?? '';
    rt.ctx.defaultUser = COORDINATOR;
    const sent = rt.scriptRun('summarySend', token) as { status: string };
    expect(sent.status).toBe('sent');
    expect(rt.mail.at(-1)!.to).toBe(TSUR.join(','));
  });

  it('with a tight quota the reminders leave room for the ЦУР summary and a failure letter', () => {
    const rows = Array.from({ length: 80 }, (_, index) =>
      overdueRow(index + 1, `person${String(index + 1).padStart(3, '0')}@shpakovsky.example.ru`),
    );
    const rt = runtime(rows, { mailQuota: 40 });
    rt.fireTimeDriven('dailyCheck');
    // 40 − 2 ЦУР − 2 coordinators (sent) − 2 for a failure letter = 34 reminders; 4 left for ЦУР and a failure.
    expect(rt.mail.filter((mail) => mail.to.startsWith('person'))).toHaveLength(34);
    expect(mailApp(rt).remaining).toBe(TSUR.length + 2);
  });

  it('«Напоминаний в день не более» from «Настройки» caps the reminders', () => {
    const rows = Array.from({ length: 5 }, (_, index) => overdueRow(index + 1, `p${index}@shpakovsky.example.ru`));
    const rt = runtime(rows, { settings: { reminderLimit: 2 } });
    rt.fireTimeDriven('dailyCheck');
    expect(rt.mail.filter((mail) => mail.to.startsWith('p'))).toHaveLength(2);
    const entry = journalRows(rt).find((row) => row[2] === 'Напоминания ответственным')![3];
    expect(entry).toMatch(/Перенесено на следующий рабочий день .*: 3 \(/);
    // The next working day, those who waited go first.
    const waited = ['p2', 'p3', 'p4'].map((name) => `${name}@shpakovsky.example.ru`);
    const before = rt.mail.length;
    rt.setNow(new Date('2026-01-21T10:00:00+03:00'));
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done' });
    expect(
      rt.mail
        .slice(before)
        .map((mail) => mail.to)
        .filter((to) => to.startsWith('p')),
    ).toEqual(waited.slice(0, 2));
  });
});

/** The hrefs of a letter's HTML part. */
function hrefs(html: string | undefined): string[] {
  return [...(html ?? '').matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
}

const ALLOWED_HREF = /^https:\/\/(?:vk\.com|ok\.ru)\/|^https:\/\/docs\.google\.com\/spreadsheets\//;

describe('letters link only to pages of known networks', () => {
  it('a phishing text and a foreign link in a row: no clickable foreign link, the address defanged, in every letter', () => {
    const bait = 'СРОЧНО: подтвердите учётную запись Госуслуг по ссылке https://gosuslugi.evil.example.com/login';
    const rt = runtime(
      [
        overdueRow(1, 'ivanov@shpakovsky.example.ru', {
          organization: bait,
          link: 'https://gosuslugi.evil.example.com/vk',
        }),
        // An error in the row keeps its reminder going after the automatic summary closed its deadlines.
        overdueRow(2, 'petrov@shpakovsky.example.ru', { organization: bait, authorizedName: '' }),
      ],
      { settings: { sendSummaryAutomatically: true } },
    );
    rt.fireTimeDriven('dailyCheck');
    const kinds = new Set(rt.mail.map((mail) => mail.to));
    expect(kinds.size).toBeGreaterThanOrEqual(3); // ЦУР, coordinators, a reminder at least
    for (const mail of rt.mail) {
      for (const href of hrefs(mail.htmlBody)) expect(href).toMatch(ALLOWED_HREF);
      expect(mail.body).not.toMatch(/https?:\/\/gosuslugi\.evil/);
      expect(mail.htmlBody ?? '').not.toMatch(/https?:\/\/gosuslugi\.evil/);
    }
    const reminder = rt.mail.find((mail) => mail.to === 'petrov@shpakovsky.example.ru')!;
    expect(reminder.body).toContain('hxxps://gosuslugi.evil.example.com/login');
    expect(hrefs(reminder.htmlBody)).toContain('https://vk.com/page_r2');
  });

  it('addresses typed without a scheme reach no letter as text a mail program would link', () => {
    const rt = runtime(
      [
        overdueRow(1, 'ivanov@shpakovsky.example.ru', {
          organization: 'Вход: www.evil.example или evil.example/login',
          responsibleName: 'Иванов И.И., vk.cc/abc',
          authorizedName: '',
        }),
        overdueRow(2, 'petrov@shpakovsky.example.ru', { organization: 'МБОУ СОШ № 1 г.Михайловска, ул.Ленина' }),
      ],
      { settings: { sendSummaryAutomatically: true } },
    );
    rt.fireTimeDriven('dailyCheck');
    expect(rt.mail.length).toBeGreaterThanOrEqual(3);
    for (const mail of rt.mail) {
      const text = `${mail.subject}\n${mail.body}\n${mail.htmlBody ?? ''}`;
      expect(text).not.toMatch(/www\.evil|evil\.example\/login|vk\.cc\//);
    }
    const all = rt.mail.map((mail) => `${mail.body}\n${mail.htmlBody ?? ''}`).join('\n');
    expect(all).toContain('www[.]evil[.]example или evil[.]example/login');
    expect(all).toContain('vk[.]cc/abc');
    expect(all).toContain('МБОУ СОШ № 1 г.Михайловска, ул.Ленина');
  });

  it('a page link whose query carries another address links to the page’s normal form only', () => {
    const link = 'https://vk.com/club4?u=https://evil.example';
    const rt = runtime([overdueRow(1, 'ivanov@shpakovsky.example.ru', { link, authorizedName: '' })], {
      settings: { sendSummaryAutomatically: true },
    });
    rt.fireTimeDriven('dailyCheck');
    expect(rt.mail.length).toBeGreaterThanOrEqual(3); // ЦУР, coordinators, the reminder
    for (const mail of rt.mail) {
      for (const href of hrefs(mail.htmlBody)) expect(href).toMatch(ALLOWED_HREF);
      expect(hrefs(mail.htmlBody).join(' ')).not.toContain('evil');
      expect(mail.body).not.toContain('https://evil');
      expect(mail.htmlBody ?? '').not.toContain('https://evil');
    }
    const reminder = rt.mail.find((mail) => mail.to === 'ivanov@shpakovsky.example.ru')!;
    expect(hrefs(reminder.htmlBody)).toContain('https://vk.com/club4');
    expect(reminder.htmlBody).toContain('hxxps://vk.com/club4?u=hxxps://evil.example</a>');
    expect(reminder.body).toContain('https://vk.com/club4 (hxxps://vk.com/club4?u=hxxps://evil.example)');
  });

  it('cell text is cut short in letters: six rows with 38,000-character names do not stop the digest', () => {
    const long = 'Я'.repeat(38_000);
    const rows = Array.from({ length: 6 }, (_, index) =>
      overdueRow(index + 1, 'ivanov@shpakovsky.example.ru', { organization: `${index}${long}` }),
    );
    const rt = runtime(rows);
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done', failures: [] });
    const digest = rt.mail.find((mail) => mail.to === `${COORDINATOR},${COORDINATOR_2}`)!;
    expect(digest.body).not.toContain('Я'.repeat(300));
    expect(digest.body).toContain(`0${'Я'.repeat(298)}…`);
  });
});

describe('no letter fails for its size', () => {
  it('a digest too large for MailApp keeps its counts in the body and carries the whole letter as an attachment', () => {
    const rows = Array.from({ length: 400 }, (_, index) =>
      overdueRow(index + 1, 'ivanov@shpakovsky.example.ru', { organization: `Учреждение ${index} ${'ж'.repeat(280)}` }),
    );
    const rt = runtime(rows, { settings: { remindResponsible: true } });
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done', failures: [] });
    for (const mail of rt.mail) {
      expect(Buffer.byteLength(mail.body) + Buffer.byteLength(mail.htmlBody ?? '')).toBeLessThan(200 * 1024);
    }
    const digest = rt.mail.find((mail) => mail.to === `${COORDINATOR},${COORDINATOR_2}`)!;
    expect(digest.body).toContain('Просрочено: 400'); // one line a row, with both the department's and ЦУР's report
    expect(digest.attachments.map((file) => file.name)).toEqual(['pismo.html']);
    expect(digest.attachments[0]!.data.toString('utf8')).toContain('Учреждение 399');
    const reminder = rt.mail.find((mail) => mail.to === 'ivanov@shpakovsky.example.ru')!;
    expect(reminder.attachments.map((file) => file.name)).toEqual(['pismo.html']);
  });
});

describe('headers carry no line breaks', () => {
  it('a line break in «Наименование округа» does not reach the ЦУР letter’s subject', () => {
    const rt = runtime([overdueRow(1, 'ivanov@shpakovsky.example.ru')], {
      settings: { sendSummaryAutomatically: true, districtName: 'Шпаковский\r\nBcc: spy@evil.example.com\u0007' },
    });
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done' });
    const tsur = rt.mail.find((mail) => mail.to === TSUR.join(','))!;
    expect(tsur.subject).toContain('Шпаковский Bcc: spy@evil.example.com');
    const controls = (text: string) => [...text].filter((character) => character.charCodeAt(0) < 0x20);
    for (const mail of rt.mail) {
      expect(controls(mail.subject)).toEqual([]);
      expect(controls(mail.name)).toEqual([]);
    }
  });
});

describe('the trigger cannot be forged', () => {
  const triggerId = (rt: Runtime) =>
    (rt.services.ScriptApp as unknown as { triggers: Array<{ id: string; handler: string }> }).triggers.find(
      (trigger) => trigger.handler === 'dailyCheck',
    )!.id;

  it.each([
    ['a department user', CLERK],
    ['another coordinator', COORDINATOR_2],
  ])(
    '%s passing the stored trigger ID through google.script.run is refused and journaled; the real trigger still runs',
    (_who, user) => {
      const rt = runtime([overdueRow(1, 'ivanov@shpakovsky.example.ru')], {
        settings: { sendSummaryAutomatically: true },
      });
      const result = scriptRunAs(rt, user, 'dailyCheck', { triggerUid: triggerId(rt) }) as { status: string };
      expect(result.status).toBe('refused');
      expect(rt.mail).toHaveLength(0);
      expect(journalRows(rt).at(-1)).toEqual([
        expect.anything(),
        user,
        'Ежедневная проверка',
        expect.stringMatching(/^Отказано: .*такого триггера у этого пользователя нет/),
      ]);
      expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done' });
      expect(rt.mail.map((mail) => mail.to)).toContain(TSUR.join(','));
    },
  );
});

describe('the CSV attachment', () => {
  it('quotes every field, keeps formulas as text, and reads back with a real CSV parser', () => {
    const rows = Array.from({ length: 300 }, (_, index) =>
      overdueRow(index + 1, 'ivanov@shpakovsky.example.ru', {
        // The apostrophe keeps the cell text (as a person types it): the formula is what the CSV must not revive.
        organization: index === 0 ? `'=HYPERLINK("x";"y")` : `Учреждение; «${index}» "кавычки"\n${'ш'.repeat(400)}`,
      }),
    );
    const rt = runtime(rows, { settings: { sendSummaryAutomatically: true, remindResponsible: false } });
    expect(rt.fireTimeDriven('dailyCheck')).toMatchObject({ status: 'done', failures: [] });
    const tsur = rt.mail.find((mail) => mail.to === TSUR.join(','))!;
    const file = tsur.attachments.find((attachment) => attachment.name?.endsWith('.csv'))!;
    const text = file.data.toString('utf8');
    const records = parse(text, { delimiter: ';', bom: true, relax_quotes: false }) as string[][];
    expect(records).toHaveLength(301);
    expect(records[0]![0]).toBe('ID');
    const byId = new Map(records.slice(1).map((record) => [record[0], record]));
    expect(byId.get('R1')![1]).toBe(`'=HYPERLINK("x";"y")`);
    expect(byId.get('R2')![1]).toBe(`Учреждение; «1» "кавычки"\n${'ш'.repeat(400)}`.slice(0, 299) + '…');
    // Every field quoted: each record, as raw text, is "…";"…";… with nothing outside the quotes.
    const raw = parse(text, { delimiter: ';', bom: true, raw: true }) as unknown as Array<{ raw: string }>;
    for (const { raw: line } of raw)
      expect(line.replace(/[\r\n]+$/, '')).toMatch(/^"(?:[^"]|"")*"(?:;"(?:[^"]|"")*")*$/);
  });
});
