import { columnToLetters, formatA1, formatSheetA1, lettersToColumn, parseA1 } from '../../dev/fakes/a1';
import { runtime } from './helpers';

describe('A1 notation', () => {
  const area = (a1: string) => parseA1(a1)?.resolve(1000, 26);

  it('reads cells, ranges, absolute references and reversed corners', () => {
    expect(area('A1')).toEqual({ row: 1, column: 1, numRows: 1, numColumns: 1 });
    expect(area('B2:D10')).toEqual({ row: 2, column: 2, numRows: 9, numColumns: 3 });
    expect(area('$C$3')).toEqual({ row: 3, column: 3, numRows: 1, numColumns: 1 });
    expect(area('D10:B2')).toEqual({ row: 2, column: 2, numRows: 9, numColumns: 3 });
    expect(area('aa1')).toEqual({ row: 1, column: 27, numRows: 1, numColumns: 1 });
  });

  it('reads whole columns, whole rows and ranges open to the last row', () => {
    expect(area('A:A')).toEqual({ row: 1, column: 1, numRows: 1000, numColumns: 1 });
    expect(area('B:D')).toEqual({ row: 1, column: 2, numRows: 1000, numColumns: 3 });
    expect(area('2:5')).toEqual({ row: 2, column: 1, numRows: 4, numColumns: 26 });
    expect(area('A2:C')).toEqual({ row: 2, column: 1, numRows: 999, numColumns: 3 });
  });

  it('reads sheet prefixes, quoted or not', () => {
    expect(parseA1("'Реестр'!A1")?.sheetName).toBe('Реестр');
    expect(parseA1('Реестр!B2:C3')?.sheetName).toBe('Реестр');
    expect(parseA1("'It''s'!A1")?.sheetName).toBe("It's");
    expect(parseA1('A1')?.sheetName).toBeUndefined();
  });

  it('refuses what is not A1 notation', () => {
    for (const bad of ['', 'A', '1', 'A0', 'A1:B2:C3', '1A', 'A-1', "'open!A1"]) expect(parseA1(bad)).toBeUndefined();
  });

  it('converts column numbers and letters both ways', () => {
    for (const [n, letters] of [
      [1, 'A'],
      [26, 'Z'],
      [27, 'AA'],
      [52, 'AZ'],
      [703, 'AAA'],
    ] as const) {
      expect(columnToLetters(n)).toBe(letters);
      expect(lettersToColumn(letters)).toBe(n);
    }
  });

  it('formats areas like Range.getA1Notation', () => {
    expect(formatA1({ row: 1, column: 1, numRows: 1, numColumns: 1 })).toBe('A1');
    expect(formatA1({ row: 2, column: 2, numRows: 9, numColumns: 3 })).toBe('B2:D10');
    expect(formatSheetA1('Реестр', { row: 1, column: 1, numRows: 2, numColumns: 2 })).toBe("'Реестр'!A1:B2");
  });

  it('resolves through Sheet.getRange and Spreadsheet.getRange, with Apps Script errors', () => {
    const rt = runtime();
    const ss = rt.spreadsheet;
    const sheet = ss.insertSheet('Реестр');
    expect(sheet.getRange('B2:D10').getA1Notation()).toBe('B2:D10');
    expect(sheet.getRange(2, 3, 4, 5).getA1Notation()).toBe('C2:G5');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(ss.getRange("'Реестр'!A1:B2").getSheet().getName()).toBe('Реестр');
    expect(ss.getRange('Лист1!A1').getSheet().getName()).toBe('Лист1');
    expect(() => sheet.getRange('nonsense')).toThrow('Range not found');
    expect(() => ss.getRange("'Нет такого'!A1")).toThrow('Range not found');
    expect(() => sheet.getRange('A1001')).toThrow('Range not found');
  });
});
