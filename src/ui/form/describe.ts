/** Russian texts the sidebar shows about a found page and a submit's result. */
import { formatRuDate } from '../../domain/isoDate';
import type { EventAssessment } from '../../domain/types';
import type { FoundPage, SubmitSuccess } from '../../shared/sidebar';

const EVENT_NAMES: Record<EventAssessment['kind'], string> = { creation: 'создание', deletion: 'удаление' };

/** The coordinator, named fully: a department's own «отдел» would read as the person's department. */
const DEPARTMENT = 'отдел массовых коммуникаций';

function day(date: string | null): string {
  if (!date) return '—';
  try {
    return formatRuDate(date);
  } catch {
    return date;
  }
}

/** One line for a page in the search results: organization, network, link, row. */
export function describeFoundPage(page: FoundPage): string {
  const parts = [page.input.organization || 'Без названия'];
  if (page.input.exemptionBasis) parts.push('освобождение (п. 4)');
  else parts.push([page.input.network, page.input.link].filter(Boolean).join(': ') || 'без ссылки');
  if (page.input.deletedOn) parts.push(`удалена ${day(page.input.deletedOn)}`);
  parts.push(`строка ${page.row}`);
  return parts.join(' · ');
}

/** «Состояние · срок ДД.ММ.ГГГГ» of a found page, for the search results and «Мои страницы». */
export function describeFoundState(page: FoundPage, today?: string): string {
  const parts = [page.state || 'Состояние не вычислено'];
  if (page.deadline)
    parts.push(`${today !== undefined && page.deadline < today ? 'срок истёк' : 'срок'} ${day(page.deadline)}`);
  return parts.join(' · ');
}

const EVENT_OF: Record<EventAssessment['kind'], string> = { creation: 'о создании', deletion: 'об удалении' };

/**
 * What remains to happen about an event, in words that ask the clerk nothing: the save itself is the
 * report to the coordinator (п. 3.2.2), who reports to ЦУР (п. 3.1.5).
 */
export function describeEvent(event: EventAssessment, today?: string): string[] {
  const lines: string[] = [];
  if (event.reportedToTsur) lines.push(`ЦУР ${EVENT_OF[event.kind]} сообщено ${day(event.reportedToTsur)}.`);
  // Before the decree came into force no deadline ran: reported once, so neither a date nor a calendar note.
  else if (event.beforeDecree)
    return [
      `Событие до вступления в силу постановления № 1199: срок к нему не применяется, координатор сообщит в ЦУР ${EVENT_OF[event.kind]} один раз.`,
    ];
  // A deadline already past is told as past, never in the future tense.
  else if (today !== undefined && event.tsurDeadline < today)
    lines.push(`Срок сообщения в ЦУР ${EVENT_OF[event.kind]} истёк ${day(event.tsurDeadline)}.`);
  else lines.push(`Координатор сообщит в ЦУР ${EVENT_OF[event.kind]} до ${day(event.tsurDeadline)}.`);
  if (event.provisional) lines.push('Срок предварительный: производственный календарь на этот год не утверждён.');
  return lines;
}

/**
 * Said when a page is opened whose creation or deletion the coordinator was not told of: the save is the
 * report (п. 3.2.2), so the form names it as the action. Null when there is none.
 */
export function describeUnreported(page: FoundPage): string | null {
  if (page.unreported.length === 0) return null;
  const what = page.unreported.map((event) => `${EVENT_NAMES[event.kind]} страницы ${day(event.date)}`).join(' и ');
  return `Координатору не сообщено: ${what}. Нажмите «Сохранить изменения» — это и будет сообщением в ${DEPARTMENT}.`;
}

export interface ResultText {
  title: string;
  lines: string[];
}

/**
 * The one line saying that this save was the report to the coordinator, and that it came late when the
 * department's deadline (п. 3.2.2) had passed.
 */
function reportLine(result: SubmitSuccess): string | null {
  if (result.reported.length === 0) return null;
  const what = result.reported
    .map((reported) => {
      const deadline = result.events.find((event) => event.kind === reported.kind)?.deptDeadline;
      const late = deadline !== undefined && deadline < result.today ? `, с опозданием: срок был ${day(deadline)}` : '';
      return `${EVENT_NAMES[reported.kind]} страницы ${day(reported.date)}${late}`;
    })
    .join('; ');
  // The save is the report (п. 3.2.2): «Сообщено в отдел (…)» is stamped, and nothing is left to do about it.
  return `Сообщено в ${DEPARTMENT} сегодня, ${day(result.today)}: ${what}. Отдельно сообщать не нужно.`;
}

/** A row recording an agreed exemption (п. 4) and no page: not «a page added». */
export function isExemptionOnly(page: FoundPage): boolean {
  return page.input.exemptionBasis.trim() !== '' && page.input.link.trim() === '';
}

/** `sentLink`: the link as the form sent it, to say when the saved one differs (https:// added). */
export function describeSuccess(result: SubmitSuccess, sentLink?: string): ResultText {
  const title = result.repeated
    ? `Эта отправка уже выполнена: строка ${result.row}.`
    : result.created
      ? isExemptionOnly(result.page)
        ? `Освобождение (п. 4) внесено в реестр: строка ${result.row}.`
        : `Страница добавлена в реестр: строка ${result.row}.`
      : result.unchanged
        ? `Изменений нет: строка ${result.row} не менялась.`
        : `Изменения сохранены: строка ${result.row}.`;
  const lines: string[] = [];
  const report = reportLine(result);
  if (report) lines.push(report);
  const saved = result.page.input.link;
  if (sentLink !== undefined && saved && sentLink.trim() !== saved) lines.push(`Ссылка сохранена как ${saved}`);
  const open = result.events.filter((event) => !event.reportedToTsur);
  // The nearest deadline once: not again when it is the ЦУР deadline the next line gives.
  const said = open.some((event) => !event.beforeDecree && event.tsurDeadline === result.deadline);
  const deadline = !result.deadline || said ? '' : result.deadline < result.today ? ', срок истёк' : ', ближайший срок';
  lines.push(`Состояние: ${result.state || '—'}${deadline && `${deadline} ${day(result.deadline)}`}.`);
  for (const event of open) lines.push(...describeEvent(event, result.today));
  if (result.warnings.length > 0) {
    const count = result.warnings.length;
    lines.push(`${count === 1 ? 'Предупреждение' : `Предупреждений: ${count}`} — см. поля, отмеченные ⚠.`);
  }
  lines.push(`ID: ${result.id}`);
  return { title, lines };
}

export { day as formatDay };
