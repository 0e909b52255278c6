import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../../dev/runtime';
import { csvToSpreadsheet, loadCsv, loadXlsx, saveXlsx } from '../../dev/spreadsheetFiles';
import { detectSeparator, parseCsv } from '../../dev/fakes/files/csv';
import { moscowDay, runtime } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'fake-files-'));

function describeRules(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
  return sheet.getConditionalFormatRules().map((rule) => {
    const c = rule.getBooleanCondition()!;
    return {
      ranges: rule.getRanges().map((r) => r.getA1Notation()),
      type: String(c.getCriteriaType()),
      values: c.getCriteriaValues(),
      format: [c.getBackground(), c.getFontColor(), c.getBold()],
    };
  });
}

function describeValidations(range: GoogleAppsScript.Spreadsheet.Range) {
  return range.getDataValidations().map((row) =>
    row.map(
      (rule) =>
        rule && {
          type: String(rule.getCriteriaType()),
          values: rule.getCriteriaValues(),
          help: rule.getHelpText(),
          allowInvalid: rule.getAllowInvalid(),
        },
    ),
  );
}

describe('.xlsx round trip', () => {
  it('keeps values, formats, notes, validations, conditional formats, frozen rows and widths', async () => {
    const rt = runtime();
    const app = rt.services.SpreadsheetApp;
    const ss = rt.spreadsheet;
    const sheet = ss.insertSheet('Реестр');
    const headers = [
      'ID',
      'Организация',
      'Социальная сеть',
      'Дата создания',
      'E-mail',
      'Ссылка',
      'ЕСИА',
      'Кол-во',
      'Итог',
    ];
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold').setBackground('#d9ead3');
    sheet.getRange('G2:G3').insertCheckboxes(); // unchecked; the values below check one
    sheet.getRange(2, 1, 2, 8).setValues([
      ["'001", 'Отдел культуры', 'ВКонтакте', moscowDay('2024-03-05'), 'a@shpak.ru', 'https://vk.com/kult', true, 1.5],
      ["'002", 'Архивный отдел', 'Одноклассники', moscowDay('2023-12-31'), '', 'https://ok.ru/arhiv', false, 42],
    ]);
    sheet.getRange('I2').setFormula('=H2*2');
    sheet.getRange('B2').setNote('Полное наименование');
    sheet.getRange('D3').setFontColor('#990000');
    sheet
      .getRange('C2:C100')
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(['ВКонтакте', 'Одноклассники'])
          .setAllowInvalid(false)
          .setHelpText('Выберите сеть')
          .build(),
      );
    sheet
      .getRange('D2:D100')
      .setDataValidation(
        app.newDataValidation().requireDateOnOrBefore(moscowDay('2030-01-01')).setHelpText('ДД.ММ.ГГГГ').build(),
      );
    sheet.getRange('E2:E100').setDataValidation(app.newDataValidation().requireTextIsEmail().build());
    sheet.getRange('F2:F100').setDataValidation(app.newDataValidation().requireTextIsUrl().build());
    sheet.getRange('H2:H100').setDataValidation(app.newDataValidation().requireNumberBetween(0, 100).build());
    sheet
      .getRange('A2:A100')
      .setDataValidation(app.newDataValidation().requireFormulaSatisfied('=COUNTIF($A$2:$A$100,A2)<2').build());
    sheet.getRange('E50').setDataValidation(app.newDataValidation().requireDate().build());
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$D2=""')
        .setBackground('#F4CCCC')
        .setFontColor('#990000')
        .setBold(true)
        .setRanges([sheet.getRange('A2:B100'), sheet.getRange('D2:D100')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenTextContains('Архив')
        .setBackground('#fff2cc')
        .setRanges([sheet.getRange('B2:B100')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#eeeeee')
        .setRanges([sheet.getRange('E2:E100')])
        .build(),
    ]);
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 280);
    sheet.hideColumns(9);
    ss.insertSheet('Журнал').appendRow(['Дата', 'Событие']);
    ss.setActiveSheet(sheet);

    const path = join(dir, 'register.xlsx');
    const warnings = await saveXlsx(ss, path);
    expect(warnings).toEqual([]);
    const loaded = await loadXlsx(path);
    const again = loaded.getSheetByName('Реестр')!;

    expect(loaded.getSheets().map((s) => s.getName())).toEqual(['Лист1', 'Реестр', 'Журнал']);
    expect(loaded.getActiveSheet().getName()).toBe('Реестр');
    expect(again.getRange('A1:H3').getValues()).toEqual(sheet.getRange('A1:H3').getValues());
    expect(again.getRange('A1:I3').getDisplayValues()).toEqual([
      headers,
      ['001', 'Отдел культуры', 'ВКонтакте', '05.03.2024', 'a@shpak.ru', 'https://vk.com/kult', 'ИСТИНА', '1,5', '3'],
      ['002', 'Архивный отдел', 'Одноклассники', '31.12.2023', '', 'https://ok.ru/arhiv', 'ЛОЖЬ', '42', ''],
    ]);
    expect(again.getRange('D2').getValue()).toEqual(moscowDay('2024-03-05'));
    expect(again.getRange('I2').getFormula()).toBe('=H2*2');
    expect(again.getRange('B2:B3').getNotes()).toEqual([['Полное наименование'], ['']]);
    expect(again.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'bold']]);
    expect(again.getRange('A1').getBackground()).toBe('#d9ead3');
    expect(again.getRange('D3').getFontColor()).toBe('#990000');
    expect(again.getRange('D2').getNumberFormat()).toBe('dd.mm.yyyy');
    expect(describeValidations(again.getRange('A2:H2'))).toEqual(describeValidations(sheet.getRange('A2:H2')));
    expect(describeValidations(again.getRange('E50'))).toEqual(describeValidations(sheet.getRange('E50')));
    expect(describeValidations(again.getRange('C101'))).toEqual([[null]]);
    expect(describeRules(again)).toEqual(describeRules(sheet));
    expect(again.getFrozenRows()).toBe(1);
    expect(again.getColumnWidth(2)).toBe(280);
    expect(again.isColumnHiddenByUser(9)).toBe(true);
    expect(loaded.getSheetByName('Журнал')!.getRange('A1:B1').getValues()).toEqual([['Дата', 'Событие']]);
  });

  it('says what .xlsx cannot hold', async () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.getActiveSheet();
    sheet.getRange('A1').protect();
    sheet
      .getRange('B1')
      .setDataValidation(rt.services.SpreadsheetApp.newDataValidation().requireTextContains('x').build());
    const warnings = await saveXlsx(rt.spreadsheet, join(dir, 'warnings.xlsx'));
    expect(warnings).toEqual([
      '«Лист1»!B1: data validation TEXT_CONTAINS is not written to .xlsx',
      '«Лист1»: 1 protection(s) are not written to .xlsx',
    ]);
  });

  it('gives a loaded workbook to the runtime, whose bundle reads its dates as Date', async () => {
    const rt = runtime();
    rt.spreadsheet.getActiveSheet().getRange('A1').setValue('05.03.2024');
    const path = join(dir, 'dates.xlsx');
    await saveXlsx(rt.spreadsheet, path);
    const adopted = createRuntime({ spreadsheet: await loadXlsx(path), now: new Date('2024-03-06T10:00:00+03:00') });
    const bundle = adopted.loadBundle(join(__dirname, 'fixtures/Code.js'));
    expect((bundle.realms!() as { dateIsDate: boolean }).dateIsDate).toBe(true);
  });
});

