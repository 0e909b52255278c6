import fc from 'fast-check';
import {
  MOSCOW_TIME_ZONE,
  addDays,
  compareIsoDates,
  dayNumber,
  formatRuLongDate,
  fromDayNumber,
  ruWeekdayName,
  weekdayOfDayNumber,
  formatRuDate,
  isIsoDate,
  isoDateAt,
  isoDateOf,
  weekday,
  yearOf,
} from '../../src/domain/isoDate';

/** Reference arithmetic in UTC milliseconds, independent of the code under test. */
function utcDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}
function fromUtcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
const DAY_MS = 86_400_000;

/** Any real day from 1970 to 2099. */
const isoDateArb = fc
  .integer({ min: 0, max: Math.floor(utcDay('2099-12-31') / DAY_MS) })
  .map((days) => fromUtcDay(days * DAY_MS));

describe('isIsoDate / isoDateOf', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '2025-01-01', '0999-06-15'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-01',
    '24-01-01',
    ' 2024-01-01',
    '2024-01-01T00:00:00Z',
    '15.01.2024',
    '',
  ])('rejects %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it.each([null, undefined, 20240101, new Date('2024-01-01T00:00:00Z'), {}])('rejects non-strings: %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('builds dates from parts and refuses impossible ones', () => {
    expect(isoDateOf(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDateOf(2024, 5, 9)).toBe('2024-05-09');
    expect(isoDateOf(2023, 2, 29)).toBeNull();
    expect(isoDateOf(2024, 6, 31)).toBeNull();
    expect(isoDateOf(2024, 1.5, 1)).toBeNull();
    expect(isoDateOf(10000, 1, 1)).toBeNull();
    expect(isoDateOf(0, 1, 1)).toBeNull();
  });

  it('agrees with UTC Date arithmetic on every day of a long range', () => {
    fc.assert(fc.property(isoDateArb, (date) => isIsoDate(date)));
  });
});

describe('compareIsoDates', () => {
  it('orders days', () => {
    expect(compareIsoDates('2024-01-02', '2024-01-10')).toBeLessThan(0);
    expect(compareIsoDates('2024-12-31', '2024-12-31')).toBe(0);
    expect(compareIsoDates('2025-01-01', '2024-12-31')).toBeGreaterThan(0);
  });

  it('rejects malformed input instead of comparing text', () => {
    expect(() => compareIsoDates('2024-1-2', '2024-01-10')).toThrow(RangeError);
  });

  it('matches the order of the days', () => {
    fc.assert(
      fc.property(
        isoDateArb,
        isoDateArb,
        (a, b) => Math.sign(compareIsoDates(a, b)) === Math.sign(utcDay(a) - utcDay(b)),
      ),
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-09', 2, '2024-03-11'], // across the US spring-forward day
    ['2024-11-02', 2, '2024-11-04'], // across the US fall-back day
    ['2011-03-26', 2, '2011-03-28'], // Moscow's last DST change
    ['2011-12-29', 1, '2011-12-30'], // the day Pacific/Apia skipped (run with TZ=Pacific/Apia)
    ['2024-05-15', 0, '2024-05-15'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('rejects fractional days and bad dates', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });

  it('matches UTC arithmetic for any day and offset', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -800, max: 800 }), (date, days) => {
        expect(addDays(date, days)).toBe(fromUtcDay(utcDay(date) + days * DAY_MS));
      }),
    );
  });
});

describe('weekday and yearOf', () => {
  it.each([
    ['2024-04-26', 5],
    ['2024-04-27', 6],
    ['2024-04-28', 0],
    ['2025-02-24', 1],
    ['2026-01-09', 5],
  ])('%s is day %i', (date, day) => {
    expect(weekday(date)).toBe(day);
  });

  it('matches UTC weekdays', () => {
    fc.assert(fc.property(isoDateArb, (date) => weekday(date) === new Date(utcDay(date)).getUTCDay()));
  });

  it('reads the year', () => {
    expect(yearOf('2027-12-31')).toBe(2027);
    expect(() => yearOf('2027')).toThrow(RangeError);
  });
});

