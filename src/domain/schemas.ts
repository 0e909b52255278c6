/**
 * Reading and checking a register row, from the sheet or from the sidebar form. Pure, and free of
 * Node and Apps Script APIs: the sidebar bundles validatePageInput for the browser.
 * Over 400 lines on purpose: one rule per column, the sheet's and the form's paths together, so that the
 * two can never check a column differently.
 *
 * Two paths, one set of rules:
 * 1. reading (per path): sheet cells by the column's kind in the catalogue (cellValues.ts), or the
 *    form's strings through the zod schema PAGE_INPUT_SCHEMA — into a Page whose unreadable
 *    fields are null, each with a Problem;
 * 2. checking (shared, `checkPage`): values with a format (lists, link, e-mail, ОГРН) — a value
 *    that does not fit becomes null with an error — then the rules between fields.
 * Every message names its column by the catalogue's Russian header. Nothing here changes what a
 * person wrote: the Page is our reading of it.
 */
import * as z from 'zod';
import { ru } from 'zod/locales';
import { readCheckboxCell, readDateCell, readTextCell, type CellReading } from './cellValues';
import { COLUMN_BY_KEY, COLUMNS, ORG_KINDS, normalizeHeader } from './columns';
import { cellLinks, examplePageLink, type CellLink, networkList, type NetworkSpec } from './links';
import { formatRuDate, MOSCOW_TIME_ZONE } from './isoDate';
import { isEmailAddress } from './email';
import { innError, ogrnError } from './ogrn';
import { responsiblePositionWarning } from './positions';
import { formulaProblem, isFormulaCell, type FormulaCell } from './formulas';
import type { ColumnKey, IsoDate, Page, PageInput, Problem, Severity } from './types';

export interface CheckOptions {
  /** Today in Europe/Moscow: dates after it are in the future. */
  today: IsoDate;
  /** Networks configured in addition to NETWORKS (links.ts). */
  extraNetworks?: readonly NetworkSpec[];
}

export interface SheetRowOptions extends CheckOptions {
  /** The spreadsheet's time zone, in which Date cells are read; Europe/Moscow by default. */
  timeZone?: string;
}

/** Raw cells of one sheet row (as getValues returns them) by column; a missing column is undefined. */
export type SheetCells = Partial<Record<ColumnKey, unknown>>;

export interface RowReading {
  page: Page;
  problems: Problem[];
}

export type PageInputValidation = { ok: true; page: Page; warnings: Problem[] } | { ok: false; problems: Problem[] };

/**
 * A row with nothing filled in, as a new object: the starting point of every reading. A literal, not a
 * copy of EMPTY_PAGE: a check makes one per row, and copying an object costs ten times a literal.
 */
export function emptyPage(): Page {
  return {
    id: null,
    organization: null,
    orgKind: null,
    network: null,
    link: null,
    createdOn: null,
    deletedOn: null,
    responsibleName: null,
    responsiblePosition: null,
    responsibleEmail: null,
    authorizedName: null,
    esiaVerified: false,
    exemptionBasis: null,
    deptReportedCreation: null,
    deptReportedDeletion: null,
    tsurReportedCreation: null,
    tsurReportedDeletion: null,
    ogrn: null,
    inn: null,
    govMark: false,
    govPublics: false,
    note: null,
  };
}

/** A row with nothing filled in (and the starting point of test fixtures). */
export const EMPTY_PAGE: Readonly<Page> = Object.freeze(emptyPage());

type PageKey = keyof Page;
type PageValue = Page[PageKey];

/** The Page's fields: every column of the catalogue but the computed ones. */
export const PAGE_KEYS = Object.keys(EMPTY_PAGE) as PageKey[];
const keysOfKind = (kind: string | null): PageKey[] =>
  PAGE_KEYS.filter((key) =>
    kind === null ? !['date', 'checkbox'].includes(COLUMN_BY_KEY[key].kind) : COLUMN_BY_KEY[key].kind === kind,
  );
