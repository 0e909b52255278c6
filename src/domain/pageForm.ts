/**
 * The sidebar's form and the register's cells, one to the other, without any service: a row's cells as
 * the form shows them, what a search matches, the shape of what a client submits, the row that already
 * holds a link, and which cells a save really changes. src/gas/sidebar/ reads and writes the sheet
 * around these.
 */
import { readCheckboxCell, readDateCell, readTextCell } from './cellValues';
import { COLUMN_BY_KEY } from './columns';
import { pageLinkKeys, type NetworkSpec } from './links';
import { DEPT_REPORT_STAMPS, type EventDateField } from './reportStamps';
import { organizationKey, registeredPageKeys } from './registerCheck';
import type { SheetCells } from './schemas';
import type { ColumnKey, Page, PageInput, Problem } from './types';

/** A form field's cell that the form cannot show as it is, and what the person is told about it. */
export type UnreadableCells = Partial<Record<keyof PageInput, string>>;

/** Longest text accepted in one field of the form (a cell holds 50,000 characters). */
export const MAX_FIELD_LENGTH = 5000;

export const FORM_KEYS: ReadonlyArray<keyof PageInput> = [
  'id',
  'organization',
  'orgKind',
  'network',
  'link',
  'createdOn',
  'deletedOn',
  'responsibleName',
  'responsiblePosition',
  'responsibleEmail',
  'authorizedName',
  'esiaVerified',
  'exemptionBasis',
  'ogrn',
  'inn',
  'govMark',
  'govPublics',
  'note',
];

const BOOLEAN_KEYS: ReadonlySet<keyof PageInput> = new Set(['esiaVerified', 'govMark', 'govPublics']);

/** «удалена в марте», or what a cell that is no text reads as, for the person's eyes. */
function shownCell(raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'boolean') return raw ? 'ИСТИНА' : 'ЛОЖЬ';
  return String(raw);
}

/** What the form says about a cell it cannot show. */
function unreadableMessage(kind: 'date' | 'checkbox' | 'text', raw: unknown): string {
  const what = kind === 'date' ? 'это не дата' : kind === 'checkbox' ? 'это не флажок (да или нет)' : 'это не текст';
  const fix =
    kind === 'checkbox' ? 'Отметьте флажок здесь' : kind === 'date' ? 'Введите дату здесь' : 'Введите текст здесь';
  return (
    `В таблице записано «${shownCell(raw)}» — ${what}. ${fix} или исправьте ячейку в таблице; ` +
    'пока поле не изменено, ячейка остаётся как есть.'
  );
}

/**
 * What a row's cells look like in the form: text as the person wrote it (so a wrong value can be seen
 * and corrected), dates as ISO days, checkboxes as booleans. A cell the form cannot show (a date cell
 * with text in it, a checkbox with «частично») is empty (unchecked) in the form and named in `unreadable`.
 */
export function formOfCells(cells: SheetCells, timeZone: string): { input: PageInput; unreadable: UnreadableCells } {
  const input = {} as Record<keyof PageInput, string | boolean>;
  const unreadable: UnreadableCells = {};
  for (const key of FORM_KEYS) {
    const raw = cells[key];
    const kind = COLUMN_BY_KEY[key].kind;
    if (kind === 'checkbox') {
      const reading = readCheckboxCell(raw);
      input[key] = reading.ok && reading.value;
      if (!reading.ok) unreadable[key] = unreadableMessage('checkbox', raw);
    } else if (kind === 'date') {
      const reading = readDateCell(raw, timeZone);
      input[key] = reading.ok ? (reading.value ?? '') : '';
      if (!reading.ok) unreadable[key] = unreadableMessage('date', raw);
    } else {
      const reading = readTextCell(raw, timeZone);
      // Text that does not read (a formula's error such as #REF!) is shown as it is, to be seen and corrected.
      input[key] = reading.ok ? (reading.value ?? '') : typeof raw === 'string' ? raw : '';
      if (!reading.ok && typeof raw !== 'string') unreadable[key] = unreadableMessage('text', raw);
    }
  }
  return { input: input as unknown as PageInput, unreadable };
}

export /** A text or number cell as text; anything else (a date, a checkbox, empty) as empty. */
function cellText(raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number') return String(raw);
  return '';
}

/** Does the row match the query: organization (case, spaces, quotes, ё ignored) or link (normal form or part)? */
export function rowMatches(cells: SheetCells, query: string, extraNetworks: readonly NetworkSpec[] = []): boolean {
  const organization = cellText(cells.organization);
  const link = cellText(cells.link);
  const wanted = organizationKey(query);
  if (wanted !== '' && organizationKey(organization).includes(wanted)) return true;
  if (link === '') return false;
  // Each writing of the query and of the cell («vk.com/club1; vk.com/shpak»): one page under any of them.
  const queryLinks = /[./]/.test(query) ? pageLinkKeys(query, extraNetworks) : [];
  if (queryLinks.length > 0 && pageLinkKeys(link, extraNetworks).some((key) => queryLinks.includes(key))) return true;
  return link.toLowerCase().includes(query.trim().toLowerCase());
}

