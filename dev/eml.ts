/**
 * Writes an e-mail as an RFC 5322 / MIME message (.eml) that any mail program opens: the letter of
 * `npm start` exactly as MailApp would send it. UTF-8 throughout; a Russian subject or sender name
 * becomes RFC 2047 encoded words; the text and HTML bodies are a multipart/alternative; attachments wrap
 * it in a multipart/mixed. Lines end in CRLF and never exceed 78 characters.
 */
import { createHash } from 'node:crypto';

export interface EmlAttachment {
  fileName: string;
  mimeType: string;
  /** Text (written as UTF-8) or raw bytes. */
  content: string | Uint8Array;
}

/** The fields of MailApp.sendEmail({ to, subject, body, htmlBody, name, cc, bcc, replyTo, attachments }). */
export interface EmlMessage {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  /** The sender's display name. */
  name?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  attachments?: readonly EmlAttachment[];
  /** Images the HTML shows as <img src="cid:…">: a multipart/related around the HTML and text. */
  inlineImages?: ReadonlyArray<{ cid: string; fileName: string; mimeType: string; content: Uint8Array }>;
}

export type BodyEncoding = 'base64' | 'quoted-printable';

export interface EmlOptions {
  /** The sender's address (MailApp sends as the user running the script). */
  from: string;
  /** The moment of sending; the Date header is written in Moscow time (+0300). */
  date: Date;
  /** Defaults to a hash of the message at the sender's domain. */
  messageId?: string;
  /** Transfer encoding of the text and HTML bodies; attachments are always base64. */
  bodyEncoding?: BodyEncoding;
}

const CRLF = '\r\n';
const MAX_LINE = 76;

const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

/** Base64 in lines of 76 characters. */
function base64Lines(bytes: Uint8Array): string {
  const encoded = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < encoded.length; at += MAX_LINE) lines.push(encoded.slice(at, at + MAX_LINE));
  return lines.join(CRLF);
}

