/** Russian texts the sidebar shows about a found page and a submit's result. */
import { formatRuDate } from '../../domain/isoDate';
import type { EventAssessment } from '../../domain/types';
import type { FoundPage, SubmitFailure, SubmitSuccess } from '../../gas/sidebar';

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

/** One line for a page in the search results: organisation, network, link, row. */
export function describeFoundPage(page: FoundPage): string {
  const parts = [page.input.organization || 'Без названия'];
  if (page.input.exemptionBasis) parts.push('освобождение (п. 4)');
  else parts.push([page.input.network, page.input.link].filter(Boolean).join(': ') || 'без ссылки');
  if (page.input.deletedOn) parts.push(`удалена ${day(page.input.deletedOn)}`);
  parts.push(`строка ${page.row}`);
  return parts.join(' · ');
}

export function describeEvent(event: EventAssessment): string[] {
  const lines = [`${capitalise(EVENT_NAMES[event.kind])} ${day(event.date)}:`];
  lines.push(
    event.reportedToDept
      ? `сообщено в ${DEPARTMENT} ${day(event.reportedToDept)} (срок ${day(event.deptDeadline)})`
      : `сообщить в ${DEPARTMENT} до ${day(event.deptDeadline)}`,
  );
  lines.push(
    event.reportedToTsur
      ? `сообщено в ЦУР ${day(event.reportedToTsur)} (срок ${day(event.tsurDeadline)})`
      : `координатор сообщает в ЦУР до ${day(event.tsurDeadline)}`,
  );
  if (event.provisional) lines.push('срок предварительный: производственный календарь на этот год не утверждён');
  return lines;
}

export interface ResultText {
  title: string;
  lines: string[];
}

export function describeSuccess(result: SubmitSuccess): ResultText {
  const title = result.repeated
    ? `Эта отправка уже выполнена: строка ${result.row}.`
    : result.created
      ? `Страница добавлена в реестр: строка ${result.row}.`
      : `Изменения сохранены: строка ${result.row}.`;
  const lines = [`ID: ${result.id}`, `Состояние: ${result.state || '—'}`];
  if (result.deadline) lines.push(`Ближайший срок: ${day(result.deadline)}`);
  for (const event of result.events) {
    const [head, ...rest] = describeEvent(event);
    lines.push(`${head} ${rest.join('; ')}`);
  }
  for (const warning of result.warnings) lines.push(`Обратите внимание: ${warning.message}`);
  return { title, lines };
}

export function describeFailure(result: SubmitFailure): ResultText {
  const lines = result.duplicate ? [`Уже в реестре: ${describeFoundPage(result.duplicate)}`] : [];
  return { title: result.message, lines };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export { day as formatDay };
