/**
 * The one dialog shell (build/Dialog.html, from src/ui/dialog.*) filled with a view: pure string work, so
 * every renderer of src/views is tested without Apps Script. A view's `body` and `actions` are HTML built
 * from escaped parts (escapeHtml); data for the client script goes in escaped data- attributes, never in
 * script text. The shell always ends with the close button.
 */
import { escapeHtml } from '../domain/htmlEscape';

export interface DialogView {
  /** Google's dialog title, the page's <title> and its h1. */
  title: string;
  /** The content of <main>, below the h1. */
  body: string;
  /** Buttons before «Закрыть» in the footer that stays visible. */
  actions?: string;
  /** The close button's label («Отмена» while nothing was done yet). */
  closeLabel?: string;
  width: number;
  height: number;
}

const MARKER = /<!-- DIALOG:(\w+) -->/g;

/** The shell with the view in it. One pass: text put in is never read again as a marker. */
export function fillDialog(shell: string, view: DialogView): string {
  const parts: Record<string, string> = {
    title: escapeHtml(view.title),
    body: view.body,
    actions: view.actions ?? '',
    close: escapeHtml(view.closeLabel ?? 'Закрыть'),
  };
  return shell.replace(MARKER, (marker, key: string) => parts[key] ?? marker);
}

/** ` name="value"` for each attribute (values escaped); false and undefined are left out, true is bare. */
export function attributes(values: Readonly<Record<string, string | number | boolean | undefined>>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
}

/** A paragraph of escaped text, with a class when given. */
export function paragraph(text: string, className?: string): string {
  return `<p${attributes({ class: className })}>${escapeHtml(text)}</p>`;
}

/** A list of escaped items. */
export function list(items: readonly string[], className?: string): string {
  return `<ul${attributes({ class: className })}>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

/** A footer button handled by src/ui/dialog.ts through its data-action. */
export function actionButton(
  label: string,
  action: string,
  data: Readonly<Record<string, string>> = {},
  primary = false,
): string {
  const dataAttributes = Object.fromEntries(Object.entries(data).map(([name, value]) => [`data-${name}`, value]));
  return `<button type="button"${attributes({ class: primary ? 'primary' : undefined, 'data-action': action, ...dataAttributes })}>${escapeHtml(label)}</button>`;
}

/** The letter as it will look, in a sandboxed frame (no script, no navigation), and its plain text. */
export function letterPreview(htmlBody: string, text: string): string {
  return (
    `<iframe class="letter" sandbox="" title="Письмо" srcdoc="${escapeHtml(htmlBody)}"></iframe>` +
    `<details><summary>Текстовая версия письма</summary><pre>${escapeHtml(text)}</pre></details>`
  );
}
