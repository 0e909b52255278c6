/**
 * «Сводка для ЦУР»: the preview — recipients, counts, overdue marks, the letter exactly as it will look
 * (in a sandboxed frame) and its plain text. «Отправить сводку» carries the token naming the previewed
 * events in its data-token; src/ui/dialog.ts sends it to summarySend.
 */
import { escapeHtml } from '../domain/htmlEscape';
import type { MailMessage } from '../domain/letter';
import type { SummaryLetter } from '../domain/summaryLetter';
import { actionButton, letterPreview, paragraph, type DialogView } from './dialog';

export const SUMMARY_TITLE = 'Сводка для ЦУР';

export interface SummaryPreviewInput {
  message: MailMessage;
  eventIds: string[];
  token: string;
  overdue: number;
  quota: number;
  layout: SummaryLetter['layout'];
  rowsWithoutId: number[];
  /** Rows left out until corrected, each as a Russian sentence (a repeated page, an «ID» or a stamp with an error). */
  excludedRows: string[];
  /** Organizations left out of the letter's totals: their rows are in error (SummaryTotals.notJudged). */
  notJudged: string[];
  settingsProblems: string[];
}

/** The preview with what the server worked out about the send: the recipients and why it cannot go (quota). */
export interface SummaryPreview extends SummaryPreviewInput {
  recipients: string[];
  refusal: string | null;
}

function fact(text: string, className?: string): string {
  return `<li${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</li>`;
}

export function summaryView(input: SummaryPreview): DialogView {
  const creations = input.eventIds.filter((id) => id.endsWith(':creation')).length;
  const total = input.eventIds.length;
  const facts = [
    fact(`Получатели: ${input.recipients.join(', ') || 'не указаны'}`),
    fact(`Тема: ${input.message.subject}`),
    fact(`Событий: ${total} (создание страниц — ${creations}, удаление — ${total - creations})`),
    input.overdue
      ? fact(`С нарушенным сроком сообщения в ЦУР: ${input.overdue}`, 'overdue')
      : fact('Просроченных событий нет'),
    fact(
      `Получателей, которым сегодня ещё можно отправить письма: ${input.quota} (дневной лимит Google считает получателей)`,
    ),
  ];
  const notes: string[] = [];
  if (input.layout !== 'full') {
    const file = input.message.attachments[0]?.fileName ?? '';
    notes.push(
      paragraph(
        `Список большой: полностью он будет во вложении ${file}, а в тексте письма — итоги` +
          (input.layout === 'overdue' ? ' и события с нарушенным сроком.' : '.'),
        'warning',
      ),
    );
  }
  if (input.rowsWithoutId.length) {
    notes.push(
      paragraph(
        `Строки ${input.rowsWithoutId.join(', ')}: есть несообщённые события, но нет ID — в сводку они не войдут. ` +
          'Запустите «Настроить реестр», чтобы присвоить ID.',
        'warning',
      ),
    );
  }
  for (const row of input.excludedRows) notes.push(paragraph(row, 'warning'));
  if (input.notJudged.length) {
    notes.push(
      paragraph(
        'Не учтены в итогах письма — по ним ошибки в реестре, и нельзя сказать, есть ли у них действующая страница: ' +
          `${input.notJudged.join('; ')}. Исправьте их строки (см. «Проверить реестр»).`,
        'warning',
      ),
    );
  }
  for (const problem of input.settingsProblems) notes.push(paragraph(problem, 'warning'));
  if (input.refusal) notes.push(paragraph(input.refusal, 'error'));
  const body = [
    `<ul class="facts">${facts.join('')}</ul>`,
    ...notes,
    '<h2>Письмо</h2>',
    letterPreview(input.message.htmlBody, input.message.body),
    paragraph('Даты «Сообщено в ЦУР» будут поставлены только после того, как письмо будет принято к отправке.'),
  ].join('\n');
  return {
    title: SUMMARY_TITLE,
    body,
    actions: input.refusal ? '' : actionButton('Отправить сводку', 'send-summary', { token: input.token }, true),
    closeLabel: 'Отмена',
    width: 960,
    height: 680,
  };
}