export function missingColumnsMessage(missing: readonly ColumnKey[]): string {
  const names = missing.map((key) => `«${COLUMN_BY_KEY[key].header}»`).join(', ');
  const columns = missing.length === 1 ? 'колонки' : 'колонок';
  return `В реестре нет ${columns} ${names}. Попросите координатора выполнить «Реестр страниц → Настроить реестр».`;
}

/**
 * The form's values, checked for shape: an object with text where text belongs and booleans where
 * checkboxes are. Whatever else a broken or hostile client sends is reported, never written.
 */
export function readSubmittedInput(
  input: unknown,
): { ok: true; input: PageInput } | { ok: false; problems: Problem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      problems: [{ column: null, severity: 'error', message: 'Форма не передала данные страницы.' }],
    };
  }
  const source = input as Record<string, unknown>;
  const result = {} as Record<keyof PageInput, string | boolean>;
  const problems: Problem[] = [];
  for (const key of FORM_KEYS) {
    const value = source[key];
    const header = COLUMN_BY_KEY[key].header;
    if (BOOLEAN_KEYS.has(key)) {
      if (value !== undefined && typeof value !== 'boolean') {
        problems.push({ column: key, severity: 'error', message: `«${header}»: ожидается флажок (да или нет).` });
      }
      result[key] = value === true;
    } else {
      if (value !== undefined && typeof value !== 'string') {
        problems.push({ column: key, severity: 'error', message: `«${header}»: ожидается текст.` });
      } else if (typeof value === 'string' && value.length > MAX_FIELD_LENGTH) {
        problems.push({
          column: key,
          severity: 'error',
          message: `«${header}»: слишком длинный текст (больше ${MAX_FIELD_LENGTH} знаков).`,
        });
      }
      result[key] = typeof value === 'string' ? value : '';
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input: result as unknown as PageInput };
}

/**
 * The row that already registers this page, other than `self`: the register review's rule
 * (registeredPageKeys: the same normal form of a link, neither row deleted), on rows as read.
 */
export function duplicateOf<R extends { cells: SheetCells }>(
  rows: readonly R[],
  page: Pick<Page, 'link' | 'deletedOn'>,
  self: R | undefined,
  options: { timeZone: string; extraNetworks: readonly NetworkSpec[] },
): R | undefined {
  const wanted = registeredPageKeys(page, options.extraNetworks);
  if (wanted.length === 0) return undefined;
  return rows.find((raw) => {
    if (raw === self) return false;
    const link = cellText(raw.cells.link);
    const deleted = readDateCell(raw.cells.deletedOn, options.timeZone);
    const deletedOn = deleted.ok ? deleted.value : null;
    return (
      link !== '' && registeredPageKeys({ link, deletedOn }, options.extraNetworks).some((key) => wanted.includes(key))
    );
  });
}

/** The same value in the form: text compared without the spaces around it. */
export function sameInput(a: string | boolean, b: string | boolean): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;
}

/**
 * Text that Sheets would read as something else — a number (an ОГРН, «007»), a date («2.1»), a
 * percentage, TRUE/FALSE — or that starts with the quote itself gets the quote prefix, so what the
 * person typed is what the cell holds.
 * (Formula-like text, = + - @, is quoted by sheetValue itself.)
 */
export function keepText(key: ColumnKey, value: unknown): unknown {
  if (typeof value !== 'string' || COLUMN_BY_KEY[key].kind === 'date' || COLUMN_BY_KEY[key].kind === 'checkbox') {
    return value;
  }
  return /^['\d]|^(?:true|false|истина|ложь)$/i.test(value) ? `'${value}` : value;
}

/** Does the cell already hold `value` (as the form and the assessment give it)? */
export function sameCell(key: ColumnKey, raw: unknown, value: unknown, timeZone: string): boolean {
  const kind = COLUMN_BY_KEY[key].kind;
  if (kind === 'checkbox') {
    const reading = readCheckboxCell(raw);
    return reading.ok && reading.value === (value === true);
  }
  if (kind === 'date') {
    const reading = readDateCell(raw, timeZone);
    return reading.ok && reading.value === (value ?? null) && (raw === '' || raw instanceof Date || value === null);
  }
  return typeof raw === 'string' ? raw === (value ?? '') : raw === value || (raw === null && value === null);
}

/** The event dates this submit enters or changes: stamped like an edit of the sheet would (reportStamps.ts). */
export function enteredDates(
  before: SheetCells,
  after: Page,
  changed: ReadonlySet<keyof PageInput>,
  timeZone: string,
): Set<EventDateField> {
  const entered = new Set<EventDateField>();
  for (const { field } of DEPT_REPORT_STAMPS) {
    if (!changed.has(field)) continue;
    const previous = readDateCell(before[field], timeZone);
    if (!(previous.ok && previous.value === after[field])) entered.add(field);
  }
  return entered;
}
