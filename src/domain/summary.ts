/**
 * The summary for ЦУР (decree clause 3.1.5): which creations and deletions are still unreported, and the
 * letter that reports them. Pure: rows come in already assessed, "today" is a parameter.
 */
import { escapeHtml, linkHtml } from './htmlEscape';
import { formatRuDate } from './isoDate';
import {
  letterText,
  mailMessage,
  pageLinkHtml,
  pageLinkText,
  paragraph,
  toCsv,
  utf8ByteLength,
  type MailMessage,
} from './letter';
import type { NetworkSpec } from './links';
import { EVENT_COLUMNS } from './obligations';
import { duplicatePageRows, isActivePage, organizationKey } from './registerCheck';
import { pageLinks } from './links';
import { REQUIRED_FOR_PAGE } from './schemas';
import type { ColumnKey, EventKind, IsoDate, RowAssessment } from './types';

/** One creation or deletion not yet reported to ЦУР. */
export interface PendingEvent {
  /** `<page ID>:<kind>`: names the event across sorts and edits of the sheet. */
  id: string;
  pageId: string;
  /** 1-based sheet row when it was read (informative only: stamps are written by page ID). */
  row: number;
  kind: EventKind;
  organization: string;
  orgKind: string;
  network: string;
  link: string;
  date: IsoDate;
  /** The ЦУР deadline (3 working days). */
  deadline: IsoDate;
  overdue: boolean;
  /** The deadline rests on a year with no approved calendar. */
  provisional: boolean;
  /** Before decree No. 1199 came into force: reported once, in its own section, with no deadline. */
  beforeDecree: boolean;
  /** The department's deadline (п. 3.2.2) and the day the coordinator learnt of the event (null: not known). */
  deptDeadline: IsoDate;
  reportedToDept: IsoDate | null;
  ogrn: string;
  inn: string;
  responsibleName: string;
  responsiblePosition: string;
  authorizedName: string;
  esiaVerified: boolean;
  govMark: boolean;
  govPublics: boolean;
}

/** A row whose unreported events cannot go into the summary until it is corrected, and why (Russian). */
export interface ExcludedRow {
  row: number;
  reasons: string[];
  /** The cells to fix (the sheet adapter names them «Реестр!E12»). */
  columns: ColumnKey[];
}

export interface PendingSelection {
  /** Overdue first, then by deadline. */
  events: PendingEvent[];
  /** Sheet rows with an unreported event but no ID: they cannot be stamped, so they wait for «Настроить реестр». */
  rowsWithoutId: number[];
  /**
   * Rows with an unreported event left out until corrected: the same page as an earlier row (it would be
   * reported twice), an «ID» with an error (the same ID twice: the stamp could land on the other row), or
   * a «Сообщено в ЦУР (…)» cell holding something not a date (it may say the event was reported).
   */
  excluded: ExcludedRow[];
}

export interface SelectionOptions {
  /** Networks configured in «Настройки», for the normal form of their links. */
  extraNetworks?: readonly NetworkSpec[];
}

export const EVENT_KIND_LABELS: Readonly<Record<EventKind, string>> = { creation: 'Создание', deletion: 'Удаление' };

export function eventId(pageId: string, kind: EventKind): string {
  return `${pageId}:${kind}`;
}

/** The page ID and kind of an event ID, or null when it is not one. */
export function parseEventId(id: string): { pageId: string; kind: EventKind } | null {
  const at = id.lastIndexOf(':');
  if (at <= 0) return null;
  const kind = id.slice(at + 1);
  if (kind !== 'creation' && kind !== 'deletion') return null;
  return { pageId: id.slice(0, at), kind };
}

/** Events before the decree last (their own section); overdue first; then the nearest deadline, the event date, the organisation, the row. */
export function compareEvents(a: PendingEvent, b: PendingEvent): number {
  if (a.beforeDecree !== b.beforeDecree) return a.beforeDecree ? 1 : -1;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return (
    a.deadline.localeCompare(b.deadline) ||
    a.date.localeCompare(b.date) ||
    a.organization.localeCompare(b.organization, 'ru') ||
    a.row - b.row ||
    a.kind.localeCompare(b.kind)
  );
}

