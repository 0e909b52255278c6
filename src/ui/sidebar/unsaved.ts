/**
 * Unsaved changes: the form is compared, by value, with what it was last given (a page opened, a save's
 * answer, an empty or kept form). Opening another page or clearing the form while they differ asks first,
 * inline (an Apps Script sidebar may block window.confirm), so nothing typed is lost without a word.
 */
import type { PageInput } from '../../domain/types';
import { FIELD_KEYS, type FieldKey } from '../form/fields';
import { fingerprint } from '../form/model';
import { byId, control } from './dom';
import { readForm } from './formView';
import { state } from './state';

let baseline: PageInput | null = null;
let pending: (() => void) | null = null;

/** What the form holds now is what was loaded or saved last. */
export function markClean(input: PageInput = readForm()): void {
  baseline = { ...input, id: state.id };
}

function changedField(): FieldKey | null {
  if (baseline === null) return null;
  const now = readForm();
  if (fingerprint(now) === fingerprint(baseline)) return null;
  const before = baseline;
  return FIELD_KEYS.find((key) => now[key] !== before[key]) ?? null;
}

export function hasUnsavedChanges(): boolean {
  return changedField() !== null;
}

export function hideDiscardQuestion(): void {
  pending = null;
  byId('discard-question').hidden = true;
}

/**
 * Runs `action` (which replaces what the form holds) at once when nothing is unsaved; otherwise asks
 * next to `anchor` (the list or button the person used) whether to drop the changes.
 */
export function unlessUnsaved(anchor: HTMLElement, action: () => void): void {
  if (!hasUnsavedChanges()) {
    hideDiscardQuestion();
    action();
    return;
  }
  pending = action;
  const box = byId('discard-question');
  anchor.after(box);
  box.hidden = false;
  byId('discard-question-text').focus();
}

/** Wires the question's two answers and Escape (= back to the form). */
export function initDiscardQuestion(): void {
  const box = byId('discard-question');
  byId('discard-yes').addEventListener('click', () => {
    const action = pending;
    hideDiscardQuestion();
    action?.();
  });
  const back = (): void => {
    const field = changedField();
    hideDiscardQuestion();
    if (field) control(field).focus();
    else byId('form-title').focus();
  };
  byId('discard-no').addEventListener('click', back);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      back();
    }
  });
}
