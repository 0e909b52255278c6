import fc from 'fast-check';
import {
  BUILT_IN_CALENDAR,
  CALENDAR_SHEET_HEADERS,
  FIXED_HOLIDAYS,
  LABOUR_CODE_BASIS,
  TRANSFER_BASIS,
  provisionalTransfers,
  calendarSheetRows,
  createCalendar,
  memoisedAddWorkingDays,
  parseCalendarRows,
  workingDaysInYear,
  type CalendarEntry,
} from '../../src/domain/calendar';
import { addDays, weekday } from '../../src/domain/isoDate';

const calendar = createCalendar();

/** A Date cell as Apps Script's getValues() returns it: midnight of the day in Moscow. */
const moscowMidnight = (iso: string): Date => new Date(`${iso}T00:00:00+03:00`);

/** A day as a spreadsheet serial number (days since 30.12.1899). */
const serial = (iso: string): number => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;

const DAYS_FROM = Date.UTC(2022, 5, 1) / 86_400_000;
const DAYS_TO = Date.UTC(2028, 11, 31) / 86_400_000;
/** A day from mid-2022 to the end of 2028: built-in years and provisional years on both sides. */
const dayArb = fc
  .integer({ min: DAYS_FROM, max: DAYS_TO })
  .map((days) => new Date(days * 86_400_000).toISOString().slice(0, 10));

