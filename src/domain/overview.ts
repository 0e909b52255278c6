/**
 * «Обзор»: the picture of compliance for the coordinator and the deputy head (п. 6), as formulas over the
 * register, so it stays live without the script, and the same figures counted by the domain (for the
 * monthly control letter, and for the tests that hold the formulas to them).
 *
 * Over 400 lines on purpose: each figure's formula and its domain count sit side by side, so a change to one
 * is seen next to the other (test/overview holds them equal).
 *
 * How the formulas find the register's columns: hidden helper columns of «Обзор» hold, for every register
 * row, the cell of one column found by MATCH of its header text in the register's header row and read with
 * INDEX. A moved column is found again; a renamed one is found after «Настроить реестр» writes its new name.
 * The visible figures are COUNTIFS / SUMPRODUCT over those helper columns. Only functions that Google
 * Sheets, Excel and HyperFormula all compute are used (no open-ended ranges, no OFFSET, no ARRAYFORMULA).
 *
 * The «Состояние» texts the formulas read: «Ошибки заполнения» (a row with errors is not an active page
 * and its events are not counted as pending), a state beginning with «Просрочено» (a deadline missed), and
 * a state beginning with «Сообщено с опозданием» (for «с опозданием в этом году»). New states keep working as long as these
 * words keep their meaning.
 */
import { ORG_KINDS, SHEET_NAMES } from './columns';
import { yearOf } from './isoDate';
import { STATES } from './obligations';
import { isActivePage, organizationKey } from './registerCheck';
import type { ColumnKey, IsoDate, RowAssessment } from './types';

export const OVERVIEW_SHEET_NAME = SHEET_NAMES.overview;

/** The visible block: columns A–E. */
export const OVERVIEW_WIDTH = 5;
/** The first helper column (AD): far enough right to be out of the way, hidden by setup. */
export const HELPER_FIRST_COLUMN = 30;
/**
 * Register rows the helper covers below the last one written: room for a year of new pages without another
 * setup, while a sheet of 1,000 mostly empty rows does not cost Sheets 36,000 formulas. A live warning in
 * «Обзор» says when rows below are filled.
 */
export const HEADROOM_ROWS = 300;
/** The helper row of the register's first data row. */
export const HELPER_FIRST_ROW = 3;
/** Rows of the state table (spilled UNIQUE). */
const STATE_SLOTS = 14;
/** Month names in the nominative, as «Обзор» and the control letter name a month. */
export const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;

/** The prefix of every «Состояние» of a missed deadline («Просрочено: ЦУР», «Просрочено: отдел»…). */
export const OVERDUE_STATE_PREFIX = 'Просрочено';

/** The labels of the figures in column A (networks and kinds of organization are labelled by their names). */
export const FIGURE_LABELS = {
  activeTotal: 'Всего',
  gaps: 'Организаций без действующей страницы и без освобождения (п. 4)',
  exemptions: 'Строк с освобождением (п. 4)',
  pendingTsur: 'Событий, не сообщённых в ЦУР',
  overdue: 'Строк с нарушенным сроком',
  overdueDept: '— задержка отдела или организации (в отдел не сообщено)',
  overdueCoordinator: '— задержка координатора (не сообщено в ЦУР)',
  noGovMark: 'Действующих страниц без Госметки',
  noGovPublics: 'Действующих страниц без подключения к «Госпабликам»',
  noEsia: 'Действующих страниц без идентификации в ЕСИА',
} as const;

/** The titles of the charts; the control letter draws the one of the states itself (STATES_CHART). */
export const CHART_TITLES = {
  networks: 'Действующие страницы по сетям',
  states: 'Состояние строк реестра',
  months: 'Создано и удалено страниц по месяцам этого года',
} as const;

/** The first cell of each table's header row in column A. */
export const TABLE_TITLES = {
  states: 'Состояние строк',
  months: 'Месяц этого года',
  organizations: 'Организация',
} as const;

