import { QUOTA_MESSAGE } from '../../dev/fakes/mail';
import { CLERK, OWNER, moscowDay, runtime } from './helpers';

describe('MailApp', () => {
  it('records both call forms, with cc, html and attachments', () => {
    const rt = runtime();
    const { MailApp, Utilities } = rt.services;
    MailApp.sendEmail('cur@stavregion.ru', 'Сводка', 'Текст', {
      cc: 'coord@shpak-adm.ru',
      htmlBody: '<b>Текст</b>',
      name: 'Реестр страниц',
      attachments: [Utilities.newBlob('a;b\n1;2', 'text/csv', 'pages.csv')],
    });
    MailApp.sendEmail({ to: 'a@b.ru, c@d.ru', subject: 'Тема', body: 'Тело' });
    expect(rt.mail).toHaveLength(2);
    expect(rt.mail[0]).toMatchObject({
      to: 'cur@stavregion.ru',
      cc: 'coord@shpak-adm.ru',
      subject: 'Сводка',
      body: 'Текст',
      htmlBody: '<b>Текст</b>',
      name: 'Реестр страниц',
      from: OWNER,
    });
    expect(rt.mail[0]?.attachments[0]).toMatchObject({ name: 'pages.csv', contentType: 'text/csv' });
    expect(rt.mail[0]?.attachments[0]?.data.toString('utf8')).toBe('a;b\n1;2');
    expect(rt.mail[1]?.sentAt).toEqual(new Date('2024-03-05T09:00:00+03:00'));
    expect(MailApp.getRemainingDailyQuota()).toBe(100 - 4);
  });

  it("refuses with Apps Script's message when the daily quota is used up", () => {
    const rt = runtime({ mailQuota: 2 });
    const { MailApp } = rt.services;
    MailApp.sendEmail('a@b.ru', 'Тема', 'Тело');
    expect(() => MailApp.sendEmail({ to: 'a@b.ru', cc: 'c@d.ru', subject: 'Тема', body: 'Тело' })).toThrow(
      QUOTA_MESSAGE,
    );
    MailApp.sendEmail('a@b.ru', 'Тема', 'Тело');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => MailApp.sendEmail('a@b.ru', 'Тема', 'Тело')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(rt.mail).toHaveLength(2);
  });

  it('fails on demand, and refuses messages without valid recipients', () => {
    const rt = runtime();
    const { MailApp } = rt.services;
    rt.services.MailApp.failNext('Service unavailable: Mail');
    expect(() => MailApp.sendEmail('a@b.ru', 'Тема', 'Тело')).toThrow('Service unavailable: Mail');
    MailApp.sendEmail('a@b.ru', 'Тема', 'Тело');
    expect(() => MailApp.sendEmail('', 'Тема', 'Тело')).toThrow('Failed to send email: no recipient');
    expect(() => MailApp.sendEmail('не адрес', 'Тема', 'Тело')).toThrow('Invalid email: не адрес');
    expect(rt.mail).toHaveLength(1);
  });
});

