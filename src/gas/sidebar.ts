/**
 * The server side of the sidebar «Добавить или изменить страницу…». Every function takes and returns
 * plain JSON (dates as ISO strings), because google.script.run cannot carry Date objects. The client
 * (src/ui/sidebar.ts) is typed against these signatures.
 */
import { readCheckboxCell, readDateCell, readTextCell } from '../domain/cellValues';
import { DEPT_REPORT_STAMPS, deptReportStamps, type EventDateField } from '../domain/reportStamps';
import { COLUMNS, COLUMN_BY_KEY, ORG_KINDS } from '../domain/columns';
import { MOSCOW_TIME_ZONE } from '../domain/isoDate';
import { LINK_ERASED, linkAsSaved } from '../domain/linkInput';
import { networkList, normalizeLink, type NetworkSpec } from '../domain/links';
import { assessRow, type RegisterContext } from '../domain/register';
import { duplicatePageProblem, organizationKey, registeredPageKeys } from '../domain/review';
import { validatePageInput, type SheetCells } from '../domain/schemas';
import { extraNetworksOf } from '../domain/settings';
import type { ColumnKey, EventAssessment, IsoDate, Page, PageInput, Problem } from '../domain/types';
import { checkCoordinator, currentUserEmail, ownerEmail } from './access';
import { loadDayContext } from './computedColumns';
import { newPageId } from './ids';
import { withScriptLock } from './lock';
import { lookUpContext, type ContextLookup } from './contextCache';
import { readDayContext, readRegister } from './registerRead';
import {
  isBlankRow,
  missingColumns,
  openRegister,
  readAllRows,
  writeColumns,
  type RawRow,
  type RegisterTable,
  type RowUpdate,
  REGISTER_NOT_FOUND,
} from './registerTable';
import { readSettings } from './settingsSheet';

/** An organisation already in the register, for the organisation field's suggestions. */
export interface SidebarOrganisation {
  name: string;
  orgKind: string | null;
}

export interface SidebarUser {
  email: string | null;
  isCoordinator: boolean;
  /** False when this person may not write the register through the sidebar; `reason` says why. */
  canSubmit: boolean;
  reason: string | null;
}

export interface SidebarInitResult {
  today: IsoDate;
  organisations: SidebarOrganisation[];
  /** The networks of the «Социальная сеть» list, built-in first. */
  networks: string[];
  /** Networks configured in «Настройки» beyond the built-in ones (validation needs them). */
  extraNetworks: NetworkSpec[];
  orgKinds: string[];
  user: SidebarUser;
}

/** A form field's cell that the form cannot show as it is, and what the person is told about it. */
export type UnreadableCells = Partial<Record<keyof PageInput, string>>;

/** A register row as the sidebar shows and edits it. */
export interface FoundPage {
  id: string;
  row: number;
  state: string;
  deadline: IsoDate | null;
  /** The form's values; a cell that cannot be shown (see `unreadable`) is empty here (unchecked). */
  input: PageInput;
  /**
   * Cells the form cannot show: a date cell holding «удалена в марте», a checkbox holding «частично».
   * The form says so under the field; a save leaves such a cell as it is unless the person changes the field.
   */
  unreadable: UnreadableCells;
}

export interface SidebarFindResult {
  pages: FoundPage[];
  /** More pages matched than were returned. */
  truncated: boolean;
  /** Set when the search could not run (no register, empty query). */
  message: string | null;
}

export interface SubmitSuccess {
  ok: true;
  created: boolean;
  row: number;
  id: string;
  deadline: IsoDate | null;
  state: string;
  events: EventAssessment[];
  warnings: Problem[];
  /** The page as written, so the form can go on editing the same row. */
  page: FoundPage;
  /** True when this requestId had already been carried out: nothing was written again. */
  repeated: boolean;
  /**
   * The events this save reported to the coordinator (п. 3.2.2): «Сообщено в отдел (…)» stamped today
   * because the save entered their date.
   */
  reported: Array<{ kind: EventAssessment['kind']; date: IsoDate }>;
}

export interface SubmitFailure {
  ok: false;
  /** A Russian sentence for the whole form. */
  message: string;
  /** Messages by field (column null: the form as a whole). */
  problems: Problem[];
  /** The page that already has this link, when that is why the submit was refused. */
  duplicate: FoundPage | null;
}

export type SidebarSubmitResult = SubmitSuccess | SubmitFailure;

// ------------------------------------------------------------------------------------------------
// Reading pages for the sidebar.