/**
 * The states chart: «Обзор» draws it from its states table (header row: TABLE_TITLES.states, `countHeader`),
 * the control letter draws the same chart from the domain's counts (controlChartRows).
 */
export const STATES_CHART = {
  type: 'BAR',
  title: CHART_TITLES.states,
  countHeader: 'Строк',
  width: 480,
  height: 320,
} as const;

/** Column letters of a 1-based column number. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Text written into a cell that must stay text: a leading apostrophe before = + - @ (Sheets drops it). */
export function asText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface OverviewInput {
  registerSheet: string;
  /** 1-based header row of the register. */
  headerRow: number;
  /** The register's grid: the helper covers its rows below the header (up to lastRow + HEADROOM) and all its columns. */
  maxRows: number;
  /** The register's last row with content. */
  lastRow: number;
  maxColumns: number;
  /** The header text of each catalogue column as found in the register (a missing column: its canonical header). */
  headers: Readonly<Record<ColumnKey, string>>;
  networks: readonly string[];
  /** Rows of the per-organization table. */
  organizationSlots: number;
}

/** What the visible cells hold: text, a number, or a formula ('=…'). */
export type OverviewCell = string | number;

export interface ChartSpec {
  /** Stable name, kept in the chart's title option too. */
  id: 'networks' | 'states' | 'months';
  type: 'PIE' | 'BAR' | 'COLUMN';
  title: string;
  /** A1 range of «Обзор» with the labels in its first column and a header row. */
  range: string;
  /** Where the chart's top-left corner sits (1-based row and column of «Обзор»). */
  row: number;
  column: number;
  width: number;
  height: number;
}

/** A figure of the overview: where it is and what it says. */
export interface FigureCell {
  key: string;
  label: string;
  /** A1 of the value in «Обзор». */
  cell: string;
}

export interface OverviewLayout {
  cells: OverviewCell[][];
  /** Hidden columns from `firstColumn`: row 1 the headers, row 2 their MATCH, then one row per register row. */
  helper: { firstColumn: number; headers: string[]; matchRow: string[]; rows: string[][] };
  charts: ChartSpec[];
  figures: FigureCell[];
  /** Where the tables lie (first data row, 1-based), for reading them back. */
  tables: {
    states: { row: number; rows: number };
    months: { row: number };
    organizations: { row: number; rows: number };
  };
}

type HelperId =
  | ColumnKey
  | 'createdYear'
  | 'createdMonth'
  | 'deletedYear'
  | 'deletedMonth'
  | 'activeLink'
  | 'active'
  | 'exempt'
  | 'inError'
  | 'pendingTsur'
  | 'overdue'
  | 'overdueDept'
  | 'openDeadline'
  | 'lateThisYear'
  | 'organizationOrdinal'
  | 'stateOrdinal';

const TEXT_KEYS: readonly ColumnKey[] = [
  'organization',
  'orgKind',
  'network',
  'link',
  'exemptionBasis',
  'deptReportedCreation',
  'deptReportedDeletion',
  'tsurReportedCreation',
  'tsurReportedDeletion',
  'deadline',
  'state',
];
const DATE_KEYS: readonly ColumnKey[] = ['createdOn', 'deletedOn'];
const CHECKBOX_KEYS: readonly ColumnKey[] = ['esiaVerified', 'govMark', 'govPublics'];

interface HelperColumn {
  id: HelperId;
  title: string;
  /** The formula, given how to refer to another helper column's cell of the same row and to the register's cell. */
  formula: (cell: (id: HelperId) => string, raw: string, span: Span) => string;
}

/** The helper cells of a column from its first data row (or `from`) down to this row (+ `offset`). */
type Span = (id: HelperId, offset: number, from?: number) => string;

/**
 * The ordinal of a value at its first row (1, 2, 3… in the register's order), "" on its later rows and on
 * empty cells: the tables then list the k-th value with one MATCH, instead of a UNIQUE per row of the table.
 */