const TEXT_KEYS = keysOfKind(null);
const DATE_KEYS = keysOfKind('date');
const CHECKBOX_KEYS = keysOfKind('checkbox');

/** Each field's kind, in a plain object of the Page's shape: read for every cell of every row. */
const KIND_OF = { ...Object.fromEntries(PAGE_KEYS.map((key) => [key, COLUMN_BY_KEY[key].kind])) } as Readonly<
  Record<PageKey, string>
>;

/** A problem with a column, its message starting with the column's header. */
export function columnProblem(column: ColumnKey, severity: Severity, message: string): Problem {
  return { column, severity, message: `«${COLUMN_BY_KEY[column].header}»: ${message}` };
}

// ---------------------------------------------------------------------------------------------
// 1a. The sheet: each cell read by its column's kind.

function readCell(key: PageKey, raw: unknown, timeZone: string): CellReading<PageValue> {
  switch (KIND_OF[key]) {
    case 'date':
      return readDateCell(raw, timeZone);
    case 'checkbox':
      return readCheckboxCell(raw);
    default:
      return readTextCell(raw, timeZone);
  }
}

/**
 * The fields the register-wide checks compare (ID, link, deletion date, organization, exemption) exactly
 * as readSheetRow reads them, without reading or checking the rest of the row: what onEdit needs of every
 * other row.
 */
export function readKeyFields(
  cells: SheetCells,
  options: SheetRowOptions,
): Pick<Page, 'id' | 'link' | 'deletedOn' | 'organization' | 'exemptionBasis'> {
  const timeZone = options.timeZone ?? MOSCOW_TIME_ZONE;
  const text = (key: 'id' | 'link' | 'organization' | 'exemptionBasis'): string | null => {
    const reading = readCell(key, cells[key], timeZone);
    return reading.ok ? (reading.value as string | null) : null;
  };
  const linkText = text('link');
  const deletedOn = readCell('deletedOn', cells.deletedOn, timeZone);
  return {
    id: text('id'),
    link:
      linkText !== null && linkError(cellLinks(linkText, options.extraNetworks), options.extraNetworks) === null
        ? linkText
        : null,
    deletedOn: deletedOn.ok ? (deletedOn.value as string | null) : null,
    organization: text('organization'),
    exemptionBasis: text('exemptionBasis'),
  };
}

/** Reads and checks one sheet row. Never throws: an unreadable cell is a Problem and its field null (false for checkboxes). */
export function readSheetRow(cells: SheetCells, options: SheetRowOptions): RowReading {
  const timeZone = options.timeZone ?? MOSCOW_TIME_ZONE;
  const page = emptyPage();
  const problems: Problem[] = [];
  const formulas: Problem[] = [];
  // By kind, so that each reader is called from a place of its own (a row reads 18 cells, 10,000 rows a check).
  for (const key of TEXT_KEYS) {
    const raw = cells[key];
    if (isFormulaCell(raw)) formulas.push(formulaCellProblem(key, raw));
    else take(page, problems, key, readTextCell(raw, timeZone));
  }
  for (const key of DATE_KEYS) {
    const raw = cells[key];
    if (isFormulaCell(raw)) formulas.push(formulaCellProblem(key, raw));
    else take(page, problems, key, readDateCell(raw, timeZone));
  }
  for (const key of CHECKBOX_KEYS) {
    const raw = cells[key];
    if (isFormulaCell(raw)) formulas.push(formulaCellProblem(key, raw));
    else take(page, problems, key, readCheckboxCell(raw));
  }
  const checked = checkPage(page, problems, options);
  if (formulas.length === 0) return checked;
  // In the order of the columns, as one loop over them would have found them.
  if (formulas.length > 1) formulas.sort((a, b) => columnRank(a.column) - columnRank(b.column));
  // The formula is the one thing to say about its cell («не заполнено» would only repeat it).
  const formulaColumns = new Set(formulas.map((problem) => problem.column));
  return {
    page: checked.page,
    problems: [...formulas, ...checked.problems.filter((problem) => !formulaColumns.has(problem.column))],
  };
}

