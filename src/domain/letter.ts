/**
 * What the add-on's letters are made of: the message object handed to MailApp (and to the .eml writer of
 * `npm start`), HTML tables whose every cell is escaped, CSV attachments and the size measure used against
 * MailApp's body limit.
 * Over 400 lines on purpose: every letter's escaping, defanging of links and size rules in one place, so
 * no letter can build its HTML another way.
 */
import { isEmailAddress } from './email';
import { escapeHtml, safeHttpUrl, unescapeHtml } from './htmlEscape';
import { linkHost, networkForUrl, normalizeLink } from './links';

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

// A table that is cards on a narrow screen. The inline styles make the cards: one block per row, each
// cell led by its column's header, the numbers bold; that is what a mail program that strips <style>
// shows at any width (no table to scroll sideways). From 600 px wide, RESPONSIVE_TABLE_CSS turns the same
// markup into a table: the header row shown, the per-cell labels hidden.
const CARDS_CLASS = 'cards';
const CARD_TABLE_STYLE = 'display:block;width:100%;border-collapse:collapse;font-size:13px';
const CARD_ROW_STYLE = 'display:block;margin:0 0 10px;padding:6px 8px;border:1px solid #bbb';
const CARD_CELL_STYLE = 'display:block;padding:2px 0;vertical-align:top;overflow-wrap:anywhere';
const CARD_LABEL_STYLE = 'color:#555';

/** The stylesheet that makes a responsiveTable a table on screens 600 px wide and wider (in <head>). */
export const RESPONSIVE_TABLE_CSS =
  '@media screen and (min-width:600px){' +
  `table.${CARDS_CLASS}{display:table!important;table-layout:fixed}` +
  `table.${CARDS_CLASS} thead{display:table-header-group!important}` +
  `table.${CARDS_CLASS} tbody{display:table-row-group!important}` +
  `table.${CARDS_CLASS} tr{display:table-row!important}` +
  `table.${CARDS_CLASS} th,table.${CARDS_CLASS} td{display:table-cell!important;border:1px solid #bbb!important;padding:4px 6px!important}` +
  `table.${CARDS_CLASS} .label{display:none!important}` +
  '}';

/**
 * A numbered table that reads on any screen: a table from 600 px (with RESPONSIVE_TABLE_CSS in the
 * document), one card per row below that or without the stylesheet, every cell of a card labelled with its
 * column's header. `widths` are the columns' shares in per cent (the number's column first).
 */
export function responsiveTable(
  headers: readonly string[],
  rows: ReadonlyArray<{ number: number; cells: readonly Cell[]; highlight?: boolean }>,
  widths: readonly number[] = [],
): string {
  const th = (text: string, index: number): string => {
    const width = widths[index] === undefined ? '' : `;width:${widths[index]}%`;
    return `<th scope="col" style="${CELL_STYLE};background:#eee${width}">${escapeHtml(text)}</th>`;
  };
  const head = ['№', ...headers].map(th).join('');
  const body = rows
    .map(({ number, cells, highlight }) => {
      const style = `${CARD_ROW_STYLE}${highlight ? ';background:#fde8e8' : ''}`;
      const numberCell = `<td style="${CARD_CELL_STYLE}"><b>${number}.</b></td>`;
      const labelled = cells.map((cell, index) => {
        const label = `<span class="label" style="${CARD_LABEL_STYLE}">${escapeHtml(headers[index] ?? '')}: </span>`;
        return `<td style="${CARD_CELL_STYLE}">${label}${cellHtml(cell)}</td>`;
      });
      return `<tr style="${style}">${numberCell}${labelled.join('')}</tr>`;
    })
    .join('\n');
  return (
    `<table class="${CARDS_CLASS}" style="${CARD_TABLE_STYLE}">\n<thead style="display:none"><tr>${head}</tr></thead>\n` +
    `<tbody style="display:block">\n${body}\n</tbody>\n</table>`
  );
}

/** A complete HTML document around a letter's content; `css` is the add-on's own stylesheet, never cell text. */
export function letterDocument(title: string, content: string, css = ''): string {
  return (
    '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">' +
    (css === '' ? '' : '<meta name="viewport" content="width=device-width, initial-scale=1">') +
    '<title>' +
    escapeHtml(title) +
    '</title>' +
    (css === '' ? '' : `<style>${css}</style>`) +
    '</head>\n<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">\n' +
    content +
    '\n</body></html>'
  );
}