function firstSeenOrdinal(c: (id: HelperId) => string, span: Span, id: 'organization' | 'state'): string {
  const ordinal: HelperId = id === 'organization' ? 'organizationOrdinal' : 'stateOrdinal';
  const value = c(id);
  // The ordinal column's row 2 is empty, so the rows above are never an empty range.
  return `IF(OR(LEN(${value}&"")=0,COUNTIF(${span(id, 0)},${value})>1),"",MAX(0,${span(ordinal, -1, HELPER_FIRST_ROW - 1)})+1)`;
}

function helperColumns(headers: OverviewInput['headers']): Array<HelperColumn & { header: string }> {
  const read = (key: ColumnKey, make: (raw: string) => string): HelperColumn & { header: string } => ({
    id: key,
    title: headers[key],
    header: headers[key],
    formula: (_cell, raw) => make(raw),
  });
  const yearOfCell = (x: string) => `IFERROR(IF(ISNUMBER(${x}),YEAR(${x}),VALUE(RIGHT(TRIM(${x}),4))),"")`;
  const monthOfCell = (x: string) => `IFERROR(IF(ISNUMBER(${x}),MONTH(${x}),VALUE(MID(TRIM(${x}),4,2))),"")`;
  const derived = (id: HelperId, title: string, formula: HelperColumn['formula']) => ({
    id,
    title,
    header: title,
    formula,
  });
  const filled = (c: (id: HelperId) => string, id: HelperId) => `LEN(${c(id)}&"")>0`;
  const empty = (c: (id: HelperId) => string, id: HelperId) => `LEN(${c(id)}&"")=0`;
  const unreported = (c: (id: HelperId) => string, date: HelperId, dept: HelperId, tsur: HelperId) =>
    `AND(${filled(c, date)},${empty(c, dept)},${empty(c, tsur)})`;
  const state = (c: (id: HelperId) => string) => c('state');
  return [
    ...TEXT_KEYS.map((key) => read(key, (raw) => `IFERROR(TRIM(${raw}&""),"")`)),
    ...DATE_KEYS.map((key) => read(key, (raw) => `IFERROR(IF(LEN(${raw}&"")=0,"",${raw}),"")`)),
    ...CHECKBOX_KEYS.map((key) =>
      read(
        key,
        (raw) => `IFERROR(OR(${raw}=TRUE(),LOWER(TRIM(${raw}&""))="да",LOWER(TRIM(${raw}&""))="true"),FALSE())`,
      ),
    ),
    derived('createdYear', '· год создания', (c) => yearOfCell(c('createdOn'))),
    derived('createdMonth', '· месяц создания', (c) => monthOfCell(c('createdOn'))),
    derived('deletedYear', '· год удаления', (c) => yearOfCell(c('deletedOn'))),
    derived('deletedMonth', '· месяц удаления', (c) => monthOfCell(c('deletedOn'))),
    derived(
      'activeLink',
      '· страница не удалена',
      (c) => `AND(${filled(c, 'link')},${empty(c, 'deletedOn')},${empty(c, 'exemptionBasis')})`,
    ),
    derived('active', '· действующая', (c) => `AND(${c('activeLink')},${state(c)}<>${quote(STATES.errors)})`),
    derived('exempt', '· освобождение', (c) => `AND(${filled(c, 'exemptionBasis')},${empty(c, 'link')})`),
    derived('inError', '· ошибки заполнения', (c) => `${state(c)}=${quote(STATES.errors)}`),
    derived(
      'pendingTsur',
      '· не сообщено в ЦУР',
      (c) =>
        `IF(${state(c)}=${quote(STATES.errors)},0,` +
        `IF(AND(${filled(c, 'createdOn')},${empty(c, 'tsurReportedCreation')}),1,0)+` +
        `IF(AND(${filled(c, 'deletedOn')},${empty(c, 'tsurReportedDeletion')}),1,0))`,
    ),
    derived(
      'overdue',
      '· просрочено',
      (c) => `LEFT(${state(c)},${OVERDUE_STATE_PREFIX.length})=${quote(OVERDUE_STATE_PREFIX)}`,
    ),
    derived(
      'overdueDept',
      '· просрочено отделом',
      (c) =>
        `AND(${c('overdue')},OR(${unreported(c, 'createdOn', 'deptReportedCreation', 'tsurReportedCreation')},` +
        `${unreported(c, 'deletedOn', 'deptReportedDeletion', 'tsurReportedDeletion')}))`,
    ),
    derived('openDeadline', '· открытый срок', (c) => filled(c, 'deadline')),
    derived(
      'lateThisYear',
      '· с опозданием в этом году',
      (c) =>
        // «Сообщено с опозданием» and «Сообщено с опозданием (отдел сообщил поздно)» alike.
        `AND(OR(${c('overdue')},LEFT(${state(c)},${STATES.reportedLate.length})=${quote(STATES.reportedLate)}),` +
        `OR(${c('createdYear')}=YEAR(TODAY()),${c('deletedYear')}=YEAR(TODAY())))`,
    ),
    derived('organizationOrdinal', '· № организации', (c, _raw, span) => firstSeenOrdinal(c, span, 'organization')),
    derived('stateOrdinal', '· № состояния', (c, _raw, span) => firstSeenOrdinal(c, span, 'state')),
  ];
}