/** A formula where a person's value belongs: its field stays empty (its result is never taken for what a person wrote). */
function formulaCellProblem(key: PageKey, raw: FormulaCell): Problem {
  const column = COLUMN_BY_KEY[key];
  const expected = column.kind === 'date' ? 'дата' : column.kind === 'checkbox' ? 'флажок' : 'текст';
  const { severity, message } = formulaProblem(raw, column.role, expected);
  return columnProblem(key, severity, `${message}`);
}

/** A cell's reading: its value into the page, or its problem. */
function take(page: Page, problems: Problem[], key: PageKey, reading: CellReading<PageValue>): void {
  if (reading.ok) setField(page, key, reading.value);
  else problems.push(columnProblem(key, 'error', `${reading.message}.`));
}

function setField(page: Page, key: PageKey, value: PageValue): void {
  (page as Record<PageKey, PageValue>)[key] = value;
}

// ---------------------------------------------------------------------------------------------
// 1b. The sidebar form: strings as typed, dates as ISO 'YYYY-MM-DD' or '', checkboxes as booleans.

/** Trimmed text, null when empty. A missing field reads as empty. */
const inputText = z
  .string()
  .optional()
  .transform((text) => (text ?? '').trim() || null);

const inputDate = z
  .string()
  .optional()
  .transform((text) => (text ?? '').trim())
  .pipe(z.union([z.literal(''), z.iso.date('ожидается дата в формате ГГГГ-ММ-ДД.')]))
  .transform((text) => text || null);

const inputCheckbox = z
  .boolean()
  .optional()
  .transform((checked) => checked ?? false);

/** The sidebar's PageInput, field by field. */
export const PAGE_INPUT_SCHEMA = z.object({
  id: inputText,
  organization: inputText,
  orgKind: inputText,
  network: inputText,
  link: inputText,
  createdOn: inputDate,
  deletedOn: inputDate,
  responsibleName: inputText,
  responsiblePosition: inputText,
  responsibleEmail: inputText,
  authorizedName: inputText,
  esiaVerified: inputCheckbox,
  exemptionBasis: inputText,
  ogrn: inputText,
  inn: inputText,
  govMark: inputCheckbox,
  govPublics: inputCheckbox,
  note: inputText,
});

type InputKey = keyof typeof PAGE_INPUT_SCHEMA.shape;
// The schema covers PageInput exactly (a compile error here means types.ts and the schema differ).
const INPUT_KEYS_MATCH: [InputKey, keyof PageInput] extends [keyof PageInput, InputKey] ? true : never = true;
void INPUT_KEYS_MATCH;

/** zod's own messages (a wrong type sent by a broken client) in Russian, after our column header. */
const RUSSIAN = ru().localeError;

/**
 * Checks what the sidebar sends. The same rules as for a sheet row; ok when there is no error
 * (warnings do not stop saving). Runs in the browser as well as in Apps Script.
 */
export function validatePageInput(input: PageInput, options: CheckOptions): PageInputValidation {
  const source: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
  const page: Page = { ...EMPTY_PAGE };
  const problems: Problem[] = [];
  for (const key of Object.keys(PAGE_INPUT_SCHEMA.shape) as InputKey[]) {
    const result = PAGE_INPUT_SCHEMA.shape[key].safeParse(source[key], { error: RUSSIAN });
    if (result.success) setField(page, key, result.data);
    else problems.push(columnProblem(key, 'error', result.error.issues.map((issue) => issue.message).join('; ')));
  }
  const checked = checkPage(page, problems, options);
  return checked.problems.some((problem) => problem.severity === 'error')
    ? { ok: false, problems: checked.problems }
    : { ok: true, page: checked.page, warnings: checked.problems };
}

// ---------------------------------------------------------------------------------------------
// 2. The rules, shared by both paths.

