/**
 * «Сводка для ЦУР…» end to end: the built bundle in the offline runtime, as coordinators and clerks would
 * use it from the menu and the preview dialog.
 */
import { unescapeHtml } from '../../src/domain/htmlEscape';
import type { Runtime } from '../../dev/runtime';
import {
  CLERK,
  COORDINATOR,
  COORDINATOR_2,
  OWNER,
  TSUR,
  createRegisterRuntime,
  journalRows,
  pageRow,
  registerRows,
  scriptRunAs,
  type RowSpec,
} from './registerRuntime';

const TODAY = '2026-01-20'; // Tuesday

/** P1 overdue to ЦУР (created 12.01, due 15.01); P2 pending (19.01 → 22.01); P3 reported; P4 deletion pending. */
const ROWS: RowSpec[] = [
  pageRow('P1', { organization: 'A & B', createdOn: '2026-01-12', deptReportedCreation: '2026-01-12' }),
  pageRow('P2', {
    organization: '<script>alert(1)</script>',
    createdOn: '2026-01-19',
    deptReportedCreation: '2026-01-19',
  }),
  pageRow('P3', { createdOn: '2025-12-01', deptReportedCreation: '2025-12-01', tsurReportedCreation: '2025-12-02' }),
  pageRow('P4', {
    createdOn: '2025-11-03',
    deletedOn: '2026-01-16',
    deptReportedCreation: '2025-11-03',
    tsurReportedCreation: '2025-11-05',
    deptReportedDeletion: '2026-01-16',
  }),
];

/** Opens the preview as `user` and returns its page and the token of its «Отправить». */
function preview(rt: Runtime, user = COORDINATOR): { html: string; token: string } {
  const before = rt.ui.panels.length;
  rt.menu('menuTsurSummary', user);
  const panel = rt.ui.panels[before];
  if (!panel) throw new Error(`no dialog; alerts: ${JSON.stringify(rt.ui.alerts)}`);
  const token = /data-token="([^"]*)"/.exec(panel.html)?.[1];
  return { html: panel.html, token: token === undefined ? '' : unescapeHtml(token) };
}

interface SendResult {
  status: string;
  ok: boolean;
  message: string;
  eventIds: string[];
  retry: boolean;
}

function send(rt: Runtime, token: string, user = COORDINATOR): SendResult {
  return scriptRunAs(rt, user, 'summarySend', token) as SendResult;
}

function stamps(rt: Runtime): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    registerRows(rt).map((row) => [
      String(row['ID']),
      [row['Сообщено в ЦУР (создание)'], row['Сообщено в ЦУР (удаление)']],
    ]),
  );
}

const mailApp = (rt: Runtime) =>
  rt.services.MailApp as unknown as { failNext(message?: string): void; remaining: number };
const lockService = (rt: Runtime) =>
  rt.services.LockService as unknown as { holdElsewhere(): void; releaseElsewhere(): void };

describe('the preview', () => {
  it('shows recipients, counts, overdue marks and the letter as it will be sent', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const { html, token } = preview(rt);
    expect(rt.ui.panels[0]).toMatchObject({ kind: 'modal', title: 'Сводка для ЦУР' });
    expect(html).toContain(`Получатели: ${TSUR.join(', ')}`);
    expect(html).toContain('Событий: 3 (создание страниц — 2, удаление — 1)');
    expect(html).toContain('С нарушенным сроком сообщения в ЦУР: 1');
    expect(html).toContain('Шпаковский муниципальный округ — 20.01.2026');
    expect(JSON.parse(token)).toEqual(['P1:creation', 'P4:deletion', 'P2:creation']);
    // The letter sits in a sandboxed frame, escaped twice over: no markup of the organization survives.
    expect(html).toMatch(/<iframe class="letter" sandbox="" /);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;');
    // …and its plain-text version is shown as text.
    expect(html).toMatch(/<pre>[^<]*&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    expect(rt.mail).toHaveLength(0);
  });

  it('with no recipients in «Настройки» says so and offers no «Отправить»', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS, settings: { tsurRecipients: [] } });
    const { html, token } = preview(rt);
    expect(html).toContain('Получатели: не указаны');
    expect(html).toContain('отправить сводку некому');
    expect(html).not.toContain('data-action="send-summary"');
    expect(token).toBe('');
  });

  it('says there is nothing to report and opens no dialog when everything was reported', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: [ROWS[2]!] });
    rt.menu('menuTsurSummary');
    expect(rt.ui.panels).toHaveLength(0);
    expect(rt.ui.alerts[0]?.prompt).toMatch(/^Сообщать в ЦУР нечего/);
    expect(rt.mail).toHaveLength(0);
  });

  it('refuses a person who is not a coordinator, and one whose e-mail cannot be read, saying why', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    rt.menu('menuTsurSummary', CLERK);
    expect(rt.ui.alerts[0]?.prompt).toMatch(/выполняет координатор реестра/);
    rt.menu('menuTsurSummary', '');
    expect(rt.ui.alerts[1]?.prompt).toMatch(/Не удалось определить адрес вашей электронной почты/);
    expect(rt.ui.panels).toHaveLength(0);
  });
});