/**
 * The n-th of the distinct non-empty values of a range in the register's order, or "". One formula a cell
 * rather than one spilling UNIQUE: nothing below can block it, and every engine sizes it alike.
 */
function nthDistinct(values: string, ordinals: string, n: number): string {
  return `=IFERROR(INDEX(${values},MATCH(${n},${ordinals},0)),"")`;
}

/**
 * The whole sheet: visible figures and tables (A–E), the helper block (hidden, from HELPER_FIRST_COLUMN),
 * and the charts. Pure, so that setup can compare it with what the sheet holds and write nothing when equal.
 */
export function overviewLayout(input: OverviewInput): OverviewLayout {
  const columns = helperColumns(input.headers);
  const coveredLast = Math.max(input.headerRow + 1, Math.min(input.maxRows, input.lastRow + HEADROOM_ROWS));
  const rows = coveredLast - input.headerRow;
  const letterOf = new Map<HelperId, string>(
    columns.map((column, index) => [column.id, columnLetter(HELPER_FIRST_COLUMN + index)]),
  );
  const letter = (id: HelperId): string => letterOf.get(id) as string;
  const register = sheetRef(input.registerSheet);
  const lastColumn = columnLetter(input.maxColumns);
  const headerRow = `${register}!$${input.headerRow}:$${input.headerRow}`;
  const rawKeys = new Set<HelperId>([...TEXT_KEYS, ...DATE_KEYS, ...CHECKBOX_KEYS]);
  // Row 1: the header each column looks for; row 2: where MATCH finds it; from row 3: one register row each.
  const matchRow = columns.map((column) =>
    rawKeys.has(column.id) ? `=MATCH(${letter(column.id)}1,${headerRow},0)` : '',
  );
  const helperRows = Array.from({ length: rows }, (_, index) => {
    const row = HELPER_FIRST_ROW + index;
    const registerRow = input.headerRow + 1 + index;
    const sameRow = (id: HelperId) => `${letter(id)}${row}`;
    const span: Span = (id, offset, from = HELPER_FIRST_ROW) => `$${letter(id)}$${from}:${letter(id)}${row + offset}`;
    return columns.map((column) => {
      const raw = `INDEX(${register}!$A$${registerRow}:$${lastColumn}$${registerRow},1,${letter(column.id)}$2)`;
      return `=${column.formula(sameRow, raw, span)}`;
    });
  });
  const range = (id: HelperId) => `$${letter(id)}$${HELPER_FIRST_ROW}:$${letter(id)}$${HELPER_FIRST_ROW + rows - 1}`;

  const cells: OverviewCell[][] = [];
  const figures: FigureCell[] = [];
  const add = (...row: OverviewCell[]): number => {
    cells.push([...row, ...Array<OverviewCell>(OVERVIEW_WIDTH - row.length).fill('')]);
    return cells.length;
  };
  const figure = (key: string, label: string, formula: string): number => {
    const row = add(label, formula);
    figures.push({ key, label, cell: `B${row}` });
    return row;
  };

  add('Обзор реестра официальных страниц');
  add(
    'Все цифры — формулы по листу «Реестр»: пересчитываются сами. Колонки находятся по заголовкам; ' +
      'лист изменяет только надстройка («Настроить реестр»).',
  );
  add('Сегодня', '=TODAY()');
  add(
    'Строки реестра в обзоре',
    `${input.headerRow + 1}–${coveredLast}`,
    coveredLast < input.maxRows
      ? `=IF(COUNTA(${register}!$A$${coveredLast + 1}:$${lastColumn}$${input.maxRows})>0,` +
          `"Ниже заполнены строки, которых обзор не видит: запустите «Настроить реестр»","")`
      : '',
  );
  add('');
  add('Действующие официальные страницы по сетям', 'Страниц');
  const networksTop = cells.length + 1;
  for (const network of input.networks)
    figure(
      `network:${network}`,
      asText(network),
      `=COUNTIFS(${range('network')},${quote(network)},${range('active')},TRUE())`,
    );
  figure('activeTotal', FIGURE_LABELS.activeTotal, `=COUNTIFS(${range('active')},TRUE())`);
  const networksBottom = networksTop + input.networks.length - 1;
  add('');
  add('По виду организации', 'Страниц');
  for (const kind of ORG_KINDS)
    figure(`kind:${kind}`, kind, `=COUNTIFS(${range('orgKind')},${quote(kind)},${range('active')},TRUE())`);
  add('');
  add('Исполнение постановления', 'Значение');
  const orgTop = () => organizationsRow + 1;
  const gapsRow = figure('gaps', FIGURE_LABELS.gaps, '');
  figure('exemptions', FIGURE_LABELS.exemptions, `=COUNTIFS(${range('exempt')},TRUE())`);
  figure('pendingTsur', FIGURE_LABELS.pendingTsur, `=SUM(${range('pendingTsur')})`);
  figure('overdue', FIGURE_LABELS.overdue, `=COUNTIFS(${range('overdue')},TRUE())`);
  figure('overdueDept', FIGURE_LABELS.overdueDept, `=COUNTIFS(${range('overdueDept')},TRUE())`);
  figure(
    'overdueCoordinator',
    FIGURE_LABELS.overdueCoordinator,
    `=COUNTIFS(${range('overdue')},TRUE(),${range('overdueDept')},FALSE())`,
  );
  figure('noGovMark', FIGURE_LABELS.noGovMark, `=COUNTIFS(${range('active')},TRUE(),${range('govMark')},FALSE())`);
  figure(
    'noGovPublics',
    FIGURE_LABELS.noGovPublics,
    `=COUNTIFS(${range('active')},TRUE(),${range('govPublics')},FALSE())`,
  );
  figure('noEsia', FIGURE_LABELS.noEsia, `=COUNTIFS(${range('active')},TRUE(),${range('esiaVerified')},FALSE())`);
  add('');
  add(TABLE_TITLES.states, STATES_CHART.countHeader);
  const statesTop = cells.length + 1;
  const stateRange = range('state');
  for (let index = 0; index < STATE_SLOTS; index += 1) add(nthDistinct(stateRange, range('stateOrdinal'), index + 1));
  for (let index = 0; index < STATE_SLOTS; index += 1) {
    const row = statesTop + index;
    (cells[row - 1] as OverviewCell[])[1] = `=IF(LEN(A${row}&"")=0,"",COUNTIFS(${stateRange},A${row}))`;
  }
  add('');
  add(TABLE_TITLES.months, 'Создано страниц', 'Удалено страниц');
  const monthsTop = cells.length + 1;
  MONTHS.forEach((name, index) =>
    add(
      name,
      // A row in error is left out, as from every other figure: its dates may be what is wrong.
      `=COUNTIFS(${range('createdYear')},YEAR(TODAY()),${range('createdMonth')},${index + 1},${range('inError')},FALSE())`,
      `=COUNTIFS(${range('deletedYear')},YEAR(TODAY()),${range('deletedMonth')},${index + 1},${range('inError')},FALSE())`,
    ),
  );
  add('');
  add(
    TABLE_TITLES.organizations,
    'Действующих страниц',
    'Открытых сроков',
    'Строк с опозданием в этом году',
    'Нет страницы и освобождения',
  );
  const organizationsRow = cells.length;
  const orgRange = range('organization');
  for (let index = 0; index < input.organizationSlots; index += 1)
    add(nthDistinct(orgRange, range('organizationOrdinal'), index + 1));
  for (let index = 0; index < input.organizationSlots; index += 1) {
    const row = orgTop() + index;
    const a = `A${row}`;
    const when = (formula: string) => `=IF(LEN(${a}&"")=0,"",${formula})`;
    const line = cells[row - 1] as OverviewCell[];
    line[1] = when(`COUNTIFS(${orgRange},${a},${range('active')},TRUE())`);
    line[2] = when(`COUNTIFS(${orgRange},${a},${range('openDeadline')},TRUE())`);
    line[3] = when(`COUNTIFS(${orgRange},${a},${range('lateThisYear')},TRUE())`);
    line[4] = when(
      // A gap only when no row has a page or an exemption and none is in error (an organization whose rows
      // are wrong is not judged: the ЦУР letter's rule, summary.ts).
      `IF(COUNTIFS(${orgRange},${a},${range('activeLink')},TRUE())+COUNTIFS(${orgRange},${a},${range('exempt')},TRUE())` +
        `+COUNTIFS(${orgRange},${a},${range('inError')},TRUE())=0,1,0)`,
    );
  }
  const orgBottom = orgTop() + input.organizationSlots - 1;
  (cells[gapsRow - 1] as OverviewCell[])[1] = `=SUM(E${orgTop()}:E${orgBottom})`;

  // In the order setup inserts them (Sheet.getCharts lists them so).
  const charts: ChartSpec[] = [
    {
      id: 'networks',
      type: 'PIE',
      title: CHART_TITLES.networks,
      range: `A${networksTop - 1}:B${networksBottom}`,
      row: 1,
      column: 7,
      width: 480,
      height: 300,
    },
    {
      id: 'states',
      type: STATES_CHART.type,
      title: STATES_CHART.title,
      range: `A${statesTop - 1}:B${statesTop + STATE_SLOTS - 1}`,
      row: 17,
      column: 7,
      width: STATES_CHART.width,
      height: STATES_CHART.height,
    },
    {
      id: 'months',
      type: 'COLUMN',
      title: CHART_TITLES.months,
      range: `A${monthsTop - 1}:C${monthsTop + 11}`,
      row: 34,
      column: 7,
      width: 480,
      height: 300,
    },
  ];
  return {
    cells,
    helper: {
      firstColumn: HELPER_FIRST_COLUMN,
      headers: columns.map((column) => asText(column.header)),
      matchRow,
      rows: helperRows,
    },
    charts,
    figures,
    tables: {
      states: { row: statesTop, rows: STATE_SLOTS },
      months: { row: monthsTop },
      organizations: { row: orgTop(), rows: input.organizationSlots },
    },
  };
}

