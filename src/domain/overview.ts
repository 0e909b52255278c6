/**
 * «Обзор»: the picture of compliance for the coordinator and the deputy head (п. 6), as formulas over the
 * register, so it stays live without the script, and the same figures counted by the domain (for the
 * monthly control letter, and for the tests that hold the formulas to them).
 *
 * How the formulas find the register's columns: hidden helper columns of «Обзор» hold, for every register
 * row, the cell of one column found by MATCH of its header text in the register's header row and read with
 * INDEX. A moved column is found again; a renamed one is found after «Настроить реестр» writes its new name.
 * The visible figures are COUNTIFS / SUMPRODUCT over those helper columns. Only functions that Google
 * Sheets, Excel and HyperFormula all compute are used (no open-ended ranges, no OFFSET, no ARRAYFORMULA).
 *
 * The «Состояние» texts the formulas read: «Ошибки заполнения» (a row with errors is not an active page
 * and its events are not counted as pending), a state beginning with «Просрочено» (a deadline missed), and
 * «Сообщено с опозданием» (for «с опозданием в этом году»). New states keep working as long as these
 * words keep their meaning.
 */
import { ORG_KINDS, SHEET_NAMES } from './columns';
import { yearOf } from './isoDate';
import { STATES } from './obligations';
import { isActivePage, organizationKey } from './review';
import type { ColumnKey, IsoDate, RowAssessment } from './types';

export const OVERVIEW_SHEET_NAME = SHEET_NAMES.overview;

/** The visible block: columns A–E. */
export const OVERVIEW_WIDTH = 5;
/** The first helper column (AD): far enough right to be out of the way, hidden by setup. */
export const HELPER_FIRST_COLUMN = 30;
/** Rows of the state table (spilled UNIQUE). */
const STATE_SLOTS = 14;
const MONTHS = [
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

/** Column letters of a 1-based column number. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
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
  /** The register's grid: the helper covers its rows below the header and all its columns. */
  maxRows: number;
  maxColumns: number;
  /** The header text of each catalogue column as found in the register (a missing column: its canonical header). */
  headers: Readonly<Record<ColumnKey, string>>;
  networks: readonly string[];
  /** Rows of the per-organisation table. */
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
  helper: { firstColumn: number; headers: string[]; formulas: string[]; rows: number };
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
  | 'pendingTsur'
  | 'overdue'
  | 'overdueDept'
  | 'openDeadline'
  | 'lateThisYear';

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
  /** The formula, given how to refer to another helper column's cell of the same row. */
  formula: (cell: (id: HelperId) => string, raw: string) => string;
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
      read(key, (raw) => `IFERROR(OR(${raw}=TRUE,LOWER(TRIM(${raw}&""))="да",LOWER(TRIM(${raw}&""))="true"),FALSE)`),
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
        `AND(OR(${c('overdue')},${state(c)}=${quote(STATES.reportedLate)}),` +
        `OR(${c('createdYear')}=YEAR(TODAY()),${c('deletedYear')}=YEAR(TODAY())))`,
    ),
  ];
}

/**
 * The whole sheet: visible figures and tables (A–E), the helper block (hidden, from HELPER_FIRST_COLUMN),
 * and the charts. Pure, so that setup can compare it with what the sheet holds and write nothing when equal.
 */
