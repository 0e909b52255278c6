/**
 * The monthly control letter (decree п. 6): on the first working day of each month the deputy head who
 * controls the execution of the decree gets the month's figures of «Обзор» with the change since the
 * previous letter, the departments and organizations that reported late (events and the worst delay in
 * working days), the organizations with no page and no exemption, the active pages lacking Госметка or
 * «Госпаблики», and the states chart of «Обзор» inline, drawn from the same figures (controlChartRows).
 * Every cell is escaped; lists are cut so that the letter stays within the mail body limit.
 */
import { addDays, formatRuDate } from './isoDate';
import { escapeHtml, linkHtml } from './htmlEscape';
import {
  htmlTable,
  mailMessage,
  paragraph,
  RESPONSIVE_TABLE_CSS,
  responsiveTable,
  utf8ByteLength,
  type MailMessage,
} from './letter';
import { FIGURE_LABELS, MONTHS, STATES_CHART, type OverviewFigures } from './overview';
import { isActivePage, organizationKey } from './registerCheck';
import { SUMMARY_BODY_LIMIT_BYTES } from './summaryLetter';
import { STATES } from './obligations';
import type { IsoDate, RowAssessment, WorkingCalendar } from './types';

/** The content ID of the chart in the HTML part (<img src="cid:…">). */
export const CONTROL_CHART_CID = 'overviewChart';

/**
 * What the letter's chart shows (STATES_CHART, as on «Обзор»): each state of the register's rows and how many
 * rows are in it, in the order of their first row. Drawn from the same assessment as the letter's figures, so
 * the picture and the text cannot disagree.
 */
export function controlChartRows(figures: OverviewFigures): Array<[string, number]> {
  return figures.states.map((item): [string, number] => [item.state, item.count]);
}

/** The figures the letter compares month to month, in its order. */
export const CONTROL_FIGURES: ReadonlyArray<keyof typeof FIGURE_LABELS> = [
  'activeTotal',
  'gaps',
  'pendingTsur',
  'overdue',
  'overdueDept',
  'overdueCoordinator',
  'noGovMark',
  'noGovPublics',
  'noEsia',
];

const LABEL_OVERRIDES: Partial<Record<keyof typeof FIGURE_LABELS, string>> = {
  activeTotal: 'Действующих официальных страниц',
};

/** What the letter remembers for the next month's comparison. */
export interface ControlSnapshot {
  /** 'YYYY-MM' of the letter. */
  month: string;
  figures: Record<string, number>;
}

export interface LateReporter {
  organization: string;
  events: number;
  /** The worst delay, in working days after the deadline (until the report, or until today while unreported). */
  worstDelay: number;
  /** Some of its events are still not reported. */
  open: boolean;
}

/** Working days after `deadline` up to and including `until`. */
function workingDaysLate(deadline: IsoDate, until: IsoDate, calendar: WorkingCalendar): number {
  let days = 0;
  for (let date = addDays(deadline, 1); date <= until; date = addDays(date, 1))
    if (calendar.isWorkingDay(date)) days += 1;
  return days;
}

/** The first day of the month before `today`'s, and the last. */
/** How the control letter's subject begins (report.json tells the letter's kind by it). */
export const CONTROL_SUBJECT_START = 'Исполнение постановления № 1199: обзор реестра официальных страниц на ';

export function previousMonth(today: IsoDate): { first: IsoDate; last: IsoDate } {
  const first = `${today.slice(0, 8)}01`;
  const last = addDays(first, -1);
  return { first: `${last.slice(0, 8)}01`, last };
}

/**
 * Departments and organizations late to tell the coordinator (п. 3.2.2): events reported late during the
 * previous month, and events still unreported after their deadline. Worst first.
 */