describe('isoDateAt', () => {
  it('gives the day in the named zone, whatever the host zone', () => {
    const lateEveningUtc = new Date('2024-01-14T21:30:00Z');
    expect(isoDateAt(lateEveningUtc, MOSCOW_TIME_ZONE)).toBe('2024-01-15');
    expect(isoDateAt(lateEveningUtc, 'UTC')).toBe('2024-01-14');
    expect(isoDateAt(lateEveningUtc, 'America/New_York')).toBe('2024-01-14');
    expect(isoDateAt(new Date('2024-01-15T03:00:00Z'), 'America/New_York')).toBe('2024-01-14');
  });

  it('defaults to Moscow', () => {
    expect(isoDateAt(new Date('2025-12-31T21:00:00Z'))).toBe('2026-01-01');
    expect(isoDateAt(new Date('2025-12-31T20:59:59Z'))).toBe('2025-12-31');
  });

  it('refuses an invalid Date or an unknown zone', () => {
    expect(() => isoDateAt(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => isoDateAt(new Date('2024-01-01T00:00:00Z'), 'Europe/Shpakovskoye')).toThrow(RangeError);
  });

  it('finds the day of Moscow midnight for any day', () => {
    fc.assert(
      fc.property(isoDateArb, (date) => {
        // Moscow has been UTC+3 all year since 2014.
        fc.pre(date >= '2015-01-01');
        expect(isoDateAt(new Date(utcDay(date) - 3 * 3_600_000))).toBe(date);
      }),
    );
  });
});

describe('formatRuDate', () => {
  it('writes ДД.ММ.ГГГГ', () => {
    expect(formatRuDate('2024-05-02')).toBe('02.05.2024');
    expect(formatRuDate('0999-12-31')).toBe('31.12.0999');
    expect(() => formatRuDate('2024-5-2')).toThrow(RangeError);
  });

  it('keeps the parts of any day', () => {
    fc.assert(
      fc.property(isoDateArb, (date) => {
        const [day, month, year] = formatRuDate(date).split('.');
        expect(`${year}-${month}-${day}`).toBe(date);
      }),
    );
  });
});

describe('Russian dates in words (date-fns, ru)', () => {
  it('writes the day with the month in the genitive and «г.»', () => {
    expect(formatRuLongDate('2026-11-27')).toBe('27 ноября 2026 г.');
    expect(formatRuLongDate('2027-03-01')).toBe('1 марта 2027 г.');
    expect(formatRuLongDate('2024-05-09')).toBe('9 мая 2024 г.');
  });

  it('names the weekday', () => {
    expect(ruWeekdayName('2026-11-27')).toBe('пятница');
    expect(ruWeekdayName('2026-11-29')).toBe('воскресенье');
    expect(ruWeekdayName('2011-12-30')).toBe('пятница'); // the day Pacific/Apia skipped
  });
});

describe('integer day numbers (the working-day loop)', () => {
  it('count days from 1970-01-01 like UTC milliseconds, and back', () => {
    fc.assert(
      fc.property(isoDateArb, (date) => {
        expect(dayNumber(date)).toBe(utcDay(date) / DAY_MS);
        expect(fromDayNumber(dayNumber(date))).toBe(date);
        expect(weekdayOfDayNumber(dayNumber(date))).toBe(weekday(date));
      }),
    );
  });

  it('handle days before 1970 and leap centuries', () => {
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(dayNumber('2000-02-29') + 1)).toBe('2000-03-01');
    expect(fromDayNumber(dayNumber('2100-02-28') + 1)).toBe('2100-03-01');
    expect(fromDayNumber(dayNumber('1600-02-28') + 1)).toBe('1600-02-29');
  });
});
