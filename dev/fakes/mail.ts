/**
 * MailApp: records every message instead of sending it. A daily quota counts recipients
 * (to + cc + bcc, like Apps Script; 100 a day on a consumer account by default) and refuses with
 * Apps Script's message when exhausted; bodies over the size limit and more than 50 recipients are
 * refused too. `failNext(message)` makes the next send throw (fault injection).
 */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { FakeObject, unwrap } from './fakeObject';
import type { FakeBlob } from './utilities';

export interface SentAttachment {
  name: string | null;
  contentType: string | null;
  data: Buffer;
}

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  noReply: boolean;
  subject: string;
  body: string;
  htmlBody: string | undefined;
  attachments: SentAttachment[];
  /** inlineImages by content ID (an <img src="cid:…"> of the HTML body). */
  inlineImages: Record<string, SentAttachment>;
  /** The effective user the script ran as. */
  from: string;
  sentAt: Date;
}

export interface MailOptions {
  /** Recipients a day (100 consumer, 1500 Workspace). */
  dailyQuota?: number;
  /** Body size limit in bytes (200 KB consumer, 400 KB Workspace). */
  maxBodyBytes?: number;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
export const QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

function splitAddresses(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeMailApp extends GAS.Mail.MailApp {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeMailApp extends FakeObject implements GAS.Mail.MailApp {
  readonly sent: SentMail[] = [];
  remaining: number;
  maxBodyBytes: number;
  private readonly failures: string[] = [];

  constructor(ctx: FakeContext, options: MailOptions = {}) {
    super(ctx, 'MailApp');
    this.remaining = options.dailyQuota ?? 100;
    this.maxBodyBytes = options.maxBodyBytes ?? 200 * 1024;
  }

  /** The next send throws this message (fault injection); call again to fail more sends. */
  failNext(message = 'Service unavailable: Mail'): this {
    this.failures.push(message);
    return this;
  }

  getRemainingDailyQuota(): number {
    return this.remaining;
  }

  sendEmail(
    a: string | GAS.Mail.MailAdvancedParameters,
    b?: string,
    c?: string,
    d?: string | GAS.Mail.MailAdvancedParameters,
  ): void {
    let message: GAS.Mail.MailAdvancedParameters;
    if (typeof a === 'object' && a !== null) message = { ...a };
    else if (typeof d === 'string') message = { to: a, replyTo: b, subject: c, body: d };
    else message = { ...(d ?? {}), to: a, subject: b, body: c };
    this.deliver(message);
  }

  private deliver(message: GAS.Mail.MailAdvancedParameters): void {
    const failure = this.failures.shift();
    if (failure !== undefined) throw this.ctx.error(failure);
    const recipients = [...splitAddresses(message.to), ...splitAddresses(message.cc), ...splitAddresses(message.bcc)];
    if (recipients.length === 0) throw this.ctx.error('Failed to send email: no recipient');
    const invalid = recipients.find((r) => !EMAIL.test(r));
    if (invalid) throw this.ctx.error(`Invalid email: ${invalid}`);
    if (recipients.length > 50) throw this.ctx.error('Limit Exceeded: Email Recipients Per Message.');
    const body = message.body ?? '';
    if (Buffer.byteLength(body) > this.maxBodyBytes || Buffer.byteLength(message.htmlBody ?? '') > this.maxBodyBytes)
      throw this.ctx.error('Limit Exceeded: Email Body Size.');
    if (this.remaining < recipients.length) throw this.ctx.error(QUOTA_MESSAGE);
    this.remaining -= recipients.length;
    const attachments = (message.attachments ?? []).map((source) => {
      const blob = unwrap(source.getBlob()) as FakeBlob;
      return { name: blob.name, contentType: blob.contentType, data: Buffer.from(blob.data) };
    });
    const inlineImages: Record<string, SentAttachment> = {};
    for (const [cid, source] of Object.entries(message.inlineImages ?? {})) {
      const blob = unwrap((source as GAS.Base.BlobSource).getBlob()) as FakeBlob;
      inlineImages[cid] = { name: blob.name, contentType: blob.contentType, data: Buffer.from(blob.data) };
    }
    this.sent.push({
      to: message.to ?? '',
      cc: message.cc ?? '',
      bcc: message.bcc ?? '',
      replyTo: message.replyTo ?? '',
      name: message.name ?? '',
      noReply: message.noReply ?? false,
      subject: message.subject ?? '',
      body,
      htmlBody: message.htmlBody,
      attachments,
      inlineImages,
      from: this.ctx.user,
      sentAt: this.ctx.now(),
    });
  }
}