/**
 * The columns the letter states or an event's deadline depends on: an error in any of them keeps every
 * event of the row out of the letter (and off the site list) until it is fixed, since what the add-on
 * would assert about the page could be wrong.
 */
export const STATED_COLUMNS: readonly ColumnKey[] = [
  'organization',
  'orgKind',
  'network',
  'link',
  'createdOn',
  'deletedOn',
];

/** The errors of a row in the stated columns, each with its column. */
export function statedErrors(row: Pick<RowAssessment, 'problems'>): Array<{ column: ColumnKey; message: string }> {
  return row.problems.flatMap((problem) =>
    problem.severity === 'error' && problem.column !== null && STATED_COLUMNS.includes(problem.column)
      ? [{ column: problem.column, message: problem.message }]
      : [],
  );
}

function errorsOf(row: RowAssessment, column: ColumnKey): string[] {
  return row.problems
    .filter((problem) => problem.column === column && problem.severity === 'error')
    .map((problem) => problem.message);
}

/**
 * A row in error with an event not yet reported to ЦУР that the error may hide: one dated later than
 * today, or a date cell filled but rejected (its event is gone until the cell is fixed). Named among the
 * excluded rows, so that nothing waiting for ЦУР drops silently out of the preview.
 */
function unreportedInError(row: RowAssessment): boolean {
  if (statedErrors(row).length === 0) return false;
  if (row.events.some((event) => event.reportedToTsur === null)) return true;
  return Object.values(EVENT_COLUMNS).some(
    ({ date, tsur }) =>
      row.page[tsur] === null &&
      row.problems.some(
        (problem) =>
          problem.severity === 'error' && problem.column === date && !problem.message.endsWith(REQUIRED_FOR_PAGE),
      ),
  );
}

/**
 * Every creation and deletion with no «Сообщено в ЦУР» date of its own (obligations.ts), up to today;
 * rows that cannot be reported safely are left out and named (see PendingSelection).
 */
export function selectPendingEvents(
  rows: readonly RowAssessment[],
  today: IsoDate,
  options: SelectionOptions = {},
): PendingSelection {
  const events: PendingEvent[] = [];
  const rowsWithoutId: number[] = [];
  const excluded: ExcludedRow[] = [];
  const duplicates = duplicatePageRows(rows, options);
  for (const row of rows) {
    const pending = row.events.filter((event) => event.reportedToTsur === null && event.date <= today);
    if (pending.length === 0 && !unreportedInError(row)) continue;
    const pageId = (row.page.id ?? '').trim();
    if (pageId === '' && errorsOf(row, 'id').length === 0 && pending.length > 0) {
      rowsWithoutId.push(row.row);
      continue;
    }
    const reasons: string[] = [];
    const columns: ColumnKey[] = [];
    const add = (column: ColumnKey, messages: readonly string[]): void => {
      if (messages.length === 0) return;
      reasons.push(...messages);
      if (!columns.includes(column)) columns.push(column);
    };
    const first = duplicates.get(row.row);
    if (first !== undefined)
      add('link', [`та же страница уже внесена в строке ${first} — удалите или исправьте повтор.`]);
    for (const error of statedErrors(row)) {
      if (!(first !== undefined && error.column === 'link' && /уже внесена в строке/.test(error.message))) {
        add(error.column, [error.message]);
      }
    }
    add('id', errorsOf(row, 'id'));
    for (const event of pending) add(EVENT_COLUMNS[event.kind].tsur, errorsOf(row, EVENT_COLUMNS[event.kind].tsur));
    if (reasons.length > 0) {
      excluded.push({ row: row.row, reasons, columns });
      continue;
    }
    for (const event of pending) {
      events.push({
        id: eventId(pageId, event.kind),
        pageId,
        row: row.row,
        kind: event.kind,
        organization: row.page.organization ?? '',
        orgKind: row.page.orgKind ?? '',
        network: row.page.network ?? '',
        link: row.page.link ?? '',
        date: event.date,
        deadline: event.tsurDeadline,
        overdue: event.tsurStatus === 'overdue',
        provisional: event.provisional,
        beforeDecree: event.beforeDecree,
        deptDeadline: event.deptDeadline,
        reportedToDept: event.reportedToDept,
        ogrn: row.page.ogrn ?? '',
        inn: row.page.inn ?? '',
        responsibleName: row.page.responsibleName ?? '',
        responsiblePosition: row.page.responsiblePosition ?? '',
        authorizedName: row.page.authorizedName ?? '',
        esiaVerified: row.page.esiaVerified,
        govMark: row.page.govMark,
        govPublics: row.page.govPublics,
      });
    }
  }
  events.sort(compareEvents);
  return { events, rowsWithoutId, excluded };
}

