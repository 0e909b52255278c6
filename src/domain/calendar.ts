/**
 * The Russian production calendar: which days are working days.
 *
 * Built in: explicit per-year lists for 2023–2027 (Labour Code art. 112 holidays, the weekdays the
 * Government's decree makes days off, the Saturdays it makes working). Nothing is derived from
 * transfer rules. Rows of the sheet «Производственный календарь» replace these lists year by year: a
 * year the sheet names is read from the sheet alone (so deleting a row there takes the day out), the
 * built-in lists serve the years it does not name. A year with no list at all is computed from
 * weekends and art. 112 holidays and reported as provisional.
 */
import { readDateCell } from './cellValues';
import { SHEET_NAMES } from './columns';
import {
  addDays,
  dayNumber,
  formatRuDate,
  fromDayNumber,
  isIsoDate,
  isoDateOf,
  MOSCOW_TIME_ZONE,
  weekday,
  yearOf,
} from './isoDate';
import type { IsoDate, WorkingCalendar } from './types';

export type DayKind = 'holiday' | 'workday';

/** One day that differs from, or confirms, the plain rule «Monday–Friday work, weekends rest». */
export interface CalendarEntry {
  date: IsoDate;
  kind: DayKind;
  /** Where the day comes from, e.g. «ТК РФ ст. 112» or «Постановление Правительства РФ № 1466». */
  basis: string;
}

/** Calendar data: entries, plus years approved even if no entry names them (a year with no transfers). */
export interface CalendarData {
  entries: readonly CalendarEntry[];
  approvedYears?: readonly number[];
}

/** The public holidays themselves (Labour Code art. 112 part 1). */
export const LABOUR_CODE_BASIS = 'ТК РФ ст. 112 ч. 1';
/** A day off moved from a holiday that fell on a weekend to the next working day (art. 112 part 2). */
export const TRANSFER_BASIS = 'ТК РФ ст. 112 ч. 2 (перенос выходного дня, совпавшего с праздником)';

/** Non-January holidays (art. 112 part 2 moves a weekend that falls on them; January's are moved by the Government). */
const TRANSFERABLE_HOLIDAYS: readonly string[] = ['02-23', '03-08', '05-01', '05-09', '06-12', '11-04'];

/** Public holidays of Labour Code art. 112 as 'MM-DD'. */
export const FIXED_HOLIDAYS: readonly string[] = [
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
];

interface YearDecree {
  year: number;
  decree: string;
  /** Weekdays off besides the fixed holidays: by the decree, or by art. 112 part 2 (`transfers`). */
  daysOff: readonly IsoDate[];
  /** Those of daysOff that art. 112 part 2 moves by itself (a holiday on a weekend), not the decree. */
  transfers?: readonly IsoDate[];
  /** Saturdays made working days. */
  workingSaturdays: readonly IsoDate[];
}

/** Per-year lists exactly as approved (DOMAIN.md, «Working days»). Add a year here or in the sheet. */
const YEAR_DECREES: readonly YearDecree[] = [
  {
    year: 2023,
    decree: 'Постановление Правительства РФ от 29.08.2022 № 1505',
    daysOff: ['2023-02-24', '2023-05-08', '2023-11-06'],
    transfers: ['2023-11-06'], // 04.11 was a Saturday
    workingSaturdays: [],
  },
  {
    year: 2024,
    decree: 'Постановление Правительства РФ от 10.08.2023 № 1314',
    daysOff: ['2024-04-29', '2024-04-30', '2024-05-10', '2024-12-30', '2024-12-31'],
    workingSaturdays: ['2024-04-27', '2024-11-02', '2024-12-28'],
  },
  {
    year: 2025,
    decree: 'Постановление Правительства РФ от 04.10.2024 № 1335',
    daysOff: ['2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31'],
    workingSaturdays: ['2025-11-01'],
  },
  {
    year: 2026,
    decree: 'Постановление Правительства РФ от 24.09.2025 № 1466',
    daysOff: ['2026-01-09', '2026-03-09', '2026-05-11', '2026-12-31'],
    transfers: ['2026-03-09', '2026-05-11'], // 08.03 a Sunday, 09.05 a Saturday
    workingSaturdays: [],
  },
  {
    year: 2027,
    decree: 'Постановление Правительства РФ № 1187',
    daysOff: ['2027-02-22', '2027-05-03', '2027-05-10', '2027-06-14', '2027-11-05', '2027-12-31'],
    transfers: ['2027-05-03', '2027-05-10', '2027-06-14'], // 01.05 and 12.06 Saturdays, 09.05 a Sunday
    workingSaturdays: ['2027-02-20'],
  },
];

