/**
 * A spreadsheet with «Реестр» (canonical headers, IDs given), «Настройки» and optionally the calendar sheet,
 * loaded with the built bundle in the offline runtime: the ground for the summary, daily-check and site-list
 * tests.
 */
import { COLUMNS, SHEET_NAMES } from '../../src/domain/columns';
import { CALENDAR_SHEET_HEADERS } from '../../src/domain/calendar';
import { DEFAULT_SETTINGS, SETTINGS_HEADERS, settingsSheetRows, type Settings } from '../../src/domain/settings';
import type { ColumnKey, IsoDate } from '../../src/domain/types';
import { createRuntime, type Runtime } from '../../dev/runtime';

export const OWNER = 'owner@shpakovsky.example.ru';
export const COORDINATOR = 'omkit@shpakovsky.example.ru';
export const COORDINATOR_2 = 'second@shpakovsky.example.ru';
export const CLERK = 'clerk@shpakovsky.example.ru';
export const TSUR = ['cur@stavregion.example.ru', 'office@stavregion.example.ru'];

export type RowSpec = Partial<Record<ColumnKey, string | boolean>>;

const DATE_KEYS: ReadonlySet<ColumnKey> = new Set(
  COLUMNS.filter((column) => column.kind === 'date').map((column) => column.key),
);

/** Midnight of the day in Moscow (UTC+3 all year): a date cell. */
export function moscowDay(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+03:00`);
}

export function moscowTime(date: IsoDate, time = '10:00'): Date {
  return new Date(`${date}T${time}:00+03:00`);
}

function cell(key: ColumnKey, value: string | boolean | undefined): unknown {
  if (value === undefined) return key === 'esiaVerified' || key === 'govMark' || key === 'govPublics' ? false : '';
  if (typeof value === 'string' && DATE_KEYS.has(key) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return moscowDay(value);
  return value;
}

/** A complete, valid page row; `fields` override. */
export function pageRow(id: string, fields: RowSpec = {}): RowSpec {
  return {
    id,
    organization: `Организация ${id}`,
    orgKind: 'Структурное подразделение',
    network: 'ВКонтакте',
    link: `https://vk.com/page_${id.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
    responsibleName: 'Петров Пётр Петрович',
    responsiblePosition: 'Заместитель начальника управления',
    responsibleEmail: 'petrov@shpakovsky.example.ru',
    authorizedName: 'Сидорова Анна',
    esiaVerified: true,
    govMark: true,
    govPublics: true,
    ...fields,
  };
}

export interface RuntimeSetup {
  today: IsoDate;
  /** Time of day in Moscow, '10:00' by default. */
  time?: string;
  rows: RowSpec[];
  settings?: Partial<Settings>;
  /** Calendar sheet rows: [date, 'Нерабочий' | 'Рабочий', basis]. */
  calendar?: Array<[IsoDate, string, string]>;
  user?: string;
  mailQuota?: number;
  /** Extra globals for the bundle (see createRuntime). */
  globals?: Record<string, unknown>;
}

export function registerValues(rows: readonly RowSpec[]): unknown[][] {
  return [
    COLUMNS.map((column) => column.header),
    ...rows.map((row) => COLUMNS.map((column) => cell(column.key, row[column.key]))),
  ];
}

export function createRegisterRuntime(setup: RuntimeSetup): Runtime {
  const rt = createRuntime({
    owner: OWNER,
    user: setup.user ?? COORDINATOR,
    editors: [COORDINATOR, COORDINATOR_2, CLERK],
    now: moscowTime(setup.today, setup.time),
    ...(setup.mailQuota !== undefined ? { mailQuota: setup.mailQuota } : {}),
    ...(setup.globals ? { globals: setup.globals } : {}),
  });
  rt.quietly(() => {
    const book = rt.spreadsheet;
    const register = book.insertSheet(SHEET_NAMES.register);
    const values = registerValues(setup.rows);
    const missing = values.length - register.getMaxRows();
    if (missing > 0) register.insertRowsAfter(register.getMaxRows(), missing);
    register.getRange(1, 1, values.length, COLUMNS.length).setValues(values);
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      tsurRecipients: [...TSUR],
      coordinators: [COORDINATOR, COORDINATOR_2],
      ...setup.settings,
    };
    const settingsRows = [[...SETTINGS_HEADERS], ...settingsSheetRows(settings)];
    book
      .insertSheet(SHEET_NAMES.settings)
      .getRange(1, 1, settingsRows.length, SETTINGS_HEADERS.length)
      .setValues(settingsRows);
    if (setup.calendar) {
      const calendarRows = [
        [...CALENDAR_SHEET_HEADERS],
        ...setup.calendar.map(([date, kind, basis]) => [moscowDay(date), kind, basis]),
      ];
      book.insertSheet(SHEET_NAMES.calendar).getRange(1, 1, calendarRows.length, 3).setValues(calendarRows);
    }
  });
  rt.loadBundle();
  return rt;
}

/** google.script.run from a dialog opened by `user`. */
export function scriptRunAs(rt: Runtime, user: string, name: string, ...args: unknown[]): unknown {
  const previous = rt.ctx.defaultUser;
  rt.ctx.defaultUser = user;
  try {
    return rt.scriptRun(name, ...args);
  } finally {
    rt.ctx.defaultUser = previous;
  }
}

/** The sheet's values (header first), read without counting. */
export function sheetValues(rt: Runtime, name: string): unknown[][] {
  return rt.quietly(() => {
    const sheet = rt.spreadsheet.getSheetByName(name);
    return sheet === null ? [] : sheet.getDataRange().getValues();
  });
}

/** Register rows as objects by header, with dates as ISO days. */
export function registerRows(rt: Runtime): Array<Record<string, unknown>> {
  const [header = [], ...rows] = sheetValues(rt, SHEET_NAMES.register);
  return rows.map((row) =>
    Object.fromEntries(
      header.map((name, index) => {
        const value = row[index];
        const iso =
          Object.prototype.toString.call(value) === '[object Date]'
            ? new Date((value as Date).getTime() + 3 * 3600_000).toISOString().slice(0, 10)
            : value;
        return [String(name), iso];
      }),
    ),
  );
}

export function journalRows(rt: Runtime): string[][] {
  return sheetValues(rt, SHEET_NAMES.journal)
    .slice(1)
    .map((row) => row.map((value) => String(value)));
}
