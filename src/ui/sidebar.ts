/**
 * The sidebar «Добавить или изменить страницу…»: find a page, fill in the form, submit. The form is
 * checked as the person types by the domain's validatePageInput — the same function the server runs
 * again on submit. All text the person sees is in Russian.
 */
import { validatePageInput } from '../domain/schemas';
import { networkForUrl, normalizeLink } from '../domain/links';
import { LINK_ERASED, linkAsSaved } from '../domain/linkInput';
import type { PageInput, Problem } from '../domain/types';
import type { FoundPage, SidebarInitResult, SubmitFailure, SubmitSuccess, UnreadableCells } from '../shared/sidebar';
import {
  describeFailure,
  describeFoundPage,
  describeFoundState,
  describeSuccess,
  formatDay,
  type ResultText,
} from './form/describe';
import { longRuDate, readTypedDate, shownDate } from './form/ruDate';
import { FIELDS, GROUPS, fieldIds, isCheckboxKey, type FieldKey, type FieldSpec } from './form/fields';
import {
  emptyInput,
  fingerprint,
  firstErrorField,
  isExemption,
  plural,
  problemsOf,
  requiredFields,
  visibleMessages,
  type Messages,
  type ValidateOptions,
} from './form/model';
import { callServer } from './form/server';
import { errorText } from '../shared/errorText';
import { SubmitGuard, randomRequestId } from './form/submitGuard';

interface State {
  init: SidebarInitResult | null;
  /** The page being edited: its ID and the row it was in when last seen (shown only). */
  id: string;
  row: number | null;
  /** What the form was given for that page: the server writes only the fields that differ from it. */
  original: PageInput | null;
  /** Cells of that page the form cannot show («удалена в марте» in a date column), with what to say. */
  unreadable: UnreadableCells;
  touched: Set<FieldKey>;
  /** Fields the person typed in: only these are judged when the focus leaves them. */
  typed: Set<FieldKey>;
  showAll: boolean;
  /** After a refused submit the status line counts the errors left, and updates as they are fixed. */
  counting: boolean;
  /** Problems the server reported for the current input; cleared as soon as the person edits. */
  serverProblems: Problem[];
}

const state: State = {
  init: null,
  id: '',
  row: null,
  original: null,
  unreadable: {},
  touched: new Set(),
  typed: new Set(),
  showAll: false,
  counting: false,
  serverProblems: [],
};

const guard = new SubmitGuard(randomRequestId);

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Нет элемента #${id}`);
  return element as T;
}

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  children: Array<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) element.append(child);
  return element;
}

/** Sets a text only when it changes: rewriting the same text moves the page under the pointer (scroll anchoring). */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function control(key: FieldKey): Control {
  return byId<Control>(fieldIds(key).control);
}

// ---------------------------------------------------------------- rendering the form

function renderControl(spec: FieldSpec): Control {
  const ids = fieldIds(spec.key);
  const common = {
    id: ids.control,
    name: spec.key,
    'aria-describedby': describedBy(spec),
  };
  switch (spec.control) {
    case 'select':
      return h('select', common);
    case 'textarea':
      // No maxlength: the browser would cut a pasted text without a word; the counter and the check say it instead.
      return h('textarea', { ...common, rows: '2' });
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox' });
    default: {
      // Dates are text fields: a browser's own date control follows its language (mm/dd/yyyy in English).
      const type = { text: 'text', organization: 'text', url: 'url', date: 'text', email: 'email' }[spec.control];
      return h('input', {
        ...common,
        type,
        autocomplete: spec.autocomplete,
        inputmode: spec.inputMode,
        placeholder: spec.control === 'date' ? 'ДД.ММ.ГГГГ' : undefined,
        list: spec.control === 'organization' ? 'org-list' : undefined,
        spellcheck: spec.control === 'url' || spec.control === 'email' ? 'false' : undefined,
      });
    }
  }
}

/** The field's own lines: the message, then what the form understood (a date, a link) or the characters left. */
function describedBy(spec: FieldSpec): string {
  const ids = fieldIds(spec.key);
  return [
    ids.message,
    hasEcho(spec) ? `${ids.control}-echo` : '',
    spec.maxLength ? `${ids.control}-count` : '',
    ids.hint,
  ]
    .filter(Boolean)
    .join(' ');
}

