/**
 * Which page the form holds: a found page opened, a new page, another page of the same organization,
 * and the duplicate and question boxes around them.
 */
import type { PageInput } from '../../domain/types';
import type { FoundPage } from '../../shared/sidebar';
import { describeUnreported } from '../form/describe';
import { FIELDS } from '../form/fields';
import { emptyInput } from '../form/model';
import { byId, control, h } from './dom';
import { fillForm, readForm, setMode } from './formView';
import { refresh, setStatus } from './messages';
import { state } from './state';
import { hideDiscardQuestion, markClean, unlessUnsaved } from './unsaved';

export function showDuplicate(page: FoundPage | null): void {
  const box = byId('duplicate');
  box.replaceChildren();
  box.hidden = page === null;
  if (!page) return;
  // The field's message says it is registered already; the box only offers to open that page (said once).
  box.append(
    h('button', { type: 'button', class: 'secondary', id: 'open-duplicate' }, [
      `Открыть страницу из строки ${page.row}: ${page.input.organization || 'без названия'}`,
    ]),
  );
  // The question goes after the box, not in it: the box's children are replaced when it changes.
  byId('open-duplicate').addEventListener('click', () => unlessUnsaved(box, () => openPage(page)));
}

export function openPage(page: FoundPage): void {
  fillForm(page.input);
  setMode(page.id, page.row);
  state.original = page.input;
  markClean();
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
  showUnreported(page);
  setStatus(`Открыта страница из строки ${page.row}. Измените поля и сохраните.`);
  refresh();
  byId('form-title').focus();
}

/** An empty form for a new page; `keep` carries fields over (the organization and its people). */
export function newPage(keep: Partial<PageInput> = {}): void {
  fillForm({ ...emptyInput(), ...keep });
  setMode('', null);
  markClean();
  showUnreported(null);
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

/** The fields of the organization and its people: what a second page of the same organization shares. */
const ORGANISATION_FIELDS = [
  'organization',
  'orgKind',
  'responsibleName',
  'responsiblePosition',
  'responsibleEmail',
  'authorizedName',
  'esiaVerified',
  'ogrn',
  'inn',
] as const satisfies ReadonlyArray<keyof PageInput>;

/** «Добавить ещё страницу этой организации»: organization and people stay, the page's own fields are cleared. */
export function anotherPageOfOrganization(): void {
  const current = readForm();
  const keep: Partial<PageInput> = {};
  for (const key of ORGANISATION_FIELDS) Object.assign(keep, { [key]: current[key] });
  const organization = current.organization;
  newPage(keep);
  setStatus(`Новая страница организации «${organization}»: выберите сеть, введите ссылку и дату создания.`);
  control('network').focus();
}

/**
 * «Другая страница» while the form still holds the old page's dates: the form becomes a new page of the
 * organization with the new address, and asks for its own creation date (the old row is not touched).
 */
export function anotherPageWithAddress(input: PageInput): void {
  const keptRow = state.row;
  const organization: Partial<PageInput> = {};
  for (const key of ORGANISATION_FIELDS) Object.assign(organization, { [key]: input[key] });
  newPage({ ...organization, network: input.network, link: input.link });
  // The new address is the person's own typing, not yet saved: only the organization counts as loaded.
  markClean({ ...emptyInput(), ...organization });
  setStatus(
    `Страница в строке ${keptRow ?? '—'} не изменена. Введите дату создания новой страницы и нажмите «Добавить в реестр».`,
  );
  control('createdOn').focus();
}

export function hideQuestion(): void {
  byId('link-question').hidden = true;
  hideDiscardQuestion();
}

/** Above the form, for a page whose creation or deletion the coordinator was not told of: the save reports it. */
export function showUnreported(page: FoundPage | null): void {
  const note = byId('unreported-note');
  const text = page === null ? null : describeUnreported(page);
  note.hidden = text === null;
  note.textContent = text ?? '';
}
