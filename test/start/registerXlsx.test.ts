/**
 * register.xlsx as a person opens it (issue 13): on the sheet asked for, with the widths the sheet recorded
 * (setColumnWidth), other filled columns fitted to their header and values, and the header rows frozen.
 * Read back with exceljs, as Excel would read it.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../../dev/runtime';
import { saveXlsx } from '../../dev/spreadsheetFiles';

const LONG_NAME = 'Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 21 «Колокольчик»»';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'register-xlsx-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function saved(activeSheet?: string): Promise<ExcelJS.Workbook> {
  const rt = createRuntime({ now: new Date('2026-12-01T09:00:00+03:00') });
  const book = rt.spreadsheet;
  const register = book.getActiveSheet().setName('Реестр');
  register.getRange('A1:E1').setValues([['ID', 'Наименование организации', 'Дата создания', 'Заметка', 'Скрытая']]);
  register.getRange('A2:E3').setValues([
    ['P-1', LONG_NAME, '05.03.2024', 'коротко', 'x'],
    ['P-2', 'Отдел культуры', '06.03.2024', '', 'y'],
  ]);
  register.setFrozenRows(1);
  register.setColumnWidth(4, 280);
  register.hideColumns(5);
  // A sheet inserted later becomes the active one, as in Google Sheets.
  book.insertSheet('Журнал').appendRow(['Дата', 'Событие']);
  const path = join(dir, `${activeSheet ?? 'default'}.xlsx`);
  await saveXlsx(book, path, activeSheet === undefined ? {} : { activeSheet });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe('register.xlsx', () => {
  it('opens on the sheet asked for, else on the active sheet', async () => {
    const asked = await saved('Реестр');
    expect(asked.worksheets[asked.views[0]?.activeTab ?? -1]?.name).toBe('Реестр');
    const plain = await saved();
    expect(plain.worksheets[plain.views[0]?.activeTab ?? -1]?.name).toBe('Журнал');
  });

  it('keeps recorded widths and the frozen header, and fits the other filled columns', async () => {
    const ws = (await saved('Реестр')).getWorksheet('Реестр')!;
    expect(ws.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
    const width = (column: number): number | undefined => ws.getColumn(column).width;
    expect(width(4)).toBe(40); // 280 px recorded by setColumnWidth, 7 px a character
    expect(width(1)).toBe(8); // «P-1»: the narrowest fitted width
    expect(width(2)).toBe(50); // the long name: the widest fitted width
    expect(width(3)).toBe('Дата создания'.length + 2); // the header is longer than a date
    expect(ws.getColumn(5).hidden).toBe(true);
    expect(width(5)).not.toBe(8); // a hidden column is not fitted (exceljs writes its default for it)
    expect(width(6)).toBeUndefined(); // an empty column is left alone
  });
});