export function lateReporters(
  rows: readonly RowAssessment[],
  today: IsoDate,
  calendar: WorkingCalendar,
): LateReporter[] {
  const { first, last } = previousMonth(today);
  const byOrganization = new Map<string, LateReporter>();
  for (const row of rows) {
    const organization = (row.page.organization ?? '').trim();
    if (organization === '' || row.state === STATES.errors) continue;
    for (const event of row.events) {
      const reportedLastMonth =
        event.deptStatus === 'reportedLate' &&
        event.reportedToDept !== null &&
        event.reportedToDept >= first &&
        event.reportedToDept <= last;
      if (!reportedLastMonth && event.deptStatus !== 'overdue') continue;
      const delay = workingDaysLate(event.deptDeadline, event.reportedToDept ?? today, calendar);
      const key = organizationKey(organization);
      const entry = byOrganization.get(key) ?? { organization, events: 0, worstDelay: 0, open: false };
      entry.events += 1;
      entry.worstDelay = Math.max(entry.worstDelay, delay);
      entry.open ||= event.deptStatus === 'overdue';
      byOrganization.set(key, entry);
    }
  }
  return [...byOrganization.values()].sort(
    (a, b) => b.worstDelay - a.worstDelay || b.events - a.events || (a.organization < b.organization ? -1 : 1),
  );
}

export interface UnmarkedPage {
  organization: string;
  network: string;
  link: string;
  missing: string[];
}

/** Active pages (no filling errors) lacking the «Госорганизация» mark or the «Госпаблики» connection. */
export function unmarkedPages(rows: readonly RowAssessment[]): UnmarkedPage[] {
  return rows
    .filter(
      (row) => isActivePage(row.page) && row.state !== STATES.errors && !(row.page.govMark && row.page.govPublics),
    )
    .map((row) => ({
      organization: (row.page.organization ?? '').trim(),
      network: row.page.network ?? '',
      link: row.page.link ?? '',
      missing: [...(row.page.govMark ? [] : ['Госметка']), ...(row.page.govPublics ? [] : ['«Госпаблики»'])],
    }));
}

export interface ControlLetterInput {
  districtName: string;
  today: IsoDate;
  recipients: readonly string[];
  figures: OverviewFigures;
  previous: ControlSnapshot | null;
  late: readonly LateReporter[];
  unmarked: readonly UnmarkedPage[];
  /** True when the chart goes inline as CONTROL_CHART_CID. */
  withChart: boolean;
  spreadsheetUrl: string;
  /** Defaults to SUMMARY_BODY_LIMIT_BYTES (HTML and text together). */
  bodyLimitBytes?: number;
}

function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

function change(now: number, before: number | undefined): string {
  if (before === undefined) return '—';
  const delta = now - before;
  return delta === 0 ? '0' : delta > 0 ? `+${delta}` : `−${-delta}`;
}

function more(total: number, shown: number): string {
  return total > shown ? `… и ещё ${total - shown}.` : '';
}