function hasEcho(spec: FieldSpec): boolean {
  return spec.control === 'date' || spec.control === 'url';
}

function renderField(spec: FieldSpec): HTMLElement {
  const ids = fieldIds(spec.key);
  const input = renderControl(spec);
  const label = h('label', { for: ids.control, id: `${ids.control}-label` }, [
    spec.label,
    h('span', { class: 'req', 'aria-hidden': 'true', hidden: true }, [' *']),
  ]);
  const hint = h('p', { id: ids.hint, class: 'hint' }, [spec.hint]);
  const message = h('p', { id: ids.message, class: 'msg' });
  const wrapper = h('div', { class: `field field-${spec.control}`, id: `${ids.control}-field` });
  const extra: HTMLElement[] = [];
  if (hasEcho(spec)) extra.push(h('p', { id: `${ids.control}-echo`, class: 'echo' }));
  if (spec.maxLength) extra.push(h('p', { id: `${ids.control}-count`, class: 'count' }));
  if (spec.control === 'checkbox') wrapper.append(h('div', { class: 'check' }, [input, label]), message, hint);
  else wrapper.append(label, input, message, ...extra, hint);
  if (spec.key === 'link') wrapper.append(h('div', { id: 'duplicate', class: 'duplicate', hidden: true }));
  if (spec.key === 'deletedOn') {
    wrapper.append(
      h('button', { type: 'button', id: 'mark-deleted', class: 'secondary', hidden: true }, ['Отметить как удалённую']),
    );
  }
  return wrapper;
}

function renderForm(): void {
  const groups = byId('groups');
  for (const group of GROUPS) {
    const fieldset = h('fieldset', { id: `group-${group.key}` }, [h('legend', {}, [group.legend])]);
    if (group.key === 'page') {
      fieldset.append(
        h('p', { id: 'exemption-note', class: 'note', hidden: true }, [
          'Указано основание освобождения (п. 4): поля страницы можно не заполнять.',
        ]),
      );
    }
    for (const spec of FIELDS.filter((candidate) => candidate.group === group.key)) fieldset.append(renderField(spec));
    groups.append(fieldset);
  }
  groups.append(h('datalist', { id: 'org-list' }));
}

function fillOptions(select: HTMLSelectElement, values: readonly string[]): void {
  const current = select.value;
  select.replaceChildren(h('option', { value: '' }, ['— не выбрано —']));
  for (const value of values) select.append(h('option', { value }, [value]));
  if (current && !values.includes(current)) select.append(h('option', { value: current }, [current]));
  select.value = current;
}

/** Sets a select's value, adding the value as an option when the list does not have it (an old row). */
function setSelect(select: HTMLSelectElement, value: string): void {
  if (value && ![...select.options].some((option) => option.value === value)) {
    select.append(h('option', { value }, [value]));
  }
  select.value = value;
}

