/**
 * What the form says: the status line, each field's message, echoes and counters, all recomputed by
 * refresh() from the domain's validatePageInput.
 */
import { DELETED_LINK_ERASED, LINK_ERASED, linkAsSaved } from '../../domain/linkInput';
import { outsideDomainProblem } from '../../domain/outsideDomain';
import { validatePageInput } from '../../domain/schemas';
import type { PageInput, Problem } from '../../domain/types';
import { FIELDS, type FieldKey, fieldIds } from '../form/fields';
import {
  type Messages,
  type ValidateOptions,
  isExemption,
  plural,
  problemsOf,
  requiredFields,
  visibleMessages,
} from '../form/model';
import { longRuDate, readTypedDate } from '../form/ruDate';
import { byId, control, setText } from './dom';
import { readForm, showDeletion } from './formView';
import { state } from './state';

export function setStatus(text: string, kind: 'info' | 'error' | 'success' = 'info'): void {
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

/** An address no reminder may go to, said as the server says it after the save (outsideDomainProblem). */
function outsideDomain(input: PageInput): Problem[] {
  const domains = state.init?.mailDomains ?? undefined;
  const problem = outsideDomainProblem(input.responsibleEmail.trim() || null, domains);
  return problem === null ? [] : [problem];
}

/** Validates what is in the form now and shows the messages the person should see. */
export function refresh(): Messages {
  const input = readForm();
  updateRequired(input);
  showDeletion(control('deletedOn').value.trim());
  const options = validationOptions();
  const badDates = unreadDates();
  // A date the form could not read is judged by the form itself, in its own words (ДД.ММ.ГГГГ).
  const problems = (options ? problemsOf(validatePageInput(input, options)) : []).filter(
    (problem) => !badDates.has(problem.column as FieldKey),
  );
  const merged = [
    ...problems,
    ...outsideDomain(input),
    ...unreadableProblems(input),
    ...localProblems(input),
    ...dateProblems(badDates),
  ];
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
    const message = state.original.deletedOn ? DELETED_LINK_ERASED : LINK_ERASED;
    problems.push({ column: 'link', severity: 'error', message });
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
export function countErrors(messages: Messages): void {
  const count = messages.errorCount;
  if (count > 0) {
    setStatus(`Не сохранено: полей с ошибками — ${count}.`, 'error');
  } else {
    state.counting = false;
    setStatus('Ошибок не осталось: можно сохранять.');
  }
}
