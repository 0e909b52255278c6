/**
 * The sidebar form's fields. Labels and hints are the register's own headers and help texts
 * (src/domain/columns.ts), so the form and the sheet speak the same words.
 */
import { COLUMN_BY_KEY } from '../../domain/columns';
import type { PageInput } from '../../domain/types';

/** Every key of PageInput the person edits (the ID is carried, never typed). */
export type FieldKey = Exclude<keyof PageInput, 'id'>;

export type Control = 'text' | 'organization' | 'select' | 'url' | 'date' | 'email' | 'checkbox' | 'textarea';

export type GroupKey = 'organization' | 'page' | 'people' | 'extra';

export interface FieldSpec {
  key: FieldKey;
  control: Control;
  label: string;
  hint: string;
  group: GroupKey;
  /** The browser's autocomplete hint; 'off' where the browser's memory would only get in the way. */
  autocomplete: string;
  /** Where the options of a select come from. */
  options?: 'orgKinds' | 'networks';
  inputMode?: 'numeric' | 'email' | 'url';
  maxLength?: number;
}

export const GROUPS: ReadonlyArray<{ key: GroupKey; legend: string }> = [
  { key: 'organization', legend: 'Организация' },
  { key: 'page', legend: 'Страница в социальной сети' },
  { key: 'people', legend: 'Ответственные' },
  { key: 'extra', legend: 'Дополнительно' },
];

function field(
  key: FieldKey,
  control: Control,
  group: GroupKey,
  extra: Partial<Pick<FieldSpec, 'autocomplete' | 'options' | 'inputMode' | 'maxLength'>> = {},
): FieldSpec {
  const column = COLUMN_BY_KEY[key];
  return { key, control, group, label: column.header, hint: column.help, autocomplete: 'off', ...extra };
}

export const FIELDS: readonly FieldSpec[] = [
  field('organization', 'organization', 'organization', { maxLength: 500 }),
  field('orgKind', 'select', 'organization', { options: 'orgKinds' }),
  field('exemptionBasis', 'textarea', 'organization', { maxLength: 2000 }),
  field('ogrn', 'text', 'organization', { inputMode: 'numeric' }),
  field('inn', 'text', 'organization', { inputMode: 'numeric' }),
  field('network', 'select', 'page', { options: 'networks' }),
  field('link', 'url', 'page', { inputMode: 'url', maxLength: 500 }),
  field('createdOn', 'date', 'page'),
  field('deletedOn', 'date', 'page'),
  field('responsibleName', 'text', 'people', { maxLength: 300 }),
  field('responsiblePosition', 'text', 'people', { maxLength: 300 }),
  field('responsibleEmail', 'email', 'people', { inputMode: 'email', maxLength: 254 }),
  field('authorizedName', 'text', 'people', { maxLength: 300 }),
  field('esiaVerified', 'checkbox', 'people'),
  field('govMark', 'checkbox', 'extra'),
  field('govPublics', 'checkbox', 'extra'),
  field('note', 'textarea', 'extra', { maxLength: 2000 }),
];

export const FIELD_KEYS: readonly FieldKey[] = FIELDS.map((spec) => spec.key);

export type CheckboxKey = 'esiaVerified' | 'govMark' | 'govPublics';

export function isCheckboxKey(key: FieldKey): key is CheckboxKey {
  return key === 'esiaVerified' || key === 'govMark' || key === 'govPublics';
}

export function isFieldKey(key: unknown): key is FieldKey {
  return typeof key === 'string' && (FIELD_KEYS as readonly string[]).includes(key);
}

/** The DOM ids of a field's control, hint and message: `f-link`, `f-link-hint`, `f-link-msg`. */
export function fieldIds(key: FieldKey): { control: string; hint: string; message: string } {
  return { control: `f-${key}`, hint: `f-${key}-hint`, message: `f-${key}-msg` };
}