/** Federal law No. 270-FZ of 14.07.2022 brought official pages into 8-FZ from this day: none is older. */
export const OFFICIAL_PAGES_SINCE: IsoDate = '2022-12-01';

export const REQUIRED_FOR_PAGE = `не заполнено — обязательно для официальной страницы (если страница не создаётся по согласованию, заполните «${COLUMN_BY_KEY.exemptionBasis.header}»).`;

/** The list item a value names, case, spaces and quotes ignored; null when it names none. */
function listItem(value: string, items: readonly string[]): string | null {
  let index = LIST_INDEXES.get(items);
  if (index === undefined) {
    index = new Map();
    for (const item of items) if (!index.has(normalizeHeader(item))) index.set(normalizeHeader(item), item);
    LIST_INDEXES.set(items, index);
  }
  return index.get(normalizeHeader(value)) ?? null;
}

/** Each list's items by their normal form, built once per list (the lists live for a run). */
const LIST_INDEXES = new WeakMap<readonly string[], Map<string, string>>();

/** The names of a network list, one array per list, so that its index above is built once. */
function networkNamesOf(networks: readonly NetworkSpec[]): readonly string[] {
  let names = NETWORK_NAMES.get(networks);
  if (names === undefined) {
    names = networks.map((network) => network.name);
    NETWORK_NAMES.set(networks, names);
  }
  return names;
}

const NETWORK_NAMES = new WeakMap<readonly NetworkSpec[], readonly string[]>();

function quotedList(items: readonly string[]): string {
  return items.map((item) => `«${item}»`).join(', ');
}

const NO_LINKS: readonly CellLink[] = [];

/**
 * Why a «Ссылка на страницу» cell is no page's address (null when it is one): not a web address, a site's
 * home page, or a link into a network that is no page (a post, the feed, an app…). A cell may hold two
 * writings of one page separated by «;» (cellLinks gives each with its facts); each is checked, and they must
 * lead to one network.
 */
function linkError(links: readonly CellLink[], extraNetworks?: readonly NetworkSpec[]): string | null {
  for (const { link, facts } of links) {
    const { address, homePage, host, kind } = facts;
    if (!address) {
      return links.length > 1
        ? `«${link}» — не похоже на адрес страницы; два написания одной страницы разделяйте точкой с запятой: https://vk.com/public197204238; https://vk.com/shpakray.`
        : `«${link}» — не похоже на адрес страницы; пример: https://vk.com/shpakray.`;
    }
    if (homePage) {
      return `ссылка ведёт на главную страницу ${host}, а нужен адрес самой страницы.`;
    }
    if (kind.kind === 'notPage') {
      return `«${link}» — это не страница, а ${kind.what}: укажите адрес самого сообщества или группы, например ${examplePageLink(link, extraNetworks)}.`;
    }
  }
  if (links.length < 2) return null;
  const networks = new Set(links.map(({ facts }) => facts.network?.name ?? facts.host));
  if (networks.size > 1) return 'ссылки в ячейке ведут в разные сети: в одной строке — одна страница одной сети.';
  return null;
}

/** A basis of exemption names the agreement when it has a date (15.09.2023, «15 сентября 2023») and a number (№ 12). */
function namesAgreement(basis: string): boolean {
  const date = /\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\s+[а-яё]+\s+\d{4}/i.test(basis);
  const number = /(?:№|номер)\s*[\dа-яa-z]|\bN\s?\d/i.test(basis);
  return date && number;
}

// checkPage's helpers, at module level: as closures they were made anew for each of 10,000 rows.
function report(problems: Problem[], key: ColumnKey, severity: Severity, message: string): void {
  problems.push(columnProblem(key, severity, message));
}

/** A value with a format it does not have: reported, and not used. */
function reject(page: Page, problems: Problem[], key: PageKey, message: string): void {
  report(problems, key, 'error', message);
  setField(page, key, null);
}