function compareEntries(a: CalendarEntry, b: CalendarEntry): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function builtInEntries(): CalendarEntry[] {
  const entries = YEAR_DECREES.flatMap(({ year, decree, daysOff, transfers = [], workingSaturdays }) => [
    ...FIXED_HOLIDAYS.map((monthDay): CalendarEntry => ({
      date: `${year}-${monthDay}`,
      kind: 'holiday',
      basis: LABOUR_CODE_BASIS,
    })),
    ...daysOff.map((date): CalendarEntry => ({
      date,
      kind: 'holiday',
      basis: transfers.includes(date) ? TRANSFER_BASIS : decree,
    })),
    ...workingSaturdays.map((date): CalendarEntry => ({ date, kind: 'workday', basis: decree })),
  ]);
  return entries.sort(compareEntries);
}

/** The built-in calendar, sorted by date: what the sheet is pre-filled with. */
export const BUILT_IN_CALENDAR: Readonly<Required<CalendarData>> = {
  entries: builtInEntries(),
  approvedYears: YEAR_DECREES.map(({ year }) => year),
};

const FIXED_HOLIDAY_SET: ReadonlySet<string> = new Set(FIXED_HOLIDAYS);

/**
 * The built-in calendar with `extra` (usually parsed from the calendar sheet) in place of it for every
 * year `extra` has an entry in: such a year's days off and working weekends are exactly `extra`'s, the
 * built-in entries of that year are dropped. A year with any entry, or listed in approvedYears, is not
 * provisional. A day with no entry is a working day on Monday–Friday outside the art. 112 holidays.
 */
export function createCalendar(extra?: CalendarData): WorkingCalendar {
  const byDate = new Map<IsoDate, CalendarEntry>();
  const approved = new Set<number>(BUILT_IN_CALENDAR.approvedYears);
  const extraEntries = extra?.entries ?? [];
  for (const entry of extraEntries) {
    if (!isIsoDate(entry.date)) throw new RangeError(`Calendar entry with a bad date: ${String(entry.date)}`);
  }
  const replacedYears = new Set(extraEntries.map((entry) => yearOf(entry.date)));
  const builtIn = BUILT_IN_CALENDAR.entries.filter((entry) => !replacedYears.has(yearOf(entry.date)));
  for (const entry of [...builtIn, ...extraEntries]) {
    byDate.set(entry.date, entry);
    approved.add(yearOf(entry.date));
  }
  for (const year of extra?.approvedYears ?? []) approved.add(year);

  // A year with no list: art. 112 part 2 moves a non-January holiday on a weekend to the next working day.
  const transfersOfYear = new Map<number, ReadonlySet<IsoDate>>();
  const transfers = (year: number): ReadonlySet<IsoDate> => {
    let days = transfersOfYear.get(year);
    if (days === undefined) {
      days = provisionalTransfers(year);
      transfersOfYear.set(year, days);
    }
    return days;
  };
  const isWorkingDay = (date: IsoDate): boolean => {
    const entry = byDate.get(date);
    if (entry) return entry.kind === 'workday';
    const day = weekday(date);
    if (day === 0 || day === 6 || FIXED_HOLIDAY_SET.has(date.slice(5))) return false;
    const year = yearOf(date);
    return approved.has(year) || !transfers(year).has(date);
  };

  return {
    isWorkingDay,
    addWorkingDays: memoisedAddWorkingDays(isWorkingDay),
    isProvisional: (year: number): boolean => !approved.has(year),
  };
}

function isPlainWorkingDay(date: IsoDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !FIXED_HOLIDAY_SET.has(date.slice(5));
}

/**
 * The days off that Labour Code art. 112 part 2 gives a year by itself: each non-January holiday on a
 * Saturday or Sunday moves the day off to the next weekday that is neither a holiday nor already moved
 * to. What the Government's decree of that year may change is not known: such a year stays provisional.
 */
export function provisionalTransfers(year: number): Set<IsoDate> {
  const days = new Set<IsoDate>();
  for (const monthDay of TRANSFERABLE_HOLIDAYS) {
    const holiday = `${String(year).padStart(4, '0')}-${monthDay}`;
    if (!isIsoDate(holiday) || ![0, 6].includes(weekday(holiday))) continue;
    let next = addDays(holiday, 1);
    while (!isPlainWorkingDay(next) || days.has(next)) next = addDays(next, 1);
    days.add(next);
  }
  return days;
}

/**
 * addWorkingDays over `isWorkingDay`, memoised per (date, n). A register of 50,000 rows has a few
 * thousand distinct event dates, and every event asks for two deadlines, so the loop runs once per
 * distinct (date, n). It steps over integer day numbers, each day's answer memoised too: no Date and
 * no regex per step. That is also why date-fns (isoDate.ts) is not used here: an addDays per step
 * allocates a Date and formats a string, which made deadlines a third of the full check's time.
 */
