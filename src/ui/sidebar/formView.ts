/**
 * The form itself: its fields built from src/ui/form/fields.ts, read into a PageInput and filled from
 * one, and its mode (new page or change).
 */
import type { PageInput } from '../../domain/types';
import { FIELDS, type FieldSpec, GROUPS, fieldIds, isCheckboxKey } from '../form/fields';
import { emptyInput } from '../form/model';
import { readTypedDate, shownDate } from '../form/ruDate';
import { Control, byId, control, h, setText } from './dom';
import { state } from './state';

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
      // E-mail too (inputmode keeps the keyboard): an email input hands a Cyrillic domain over as punycode
      // (адрес@администрация.рф → …@xn--…), which the person never typed and the check rejects.
      const type = { text: 'text', organization: 'text', url: 'url', date: 'text', email: 'text' }[spec.control];
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
      h('p', { id: 'deleted-note', class: 'note', hidden: true }),
    );
  }
  return wrapper;
}

export function renderForm(): void {
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

export function fillOptions(select: HTMLSelectElement, values: readonly string[]): void {
  const current = select.value;
  select.replaceChildren(h('option', { value: '' }, ['— не выбрано —']));
  for (const value of values) select.append(h('option', { value }, [value]));
  if (current && !values.includes(current)) select.append(h('option', { value: current }, [current]));
  select.value = current;
}

/** Sets a select's value, adding the value as an option when the list does not have it (an old row). */
export function setSelect(select: HTMLSelectElement, value: string): void {
  if (value && ![...select.options].some((option) => option.value === value)) {
    select.append(h('option', { value }, [value]));
  }
  select.value = value;
}

export function readForm(): PageInput {
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

export function fillForm(input: PageInput): void {
  for (const spec of FIELDS) {
    const element = control(spec.key);
    if (isCheckboxKey(spec.key)) (element as HTMLInputElement).checked = input[spec.key];
    else if (element instanceof HTMLSelectElement) setSelect(element, input[spec.key]);
    else if (spec.control === 'date') element.value = shownDate(input[spec.key]);
    else element.value = input[spec.key];
  }
}

export function setMode(id: string, row: number | null): void {
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
}

/**
 * «Отметить как удалённую» only for a saved page (a row with a link: an exemption row has no page) not yet
 * marked deleted and with no date typed; a page already deleted says since when instead (its row and link
 * stay: the deletion is part of the record).
 */
export function showDeletion(typedDeletedOn: string): void {
  const saved = state.id ? (state.original?.deletedOn ?? '') : '';
  const hasPage = (state.original?.link ?? '').trim() !== '';
  byId('mark-deleted').hidden = !state.id || !hasPage || saved !== '' || typedDeletedOn !== '';
  const note = byId('deleted-note');
  note.hidden = saved === '';
  setText(note, saved ? `Страница отмечена удалённой ${shownDate(saved)}. Её строка и ссылка остаются в реестре.` : '');
}
