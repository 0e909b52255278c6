/**
 * The form's logic without the DOM: what the person typed as a PageInput, which messages to show
 * under which field, which fields are required. Validation is the domain's own validatePageInput
 * (the one definition the server runs too), passed in so tests can use it directly.
 */
import type { IsoDate, PageInput, Problem, Severity } from '../../domain/types';
import { COLUMN_BY_KEY } from '../../domain/columns';
import type { NetworkSpec } from '../../domain/links';
import { FIELD_KEYS, isCheckboxKey, isFieldKey, type FieldKey } from './fields';

export interface ValidateOptions {
  today: IsoDate;
  extraNetworks?: readonly NetworkSpec[];
}

export type Validate = (
  input: PageInput,
  options: ValidateOptions,
) => { ok: true; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function emptyInput(): PageInput {
  return {
    id: '',
    organization: '',
    orgKind: '',
    network: '',
    link: '',
    createdOn: '',
    deletedOn: '',
    responsibleName: '',
    responsiblePosition: '',
    responsibleEmail: '',
    authorizedName: '',
    esiaVerified: false,
    exemptionBasis: '',
    ogrn: '',
    inn: '',
    govMark: false,
    govPublics: false,
    note: '',
  };
}

/** A stable text of the input, to tell whether the person changed anything since the last submit. */
export function fingerprint(input: PageInput): string {
  return JSON.stringify(
    Object.keys(input)
      .sort()
      .map((key) => [key, input[key as keyof PageInput]]),
  );
}

/** True when the input records an agreed exemption (п. 4): then the page fields are not required. */
export function isExemption(input: PageInput): boolean {
  return input.exemptionBasis.trim() !== '';
}

/**
 * The fields the validator requires for this input, learnt from the validator itself: a field is
 * required when emptying it gives it an error. So the asterisks never drift from the rules — an
 * exemption (п. 4) frees the page fields, a named responsible person needs a position, and so on.
 */
export function requiredFields(validate: Validate, options: ValidateOptions, input: PageInput): Set<FieldKey> {
  const required = new Set<FieldKey>();
  for (const key of FIELD_KEYS) {
    if (isCheckboxKey(key)) continue;
    const result = validate({ ...input, [key]: '' }, options);
    if (!result.ok && result.problems.some((problem) => problem.column === key && problem.severity === 'error')) {
      required.add(key);
    }
  }
  return required;
}

/** A message under its field without the field's own name in front: «Ссылка на страницу»: текст → Текст. */
export function fieldMessageText(key: FieldKey, message: string): string {
  const prefix = `«${COLUMN_BY_KEY[key].header}»: `;
  const stripped = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  // «не заполнено — обязательно … (если …, заполните «Основание освобождения (п. 4)»)»: the asterisk
  // says it is required and the exemption hint stands once above the form, so under the field: «Не заполнено.»
  const text = /^не заполнено(?:[\s.,;—]|$)/.test(stripped) ? 'не заполнено.' : stripped;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface FieldMessage {
  severity: Severity;
  text: string;
}

export interface Messages {
  fields: Partial<Record<FieldKey, FieldMessage>>;
  /** Problems that belong to no single field of the form. */
  general: Problem[];
  errorCount: number;
}

/** Problems of a validation result, errors and warnings together. */
export function problemsOf(result: { ok: true; warnings: Problem[] } | { ok: false; problems: Problem[] }): Problem[] {
  return result.ok ? result.warnings : result.problems;
}

/**
 * Which messages to show: a field's once the person has touched it (or after a submit attempt, when
 * `showAll`); errors before warnings; several messages of one field joined into one text.
 */
export function visibleMessages(
  problems: readonly Problem[],
  touched: ReadonlySet<FieldKey>,
  showAll: boolean,
): Messages {
  const fields: Messages['fields'] = {};
  const general: Problem[] = [];
  const byField = new Map<FieldKey, Problem[]>();
  let errorCount = 0;
  for (const problem of problems) {
    if (!isFieldKey(problem.column)) {
      if (showAll) general.push(problem);
      continue;
    }
    if (!showAll && !touched.has(problem.column)) continue;
    const list = byField.get(problem.column) ?? [];
    list.push(problem);
    byField.set(problem.column, list);
  }
  for (const key of FIELD_KEYS) {
    const list = byField.get(key);
    if (!list) continue;
    const errors = list.filter((problem) => problem.severity === 'error');
    const shown = errors.length > 0 ? errors : list;
    const texts = [...new Set(shown.map((problem) => fieldMessageText(key, problem.message)))];
    fields[key] = { severity: errors.length > 0 ? 'error' : 'warning', text: texts.join(' ') };
    if (errors.length > 0) errorCount += 1;
  }
  return { fields, general, errorCount };
}

/** The first field, in the form's order, that has an error. */
export function firstErrorField(messages: Messages): FieldKey | null {
  return FIELD_KEYS.find((key) => messages.fields[key]?.severity === 'error') ?? null;
}

export { plural } from '../../domain/plural';
