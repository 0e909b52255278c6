/**
 * The sidebar «Добавить или изменить страницу…»: find a page, fill in the form, submit. The form is
 * checked as the person types by the domain's validatePageInput — the same function the server runs
 * again on submit. All text the person sees is in Russian. This file wires the events; the jobs are in
 * src/ui/sidebar/ (dom, state, formView, messages, pages, lists, submit).
 */
import { networkForUrl } from '../domain/links';
import { errorText } from '../shared/errorText';
import type { SidebarInitResult } from '../shared/sidebar';
import { formatDay } from './form/describe';
import { FIELDS, type FieldKey } from './form/fields';
import { readTypedDate, shownDate } from './form/ruDate';
import { callServer } from './form/server';
import { byId, control, h } from './sidebar/dom';
import { fillOptions, renderForm, setMode, setSelect } from './sidebar/formView';
import { checkLinkRegistered, find, loadMine } from './sidebar/lists';
import { refresh, setStatus } from './sidebar/messages';
import { anotherPageOfOrganization, hideQuestion, newPage, showDuplicate } from './sidebar/pages';
import { state } from './sidebar/state';
import { hideResultOnceChanged, submit, updateSubmitButton } from './sidebar/submit';
import { initDiscardQuestion, markClean, unlessUnsaved } from './sidebar/unsaved';

function applyInit(init: SidebarInitResult): void {
  state.init = init;
  fillOptions(control('orgKind') as HTMLSelectElement, init.orgKinds);
  fillOptions(control('network') as HTMLSelectElement, init.networks);
  const list = byId('org-list');
  list.replaceChildren(...init.organizations.map((organization) => h('option', { value: organization.name })));
  byId('app').removeAttribute('aria-busy');
  if (init.user.canSubmit) {
    setStatus('');
  } else {
    setStatus(init.user.reason ?? 'У вас нет права изменять реестр.', 'error');
  }
  updateSubmitButton();
  refresh();
  void loadMine();
}

function onFieldEvent(event: Event, touch: boolean, edited: boolean): void {
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.id.startsWith('f-')) return;
  const key = target.getAttribute('name') as FieldKey | null;
  if (!key) return;
  if (edited && event.type === 'input') state.typed.add(key);
  // Leaving a field judges it only once the person has typed in it; a change of a list or a flag does at once.
  if (touch && (edited || state.typed.has(key))) state.touched.add(key);
  if (!edited && touch) reformatDate(key);
  if (edited && state.serverProblems.length > 0) {
    state.serverProblems = state.serverProblems.filter((problem) => problem.column !== key);
    if (key === 'link') showDuplicate(null);
  }
  if (key === 'link' && touch && edited) {
    suggestNetwork();
    void checkLinkRegistered();
  }
  if (edited) hideResultOnceChanged();
  refresh();
}

/** A date the form understood is shown as ДД.ММ.ГГГГ once the person leaves the field. */
function reformatDate(key: FieldKey): void {
  const spec = FIELDS.find((candidate) => candidate.key === key);
  if (spec?.control !== 'date') return;
  const element = control(key);
  const day = readTypedDate(element.value);
  if (day !== null) element.value = shownDate(day);
}

/** Fills in the network from the link's host when the person has not chosen one. */
function suggestNetwork(): void {
  const network = control('network') as HTMLSelectElement;
  if (network.value) return;
  const detected = networkForUrl(control('link').value, state.init?.extraNetworks);
  if (detected) setSelect(network, detected);
}

function onOrganizationPicked(): void {
  const name = control('organization').value.trim();
  const kind = control('orgKind') as HTMLSelectElement;
  const known = state.init?.organizations.find((organization) => organization.name === name);
  if (known?.orgKind && !kind.value) setSelect(kind, known.orgKind);
}

function start(): void {
  renderForm();
  setMode('', null);
  markClean();
  const form = byId<HTMLFormElement>('page-form');
  form.addEventListener('input', (event) => onFieldEvent(event, false, true));
  form.addEventListener('change', (event) => onFieldEvent(event, true, true));
  form.addEventListener('focusout', (event) => {
    const target = event.target;
    if (target instanceof HTMLElement && target.id.startsWith('f-') && !(target instanceof HTMLButtonElement)) {
      onFieldEvent(event, true, false);
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  control('organization').addEventListener('change', onOrganizationPicked);
  const blankForm = (): void => {
    newPage();
    control('organization').focus();
  };
  // Each of these replaces what the form holds: asked first when it holds unsaved changes.
  const guarded = (id: string, action: () => void): void => {
    const button = byId(id);
    button.addEventListener('click', () => unlessUnsaved(button, action));
  };
  guarded('new-page', blankForm);
  guarded('new-org', blankForm);
  guarded('add-same-org', anotherPageOfOrganization);
  initDiscardQuestion();
  byId('same-page').addEventListener('click', () => void submit('same'));
  byId('other-page').addEventListener('click', () => void submit('other'));
  byId('question-cancel').addEventListener('click', () => {
    hideQuestion();
    setStatus('Не сохранено. Верните прежнюю ссылку или сохраните снова.');
    control('link').focus();
  });
  // Esc on the address question is «Отмена», as Esc on the unsaved-changes question is its «back».
  byId('link-question').addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    byId('question-cancel').click();
  });
  byId('mark-deleted').addEventListener('click', () => {
    const today = state.init?.today;
    if (!today) return;
    const deleted = control('deletedOn') as HTMLInputElement;
    deleted.value = formatDay(today);
    state.touched.add('deletedOn');
    hideResultOnceChanged();
    refresh();
    setStatus(`Дата удаления: ${formatDay(today)}. Нажмите «Сохранить изменения».`);
    deleted.focus();
  });
  byId<HTMLFormElement>('find-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void find();
  });
  refresh();
  callServer('sidebarInit')
    .then(applyInit)
    .catch((error: unknown) => {
      byId('app').removeAttribute('aria-busy');
      setStatus(
        `Не удалось загрузить данные реестра: ${errorText(error)}. Закройте панель и откройте её снова.`,
        'error',
      );
    });
}

start();
