import { callCategory } from '../../dev/fakes/callCounter';
import { runtime } from './helpers';

describe('call counting', () => {
  it('counts every outside call as Service.method, on returned objects too', () => {
    const rt = runtime();
    const { result, calls } = rt.measure(() => {
      const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Лист1')!;
      const values = sheet.getRange(1, 1, 100, 5).getValues();
      sheet.getRange(1, 1, 100, 5).setValues(values);
      return values.length;
    });
    expect(result).toBe(100);
    expect(calls.byMethod).toEqual({
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 2,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(calls.total).toBe(6);
  });

  it('does not count what a fake does internally, and does not grow with the rows', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.getActiveSheet();
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [i, `строка ${i}`]);
    const small = rt.measure(() => sheet.getRange(1, 1, 10, 2).setValues(rows(10))).calls;
    const large = rt.measure(() => sheet.getRange(1, 1, 900, 2).setValues(rows(900))).calls;
    expect(large).toEqual(small);
    expect(rt.measure(() => sheet.appendRow([1, 2])).calls.byMethod).toEqual({ 'Sheet.appendRow': 1 });
  });

  it('puts builder calls in their own category, out of the round trips', () => {
    const rt = runtime();
    const app = rt.services.SpreadsheetApp;
    const { calls } = rt.measure(() => {
      const rule = app.newDataValidation().requireValueInList(['а', 'б']).setAllowInvalid(false).build();
      rt.spreadsheet.getActiveSheet().getRange('A2:A100').setDataValidation(rule);
    });
    expect(calls.total).toBe(7);
    expect(calls.builder).toBe(4);
    expect(calls.roundTrips).toBe(3);
    expect(callCategory('ClockTriggerBuilder.atHour')).toBe('builder');
    expect(callCategory('ClockTriggerBuilder.create')).toBe('roundTrip');
    expect(callCategory('Range.getValues')).toBe('roundTrip');
  });

  it('resets per operation, counts by service, keeps the order, and can look quietly', () => {
    const rt = runtime();
    const sheet = rt.spreadsheet.getActiveSheet();
    sheet.getRange('A1').getValue();
    rt.calls.reset();
    sheet.getRange('A1').setValue(1);
    expect(rt.calls.log()).toEqual(['Sheet.getRange', 'Range.setValue']);
    expect(rt.calls.count('Range')).toBe(1);
    rt.quietly(() => sheet.getRange('A1').getValue());
    expect(rt.calls.total).toBe(2);
  });

  it('throws a clear error for a real method the fake does not implement, and counts it', () => {
    const rt = runtime();
    const range = rt.spreadsheet.getActiveSheet().getRange('A1');
    expect(() => range.getRichTextValue()).toThrow('not implemented in fake: Range.getRichTextValue');
    expect(() => rt.services.SpreadsheetApp.newRichTextValue()).toThrow(
      'not implemented in fake: SpreadsheetApp.newRichTextValue',
    );
    expect((range as unknown as Record<string, unknown>).noSuchMethod).toBeUndefined();
  });
});
