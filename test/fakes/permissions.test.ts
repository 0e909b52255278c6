import { CLERK, OWNER, runtime } from './helpers';

describe('execution contexts', () => {
  it('refuses mail, sidebars and trigger management in a simple trigger, with Apps Script messages', () => {
    const rt = runtime();
    const { MailApp, ScriptApp, HtmlService, SpreadsheetApp } = rt.services;
    const simple = <T>(fn: () => T) => rt.runAs('simple', CLERK, fn);
    expect(() => simple(() => MailApp.sendEmail('a@b.ru', 'Тема', 'Текст'))).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(() => simple(() => SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>')))).toThrow(
      'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
    expect(() => simple(() => ScriptApp.newTrigger('dailyCheck'))).toThrow(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(() => simple(() => ScriptApp.getProjectTriggers())).toThrow('ScriptApp.getProjectTriggers');
    // menus, the spreadsheet and properties are fine
    simple(() => SpreadsheetApp.getUi().createMenu('Реестр страниц').addItem('О надстройке', 'menuAbout').addToUi());
    simple(() => SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1').setValue('x'));
    simple(() => rt.services.PropertiesService.getDocumentProperties().setProperty('k', 'v'));
    expect(rt.mail).toEqual([]);
  });

  it('lets the same calls through from a menu, a sidebar and the editor', () => {
    const rt = runtime();
    const { MailApp, SpreadsheetApp, HtmlService } = rt.services;
    rt.runAs('menu', CLERK, () =>
      SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>').setTitle('Реестр')),
    );
    rt.runAs('sidebar', CLERK, () => MailApp.sendEmail('a@b.ru', 'Тема', 'Текст'));
    MailApp.sendEmail('a@b.ru', 'Тема', 'Текст');
    expect(rt.mail).toHaveLength(2);
    expect(rt.ui.panels[0]).toMatchObject({ kind: 'sidebar', title: 'Реестр', html: '<p>' });
  });

  it('allows only menus in AuthMode.NONE', () => {
    const rt = runtime();
    const { SpreadsheetApp, PropertiesService } = rt.services;
    const none = <T>(fn: () => T) => rt.runAs({ kind: 'simple', authMode: 'NONE' }, fn);
    none(() => SpreadsheetApp.getUi().createAddonMenu().addItem('О надстройке', 'menuAbout').addToUi());
    expect(() => none(() => SpreadsheetApp.getActiveSpreadsheet())).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
    );
    expect(() => none(() => PropertiesService.getDocumentProperties())).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
  });

  it('has no Ui in a time-driven trigger', () => {
    const rt = runtime();
    expect(() => rt.runAs('timeDriven', () => rt.services.SpreadsheetApp.getUi())).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    rt.runAs('timeDriven', () => rt.services.MailApp.sendEmail('a@b.ru', 'Тема', 'Текст'));
    expect(rt.mail[0]?.from).toBe(OWNER);
  });

  it("hides the active user from a simple trigger unless they share the owner's Workspace domain", () => {
    const rt = runtime();
    const email = () => rt.services.Session.getActiveUser().getEmail();
    expect(rt.runAs('simple', CLERK, email)).toBe(CLERK);
    expect(rt.runAs('simple', 'someone@gmail.com', email)).toBe('');
    expect(rt.runAs('menu', 'someone@gmail.com', email)).toBe('someone@gmail.com');
    expect(rt.runAs('timeDriven', OWNER, () => rt.services.Session.getEffectiveUser().getEmail())).toBe(OWNER);
    expect(rt.services.Session.getScriptTimeZone()).toBe('Europe/Moscow');
  });
});