describe('sending', () => {
  it('sends one letter, then stamps exactly its events and journals it', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const { token } = preview(rt);
    const result = send(rt, token);
    expect(result).toMatchObject({ status: 'sent', ok: true, eventIds: ['P1:creation', 'P4:deletion', 'P2:creation'] });
    expect(rt.mail).toHaveLength(1);
    const [mail] = rt.mail;
    expect(mail!.to).toBe(TSUR.join(','));
    expect(mail!.subject).toBe(
      'Сведения о созданных и удалённых официальных страницах в социальных сетях — Шпаковский муниципальный округ — 20.01.2026',
    );
    expect(mail!.htmlBody).toContain('A &amp; B');
    expect(mail!.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail!.htmlBody).not.toContain('<script>');
    expect(mail!.body).toContain('Просрочено'.toUpperCase());
    expect(stamps(rt)).toEqual({
      P1: ['2026-01-20', ''],
      P2: ['2026-01-20', ''],
      P3: ['2025-12-02', ''],
      P4: ['2025-11-05', '2026-01-20'],
    });
    const journal = journalRows(rt);
    expect(journal).toHaveLength(1);
    expect(journal[0]![1]).toBe(COORDINATOR);
    expect(journal[0]![2]).toBe('Сводка в ЦУР');
    expect(journal[0]![3]).toContain(`получатели ${TSUR.join(',')}`);
    expect(journal[0]![3]).toContain('ID событий: P1 (создание), P4 (удаление), P2 (создание)');
  });

  it('never reports an event twice: the same preview sent again, and a new preview, send nothing', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const { token } = preview(rt);
    send(rt, token);
    expect(send(rt, token)).toMatchObject({ status: 'nothing', ok: false });
    expect(rt.mail).toHaveLength(1);
    rt.menu('menuTsurSummary');
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/^Сообщать в ЦУР нечего/);
    expect(journalRows(rt)).toHaveLength(1);
  });

  it('two coordinators with previews open at once: each event goes in one letter only', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const first = preview(rt, COORDINATOR);
    const second = preview(rt, COORDINATOR_2);
    expect(send(rt, first.token, COORDINATOR).status).toBe('sent');
    const late = send(rt, second.token, COORDINATOR_2);
    expect(late.status).toBe('nothing');
    expect(late.message).toMatch(/уже сообщены в ЦУР/);
    expect(rt.mail).toHaveLength(1);
  });

  it('sends only what was previewed: an event that appeared since waits for the next letter', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const { token } = preview(rt);
    rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!.getRange('L6').setValue('x')); // harmless edit
    const restricted = JSON.stringify(['P2:creation']);
    expect(send(rt, restricted)).toMatchObject({ status: 'sent', eventIds: ['P2:creation'] });
    expect(stamps(rt)['P1']).toEqual(['', '']);
    const rest = send(rt, token);
    expect(rest).toMatchObject({ status: 'sent', eventIds: ['P1:creation', 'P4:deletion'] });
    expect(rest.message).toContain('1 событие из предпросмотра уже было сообщено и не повторялось.');
    expect(rt.mail).toHaveLength(2);
  });

  it('stamps the right rows by ID when the register was sorted between preview and send', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const { token } = preview(rt);
    rt.quietly(() => {
      const sheet = rt.spreadsheet.getSheetByName('Реестр')!;
      const range = sheet.getRange(2, 1, 4, sheet.getLastColumn());
      range.setValues([...range.getValues()].reverse());
    });
    send(rt, token);
    expect(registerRows(rt).map((row) => row['ID'])).toEqual(['P4', 'P3', 'P2', 'P1']);
    expect(stamps(rt)).toEqual({
      P1: ['2026-01-20', ''],
      P2: ['2026-01-20', ''],
      P3: ['2025-12-02', ''],
      P4: ['2025-11-05', '2026-01-20'],
    });
  });

  it('stamps nothing and says why when MailApp throws', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const { token } = preview(rt);
    mailApp(rt).failNext('Service unavailable: Mail');
    const result = send(rt, token);
    expect(result).toMatchObject({ status: 'failed', ok: false });
    expect(result.message).toMatch(/Сводка не отправлена: Service unavailable: Mail/);
    expect(rt.mail).toHaveLength(0);
    expect(stamps(rt)['P1']).toEqual(['', '']);
    expect(journalRows(rt).at(-1)![3]).toMatch(/^Не отправлена: Service unavailable: Mail/);
    // The next try goes through.
    expect(send(rt, token).status).toBe('sent');
  });

  it('refuses clearly when the mail quota is used up, before reading the register', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const { token, html } = preview(rt);
    mailApp(rt).remaining = 0;
    const { result, calls } = rt.measure(() => send(rt, token));
    expect(result.status).toBe('refused');
    expect(result.message).toBe(
      'Дневной лимит писем Google исчерпан: сегодня больше нельзя отправить ни одного письма. Письмо не отправлено; повторите завтра.',
    );
    expect(calls.byMethod['MailApp.sendEmail']).toBeUndefined();
    expect(rt.mail).toHaveLength(0);
    expect(stamps(rt)['P1']).toEqual(['', '']);
    expect(html).toContain(
      'Получателей, которым сегодня ещё можно отправить письма: 100 (дневной лимит Google считает получателей)',
    );
    // Some quota left, but less than the recipients: not «исчерпан».
    mailApp(rt).remaining = 1;
    expect(send(rt, token).message).toBe(
      'Дневного лимита писем Google не хватает: сегодня письма можно отправить ещё 1 получателю, а в этом письме их 2. ' +
        'Письмо не отправлено; повторите завтра.',
    );
    mailApp(rt).remaining = 0;
    // A preview opened with no quota left has no «Отправить» at all.
    const again = preview(rt);
    expect(again.token).toBe('');
    expect(again.html).toContain('Дневной лимит писем Google исчерпан');
  });

  it('while another action holds the lock: refuses (retry allowed), and one letter goes once it is free', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const { token } = preview(rt);
    lockService(rt).holdElsewhere();
    const busy = send(rt, token);
    expect(busy).toMatchObject({ status: 'refused', retry: true });
    expect(busy.message).toMatch(/Реестр сейчас обновляет другое действие/);
    expect(rt.mail).toHaveLength(0);
    lockService(rt).releaseElsewhere();
    expect(send(rt, token).status).toBe('sent');
    expect(send(rt, token).status).toBe('nothing');
    expect(rt.mail).toHaveLength(1);
  });

  it('refuses a clerk calling summarySend directly, and a forged token', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const { token } = preview(rt);
    expect(send(rt, token, CLERK)).toMatchObject({ status: 'refused' });
    expect(send(rt, 'not json')).toMatchObject({ status: 'refused' });
    expect(send(rt, JSON.stringify(['<img src=x>'])).status).toBe('refused');
    expect(rt.mail).toHaveLength(0);
    expect(stamps(rt)['P1']).toEqual(['', '']);
  });

  it('puts a large list into a .csv attachment and keeps the body within the limit', () => {
    const rows = Array.from({ length: 1500 }, (_, index) =>
      pageRow(`N${index}`, {
        organization: `Муниципальное бюджетное общеобразовательное учреждение № ${index}`,
        createdOn: index < 10 ? '2026-01-12' : '2026-01-19',
      }),
    );
    const rt = createRegisterRuntime({ today: TODAY, rows });
    const { token, html } = preview(rt);
    expect(html).toContain('полностью он будет во вложении svodka-tsur-2026-01-20.csv');
    expect(send(rt, token).status).toBe('sent');
    const [mail] = rt.mail;
    expect(mail!.attachments[0]!.name).toBe('svodka-tsur-2026-01-20.csv');
    expect(mail!.attachments[0]!.data.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(1501);
    expect(Buffer.byteLength(mail!.body) + Buffer.byteLength(mail!.htmlBody ?? '')).toBeLessThan(150 * 1024);
    expect(mail!.body).toContain('№ 9 (');
    expect(mail!.body).not.toContain('№ 10 (');
    expect(Object.values(stamps(rt)).every(([created]) => created === '2026-01-20')).toBe(true);
  });

  it('gives npm start the letter exactly as «Отправить» sends it', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const draft = rt.runAs({ kind: 'editor', user: COORDINATOR }, () => rt.bundle.summaryLetter!()) as {
      ok: boolean;
      message: { to: string; subject: string; body: string; htmlBody: string; attachments: unknown[] };
      token: string;
    };
    expect(draft.ok).toBe(true);
    send(rt, draft.token);
    const [mail] = rt.mail;
    expect({ to: mail!.to, subject: mail!.subject, body: mail!.body, htmlBody: mail!.htmlBody }).toEqual({
      to: draft.message.to,
      subject: draft.message.subject,
      body: draft.message.body,
      htmlBody: draft.message.htmlBody,
    });
  });
});