describe('LockService', () => {
  it('takes and releases the script lock, and refuses while another execution holds it', () => {
    const rt = runtime();
    const { LockService } = rt.services;
    const lock = LockService.getScriptLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(LockService.getScriptLock().tryLock(10)).toBe(false);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    LockService.holdElsewhere('script');
    expect(LockService.getScriptLock().tryLock(5000)).toBe(false);
    expect(() => LockService.getScriptLock().waitLock(5000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(LockService.getDocumentLock().tryLock(10)).toBe(true);
    LockService.releaseElsewhere('script');
    expect(LockService.getScriptLock().tryLock(10)).toBe(true);
  });

  it('releases what an execution still holds when it ends', () => {
    const rt = runtime();
    rt.runAs('menu', () => rt.services.LockService.getScriptLock().waitLock(1000));
    expect(rt.services.LockService.isHeld('script')).toBe(false);
  });
});

describe('ScriptApp', () => {
  it("creates, lists and deletes triggers per user, with Apps Script's limit of 20", () => {
    const rt = runtime();
    const { ScriptApp } = rt.services;
    const trigger = ScriptApp.newTrigger('dailyCheck')
      .timeBased()
      .everyDays(1)
      .atHour(9)
      .inTimezone('Europe/Moscow')
      .create();
    expect(trigger.getHandlerFunction()).toBe('dailyCheck');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getUniqueId()).toMatch(/\d+/);
    ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(rt.spreadsheet).onEdit().create();
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual([
      'dailyCheck',
      'onEditInstalled',
    ]);
    expect(rt.runAs('menu', CLERK, () => ScriptApp.getProjectTriggers())).toEqual([]);
    ScriptApp.deleteTrigger(trigger);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    for (let i = 0; i < 19; i++) ScriptApp.newTrigger(`h${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('one').timeBased().everyDays(1).create()).toThrow(
      'This script has too many triggers.',
    );
    expect(() => ScriptApp.newTrigger('x').timeBased().atHour(24)).toThrow();
  });
});

describe('PropertiesService, Session, Utilities, HtmlService, Logger', () => {
  it('keeps script, document and per-user properties as strings', () => {
    const rt = runtime();
    const { PropertiesService } = rt.services;
    PropertiesService.getScriptProperties().setProperty('n', 5 as unknown as string);
    PropertiesService.getDocumentProperties().setProperties({ a: '1', b: '2' });
    PropertiesService.getUserProperties().setProperty('me', 'owner');
    expect(PropertiesService.getScriptProperties().getProperty('n')).toBe('5');
    expect(PropertiesService.getDocumentProperties().getProperties()).toEqual({ a: '1', b: '2' });
    expect(PropertiesService.getDocumentProperties().getProperty('missing')).toBeNull();
    expect(rt.runAs('menu', CLERK, () => PropertiesService.getUserProperties().getProperty('me'))).toBeNull();
    PropertiesService.getDocumentProperties().deleteProperty('a');
    expect(PropertiesService.getDocumentProperties().getKeys()).toEqual(['b']);
  });

  it('formats dates with Java patterns in a time zone', () => {
    const { Utilities } = runtime().services;
    const date = new Date('2024-03-04T21:05:09Z');
    expect(Utilities.formatDate(date, 'Europe/Moscow', 'dd.MM.yyyy')).toBe('05.03.2024');
    expect(Utilities.formatDate(date, 'Europe/Moscow', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-03-05 00:05:09');
    expect(Utilities.formatDate(date, 'UTC', "EEE, d MMM yyyy 'at' h:mm a Z")).toBe('Mon, 4 Mar 2024 at 9:05 PM +0000');
    expect(Utilities.formatDate(date, 'Europe/Moscow', 'EEEE, MMMM XXX')).toBe('Tuesday, March +03:00');
    expect(Utilities.formatDate(moscowDay('2024-01-01'), 'Europe/Moscow', 'yy DDD u')).toBe('24 001 1');
  });

  it('makes blobs, UUIDs, base64 and counts sleeps without waiting', () => {
    const rt = runtime();
    const { Utilities } = rt.services;
    const blob = Utilities.newBlob('Привет', 'text/plain', 'a.txt');
    expect([blob.getDataAsString(), blob.getName(), blob.getContentType()]).toEqual(['Привет', 'a.txt', 'text/plain']);
    expect(blob.getBytes().some((b) => b < 0)).toBe(true);
    expect(blob.setName('b.txt').getName()).toBe('b.txt');
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(Utilities.base64Encode('abc')).toBe('YWJj');
    Utilities.sleep(1500);
    expect(rt.services.Utilities.slept).toBe(1500);
  });

  it('serves HTML from the build directory and templates', () => {
    const rt = runtime({ buildDir: __dirname });
    const { HtmlService } = rt.services;
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
    const output = HtmlService.createHtmlOutput('<p>a</p>').setTitle('Реестр').setWidth(300).append('<p>b</p>');
    expect([output.getContent(), output.getTitle(), output.getWidth()]).toEqual(['<p>a</p><p>b</p>', 'Реестр', 300]);
    const template = HtmlService.createTemplate('<h1><?= title ?></h1><?!= raw ?>');
    Object.assign(template, { title: '<Реестр>', raw: '<i>x</i>' });
    expect(template.evaluate().getContent()).toBe('<h1>&lt;Реестр&gt;</h1><i>x</i>');
    expect(HtmlService.XFrameOptionsMode.ALLOWALL).toBeDefined();
  });

  it('logs', () => {
    const { Logger } = runtime().services;
    Logger.log('строк: %s', 3);
    Logger.log({ a: 1 });
    expect(Logger.getLog()).toBe('строк: 3\n{"a":1}\n');
  });

  it('records toasts and scripted alert and prompt answers', () => {
    const rt = runtime();
    const ui = rt.services.SpreadsheetApp.getUi();
    rt.spreadsheet.toast('Готово', 'Реестр', 3);
    expect(rt.spreadsheet.toasts).toEqual([{ message: 'Готово', title: 'Реестр', timeoutSeconds: 3 }]);
    rt.ui.answerAlerts(ui.Button.NO).answerPrompts({ text: 'ответ' });
    expect(ui.alert('Вопрос', 'Продолжить?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Ещё?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.alert('Сообщение')).toBe(ui.Button.OK);
    const response = ui.prompt('Имя?');
    expect([response.getSelectedButton(), response.getResponseText()]).toEqual([ui.Button.OK, 'ответ']);
    expect(rt.ui.alerts.map((a) => [a.title, a.prompt])).toEqual([
      ['Вопрос', 'Продолжить?'],
      ['', 'Ещё?'],
      ['', 'Сообщение'],
    ]);
  });
});