describe('built-in production calendar', () => {
  it.each([
    [2023, 247],
    [2024, 248],
    [2025, 247],
    [2026, 247],
    [2027, 247],
  ])('%i has %i working days', (year, total) => {
    expect(workingDaysInYear(calendar, year)).toBe(total);
    expect(calendar.isProvisional(year)).toBe(false);
  });

  it('keeps every Labour Code holiday off in every year', () => {
    for (const year of [2023, 2024, 2025, 2026, 2027, 2028, 2030]) {
      for (const monthDay of FIXED_HOLIDAYS) expect(calendar.isWorkingDay(`${year}-${monthDay}`)).toBe(false);
    }
  });

  it.each([
    ['2023-02-24', '2023-05-08', '2023-11-06'],
    ['2024-04-29', '2024-04-30', '2024-05-10', '2024-12-30', '2024-12-31'],
    ['2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31'],
    ['2026-01-09', '2026-03-09', '2026-05-11', '2026-12-31'],
    ['2027-02-22', '2027-05-03', '2027-05-10', '2027-06-14', '2027-11-05', '2027-12-31'],
  ])('weekdays off by decree are off: %s …', (...days) => {
    for (const day of days) {
      expect([1, 2, 3, 4, 5]).toContain(weekday(day));
      expect(calendar.isWorkingDay(day)).toBe(false);
    }
  });

  it.each(['2024-04-27', '2024-11-02', '2024-12-28', '2025-11-01', '2027-02-20'])(
    'working Saturday %s is a working day',
    (day) => {
      expect(weekday(day)).toBe(6);
      expect(calendar.isWorkingDay(day)).toBe(true);
    },
  );

  it('2025: 23.02 and 08.03 fell on weekends, their days off moved to 08.05 and 13.06', () => {
    expect(calendar.isWorkingDay('2025-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2025-03-10')).toBe(true);
    expect(calendar.isWorkingDay('2025-05-08')).toBe(false);
    expect(calendar.isWorkingDay('2025-06-13')).toBe(false);
  });

  it('ordinary weekdays work, ordinary weekends rest', () => {
    expect(calendar.isWorkingDay('2024-04-26')).toBe(true);
    expect(calendar.isWorkingDay('2024-04-28')).toBe(false);
    expect(calendar.isWorkingDay('2025-06-14')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-12')).toBe(true);
  });

  it('exports sorted, unique entries with their basis', () => {
    const dates = BUILT_IN_CALENDAR.entries.map((entry) => entry.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(BUILT_IN_CALENDAR.approvedYears).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(BUILT_IN_CALENDAR.entries).toContainEqual({ date: '2023-01-01', kind: 'holiday', basis: LABOUR_CODE_BASIS });
    expect(BUILT_IN_CALENDAR.entries).toContainEqual({
      date: '2026-01-09',
      kind: 'holiday',
      basis: 'Постановление Правительства РФ от 24.09.2025 № 1466',
    });
    expect(BUILT_IN_CALENDAR.entries).toContainEqual({
      date: '2024-04-27',
      kind: 'workday',
      basis: 'Постановление Правительства РФ от 10.08.2023 № 1314',
    });
    // 14 fixed holidays a year, plus 23 decree days off and 5 working Saturdays over the five years.
    expect(BUILT_IN_CALENDAR.entries).toHaveLength(5 * 14 + 23 + 5);
  });
});

describe('addWorkingDays: deadlines of 2 (department) and 3 (ЦУР) working days', () => {
  it.each([
    // event, +1, +2, +3 — hand-checked against the table in DOMAIN.md
    ['2023-02-22', '2023-02-27', '2023-02-28', '2023-03-01'], // 23.02 holiday, 24.02 off
    ['2023-05-05', '2023-05-10', '2023-05-11', '2023-05-12'], // 08.05 off, 09.05 holiday
    ['2023-11-03', '2023-11-07', '2023-11-08', '2023-11-09'], // 04.11 Saturday, 06.11 off
    ['2024-04-26', '2024-04-27', '2024-05-02', '2024-05-03'], // 27.04 working Saturday; 29.04–01.05 off
    ['2024-05-08', '2024-05-13', '2024-05-14', '2024-05-15'], // 09.05 holiday, 10.05 off
    ['2024-11-01', '2024-11-02', '2024-11-05', '2024-11-06'], // 02.11 working Saturday, 04.11 holiday
    ['2024-12-27', '2024-12-28', '2025-01-09', '2025-01-10'], // 28.12 working Saturday, 30.12–08.01 off
    ['2025-02-21', '2025-02-24', '2025-02-25', '2025-02-26'], // 24.02.2025 is a working Monday
    ['2025-03-07', '2025-03-10', '2025-03-11', '2025-03-12'], // 10.03.2025 is a working Monday
    ['2025-04-30', '2025-05-05', '2025-05-06', '2025-05-07'], // 01.05 holiday, 02.05 off
    ['2025-05-07', '2025-05-12', '2025-05-13', '2025-05-14'], // 08.05 off, 09.05 holiday
    ['2025-06-11', '2025-06-16', '2025-06-17', '2025-06-18'], // 12.06 holiday, 13.06 off
    ['2025-10-31', '2025-11-01', '2025-11-05', '2025-11-06'], // 01.11 working Saturday, 03.11 off, 04.11 holiday
    ['2025-12-29', '2025-12-30', '2026-01-12', '2026-01-13'], // 31.12 off, 01–08.01 holidays, 09.01.2026 off
    ['2025-12-30', '2026-01-12', '2026-01-13', '2026-01-14'],
    ['2026-03-06', '2026-03-10', '2026-03-11', '2026-03-12'], // 09.03 off
    ['2026-05-08', '2026-05-12', '2026-05-13', '2026-05-14'], // 09.05 Saturday, 11.05 off
    ['2026-12-30', '2027-01-11', '2027-01-12', '2027-01-13'], // 31.12 off, then 01–08.01.2027
    ['2027-02-19', '2027-02-20', '2027-02-24', '2027-02-25'], // 20.02 working Saturday, 22.02 off, 23.02 holiday
    ['2027-04-30', '2027-05-04', '2027-05-05', '2027-05-06'], // 01.05 Saturday, 03.05 off
    ['2027-05-07', '2027-05-11', '2027-05-12', '2027-05-13'], // 09.05 Sunday, 10.05 off
    ['2027-06-11', '2027-06-15', '2027-06-16', '2027-06-17'], // 12.06 Saturday, 14.06 off
    ['2027-11-03', '2027-11-08', '2027-11-09', '2027-11-10'], // 04.11 holiday, 05.11 off
    ['2027-12-30', '2028-01-10', '2028-01-11', '2028-01-12'], // 31.12 off; 2028 provisional: 01–08.01 + weekend
  ])('event %s → %s, %s, %s', (event, first, second, third) => {
    expect(calendar.addWorkingDays(event, 1)).toBe(first);
    expect(calendar.addWorkingDays(event, 2)).toBe(second);
    expect(calendar.addWorkingDays(event, 3)).toBe(third);
  });

  it.each([
    // events on weekends and holidays count from the next working day like any other
    ['2024-04-27', '2024-05-02', '2024-05-03', '2024-05-06'], // on a working Saturday
    ['2024-04-28', '2024-05-02', '2024-05-03', '2024-05-06'], // Sunday before the May days
    ['2024-06-15', '2024-06-17', '2024-06-18', '2024-06-19'], // ordinary Saturday
    ['2024-01-01', '2024-01-09', '2024-01-10', '2024-01-11'], // New Year's Day
    ['2025-06-12', '2025-06-16', '2025-06-17', '2025-06-18'], // Russia Day, then 13.06 off
    ['2025-11-01', '2025-11-05', '2025-11-06', '2025-11-07'], // a working Saturday itself
    ['2026-01-09', '2026-01-12', '2026-01-13', '2026-01-14'], // a decree day off
  ])('event on a day off %s → %s, %s, %s', (event, first, second, third) => {
    expect(calendar.addWorkingDays(event, 1)).toBe(first);
    expect(calendar.addWorkingDays(event, 2)).toBe(second);
    expect(calendar.addWorkingDays(event, 3)).toBe(third);
  });

  it('n = 0 is the date itself, working or not', () => {
    expect(calendar.addWorkingDays('2024-01-01', 0)).toBe('2024-01-01');
    expect(calendar.addWorkingDays('2024-04-26', 0)).toBe('2024-04-26');
  });

  it('rejects negative or fractional counts and bad dates', () => {
    expect(() => calendar.addWorkingDays('2024-04-26', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2024-04-26', 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('26.04.2024', 0)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2024-02-30')).toThrow(RangeError);
  });

  describe('properties (over the built-in calendar and over random sheet overrides)', () => {
    const entryArb: fc.Arbitrary<CalendarEntry> = fc.record({
      date: dayArb,
      kind: fc.constantFrom('holiday' as const, 'workday' as const),
      basis: fc.constant('тест'),
    });
    const calendarArb = fc.oneof(
      fc.constant(calendar),
      fc.array(entryArb, { maxLength: 40 }).map((entries) => createCalendar({ entries })),
    );

    it('the result is a working day after the date, exactly n working days later', () => {
      fc.assert(
        fc.property(calendarArb, dayArb, fc.integer({ min: 1, max: 30 }), (cal, date, n) => {
          const result = cal.addWorkingDays(date, n);
          expect(cal.isWorkingDay(result)).toBe(true);
          expect(result > date).toBe(true);
          let counted = 0;
          for (let day = addDays(date, 1); day <= result; day = addDays(day, 1)) {
            if (cal.isWorkingDay(day)) counted += 1;
          }
          expect(counted).toBe(n);
        }),
      );
    });

    it('never moves backwards as n grows', () => {
      fc.assert(
        fc.property(calendarArb, dayArb, fc.integer({ min: 0, max: 30 }), (cal, date, n) => {
          expect(cal.addWorkingDays(date, n + 1) > cal.addWorkingDays(date, n)).toBe(true);
        }),
      );
    });

    it('never moves backwards as the date grows', () => {
      fc.assert(
        fc.property(calendarArb, dayArb, dayArb, fc.integer({ min: 0, max: 10 }), (cal, a, b, n) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(cal.addWorkingDays(early, n) <= cal.addWorkingDays(late, n)).toBe(true);
        }),
      );
    });
  });
});

describe('years without a list, and lists from the sheet', () => {
  it('computes 2028 from weekends and fixed holidays, and says it is provisional', () => {
    expect(calendar.isProvisional(2028)).toBe(true);
    expect(calendar.isProvisional(2022)).toBe(true);
    // 2028: 366 days, 106 weekend days, 10 of the 14 fixed holidays on weekdays (01.01, 08.01, 04.11 are not),
    // and 04.11 (a Saturday) moves the day off to Monday 06.11 (ТК РФ ст. 112 ч. 2).
    expect(workingDaysInYear(calendar, 2028)).toBe(249);
    expect(calendar.isWorkingDay('2028-01-10')).toBe(true);
  });

  it('a 2028 entry from the sheet makes 2028 approved and is applied', () => {
    const extended = createCalendar({
      entries: [{ date: '2028-01-10', kind: 'holiday', basis: 'Постановление Правительства РФ № 1' }],
    });
    expect(extended.isProvisional(2028)).toBe(false);
    expect(extended.isProvisional(2029)).toBe(true);
    expect(extended.isWorkingDay('2028-01-10')).toBe(false);
    expect(extended.addWorkingDays('2027-12-30', 2)).toBe('2028-01-12');
    expect(workingDaysInYear(extended, 2028)).toBe(249);
    // the built-in calendar is not touched
    expect(calendar.isWorkingDay('2028-01-10')).toBe(true);
  });

  it('approvedYears approves a year with no transfers', () => {
    const extended = createCalendar({ entries: [], approvedYears: [2029] });
    expect(extended.isProvisional(2029)).toBe(false);
    expect(extended.isProvisional(2028)).toBe(true);
    // An approved year has exactly its list: no provisional art. 112 part 2 transfers (04.11.2029 is a Sunday).
    expect(workingDaysInYear(extended, 2029)).toBe(workingDaysInYear(calendar, 2029) + provisionalTransfers(2029).size);
  });

  it('a year named in the sheet comes from the sheet alone: a built-in day it does not list is gone', () => {
    const extended = createCalendar({
      entries: [
        { date: '2024-04-27', kind: 'holiday', basis: 'исправлено' },
        { date: '2024-04-29', kind: 'workday', basis: 'исправлено' },
      ],
    });
    expect(extended.isWorkingDay('2024-04-27')).toBe(false);
    expect(extended.isWorkingDay('2024-04-29')).toBe(true);
    // Built-in 2024 transfers the sheet does not list: 30.04 and 10.05 work, Saturday 02.11 rests.
    expect(extended.isWorkingDay('2024-04-30')).toBe(true);
    expect(extended.isWorkingDay('2024-05-10')).toBe(true);
    expect(extended.isWorkingDay('2024-11-02')).toBe(false);
    // The art. 112 holidays stay days off without a row.
    expect(extended.isWorkingDay('2024-05-01')).toBe(false);
    expect(extended.addWorkingDays('2024-04-26', 2)).toBe('2024-04-30');
    // 262 weekdays less the 12 art. 112 holidays on weekdays.
    expect(workingDaysInYear(extended, 2024)).toBe(250);
    // Other years keep the built-in lists.
    expect(workingDaysInYear(extended, 2025)).toBe(247);
    expect(calendar.isWorkingDay('2024-04-30')).toBe(false);
  });

  it('deleting the 09.03.2026 row from the pre-filled sheet makes 09.03.2026 a working day', () => {
    const rows = calendarSheetRows().filter(([date]) => date !== '2026-03-09');
    const fromSheet = createCalendar(parseCalendarRows(rows));
    expect(fromSheet.isWorkingDay('2026-03-09')).toBe(true);
    expect(fromSheet.addWorkingDays('2026-03-05', 2)).toBe('2026-03-09');
    expect(workingDaysInYear(fromSheet, 2026)).toBe(248);
    expect(createCalendar(parseCalendarRows(calendarSheetRows())).isWorkingDay('2026-03-09')).toBe(false);
  });

  it('refuses entries with bad dates (parseCalendarRows never produces them)', () => {
    expect(() => createCalendar({ entries: [{ date: '2024-02-30', kind: 'holiday', basis: '' }] })).toThrow(RangeError);
  });

  it('workingDaysInYear refuses a non-year', () => {
    expect(() => workingDaysInYear(calendar, 2024.5)).toThrow(RangeError);
  });
});

describe('the sheet «Производственный календарь»', () => {
  it('pre-fill rows: headers, one row per built-in entry, sorted', () => {
    expect(CALENDAR_SHEET_HEADERS).toEqual(['Дата', 'Вид дня', 'Основание']);
    const rows = calendarSheetRows();
    expect(rows).toHaveLength(BUILT_IN_CALENDAR.entries.length);
    expect(rows[0]).toEqual(['2023-01-01', 'Нерабочий', 'ТК РФ ст. 112 ч. 1']);
    expect(rows).toContainEqual(['2024-04-27', 'Рабочий', 'Постановление Правительства РФ от 10.08.2023 № 1314']);
    expect(rows).toContainEqual(['2027-12-31', 'Нерабочий', 'Постановление Правительства РФ № 1187']);
  });

  it('pre-filled rows read back to the same calendar, as text or as Date cells', () => {
    const rows = calendarSheetRows();
    const asText = parseCalendarRows(rows);
    expect(asText.problems).toEqual([]);
    expect(asText.entries).toEqual(BUILT_IN_CALENDAR.entries);
    const asDates = parseCalendarRows(rows.map(([date, kind, basis]) => [moscowMidnight(date), kind, basis]));
    expect(asDates.problems).toEqual([]);
    expect(asDates.entries).toEqual(BUILT_IN_CALENDAR.entries);
    const fromSheet = createCalendar(asDates);
    for (const year of [2023, 2024, 2025, 2026, 2027]) {
      expect(workingDaysInYear(fromSheet, year)).toBe(workingDaysInYear(calendar, year));
    }
  });

  it('reads good rows, skips blank rows, reports and skips bad rows with their row number', () => {
    const { entries, problems } = parseCalendarRows([
      [moscowMidnight('2028-01-10'), 'Нерабочий', ' Постановление № 1 '], // 2
      ['11.01.2028', ' рабочий ', ''], // 3
      ['', '', ''], // 4: blank, silently skipped
      ['2028-01-12', 'Выходной', null], // 5
      ['31.02.2028', 'Нерабочий', 'x'], // 6: no such day
      ['', 'Нерабочий', 'x'], // 7: no date
      ['13.01.2028', 'Сокращённый', ''], // 8: unknown kind
      ['14.01.2028', '', ''], // 9: no kind
      ['10.01.2028', 'Рабочий', ''], // 10: date repeated
      [2028, 'Нерабочий', ''], // 11: a year typed as a number, not a date
      ['01.01.1999', 'Нерабочий', ''], // 12: implausible year
      [new Date(Number.NaN), 'Нерабочий', ''], // 13: invalid Date
      [], // 14: empty, silently skipped
      ['15.01.2028', 'НЕРАБОЧИЙ'], // 15: short row, no basis
      [serial('2028-01-16'), 'Нерабочий', ''], // 16: a spreadsheet serial day
    ]);
    expect(entries).toEqual([
      { date: '2028-01-10', kind: 'holiday', basis: 'Постановление № 1' },
      { date: '2028-01-11', kind: 'workday', basis: '' },
      { date: '2028-01-12', kind: 'holiday', basis: '' },
      { date: '2028-01-15', kind: 'holiday', basis: '' },
      { date: '2028-01-16', kind: 'holiday', basis: '' },
    ]);
    expect(problems.map((problem) => problem.row)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    for (const problem of problems) {
      expect(problem.message).toContain('«Производственный календарь»');
      expect(problem.message).toContain(`строка ${problem.row}`);
    }
    expect(problems[0]?.message).toContain('«31.02.2028»');
    expect(problems[2]?.message).toContain('«Сокращённый»');
    expect(problems[4]?.message).toContain('10.01.2028 уже указана в строке 2');
  });

  it('counts rows from firstRow', () => {
    const { problems } = parseCalendarRows([['x', 'Нерабочий', '']], { firstRow: 10 });
    expect(problems).toEqual([expect.objectContaining({ row: 10 })]);
  });

  it('reads Date cells in the time zone given', () => {
    const { entries } = parseCalendarRows([[new Date('2028-01-10T00:00:00Z'), 'Нерабочий', '']], { timeZone: 'UTC' });
    expect(entries[0]?.date).toBe('2028-01-10');
  });

  it('never throws, whatever the cells hold', () => {
    const cellArb = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: false }),
      fc.constantFrom('Рабочий', 'Нерабочий', '01.05.2028', '2028-05-01'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 4 }), { maxLength: 20 }), (rows) => {
        const { entries, problems } = parseCalendarRows(rows);
        expect(entries.length + problems.length).toBeLessThanOrEqual(rows.length);
        expect(() => createCalendar({ entries })).not.toThrow();
      }),
    );
  });
});

