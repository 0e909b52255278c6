import { moscowDay, runtime } from './helpers';

function setup() {
  const rt = runtime();
  return { rt, sheet: rt.spreadsheet.insertSheet('Реестр') };
}

describe('Range values', () => {
  it('refuses data of the wrong shape with Apps Script messages', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:C2');
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setNotes([['a', 'b', 'c']])).toThrow('The data has 1 but the range has 2.');
    expect(() => range.setBackgrounds([['#fff'], ['#fff']])).toThrow('The number of columns in the data');
    expect(() => range.setValues('x' as unknown as unknown[][])).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('refuses coordinates outside the grid with Apps Script messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(2, 1, 0, 3)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(2, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });

  it('stores "=…" as a formula and "\'=…" as text without the apostrophe', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['=1+1', "'=1+1", "'+7 (999) 123"]]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=1+1', '', '']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[2, '=1+1', '+7 (999) 123']]);
    sheet.getRange('A2').setFormula('=A1*2');
    expect(sheet.getRange('A2').getFormula()).toBe('=A1*2');
    sheet.getRange('A2').setValue('plain');
    expect(sheet.getRange('A2').getFormula()).toBe('');
  });

  it('returns formula results from an evaluator when the spreadsheet has one', () => {
    const { rt, sheet } = setup();
    rt.spreadsheet.formulaEvaluator = (formula) => (formula === '=1+1' ? 2 : undefined);
    sheet.getRange('A1:B1').setValues([['=1+1', '=UNKNOWN()']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[2, '']]);
  });

  it('parses written strings as the Russian locale does, unless they start with an apostrophe', () => {
    const { sheet } = setup();
    const input = [
      [
        '05.03.2024',
        '1,5',
        '1 234,5',
        '007',
        'TRUE',
        'ложь',
        '2.1',
        '12%',
        '2024-03-05',
        '+79991234567',
        "'05.03.2024",
        'текст',
      ],
    ];
    sheet.getRange(1, 1, 1, input[0]!.length).setValues(input);
    const [values] = sheet.getRange(1, 1, 1, input[0]!.length).getValues();
    expect(values).toEqual([
      moscowDay('2024-03-05'),
      1.5,
      1234.5,
      7,
      true,
      false,
      moscowDay('2024-01-02'), // "2.1" is 2 January of the current year: a trap for clause numbers
      0.12,
      moscowDay('2024-03-05'),
      79991234567,
      '05.03.2024',
      'текст',
    ]);
    expect(values?.[0]).toBeInstanceOf(Date);
  });

  it('keeps strings as typed in cells formatted as plain text', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1').setNumberFormat('@');
    cell.setValue('1022602822450');
    expect(cell.getValue()).toBe('1022602822450');
    cell.setValue('05.03.2024');
    expect(cell.getValue()).toBe('05.03.2024');
  });

  it('returns date cells as Date objects and displays them by number format (dd.MM.yyyy by default)', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setValue(moscowDay('2024-03-05'));
    expect(cell.getValue()).toEqual(moscowDay('2024-03-05'));
    expect(cell.getDisplayValue()).toBe('05.03.2024');
    expect(cell.getNumberFormat()).toBe('dd.MM.yyyy');
    cell.setNumberFormat('yyyy-mm-dd');
    expect(cell.getDisplayValue()).toBe('2024-03-05');
    cell.setNumberFormat('0');
    expect(cell.getValue()).toBe(45356);
    const time = sheet.getRange('B1').setValue(new Date('2024-03-05T14:30:00+03:00'));
    expect(time.getDisplayValue()).toBe('05.03.2024 14:30:00');
    const serial = sheet.getRange('C1').setNumberFormat('dd.mm.yyyy').setValue(45356);
    expect(serial.getValue()).toEqual(moscowDay('2024-03-05'));
  });

  it('displays numbers and booleans as the Russian locale does', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[1.5, 1234567.891, true, '']]);
    sheet.getRange('B2').setValue(1234567.891).setNumberFormat('#,##0.00');
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['1,5', '1234567,891', 'ИСТИНА', '']]);
    expect(sheet.getRange('B2').getDisplayValue()).toBe('1\u00a0234\u00a0567,89');
  });

  it('keeps notes, backgrounds, fonts and number formats per cell', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range
      .setNotes([['первая', null]])
      .setBackgrounds([['#F00', 'red']])
      .setFontWeights([['bold', null]])
      .setFontColor('#00F');
    expect(range.getNotes()).toEqual([['первая', '']]);
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    expect(range.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(range.getFontColors()).toEqual([['#0000ff', '#0000ff']]);
    expect(sheet.getRange('C1').getBackground()).toBe('#ffffff');
    range.clearNote();
    expect(range.getNotes()).toEqual([['', '']]);
    range.setValue('x').clearContent();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    range.clear();
    expect(range.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
  });

  it('keeps data-validation rules and refuses data a strict rule rejects', () => {
    const { rt, sheet } = setup();
    const app = rt.services.SpreadsheetApp;
    const list = app
      .newDataValidation()
      .requireValueInList(['ВКонтакте', 'Одноклассники'], true)
      .setAllowInvalid(false)
      .setHelpText('Выберите сеть')
      .build();
    const range = sheet.getRange('A2:A3');
    range.setDataValidation(list);
    const rule = range.getDataValidations()[0]![0]!;
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['ВКонтакте', 'Одноклассники'], true]);
    expect(rule.getHelpText()).toBe('Выберите сеть');
    expect(rule.getAllowInvalid()).toBe(false);
    range.setValues([['ВКонтакте'], ['']]);
    expect(() => sheet.getRange('A3').setValue('Телеграм')).toThrow(
      'The data you entered in cell A3 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A3').getValue()).toBe('');
    const lenient = app.newDataValidation().requireDate().build();
    sheet.getRange('B2').setDataValidation(lenient).setValue('не дата');
    expect(sheet.getRange('B2').getValue()).toBe('не дата');
    expect(lenient.getAllowInvalid()).toBe(true);
    range.clearDataValidations();
    expect(range.getDataValidations()).toEqual([[null], [null]]);
  });

  it('inserts, checks and unchecks checkboxes', () => {
    const { rt, sheet } = setup();
    const range = sheet.getRange('A1:A2').insertCheckboxes();
    expect(range.getValues()).toEqual([[false], [false]]);
    expect(range.getDataValidation()?.getCriteriaType()).toBe(
      rt.services.SpreadsheetApp.DataValidationCriteria.CHECKBOX,
    );
    sheet.getRange('A1').check();
    expect(range.isChecked()).toBeNull();
    range.check();
    expect(range.isChecked()).toBe(true);
    range.uncheck();
    expect(range.getValues()).toEqual([[false], [false]]);
  });

  it('addresses cells inside a range and offsets', () => {
    const { sheet } = setup();
    const range = sheet.getRange('B2:D4');
    expect(range.getCell(2, 3).getA1Notation()).toBe('D3');
    expect(() => range.getCell(4, 1)).toThrow('Cell reference out of range');
    expect(range.offset(1, 1).getA1Notation()).toBe('C3:E5');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect([
      range.getRow(),
      range.getColumn(),
      range.getNumRows(),
      range.getNumColumns(),
      range.getLastRow(),
      range.getLastColumn(),
    ]).toEqual([2, 2, 3, 3, 4, 4]);
  });
});