// ---------------------------------------------------------------------------------------------
// What a cell may become in a letter. Letters go from the coordinator's account; what a department user
// typed must not turn them into phishing: a link is clickable only when it is a page of a known network
// (or the register itself), any other address is defanged text, cell text is cut short, headers carry
// no line breaks. Every letter kind goes through mailMessage, which applies the same rules once more.

/** The longest cell text a letter shows (names, organizations, positions). */
export const CELL_TEXT_LIMIT = 300;
/** The longest problem message or note a letter shows (they quote cells). */
export const MESSAGE_TEXT_LIMIT = 600;
/** MailApp's body limit is 200 KB on consumer accounts; body and HTML together stay under this. */
export const LETTER_BODY_LIMIT_BYTES = 150 * 1024;
/** The file a letter too large for its body is attached as. */
export const OVERSIZED_LETTER_FILE = 'pismo.html';

// C0 and C1 controls (tab and line feed kept in text), the Unicode line and paragraph separators, and
// the bidirectional overrides that can disguise an address.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /[\r\n\t]+/g;
const WEB_ADDRESS = /\bhttp(s?):\/\//gi;
const ANY_URL = /\bhttps?:\/\/[^\s<>"']+/gi;

/** True for the links a letter may make clickable: a page of a known network, or a Google spreadsheet. */
export function isLetterLinkAllowed(url: string): boolean {
  if (safeHttpUrl(url) === null) return false;
  if (networkForUrl(url) !== null) return true;
  return linkHost(url) === 'docs.google.com' && /^https:\/\/docs\.google\.com\/spreadsheets\//i.test(url.trim());
}

/**
 * The href a letter gives an allowed link: the page's normal form (normalizeLink: https, no query or
 * fragment, except what identifies an OK page, ok.ru/dk?st.groupId=1 → ok.ru/group/1), so that
 * «https://vk.com/club4?u=https://evil.example» or «https://vk.com/away.php?to=…» leads to the page only.
 * Null when the link may not be clickable.
 */
export function letterHref(url: string): string | null {
  if (!isLetterLinkAllowed(url)) return null;
  const normal = normalizeLink(url);
  if (normal === null) return null;
  // normalizeLink decodes the path: encode it again, so that a «%3F» stays in the path and is no query.
  const slash = normal.indexOf('/', 'https://'.length);
  if (slash === -1) return normal;
  return normal.slice(0, slash) + normal.slice(slash).split('/').map(encodeURIComponent).join('/');
}

function defangScheme(text: string): string {
  return text.replace(WEB_ADDRESS, (_scheme, secure: string) => `hxxp${secure.toLowerCase()}://`);
}

// Top-level domains a mail program links without a scheme (with punycode ones, xn--…). A dotted ASCII
// token ending in one of them, or starting with www., or followed by a path, is taken for an address.
const LINKED_TLDS = new Set(
  (
    'com net org info biz name pro mobi ru su ua by kz uz am ge az kg tj md lv lt ee io co me tv cc ly gl to ' +
    'ws us uk de fr it es nl pl cz eu ch at se fi no dk be in cn jp ai gg sh la im is li vc fm ' +
    'online site xyz top club shop store app dev page link click live space website tech icu fun vip art news ' +
    'blog world cloud digital email host press tk ml ga cf gq pw'
  ).split(' '),
);
// An address typed without a scheme: ASCII or punycode labels, a port, a path. Not after a letter, digit,
// «@» (the domain of an e-mail address), «.», «/» or «-» (inside an address already handled), so that
// Russian text («г.Михайловска», «ул.Ленина», «И.о.», «т.д.») is never touched. Cyrillic domains are
// IDN_HOST's.
const BARE_HOST =
  /(?<![\p{L}\p{N}@._/\\-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59}))(?::\d{1,5})?(\/[^\s<>"']*)?(?![\p{L}\p{N}@_-])/giu;

// Cyrillic top-level domains (the punycode forms, xn--p1ai for .рф, are BARE_HOST's). Only these: a word
// after a dot in Russian text («г.Михайловска», «р-н.Ставропольский») is no domain.
const CYRILLIC_TLDS = 'рф|рус|москва|дети|онлайн|сайт|орг|ком|бел|укр|срб|мкд|қаз|мон|бг';
// A domain of letters in any script (администрация.рф, www.шпаковский.рф) under a Cyrillic TLD, with a
// port and a path; the same boundaries as BARE_HOST. Mail programs link such addresses too.
const IDN_HOST = new RegExp(
  `(?<![\\p{L}\\p{N}@._/\\\\-])((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+(?:${CYRILLIC_TLDS}))` +
    `(?::\\d{1,5})?(\\/[^\\s<>"']*)?(?![\\p{L}\\p{N}@_-])`,
  'giu',
);

/** «администрация.рф/новости» → «администрация[.]рф/новости»: no Cyrillic domain is a page a letter may link. */
function defangCyrillicHosts(text: string): string {
  return text.replace(
    IDN_HOST,
    (token: string, host: string) => host.replace(/\./g, '[.]') + defangBareHosts(token.slice(host.length)),
  );
}

/**
 * «www.evil.example», «vk.cc/abc», «администрация.рф» → «www[.]evil[.]example», «vk[.]cc/abc»,
 * «администрация[.]рф»; a known page («vk.com/x») stays.
 */
function defangBareHosts(text: string): string {
  return defangCyrillicHosts(defangAsciiHosts(text));
}

function defangAsciiHosts(text: string): string {
  return text.replace(BARE_HOST, (token: string, host: string, path: string | undefined) => {
    const tld = host.slice(host.lastIndexOf('.') + 1).toLowerCase();
    const looksLinked = /^www\./i.test(host) || path !== undefined || LINKED_TLDS.has(tld) || tld.startsWith('xn--');
    if (!looksLinked) return token;
    if (!/[?#]/.test(token) && isLetterLinkAllowed(`https://${token}`)) return token;
    // The path may carry another address (vk.cc/a?u=evil.com): it is defanged as well.
    return host.replace(/\./g, '[.]') + defangBareHosts(token.slice(host.length));
  });
}

/**
 * «https://evil» → «hxxps://evil», «www.evil.example» → «www[.]evil[.]example»: readable, and no mail
 * program makes a link of it. A known page's address stays as it is unless it carries a query or
 * fragment (which may hold another address or make the network redirect): then it is defanged too, and
 * only its normal form is ever clickable.
 */
export function defangUrls(text: string): string {
  return defangBareHosts(
    text.replace(ANY_URL, (url) => (isLetterLinkAllowed(url) && !/[?#]/.test(url) ? url : defangScheme(url))),
  );
}

/** Cell text as a letter shows it: no control characters, foreign addresses defanged, at most `limit` characters. */
export function letterText(value: unknown, limit = CELL_TEXT_LIMIT): string {
  const text = defangUrls(
    String(value ?? '')
      .replace(CONTROL_CHARACTERS, '')
      .trim(),
  );
  const characters = [...text];
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join('')}…`;
}

/** A header (subject, sender's name): one line, no control characters, at most 250 characters. */
export function headerText(value: string): string {
  return letterText(value.replace(LINE_BREAKS, ' ').replace(/ {2,}/g, ' '), 250);
}

/**
 * A page link in the HTML part: for a page of a known network a link to its normal form (letterHref)
 * labelled with the cell's text, otherwise the defanged text.
 */
export function pageLinkHtml(url: string | null | undefined, label?: string): string {
  const link = (url ?? '').trim();
  const text = escapeHtml(letterText(label ?? link));
  const href = link === '' ? null : letterHref(link);
  return href === null ? text : `<a href="${escapeHtml(href)}">${text}</a>`;
}

/**
 * A page link in the plain-text part: the cell's text; a known page's address with a query or fragment
 * (defanged by letterText) is preceded by its normal form, the one address a mail program may link.
 */
export function pageLinkText(url: string | null | undefined): string {
  const link = (url ?? '').trim();
  const href = letterHref(link);
  return href !== null && /[?#]/.test(link) ? `${href} (${letterText(link)})` : letterText(link);
}

/** Recipients of a letter: one line each, every one a valid address, or the reason it cannot go. */
export function checkedRecipients(to: string): { ok: true; to: string } | { ok: false; reason: string } {
  const addresses = to
    .replace(CONTROL_CHARACTERS, '')
    .split(/[,;\r\n]+/)
    .map((address) => address.trim())
    .filter((address) => address !== '');
  const bad = addresses.filter((address) => !isEmailAddress(address));
  if (addresses.length === 0) return { ok: false, reason: 'у письма нет получателей.' };
  if (bad.length > 0)
    return {
      ok: false,
      reason: `не похоже на адрес электронной почты: ${bad.map((a) => `«${letterText(a, 80)}»`).join(', ')}.`,
    };
  return { ok: true, to: addresses.join(',') };
}

const ANCHOR = /<a href="([^"]*)">([\s\S]*?)<\/a>/g;

/** The last line of defence on a finished HTML part: foreign links unlinked, foreign addresses defanged. */
function safeLetterHtml(html: string): string {
  return html
    .replace(ANCHOR, (_anchor, href: string, label: string) => {
      const page = letterHref(unescapeHtml(href));
      return page === null ? label : `<a href="${escapeHtml(page)}">${label}</a>`;
    })
    .replace(/>([^<]*)</g, (_match, text: string) => `>${defangUrls(text)}<`);
}

/** The hrefs of an HTML part (for report.json and tests). */
export function letterLinks(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((match) => unescapeHtml(match[1] ?? ''));
}

/** What stays in the body of a letter too large for it (the rest goes into the attachment). */
export interface LetterBrief {
  text: string;
  /** HTML built from escaped parts. */
  html: string;
}

/**
 * A letter whose body would pass MailApp's size limit keeps a short body and carries its full HTML as an
 * attachment: no letter fails for its size.
 */
function withinSizeLimit(message: MailMessage, limit: number, brief: LetterBrief | undefined): MailMessage {
  if (utf8ByteLength(message.body) + utf8ByteLength(message.htmlBody) <= limit) return message;
  const note =
    `Письмо целиком превысило бы допустимый размер, поэтому его полный текст — во вложенном файле ` +
    `${OVERSIZED_LETTER_FILE} (откройте его в браузере).`;
  const short = brief ?? { text: '', html: '' };
  const candidate = {
    ...message,
    body: defangUrls([note, short.text].filter(Boolean).join('\n\n')) + '\n',
    htmlBody: safeLetterHtml(letterDocument(message.subject, `<p><b>${escapeHtml(note)}</b></p>\n${short.html}`)),
  };
  // Even the brief too long (it should never be): the note alone.
  const fits = utf8ByteLength(candidate.body) + utf8ByteLength(candidate.htmlBody) <= limit;
  return {
    ...candidate,
    ...(fits ? {} : { body: `${note}\n`, htmlBody: letterDocument(message.subject, paragraph(note)) }),
    attachments: [
      ...message.attachments,
      { fileName: OVERSIZED_LETTER_FILE, mimeType: 'text/html', content: message.htmlBody },
    ],
  };
}

/**
 * One of the add-on's letters: the HTML content goes into letterDocument, the plain text gets its final
 * newline, the sender's name is SENDER_NAME. Every letter kind is made here, so the rules above (one-line
 * headers, only known links clickable, foreign addresses defanged, the size limit) hold for all of them.
 */
export function mailMessage(input: {
  to: string | readonly string[];
  subject: string;
  /** The plain-text alternative, without the final newline. */
  text: string;
  /** The HTML content (the body's inside). */
  html: string;
  /** The add-on's stylesheet for <head> (e.g. RESPONSIVE_TABLE_CSS); the letter reads well without it too. */
  css?: string;
  attachments?: MailAttachment[];
  /** Defaults to LETTER_BODY_LIMIT_BYTES. */
  bodyLimitBytes?: number;
  /** What the body keeps should the letter be too large (its full HTML is then attached). */
  brief?: LetterBrief;
}): MailMessage {
  const subject = headerText(input.subject);
  return withinSizeLimit(
    {
      to: (typeof input.to === 'string' ? input.to : input.to.join(',')).replace(CONTROL_CHARACTERS, ''),
      subject,
      body: `${defangUrls(input.text.replace(CONTROL_CHARACTERS, ''))}\n`,
      htmlBody: safeLetterHtml(letterDocument(subject, input.html, input.css)),
      name: headerText(SENDER_NAME),
      attachments: input.attachments ?? [],
    },
    input.bodyLimitBytes ?? LETTER_BODY_LIMIT_BYTES,
    input.brief,
  );
}

/** Text ending with a full stop, once: «…7 декабря 2026 г.» stays, never «г..». */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** A paragraph of escaped text. */
export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

function csvField(value: string): string {
  // A cell beginning with = + - @ would be a formula in a spreadsheet program: keep it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  // Every field quoted: no reader has to guess where a field with a separator or line break ends.
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * CSV as Russian-locale spreadsheet programs open it: semicolons, CRLF, a UTF-8 byte-order mark; values
 * that would start a formula are kept as text.
 */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n';
}
