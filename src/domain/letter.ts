/**
 * What the add-on's letters are made of: the message object handed to MailApp (and to the .eml writer of
 * `npm start`), HTML tables whose every cell is escaped, CSV attachments and the size measure used against
 * MailApp's body limit.
 */
import { escapeHtml } from './htmlEscape';

export interface MailAttachment {
  fileName: string;
  mimeType: string;
  /** The file's text (UTF-8). */
  content: string;
}

/** One e-mail exactly as it is sent: MailApp.sendEmail({ to, subject, body, htmlBody, name, attachments }). */
export interface MailMessage {
  /** Comma-separated addresses. */
  to: string;
  subject: string;
  /** The plain-text alternative. */
  body: string;
  htmlBody: string;
  /** The sender's display name. */
  name: string;
  attachments: MailAttachment[];
}

/** The display name of the add-on's letters. */
export const SENDER_NAME = 'Реестр официальных страниц';

/** MailApp accepts at most 50 recipients in one message. */
export const MAX_RECIPIENTS_PER_MAIL = 50;

/** Bytes a string takes in UTF-8 (Cyrillic letters take two). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** A cell: text is escaped; `html` is markup that the caller has already built from escaped parts. */
export type Cell = string | { html: string };

function cellHtml(cell: Cell): string {
  return typeof cell === 'string' ? escapeHtml(cell) : cell.html;
}

const TABLE_STYLE = 'border-collapse:collapse;font-size:13px';
const CELL_STYLE = 'border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left';

/** An HTML table with a header row; `highlight` rows get a light red background. */
export function htmlTable(
  headers: readonly string[],
  rows: ReadonlyArray<{ cells: readonly Cell[]; highlight?: boolean }>,
): string {
  const head = headers.map((header) => `<th style="${CELL_STYLE};background:#eee">${escapeHtml(header)}</th>`).join('');
  const body = rows
    .map(({ cells, highlight }) => {
      const style = highlight ? ' style="background:#fde8e8"' : '';
      return `<tr${style}>${cells.map((cell) => `<td style="${CELL_STYLE}">${cellHtml(cell)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<table style="${TABLE_STYLE}">\n<tr>${head}</tr>\n${body}\n</table>`;
}

/** A complete HTML document around a letter's content. */
export function letterDocument(title: string, content: string): string {
  return (
    '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>' +
    escapeHtml(title) +
    '</title></head>\n<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">\n' +
    content +
    '\n</body></html>'
  );
}

/**
 * One of the add-on's letters: the HTML content goes into letterDocument, the plain text gets its final
 * newline, the sender's name is SENDER_NAME.
 */
export function mailMessage(input: {
  to: string | readonly string[];
  subject: string;
  /** The plain-text alternative, without the final newline. */
  text: string;
  /** The HTML content (the body's inside). */
  html: string;
  attachments?: MailAttachment[];
}): MailMessage {
  return {
    to: typeof input.to === 'string' ? input.to : input.to.join(','),
    subject: input.subject,
    body: `${input.text}\n`,
    htmlBody: letterDocument(input.subject, input.html),
    name: SENDER_NAME,
    attachments: input.attachments ?? [],
  };
}

/** A paragraph of escaped text. */
export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

function csvField(value: string): string {
  // A cell beginning with = + - @ would be a formula in a spreadsheet program: keep it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV as Russian-locale spreadsheet programs open it: semicolons, CRLF, a UTF-8 byte-order mark; values
 * that would start a formula are kept as text.
 */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n';
}
