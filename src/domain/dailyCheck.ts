/**
 * The daily digests of the working-day check: the coordinator's (what is due today and what is overdue,
 * for both obligations) and one per responsible person (their own rows that need something). Pure: the
 * letters are built from assessed rows; the caller decides what to send.
 * Over 400 lines on purpose: the coordinator's and the responsible persons' digests share their items,
 * tables and wording, and each has an HTML, a text and a brief (quota) form.
 */
import { escapeHtml, linkHtml } from './htmlEscape';
import { addDays, formatRuDate, formatRuLongDate, ruWeekdayName, weekday } from './isoDate';
import {
  MESSAGE_TEXT_LIMIT,
  htmlTable,
  letterText,
  mailMessage,
  pageLinkHtml,
  pageLinkText,
  paragraph,
  sentence,
  type Cell,
  type MailMessage,
} from './letter';
import { statedErrors } from './statedColumns';
import { EVENT_KIND_LABELS } from './summary';
import { isInMailDomains } from './email';
import type { EventKind, IsoDate, ObligationStatus, RowAssessment, WorkingCalendar } from './types';

export type Obligation = 'dept' | 'tsur';

/** How the subjects of the daily letters begin (also how `npm start` tells the kinds apart in report.json). */
export const DIGEST_SUBJECT_START = 'Реестр страниц на ';
export const REMINDER_SUBJECT_START = 'Реестр официальных страниц: требуется ваше внимание';
export const FAILURE_SUBJECT_START = 'Реестр страниц: ежедневная проверка не выполнена';

export const OBLIGATION_LABELS: Readonly<Record<Obligation, string>> = {
  dept: 'Сообщить в отдел (п. 3.2.2)',
  tsur: 'Сообщить в ЦУР (п. 3.1.5)',
};

/** One open obligation of one event. */
export interface DigestItem {
  pageId: string;
  row: number;
  organization: string;
  network: string;
  link: string;
  kind: EventKind;
  date: IsoDate;
  obligation: Obligation;
  deadline: IsoDate;
  status: ObligationStatus;
  /**
   * In the coordinator's digest a row is listed once: every obligation of the row in this state, each
   * with its own deadline (the department's and ЦУР's differ).
   */
  obligations?: Array<{ obligation: Obligation; deadline: IsoDate }>;
}

function itemsOf(
  row: RowAssessment,
  obligations: readonly Obligation[],
  statuses: readonly ObligationStatus[],
): DigestItem[] {
  const items: DigestItem[] = [];
  for (const event of row.events) {
    for (const obligation of obligations) {
      const status = obligation === 'dept' ? event.deptStatus : event.tsurStatus;
      if (!statuses.includes(status)) continue;
      items.push({
        pageId: row.page.id ?? '',
        row: row.row,
        organization: letterText(row.page.organization),
        network: letterText(row.page.network),
        link: row.page.link ?? '',
        kind: event.kind,
        date: event.date,
        obligation,
        deadline: obligation === 'dept' ? event.deptDeadline : event.tsurDeadline,
        status,
      });
    }
  }
  return items;
}

const byDeadline = (a: DigestItem, b: DigestItem): number =>
  a.deadline.localeCompare(b.deadline) || a.organization.localeCompare(b.organization, 'ru') || a.row - b.row;

export interface CoordinatorDigestItems {
  overdue: DigestItem[];
  dueToday: DigestItem[];
  /**
   * Rows with an unreported event and an error in what the deadline or the ЦУР letter rests on
   * (summary.ts, STATED_COLUMNS): their deadlines are not asserted until the row is fixed. Once per row.
   */
  withErrors: Array<{ row: number; organization: string; message: string }>;
}

/** The first item of each row (the nearest deadline), carrying every obligation of the row's items. */
function onePerRow(items: readonly DigestItem[]): DigestItem[] {
  const byRow = new Map<number, DigestItem>();
  for (const item of items) {
    const first = byRow.get(item.row);
    const own = { obligation: item.obligation, deadline: item.deadline };
    if (first === undefined) byRow.set(item.row, { ...item, obligations: [own] });
    else if (!first.obligations?.some((known) => known.obligation === item.obligation)) first.obligations?.push(own);
  }
  return [...byRow.values()];
}

/**
 * Every row with an obligation (department's or ЦУР) overdue or due today, once (overdue wins), and the
 * rows left out because of an error in a stated column.
 */
