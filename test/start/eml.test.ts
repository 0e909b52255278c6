import { buildEml, rfc5322Date, type EmlMessage } from '../../dev/eml';
import { bodyText, decodeHeader, leaves, parseEntity, parseParameterized, wireProblems } from './mime';

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

const LETTER: EmlMessage = {
  to: 'cur@stavregion.example.ru,proektofis@stavregion.example.ru',
  subject:
    'Сведения о созданных и удалённых официальных страницах в социальных сетях — Шпаковский муниципальный округ — 01.12.2026',
  body: 'Здравствуйте!\n\nСобытий: 2 (создание страниц — 1, удаление — 1).\n1. МБОУ СОШ № 1 г. Михайловска\n   ВКонтакте — https://vk.com/school1_mihailovsk\n',
  htmlBody:
    '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"></head><body><p>Здравствуйте!</p>' +
    '<table><tr><td>Управление образования = «ВКонтакте»</td></tr></table>' +
    'x'.repeat(200) +
    '</body></html>',
  name: 'Реестр официальных страниц',
};

const OPTIONS = { from: 'omkit@shpakovsky.example.ru', date: new Date('2026-12-01T06:30:00Z') };

describe('dev/eml.ts (nodemailer MailComposer)', () => {
  it.each(['base64', 'quoted-printable'] as const)(
    'writes multipart/alternative that reads back (%s)',
    async (bodyEncoding) => {
      const eml = await buildEml(LETTER, { ...OPTIONS, bodyEncoding });
      expect(wireProblems(eml)).toEqual([]);
      const message = parseEntity(eml);
      expect(message.headers.get('mime-version')).toBe('1.0');
      expect(decodeHeader(message.headers.get('subject') ?? '')).toBe(LETTER.subject);
      expect(decodeHeader(message.headers.get('from') ?? '')).toBe(
        'Реестр официальных страниц <omkit@shpakovsky.example.ru>',
      );
      expect(message.headers.get('to')).toBe('cur@stavregion.example.ru, proektofis@stavregion.example.ru');
      expect(message.headers.get('date')).toBe('Tue, 01 Dec 2026 09:30:00 +0300');
      expect(message.headers.get('message-id')).toMatch(/^<[0-9a-f]+@shpakovsky\.example\.ru>$/);
      expect(message.contentType.type).toBe('multipart/alternative');
      const [text, html] = message.parts;
      expect(message.parts).toHaveLength(2);
      expect(text?.contentType).toEqual({ type: 'text/plain', params: { charset: 'utf-8' } }); // charset names ignore case
      expect(html?.contentType).toEqual({ type: 'text/html', params: { charset: 'utf-8' } });
      expect(bodyText(text!)).toBe(crlf(LETTER.body));
      expect(bodyText(html!)).toBe(crlf(LETTER.htmlBody!));
    },
  );

  it('wraps the alternatives and the attachments in multipart/mixed', async () => {
    const csv = '\uFEFFID;Организация\r\nP-1;МБОУ СОШ № 1 г. Михайловска\r\n';
    const eml = await buildEml(
      {
        ...LETTER,
        attachments: [
          { fileName: 'svodka-tsur-2026-12-01.csv', mimeType: 'text/csv', content: csv },
          { fileName: 'Сводка ЦУР.bin', mimeType: 'application/octet-stream', content: new Uint8Array([0, 255, 1]) },
        ],
      },
      OPTIONS,
    );
    expect(wireProblems(eml)).toEqual([]);
    const message = parseEntity(eml);
    expect(message.contentType.type).toBe('multipart/mixed');
    expect(message.parts.map((part) => part.contentType.type)).toEqual([
      'multipart/alternative',
      'text/csv',
      'application/octet-stream',
    ]);
    expect(leaves(message).map((part) => part.contentType.type)).toEqual([
      'text/plain',
      'text/html',
      'text/csv',
      'application/octet-stream',
    ]);
    const [, attached, binary] = message.parts;
    expect(parseParameterized(attached!.headers.get('content-disposition') ?? '')).toEqual({
      type: 'attachment',
      params: { filename: 'svodka-tsur-2026-12-01.csv' },
    });
    expect(bodyText(attached!)).toBe(csv);
    expect(parseParameterized(binary!.headers.get('content-disposition') ?? '').params.filename).toBe('Сводка ЦУР.bin');
    expect([...Buffer.from(binary!.rawBody.replace(/\r\n/g, ''), 'base64')]).toEqual([0, 255, 1]);
  });

  it('writes a single text part when there is no HTML', async () => {
    const eml = await buildEml({ to: 'a@example.ru', subject: 'Plain', body: 'Привет' }, OPTIONS);
    const message = parseEntity(eml);
    expect(message.contentType.type).toBe('text/plain');
    expect(message.headers.get('subject')).toBe('Plain');
    expect(message.headers.get('from')).toBe('omkit@shpakovsky.example.ru');
    expect(bodyText(message)).toBe('Привет');
  });

  it('is deterministic for the same message and moment', async () => {
    expect(await buildEml(LETTER, OPTIONS)).toBe(await buildEml(LETTER, OPTIONS));
  });

  it('keeps a long Russian subject and sender name whole, within 78-character lines', async () => {
    const subject = 'Ёжик '.repeat(40).trim();
    const eml = await buildEml(
      { ...LETTER, subject, body: `a=b ${'я'.repeat(60)} \nend` },
      {
        ...OPTIONS,
        bodyEncoding: 'quoted-printable',
      },
    );
    expect(wireProblems(eml)).toEqual([]);
    const message = parseEntity(eml);
    expect(decodeHeader(message.headers.get('subject') ?? '')).toBe(subject);
    expect(bodyText(message.parts[0]!)).toBe(`a=b ${'я'.repeat(60)} \r\nend`);
  });

  it('dates the message in Moscow time', () => {
    expect(rfc5322Date(new Date('2026-12-31T21:00:00Z'))).toBe('Fri, 01 Jan 2027 00:00:00 +0300');
  });
});