/** Quoted-printable (RFC 2045 6.7) of UTF-8 text; line breaks of any kind become hard CRLF breaks. */
export function quotedPrintable(text: string): string {
  const hex = (byte: number): string => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const bytes = Buffer.from(line, 'utf8');
      const tokens: string[] = [];
      bytes.forEach((byte, index) => {
        const last = index === bytes.length - 1;
        const plain = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
        tokens.push(plain ? String.fromCharCode(byte) : hex(byte));
      });
      // Soft breaks keep every line within 76 characters, the '=' of the break included.
      const out: string[] = [];
      let current = '';
      for (const token of tokens) {
        if (current.length + token.length > MAX_LINE - 1) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/**
 * The longest start of `text` within `maxBytes` UTF-8 bytes, never cutting a character, and ending
 * after a space when there is one to end at: a reader that (against RFC 2047) puts a space between two
 * encoded words then still shows whole words.
 */
function utf8Head(text: string, maxBytes: number): string {
  let head = '';
  let size = 0;
  for (const character of text) {
    const length = Buffer.byteLength(character, 'utf8');
    if (size + length > maxBytes && head !== '') {
      const space = head.lastIndexOf(' ');
      return space > 0 ? head.slice(0, space + 1) : head;
    }
    head += character;
    size += length;
  }
  return head;
}

/**
 * RFC 2047 encoded words ('=?UTF-8?B?…?='), each at most 75 characters, folded onto continuation lines.
 * `used`: characters already on the first line (the header's name), so that it too stays within 76.
 * ASCII text is returned as it is.
 */
export function encodeWords(text: string, used = 0): string {
  if (isAscii(text)) return text;
  // 45 bytes → 60 base64 characters + 12 of '=?UTF-8?B?' and '?=' = 72 ≤ 75; the first word gets what is left.
  const firstBytes = Math.max(3, Math.min(45, Math.floor((MAX_LINE - used - 12) / 4) * 3));
  const words: string[] = [];
  let rest = text;
  for (let limit = firstBytes; rest !== ''; limit = 45) {
    const chunk = utf8Head(rest, limit);
    words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
    rest = rest.slice(chunk.length);
  }
  return words.join(`${CRLF} `);
}

/** An address list folded after commas so that no line passes 78 characters. */
function foldAddresses(name: string, list: string): string {
  const addresses = list
    .split(/[,;]/)
    .map((address) => address.trim())
    .filter((address) => address !== '');
  let line = `${name}:`;
  const lines: string[] = [];
  addresses.forEach((address, index) => {
    const piece = ` ${address}${index < addresses.length - 1 ? ',' : ''}`;
    if (line.length + piece.length > 78 && line !== `${name}:`) {
      lines.push(line);
      line = '';
    }
    line += piece;
  });
  lines.push(line);
  return lines.join(CRLF);
}

function mailbox(header: string, displayName: string | undefined, address: string): string {
  if (displayName === undefined || displayName.trim() === '') return `${header}: ${address}`;
  if (isAscii(displayName)) return `${header}: "${displayName.replace(/(["\\])/g, '\\$1')}"${CRLF} <${address}>`;
  return `${header}: ${encodeWords(displayName, header.length + 2)}${CRLF} <${address}>`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time in Moscow time, which has been UTC+3 all year round since 2014. */
export function rfc5322Date(date: Date): string {
  const moscow = new Date(date.getTime() + 3 * 3_600_000);
  const two = (value: number): string => String(value).padStart(2, '0');
  return (
    `${WEEKDAYS[moscow.getUTCDay()]}, ${two(moscow.getUTCDate())} ${MONTHS[moscow.getUTCMonth()]} ${moscow.getUTCFullYear()} ` +
    `${two(moscow.getUTCHours())}:${two(moscow.getUTCMinutes())}:${two(moscow.getUTCSeconds())} +0300`
  );
}

/**
 * A MIME parameter on its own folded line: plain when ASCII, else RFC 2231 percent-encoded UTF-8, split
 * into numbered sections (name*0*=…; name*1*=…) so that no line grows past 76 characters.
 */
function parameter(name: string, value: string): string {
  if (isAscii(value) && !/["\\]/.test(value) && value.length + name.length < 60) return `${name}="${value}"`;
  const encoded = encodeURIComponent(value).replace(
    /['()*!]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const sections = encoded.match(/(?:%[0-9A-F]{2}|[^%]){1,18}/g) ?? [''];
  if (sections.length === 1) return `${name}*=UTF-8''${encoded}`;
  return sections
    .map((section, index) => `${name}*${index}*=${index === 0 ? "UTF-8''" : ''}${section}`)
    .join(`;${CRLF} `);
}

/** Text in canonical form: CRLF line ends (RFC 2045 2.10), whatever the encoding. */
function textPart(mimeType: string, text: string, encoding: BodyEncoding): string {
  const canonical = text.replace(/\r\n|\r|\n/g, CRLF);
  const body = encoding === 'base64' ? base64Lines(Buffer.from(canonical, 'utf8')) : quotedPrintable(canonical);
  return [`Content-Type: ${mimeType}; charset=UTF-8`, `Content-Transfer-Encoding: ${encoding}`, '', body].join(CRLF);
}

function attachmentPart(attachment: EmlAttachment): string {
  const bytes = typeof attachment.content === 'string' ? Buffer.from(attachment.content, 'utf8') : attachment.content;
  const charset =
    typeof attachment.content === 'string' && attachment.mimeType.startsWith('text/') ? '; charset=UTF-8' : '';
  return [
    `Content-Type: ${attachment.mimeType}${charset};${CRLF} ${parameter('name', attachment.fileName)}`,
    `Content-Disposition: attachment;${CRLF} ${parameter('filename', attachment.fileName)}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(bytes),
  ].join(CRLF);
}

function multipart(subtype: 'alternative' | 'mixed' | 'related', boundary: string, parts: readonly string[]): string {
  return [
    `Content-Type: multipart/${subtype};${CRLF} boundary="${boundary}"`,
    '',
    ...parts.map((part) => `--${boundary}${CRLF}${part}`),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

/** The whole message as .eml text (CRLF line ends). */
export function buildEml(message: EmlMessage, options: EmlOptions): string {
  const encoding = options.bodyEncoding ?? 'base64';
  const attachments = message.attachments ?? [];
  // Boundaries begin with '=_', which neither base64 nor quoted-printable text can contain.
  const digest = createHash('sha256')
    .update(JSON.stringify([message, options.from, options.date.toISOString()]))
    .digest('hex');
  const domain = options.from.includes('@') ? options.from.slice(options.from.lastIndexOf('@') + 1) : 'localhost';
  const messageId = options.messageId ?? `<${digest.slice(0, 24)}@${domain}>`;

  const text = textPart('text/plain', message.body, encoding);
  let content =
    message.htmlBody === undefined || message.htmlBody === ''
      ? text
      : multipart('alternative', `=_alt_${digest.slice(0, 16)}`, [
          text,
          textPart('text/html', message.htmlBody, encoding),
        ]);
  const inline = message.inlineImages ?? [];
  if (inline.length > 0) {
    content = multipart('related', `=_rel_${digest.slice(8, 24)}`, [
      content,
      ...inline.map((image) =>
        [
          `Content-Type: ${image.mimeType};${CRLF} ${parameter('name', image.fileName)}`,
          `Content-ID: <${image.cid}>`,
          `Content-Disposition: inline;${CRLF} ${parameter('filename', image.fileName)}`,
          'Content-Transfer-Encoding: base64',
          '',
          base64Lines(image.content),
        ].join(CRLF),
      ),
    ]);
  }
  if (attachments.length > 0) {
    content = multipart('mixed', `=_mix_${digest.slice(16, 32)}`, [content, ...attachments.map(attachmentPart)]);
  }

  const headers = [
    mailbox('From', message.name, options.from),
    foldAddresses('To', message.to),
    ...(message.cc ? [foldAddresses('Cc', message.cc)] : []),
    ...(message.bcc ? [foldAddresses('Bcc', message.bcc)] : []),
    ...(message.replyTo ? [foldAddresses('Reply-To', message.replyTo)] : []),
    `Subject: ${encodeWords(message.subject, 'Subject: '.length)}`,
    `Date: ${rfc5322Date(options.date)}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
  ];
  const eml = `${headers.join(CRLF)}${CRLF}${content}`;
  return eml.endsWith(CRLF) ? eml : `${eml}${CRLF}`;
}