export function coordinatorDigestItems(rows: readonly RowAssessment[]): CoordinatorDigestItems {
  const withErrors: CoordinatorDigestItems['withErrors'] = [];
  const usable: RowAssessment[] = [];
  for (const row of rows) {
    const errors = statedErrors(row);
    if (errors.length === 0) usable.push(row);
    else if (row.events.some((event) => event.reportedToTsur === null)) {
      withErrors.push({
        row: row.row,
        organization: letterText(row.page.organization ?? ''),
        message: letterText(errors.map((e) => e.message).join(' '), MESSAGE_TEXT_LIMIT),
      });
    }
  }
  const all = usable.flatMap((row) => itemsOf(row, ['dept', 'tsur'], ['overdue', 'dueToday']));
  const overdue = onePerRow(all.filter((item) => item.status === 'overdue').sort(byDeadline));
  const overdueRows = new Set(overdue.map((item) => item.row));
  const dueToday = onePerRow(
    all.filter((item) => item.status === 'dueToday' && !overdueRows.has(item.row)).sort(byDeadline),
  );
  return { overdue, dueToday, withErrors };
}

const ITEM_HEADERS = ['Строка', 'Организация', 'Сеть', 'Ссылка', 'Событие', 'Что сделать', 'Срок'] as const;

function itemsTable(items: readonly DigestItem[], highlight: boolean): string {
  return htmlTable(
    ITEM_HEADERS,
    items.map((item) => {
      const cells: Cell[] = [
        String(item.row),
        item.organization,
        item.network,
        { html: pageLinkHtml(item.link) },
        `${EVENT_KIND_LABELS[item.kind]} ${formatRuDate(item.date)}`,
        obligationsText(item),
        formatRuDate(item.deadline),
      ];
      return { cells, highlight };
    }),
  );
}

/** What to do; with two obligations, each names its own deadline (the «Срок» column gives the nearest). */
function obligationsText(item: DigestItem): string {
  const obligations = item.obligations ?? [{ obligation: item.obligation, deadline: item.deadline }];
  if (obligations.length === 1) return OBLIGATION_LABELS[item.obligation];
  return obligations
    .map(({ obligation, deadline }) => `${OBLIGATION_LABELS[obligation]} — срок ${formatRuDate(deadline)}`)
    .join('; ');
}

function itemsText(items: readonly DigestItem[]): string {
  return items
    .map(
      (item) =>
        `- строка ${item.row}: ${item.organization} — ${item.network} ${pageLinkText(item.link)}\n` +
        `  ${EVENT_KIND_LABELS[item.kind]} ${formatRuDate(item.date)}; ${obligationsText(item)}` +
        ((item.obligations?.length ?? 1) > 1 ? '' : `; срок ${formatRuDate(item.deadline)}`),
    )
    .join('\n');
}

export interface CoordinatorDigestInput {
  rows: readonly RowAssessment[];
  today: IsoDate;
  recipients: readonly string[];
  spreadsheetUrl: string;
  /** Creations and deletions still waiting for the ЦУР summary (after any automatic send). */
  pendingTsurEvents: number;
  /** Extra lines at the top, e.g. the result of the automatic ЦУР summary. */
  notes?: readonly string[];
}