function unreadable(problems: readonly Problem[], key: PageKey): boolean {
  for (const problem of problems) if (problem.column === key) return true;
  return false;
}

function missing(page: Page, problems: readonly Problem[], key: PageKey): boolean {
  return page[key] === null && !unreadable(problems, key);
}

/**
 * Checks a read row: `page` holds what was read (a fresh object of the caller's: the values that do not
 * fit their format are set to null in it), `problems` what could not be read (appended to).
 */
function checkPage(page: Page, problems: Problem[], options: CheckOptions): RowReading {
  const networks = networkList(options.extraNetworks);
  const networkNames = networkNamesOf(networks);

  // Values with a format.
  if (page.orgKind !== null) {
    const kind = listItem(page.orgKind, ORG_KINDS);
    if (kind === null)
      reject(page, problems, 'orgKind', `«${page.orgKind}» — выберите из списка: ${quotedList(ORG_KINDS)}.`);
    else page.orgKind = kind;
  }
  if (page.network !== null) {
    const network = listItem(page.network, networkNames);
    if (network === null)
      reject(page, problems, 'network', `«${page.network}» — выберите из списка: ${quotedList(networkNames)}.`);
    else page.network = network;
  }
  // The link cell's links and their facts, looked up once for every rule below that reads them.
  const links = page.link === null ? NO_LINKS : cellLinks(page.link, options.extraNetworks);
  const firstLink = links[0]?.facts;
  if (page.link !== null) {
    const error = linkError(links, options.extraNetworks);
    if (error !== null) reject(page, problems, 'link', error);
  }
  if (page.responsibleEmail !== null && !isEmailAddress(page.responsibleEmail)) {
    reject(page, problems, 'responsibleEmail', `«${page.responsibleEmail}» — не похоже на адрес электронной почты.`);
  }
  if (page.ogrn !== null) {
    const error = ogrnError(page.ogrn);
    if (error !== null) reject(page, problems, 'ogrn', error);
  }
  if (page.inn !== null) {
    const error = innError(page.inn);
    if (error !== null) reject(page, problems, 'inn', error);
  }

  // Rules between fields.
  const exempt = page.exemptionBasis !== null;
  if (missing(page, problems, 'organization')) report(problems, 'organization', 'error', 'не заполнено.');
  if (!exempt) {
    if (missing(page, problems, 'network')) {
      const byLink = page.link === null ? null : (firstLink?.network?.name ?? null);
      report(
        problems,
        'network',
        'error',
        byLink === null ? REQUIRED_FOR_PAGE : `не выбрана; по ссылке это «${byLink}».`,
      );
    }
    for (const key of ['link', 'createdOn', 'responsibleName', 'authorizedName'] as const) {
      if (missing(page, problems, key)) report(problems, key, 'error', REQUIRED_FOR_PAGE);
    }
  }
  if (page.link !== null && page.network !== null) {
    const network = networks.find((n) => n.name === page.network);
    const hosts = links.map(({ facts }) => facts.host);
    const host = hosts.find((one) => one !== null && network !== undefined && !network.hosts.includes(one));
    if (network && network.hosts.length > 0 && host !== undefined && host !== null) {
      report(problems, 'link', 'error', `ссылка ведёт на ${host}, а выбрана сеть «${network.name}».`);
    }
  }
  if (page.link !== null && firstLink?.kind.kind === 'profile') {
    report(
      problems,
      'link',
      'warning',
      'это личная страница (профиль) человека, а официальной страницей может быть только сообщество («ВКонтакте») или ' +
        'группа («Одноклассники»): только им ставится метка «Госорганизация» и подключаются «Госпаблики».',
    );
  }
  if (page.createdOn !== null && page.createdOn > options.today) {
    report(problems, 'createdOn', 'error', 'дата позже сегодняшнего дня: страница не может быть создана в будущем.');
  }
  if (page.createdOn !== null && page.createdOn < OFFICIAL_PAGES_SINCE) {
    report(
      problems,
      'createdOn',
      'warning',
      `официальные страницы существуют с ${formatRuDate(OFFICIAL_PAGES_SINCE)} (270-ФЗ): укажите день, когда страница стала официальной.`,
    );
  }
  if (page.deletedOn !== null) {
    if (page.deletedOn > options.today) {
      report(problems, 'deletedOn', 'error', 'дата позже сегодняшнего дня: укажите день, когда страница была удалена.');
    }
    if (page.createdOn !== null && page.deletedOn < page.createdOn) {
      report(problems, 'deletedOn', 'error', 'дата удаления раньше даты создания.');
    }
  }
  // The position is required wherever there is a responsible person: on every page, and on an
  // exemption row only when somebody is named.
  if (missing(page, problems, 'responsiblePosition') && (!exempt || page.responsibleName !== null)) {
    report(problems, 'responsiblePosition', 'error', 'не заполнено.');
  }
  if (page.responsiblePosition !== null) {
    const warning = responsiblePositionWarning(page.responsiblePosition, page.orgKind);
    if (warning !== null)
      report(problems, 'responsiblePosition', 'warning', `«${page.responsiblePosition}» — ${warning}`);
  }
  if (exempt && page.orgKind === ORG_KINDS[0]) {
    report(
      problems,
      'exemptionBasis',
      'error',
      'администрация округа обязана вести официальные страницы по федеральному закону (ст. 10 Федерального закона ' +
        '№ 8-ФЗ); освобождение по п. 4 — только для структурных подразделений и подведомственных организаций.',
    );
  } else if (exempt && !namesAgreement(page.exemptionBasis ?? '')) {
    report(
      problems,
      'exemptionBasis',
      'warning',
      `«${page.exemptionBasis ?? ''}» — не видно реквизитов согласования с администрацией округа (п. 4): укажите дату ` +
        'и номер документа, например «письмо администрации от 15.09.2023 № 01-12/345».',
    );
  }
  if (!exempt && page.deletedOn === null && page.link !== null) {
    if (!page.govMark && !unreadable(problems, 'govMark')) {
      report(
        problems,
        'govMark',
        'warning',
        'не отмечена: на официальной странице должна стоять метка «Госорганизация».',
      );
    }
    if (!page.govPublics && !unreadable(problems, 'govPublics')) {
      report(
        problems,
        'govPublics',
        'warning',
        'не отмечено: официальная страница подключается к «Госпабликам» Госуслуг (Федеральный закон № 8-ФЗ в ред. ' +
          '№ 270-ФЗ; постановление Правительства РФ от 31.12.2022 № 2560).',
      );
    }
  }
  if (!exempt && page.deletedOn === null && !page.esiaVerified && !unreadable(problems, 'esiaVerified')) {
    report(
      problems,
      'esiaVerified',
      'warning',
      'не отмечена: уполномоченное лицо должно пройти идентификацию в ЕСИА (Госуслуги), п. 3.2.1.3.',
    );
  }
  return { page, problems: sortByColumn(problems) };
}

const COLUMN_ORDER = new Map(COLUMNS.map((column, index) => [column.key, index]));
const columnRank = (column: ColumnKey | null): number => (column === null ? -1 : (COLUMN_ORDER.get(column) ?? 0));

/** Problems in the order of the columns (the row's own first), errors before warnings; stable otherwise. */
function sortByColumn(problems: Problem[]): Problem[] {
  if (problems.length < 2) return problems;
  const rank = (problem: Problem): number => columnRank(problem.column) * 2 + (problem.severity === 'error' ? 0 : 1);
  // Mostly already in order (the rules run column by column): then kept as it is.
  let sorted = true;
  for (let index = 1; index < problems.length && sorted; index++) {
    sorted = rank(problems[index - 1] as Problem) <= rank(problems[index] as Problem);
  }
  if (sorted) return problems;
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rank(a.problem) - rank(b.problem) || a.index - b.index)
    .map(({ problem }) => problem);
}