describe('Labour Code art. 112 part 2 for a year with no list', () => {
  it('gives the same transfers as the approved years list as art. 112 part 2 days', () => {
    for (const year of [2023, 2026, 2027]) {
      const listed = BUILT_IN_CALENDAR.entries
        .filter((entry) => entry.basis === TRANSFER_BASIS && entry.date.startsWith(`${year}-`))
        .map((entry) => entry.date);
      expect([...provisionalTransfers(year)].sort()).toEqual(listed);
    }
  });

  it('moves 04.11.2028 (a Saturday) to Monday 06.11.2028, and the year stays provisional', () => {
    const calendar = createCalendar();
    expect(provisionalTransfers(2028)).toEqual(new Set(['2028-11-06']));
    expect(calendar.isWorkingDay('2028-11-06')).toBe(false);
    expect(calendar.isWorkingDay('2028-11-07')).toBe(true);
    expect(calendar.addWorkingDays('2028-11-03', 1)).toBe('2028-11-07');
    expect(calendar.isProvisional(2028)).toBe(true);
  });

  it('names the Government decree with its number and date, or art. 112 part 2, as the basis of each day', () => {
    const bases = new Set(BUILT_IN_CALENDAR.entries.map((entry) => entry.basis));
    for (const basis of bases) {
      expect(basis).toMatch(/^(ТК РФ ст\. 112 ч\. [12]|Постановление Правительства РФ (от \d\d\.\d\d\.\d{4} )?№ \d+)/);
    }
    expect(BUILT_IN_CALENDAR.entries).toContainEqual({
      date: '2026-01-09',
      kind: 'holiday',
      basis: 'Постановление Правительства РФ от 24.09.2025 № 1466',
    });
  });
});