/** Rows of the per-organization table: room for the organizations there are now, and more. */
export function organizationSlots(organizations: number): number {
  return Math.max(40, Math.ceil((organizations * 1.5) / 10) * 10);
}

// ---- the same figures, counted by the domain ----

export interface OverviewFigures {
  /** By FigureCell.key. */
  figures: Record<string, number>;
  states: Array<{ state: string; count: number }>;
  months: Array<{ month: string; created: number; deleted: number }>;
  organizations: Array<{
    organization: string;
    pages: number;
    openDeadlines: number;
    lateThisYear: number;
    gap: boolean;
  }>;
}

const filledText = (value: string | null): boolean => (value ?? '').trim() !== '';

/** A missed deadline; a row with filling errors shows those instead (its «Состояние»), so it is not counted. */
function isOverdueRow(row: RowAssessment): boolean {
  return row.state !== STATES.errors && row.events.some((event) => event.overdue);
}

/** An overdue row where the department has not reported an event yet: the delay starts with it. */
function isDepartmentDelay(row: RowAssessment): boolean {
  return isOverdueRow(row) && row.events.some((event) => event.reportedToDept === null);
}

function isActiveRow(row: RowAssessment): boolean {
  return isActivePage(row.page) && row.state !== STATES.errors;
}

function isLateThisYear(row: RowAssessment, year: number): boolean {
  const late = isOverdueRow(row) || row.state.startsWith(STATES.reportedLate);
  return late && row.events.some((event) => yearOf(event.date) === year);
}

