/** Saving: the checks before the save, the question about a changed address, the server's answer shown. */
import { pageLinkKeys } from '../../domain/links';
import type { PageInput } from '../../domain/types';
import { errorText } from '../../shared/errorText';
import type { SubmitFailure, SubmitSuccess } from '../../shared/sidebar';
import { type ResultText, describeSuccess, isExemptionOnly } from '../form/describe';
import { fingerprint, firstErrorField } from '../form/model';
import { callServer } from '../form/server';
import { byId, control, h } from './dom';
import { fillForm, readForm, setMode } from './formView';
import { find, loadMine } from './lists';
import { countErrors, refresh, setStatus } from './messages';
import { anotherPageWithAddress, hideQuestion, showDuplicate, showUnreported } from './pages';
import { guard, state } from './state';
import { hasUnsavedChanges, markClean } from './unsaved';

export function updateSubmitButton(): void {
  const submit = byId<HTMLButtonElement>('submit');
  submit.disabled = guard.busy || !state.init?.user.canSubmit;
  submit.setAttribute('aria-disabled', String(submit.disabled));
}

function showResult(text: ResultText): void {
  const section = byId('result');
  section.className = 'result success';
  byId('result-title').textContent = text.title;
  byId('result-lines').replaceChildren(...text.lines.map((line) => h('li', {}, [line])));
  byId('result-next').hidden = true;
  section.hidden = false;
}

/**
 * The last save's answer goes once the form no longer holds what was saved: «Изменения сохранены» beside
 * a deletion date just put in (and not yet saved) read as if the deletion were saved.
 */
export function hideResultOnceChanged(): void {
  const section = byId('result');
  if (!section.hidden && hasUnsavedChanges()) section.hidden = true;
}

function onSuccess(result: SubmitSuccess, sent: PageInput, keptRow: number | null): void {
  fillForm(result.page.input);
  setMode(result.id, result.row);
  state.original = result.page.input;
  markClean();
  state.unreadable = result.page.unreadable;
  state.serverProblems = result.warnings;
  state.showAll = true;
  state.counting = false;
  state.typed = new Set();
  showDuplicate(null);
  showUnreported(result.page);
  hideQuestion();
  const organizations = state.init?.organizations;
  if (organizations && !organizations.some((organization) => organization.name === result.page.input.organization)) {
    organizations.push({ name: result.page.input.organization, orgKind: result.page.input.orgKind || null });
    byId('org-list').append(h('option', { value: result.page.input.organization }));
  }
  refresh();
  setStatus(result.unchanged ? 'Изменений нет.' : 'Сохранено.', 'success');
  const text = describeSuccess(result, sent.link);
  if (keptRow !== null) text.lines.unshift(`Прежняя страница осталась в строке ${keptRow}.`);
  showResult(text);
  byId('result-next').hidden = false;
  // An exemption (п. 4) has no page: there is no «another page» of it to add.
  byId('add-same-org').hidden = isExemptionOnly(result.page);
  byId('result').focus();
  void loadMine();
  // A search listed before the save shows the register as it was (the old link, say): asked again.
  if (byId('find-results').childElementCount > 0) void find();
}

function onRefused(result: SubmitFailure): void {
  state.serverProblems = result.problems;
  state.showAll = true;
  showDuplicate(result.duplicate);
  const messages = refresh();
  // Said once, in the status line by the button; the fields say the rest next to themselves.
  setStatus(`${result.message} Введённые данные остались в форме.`, 'error');
  // From the next edit on, the status line counts the field errors left.
  state.counting = messages.errorCount > 0;
  const first = firstErrorField(messages);
  if (result.duplicate) byId('open-duplicate').focus();
  else if (first) control(first).focus();
  else byId('submit-status').focus();
}

/**
 * The page's link or network changed: the same page with a new address, or another page of the
 * organization? Asked before a save, so that a second page never silently replaces the first.
 */
function addressChanged(input: PageInput): boolean {
  const original = state.original;
  if (!state.id || original === null || original.link.trim() === '' || input.link.trim() === '') return false;
  const extra = state.init?.extraNetworks;
  // The same writings of the page, in any order («vk.com/club1; vk.com/shpak» is «vk.com/public1; vk.com/shpak»).
  const keys = (link: string): string => {
    const found = pageLinkKeys(link, extra);
    return found.length > 0 ? [...found].sort().join(' ') : link.trim();
  };
  const sameLink = keys(input.link) === keys(original.link);
  return !sameLink || input.network !== original.network;
}

function askAboutAddress(input: PageInput): void {
  const original = state.original;
  const box = byId('link-question');
  const address = (page: PageInput | null): string =>
    `${page?.network || 'сеть не указана'}, ${page?.link.trim() ?? ''}`;
  byId('link-question-text').textContent =
    `Изменена ссылка или сеть страницы из строки ${state.row ?? '—'}: было «${address(original)}», стало «${address(input)}». Это та же страница или другая?`;
  byId('same-page').textContent = `Та же страница, новый адрес: изменить строку ${state.row ?? ''}`.trim();
  box.hidden = false;
  setStatus('Не сохранено: ответьте на вопрос над кнопкой.', 'error');
  byId('link-question-text').focus();
}

export async function submit(answer: 'same' | 'other' | null = null): Promise<void> {
  if (guard.busy || !state.init) return;
  state.showAll = true;
  state.serverProblems = [];
  hideQuestion();
  const messages = refresh();
  if (messages.errorCount > 0 || messages.general.some((problem) => problem.severity === 'error')) {
    state.counting = messages.errorCount > 0;
    if (state.counting) countErrors(messages);
    else setStatus('Не сохранено: исправьте ошибки.', 'error');
    const first = firstErrorField(messages);
    if (first) control(first).focus();
    return;
  }
  const input = readForm();
  if (answer === null && addressChanged(input)) {
    askAboutAddress(input);
    return;
  }
  // «Другая страница»: a new row from the form; the page the form was opened on stays as it is.
  const asNew = answer === 'other';
  if (asNew && state.original !== null && input.createdOn === state.original.createdOn) {
    anotherPageWithAddress(input);
    return;
  }
  const keptRow = asNew ? state.row : null;
  if (asNew) input.id = '';
  const requestId = guard.begin(fingerprint(input));
  if (requestId === null) return;
  const app = byId('app');
  app.setAttribute('aria-busy', 'true');
  updateSubmitButton();
  byId('result').hidden = true;
  setStatus('Сохранение…');
  try {
    const original = state.id && !asNew ? state.original : null;
    const result = await callServer('sidebarSubmit', input, requestId, original);
    guard.end(true);
    if (result.ok) onSuccess(result, input, keptRow);
    else onRefused(result);
  } catch (error) {
    guard.end(false);
    setStatus(
      `Не удалось сохранить: ${errorText(error)}. Введённые данные остались в форме — попробуйте ещё раз.`,
      'error',
    );
    byId('submit-status').focus();
  } finally {
    app.removeAttribute('aria-busy');
    updateSubmitButton();
  }
}
