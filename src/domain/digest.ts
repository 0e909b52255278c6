/**
 * The daily digests of the working-day check: the coordinator's (what is due today and what is overdue,
 * for both obligations) and one per responsible person (their own rows that need something). Pure: the
 * letters are built from assessed rows; the caller decides what to send.
 */
import { escapeHtml, linkHtml } from './htmlEscape';
import { addDays, formatRuDate, formatRuLongDate, ruWeekdayName, weekday } from './isoDate';
import { htmlTable, mailMessage, paragraph, type Cell, type MailMessage } from './letter';
import { EVENT_KIND_LABELS } from './summary';
import type { EventKind, IsoDate, ObligationStatus, RowAssessment, WorkingCalendar } from './types';

export type Obligation = 'dept' | 'tsur';

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
        organization: row.page.organization ?? '',
        network: row.page.network ?? '',
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
}

/** Every obligation (department's and ЦУР) that is overdue or due today. */
export function coordinatorDigestItems(rows: readonly RowAssessment[]): CoordinatorDigestItems {
  const all = rows.flatMap((row) => itemsOf(row, ['dept', 'tsur'], ['overdue', 'dueToday']));
  return {
    overdue: all.filter((item) => item.status === 'overdue').sort(byDeadline),
    dueToday: all.filter((item) => item.status === 'dueToday').sort(byDeadline),
  };
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
        { html: linkHtml(item.link) },
        `${EVENT_KIND_LABELS[item.kind]} ${formatRuDate(item.date)}`,
        OBLIGATION_LABELS[item.obligation],
        formatRuDate(item.deadline),
      ];
      return { cells, highlight };
    }),
  );
}

function itemsText(items: readonly DigestItem[]): string {
  return items
    .map(
      (item) =>
        `- строка ${item.row}: ${item.organization} — ${item.network} ${item.link}\n` +
        `  ${EVENT_KIND_LABELS[item.kind]} ${formatRuDate(item.date)}; ${OBLIGATION_LABELS[item.obligation]}; срок ${formatRuDate(item.deadline)}`,
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
  const { overdue, dueToday } = coordinatorDigestItems(input.rows);
  const notes = input.notes ?? [];
  if (overdue.length === 0 && dueToday.length === 0 && notes.length === 0) return null;
  const subject = `Реестр страниц на ${formatRuDate(input.today)}: просрочено — ${overdue.length}, срок сегодня — ${dueToday.length}`;
  const pendingLine = input.pendingTsurEvents
    ? `Ожидают сводки в ЦУР: ${input.pendingTsurEvents} (меню «Реестр страниц» → «Сводка для ЦУР…»).`
    : 'Неотправленных в ЦУР событий нет.';
  const sections: Array<{ title: string; items: DigestItem[]; highlight: boolean }> = [
    { title: `Просрочено (${overdue.length})`, items: overdue, highlight: true },
    { title: `Срок сегодня (${dueToday.length})`, items: dueToday, highlight: false },
  ];
  // «пятница, 27 ноября 2026 г.»: the day in words, as a letter names it.
  const checkDay = `${ruWeekdayName(input.today)}, ${formatRuLongDate(input.today)}`;
  const html = [
    ...notes.map((note) => `<p><b>${escapeHtml(note)}</b></p>`),
    paragraph(`Ежедневная проверка реестра официальных страниц, ${checkDay}.`),
    ...sections
      .filter((section) => section.items.length > 0)
      .map(
        (section) =>
          `<h3 style="font-size:15px">${escapeHtml(section.title)}</h3>\n${itemsTable(section.items, section.highlight)}`,
      ),
    paragraph(pendingLine),
    `<p>${linkHtml(input.spreadsheetUrl, 'Открыть реестр')}</p>`,
  ].join('\n');
  const text = [
    ...notes,
    `Ежедневная проверка реестра официальных страниц, ${checkDay}.`,
    ...sections
      .filter((section) => section.items.length > 0)
      .map((section) => `${section.title.toUpperCase()}\n${itemsText(section.items)}`),
    pendingLine,
    `Реестр: ${input.spreadsheetUrl}`,
  ].join('\n\n');
  return mailMessage({ to: input.recipients, subject, text, html });
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
    const items = itemsOf(row, ['dept'], ['pending', 'dueToday', 'overdue']).sort(byDeadline);
    const problems = row.problems
      .filter((problem) => input.includeWarnings === true || problem.severity === 'error')
      .map(({ severity, message }) => ({ severity, message }));
    if (items.length === 0 && problems.length === 0) continue;
    const email = row.page.responsibleEmail.trim().toLowerCase();
    let entry = byEmail.get(email);
    if (!entry) {
      entry = { name: (row.page.responsibleName ?? '').trim(), rows: [] };
      byEmail.set(email, entry);
    }
    entry.rows.push({
      row: row.row,
      organization: row.page.organization ?? '',
      network: row.page.network ?? '',
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
  const subject = `Реестр официальных страниц: требуется ваше внимание (${rows.length}) — ${formatRuDate(input.today)}`;
  const greeting = name ? `Здравствуйте, ${name}!` : 'Здравствуйте!';
  const intro = 'По официальным страницам, за которые вы отвечаете, в реестре есть незакрытые вопросы:';
  const outro =
    'Исправьте данные в таблице реестра или сообщите координатору — отделу массовых коммуникаций и информационных технологий.';
  const html = [
    paragraph(greeting),
    paragraph(intro),
    ...rows.map(
      (row) =>
        `<p><b>${escapeHtml(rowTitle(row))}</b><br>${linkHtml(row.link)}</p>\n<ul>` +
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
      [rowTitle(row), row.link, ...rowLines(row).map((line) => `- ${line}`)].filter(Boolean).join('\n'),
    ),
    outro,
    `Реестр: ${input.spreadsheetUrl}`,
  ].join('\n\n');
  return mailMessage({ to: email, subject, text, html });
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

/** The one letter telling the coordinator that the daily check failed (not repeated while the failure stays the same). */
export function buildFailureLetter(input: FailureLetterInput): MailMessage {
  const subject = `Реестр страниц: ежедневная проверка не выполнена — ${formatRuDate(input.today)}`;
  const lines = [
    `Ежедневная проверка реестра официальных страниц ${formatRuDate(input.today)} не выполнена.`,
    `Причина: ${input.text}`,
    'Подробности — на листе «Журнал». Пока причина не устранена, проверка будет повторяться каждый рабочий день, ' +
      'но это письмо повторно не придёт. Когда проверка снова пройдёт без ошибок, в «Журнале» появится запись об этом.',
  ];
  const html = [...lines.map(paragraph), `<p>${linkHtml(input.spreadsheetUrl, 'Открыть реестр')}</p>`].join('\n');
  return mailMessage({
    to: input.recipients,
    subject,
    text: [...lines, `Реестр: ${input.spreadsheetUrl}`].join('\n\n'),
    html,
  });
}