describe('writing the stamps', () => {
  /** P1 and P2 pending; between them a legacy row with text in its stamp cell and a formula beside it. */
  const LEGACY: RowSpec[] = [
    pageRow('P1', { createdOn: '2026-01-19', deptReportedCreation: '2026-01-19' }),
    pageRow('L1', {
      createdOn: '2025-10-01',
      deptReportedCreation: '2025-10-01',
      tsurReportedCreation: 'по телефону',
    }),
    pageRow('P2', { createdOn: '2026-01-19', deptReportedCreation: '2026-01-19' }),
  ];
  const TSUR_CREATION = 16; // column P: «Сообщено в ЦУР (создание)»

  function legacyRuntime(): Runtime {
    const rt = createRegisterRuntime({ today: TODAY, rows: LEGACY });
    rt.quietly(() => {
      const sheet = rt.spreadsheet.getSheetByName('Реестр')!;
      const app = rt.services.SpreadsheetApp;
      // What setup puts on the service date columns: only dates, anything else refused.
      sheet
        .getRange(2, TSUR_CREATION, 999, 2)
        .setDataValidation(app.newDataValidation().requireDate().setAllowInvalid(false).build());
      sheet.getRange(3, TSUR_CREATION + 1).setFormula('=DATE(2025;10;2)');
    });
    return rt;
  }

  it('writes only the stamp cells: text and a formula in a row between them stay, and nothing else is rewritten', () => {
    const rt = legacyRuntime();
    expect(rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')!.getRange('P1').getValue())).toBe(
      'Сообщено в ЦУР (создание)',
    );
    const { token } = preview(rt);
    expect(JSON.parse(token)).toEqual(['P1:creation', 'P2:creation']); // L1 is left out: its stamp cell holds text
    const { result, calls } = rt.measure(() => send(rt, token));
    expect(result.status).toBe('sent');
    expect(result.message).toMatch(/Отметки «Сообщено в ЦУР» поставлены/);
    const byId = Object.fromEntries(registerRows(rt).map((row) => [row['ID'], row]));
    expect(byId['P1']!['Сообщено в ЦУР (создание)']).toBe(TODAY);
    expect(byId['P2']!['Сообщено в ЦУР (создание)']).toBe(TODAY);
    expect(byId['L1']!['Сообщено в ЦУР (создание)']).toBe('по телефону');
    expect(
      rt.quietly(() =>
        rt.spreadsheet
          .getSheetByName('Реестр')!
          .getRange(3, TSUR_CREATION + 1)
          .getFormula(),
      ),
    ).toBe('=DATE(2025;10;2)');
    // The two stamps in one call: a RangeList, one value for all.
    expect(calls.byMethod['RangeList.setValue']).toBe(1);
    expect(calls.byMethod['Sheet.getRangeList']).toBe(1);
  });

  it('when the stamps cannot be written even on the second try: the message and the journal name the events to stamp by hand', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const { token } = preview(rt);
    rt.ctx.failOn('RangeList.setValue', 1, 'Service Spreadsheets failed');
    rt.ctx.failOn('RangeList.setValue', 2, 'Service Spreadsheets failed');
    const result = send(rt, token);
    expect(result.status).toBe('sent');
    expect(rt.mail).toHaveLength(1);
    expect(result.message).toContain('Письмо отправлено, но отметки «Сообщено в ЦУР» записать не удалось');
    expect(result.message).toContain(
      'поставьте их вручную для P1 (создание), P4 (удаление), P2 (создание): дату 20.01.2026 ' +
        'в «Сообщено в ЦУР (создание)» и «Сообщено в ЦУР (удаление)», иначе следующая сводка сообщит их повторно',
    );
    expect(journalRows(rt).at(-1)![3]).toContain(
      'поставьте их вручную для P1 (создание), P4 (удаление), P2 (создание)',
    );
    expect(stamps(rt)['P1']).toEqual(['', '']);
  });

  it('a failure of the first try is made good by the second, from a fresh read', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    const { token } = preview(rt);
    rt.ctx.failOn('RangeList.setValue', 1, 'Service Spreadsheets failed');
    const result = send(rt, token);
    expect(result.message).toMatch(/Отметки «Сообщено в ЦУР» поставлены/);
    expect(stamps(rt)['P1']).toEqual(['2026-01-20', '']);
    expect(send(rt, token).status).toBe('nothing');
  });
});