export interface SummaryTotals {
  /** Active official pages per network, in the order networks first appear in `networks` then the register. */
  activeByNetwork: Array<{ network: string; count: number }>;
  activeTotal: number;
  /** Organisations with an agreed exemption (п. 4). */
  exemptOrganizations: number;
  /** Organisations with no active page and no exemption. */
  gaps: string[];
  /**
   * Organisations with neither a counted active page nor an exemption, some of whose rows are in error (a
   * stated column, the exemption, or a repeated page): the register cannot say whether they have a page,
   * so they are neither counted nor named to ЦУР as gaps until the rows are fixed (named in the preview).
   */
  notJudged: string[];
}

/**
 * The register's totals for the letter. `networks` (from «Настройки») fixes the order and shows a network
 * with no page as 0. `gaps` are the register review's organisations with no active page and no exemption.
 * A page registered in two rows is counted once; a row with an error in what the letter states (or in its
 * exemption) is not counted. Each organisation is then one of: with a counted active page, exempt, a gap
 * (every row of it read without error), or not judged (see SummaryTotals.notJudged).
 */
export function summaryTotals(
  rows: readonly RowAssessment[],
  networks: readonly string[],
  gaps: readonly string[],
  options: SelectionOptions = {},
): SummaryTotals {
  const counts = new Map<string, number>(networks.map((network) => [network, 0]));
  const exempt = new Set<string>();
  const active = new Set<string>();
  // Organisations with a row the letter cannot rely on, by key, with the name as their first such row writes it.
  const inError = new Map<string, string>();
  // A page registered twice counts once: its first row.
  const duplicates = duplicatePageRows(rows, options);
  for (const assessed of rows) {
    const { row, page } = assessed;
    const organization = (page.organization ?? '').trim();
    const key = organizationKey(organization);
    const wrongExemption = assessed.problems.some((p) => p.column === 'exemptionBasis' && p.severity === 'error');
    // What the letter cannot assert is not counted: a row in error in a stated column or in its exemption.
    if (duplicates.has(row) || statedErrors(assessed).length > 0 || wrongExemption) {
      if (organization !== '' && !inError.has(key)) inError.set(key, organization);
      continue;
    }
    if ((page.exemptionBasis ?? '').trim() !== '') {
      if (organization !== '') exempt.add(key);
    } else if (isActivePage(page)) {
      const network = (page.network ?? '').trim();
      counts.set(network, (counts.get(network) ?? 0) + 1);
      if (organization !== '') active.add(key);
    }
  }
  const judged = (key: string): boolean => active.has(key) || exempt.has(key);
  const activeByNetwork = [...counts.entries()].map(([network, count]) => ({ network, count }));
  return {
    activeByNetwork,
    activeTotal: activeByNetwork.reduce((sum, { count }) => sum + count, 0),
    exemptOrganizations: exempt.size,
    gaps: gaps.filter((name) => !inError.has(organizationKey(name)) && !judged(organizationKey(name))),
    notJudged: [...inError].filter(([key]) => !judged(key)).map(([, name]) => name),
  };
}

/**
 * MailApp refuses a body over 200 KB (consumer accounts; 400 KB on Workspace). The HTML and the plain
 * text together must stay under this, which leaves room for headers and for either reading of the limit.
 */
export const SUMMARY_BODY_LIMIT_BYTES = 150 * 1024;

export interface SummaryLetterInput {
  districtName: string;
  today: IsoDate;
  recipients: readonly string[];
  events: readonly PendingEvent[];
  totals: SummaryTotals;
  spreadsheetUrl: string;
  /** Defaults to SUMMARY_BODY_LIMIT_BYTES. */
  bodyLimitBytes?: number;
  /** The signature block («Настройки»: отдел, ФИО, телефон, e-mail); empty parts are left out. */
  signature?: LetterSignature;
  /** The day decree No. 1199 came into force, named in the section of earlier events. */
  inForce?: IsoDate;
}