export function memoisedAddWorkingDays(
  isWorkingDay: (date: IsoDate) => boolean,
): (date: IsoDate, n: number) => IsoDate {
  const working = new Map<number, boolean>();
  const isWorkingNumber = (day: number): boolean => {
    let answer = working.get(day);
    if (answer === undefined) {
      answer = isWorkingDay(fromDayNumber(day));
      working.set(day, answer);
    }
    return answer;
  };
  const deadlines: Array<Map<IsoDate, IsoDate>> = [];
  return (date: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
    let byDate = deadlines[n];
    if (byDate === undefined) {
      byDate = new Map();
      deadlines[n] = byDate;
    }
    const known = byDate.get(date);
    if (known !== undefined) return known;
    if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`);
    let current = dayNumber(date);
    for (let left = n; left > 0;) {
      current += 1;
      if (isWorkingNumber(current)) left -= 1;
    }
    const result = n === 0 ? date : fromDayNumber(current);
    byDate.set(date, result);
    return result;
  };
}

/** How many working days the calendar has in a year. */
export function workingDaysInYear(calendar: WorkingCalendar, year: number): number {
  const first = isoDateOf(year, 1, 1);
  if (first === null) throw new RangeError(`Not a year: ${year}`);
  let count = 0;
  for (let date = first; yearOf(date) === year; date = addDays(date, 1)) {
    if (calendar.isWorkingDay(date)) count += 1;
  }
  return count;
}

// ---- The sheet «Производственный календарь» ----

export const CALENDAR_SHEET_HEADERS = ['Дата', 'Вид дня', 'Основание'] as const;

/** What the «Вид дня» column says for each kind. */
export const DAY_KIND_LABELS: Readonly<Record<DayKind, string>> = { holiday: 'Нерабочий', workday: 'Рабочий' };

/** Words accepted in «Вид дня» (case, spaces and ё ignored). */
const DAY_KIND_WORDS: ReadonlyMap<string, DayKind> = new Map([
  ['нерабочий', 'holiday'],
  ['нерабочий день', 'holiday'],
  ['выходной', 'holiday'],
  ['праздничный', 'holiday'],
  ['рабочий', 'workday'],
  ['рабочий день', 'workday'],
]);

/** Rows to pre-fill the sheet with (dates as IsoDate strings; the sheet adapter writes them as dates). */
export function calendarSheetRows(
  entries: readonly CalendarEntry[] = BUILT_IN_CALENDAR.entries,
): Array<[IsoDate, string, string]> {
  return [...entries].sort(compareEntries).map((entry) => [entry.date, DAY_KIND_LABELS[entry.kind], entry.basis]);
}

export interface CalendarRowProblem {
  /** 1-based sheet row. */
  row: number;
  /** A complete Russian sentence naming the sheet and the row. */
  message: string;
}

export interface ParsedCalendarRows {
  entries: CalendarEntry[];
  problems: CalendarRowProblem[];
}

export interface ParseCalendarOptions {
  /** Sheet row of rows[0]; 2 when the header is row 1. */
  firstRow?: number;
  /** Zone in which Date cells are read. */
  timeZone?: string;
}

/** Years outside this range are typing mistakes, not calendars. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * Reads the data rows of «Производственный календарь» (columns «Дата», «Вид дня», «Основание»).
 * Blank rows are skipped silently; a row that cannot be read is skipped and reported. Never throws.
 */
export function parseCalendarRows(rows: readonly unknown[][], options: ParseCalendarOptions = {}): ParsedCalendarRows {
  const firstRow = options.firstRow ?? 2;
  const timeZone = options.timeZone ?? MOSCOW_TIME_ZONE;
  const entries: CalendarEntry[] = [];
  const problems: CalendarRowProblem[] = [];
  const rowOfDate = new Map<IsoDate, number>();

  rows.forEach((cells, index) => {
    const row = firstRow + index;
    const report = (text: string): void => {
      problems.push({ row, message: `Лист «${SHEET_NAMES.calendar}», строка ${row}: ${text}; строка не учтена.` });
    };
    const [dateCell, kindCell, basisCell] = Array.isArray(cells) ? cells : [];
    if (!Array.isArray(cells) || cells.every(isBlank)) return;

    if (isBlank(dateCell)) return report('не указана дата');
    let reading: ReturnType<typeof readDateCell>;
    try {
      reading = readDateCell(dateCell, timeZone);
    } catch {
      reading = { ok: false, message: 'не удалось прочитать дату' };
    }
    if (!reading.ok) return report(`«${CALENDAR_SHEET_HEADERS[0]}»: ${reading.message}`);
    const date = reading.value;
    if (date === null) return report('не указана дата');
    const year = isIsoDate(date) ? yearOf(date) : Number.NaN;
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
      return report(`год даты вне допустимого диапазона ${MIN_YEAR}–${MAX_YEAR}`);
    }

    if (isBlank(kindCell)) return report('не указан вид дня («Нерабочий» или «Рабочий»)');
    const kind =
      typeof kindCell === 'string'
        ? DAY_KIND_WORDS.get(kindCell.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim())
        : undefined;
    if (kind === undefined)
      return report(`вид дня «${String(kindCell).trim()}» не распознан (нужно «Нерабочий» или «Рабочий»)`);

    const earlier = rowOfDate.get(date);
    if (earlier !== undefined) return report(`дата ${formatRuDate(date)} уже указана в строке ${earlier}`);
    rowOfDate.set(date, row);

    entries.push({ date, kind, basis: isBlank(basisCell) ? '' : String(basisCell).trim() });
  });

  return { entries, problems };
}
