/**
 * Writes an e-mail as an RFC 5322 / MIME message (.eml) that any mail program opens: the letter of
 * `npm start` exactly as MailApp would send it. Composed by nodemailer's MailComposer (a maintained MIME
 * writer: encoded words, folding, RFC 2231 file names, multipart/alternative and /mixed), not by hand.
 * Deterministic: the boundaries and the Message-ID come from a hash of the message and the moment.
 */
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';

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

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time in Moscow time (UTC+3 all year since 2014); MailComposer writes only +0000. */
export function rfc5322Date(date: Date): string {
  const moscow = new Date(date.getTime() + 3 * 3_600_000);
  const two = (value: number): string => String(value).padStart(2, '0');
  return (
    `${WEEKDAYS[moscow.getUTCDay()]}, ${two(moscow.getUTCDate())} ${MONTHS[moscow.getUTCMonth()]} ${moscow.getUTCFullYear()} ` +
    `${two(moscow.getUTCHours())}:${two(moscow.getUTCMinutes())}:${two(moscow.getUTCSeconds())} +0300`
  );
}

const crlf = (text: string): string => text.replace(/\r\n|\r|\n/g, '\r\n');

/** The whole message as .eml text (CRLF line ends). */
export async function buildEml(message: EmlMessage, options: EmlOptions): Promise<string> {
  const encoding = options.bodyEncoding ?? 'base64';
  const digest = createHash('sha256')
    .update(JSON.stringify([message, options.from, options.date.toISOString()]))
    .digest('hex');
  const domain = options.from.includes('@') ? options.from.slice(options.from.lastIndexOf('@') + 1) : 'localhost';
  const html = message.htmlBody === undefined || message.htmlBody === '' ? undefined : message.htmlBody;
  const composer = new MailComposer({
    from: message.name ? { name: message.name, address: options.from } : options.from,
    to: message.to,
    ...(message.cc ? { cc: message.cc } : {}),
    ...(message.bcc ? { bcc: message.bcc } : {}),
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    subject: message.subject,
    date: rfc5322Date(options.date),
    messageId: options.messageId ?? `<${digest.slice(0, 24)}@${domain}>`,
    // Text in canonical form: CRLF line ends (RFC 2045 2.10), whatever the encoding.
    text: { content: crlf(message.body), contentTransferEncoding: encoding },
    ...(html === undefined ? {} : { html: { content: crlf(html), contentTransferEncoding: encoding } }),
    attachments: [
      ...(message.attachments ?? []).map((attachment) => ({
        filename: attachment.fileName,
        contentType:
          typeof attachment.content === 'string' && attachment.mimeType.startsWith('text/')
            ? `${attachment.mimeType}; charset=UTF-8`
            : attachment.mimeType,
        content: typeof attachment.content === 'string' ? attachment.content : Buffer.from(attachment.content),
        contentTransferEncoding: 'base64' as const,
      })),
      // Images the HTML shows by cid: nodemailer puts them beside the HTML in multipart/related.
      ...(message.inlineImages ?? []).map((image) => ({
        filename: image.fileName,
        contentType: image.mimeType,
        content: Buffer.from(image.content),
        cid: image.cid,
        contentDisposition: 'inline' as const,
        contentTransferEncoding: 'base64' as const,
      })),
    ],
    baseBoundary: digest.slice(0, 16),
  });
  const node = composer.compile();
  // The .eml shows whom the letter went to in copy, Bcc included (a sending transport would drop it).
  node.keepBcc = true;
  const built = await node.build();
  return built.toString('utf8');
}