export function overviewLayout(input: OverviewInput): OverviewLayout {
  const columns = helperColumns(input.headers);
  const rows = Math.max(1, input.maxRows - input.headerRow);
  const letterOf = new Map<HelperId, string>(
    columns.map((column, index) => [column.id, columnLetter(HELPER_FIRST_COLUMN + index)]),
  );
  const letter = (id: HelperId): string => letterOf.get(id) as string;
  const register = sheetRef(input.registerSheet);
  const table = `${register}!$A$1:$${columnLetter(input.maxColumns)}$${input.maxRows}`;
  const headerRow = `${register}!$${input.headerRow}:$${input.headerRow}`;
  const sameRow = (id: HelperId) => `INDEX($${letter(id)}:$${letter(id)},ROW())`;
  const formulas = columns.map((column) => {
    const col = letter(column.id);
    const raw = `INDEX(${table},ROW()+${input.headerRow - 1},MATCH(${col}$1,${headerRow},0))`;
    return `=${column.formula(sameRow, raw)}`;
  });
  const range = (id: HelperId) => `$${letter(id)}$2:$${letter(id)}$${rows + 1}`;

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
  add('Строки реестра в обзоре', `${input.headerRow + 1}–${input.maxRows}`);
  add('');
  add('Действующие официальные страницы по сетям', 'Страниц');
  const networksTop = cells.length + 1;
  for (const network of input.networks)
    figure(`network:${network}`, network, `=COUNTIFS(${range('network')},${quote(network)},${range('active')},TRUE)`);
  figure('activeTotal', 'Всего', `=COUNTIFS(${range('active')},TRUE)`);
  const networksBottom = networksTop + input.networks.length - 1;
  add('');
  add('По виду организации', 'Страниц');
  for (const kind of ORG_KINDS)
    figure(`kind:${kind}`, kind, `=COUNTIFS(${range('orgKind')},${quote(kind)},${range('active')},TRUE)`);
  add('');
  add('Исполнение постановления', 'Значение');
  const orgTop = () => organizationsRow + 1;
  const gapsRow = figure('gaps', 'Организаций без действующей страницы и без освобождения (п. 4)', '');
  figure('exemptions', 'Строк с освобождением (п. 4)', `=COUNTIFS(${range('exempt')},TRUE)`);
  figure('pendingTsur', 'Событий, не сообщённых в ЦУР', `=SUM(${range('pendingTsur')})`);
  figure('overdue', 'Строк с нарушенным сроком', `=COUNTIFS(${range('overdue')},TRUE)`);
  figure(
    'overdueDept',
    '— задержка отдела или организации (в отдел не сообщено)',
    `=COUNTIFS(${range('overdueDept')},TRUE)`,
  );
  figure(
    'overdueCoordinator',
    '— задержка координатора (не сообщено в ЦУР)',
    `=COUNTIFS(${range('overdue')},TRUE,${range('overdueDept')},FALSE)`,
  );
  figure(
    'noGovMark',
    'Действующих страниц без Госметки',
    `=COUNTIFS(${range('active')},TRUE,${range('govMark')},FALSE)`,
  );
  figure(
    'noGovPublics',
    'Действующих страниц без подключения к «Госпабликам»',
    `=COUNTIFS(${range('active')},TRUE,${range('govPublics')},FALSE)`,
  );
  figure(
    'noEsia',
    'Действующих страниц без идентификации в ЕСИА',
    `=COUNTIFS(${range('active')},TRUE,${range('esiaVerified')},FALSE)`,
  );
  add('');
  add('Состояние строк', 'Строк');
  const statesTop = cells.length + 1;
  const stateRange = range('state');
  add(`=IFERROR(SORT(UNIQUE(FILTER(${stateRange},${stateRange}<>""))),"")`);
  for (let index = 1; index < STATE_SLOTS; index += 1) add('');
  for (let index = 0; index < STATE_SLOTS; index += 1) {
    const row = statesTop + index;
    (cells[row - 1] as OverviewCell[])[1] = `=IF(LEN(A${row}&"")=0,"",COUNTIFS(${stateRange},A${row}))`;
  }
  add('');
  add('Месяц этого года', 'Создано страниц', 'Удалено страниц');
  const monthsTop = cells.length + 1;
  MONTHS.forEach((name, index) =>
    add(
      name,
      `=COUNTIFS(${range('createdYear')},YEAR(TODAY()),${range('createdMonth')},${index + 1})`,
      `=COUNTIFS(${range('deletedYear')},YEAR(TODAY()),${range('deletedMonth')},${index + 1})`,
    ),
  );
  add('');
  add(
    'Организация',
    'Действующих страниц',
    'Открытых сроков',
    'Строк с опозданием в этом году',
    'Нет страницы и освобождения',
  );
  const organizationsRow = cells.length;
  const orgRange = range('organization');
  add(`=IFERROR(SORT(UNIQUE(FILTER(${orgRange},${orgRange}<>""))),"")`);
  for (let index = 1; index < input.organizationSlots; index += 1) add('');
  for (let index = 0; index < input.organizationSlots; index += 1) {
    const row = orgTop() + index;
    const a = `A${row}`;
    const when = (formula: string) => `=IF(LEN(${a}&"")=0,"",${formula})`;
    const line = cells[row - 1] as OverviewCell[];
    line[1] = when(`COUNTIFS(${orgRange},${a},${range('active')},TRUE)`);
    line[2] = when(`COUNTIFS(${orgRange},${a},${range('openDeadline')},TRUE)`);
    line[3] = when(`COUNTIFS(${orgRange},${a},${range('lateThisYear')},TRUE)`);
    line[4] = when(
      `IF(COUNTIFS(${orgRange},${a},${range('activeLink')},TRUE)+COUNTIFS(${orgRange},${a},${range('exempt')},TRUE)=0,1,0)`,
    );
  }
  const orgBottom = orgTop() + input.organizationSlots - 1;
  (cells[gapsRow - 1] as OverviewCell[])[1] = `=SUM(E${orgTop()}:E${orgBottom})`;

  const charts: ChartSpec[] = [
    {
      id: 'networks',
      type: 'PIE',
      title: 'Действующие страницы по сетям',
      range: `A${networksTop - 1}:B${networksBottom}`,
      row: 1,
      column: 7,
      width: 480,
      height: 300,
    },
    {
      id: 'states',
      type: 'BAR',
      title: 'Состояние строк реестра',
      range: `A${statesTop - 1}:B${statesTop + STATE_SLOTS - 1}`,
      row: 17,
      column: 7,
      width: 480,
      height: 320,
    },
    {
      id: 'months',
      type: 'COLUMN',
      title: 'Создано и удалено страниц по месяцам этого года',
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
      headers: columns.map((column) => column.header),
      formulas,
      rows,
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

/** Rows of the per-organisation table: room for the organisations there are now, and more. */
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

function isOverdueRow(row: RowAssessment): boolean {
  return row.events.some((event) => event.overdue);
}

/** An overdue row where the department has not reported an event yet: the delay starts with it. */
function isDepartmentDelay(row: RowAssessment): boolean {
  return isOverdueRow(row) && row.events.some((event) => event.reportedToDept === null);
}

function isActiveRow(row: RowAssessment): boolean {
  return isActivePage(row.page) && row.state !== STATES.errors;
}

function isLateThisYear(row: RowAssessment, year: number): boolean {
  const late = isOverdueRow(row) || row.state === STATES.reportedLate;
  return late && row.events.some((event) => yearOf(event.date) === year);
}

/**
 * The overview's figures from the assessed register: what the formulas show, counted by the domain's own
 * rules (events, deadlines and states as the add-on computes them). Organisations are grouped by
 * organizationKey and named as their first row writes them.
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
  const states = [...stateCounts.entries()]
    .map(([state, count]) => ({ state, count }))
    .sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0));

  const months = MONTHS.map((month, index) => {
    const inMonth = (date: IsoDate | null) =>
      date !== null && yearOf(date) === year && Number(date.slice(5, 7)) === index + 1;
    return {
      month,
      created: rows.filter((row) => inMonth(row.page.createdOn)).length,
      deleted: rows.filter((row) => inMonth(row.page.deletedOn)).length,
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
  const organizations = [...byOrganization.values()]
    .map(({ organization, rows: own }) => ({
      organization,
      pages: own.filter(isActiveRow).length,
      openDeadlines: own.filter((row) => row.deadline !== null).length,
      lateThisYear: own.filter((row) => isLateThisYear(row, year)).length,
      gap: !own.some(
        (row) => isActivePage(row.page) || (filledText(row.page.exemptionBasis) && !filledText(row.page.link)),
      ),
    }))
    .sort((a, b) => (a.organization < b.organization ? -1 : a.organization > b.organization ? 1 : 0));
  figures.gaps = organizations.filter((organization) => organization.gap).length;
  return { figures, states, months, organizations };
}