function build(input: ControlLetterInput, cap: number): MailMessage {
  const date = formatRuDate(input.today);
  const subject = `${CONTROL_SUBJECT_START}${date}`;
  const previous = input.previous;
  const since = previous === null ? '' : ` (изменение — с письма за ${monthName(previous.month)})`;
  const intro =
    `Ежемесячный обзор для контроля исполнения постановления № 1199 (п. 6), ${input.districtName}, на ${date}${since}. ` +
    'Цифры — те же, что на листе «Обзор» реестра.' +
    (previous === null ? ' Это первое такое письмо: изменения за месяц будут в следующем.' : '');
  const figureRows = CONTROL_FIGURES.map((key) => {
    const now = input.figures.figures[key] ?? 0;
    return {
      label: LABEL_OVERRIDES[key] ?? FIGURE_LABELS[key],
      now,
      change: change(now, previous?.figures[key]),
    };
  });
  const late = input.late.slice(0, cap);
  const gaps = input.figures.organizations.filter((organization) => organization.gap);
  const gapsShown = gaps.slice(0, cap);
  const unmarked = input.unmarked.slice(0, cap);

  const text: string[] = [intro, '', previous === null ? 'Показатели:' : 'Показатели (в скобках — изменение):'];
  for (const row of figureRows) text.push(`  ${row.label}: ${row.now}${previous === null ? '' : ` (${row.change})`}`);
  text.push('', 'Сообщили в отдел с опозданием (за прошлый месяц) или не сообщили до сих пор:');
  if (late.length === 0) text.push('  нет');
  for (const item of late)
    text.push(
      `  ${item.organization}: событий ${item.events}, наибольшая задержка ${item.worstDelay} раб. дн.${item.open ? ' (не сообщено)' : ''}`,
    );
  if (more(input.late.length, late.length)) text.push(`  ${more(input.late.length, late.length)}`);
  text.push('', 'Организации без действующей страницы и без освобождения (п. 4):');
  if (gapsShown.length === 0) text.push('  нет');
  for (const item of gapsShown) text.push(`  ${item.organization}`);
  if (more(gaps.length, gapsShown.length)) text.push(`  ${more(gaps.length, gapsShown.length)}`);
  text.push('', 'Действующие страницы без Госметки или без подключения к «Госпабликам»:');
  if (unmarked.length === 0) text.push('  нет');
  for (const item of unmarked)
    text.push(`  ${item.organization}, ${item.network}: ${item.link} — нет: ${item.missing.join(', ')}`);
  if (more(input.unmarked.length, unmarked.length)) text.push(`  ${more(input.unmarked.length, unmarked.length)}`);
  text.push('', `Реестр: ${input.spreadsheetUrl}`);

  const html = [
    paragraph(intro),
    // No «Изменение» column in the first letter: there is nothing to compare with yet.
    previous === null
      ? htmlTable(
          ['Показатель', 'Сейчас'],
          figureRows.map((row) => ({ cells: [row.label, String(row.now)] })),
        )
      : htmlTable(
          ['Показатель', 'Сейчас', 'Изменение'],
          figureRows.map((row) => ({ cells: [row.label, String(row.now), row.change] })),
        ),
    input.withChart
      ? `<p><img src="cid:${CONTROL_CHART_CID}" alt="${escapeHtml(`Диаграмма «${STATES_CHART.title}»`)}" style="max-width:600px"></p>`
      : '',
    '<h3>Сообщили в отдел с опозданием (за прошлый месяц) или не сообщили до сих пор</h3>',
    late.length === 0
      ? paragraph('Нет.')
      : // Cards on a narrow screen, a table from 600 px (as the ЦУР letter): no sideways scroll on a phone.
        responsiveTable(
          ['Подразделение / организация', 'Событий', 'Наибольшая задержка, раб. дн.'],
          late.map((item, index) => ({
            number: index + 1,
            cells: [item.organization, String(item.events), `${item.worstDelay}${item.open ? ' (не сообщено)' : ''}`],
            highlight: item.open,
          })),
        ),
    paragraph(more(input.late.length, late.length)),
    '<h3>Организации без действующей страницы и без освобождения (п. 4)</h3>',
    gapsShown.length === 0
      ? paragraph('Нет.')
      : `<ul>${gapsShown.map((item) => `<li>${escapeHtml(item.organization)}</li>`).join('')}</ul>`,
    paragraph(more(gaps.length, gapsShown.length)),
    '<h3>Действующие страницы без Госметки или без подключения к «Госпабликам»</h3>',
    unmarked.length === 0
      ? paragraph('Нет.')
      : responsiveTable(
          ['Организация', 'Сеть', 'Страница', 'Нет'],
          // The link is shown as text: the letter goes outside the department, so nothing in it is a live link
          // taken from a cell.
          unmarked.map((item, index) => ({
            number: index + 1,
            cells: [item.organization, item.network, item.link, item.missing.join(', ')],
          })),
        ),
    paragraph(more(input.unmarked.length, unmarked.length)),
    `<p>${linkHtml(input.spreadsheetUrl, 'Открыть реестр')}</p>`,
  ]
    .filter((part) => part !== '' && part !== '<p></p>')
    .join('\n');
  return mailMessage({ to: input.recipients, subject, text: text.join('\n'), html, css: RESPONSIVE_TABLE_CSS });
}

/** The letter; lists are shortened until HTML and text together fit the body limit. */
export function buildControlLetter(input: ControlLetterInput): MailMessage {
  const limit = input.bodyLimitBytes ?? SUMMARY_BODY_LIMIT_BYTES;
  let cap = 200;
  let letter = build(input, cap);
  // Shortened lists before mailMessage's own fallback (the whole letter as an attachment) is needed.
  const tooLarge = (message: MailMessage): boolean =>
    message.attachments.length > 0 || utf8ByteLength(message.htmlBody) + utf8ByteLength(message.body) > limit;
  while (cap > 0 && tooLarge(letter)) {
    cap = Math.floor(cap / 2);
    letter = build(input, cap);
  }
  return letter;
}

/** 'YYYY-MM' of a day. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}