/** The coordinator's digest, or null when nothing is due today or overdue and there are no notes. */
export function buildCoordinatorDigest(input: CoordinatorDigestInput): MailMessage | null {
  const { overdue, dueToday, withErrors } = coordinatorDigestItems(input.rows);
  const notes = input.notes ?? [];
  if (overdue.length === 0 && dueToday.length === 0 && withErrors.length === 0 && notes.length === 0) return null;
  const errorsTitle = `Ошибки заполнения: сроки не считаются и в сводку в ЦУР не входят, пока строку не исправят (${withErrors.length})`;
  const errorLines = withErrors.map(
    (entry) => `строка ${entry.row}: ${entry.organization || '(организация не указана)'} — ${entry.message}`,
  );
  const subject = `${DIGEST_SUBJECT_START}${formatRuDate(input.today)}: просрочено — ${overdue.length}, срок сегодня — ${dueToday.length}`;
  const pendingLine = input.pendingTsurEvents
    ? `Ожидают сводки в ЦУР: ${input.pendingTsurEvents} (меню «Реестр страниц» → «Сводка для ЦУР…»).`
    : 'Неотправленных в ЦУР событий нет.';
  const sections: Array<{ title: string; items: DigestItem[]; highlight: boolean }> = [
    { title: `Просрочено (${overdue.length})`, items: overdue, highlight: true },
    { title: `Срок сегодня (${dueToday.length})`, items: dueToday, highlight: false },
  ];
  // «пятница, 27 ноября 2026 г.»: the day in words, as a letter names it.
  const checkLine = sentence(
    `Ежедневная проверка реестра официальных страниц, ${ruWeekdayName(input.today)}, ${formatRuLongDate(input.today)}`,
  );
  const html = [
    ...notes.map((note) => `<p><b>${escapeHtml(letterText(note, MESSAGE_TEXT_LIMIT * 10))}</b></p>`),
    paragraph(checkLine),
    ...sections
      .filter((section) => section.items.length > 0)
      .map(
        (section) =>
          `<h3 style="font-size:15px">${escapeHtml(section.title)}</h3>\n${itemsTable(section.items, section.highlight)}`,
      ),
    withErrors.length
      ? `<h3 style="font-size:15px">${escapeHtml(errorsTitle)}</h3>\n<ul>${errorLines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
      : '',
    paragraph(pendingLine),
    `<p>${linkHtml(input.spreadsheetUrl, 'Открыть реестр')}</p>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
  const text = [
    ...notes,
    checkLine,
    ...sections
      .filter((section) => section.items.length > 0)
      .map((section) => `${section.title.toUpperCase()}\n${itemsText(section.items)}`),
    ...(withErrors.length ? [`${errorsTitle.toUpperCase()}\n${errorLines.map((line) => `- ${line}`).join('\n')}`] : []),
    pendingLine,
    `Реестр: ${input.spreadsheetUrl}`,
  ].join('\n\n');
  const counts = `Просрочено: ${overdue.length}, срок сегодня: ${dueToday.length}. ${pendingLine}`;
  const brief = {
    text: [...notes, counts, `Реестр: ${input.spreadsheetUrl}`].join('\n\n'),
    html: [
      ...notes.map((note) => `<p><b>${escapeHtml(letterText(note, MESSAGE_TEXT_LIMIT * 10))}</b></p>`),
      paragraph(counts),
      `<p>${linkHtml(input.spreadsheetUrl, 'Открыть реестр')}</p>`,
    ].join('\n'),
  };
  return mailMessage({ to: input.recipients, subject, text, html, brief });
}

/** One responsible person's row that needs something, and why. */
export interface ResponsibleRow {
  row: number;
  organization: string;
  network: string;
  link: string;
  /** The department's obligation of this row that is still open. */
  items: DigestItem[];
  problems: Array<{ severity: 'error' | 'warning'; message: string }>;
}

export interface ResponsibleDigest {
  /** Lowercased address the digest goes to. */
  email: string;
  rows: ResponsibleRow[];
  message: MailMessage;
}

const EMAIL_PATTERN = /^[^\s@<>,;"']+@[^\s@<>,;"']+\.[^\s@<>,;"']+$/;

/** An address a reminder may be sent to (one address, nothing that could smuggle in a second one). */
export function isMailableAddress(value: string | null): value is string {
  return value !== null && EMAIL_PATTERN.test(value.trim());
}

export interface ResponsibleDigestsInput {
  rows: readonly RowAssessment[];
  today: IsoDate;
  spreadsheetUrl: string;
  /**
   * Whether warnings (a position below deputy head, ЕСИА not confirmed…) go in too. The daily check says
   * so once a week, on the first working day of the week (isFirstWorkingDayOf): a warning is not urgent,
   * and a letter every working day about the same warning teaches people to ignore the letters.
   */
  includeWarnings?: boolean;
  /** «Домены для рассылки» (mailDomainsOf): an address outside them gets no letter. */
  mailDomains: readonly string[];
}

/**
 * One digest per responsible person's e-mail, for rows that need them: the department's report still
 * open (due, due today or overdue) or an error in the row — and, when `includeWarnings`, a warning.
 * Rows with nothing of that send nothing. Ordered by address, so a run cut short by the quota is
 * reproducible.
 */
export function buildResponsibleDigests(input: ResponsibleDigestsInput): ResponsibleDigest[] {
  const byEmail = new Map<string, { name: string; rows: ResponsibleRow[] }>();
  for (const row of input.rows) {
    if (!isMailableAddress(row.page.responsibleEmail)) continue;
    if (!isInMailDomains(row.page.responsibleEmail, input.mailDomains)) continue;
    const items = itemsOf(row, ['dept'], ['pending', 'dueToday', 'overdue']).sort(byDeadline);
    const problems = row.problems
      .filter((problem) => input.includeWarnings === true || problem.severity === 'error')
      .map(({ severity, message }) => ({ severity, message: letterText(message, MESSAGE_TEXT_LIMIT) }));
    if (items.length === 0 && problems.length === 0) continue;
    const email = row.page.responsibleEmail.trim().toLowerCase();
    let entry = byEmail.get(email);
    if (!entry) {
      entry = { name: letterText(row.page.responsibleName), rows: [] };
      byEmail.set(email, entry);
    }
    entry.rows.push({
      row: row.row,
      organization: letterText(row.page.organization),
      network: letterText(row.page.network),
      link: row.page.link ?? '',
      items,
      problems,
    });
  }
  return [...byEmail.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([email, { name, rows }]) => ({ email, rows, message: responsibleMessage(email, name, rows, input) }));
}

function rowTitle(row: ResponsibleRow): string {
  return `Строка ${row.row}: ${row.organization || '(организация не указана)'}${row.network ? ` — ${row.network}` : ''}`;
}

function rowLines(row: ResponsibleRow): string[] {
  return [
    ...row.items.map(
      (item) =>
        `${EVENT_KIND_LABELS[item.kind]} ${formatRuDate(item.date)}: сообщить в отдел массовых коммуникаций до ${formatRuDate(item.deadline)}` +
        (item.status === 'overdue' ? ' — срок прошёл' : item.status === 'dueToday' ? ' — срок сегодня' : ''),
    ),
    ...row.problems.map(
      (problem) => `${problem.severity === 'error' ? 'Ошибка' : 'Предупреждение'}: ${problem.message}`,
    ),
  ];
}

function responsibleMessage(
  email: string,
  name: string,
  rows: readonly ResponsibleRow[],
  input: ResponsibleDigestsInput,
): MailMessage {
  const subject = `${REMINDER_SUBJECT_START} (${rows.length}) — ${formatRuDate(input.today)}`;
  const greeting = name ? `Здравствуйте, ${name}!` : 'Здравствуйте!';
  const intro = 'По официальным страницам, за которые вы отвечаете, в реестре есть незакрытые вопросы:';
  const outro =
    'Исправьте данные в таблице реестра или сообщите координатору — отделу массовых коммуникаций и информационных технологий.';
  const html = [
    paragraph(greeting),
    paragraph(intro),
    ...rows.map(
      (row) =>
        `<p><b>${escapeHtml(rowTitle(row))}</b><br>${pageLinkHtml(row.link)}</p>\n<ul>` +
        rowLines(row)
          .map((line) => `<li>${escapeHtml(line)}</li>`)
          .join('') +
        '</ul>',
    ),
    paragraph(outro),
    `<p>${linkHtml(input.spreadsheetUrl, 'Открыть реестр')}</p>`,
  ].join('\n');
  const text = [
    greeting,
    intro,
    ...rows.map((row) =>
      [rowTitle(row), pageLinkText(row.link), ...rowLines(row).map((line) => `- ${line}`)].filter(Boolean).join('\n'),
    ),
    outro,
    `Реестр: ${input.spreadsheetUrl}`,
  ].join('\n\n');
  const brief = {
    text: [greeting, intro, ...rows.map(rowTitle), outro].join('\n\n'),
    html: [
      paragraph(greeting),
      paragraph(intro),
      ...rows.map((row) => paragraph(rowTitle(row))),
      paragraph(outro),
    ].join('\n'),
  };
  return mailMessage({ to: email, subject, text, html, brief });
}

/**
 * The first working day of the week or of the month that `today` is in: no working day from the week's
 * Monday (the month's 1st) to yesterday. Used to send what is not urgent once a week or once a month.
 */
export function isFirstWorkingDayOf(period: 'week' | 'month', today: IsoDate, calendar: WorkingCalendar): boolean {
  const start = period === 'week' ? addDays(today, -((weekday(today) + 6) % 7)) : `${today.slice(0, 8)}01`;
  for (let date = start; date < today; date = addDays(date, 1)) {
    if (calendar.isWorkingDay(date)) return false;
  }
  return true;
}

export interface FailureLetterInput {
  today: IsoDate;
  recipients: readonly string[];
  /** What went wrong, in Russian. */
  text: string;
  spreadsheetUrl: string;
}

/** The letter telling the coordinators that the daily check failed (sent every day it fails). */
export function buildFailureLetter(input: FailureLetterInput): MailMessage {
  const subject = `${FAILURE_SUBJECT_START} — ${formatRuDate(input.today)}`;
  const lines = [
    `Ежедневная проверка реестра официальных страниц ${formatRuDate(input.today)} не выполнена.`,
    `Причина: ${letterText(input.text, MESSAGE_TEXT_LIMIT * 10)}`,
    'Подробности — на листе «Журнал». Пока причина не устранена, проверка будет повторяться каждый рабочий день, ' +
      'и это письмо будет приходить каждый раз. Когда проверка снова пройдёт без ошибок, в «Журнале» появится запись об этом.',
  ];
  const html = [...lines.map(paragraph), `<p>${linkHtml(input.spreadsheetUrl, 'Открыть реестр')}</p>`].join('\n');
  return mailMessage({
    to: input.recipients,
    subject,
    text: [...lines, `Реестр: ${input.spreadsheetUrl}`].join('\n\n'),
    html,
  });
}
