/**
 * «Настройки» and «Производственный календарь» are read by an open-ended range (columns A–B and A–C, from
 * row 1 to the sheet's last row: readSheetColumns), no longer by their data range. That read brings every
 * blank row down to the end of the grid and leaves out the columns the parsers do not read: what they
 * parse from it must be what they parsed from the data range, problems and their row numbers included.
 */
import { CALENDAR_SHEET_HEADERS, parseCalendarRows } from '../../src/domain/calendar';
import { parseSettings, settingsSheetRows, SETTINGS_HEADERS, DEFAULT_SETTINGS } from '../../src/domain/settings';

const GRID_ROWS = 1000;

/** The open-ended read of a sheet whose data range is `rows`: the first `columns` columns, blank rows below. */
function openEnded(rows: readonly unknown[][], columns: number): unknown[][] {
  const read = rows.map((row) => Array.from({ length: columns }, (_, index) => row[index] ?? ''));
  while (read.length < GRID_ROWS) read.push(Array.from({ length: columns }, () => ''));
  return read;
}

const moscow = (iso: string): Date => new Date(`${iso}T00:00:00+03:00`);

describe('the open-ended reads of «Настройки» and the calendar parse as their data ranges did', () => {
  it('«Настройки»: the same settings, rows and problems from columns A–B with blank rows to the end', () => {
    const dataRange: unknown[][] = [
      [...SETTINGS_HEADERS],
      ...settingsSheetRows({ ...DEFAULT_SETTINGS, coordinators: ['boss@shpakovsky.example.ru'] }).map((row) =>
        row[0] === 'Час ежедневной проверки' ? [row[0], 'двадцать пять', row[2]] : row,
      ),
      ['', '', ''],
      ['Заметка координатора', '', 'в столбце C: не читается'],
    ];
    const before = parseSettings(dataRange);
    // The test can fail: the sheet has something to report and a setting that is not the default.
    expect(before.problems.length).toBeGreaterThan(0);
    expect(before.settings.coordinators).toEqual(['boss@shpakovsky.example.ru']);
    expect(parseSettings(openEnded(dataRange, 2))).toEqual(before);
  });

  it('the calendar: the same entries and problems (row numbers too) from columns A–C with blank rows to the end', () => {
    const dataRange: unknown[][] = [
      [...CALENDAR_SHEET_HEADERS],
      [moscow('2027-01-01'), 'Нерабочий', 'Новогодние каникулы'],
      ['', '', ''],
      [moscow('2027-01-02'), '', 'вид дня не указан'],
      [moscow('2027-01-01'), 'Нерабочий', 'дата повторена'],
      [moscow('2027-02-20'), 'Рабочий', ''],
    ];
    const parse = (rows: unknown[][]) => parseCalendarRows(rows.slice(1), { firstRow: 2, timeZone: 'Europe/Moscow' });
    const before = parse(dataRange);
    expect(before.entries).toHaveLength(2);
    expect(before.problems.map((problem) => problem.row)).toEqual([4, 5]);
    expect(parse(openEnded(dataRange, CALENDAR_SHEET_HEADERS.length))).toEqual(before);
  });
});