export interface LetterSignature {
  department: string;
  name: string;
  phone: string;
  email: string;
}

export interface SummaryLetter {
  message: MailMessage;
  /** IDs of the events the letter reports (the body or the attachment): exactly what gets stamped. */
  eventIds: string[];
  overdueCount: number;
  /** 'full': every event in the body; 'overdue': the events are attached, the body keeps the overdue; 'totals': only the totals. */
  layout: 'full' | 'overdue' | 'totals';
  /** The organisations without a page went into a second .csv, their list being too long for the body. */
  gapsAttached: boolean;
  /** SummaryTotals.notJudged: for the preview, never for the letter. */
  notJudged: string[];
}

const TABLE_HEADERS = [
  'Организация',
  'Вид организации',
  'ОГРН',
  'ИНН',
  'Социальная сеть',
  'Ссылка на страницу',
  'Событие',
  'Дата события',
  'Срок сообщения в ЦУР',
  'Отметка о просрочке',
  'Сведения от подразделения',
  'Ответственный (ФИО)',
  'Должность ответственного',
  'Уполномоченное лицо (ФИО)',
  'Идентификация в ЕСИА',
  'Госметка',
  'Подключено к «Госпабликам»',
] as const;

const OVERDUE_MARK = 'Просрочено';
const BEFORE_DECREE_MARK = 'До вступления в силу постановления';

const yesNo = (value: boolean, yes: string, no: string): string => (value ? yes : no);

/**
 * Whose delay (п. 3.1.5 runs from the event, so a department that reported late made the coordinator
 * late too): when the coordinator learnt of the event against the department's deadline (п. 3.2.2).
 */
export function departmentReportText(
  event: Pick<PendingEvent, 'reportedToDept' | 'deptDeadline' | 'beforeDecree'>,
): string {
  if (event.beforeDecree) return '';
  const deadline = `срок подразделения — ${formatRuDate(event.deptDeadline)}`;
  if (event.reportedToDept === null) return `дата поступления сведений от подразделения не отмечена, ${deadline}`;
  const late = event.reportedToDept > event.deptDeadline ? ' (подразделение сообщило с опозданием)' : '';
  return `сведения поступили ${formatRuDate(event.reportedToDept)}, ${deadline}${late}`;
}

function deadlineText(event: PendingEvent): string {
  return event.beforeDecree ? 'срок не установлен (до вступления в силу постановления)' : formatRuDate(event.deadline);
}

function eventCells(event: PendingEvent): string[] {
  return [
    event.organization,
    event.orgKind,
    event.ogrn,
    event.inn,
    event.network,
    event.link,
    EVENT_KIND_LABELS[event.kind],
    formatRuDate(event.date),
    deadlineText(event),
    event.overdue ? OVERDUE_MARK : event.beforeDecree ? BEFORE_DECREE_MARK : '',
    departmentReportText(event),
    event.responsibleName,
    event.responsiblePosition,
    event.authorizedName,
    yesNo(event.esiaVerified, 'пройдена', 'не подтверждена'),
    yesNo(event.govMark, 'есть', 'нет'),
    yesNo(event.govPublics, 'подключено', 'не подключено'),
  ];
}

/** The lines of one event after its number: the same in the text and the HTML letter. */
function eventLines(event: PendingEvent): Array<{ text: string; link?: string; alert?: boolean }> {
  const ids = [event.ogrn && `ОГРН ${event.ogrn}`, event.inn && `ИНН ${event.inn}`].filter(Boolean).join(', ');
  const heading =
    `${event.organization || '(без названия)'}${event.orgKind ? ` (${event.orgKind})` : ''}` + (ids ? `, ${ids}` : '');
  const deadline = event.beforeDecree
    ? 'срок сообщения в ЦУР не установлен: событие до вступления в силу постановления'
    : `срок сообщения в ЦУР ${formatRuDate(event.deadline)}`;
  const delay = departmentReportText(event);
  const person = [event.responsibleName, event.responsiblePosition].filter(Boolean).join(', ');
  return [
    { text: heading },
    { text: `${event.network}: `, link: event.link },
    {
      text:
        `${EVENT_KIND_LABELS[event.kind]} ${formatRuDate(event.date)}, ${deadline}` +
        (event.overdue ? ` — ${OVERDUE_MARK.toUpperCase()}` : ''),
      alert: event.overdue,
    },
    ...(event.overdue && delay ? [{ text: `Сообщение подразделения в отдел (п. 3.2.2): ${delay}.` }] : []),
    { text: `Ответственный: ${person || 'не указан'}` },
    {
      text:
        `Уполномоченное лицо: ${event.authorizedName || 'не указано'}, ЕСИА — ` +
        yesNo(event.esiaVerified, 'идентификация пройдена', 'идентификация не подтверждена'),
    },
    {
      text:
        `Метка «Госорганизация»: ${yesNo(event.govMark, 'есть', 'нет')}; «Госпаблики»: ` +
        yesNo(event.govPublics, 'подключено', 'не подключено'),
    },
  ];
}

