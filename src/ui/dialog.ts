/**
 * The client of every dialog (build/Dialog.html): one generic handler for the buttons and links the
 * views of src/views put in, by their data-action. The server is called only through the typed
 * callServer. Opened from disk (out/dialogs/, no google.script), the page says that its buttons need
 * the spreadsheet.
 */
import { errorText } from '../shared/errorText';
import { callServer } from './form/server';

declare const google: { script?: { host?: { close(): void } } } | undefined;

const OFFLINE = typeof google === 'undefined' || !google.script;
const OFFLINE_MESSAGE = 'Страница открыта не из Google Таблиц: эта кнопка работает только в таблице.';

function status(text: string, kind: 'ok' | 'error' | '' = ''): void {
  const element = document.getElementById('dialog-status');
  if (!element) return;
  element.textContent = text;
  element.className = `status${kind ? ` ${kind}` : ''}`;
}

function close(): void {
  if (OFFLINE || !google?.script?.host) {
    status(OFFLINE_MESSAGE);
    return;
  }
  google.script.host.close();
}

function selectCell(link: HTMLElement): void {
  const sheet = link.dataset.sheet ?? '';
  const cell = link.dataset.cell ?? '';
  if (OFFLINE) {
    status(`${OFFLINE_MESSAGE} Ячейка: ${sheet}!${cell}.`);
    return;
  }
  callServer('dialogSelectCell', sheet, cell).then(
    (result) => status(result.message, result.ok ? '' : 'error'),
    (error: unknown) => status(`Не удалось выделить ячейку: ${errorText(error)}`, 'error'),
  );
}

function sendSummary(button: HTMLButtonElement): void {
  if (OFFLINE) {
    status(OFFLINE_MESSAGE);
    return;
  }
  const closeButton = document.getElementById('close');
  button.disabled = true;
  status('Отправка…');
  const finished = (): void => {
    if (closeButton) closeButton.textContent = 'Закрыть';
    closeButton?.focus();
  };
  callServer('summarySend', button.dataset.token ?? '').then(
    (result) => {
      status(result.message, result.ok ? 'ok' : result.status === 'nothing' ? '' : 'error');
      if (result.retry) button.disabled = false;
      finished();
    },
    (error: unknown) => {
      status(
        `Не удалось выполнить отправку: ${errorText(error)}. Закройте окно и откройте «Сводка для ЦУР…» заново: ` +
          'уже сообщённые события повторно не отправятся.',
        'error',
      );
      finished();
    },
  );
}

function copy(button: HTMLElement): void {
  const area = document.getElementById(button.dataset.target ?? '');
  if (!(area instanceof HTMLTextAreaElement)) return;
  const label = button.textContent ?? '';
  const done = (): void => {
    status(`${label}: скопировано.`, 'ok');
  };
  area.focus();
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  if (copied) {
    done();
    return;
  }
  const fallback = (): void => status('Текст выделен: нажмите Ctrl+C, чтобы скопировать.');
  if (navigator.clipboard) navigator.clipboard.writeText(area.value).then(done, fallback);
  else fallback();
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
  if (!target) return;
  const action = target.dataset.action;
  if (action === 'close') close();
  else if (action === 'select-cell') {
    event.preventDefault();
    selectCell(target);
  } else if (action === 'send-summary' && target instanceof HTMLButtonElement) sendSummary(target);
  else if (action === 'copy') copy(target);
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') close();
});

if (OFFLINE) document.body.classList.add('offline');
