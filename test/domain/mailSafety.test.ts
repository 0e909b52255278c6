/**
 * The pure parts of issue 11: the letters' rendering helper (links, defanging, truncation, headers,
 * recipients), the mail budget, and the two new settings.
 */
import {
  checkedRecipients,
  defangUrls,
  headerText,
  isLetterLinkAllowed,
  letterLinks,
  letterText,
  mailMessage,
  letterHref,
  pageLinkHtml,
  pageLinkText,
} from '../../src/domain/letter';
import { escapeHtml } from '../../src/domain/htmlEscape';
import { planReminders, reminderAllowance } from '../../src/domain/mailBudget';
import { isInMailDomains } from '../../src/domain/email';
import { DEFAULT_SETTINGS, mailDomainsOf, parseSettings } from '../../src/domain/settings';

describe('links in letters', () => {
  it.each([
    ['https://vk.com/shpakray', 'https://vk.com/shpakray'],
    ['https://m.ok.ru/group/123', 'https://ok.ru/group/123'],
    ['https://docs.google.com/spreadsheets/d/abc/edit', 'https://docs.google.com/spreadsheets/d/abc/edit'],
    ['https://docs.google.com/forms/d/abc', null],
    ['https://vk.com.evil.example.com/x', null],
    ['javascript:alert(1)', null],
    ['https://evil.example.com/vk.com', null],
  ])('%s clickable as %s', (url, href) => {
    expect(isLetterLinkAllowed(url)).toBe(href !== null);
    expect(letterLinks(pageLinkHtml(url))).toEqual(href === null ? [] : [href]);
  });

  it('an escaped «?» in a page link stays in the path of its href', () => {
    expect(letterHref('https://vk.com/club4%3Fu=https:%2F%2Fevil.example')).toBe(
      'https://vk.com/club4%3Fu%3Dhttps%3A//evil.example',
    );
  });

  it.each([
    ['https://vk.com/club4?u=https://evil.example', 'https://vk.com/club4'],
    ['https://vk.com/away.php?to=https%3A%2F%2Fevil.example', 'https://vk.com/away.php'],
    ['https://vk.com/club4#https://evil.example', 'https://vk.com/club4'],
    ['https://ok.ru/dk?st.cmd=altGroupMain&st.groupId=53038939046008', 'https://ok.ru/group/53038939046008'],
  ])('a page link with a query or fragment, %s, links to the page’s normal form only', (url, href) => {
    const html = pageLinkHtml(url);
    expect(letterHref(url)).toBe(href);
    expect(letterLinks(html)).toEqual([href]);
    expect(html).not.toContain('https://evil');
    expect(html).toContain(
      `>${escapeHtml(
        url
          .replace(/^https:/, 'hxxps:')
          .replace('=https:', '=hxxps:')
          .replace('#https:', '#hxxps:'),
      )}</a>`,
    );
    const text = pageLinkText(url);
    expect(text.startsWith(`${href} (hxxps://`)).toBe(true);
    expect(text).not.toContain('https://evil');
    // The last line of defence does the same to an anchor a builder wrote by hand.
    const message = mailMessage({ to: 'a@x.ru', subject: 's', text, html: `<a href="${escapeHtml(url)}">x</a>` });
    expect(letterLinks(message.htmlBody)).toEqual([href]);
    expect(message.body).not.toContain('https://evil');
  });

  it('defangs every other address, in any case, and leaves the known ones', () => {
    expect(defangUrls('см. HTTPS://evil.example.com и http://x.example.org, https://vk.com/a')).toBe(
      'см. hxxps://evil.example.com и hxxp://x.example.org, https://vk.com/a',
    );
  });

  it.each([
    ['www.evil.example', 'www[.]evil[.]example'],
    ['Отдел (evil.example/login)', 'Отдел (evil[.]example/login)'],
    ['vk.cc/abc', 'vk[.]cc/abc'],
    ['см. Gosuslugi-Login.COM.', 'см. Gosuslugi-Login[.]COM.'],
    ['xn--80ak6aa92e.xn--p1ai', 'xn--80ak6aa92e[.]xn--p1ai'],
    ['vk.com/club4?u=evil.com', 'vk[.]com/club4?u=evil[.]com'],
    ['https://vk.com/club4?u=evil.com', 'hxxps://vk.com/club4?u=evil[.]com'],
  ])('an address typed without a scheme, %s, is defanged: %s', (text, shown) => {
    expect(letterText(text)).toBe(shown);
  });

  it.each([
    'МБОУ СОШ № 1 г.Михайловска, ул.Ленина, 1',
    'И.о. главы, т.д. и т.п., п. 3.1.5 от 20.01.2026',
    'ivanov@shpakovsky.example.ru',
    'vk.com/shpakray',
    'ok.ru/group/53038939046008',
    'e.g. v1.2 pismo.html',
  ])('Russian text, e-mail addresses and known pages stay as typed: %s', (text) => {
    expect(letterText(text)).toBe(text);
  });

  it('a finished letter keeps no foreign link even when a builder made one', () => {
    const message = mailMessage({
      to: 'a@shpakovsky.example.ru',
      subject: 'x',
      text: 'https://evil.example.com',
      html: '<p><a href="https://evil.example.com">жми</a> https://evil.example.com <a href="https://vk.com/a">vk</a></p>',
    });
    expect(letterLinks(message.htmlBody)).toEqual(['https://vk.com/a']);
    expect(message.htmlBody).toContain('hxxps://evil.example.com');
    expect(message.body).toBe('hxxps://evil.example.com\n');
  });
});