/** Each link of a cell written twice (pageLinks) as its own link. */
function linksHtml(cell: string): string {
  const links = pageLinks(cell);
  return (links.length ? links : [cell]).map((link) => pageLinkHtml(link)).join('; ');
}

interface NumberedEvent {
  number: number;
  event: PendingEvent;
}

function eventsHtml(numbered: readonly NumberedEvent[]): string {
  return numbered
    .map(({ number, event }) => {
      const lines = eventLines(event).map((line) => {
        const body = escapeHtml(line.text) + (line.link === undefined ? '' : linksHtml(line.link));
        return line.alert ? `<b style="color:#b00020">${body}</b>` : body;
      });
      const [first, ...rest] = lines;
      const style = event.overdue
        ? 'margin:0 0 10px;padding:6px 8px;background:#fde8e8'
        : 'margin:0 0 10px;padding:6px 8px';
      return `<p style="${style}"><b>${number}. ${first ?? ''}</b><br>\n${rest.join('<br>\n')}</p>`;
    })
    .join('\n');
}

function eventsText(numbered: readonly NumberedEvent[]): string {
  return numbered
    .map(({ number, event }) =>
      eventLines(event)
        .map(
          (line, index) =>
            `${index === 0 ? `${number}. ` : '   '}${line.text}${line.link === undefined ? '' : pageLinkText(line.link)}`,
        )
        .join('\n'),
    )
    .join('\n\n');
}

function beforeDecreeTitle(inForce: IsoDate | undefined): string {
  return (
    'События до вступления в силу постановления № 1199' +
    (inForce ? ` (${formatRuDate(inForce)})` : '') +
    ': сообщаются один раз, срок к ним не применяется'
  );
}

function signatureLines(signature: LetterSignature | undefined): string[] {
  if (signature === undefined) return [];
  const lines = [
    letterText(signature.name),
    letterText(signature.department),
    letterText(signature.phone) && `тел. ${letterText(signature.phone)}`,
    letterText(signature.email) && `e-mail: ${letterText(signature.email)}`,
  ].filter((line) => line !== '');
  return lines.length ? ['С уважением,', ...lines] : [];
}

function totalsLines(totals: SummaryTotals, gapsFile: string | null): string[] {
  const perNetwork = totals.activeByNetwork
    .map(({ network, count }) => `${network || 'сеть не указана'} — ${count}`)
    .join(', ');
  const lines = [
    `Действующих официальных страниц: ${totals.activeTotal}${perNetwork ? ` (${perNetwork})` : ''}.`,
    `Организаций, освобождённых от ведения страниц (п. 4): ${totals.exemptOrganizations}.`,
    `Организаций без действующей страницы и без освобождения: ${totals.gaps.length}` +
      (totals.gaps.length === 0 ? '.' : gapsFile === null ? ':' : ` (список — во вложенном файле ${gapsFile}).`),
  ];
  return lines;
}

function totalsHtml(totals: SummaryTotals, gapsFile: string | null): string {
  const [active, exempt, gapsLine] = totalsLines(totals, gapsFile);
  const gaps =
    totals.gaps.length && gapsFile === null
      ? `<ul>${totals.gaps.map((name) => `<li>${escapeHtml(name)}</li>`).join('')}</ul>`
      : '';
  return (
    '<h3 style="font-size:15px">Итоги по реестру</h3>\n<ul>' +
    [active, exempt].map((line) => `<li>${escapeHtml(line)}</li>`).join('') +
    `<li>${escapeHtml(gapsLine)}${gaps}</li></ul>`
  );
}

