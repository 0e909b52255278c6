/**
 * «Письмо для контроля (п. 6)…»: the monthly control letter as it would go now, with who gets it and when.
 * Nothing is sent from this dialog.
 */
import { letterPreview, paragraph, type DialogView } from './dialog';

export const CONTROL_ACTION = 'Письмо для контроля (п. 6)';

export interface ControlPreview {
  recipients: string[];
  subject: string;
  /** The letter's HTML with its chart as a data: URL (a frame cannot read cid: images). */
  htmlBody: string;
  text: string;
}

export function controlView(preview: ControlPreview): DialogView {
  const note =
    preview.recipients.length === 0
      ? 'В «Настройках» не указан «Контроль исполнения (п. 6)»: письмо не отправляется, пока там нет адреса.'
      : `Получатели: ${preview.recipients.join(', ')}. Письмо уходит в первый рабочий день месяца с ежедневной проверкой.`;
  return {
    title: CONTROL_ACTION,
    body: [
      paragraph(note, preview.recipients.length === 0 ? 'warning' : undefined),
      paragraph(`Тема: ${preview.subject}`),
      letterPreview(preview.htmlBody, preview.text),
    ].join('\n'),
    width: 960,
    height: 680,
  };
}
