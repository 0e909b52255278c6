/**
 * The letter to ЦУР (decree clause 3.1.5): how the events summary.ts selects and the register's totals are
 * written — subject, numbered events (a table that is cards on a phone), totals, signature, and the .csv
 * fallbacks when the body would pass MailApp's limit. Pure.
 * Over 400 lines on purpose: the HTML, the text and the .csv of one letter number and word every event
 * alike, so they are written side by side.
 */
import { escapeHtml, linkHtml } from './htmlEscape';
import { formatRuDate } from './isoDate';
import {
  letterText,
  mailMessage,
  pageLinkHtml,
  RESPONSIVE_TABLE_CSS,
  responsiveTable,
  pageLinkText,
  paragraph,
  toCsv,
  utf8ByteLength,
  type MailMessage,
} from './letter';
import { pageLinks } from './links';
import type { IsoDate } from './types';

import { type PendingEvent, EVENT_KIND_LABELS, compareEvents, type SummaryTotals } from './summary';

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
  /** The organizations without a page went into a second .csv, their list being too long for the body. */
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

/** The columns of the HTML letter's table (each event's lines go into one of them) and their widths in per cent. */
const EVENT_COLUMNS_HTML = [
  'Организация',
  'Страница',
  'Событие и срок',
  'Ответственный и уполномоченное лицо',
  'Госметка и «Госпаблики»',
] as const;
const EVENT_COLUMN_WIDTHS = [4, 23, 20, 18, 18, 17];

/** The lines of one event after its number: the same in the text and the HTML letter (by column there). */
function eventLines(
  event: PendingEvent,
): Array<{ text: string; link?: string; alert?: boolean; column: (typeof EVENT_COLUMNS_HTML)[number] }> {
  const ids = [event.ogrn && `ОГРН ${event.ogrn}`, event.inn && `ИНН ${event.inn}`].filter(Boolean).join(', ');
  const heading =
    `${event.organization || '(без названия)'}${event.orgKind ? ` (${event.orgKind})` : ''}` + (ids ? `, ${ids}` : '');
  const deadline = event.beforeDecree
    ? 'срок сообщения в ЦУР не установлен: событие до вступления в силу постановления'
    : `срок сообщения в ЦУР ${formatRuDate(event.deadline)}`;
  const delay = departmentReportText(event);
  // Both cells in error read «уточняется» once.
  const person = [...new Set([event.responsibleName, event.responsiblePosition].filter(Boolean))].join(', ');
  const [organization, page, eventColumn, people, marks] = EVENT_COLUMNS_HTML;
  return [
    { text: heading, column: organization },
    { text: `${event.network}: `, link: event.link, column: page },
    {
      text:
        `${EVENT_KIND_LABELS[event.kind]} ${formatRuDate(event.date)}, ${deadline}` +
        (event.overdue ? ` — ${OVERDUE_MARK.toUpperCase()}` : ''),
      alert: event.overdue,
      column: eventColumn,
    },
    ...(event.overdue && delay
      ? [{ text: `Сообщение подразделения в отдел (п. 3.2.2): ${delay}.`, column: eventColumn }]
      : []),
    { text: `Ответственный: ${person || 'не указан'}`, column: people },
    {
      text:
        `Уполномоченное лицо: ${event.authorizedName || 'не указано'}, ЕСИА — ` +
        yesNo(event.esiaVerified, 'идентификация пройдена', 'идентификация не подтверждена'),
      column: people,
    },
    {
      text:
        `Метка «Госорганизация»: ${yesNo(event.govMark, 'есть', 'нет')}; «Госпаблики»: ` +
        yesNo(event.govPublics, 'подключено', 'не подключено'),
      column: marks,
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

/** The events as a numbered table: cards below 600 px (responsiveTable), the numbers of the text part. */
function eventsHtml(numbered: readonly NumberedEvent[]): string {
  const rows = numbered.map(({ number, event }) => {
    const lines = eventLines(event);
    const cells = EVENT_COLUMNS_HTML.map((column) => ({
      html: lines
        .filter((line) => line.column === column)
        .map((line) => {
          const body = escapeHtml(line.text) + (line.link === undefined ? '' : linksHtml(line.link));
          return line.alert
            ? `<b style="color:#b00020">${body}</b>`
            : column === 'Организация'
              ? `<b>${body}</b>`
              : body;
        })
        .join('<br>'),
    }));
    return { number, cells, highlight: event.overdue };
  });
  return responsiveTable(EVENT_COLUMNS_HTML, rows, EVENT_COLUMN_WIDTHS);
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
 * totals, when even the overdue do not fit; or only the counts, with the organizations without a page in a
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
    // A table on a wide screen, numbered cards under 600 px or without the stylesheet (responsiveTable).
    const narrowHtml = `<div style="max-width:960px;overflow-wrap:break-word;word-wrap:break-word">\n${html}\n</div>`;
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
      css: RESPONSIVE_TABLE_CSS,
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
    // Without organizations lacking a page there is nothing to attach: the step is the same layout without it.
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