describe('.csv import', () => {
  it('detects the separator and reads quoted fields', () => {
    expect(detectSeparator('a;b;"c,d"\n1;2;3')).toBe(';');
    expect(detectSeparator('a,b,c')).toBe(',');
    expect(detectSeparator('a\tb')).toBe('\t');
    expect(parseCsv('\uFEFFa;"b ""c""";"d\ne"\r\n1;;3\n')).toEqual([
      ['a', 'b "c"', 'd\ne'],
      ['1', '', '3'],
    ]);
  });

  it('loads a small Russian register as Google Sheets imports it', () => {
    const path = join(dir, 'register.csv');
    writeFileSync(
      path,
      '\uFEFFОрганизация;Дата создания;Доля;ЕСИА;Формула;Код;Ссылка\r\n' +
        '"Отдел культуры; досуга";05.03.2024;1,5;ИСТИНА;=1+1;\'007;https://vk.com/kult\r\n' +
        'Архивный отдел;31.12.23;2;FALSE;;007;"ok.ru/arhiv"\r\n',
      'utf8',
    );
    const ss = loadCsv(path);
    const sheet = ss.getSheetByName('Реестр')!;
    expect(ss.getSheets()).toHaveLength(1);
    expect(sheet.getRange('A1:G3').getValues()).toEqual([
      ['Организация', 'Дата создания', 'Доля', 'ЕСИА', 'Формула', 'Код', 'Ссылка'],
      ['Отдел культуры; досуга', moscowDay('2024-03-05'), 1.5, true, 2, '007', 'https://vk.com/kult'],
      ['Архивный отдел', moscowDay('2023-12-31'), 2, false, '', 7, 'ok.ru/arhiv'],
    ]);
    expect(sheet.getRange('E2').getFormula()).toBe('=1+1');
    expect(sheet.getRange('B2').getDisplayValue()).toBe('05.03.2024');
    expect(sheet.getLastRow()).toBe(3);
  });

  it('reads comma-separated UTF-8 without BOM, and can keep everything as text', () => {
    const text = 'ID,Дата\n1,05.03.2024\n';
    expect(
      csvToSpreadsheet(text, { sheetName: 'Импорт' }).getSheetByName('Импорт')!.getRange('A2:B2').getValues(),
    ).toEqual([[1, moscowDay('2024-03-05')]]);
    expect(csvToSpreadsheet(text, { convert: false }).getSheetByName('Реестр')!.getRange('A2:B2').getValues()).toEqual([
      ['1', '05.03.2024'],
    ]);
  });
});