function applyInit(init: SidebarInitResult): void {
  state.init = init;
  fillOptions(control('orgKind') as HTMLSelectElement, init.orgKinds);
  fillOptions(control('network') as HTMLSelectElement, init.networks);
  const list = byId('org-list');
  list.replaceChildren(...init.organisations.map((organisation) => h('option', { value: organisation.name })));
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

// ---------------------------------------------------------------- reading and writing the form

function readForm(): PageInput {
  const input = emptyInput();
  input.id = state.id;
  for (const spec of FIELDS) {
    const element = control(spec.key);
    if (isCheckboxKey(spec.key)) input[spec.key] = (element as HTMLInputElement).checked;
    else if (spec.control === 'date') input[spec.key] = readTypedDate(element.value) ?? element.value.trim();
    else input[spec.key] = element.value;
  }
  return input;
}

function fillForm(input: PageInput): void {
  for (const spec of FIELDS) {
    const element = control(spec.key);
    if (isCheckboxKey(spec.key)) (element as HTMLInputElement).checked = input[spec.key];
    else if (element instanceof HTMLSelectElement) setSelect(element, input[spec.key]);
    else if (spec.control === 'date') element.value = shownDate(input[spec.key]);
    else element.value = input[spec.key];
  }
}

function setMode(id: string, row: number | null): void {
  state.id = id;
  state.row = row;
  const title = byId('form-title');
  const detail = byId('form-mode-detail');
  const submit = byId<HTMLButtonElement>('submit');
  if (id) {
    title.textContent = 'Изменение страницы';
    detail.textContent = row ? `ID ${id}, строка ${row}` : `ID ${id}`;
    submit.textContent = 'Сохранить изменения';
  } else {
    title.textContent = 'Новая страница';
    detail.textContent = '';
    submit.textContent = 'Добавить в реестр';
  }
  byId('new-page').hidden = !id;
  byId('mark-deleted').hidden = !id;
}

// ---------------------------------------------------------------- messages

function setStatus(text: string, kind: 'info' | 'error' | 'success' = 'info'): void {
  const status = byId('submit-status');
  setText(status, text);
  status.className = `status ${kind === 'info' ? '' : kind}`.trim();
}

function showMessages(messages: Messages): void {
  for (const spec of FIELDS) {
    const ids = fieldIds(spec.key);
    const message = messages.fields[spec.key];
    const element = byId(ids.message);
    const input = control(spec.key);
    setText(element, message ? message.text : '');
    element.className = message ? `msg ${message.severity}` : 'msg';
    byId(`${ids.control}-field`).classList.toggle('invalid', message?.severity === 'error');
    if (message?.severity === 'error') input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  const general = byId('form-errors');
  setText(general, messages.general.map((problem) => problem.message).join(' '));
}

function validationOptions(): ValidateOptions | null {
  return state.init ? { today: state.init.today, extraNetworks: state.init.extraNetworks } : null;
}

function updateRequired(input: PageInput): void {
  const exemption = isExemption(input);
  const options = validationOptions();
  const required = options ? requiredFields(validatePageInput, options, input) : new Set<FieldKey>();
  for (const spec of FIELDS) {
    const isRequired = required.has(spec.key);
    const marker = byId(`${fieldIds(spec.key).control}-label`).querySelector('.req');
    if (marker instanceof HTMLElement) marker.hidden = !isRequired;
    if (isRequired) control(spec.key).setAttribute('aria-required', 'true');
    else control(spec.key).removeAttribute('aria-required');
  }
  byId('exemption-note').hidden = !exemption;
  byId('group-page').classList.toggle('optional', exemption);
}

/** A field whose cell the form could not show, while the person has not changed it: a warning saying so. */
function unreadableProblems(input: PageInput): Problem[] {
  const original = state.original;
  if (original === null) return [];
  return FIELDS.flatMap((spec) => {
    const message = state.unreadable[spec.key];
    return message !== undefined && input[spec.key] === original[spec.key]
      ? [{ column: spec.key, severity: 'warning' as const, message }]
      : [];
  });
}

/** Validates what is in the form now and shows the messages the person should see. */
function refresh(): Messages {
  const input = readForm();
  updateRequired(input);
  const options = validationOptions();
  const badDates = unreadDates();
  // A date the form could not read is judged by the form itself, in its own words (ДД.ММ.ГГГГ).
  const problems = (options ? problemsOf(validatePageInput(input, options)) : []).filter(
    (problem) => !badDates.has(problem.column as FieldKey),
  );
  const merged = [...problems, ...unreadableProblems(input), ...localProblems(input), ...dateProblems(badDates)];
  for (const problem of state.serverProblems) {
    if (!merged.some((known) => known.column === problem.column && known.message === problem.message)) {
      merged.push(problem);
    }
  }
  const messages = visibleMessages(merged, state.touched, state.showAll);
  showMessages(messages);
  showEchoes(input, merged);
  if (state.counting) countErrors(messages);
  return messages;
}

/** Date fields holding text the form cannot read as a day. */
function unreadDates(): Set<FieldKey> {
  return new Set(
    FIELDS.filter((spec) => {
      if (spec.control !== 'date') return false;
      const typed = control(spec.key).value.trim();
      return typed !== '' && readTypedDate(typed) === null;
    }).map((spec) => spec.key),
  );
}

function dateProblems(keys: ReadonlySet<FieldKey>): Problem[] {
  return [...keys].map((key) => {
    const typed = control(key).value.trim();
    const message = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(typed)
      ? `такой даты нет в календаре: «${typed}».`
      : 'не похоже на дату: введите ДД.ММ.ГГГГ, например 27.11.2026.';
    return { column: key, severity: 'error' as const, message };
  });
}

/** What only the form checks: a text longer than its field's limit, a saved page's link erased. */
function localProblems(input: PageInput): Problem[] {
  const problems: Problem[] = [];
  for (const spec of FIELDS) {
    const value = input[spec.key];
    if (spec.maxLength && typeof value === 'string' && value.length > spec.maxLength) {
      const over = value.length - spec.maxLength;
      problems.push({
        column: spec.key,
        severity: 'error',
        message: `длиннее допустимого на ${over} ${plural(over, 'знак', 'знака', 'знаков')} (не больше ${spec.maxLength}): сократите.`,
      });
    }
  }
  if (state.id && state.original && state.original.link.trim() !== '' && input.link.trim() === '') {
    problems.push({ column: 'link', severity: 'error', message: LINK_ERASED });
  }
  return problems;
}

/** Under a date: the day understood, in words; under a link typed without https://: what will be saved; counters. */
function showEchoes(input: PageInput, problems: readonly Problem[]): void {
  const badLink = problems.some((problem) => problem.column === 'link' && problem.severity === 'error');
  for (const spec of FIELDS) {
    const ids = fieldIds(spec.key);
    const value = input[spec.key];
    if (typeof value !== 'string') continue;
    if (spec.control === 'date') {
      const typed = control(spec.key).value.trim();
      const day = typed === '' ? null : readTypedDate(typed);
      setText(byId(`${ids.control}-echo`), day ? longRuDate(day) : '');
    } else if (spec.control === 'url') {
      const saved = linkAsSaved(value);
      setText(byId(`${ids.control}-echo`), !badLink && saved !== value.trim() ? `Будет сохранено: ${saved}` : '');
    }
    if (spec.maxLength) {
      const count = byId(`${ids.control}-count`);
      const left = spec.maxLength - value.length;
      // Shown from a tenth of the limit left, where it starts to matter; over the limit the field's error says it.
      setText(count, left > spec.maxLength / 10 || left < 0 ? '' : `Осталось ${left} из ${spec.maxLength} знаков`);
    }
  }
}

/** The status line after a refused submit: only the errors that remain. */
function countErrors(messages: Messages): void {
  const count = messages.errorCount;
  if (count > 0) {
    setStatus(`Не сохранено: полей с ошибками — ${count}.`, 'error');
  } else {
    state.counting = false;
    setStatus('Ошибок не осталось: можно сохранять.');
  }
}

// ---------------------------------------------------------------- duplicates and found pages

function showDuplicate(page: FoundPage | null): void {
  const box = byId('duplicate');
  box.replaceChildren();
  box.hidden = page === null;
  if (!page) return;
  box.append(
    h('p', {}, [`Эта страница уже есть в реестре: строка ${page.row} (${page.input.organization || 'без названия'}).`]),
    h('button', { type: 'button', class: 'secondary', id: 'open-duplicate' }, [
      `Открыть страницу из строки ${page.row}`,
    ]),
  );
  byId('open-duplicate').addEventListener('click', () => openPage(page));
}

function openPage(page: FoundPage): void {
  fillForm(page.input);
  setMode(page.id, page.row);
  state.original = page.input;
  state.unreadable = page.unreadable;
  state.serverProblems = [];
  state.touched = new Set(FIELDS.map((spec) => spec.key));
  state.typed = new Set();
  state.showAll = true;
  state.counting = false;
  showDuplicate(null);
  hideQuestion();
  byId('result').hidden = true;
  byId('form-errors').textContent = '';
  setStatus(`Открыта страница из строки ${page.row}. Измените поля и сохраните.`);
  refresh();
  byId('form-title').focus();
}

/** An empty form for a new page; `keep` carries fields over (the organisation and its people). */
function newPage(keep: Partial<PageInput> = {}): void {
  fillForm({ ...emptyInput(), ...keep });
  setMode('', null);
  state.original = null;
  state.unreadable = {};
  state.serverProblems = [];
  state.touched = new Set();
  state.typed = new Set();
  state.showAll = false;
  state.counting = false;
  showDuplicate(null);
  hideQuestion();
  byId('result').hidden = true;
  setStatus('');
  refresh();
}

/** The fields of the organisation and its people: what a second page of the same organisation shares. */
const ORGANISATION_FIELDS = [
  'organization',
  'orgKind',
  'responsibleName',
  'responsiblePosition',
  'responsibleEmail',
  'authorizedName',
  'esiaVerified',
  'ogrn',
] as const satisfies ReadonlyArray<keyof PageInput>;

/** «Добавить ещё страницу этой организации»: organisation and people stay, the page's own fields are cleared. */
function anotherPageOfOrganisation(): void {
  const current = readForm();
  const keep: Partial<PageInput> = {};
  for (const key of ORGANISATION_FIELDS) Object.assign(keep, { [key]: current[key] });
  const organisation = current.organization;
  newPage(keep);
  setStatus(`Новая страница организации «${organisation}»: выберите сеть, введите ссылку и дату создания.`);
  control('network').focus();
}

/**
 * «Другая страница» while the form still holds the old page's dates: the form becomes a new page of the
 * organisation with the new address, and asks for its own creation date (the old row is not touched).
 */
function anotherPageWithAddress(input: PageInput): void {
  const keptRow = state.row;
  const keep: Partial<PageInput> = { network: input.network, link: input.link };
  for (const key of ORGANISATION_FIELDS) Object.assign(keep, { [key]: input[key] });
  newPage(keep);
  setStatus(
    `Страница в строке ${keptRow ?? '—'} не изменена. Введите дату создания новой страницы и нажмите «Добавить в реестр».`,
  );
  control('createdOn').focus();
}

function renderFound(list: HTMLElement, pages: readonly FoundPage[], idPrefix: string): void {
  list.replaceChildren(
    ...pages.map((page, index) => {
      const button = h('button', { type: 'button', class: 'result-button', id: `${idPrefix}-${index}` }, [
        describeFoundPage(page),
        h('span', { class: 'state' }, [describeFoundState(page)]),
      ]);
      button.addEventListener('click', () => openPage(page));
      return h('li', {}, [button]);
    }),
  );
}

/** «Мои страницы»: the pages whose responsible e-mail is the person's own. */
async function loadMine(): Promise<void> {
  const status = byId('mine-status');
  try {
    const mine = await callServer('sidebarMyPages');
    renderFound(byId('mine-list'), mine.pages, 'mine');
    status.textContent =
      mine.message ??
      `Вы ответственный: ${mine.pages.length}${mine.truncated ? ' (показаны ближайшие по сроку)' : ''}. Нажмите, чтобы изменить.`;
  } catch (error) {
    status.textContent = `Не удалось загрузить ваши страницы: ${errorText(error)}`;
  }
}

async function find(): Promise<void> {
  const query = byId<HTMLInputElement>('find-query').value.trim();
  const status = byId('find-status');
  const results = byId('find-results');
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

// ---------------------------------------------------------------- submit

function updateSubmitButton(): void {
  const submit = byId<HTMLButtonElement>('submit');
  submit.disabled = guard.busy || !state.init?.user.canSubmit;
  submit.setAttribute('aria-disabled', String(submit.disabled));
}

function showResult(text: ResultText, kind: 'success' | 'error'): void {
  const section = byId('result');
  section.className = `result ${kind}`;
  byId('result-title').textContent = text.title;
  byId('result-lines').replaceChildren(...text.lines.map((line) => h('li', {}, [line])));
  byId('result-next').hidden = true;
  section.hidden = false;
}

function onSuccess(result: SubmitSuccess, sent: PageInput, keptRow: number | null): void {
  fillForm(result.page.input);
  setMode(result.id, result.row);
  state.original = result.page.input;
  state.unreadable = result.page.unreadable;
  state.serverProblems = result.warnings;
  state.showAll = true;
  state.counting = false;
  state.typed = new Set();
  showDuplicate(null);
  hideQuestion();
  const organisations = state.init?.organisations;
  if (organisations && !organisations.some((organisation) => organisation.name === result.page.input.organization)) {
    organisations.push({ name: result.page.input.organization, orgKind: result.page.input.orgKind || null });
    byId('org-list').append(h('option', { value: result.page.input.organization }));
  }
  refresh();
  setStatus('Сохранено.', 'success');
  const text = describeSuccess(result, sent.link);
  if (keptRow !== null) text.lines.unshift(`Прежняя страница осталась в строке ${keptRow}.`);
  showResult(text, 'success');
  byId('result-next').hidden = false;
  byId('result').focus();
  void loadMine();
}

function onRefused(result: SubmitFailure): void {
  state.serverProblems = result.problems;
  state.showAll = true;
  showDuplicate(result.duplicate);
  const messages = refresh();
  setStatus(`${result.message} Введённые данные остались в форме.`, 'error');
  showResult(describeFailure(result), 'error');
  // From the next edit on, the status line counts the field errors left.
  state.counting = messages.errorCount > 0;
  const first = firstErrorField(messages);
  if (result.duplicate) byId('open-duplicate').focus();
  else if (first) control(first).focus();
}

/**
 * The page's link or network changed: the same page with a new address, or another page of the
 * organisation? Asked before a save, so that a second page never silently replaces the first.
 */
function addressChanged(input: PageInput): boolean {
  const original = state.original;
  if (!state.id || original === null || original.link.trim() === '' || input.link.trim() === '') return false;
  const extra = state.init?.extraNetworks;
  const sameLink =
    (normalizeLink(input.link, extra) ?? input.link.trim()) ===
    (normalizeLink(original.link, extra) ?? original.link.trim());
  return !sameLink || input.network !== original.network;
}

function askAboutAddress(): void {
  const original = state.original;
  const box = byId('link-question');
  byId('link-question-text').textContent =
    `Изменена ссылка или сеть страницы из строки ${state.row ?? '—'} (было: ${original?.network || 'сеть не указана'}, ${original?.link ?? ''}). Это та же страница или другая?`;
  byId('same-page').textContent = `Та же страница, новый адрес: изменить строку ${state.row ?? ''}`.trim();
  box.hidden = false;
  setStatus('Не сохранено: ответьте на вопрос над кнопкой.', 'error');
  byId('link-question-text').focus();
}

function hideQuestion(): void {
  byId('link-question').hidden = true;
}

async function submit(answer: 'same' | 'other' | null = null): Promise<void> {
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
    askAboutAddress();
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

// ---------------------------------------------------------------- events

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
  refresh();
}

/**
 * As soon as a link is entered, asks the register whether the page is already there, so the person
 * can open it instead of typing the rest. (The server checks again on submit, whatever this says.)
 */
async function checkLinkRegistered(): Promise<void> {
  const extra = state.init?.extraNetworks;
  const link = control('link').value.trim();
  const wanted = normalizeLink(link, extra);
  if (wanted === null || !state.init) return;
  try {
    const found = await callServer('sidebarFind', link);
    if (control('link').value.trim() !== link) return;
    const other = found.pages.find(
      (page) => page.id !== state.id && !page.input.deletedOn && normalizeLink(page.input.link, extra) === wanted,
    );
    if (!other) return;
    state.serverProblems = [
      ...state.serverProblems.filter((problem) => problem.column !== 'link'),
      { column: 'link', severity: 'error', message: `Эта страница уже внесена в строке ${other.row}.` },
    ];
    showDuplicate(other);
    refresh();
  } catch {
    // Only a hint: the submit checks again.
  }
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

function onOrganisationPicked(): void {
  const name = control('organization').value.trim();
  const kind = control('orgKind') as HTMLSelectElement;
  const known = state.init?.organisations.find((organisation) => organisation.name === name);
  if (known?.orgKind && !kind.value) setSelect(kind, known.orgKind);
}

function start(): void {
  renderForm();
  setMode('', null);
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
  control('organization').addEventListener('change', onOrganisationPicked);
  const blankForm = (): void => {
    newPage();
    control('organization').focus();
  };
  byId('new-page').addEventListener('click', blankForm);
  byId('new-org').addEventListener('click', blankForm);
  byId('add-same-org').addEventListener('click', anotherPageOfOrganisation);
  byId('same-page').addEventListener('click', () => void submit('same'));
  byId('other-page').addEventListener('click', () => void submit('other'));
  byId('question-cancel').addEventListener('click', () => {
    hideQuestion();
    setStatus('Не сохранено. Верните прежнюю ссылку или сохраните снова.');
    control('link').focus();
  });
  byId('mark-deleted').addEventListener('click', () => {
    const today = state.init?.today;
    if (!today) return;
    const deleted = control('deletedOn') as HTMLInputElement;
    deleted.value = formatDay(today);
    state.touched.add('deletedOn');
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
