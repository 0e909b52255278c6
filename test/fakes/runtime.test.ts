import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, createSpreadsheet } from '../../dev/runtime';
import { CLERK, OWNER, moscowDay, runtime } from './helpers';

const FIXTURE = join(__dirname, 'fixtures/Code.js');

describe('the runtime with the real build/Code.js', () => {
  beforeAll(() => {
    if (!existsSync(join(REPO_ROOT, 'build/Code.js'))) execFileSync('node', ['scripts/build.mjs'], { cwd: REPO_ROOT });
  });

  it('loads the bundle and onOpen adds the menu «Реестр страниц» as a simple trigger', () => {
    const rt = runtime({ user: CLERK });
    const bundle = rt.loadBundle();
    expect(typeof bundle.onOpen).toBe('function');
    expect(typeof bundle.menuAbout).toBe('function');
    rt.simulateOpen();
    const menu = rt.ui.menu('Реестр страниц');
    expect(menu).toBeDefined();
    expect(menu!.items).toContainEqual({ caption: 'О надстройке', handler: 'menuAbout' });
    for (const item of menu!.items)
      if (typeof item === 'object' && 'handler' in item) expect(typeof bundle[item.handler]).toBe('function');
  });

  it("runs a menu handler with the user's authorisation", () => {
    const rt = runtime();
    rt.loadBundle();
    rt.menu('menuAbout');
    expect(rt.ui.panels[0]?.title).toBe('О надстройке «Реестр страниц»');
    expect(() => rt.menu('noSuchHandler')).toThrow('Script function not found: noSuchHandler');
  });
});

describe('the runtime with a hand-written bundle', () => {
  it('gives the bundle only the services, with a clock set by the test', () => {
    const rt = runtime({ now: new Date('2024-03-05T09:00:00+03:00') });
    const bundle = rt.loadBundle(FIXTURE);
    expect(bundle.today!()).toBe('2024-03-05');
    rt.setNow(new Date('2024-12-31T22:30:00Z'));
    expect(bundle.today!()).toBe('2025-01-01');
    expect(Object.keys(bundle).sort()).toEqual([
      'daily',
      'dailyWithUi',
      'installDaily',
      'localTime',
      'lockAndLeave',
      'onEdit',
      'parseHost',
      'realms',
      'sidebarDate',
      'sidebarEcho',
      'today',
    ]);
  });

  it("works in the script's time zone for local-time Date methods, as Apps Script does", () => {
    const rt = runtime({ now: new Date('2024-03-04T22:30:00Z') }); // 05.03.2024 01:30 in Moscow
    const bundle = rt.loadBundle(FIXTURE);
    expect(bundle.localTime!()).toEqual({
      date: 5,
      hours: 1,
      offset: -180,
      midnight: '2024-03-04T21:00:00.000Z',
      built: '2024-03-04T21:00:00.000Z',
      overflow: '2024-12-31T21:00:00.000Z',
      parsedLocal: '2024-03-05T07:00:00.000Z',
      parsedUtc: '2024-03-05T00:00:00.000Z',
      parsedZoned: Date.UTC(2024, 2, 5, 10),
      text: 'Tue Mar 05 2024 01:30:00 GMT+0300 (Europe/Moscow)',
      called: 'string',
      intl: '05.03.2024',
      locale: '05.03.2024',
      sameProto: true,
    });
  });

  it('hands the bundle arrays, dates and errors of its own realm', () => {
    const rt = runtime();
    const bundle = rt.loadBundle(FIXTURE);
    rt.spreadsheet
      .getActiveSheet()
      .getRange('A1:B1')
      .setValues([[moscowDay('2024-03-05'), 'x']]);
    expect(bundle.realms!()).toEqual({
      arrayIsArray: true,
      dateIsDate: true,
      errorIsError: true,
      errorName: 'Exception',
      nowIsDate: true,
      dateNow: new Date('2024-03-05T09:00:00+03:00').getTime(),
      noRequire: true,
      noProcess: true,
    });
    expect(rt.missingGlobals).toEqual([]);
    // on the test's side values stay in the host realm
    expect(rt.spreadsheet.getActiveSheet().getRange('A1').getValue()).toBeInstanceOf(Date);
  });

  it('has no URL, like Apps Script, and reports code that silently relies on it', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const rt = runtime();
      const bundle = rt.loadBundle(FIXTURE);
      expect(bundle.parseHost!('https://vk.com/shpak')).toBeNull();
      expect(rt.missingGlobals).toEqual(['URL']);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('the bundle used URL'));
      const withUrl = runtime({ globals: { URL } });
      expect(withUrl.loadBundle(FIXTURE).parseHost!('https://vk.com/shpak')).toBe('vk.com');
    } finally {
      warn.mockRestore();
    }
  });

  it('simulates an edit: writes as the user, then runs onEdit as a simple trigger with the event', () => {
    const rt = runtime({ editors: [CLERK] });
    const bundle = rt.loadBundle(FIXTURE);
    expect(() => rt.simulateEdit('Лист1!B2', { value: '05.03.2024', oldValue: 'было', user: CLERK })).toThrow(
      'You do not have permission to call MailApp.sendEmail',
    );
    expect(rt.spreadsheet.getRange('Лист1!Z1').getValue()).toBe(`B2|45356|было|${CLERK}|LIMITED`);
    expect(rt.spreadsheet.getRange('Лист1!B2').getValue()).toEqual(moscowDay('2024-03-05'));
    expect(bundle.onEdit).toBeDefined();
  });

  it('fires an installed time-driven trigger as its creator, where there is no Ui', () => {
    const rt = runtime({ editors: [CLERK] });
    const bundle = rt.loadBundle(FIXTURE);
    expect(() => rt.fireTimeDriven('daily')).toThrow('no time-driven trigger is installed for daily');
    expect(() => rt.runAs('simple', CLERK, () => bundle.installDaily!())).toThrow('ScriptApp.newTrigger');
    rt.menu('installDaily', CLERK);
    expect(rt.fireTimeDriven('daily')).toBe(CLERK);
    expect(rt.spreadsheet.toasts[0]?.message).toBe('daily 1 2024-03-05');
    expect(() => rt.fireTimeDriven('dailyWithUi', { requireTrigger: false })).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  it('passes sidebar calls through JSON like google.script.run', () => {
    const rt = runtime();
    rt.loadBundle(FIXTURE);
    expect(rt.scriptRun('sidebarEcho', { name: 'ВК', n: 1 })).toEqual({ got: { name: 'ВК', n: 1 }, at: '2024-03-05' });
    expect(() => rt.scriptRun('sidebarEcho', new Date())).toThrow('a Date or function cannot be passed');
    expect(rt.scriptRun('sidebarDate')).toBeNull();
  });

  it('releases locks when an execution ends', () => {
    const rt = runtime();
    const bundle = rt.loadBundle(FIXTURE);
    bundle.lockAndLeave!();
    expect(rt.services.LockService.isHeld('script')).toBe(false);
  });

  it('adopts a spreadsheet prepared before the runtime', () => {
    const book = createSpreadsheet({ firstSheet: 'Реестр', owner: OWNER });
    book.getSheetByName('Реестр')!.getRange('A1').setValue('ID');
    const rt = runtime({ spreadsheet: book, user: CLERK });
    expect(rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Реестр')!.getRange('A1').getValue()).toBe(
      'ID',
    );
    expect(rt.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(rt.services.Session.getActiveUser().getEmail()).toBe(CLERK);
  });
});