/** How many pages a search returns at most. */
export const MAX_FOUND = 20;
/** Longest text accepted in one field of the form (a cell holds 50,000 characters). */
export const MAX_FIELD_LENGTH = 5000;

const FORM_KEYS: ReadonlyArray<keyof PageInput> = [
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
export function unreadableMessage(kind: 'date' | 'checkbox' | 'text', raw: unknown): string {
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

function foundPage(raw: RawRow, timeZone: string): FoundPage {
  const { input, unreadable } = formOfCells(raw.cells, timeZone);
  const state = readTextCell(raw.cells.state, timeZone);
  const deadline = readDateCell(raw.cells.deadline, timeZone);
  return {
    id: input.id,
    row: raw.row,
    state: state.ok ? (state.value ?? '') : '',
    deadline: deadline.ok ? deadline.value : null,
    input,
    unreadable,
  };
}

function cellText(raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number') return String(raw);
  return '';
}

/** Does the row match the query: organisation (case, spaces, quotes, ё ignored) or link (normal form or part)? */
export function rowMatches(cells: SheetCells, query: string, extraNetworks: readonly NetworkSpec[] = []): boolean {
  const organization = cellText(cells.organization);
  const link = cellText(cells.link);
  const wanted = organizationKey(query);
  if (wanted !== '' && organizationKey(organization).includes(wanted)) return true;
  if (link === '') return false;
  const queryLink = /[./]/.test(query) ? normalizeLink(query, extraNetworks) : null;
  if (queryLink !== null && normalizeLink(link, extraNetworks) === queryLink) return true;
  return link.toLowerCase().includes(query.trim().toLowerCase());
}

function networkNames(extra: readonly NetworkSpec[]): string[] {
  return networkList(extra).map((network) => network.name);
}

function missingColumnsMessage(missing: readonly ColumnKey[]): string {
  const names = missing.map((key) => `«${COLUMN_BY_KEY[key].header}»`).join(', ');
  const columns = missing.length === 1 ? 'колонки' : 'колонок';
  return `В реестре нет ${columns} ${names}. Попросите координатора выполнить «Реестр страниц → Настроить реестр».`;
}

// ------------------------------------------------------------------------------------------------
// The server functions.

/** What the form needs to start: suggestions, lists, today, and whether this person may submit. */
export function sidebarInit(): SidebarInitResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openRegister(spreadsheet);
  const day = loadDayContext(spreadsheet, table?.timeZone ?? MOSCOW_TIME_ZONE);
  const extraNetworks = day.register.extraNetworks ?? [];
  const organisations = new Map<string, SidebarOrganisation>();
  if (table !== null) {
    for (const raw of readAllRows(table)) {
      const name = cellText(raw.cells.organization);
      if (name === '') continue;
      const key = organizationKey(name);
      const kind = cellText(raw.cells.orgKind);
      const known = organisations.get(key);
      if (known === undefined) organisations.set(key, { name, orgKind: kind || null });
      else if (known.orgKind === null && kind !== '') known.orgKind = kind;
    }
  }
  const email = currentUserEmail();
  const missing = table === null ? [] : missingColumns(table);
  const reason = table === null ? REGISTER_NOT_FOUND : missing.length > 0 ? missingColumnsMessage(missing) : null;
  return {
    today: day.register.today,
    organisations: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    networks: networkNames(extraNetworks),
    extraNetworks: [...extraNetworks],
    orgKinds: [...ORG_KINDS],
    user: {
      email: email || null,
      isCoordinator: checkCoordinator(day.settings.settings, email, ownerEmail(spreadsheet)).ok,
      canSubmit: reason === null,
      reason,
    },
  };
}

/** Pages whose organisation or link matches the query, in sheet order (one read of the register). */
export function sidebarFind(query: unknown): SidebarFindResult {
  const text = typeof query === 'string' ? query.trim().slice(0, 500) : '';
  if (text.length < 2)
    return { pages: [], truncated: false, message: 'Введите не меньше двух букв названия или ссылку.' };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openRegister(spreadsheet);
  if (table === null) return { pages: [], truncated: false, message: REGISTER_NOT_FOUND };
  const extra = extraNetworksOf(readSettings(spreadsheet).settings);
  const matches = readAllRows(table).filter((raw) => !isBlankRow(raw.values) && rowMatches(raw.cells, text, extra));
  const withId = matches.filter((raw) => cellText(raw.cells.id) !== '');
  const withoutId = matches.length - withId.length;
  return {
    pages: withId.slice(0, MAX_FOUND).map((raw) => foundPage(raw, table.timeZone)),
    truncated: withId.length > MAX_FOUND,
    message:
      withId.length === 0 && withoutId > 0
        ? `Найдено строк без ID: ${withoutId}. Их нельзя изменить через панель, пока координатор не выполнит «Настроить реестр».`
        : null,
  };
}

/** «Мои страницы»: the caller's own pages. */
export interface SidebarMyPagesResult {
  pages: FoundPage[];
  truncated: boolean;
  /** Why the list is empty or cannot be given (no e-mail, no register); null otherwise. */
  message: string | null;
}

/** How many of the caller's pages are listed at most. */
export const MAX_MY_PAGES = 50;

/**
 * «Мои страницы»: the pages whose «E-mail ответственного» is the caller's own, nearest deadline first.
 * Any editor may call it; it returns only rows that already carry the caller's address, so it never
 * shows anyone else's e-mail, and nothing when Apps Script cannot tell who is asking.
 */
export function sidebarMyPages(): SidebarMyPagesResult {
  const email = currentUserEmail();
  if (email === '') {
    return {
      pages: [],
      truncated: false,
      message: 'Не удалось определить адрес вашей почты: найдите страницы поиском ниже.',
    };
  }
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openRegister(spreadsheet);
  if (table === null) return { pages: [], truncated: false, message: REGISTER_NOT_FOUND };
  // State and deadline as of today (the sheet's «Срок» and «Состояние» may wait for the next check).
  const context = loadDayContext(spreadsheet, table.timeZone).register;
  const mine = readAllRows(table)
    .filter((raw) => cellText(raw.cells.id) !== '' && cellText(raw.cells.responsibleEmail).toLowerCase() === email)
    .map((raw) => {
      const page = foundPage(raw, table.timeZone);
      const assessment = assessRow(raw, context);
      return assessment === null ? page : { ...page, state: assessment.state, deadline: assessment.deadline };
    })
    .sort(
      (a, b) =>
        (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
        a.input.organization.localeCompare(b.input.organization, 'ru') ||
        a.row - b.row,
    );
  return {
    pages: mine.slice(0, MAX_MY_PAGES),
    truncated: mine.length > MAX_MY_PAGES,
    message: mine.length === 0 ? `Страниц, где ответственный — ${email}, в реестре нет.` : null,
  };
}

// ------------------------------------------------------------------------------------------------
// Submitting.

const REQUEST_ID = /^[A-Za-z0-9_-]{8,100}$/;
/** Document properties remembering the last submits by request ID, so a repeated request writes nothing. */
const SUBMIT_PROPERTY_PREFIX = 'sidebarSubmit:';
const SUBMIT_INDEX_PROPERTY = 'sidebarSubmit:index';
const REMEMBERED_SUBMITS = 50;

interface RememberedSubmit {
  id: string;
  created: boolean;
}

function failure(message: string, problems: Problem[] = [], duplicate: FoundPage | null = null): SubmitFailure {
  return { ok: false, message, problems, duplicate };
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

function recallSubmit(properties: GoogleAppsScript.Properties.Properties, requestId: string): RememberedSubmit | null {
  const text = properties.getProperty(SUBMIT_PROPERTY_PREFIX + requestId);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as RememberedSubmit;
    return typeof value.id === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Remembers a carried-out submit; the oldest beyond REMEMBERED_SUBMITS are forgotten. */
function rememberSubmit(
  properties: GoogleAppsScript.Properties.Properties,
  requestId: string,
  remembered: RememberedSubmit,
): void {
  let index: string[] = [];
  try {
    const parsed: unknown = JSON.parse(properties.getProperty(SUBMIT_INDEX_PROPERTY) ?? '[]');
    if (Array.isArray(parsed)) index = parsed.filter((item): item is string => typeof item === 'string');
  } catch {
    index = [];
  }
  index.push(requestId);
  const forgotten = index.splice(0, Math.max(0, index.length - REMEMBERED_SUBMITS));
  for (const old of forgotten) properties.deleteProperty(SUBMIT_PROPERTY_PREFIX + old);
  properties.setProperties({
    [SUBMIT_PROPERTY_PREFIX + requestId]: JSON.stringify(remembered),
    [SUBMIT_INDEX_PROPERTY]: JSON.stringify(index),
  });
}

/**
 * The row that already registers this page, other than `self`: the register review's rule
 * (registeredPageKeys: the same normal form of a link, neither row deleted), on rows as read.
 */
function duplicateOf(
  rows: readonly RawRow[],
  page: Pick<Page, 'link' | 'deletedOn'>,
  self: RawRow | undefined,
  options: { timeZone: string; extraNetworks: readonly NetworkSpec[] },
): RawRow | undefined {
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
function sameInput(a: string | boolean, b: string | boolean): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;
}

/**
 * Writes a page from the sidebar: checks it again (the client is never trusted), refuses a link
 * already registered, then under the script lock adds a row or updates the row holding the page's ID,
 * stamps «Сообщено в отдел (…)» for a newly entered creation or deletion, and recomputes «Срок» and
 * «Состояние». An update writes only the fields the person changed: `original` is what the form was
 * given for the row (the page as found, or as the last save returned it); without it, what the form would
 * be given now. So a cell the form could not show («удалена в марте» in a date column) or one someone
 * else changed meanwhile stays as it is. The same requestId twice writes once.
 */
export function sidebarSubmit(input: PageInput, requestId: string, original?: PageInput | null): SidebarSubmitResult {
  if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) {
    return failure('Форма передала неверный номер запроса. Обновите боковую панель и повторите.');
  }
  const shaped = readSubmittedInput(input);
  if (!shaped.ok) return failure('Форма передала неверные данные. Проверьте поля и повторите.', shaped.problems);
  const given = original === undefined || original === null ? null : readSubmittedInput(original);
  const startedFrom = given !== null && given.ok && given.input.id === shaped.input.id ? given.input : null;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lookup = lookUpContext(); // one cache read for the context and the register
  const context = readDayContext(spreadsheet, lookup).register;
  const checked = validatePageInput(shaped.input, context);
  if (!checked.ok) {
    const count = checked.problems.filter((problem) => problem.severity === 'error').length;
    return failure(`Не сохранено: ошибок в форме — ${count}. Исправьте поля, отмеченные красным.`, checked.problems);
  }
  const locked = withScriptLock(() =>
    submitLocked(spreadsheet, { input: shaped.input, page: checked.page, startedFrom }, requestId, context, lookup),
  );
  return locked.ok ? locked.value : failure(locked.message);
}

interface Submitted {
  input: PageInput;
  /** The input read and checked. */
  page: Page;
  /** What the form was given for this row, when it said so. */
  startedFrom: PageInput | null;
}

function submitLocked(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  submitted: Submitted,
  requestId: string,
  context: RegisterContext,
  lookup: ContextLookup,
): SidebarSubmitResult {
  const { input, page } = submitted;
  const read = readRegister(spreadsheet, lookup);
  if (read === null) return failure(REGISTER_NOT_FOUND);
  const { table, rows } = read;
  const missing = missingColumns(table);
  if (missing.length > 0) return failure(missingColumnsMessage(missing));
  const byId = (id: string): RawRow | undefined => rows.find((raw) => cellText(raw.cells.id) === id);
  const properties = PropertiesService.getDocumentProperties();

  const remembered = recallSubmit(properties, requestId);
  const repeat = remembered === null ? undefined : byId(remembered.id);
  if (remembered !== null && repeat !== undefined) {
    return success(table, repeat.row, repeat.cells, {
      created: remembered.created,
      repeated: true,
      context,
      reported: [],
    });
  }

  const id = input.id.trim();
  const target = id === '' ? undefined : byId(id);
  if (id !== '' && target === undefined) {
    return failure(
      `Страница с ID ${id} не найдена в реестре: возможно, её строку удалили. ` +
        'Найдите страницу заново или очистите форму и добавьте её как новую.',
    );
  }

  // The fields this submit writes: every one for a new page; for an existing one, those the person changed.
  const given =
    target === undefined ? null : (submitted.startedFrom ?? formOfCells(target.cells, table.timeZone).input);
  const changed = FORM_KEYS.filter((key) => key !== 'id' && (given === null || !sameInput(input[key], given[key])));
  const values: RowUpdate['values'] = {};
  if (target === undefined) {
    for (const column of COLUMNS) values[column.key] = null;
    values.id = newPageId(new Set(rows.map((raw) => cellText(raw.cells.id))));
  }
  for (const key of changed) values[key] = page[key];
  // A link the person typed without https:// is saved with it (the form says so).
  if (changed.includes('link') && page.link !== null) values.link = linkAsSaved(page.link);
  const before = target?.cells ?? {};
  if (target !== undefined && changed.includes('link') && page.link === null && cellText(before.link) !== '') {
    return failure(LINK_ERASED, [{ column: 'link', severity: 'error', message: LINK_ERASED }]);
  }
  const row = target?.row ?? Math.max(table.lastRow, table.headerRow) + 1;
  // The row as it will read: the cells kept, the fields written.
  const entered = assessRow({ row, cells: { ...before, ...values } }, context);
  const after = entered?.page ?? page;

  const duplicate = duplicateOf(rows, after, target, {
    timeZone: table.timeZone,
    extraNetworks: context.extraNetworks ?? [],
  });
  if (duplicate !== undefined) {
    const other = foundPage(duplicate, table.timeZone);
    const organization = other.input.organization ? ` (${other.input.organization})` : '';
    return failure(
      `Эта страница уже есть в реестре: строка ${other.row}${organization}. Откройте её и измените вместо новой записи.`,
      [duplicatePageProblem(other.row)],
      other,
    );
  }

  const stamps = deptReportStamps({
    entered: enteredDates(before, after, new Set(changed), context.timeZone),
    page: after,
    problems: entered?.problems ?? [],
    stampIsEmpty: (stamp) => {
      const stamped = readTextCell(before[stamp], context.timeZone);
      return stamped.ok && stamped.value === null;
    },
    today: context.today,
  });
  Object.assign(values, stamps);
  const reported = DEPT_REPORT_STAMPS.filter(({ stamp }) => stamps[stamp] !== undefined).map(({ field }) => ({
    kind: field === 'createdOn' ? ('creation' as const) : ('deletion' as const),
    date: after[field] as IsoDate,
  }));
  const cells: SheetCells = { ...before, ...values };
  const assessment = assessRow({ row, cells }, context);
  values.deadline = assessment?.deadline ?? null;
  values.state = assessment?.state ?? '';
  // Of those, only the cells that change: the others (a formula a person put there, say) stay.
  if (target !== undefined) {
    for (const key of Object.keys(values) as ColumnKey[]) {
      if (sameCell(key, target.cells[key], values[key], table.timeZone)) delete values[key];
    }
  }
  for (const key of Object.keys(values) as ColumnKey[]) values[key] = keepText(key, values[key]);
  if (target === undefined && row > (table.maxRows ?? table.sheet.getMaxRows()))
    table.sheet.insertRowsAfter(row - 1, 1);
  writeColumns(table, [{ row, values }]);
  const created = target === undefined;
  rememberSubmit(properties, requestId, { id: cellText(values.id ?? id), created });
  const written = { ...cells, deadline: assessment?.deadline ?? null, state: assessment?.state ?? '' };
  return success(table, row, written, { created, repeated: false, context, reported });
}

/**
 * Text that Sheets would read as something else — a number (an ОГРН, «007»), a date («2.1»), a
 * percentage, TRUE/FALSE — or that starts with the quote itself gets the quote prefix, so what the
 * person typed is what the cell holds.
 * (Formula-like text, = + - @, is quoted by sheetValue itself.)
 */
function keepText(key: ColumnKey, value: unknown): unknown {
  if (typeof value !== 'string' || COLUMN_BY_KEY[key].kind === 'date' || COLUMN_BY_KEY[key].kind === 'checkbox') {
    return value;
  }
  return /^['\d]|^(?:true|false|истина|ложь)$/i.test(value) ? `'${value}` : value;
}

/** Does the cell already hold `value` (as the form and the assessment give it)? */
function sameCell(key: ColumnKey, raw: unknown, value: unknown, timeZone: string): boolean {
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

/** The answer to a carried-out submit: the row as it stands now, its deadlines and remaining warnings. */
function success(
  table: RegisterTable,
  row: number,
  cells: SheetCells,
  options: { created: boolean; repeated: boolean; context: RegisterContext; reported: SubmitSuccess['reported'] },
): SubmitSuccess {
  const assessment = assessRow({ row, cells }, options.context);
  const page = foundPage({ row, cells, values: [] }, table.timeZone);
  const deadline = assessment?.deadline ?? null;
  const state = assessment?.state ?? '';
  return {
    ok: true,
    created: options.created,
    row,
    id: page.id,
    deadline,
    state,
    events: assessment?.events ?? [],
    warnings: (assessment?.problems ?? []).filter((problem) => problem.severity === 'warning'),
    page: { ...page, state, deadline },
    repeated: options.repeated,
    reported: options.reported,
  };
}

/** The event dates this submit enters or changes: stamped like an edit of the sheet would (reportStamps.ts). */
function enteredDates(
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

// ------------------------------------------------------------------------------------------------
// Opening the sidebar.

export const SIDEBAR_TITLE = 'Страница в реестре';
/** build/Sidebar.html, written by scripts/build.mjs from src/ui/sidebar.*. */
export const SIDEBAR_FILE = 'Sidebar';

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
