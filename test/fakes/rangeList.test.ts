import { moscowDay, runtime } from './helpers';

describe('Sheet.getRangeList', () => {
  it('writes one value to scattered cells in one counted call, leaving the cells between untouched', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.getRange('B1:B4').setValues([['x'], ['=1+1'], ['по телефону'], ['y']]);
    const { calls } = rt.measure(() => sheet.getRangeList(['B1', 'B4', 'C2:C3']).setValue(moscowDay('2026-01-20')));
    expect(calls.byMethod).toEqual({ 'Sheet.getRangeList': 1, 'RangeList.setValue': 1 });
    expect(sheet.getRange('B1:C4').getValues()).toEqual([
      [moscowDay('2026-01-20'), ''],
      [2, moscowDay('2026-01-20')],
      ['по телефону', moscowDay('2026-01-20')],
      [moscowDay('2026-01-20'), ''],
    ]);
    expect(sheet.getRange('B2').getFormula()).toBe('=1+1');
    expect(
      sheet
        .getRangeList(['A1', 'B2'])
        .getRanges()
        .map((range) => range.getA1Notation()),
    ).toEqual(['A1', 'B2']);
  });

  it('applies data validation to each range; the ranges before a refused one stay written', () => {
    const rt = runtime();
    const app = rt.services.SpreadsheetApp;
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.getRange('A2').setDataValidation(app.newDataValidation().requireDate().setAllowInvalid(false).build());
    expect(() => sheet.getRangeList(['A1', 'A2', 'A3']).setValue('не дата')).toThrow(
      'The data you entered in cell A2 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['не дата'], [''], ['']]);
    expect(() => sheet.getRangeList([])).toThrow(/getRangeList/);
    expect(() => sheet.getRangeList(['Лист2!A1'])).toThrow('Range not found');
  });
});