/**
 * The overview's figures from the assessed register: what the formulas show, counted by the domain's own
 * rules (events, deadlines and states as the add-on computes them). States and organizations are listed in
 * the order of their first row; organizations are grouped by organizationKey and named as that row writes them.
 */
export function overviewFigures(
  rows: readonly RowAssessment[],
  today: IsoDate,
  networks: readonly string[],
): OverviewFigures {
  const year = yearOf(today);
  const active = rows.filter(isActiveRow);
  const figures: Record<string, number> = {};
  for (const network of networks)
    figures[`network:${network}`] = active.filter((row) => (row.page.network ?? '') === network).length;
  figures.activeTotal = active.length;
  for (const kind of ORG_KINDS) figures[`kind:${kind}`] = active.filter((row) => row.page.orgKind === kind).length;
  figures.exemptions = rows.filter((row) => filledText(row.page.exemptionBasis) && !filledText(row.page.link)).length;
  figures.pendingTsur = rows
    .filter((row) => row.state !== STATES.errors)
    .reduce((sum, row) => sum + row.events.filter((event) => event.reportedToTsur === null).length, 0);
  figures.overdue = rows.filter(isOverdueRow).length;
  figures.overdueDept = rows.filter(isDepartmentDelay).length;
  figures.overdueCoordinator = figures.overdue - figures.overdueDept;
  figures.noGovMark = active.filter((row) => !row.page.govMark).length;
  figures.noGovPublics = active.filter((row) => !row.page.govPublics).length;
  figures.noEsia = active.filter((row) => !row.page.esiaVerified).length;

  const stateCounts = new Map<string, number>();
  for (const row of rows) stateCounts.set(row.state, (stateCounts.get(row.state) ?? 0) + 1);
  const states = [...stateCounts.entries()].map(([state, count]) => ({ state, count }));

  const months = MONTHS.map((month, index) => {
    const inMonth = (date: IsoDate | null) =>
      date !== null && yearOf(date) === year && Number(date.slice(5, 7)) === index + 1;
    return {
      month,
      created: rows.filter((row) => row.state !== STATES.errors && inMonth(row.page.createdOn)).length,
      deleted: rows.filter((row) => row.state !== STATES.errors && inMonth(row.page.deletedOn)).length,
    };
  });

  const byOrganization = new Map<string, { organization: string; rows: RowAssessment[] }>();
  for (const row of rows) {
    const name = (row.page.organization ?? '').trim();
    if (name === '') continue;
    const key = organizationKey(name);
    const entry = byOrganization.get(key) ?? { organization: name, rows: [] };
    entry.rows.push(row);
    byOrganization.set(key, entry);
  }
  const organizations = [...byOrganization.values()].map(({ organization, rows: own }) => ({
    organization,
    pages: own.filter(isActiveRow).length,
    openDeadlines: own.filter((row) => row.deadline !== null).length,
    lateThisYear: own.filter((row) => isLateThisYear(row, year)).length,
    gap: !own.some(
      (row) =>
        isActivePage(row.page) ||
        (filledText(row.page.exemptionBasis) && !filledText(row.page.link)) ||
        row.state === STATES.errors,
    ),
  }));
  figures.gaps = organizations.filter((organization) => organization.gap).length;
  return { figures, states, months, organizations };
}
