/**
 * The preview dialog of the ЦУР summary: recipients, counts, overdue marks, the letter exactly as it will
 * look (in a sandboxed frame) and its plain-text version; «Отправить» calls summarySend with the token
 * naming the previewed events. Pure: builds the page string.
 */
import { escapeHtml } from '../../domain/htmlEscape';
import type { MailMessage } from '../../domain/letter';
import type { SummaryLetter } from '../../domain/summary';
import { dialogPage } from './dialogPage';
import { quotaRefusal, recipientsOf } from '../platform/mail';

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
  /** Organisations left out of the letter's totals: their rows are in error (SummaryTotals.notJudged). */
  notJudged: string[];
  settingsProblems: string[];
}

const CLIENT_SCRIPT = `
(function () {
  var send = document.getElementById('send');
  var cancel = document.getElementById('cancel');
  var status = document.getElementById('status');
  function show(text, kind) { status.textContent = text; status.className = kind; status.hidden = false; }
  cancel.addEventListener('click', function () { google.script.host.close(); });
  if (!send) return;
  send.addEventListener('click', function () {
    send.disabled = true;
    show('Отправка…', 'warning');
    google.script.run
      .withSuccessHandler(function (result) {
        show(result.message, result.ok ? 'ok' : result.status === 'nothing' ? 'warning' : 'error');
        if (result.retry) send.disabled = false;
        cancel.textContent = 'Закрыть';
        cancel.focus();
      })
      .withFailureHandler(function (error) {
        show('Не удалось выполнить отправку: ' + (error && error.message ? error.message : error) +
          '. Закройте окно и откройте «Сводка для ЦУР…» заново: уже сообщённые события повторно не отправятся.', 'error');
        cancel.textContent = 'Закрыть';
      })
      .summarySend(send.getAttribute('data-token'));
  });
})();
`;

function li(text: string, className = ''): string {
  return `<li${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</li>`;
}

export function summaryPreviewPage(input: SummaryPreviewInput): string {
  const recipients = recipientsOf(input.message);
  const refusal = quotaRefusal(recipients.length, input.quota);
  const creations = input.eventIds.filter((id) => id.endsWith(':creation')).length;
  const total = input.eventIds.length;
  const facts = [
    li(`Получатели: ${recipients.join(', ')}`),
    li(`Тема: ${input.message.subject}`),
    li(`Событий: ${total} (создание страниц — ${creations}, удаление — ${total - creations})`),
    input.overdue
      ? li(`С нарушенным сроком сообщения в ЦУР: ${input.overdue}`, 'overdue')
      : li('Просроченных событий нет'),
    li(
      `Получателей, которым сегодня ещё можно отправить письма: ${input.quota} (дневной лимит Google считает получателей)`,
    ),
  ];
  const notes: string[] = [];
  if (input.layout !== 'full') {
    const file = input.message.attachments[0]?.fileName ?? '';
    notes.push(
      `<p class="warning">${escapeHtml(
        `Список большой: полностью он будет во вложении ${file}, а в тексте письма — итоги` +
          (input.layout === 'overdue' ? ' и события с нарушенным сроком.' : '.'),
      )}</p>`,
    );
  }
  if (input.rowsWithoutId.length) {
    notes.push(
      `<p class="warning">${escapeHtml(
        `Строки ${input.rowsWithoutId.join(', ')}: есть несообщённые события, но нет ID — в сводку они не войдут. ` +
          'Запустите «Настроить реестр», чтобы присвоить ID.',
      )}</p>`,
    );
  }
  for (const row of input.excludedRows) notes.push(`<p class="warning">${escapeHtml(row)}</p>`);
  if (input.notJudged.length) {
    notes.push(
      `<p class="warning">${escapeHtml(
        'Не учтены в итогах письма — по ним ошибки в реестре, и нельзя сказать, есть ли у них действующая страница: ' +
          `${input.notJudged.join('; ')}. Исправьте их строки (см. «Проверить реестр»).`,
      )}</p>`,
    );
  }
  for (const problem of input.settingsProblems) notes.push(`<p class="warning">${escapeHtml(problem)}</p>`);
  if (refusal) notes.push(`<p class="error">${escapeHtml(refusal)}</p>`);
  const sendButton = refusal
    ? ''
    : `<button id="send" class="primary" data-token="${escapeHtml(input.token)}">Отправить сводку</button>`;
  const body = [
    `<ul class="facts">${facts.join('')}</ul>`,
    ...notes,
    '<h3>Письмо</h3>',
    `<iframe class="letter" sandbox="" title="Письмо" srcdoc="${escapeHtml(input.message.htmlBody)}"></iframe>`,
    `<details><summary>Текстовая версия письма</summary><pre>${escapeHtml(input.message.body)}</pre></details>`,
    '<p>Даты «Сообщено в ЦУР» будут поставлены только после того, как письмо будет принято к отправке.</p>',
    '<p id="status" hidden role="status"></p>',
    `<div class="buttons">${sendButton}<button id="cancel">Отмена</button></div>`,
  ].join('\n');
  return dialogPage('Сводка для ЦУР', body, CLIENT_SCRIPT);
}