function totalsText(totals: SummaryTotals, gapsFile: string | null): string {
  const [active, exempt, gapsLine] = totalsLines(totals, gapsFile);
  return [
    'ИТОГИ ПО РЕЕСТРУ',
    `- ${active}`,
    `- ${exempt}`,
    `- ${gapsLine}`,
    ...(gapsFile === null ? totals.gaps.map((name) => `    • ${name}`) : []),
  ].join('\n');
}

function countsLine(events: readonly PendingEvent[]): string {
  const created = events.filter((event) => event.kind === 'creation').length;
  const overdue = events.filter((event) => event.overdue);
  const deptLate = overdue.filter(
    (event) => event.reportedToDept === null || event.reportedToDept > event.deptDeadline,
  );
  const before = events.filter((event) => event.beforeDecree).length;
  return (
    `Событий: ${events.length} (создание страниц — ${created}, удаление — ${events.length - created})` +
    (overdue.length
      ? `, из них с нарушенным сроком сообщения: ${overdue.length}` +
        (deptLate.length ? ` (в том числе из-за позднего сообщения подразделения: ${deptLate.length})` : '')
      : '') +
    (before ? `; до вступления в силу постановления: ${before}` : '') +
    '.'
  );
}

export function summarySubject(districtName: string, today: IsoDate): string {
  const district = districtName.trim() || 'муниципальное образование';
  return `Сведения о созданных и удалённых официальных страницах в социальных сетях — ${district} — ${formatRuDate(today)}`;
}

/** The attached CSV: every event of the letter. */
export function summaryCsv(events: readonly PendingEvent[]): string {
  return toCsv([['ID', ...TABLE_HEADERS], ...events.map((event) => [event.pageId, ...eventCells(event)])]);
}

export function summaryCsvFileName(today: IsoDate): string {
  return `svodka-tsur-${today}.csv`;
}

export function gapsCsvFileName(today: IsoDate): string {
  return `organizacii-bez-stranic-${today}.csv`;
}

/**
 * The letter to ЦУР. When every event fits in MailApp's body limit they are all in the body; otherwise the
 * full list goes into a .csv attachment and the body keeps the totals and the overdue events (or only the
 * totals, when even the overdue do not fit; or only the counts, with the organisations without a page in a
 * second .csv, when the list of those is what is too long).
 */
