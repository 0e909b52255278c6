/**
 * Escaping for HTML built as strings (letters, dialogs). Every value that came from a person or the sheet
 * goes through escapeHtml before it meets markup, so «<script>» or «A & B» stays harmless text.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text → HTML text, safe both between tags and inside a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** HTML text → text: the inverse of escapeHtml (&amp; last, so «&amp;lt;» stays «&lt;»). */
export function unescapeHtml(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** An http(s) address that may become an href; null for anything else (javascript:, data:, junk). */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  return /^https?:\/\/[^\s<>"']+$/i.test(trimmed) ? trimmed : null;
}

/** A link when the address is a safe http(s) URL, otherwise the escaped text. */
export function linkHtml(url: string | null | undefined, text?: string): string {
  const safe = safeHttpUrl(url);
  const label = escapeHtml(text ?? url ?? '');
  return safe === null ? label : `<a href="${escapeHtml(safe)}">${label}</a>`;
}
