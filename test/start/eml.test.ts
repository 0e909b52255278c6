import { buildEml, encodeWords, quotedPrintable, rfc5322Date, type EmlMessage } from '../../dev/eml';
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

describe('dev/eml.ts', () => {
  it.each(['base64', 'quoted-printable'] as const)(
    'writes multipart/alternative that reads back (%s)',
    (bodyEncoding) => {
      const eml = buildEml(LETTER, { ...OPTIONS, bodyEncoding });
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
      expect(text?.contentType).toEqual({ type: 'text/plain', params: { charset: 'UTF-8' } });
      expect(html?.contentType).toEqual({ type: 'text/html', params: { charset: 'UTF-8' } });
      expect(bodyText(text!)).toBe(crlf(LETTER.body));
      expect(bodyText(html!)).toBe(crlf(LETTER.htmlBody!));
    },
  );

  it('wraps the alternatives and the attachments in multipart/mixed', () => {
    const csv = '\uFEFFID;Организация\r\nP-1;МБОУ СОШ № 1 г. Михайловска\r\n';
    const eml = buildEml(
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

  it('writes a single text part when there is no HTML', () => {
    const eml = buildEml({ to: 'a@example.ru', subject: 'Plain', body: 'Привет' }, OPTIONS);
    const message = parseEntity(eml);
    expect(message.contentType.type).toBe('text/plain');
    expect(message.headers.get('subject')).toBe('Plain');
    expect(message.headers.get('from')).toBe('omkit@shpakovsky.example.ru');
    expect(bodyText(message)).toBe('Привет');
  });

  it('is deterministic for the same message and moment', () => {
    expect(buildEml(LETTER, OPTIONS)).toBe(buildEml(LETTER, OPTIONS));
  });

  it('encodes words within 75 characters without cutting a character', () => {
    const words = encodeWords('Ёжик '.repeat(40));
    for (const line of words.split('\r\n')) expect(line.trim().length).toBeLessThanOrEqual(75);
    expect(decodeHeader(words)).toBe('Ёжик '.repeat(40));
    expect(encodeWords('ASCII only')).toBe('ASCII only');
    // Words are split between words where possible (readers that add a space between encoded words).
    const pieces = encodeWords('Реестр официальных страниц', 'From: '.length)
      .split('\r\n ')
      .map((word) => decodeHeader(word));
    expect(pieces).toEqual(['Реестр официальных ', 'страниц']);
  });

  it('quoted-printable keeps lines short, escapes = and trailing spaces', () => {
    const encoded = quotedPrintable(`a=b ${'я'.repeat(60)} \nend`);
    for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect(encoded).toContain('a=3Db');
    expect(encoded).toMatch(/=20\r\nend$/);
  });

  it('dates the message in Moscow time', () => {
    expect(rfc5322Date(new Date('2026-12-31T21:00:00Z'))).toBe('Fri, 01 Jan 2027 00:00:00 +0300');
  });
});
