/**
 * Sending the add-on's letters through MailApp. The quota counts recipients, not letters: a letter to three
 * addresses takes three.
 */
import { MAX_RECIPIENTS_PER_MAIL, checkedRecipients, headerText, type MailMessage } from '../../domain/letter';
import { plural } from '../../domain/plural';

/** Addresses of a comma-separated `to`. */
export function recipientsOf(message: Pick<MailMessage, 'to'>): string[] {
  return message.to
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
}

/** What MailApp still lets this user send today (recipients). */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Why a message cannot go with the quota left, or null when it can. */
export function quotaRefusal(recipients: number, remaining: number): string | null {
  if (recipients > MAX_RECIPIENTS_PER_MAIL) {
    return `В письме ${recipients} получателей, а Google разрешает не более ${MAX_RECIPIENTS_PER_MAIL}. Сократите список в «Настройках».`;
  }
  if (remaining >= recipients) return null;
  const left = Math.max(0, remaining);
  return (
    (left === 0
      ? 'Дневной лимит писем Google исчерпан: сегодня больше нельзя отправить ни одного письма'
      : `Дневного лимита писем Google не хватает: сегодня письма можно отправить ещё ${left} ` +
        `${plural(left, 'получателю', 'получателям', 'получателям')}, а в этом письме их ${recipients}`) +
    '. Письмо не отправлено; повторите завтра.'
  );
}

/**
 * Sends the message; throws what MailApp throws (nothing is sent then), or, before MailApp, a Russian reason
 * when a recipient is not one valid address. Headers are made one line here too, whatever built the message.
 */
export function sendMail(message: MailMessage): void {
  const recipients = checkedRecipients(message.to);
  if (!recipients.ok) throw new Error(`Письмо не отправлено: ${recipients.reason}`);
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: recipients.to,
    subject: headerText(message.subject),
    body: message.body,
    htmlBody: message.htmlBody,
    name: headerText(message.name),
  };
  if (message.attachments.length > 0) {
    options.attachments = message.attachments.map((file) =>
      Utilities.newBlob(file.content, file.mimeType, file.fileName),
    );
  }
  MailApp.sendEmail(options);
}

// One definition for server, client and `npm start`; re-exported for the adapters that send mail.
export { errorText } from '../../shared/errorText';
