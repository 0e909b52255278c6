/**
 * The runtime's fault injection (FakeContext.failOn): the N-th call of a method throws Apps Script's
 * kind of exception instead of running, so a test can break an operation in the middle of a batch.
 */
import { createRuntime } from '../../dev/runtime';

function sheetRuntime() {
  const rt = createRuntime({ owner: 'coord@shpak-adm.ru', now: new Date('2026-03-05T09:00:00+03:00') });
  const sheet = rt.spreadsheet.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  return { rt, sheet };
}

describe('failOn', () => {
  it('makes exactly the N-th call of the method throw, without running it, and then disarms', () => {
    const { rt, sheet } = sheetRuntime();
    rt.ctx.failOn('Range.setValues', 2, 'Service Spreadsheets failed while accessing document.');
    sheet.getRange('A1').setValues([['первый']]);
    let error: unknown;
    try {
      sheet.getRange('A2').setValues([['второй']]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      name: 'Exception',
      message: 'Service Spreadsheets failed while accessing document.',
    });
    sheet.getRange('A3').setValues([['третий']]);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['первый'], [''], ['третий']]);
    // The failed call is counted like any other.
    expect(rt.calls.count('Range.setValues')).toBe(3);
  });

  it('counts only the named method, and each armed fault separately', () => {
    const { rt, sheet } = sheetRuntime();
    rt.ctx.failOn('Range.setValue', 1).failOn('Range.setValue', 3);
    sheet.getRange('B1').getValue();
    expect(() => sheet.getRange('B1').setValue('x')).toThrow('Service error: Range');
    sheet.getRange('B2').setValue('y');
    expect(() => sheet.getRange('B3').setValue('z')).toThrow('Service error: Range');
    sheet.getRange('B4').setValue('w');
    expect(sheet.getRange('B1:B4').getValues()).toEqual([[''], ['y'], [''], ['w']]);
  });

  it('refuses a position that is not a whole number from 1', () => {
    const { rt } = sheetRuntime();
    expect(() => rt.ctx.failOn('Range.setValues', 0)).toThrow(RangeError);
  });
});