describe('a page restored and deleted again', () => {
  // Deleted in December (reported both ways), restored, deleted again on 16.01: the old stamps are not this deletion's.
  const AGAIN: RowSpec[] = [
    pageRow('R1', {
      createdOn: '2025-11-03',
      deptReportedCreation: '2025-11-03',
      tsurReportedCreation: '2025-11-05',
      deletedOn: '2026-01-16',
      deptReportedDeletion: '2025-12-01',
      tsurReportedDeletion: '2025-12-02',
    }),
  ];

  it('is reported again, and its stamp of the earlier deletion is replaced by today', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: AGAIN });
    const { token } = preview(rt);
    expect(JSON.parse(token)).toEqual(['R1:deletion']);
    expect(send(rt, token)).toMatchObject({ status: 'sent', eventIds: ['R1:deletion'] });
    expect(stamps(rt)['R1']).toEqual(['2025-11-05', TODAY]);
    rt.menu('menuTsurSummary');
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/^Сообщать в ЦУР нечего/);
  });
});

describe('rows that cannot be reported safely', () => {
  it('the same page in two rows goes out once, counted once; the repeat is named in the preview', () => {
    const rt = createRegisterRuntime({
      today: TODAY,
      rows: [
        pageRow('S1', { link: 'https://vk.com/school1', createdOn: '2026-01-19' }),
        pageRow('S2', { link: 'vk.ru/School1/', createdOn: '2026-01-19' }),
      ],
    });
    const { html, token } = preview(rt);
    expect(JSON.parse(token)).toEqual(['S1:creation']);
    expect(html).toContain(
      'Строка 3 не входит в сводку, пока её не исправят (исправьте Реестр!E3): та же страница уже внесена в строке 2 — удалите или исправьте повтор.',
    );
    send(rt, token);
    expect(rt.mail[0]!.body).toContain('Действующих официальных страниц: 1 (ВКонтакте — 1, Одноклассники — 0).');
    expect(stamps(rt)).toEqual({ S1: [TODAY, ''], S2: ['', ''] });
  });

  it('a row whose ЦУР stamp holds text («по телефону») is left out and named, never reported again and again', () => {
    const rt = createRegisterRuntime({
      today: TODAY,
      rows: [pageRow('L1', { createdOn: '2026-01-12', tsurReportedCreation: 'по телефону' })],
    });
    rt.menu('menuTsurSummary');
    expect(rt.ui.panels).toHaveLength(0);
    expect(rt.ui.alerts.at(-1)?.prompt).toContain(
      'Строка 2 не входит в сводку, пока её не исправят (исправьте Реестр!P2): «Сообщено в ЦУР (создание)»: «по телефону» не похоже на дату',
    );
    expect(rt.mail).toHaveLength(0);
  });
});

describe('when «Журнал» cannot be written', () => {
  it('the send says so: a coordinator added after setup is not yet an editor of the protected sheet', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    rt.quietly(() =>
      rt.runAs({ kind: 'editor', user: OWNER }, () => {
        const protection = rt.spreadsheet.insertSheet('Журнал').protect();
        protection.removeEditors([COORDINATOR, COORDINATOR_2, CLERK]);
      }),
    );
    const { token } = preview(rt);
    const result = send(rt, token);
    expect(result.status).toBe('sent');
    expect(result.message).toContain('Отметки «Сообщено в ЦУР» поставлены.');
    expect(result.message).toContain(
      'Запись в «Журнал» не сделана (You are trying to edit a protected cell or object.',
    );
    expect(result.message).toContain('попросите координатора выполнить «Реестр страниц → Настроить реестр»');
    expect(journalRows(rt)).toEqual([]);
  });
});
