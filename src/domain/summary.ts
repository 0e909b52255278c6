/**
 * The summary for ЦУР (decree clause 3.1.5): which creations and deletions are still unreported, and the
 * letter that reports them. Pure: rows come in already assessed, "today" is a parameter.
 */
import { ORG_KINDS } from './columns';
import { escapeHtml, linkHtml } from './htmlEscape';
import { formatRuDate } from './isoDate';
import {
  htmlTable,
  letterText,
  mailMessage,
  pageLinkHtml,
  pageLinkText,
  paragraph,
  toCsv,
  utf8ByteLength,
  type Cell,
  type MailMessage,
} from './letter';
import type { NetworkSpec } from './links';
import { EVENT_COLUMNS } from './obligations';
import { duplicatePageRows, isActivePage, organizationKey } from './review';
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
}

/** A row whose unreported events cannot go into the summary until it is corrected, and why (Russian). */
export interface ExcludedRow {
  row: number;
  reasons: string[];
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

/** Overdue first; then the nearest deadline, the event date, the organisation, the row. */
export function compareEvents(a: PendingEvent, b: PendingEvent): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return (
    a.deadline.localeCompare(b.deadline) ||
    a.date.localeCompare(b.date) ||
    a.organization.localeCompare(b.organization, 'ru') ||
    a.row - b.row ||
    a.kind.localeCompare(b.kind)
  );
}

function errorsOf(row: RowAssessment, column: ColumnKey): string[] {
  return row.problems
    .filter((problem) => problem.column === column && problem.severity === 'error')
    .map((problem) => problem.message);
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
    if (pending.length === 0) continue;
    const pageId = (row.page.id ?? '').trim();
    if (pageId === '' && errorsOf(row, 'id').length === 0) {
      rowsWithoutId.push(row.row);
      continue;
    }
    const reasons: string[] = [];
    const first = duplicates.get(row.row);
    if (first !== undefined)
      reasons.push(`та же страница уже внесена в строке ${first} — удалите или исправьте повтор.`);
    reasons.push(...errorsOf(row, 'id'));
    const stampErrors = pending.flatMap((event) => errorsOf(row, EVENT_COLUMNS[event.kind].tsur));
    reasons.push(...stampErrors);
    if (reasons.length > 0) {
      excluded.push({ row: row.row, reasons });
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
}

/**
 * The register's totals for the letter. `networks` (from «Настройки») fixes the order and shows a network
 * with no page as 0. `gaps` are the register review's organisations with no active page and no exemption.
 * A page registered in two rows is counted once.
 */
export function summaryTotals(
  rows: readonly RowAssessment[],
  networks: readonly string[],
  gaps: readonly string[],
  options: SelectionOptions = {},
): SummaryTotals {
  const counts = new Map<string, number>(networks.map((network) => [network, 0]));
  const exempt = new Set<string>();
  // A page registered twice counts once: its first row.
  const duplicates = duplicatePageRows(rows, options);
  for (const { row, page } of rows) {
    if (duplicates.has(row)) continue;
    const organization = (page.organization ?? '').trim();
    if ((page.exemptionBasis ?? '').trim() !== '') {
      if (organization !== '') exempt.add(organizationKey(organization));
    } else if (isActivePage(page)) {
      const network = (page.network ?? '').trim();
      counts.set(network, (counts.get(network) ?? 0) + 1);
    }
  }
  const activeByNetwork = [...counts.entries()].map(([network, count]) => ({ network, count }));
  return {
    activeByNetwork,
    activeTotal: activeByNetwork.reduce((sum, { count }) => sum + count, 0),
    exemptOrganizations: exempt.size,
    gaps: [...gaps],
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
}

const TABLE_HEADERS = [
  'Организация',
  'Вид организации',
  'Социальная сеть',
  'Ссылка на страницу',
  'Событие',
  'Дата события',
  'Срок сообщения в ЦУР',
  'Отметка о просрочке',
] as const;

const OVERDUE_MARK = 'Просрочено';

function eventCells(event: PendingEvent): string[] {
  return [
    event.organization,
    event.orgKind,
    event.network,
    event.link,
    EVENT_KIND_LABELS[event.kind],
    formatRuDate(event.date),
    formatRuDate(event.deadline),
    event.overdue ? OVERDUE_MARK : '',
  ];
}

function eventsTableHtml(events: readonly PendingEvent[]): string {
  return htmlTable(
    TABLE_HEADERS,
    events.map((event) => {
      const cells: Cell[] = eventCells(event);
      cells[3] = { html: pageLinkHtml(event.link) };
      if (event.overdue) cells[7] = { html: `<b style="color:#b00020">${escapeHtml(OVERDUE_MARK)}</b>` };
      return { cells, highlight: event.overdue };
    }),
  );
}

function eventsText(events: readonly PendingEvent[]): string {
  return events
    .map((event, index) => {
      const mark = event.overdue ? ` — ${OVERDUE_MARK.toUpperCase()}` : '';
      return (
        `${index + 1}. ${event.organization || '(без названия)'}${event.orgKind ? ` (${event.orgKind})` : ''}\n` +
        `   ${event.network} — ${pageLinkText(event.link)}\n` +
        `   ${EVENT_KIND_LABELS[event.kind]} ${formatRuDate(event.date)}, срок сообщения в ЦУР ${formatRuDate(event.deadline)}${mark}`
      );
    })
    .join('\n');
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
  const overdue = events.filter((event) => event.overdue).length;
  return (
    `Событий: ${events.length} (создание страниц — ${created}, удаление — ${events.length - created})` +
    (overdue ? `, из них с нарушенным сроком сообщения: ${overdue}.` : '.')
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
      shown.length ? eventsTableHtml(shown) : '',
      totalsHtml(totals, gapsFile),
      `<p>${escapeHtml(registerLine)} ${linkHtml(input.spreadsheetUrl, 'открыть таблицу')}</p>`,
      `<p style="color:#666;font-size:12px">${escapeHtml(closing)}</p>`,
    ]
      .filter((part) => part !== '')
      .join('\n');
    const text = [
      'Здравствуйте!',
      intro,
      countsLine(events),
      attachmentNote ?? '',
      shown.length ? eventsText(shown) : '',
      totalsText(totals, gapsFile),
      `${registerLine} ${input.spreadsheetUrl}`,
      closing,
    ]
      .filter((part) => part !== '')
      .join('\n\n');
    return mailMessage({
      to: input.recipients,
      subject,
      text,
      html,
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
  };
}

/** Organisation kinds in the order the register lists them (used to sort groups). */
export function orgKindRank(kind: string | null): number {
  const index = (ORG_KINDS as readonly string[]).indexOf((kind ?? '').trim());
  return index === -1 ? ORG_KINDS.length : index;
}
