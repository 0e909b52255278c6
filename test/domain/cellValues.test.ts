import {
  parseDateText,
  readCheckboxCell,
  readDateCell,
  readTextCell,
  serialToIsoDate,
} from '../../src/domain/cellValues';

/** What getValues returns for a date cell of a Moscow spreadsheet: midnight in Moscow (UTC+3). */
const moscowMidnight = (iso: string): Date => new Date(`${iso}T00:00:00+03:00`);

describe('readDateCell', () => {
  it('reads a Date object as its calendar day in Moscow', () => {
    expect(readDateCell(moscowMidnight('2024-03-05'))).toEqual({ ok: true, value: '2024-03-05' });
    expect(readDateCell(new Date('2024-03-05T23:59:59+03:00'))).toEqual({ ok: true, value: '2024-03-05' });
    // 22:00 UTC on the 4th is already the 5th in Moscow.
    expect(readDateCell(new Date('2024-03-04T22:00:00Z'))).toEqual({ ok: true, value: '2024-03-05' });
  });

  it('takes the time zone as a parameter', () => {
    expect(readDateCell(moscowMidnight('2024-03-05'), 'UTC')).toEqual({ ok: true, value: '2024-03-04' });
    expect(readDateCell(moscowMidnight('2024-03-05'), 'Asia/Vladivostok')).toEqual({ ok: true, value: '2024-03-05' });
  });

  it.each([
    ['05.03.2024', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    ['05.03.24', '2024-03-05'],
    ['05.03.2024 г.', '2024-03-05'],
    ['05.03.2024г', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['  29.02.2024 ', '2024-02-29'],
    ['31.12.1999', '1999-12-31'],
  ])('reads the text %j', (text, day) => {
    expect(readDateCell(text)).toEqual({ ok: true, value: day });
  });

  it.each([
    [45356, '2024-03-05'],
    [45356.75, '2024-03-05'],
    [36526, '2000-01-01'],
  ])('reads the serial number %d', (serial, day) => {
    expect(readDateCell(serial)).toEqual({ ok: true, value: day });
  });

  it('reads an empty cell as no date', () => {
    expect(readDateCell('')).toEqual({ ok: true, value: null });
    expect(readDateCell('   ')).toEqual({ ok: true, value: null });
    expect(readDateCell(undefined)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['31.02.2024', 'такой даты нет в календаре: «31.02.2024»'],
    ['2023-02-29', 'такой даты нет в календаре: «2023-02-29»'],
    ['13.13.2024', 'такой даты нет в календаре: «13.13.2024»'],
    ['вчера', '«вчера» не похоже на дату; введите дату в формате ДД.ММ.ГГГГ'],
    ['03/05/2024', '«03/05/2024» не похоже на дату; введите дату в формате ДД.ММ.ГГГГ'],
    ['5 марта 2024', '«5 марта 2024» не похоже на дату; введите дату в формате ДД.ММ.ГГГГ'],
    ['#REF!', 'в ячейке ошибка формулы #REF!'],
  ])('explains the text %j', (text, message) => {
    expect(readDateCell(text)).toEqual({ ok: false, message });
  });

  it('refuses numbers that are no plausible date, flags and broken Dates', () => {
    expect(readDateCell(2024)).toEqual({
      ok: false,
      message: 'число 2024 не похоже на дату; введите дату в формате ДД.ММ.ГГГГ',
    });
    expect(readDateCell(1.5)).toMatchObject({ ok: false, message: expect.stringContaining('1,5') });
    expect(readDateCell(true)).toEqual({ ok: false, message: 'ожидается дата, а в ячейке флажок' });
    expect(readDateCell(new Date(Number.NaN))).toEqual({ ok: false, message: 'в ячейке неверная дата' });
  });
});

describe('date helpers', () => {
  it('serialToIsoDate counts days from 30.12.1899 within 2000–2099', () => {
    expect(serialToIsoDate(45292)).toBe('2024-01-01');
    expect(serialToIsoDate(73050)).toBe('2099-12-31');
    expect(serialToIsoDate(73051)).toBeNull();
    expect(serialToIsoDate(36525)).toBeNull();
    expect(serialToIsoDate(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('parseDateText gives null for anything but a date', () => {
    expect(parseDateText('05.03.2024')).toBe('2024-03-05');
    expect(parseDateText('2024-3-5')).toBeNull();
    expect(parseDateText('05.03.2024 10:00')).toBeNull();
  });

  it.each([
    ['05.03.2024', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    ['05.03.24', '2024-03-05'],
    ['5.3.24', '2024-03-05'],
    ['1.1.00', '2000-01-01'],
    ['31.12.99', '2099-12-31'],
    ['05.03.2024 г.', '2024-03-05'],
    ['05.03.2024г', '2024-03-05'],
    ['05032024', '2024-03-05'],
    ['29022024', '2024-02-29'],
    ['2024-03-05', '2024-03-05'],
  ])('parseDateText reads the typed form %j (date-fns parse)', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each(['31.02.2024', '29.02.2023', '31042024', '2024-02-30', '5032024', '13.13.2024', '00.01.2024'])(
    'parseDateText refuses the day the calendar lacks: %j',
    (text) => {
      expect(parseDateText(text)).toBeNull();
    },
  );

  it('reads Moscow midnight as its own day on every day of a leap year', () => {
    for (let day = 0; day < 366; day += 1) {
      const iso = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      expect(readDateCell(moscowMidnight(iso))).toEqual({ ok: true, value: iso });
    }
  });
});

describe('readTextCell', () => {
  it('trims text and reads empty as null', () => {
    expect(readTextCell('  Отдел культуры  ')).toEqual({ ok: true, value: 'Отдел культуры' });
    expect(readTextCell('')).toEqual({ ok: true, value: null });
    expect(readTextCell(' \n ')).toEqual({ ok: true, value: null });
    expect(readTextCell(null)).toEqual({ ok: true, value: null });
  });

  it('converts numbers and dates to text', () => {
    expect(readTextCell(1027700132195)).toEqual({ ok: true, value: '1027700132195' });
    expect(readTextCell(12.5)).toEqual({ ok: true, value: '12.5' });
    expect(readTextCell(moscowMidnight('2024-03-05'))).toEqual({ ok: true, value: '05.03.2024' });
  });

  it('refuses flags and formula errors', () => {
    expect(readTextCell(true)).toEqual({ ok: false, message: 'ожидается текст, а в ячейке флажок' });
    expect(readTextCell('#N/A')).toEqual({ ok: false, message: 'в ячейке ошибка формулы #N/A' });
  });
});

describe('readCheckboxCell', () => {
  it.each([
    [true, true],
    [false, false],
    ['', false],
    [undefined, false],
    ['да', true],
    ['Нет', false],
    ['TRUE', true],
    ['FALSE', false],
    ['ИСТИНА', true],
    ['ложь', false],
    ['1', true],
    ['0', false],
    [1, true],
    [0, false],
  ])('%j → %s', (raw, value) => {
    expect(readCheckboxCell(raw)).toEqual({ ok: true, value });
  });

  it.each([['может быть'], [2], ['#REF!']])('refuses %j', (raw) => {
    expect(readCheckboxCell(raw).ok).toBe(false);
  });

  it('says what it expected', () => {
    expect(readCheckboxCell('может быть')).toEqual({
      ok: false,
      message: '«может быть» — ожидается флажок (да или нет)',
    });
  });
});
