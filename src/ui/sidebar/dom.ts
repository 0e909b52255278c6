/** Small DOM helpers of the sidebar: elements by id, building elements, the form's controls. */
import { type FieldKey, fieldIds } from '../form/fields';

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Нет элемента #${id}`);
  return element as T;
}

export function h<K extends keyof HTMLElementTagNameMap>(
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
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function control(key: FieldKey): Control {
  return byId<Control>(fieldIds(key).control);
}