export function buildSummaryLetter(input: SummaryLetterInput): SummaryLetter {
  const limit = input.bodyLimitBytes ?? SUMMARY_BODY_LIMIT_BYTES;
  // Cell text as letters show it (letterText): cut short, no control characters, foreign addresses defanged.
  const events = input.events
    .map((event) => ({
      ...event,
      organization: letterText(event.organization),
      orgKind: letterText(event.orgKind),
      network: letterText(event.network),
      responsibleName: letterText(event.responsibleName),
      responsiblePosition: letterText(event.responsiblePosition),
      authorizedName: letterText(event.authorizedName),
      ogrn: letterText(event.ogrn),
      inn: letterText(event.inn),
    }))
    .sort(compareEvents);
  const totals: SummaryTotals = { ...input.totals, gaps: input.totals.gaps.map((name) => letterText(name)) };
  const overdue = events.filter((event) => event.overdue);
  const subject = summarySubject(input.districtName, input.today);
  const district = input.districtName.trim();
  const intro =
    `${district ? `${district}: с` : 'С'}ведения о созданных и удалённых официальных страницах в социальных сетях ` +
    `(п. 3.1.5 постановления № 1199 от 29.08.2023), не сообщённые ранее, по состоянию на ${formatRuDate(input.today)}.`;
  const registerLine = 'Реестр официальных страниц:';
  const closing = 'Письмо сформировано надстройкой «Реестр официальных страниц».';
  const csvName = summaryCsvFileName(input.today);
  const gapsName = gapsCsvFileName(input.today);

  const compose = (layout: SummaryLetter['layout'], gapsAttached: boolean, fallbackLimit?: number): MailMessage => {
    const shown = layout === 'full' ? events : layout === 'overdue' ? overdue : [];
    const numbered = shown.map((event, index) => ({ number: index + 1, event }));
    const current = numbered.filter(({ event }) => !event.beforeDecree);
    const earlier = numbered.filter(({ event }) => event.beforeDecree);
    const beforeTitle = beforeDecreeTitle(input.inForce);
    const signature = signatureLines(input.signature);
    const gapsFile = gapsAttached ? gapsName : null;
    const attachmentNote =
      layout === 'full'
        ? null
        : `Полный список событий (${events.length}) — во вложенном файле ${csvName}: письмо с ним целиком превысило бы допустимый размер.` +
          (layout === 'overdue' ? ' Ниже — события с нарушенным сроком.' : '');
    const html = [
      paragraph('Здравствуйте!'),
      paragraph(intro),
      paragraph(countsLine(events)),
      attachmentNote ? `<p><b>${escapeHtml(attachmentNote)}</b></p>` : '',
      current.length ? eventsHtml(current) : '',
      earlier.length ? `<h3 style="font-size:15px">${escapeHtml(beforeTitle)}</h3>\n${eventsHtml(earlier)}` : '',
      totalsHtml(totals, gapsFile),
      `<p>${escapeHtml(registerLine)} ${linkHtml(input.spreadsheetUrl, 'открыть таблицу')}</p>`,
      signature.length ? `<p>${signature.map((line) => escapeHtml(line)).join('<br>\n')}</p>` : '',
      `<p style="color:#666;font-size:12px">${escapeHtml(closing)}</p>`,
    ]
      .filter((part) => part !== '')
      .join('\n');
    // Readable at 600 px: one column of numbered blocks, no wide table.
    const narrowHtml = `<div style="max-width:600px;overflow-wrap:break-word;word-wrap:break-word">\n${html}\n</div>`;
    const text = [
      'Здравствуйте!',
      intro,
      countsLine(events),
      attachmentNote ?? '',
      current.length ? eventsText(current) : '',
      earlier.length ? `${beforeTitle.toUpperCase()}\n\n${eventsText(earlier)}` : '',
      totalsText(totals, gapsFile),
      `${registerLine} ${input.spreadsheetUrl}`,
      signature.join('\n'),
      closing,
    ]
      .filter((part) => part !== '')
      .join('\n\n');
    return mailMessage({
      to: input.recipients,
      subject,
      text,
      html: narrowHtml,
      // The layouts below choose what stays in the body; only the last falls back to attaching the whole letter.
      bodyLimitBytes: fallbackLimit ?? Number.POSITIVE_INFINITY,
      attachments: [
        ...(layout === 'full' ? [] : [{ fileName: csvName, mimeType: 'text/csv', content: summaryCsv(events) }]),
        ...(gapsFile === null
          ? []
          : [
              {
                fileName: gapsFile,
                mimeType: 'text/csv',
                content: toCsv([['Организация'], ...totals.gaps.map((name) => [name])]),
              },
            ]),
      ],
    });
  };

  const fits = (message: MailMessage): boolean =>
    utf8ByteLength(message.body) + utf8ByteLength(message.htmlBody) <= limit;
  // From the whole letter down to the counts alone, the first that fits.
  const attempts: Array<[SummaryLetter['layout'], boolean]> = [
    ['full', false],
    ['overdue', false],
    ['overdue', true],
    ['totals', true],
  ];
  const hasGaps = totals.gaps.length > 0;
  let chosen: [SummaryLetter['layout'], boolean] = ['totals', hasGaps];
  let message: MailMessage | null = null;
  for (const [layout, attachGaps] of attempts) {
    // Without organisations lacking a page there is nothing to attach: the step is the same layout without it.
    const candidate = compose(layout, attachGaps && hasGaps);
    chosen = [layout, attachGaps && hasGaps];
    message = candidate;
    if (fits(candidate)) break;
  }
  return {
    // Even the totals too large (cell text is cut short, so hardly ever): the whole letter as an attachment.
    message: message !== null && fits(message) ? message : compose(...chosen, limit),
    eventIds: events.map((event) => event.id),
    overdueCount: overdue.length,
    layout: chosen[0],
    gapsAttached: chosen[1],
    notJudged: [...input.totals.notJudged],
  };
}