describe('memoised working-day deadlines', () => {
  /** Straightforward reference: day by day with date-fns's addDays, nothing remembered. */
  function plainAddWorkingDays(calendar: ReturnType<typeof createCalendar>, date: string, n: number): string {
    let current = date;
    for (let left = n; left > 0;) {
      current = addDays(current, 1);
      if (calendar.isWorkingDay(current)) left -= 1;
    }
    return current;
  }

  it('give the same day as counting day by day, asked in any order and repeatedly', () => {
    const calendar = createCalendar({ entries: [{ date: '2028-01-10', kind: 'holiday', basis: 'лист' }] });
    const day = fc.integer({ min: 0, max: 365 * 6 }).map((offset) => addDays('2023-01-01', offset));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.integer({ min: 0, max: 12 })), { maxLength: 60 }), (asks) => {
        for (const [date, n] of [...asks, ...asks]) {
          expect(calendar.addWorkingDays(date, n)).toBe(plainAddWorkingDays(calendar, date, n));
        }
      }),
    );
  });

  it('ask isWorkingDay once per day however many deadlines cross it', () => {
    const asked = new Map<string, number>();
    const addWorkingDays = memoisedAddWorkingDays((date) => {
      asked.set(date, (asked.get(date) ?? 0) + 1);
      return true;
    });
    for (let i = 0; i < 100; i++) addWorkingDays('2026-11-20', 3);
    addWorkingDays('2026-11-21', 3);
    expect(addWorkingDays('2026-11-20', 3)).toBe('2026-11-23');
    expect([...asked.values()].every((count) => count === 1)).toBe(true);
    expect(asked.size).toBe(4);
  });

  it('still refuse bad input', () => {
    const calendar = createCalendar();
    expect(() => calendar.addWorkingDays('2026-02-30', 2)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-03', -1)).toThrow(RangeError);
    expect(calendar.addWorkingDays('2026-02-03', 0)).toBe('2026-02-03');
  });
});
