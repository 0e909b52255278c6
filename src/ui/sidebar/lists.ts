/** Search, «Мои страницы», and the hint that a typed link is already in the register. */
import { duplicatePageProblem, registeredPageKeys } from '../../domain/registerCheck';
import { errorText } from '../../shared/errorText';
import type { FoundPage } from '../../shared/sidebar';
import { describeFoundPage, describeFoundState } from '../form/describe';
import { callServer } from '../form/server';
import { byId, control, h } from './dom';
import { refresh } from './messages';
import { openPage, showDuplicate } from './pages';
import { state } from './state';
import { hideDiscardQuestion, unlessUnsaved } from './unsaved';

function renderFound(list: HTMLElement, pages: readonly FoundPage[], idPrefix: string): void {
  list.replaceChildren(
    ...pages.map((page, index) => {
      const button = h('button', { type: 'button', class: 'result-button', id: `${idPrefix}-${index}` }, [
        describeFoundPage(page),
        h('span', { class: 'state' }, [describeFoundState(page, state.init?.today)]),
      ]);
      button.addEventListener('click', () => unlessUnsaved(list, () => openPage(page)));
      return h('li', {}, [button]);
    }),
  );
}

/** «Мои страницы»: the pages whose responsible e-mail is the person's own. */
export async function loadMine(): Promise<void> {
  const status = byId('mine-status');
  try {
    const mine = await callServer('sidebarMyPages');
    renderFound(byId('mine-list'), mine.pages, 'mine');
    status.textContent =
      mine.message ??
      `Страниц, где вы ответственный: ${mine.pages.length}${mine.truncated ? ' (показаны ближайшие по сроку)' : ''}. Нажмите на страницу, чтобы изменить её.`;
  } catch (error) {
    status.textContent = `Не удалось загрузить ваши страницы: ${errorText(error)}`;
  }
}

export async function find(): Promise<void> {
  const query = byId<HTMLInputElement>('find-query').value.trim();
  const status = byId('find-status');
  const results = byId('find-results');
  // A question about a result of the previous search would open a page no longer listed.
  hideDiscardQuestion();
  results.replaceChildren();
  if (!query) {
    status.textContent = 'Введите часть названия организации или ссылку.';
    return;
  }
  status.textContent = 'Поиск…';
  try {
    const found = await callServer('sidebarFind', query);
    if (found.message) {
      status.textContent = found.message;
      return;
    }
    status.textContent =
      found.pages.length === 0
        ? 'Ничего не найдено. Заполните форму ниже, чтобы добавить страницу.'
        : `Найдено: ${found.pages.length}${found.truncated ? ' (показаны первые)' : ''}. Выберите страницу, чтобы изменить её.`;
    renderFound(results, found.pages, 'find-results');
  } catch (error) {
    status.textContent = `Не удалось выполнить поиск: ${errorText(error)}`;
  }
}

/**
 * As soon as a link is entered, asks the register whether the page is already there, so the person
 * can open it instead of typing the rest. (The server checks again on submit, whatever this says.)
 */
export async function checkLinkRegistered(): Promise<void> {
  const extra = state.init?.extraNetworks;
  const link = control('link').value.trim();
  // Every writing of the cell («vk.com/club1; vk.com/public1»), by the rule of the server's check (registerCheck.ts).
  const wanted = registeredPageKeys({ link, deletedOn: null }, extra);
  if (wanted.length === 0 || !state.init) return;
  try {
    const found = await callServer('sidebarFind', link);
    if (control('link').value.trim() !== link) return;
    const other = found.pages.find(
      (page) =>
        page.id !== state.id &&
        registeredPageKeys({ link: page.input.link, deletedOn: page.input.deletedOn || null }, extra).some((key) =>
          wanted.includes(key),
        ),
    );
    if (!other) return;
    state.serverProblems = [
      ...state.serverProblems.filter((problem) => problem.column !== 'link'),
      duplicatePageProblem(other.row),
    ];
    showDuplicate(other);
    refresh();
  } catch {
    // Only a hint: the submit checks again.
  }
}