describe('cell text and headers', () => {
  it('cuts cell text to the limit with an ellipsis, dropping control characters', () => {
    expect(letterText(`a\u0000b\u202e${'я'.repeat(400)}`)).toHaveLength(300);
    expect(letterText('x'.repeat(10), 5)).toBe('xxxx…');
  });

  it('makes headers one line', () => {
    expect(headerText('Шпаковский\r\nBcc: spy@evil.example.com\u0007')).toBe('Шпаковский Bcc: spy@evil.example.com');
  });

  it.each([
    ['a@x.ru, b@y.ru', { ok: true, to: 'a@x.ru,b@y.ru' }],
    ['a@x.ru\r\nBcc: c@z.ru', { ok: false }],
    ['', { ok: false }],
    ['not an address', { ok: false }],
  ])('recipients %j', (to, expected) => {
    expect(checkedRecipients(to)).toMatchObject(expected);
  });

  it('a letter too large keeps its brief and attaches the whole HTML', () => {
    const message = mailMessage({
      to: 'a@x.ru',
      subject: 's',
      text: 'т'.repeat(1000),
      html: `<p>${'т'.repeat(1000)}</p>`,
      bodyLimitBytes: 1500,
      brief: { text: 'кратко', html: '<p>кратко</p>' },
    });
    expect(message.body).toContain('кратко');
    expect(message.attachments.map((file) => [file.fileName, file.mimeType])).toEqual([['pismo.html', 'text/html']]);
    expect(message.attachments[0]!.content).toContain('т'.repeat(1000));
  });
});

describe('the mail budget', () => {
  it('reserves first, caps by the limit, never below zero', () => {
    const reserved = [
      { kind: 'tsur', recipients: 2 },
      { kind: 'digest', recipients: 2 },
      { kind: 'failure', recipients: 2 },
    ];
    expect(reminderAllowance(100, reserved, 50)).toBe(50);
    expect(reminderAllowance(20, reserved, 50)).toBe(14);
    expect(reminderAllowance(3, reserved, 50)).toBe(0);
    expect(reminderAllowance(100, [...reserved, { kind: 'control', recipients: 90 }], 50)).toBe(4);
  });

  it('those deferred before go first', () => {
    const reminders = ['a', 'b', 'c', 'd'].map((email) => ({ email }));
    expect(planReminders(reminders, 2, ['d', 'c'])).toEqual({
      send: [{ email: 'c' }, { email: 'd' }],
      deferred: [{ email: 'a' }, { email: 'b' }],
    });
  });
});

describe('«Домены для рассылки» and «Напоминаний в день не более»', () => {
  it('default to the coordinators’ domains and 50', () => {
    const { settings } = parseSettings([['Координаторы (e-mail)', 'a@shpak.example.ru, b@SHPAK.example.ru']]);
    expect(mailDomainsOf(settings)).toEqual(['shpak.example.ru']);
    expect(settings.reminderLimit).toBe(DEFAULT_SETTINGS.reminderLimit);
    expect(isInMailDomains('x@shpak.example.ru', ['shpak.example.ru'])).toBe(true);
    expect(isInMailDomains('x@sub.shpak.example.ru', ['shpak.example.ru'])).toBe(false);
  });

  it('read from «Настройки», bad values reported in Russian', () => {
    const parsed = parseSettings([
      ['Домены для рассылки', '@school.example.org, not a domain'],
      ['Напоминаний в день не более', '5000'],
    ]);
    expect(parsed.settings.mailDomains).toEqual(['school.example.org']);
    expect(parsed.settings.reminderLimit).toBe(50);
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^«Домены для рассылки»: не похоже на домен: «not a domain»/),
      expect.stringMatching(/^«Напоминаний в день не более»: «5000» — укажите целое число от 0 до 1000/),
    ]);
  });
});
