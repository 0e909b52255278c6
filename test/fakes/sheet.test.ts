import { CLERK, OWNER, runtime } from './helpers';

describe('Sheet', () => {
  it('tracks the last row and column with content, and the grid size', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([
      0, 0, 1000, 26,
    ]);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('B7').setBackground('#eeeeee');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });

  it('grows when rows or columns are inserted and when appendRow needs room', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.getRange('A1:B1').setValues([['ID', 'Организация']]);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['ID', '', '', 'Организация']]);
    sheet.insertColumnAfter(28);
    expect(sheet.getMaxColumns()).toBe(29);
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['appended']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('appended');
    sheet.insertRowsBefore(2, 3);
    expect(sheet.getMaxRows()).toBe(1004);
    expect(sheet.getRange(1004, 1).getValue()).toBe('appended');
  });

  it('replaces all conditional-format rules on setConditionalFormatRules', () => {
    const rt = runtime();
    const app = rt.services.SpreadsheetApp;
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    const users = app
      .newConditionalFormatRule()
      .whenTextEqualTo('x')
      .setBackground('#00FF00')
      .setRanges([sheet.getRange('A2:A')])
      .build();
    const ours = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$B2=""')
      .setBackground('#F4CCCC')
      .setFontColor('#990000')
      .setBold(true)
      .setRanges([sheet.getRange('B2:B1000')])
      .build();
    sheet.setConditionalFormatRules([users, ours]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    sheet.setConditionalFormatRules([ours]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    const condition = rules[0]!.getBooleanCondition()!;
    expect(condition.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    expect(condition.getCriteriaValues()).toEqual(['=$B2=""']);
    expect([condition.getBackground(), condition.getFontColor(), condition.getBold(), condition.getItalic()]).toEqual([
      '#f4cccc',
      '#990000',
      true,
      null,
    ]);
    expect(rules[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(['B2:B1000']);
    // keeping the users' rules is the caller's job: filter, then set again
    sheet.setConditionalFormatRules([users, ...sheet.getConditionalFormatRules()]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  it('moves rule ranges and protections with inserted columns', () => {
    const rt = runtime();
    const app = rt.services.SpreadsheetApp;
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#ffff00')
      .setRanges([sheet.getRange('C2:D10')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const protection = sheet.getRange('E1:E5').protect();
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('D2:E10');
    sheet.insertColumnAfter(4); // inside the rule's range: it grows
    expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('D2:F10');
    expect(protection.getRange().getA1Notation()).toBe('G1:G5');
    sheet.deleteColumns(5, 1);
    expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('D2:E10');
    expect(protection.getRange().getA1Notation()).toBe('F1:F5');
  });

  it('freezes rows, sets column widths and hides columns', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 250);
    sheet.hideColumns(3, 2);
    expect([sheet.getFrozenRows(), sheet.getColumnWidth(2), sheet.getColumnWidth(1)]).toEqual([1, 250, 100]);
    expect([sheet.isColumnHiddenByUser(3), sheet.isColumnHiddenByUser(4), sheet.isColumnHiddenByUser(5)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('names sheets uniquely, case-insensitively, and finds them by name', () => {
    const rt = runtime();
    const ss = rt.spreadsheet;
    ss.insertSheet('Реестр');
    expect(ss.getSheetByName('реестр')?.getName()).toBe('Реестр');
    expect(ss.getSheetByName('Журнал')).toBeNull();
    expect(() => ss.insertSheet('РЕЕСТР')).toThrow(
      'A sheet with the name "РЕЕСТР" already exists. Please enter another name.',
    );
    expect(ss.insertSheet().getName()).toBe('Лист3');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Лист1', 'Реестр', 'Лист3']);
    expect(ss.getActiveSheet().getName()).toBe('Лист3');
  });
});

describe('Protection', () => {
  it('mirrors the spreadsheet editors until its editor list changes, then stops other users writing', () => {
    const rt = runtime({ editors: [CLERK] });
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    const protection = sheet.getRange('A1:A10').protect().setDescription('Служебные столбцы');
    rt.runAs('menu', CLERK, () => sheet.getRange('A1').setValue('можно'));
    protection.removeEditors([CLERK]);
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    expect(() => rt.runAs('menu', CLERK, () => sheet.getRange('A2').setValue('нельзя'))).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    rt.runAs('menu', CLERK, () => sheet.getRange('B2').setValue('рядом можно'));
    expect(rt.runAs('menu', CLERK, () => protection.canEdit())).toBe(false);
    sheet.getRange('A2').setValue('владелец может');
    protection.setWarningOnly(true);
    rt.runAs('menu', CLERK, () => sheet.getRange('A3').setValue('предупреждение не мешает'));
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['можно'], ['владелец может'], ['предупреждение не мешает']]);
    expect(protection.getDescription()).toBe('Служебные столбцы');
  });

  it('lists protections by type, returns the existing sheet protection again and removes them', () => {
    const rt = runtime({ editors: [CLERK] });
    const app = rt.services.SpreadsheetApp;
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    const whole = sheet.protect().setUnprotectedRanges([sheet.getRange('B2:C100')]);
    whole.removeEditors([CLERK]);
    expect(sheet.protect().getDescription()).toBe(whole.getDescription());
    sheet.getRange('A1').protect();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(rt.spreadsheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    rt.runAs('menu', CLERK, () => sheet.getRange('B2:C3').setValue('в незащищённой части'));
    expect(() => rt.runAs('menu', CLERK, () => sheet.getRange('D2').setValue('x'))).toThrow('protected cell');
    whole.remove();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
    rt.runAs('menu', CLERK, () => sheet.getRange('D2').setValue('x'));
  });
});
