/** «Самопроверка»: each assumption of the add-on about Google, passed (✓) or not (✗), failures first named. */
import { escapeHtml } from '../domain/htmlEscape';
import { paragraph, type DialogView } from './dialog';

export const SELF_CHECK_TITLE = 'Самопроверка';

export interface SelfCheckItem {
  name: string;
  ok: boolean;
  details: string;
}

export function selfCheckView(items: readonly SelfCheckItem[]): DialogView {
  const failed = items.filter((entry) => !entry.ok).length;
  const head =
    failed === 0
      ? paragraph(`Всё в порядке: проверок ${items.length}.`, 'ok')
      : paragraph(`Не пройдено: ${failed} из ${items.length}. Подробности — ниже и в «Журнале».`, 'error');
  const list = items
    .map(
      (entry) =>
        `<li>${entry.ok ? '<span aria-label="пройдено">✓</span>' : '<span class="failed" aria-label="не пройдено">✗</span>'} ` +
        `<b>${escapeHtml(entry.name)}</b>: ${escapeHtml(entry.details)}</li>`,
    )
    .join('');
  return { title: SELF_CHECK_TITLE, body: `${head}<ul class="facts">${list}</ul>`, width: 760, height: 600 };
}
