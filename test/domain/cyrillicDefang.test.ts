/**
 * Cyrillic domains in letters (issue 13 leftover): «администрация.рф» typed into a cell is linked by mail
 * programs just like «evil.example», so a letter shows it defanged, as it shows its punycode form
 * (xn--…xn--p1ai); Russian text with dots, e-mail addresses on .рф and known pages stay as typed.
 */
import { letterText, mailMessage } from '../../src/domain/letter';

describe('Cyrillic domains in letters', () => {
  it.each([
    ['администрация.рф', 'администрация[.]рф'],
    ['см. шпаковский.рф/новости?id=1', 'см. шпаковский[.]рф/новости?id=1'],
    ['www.админ.рф', 'www[.]админ[.]рф'],
    ['сайт: ГОСУСЛУГИ.РФ.', 'сайт: ГОСУСЛУГИ[.]РФ.'],
    ['адм-шмо.рф:8080/вход', 'адм-шмо[.]рф:8080/вход'],
    ['школа.дети и магазин.москва', 'школа[.]дети и магазин[.]москва'],
    ['пример.рф/перейти?u=evil.com', 'пример[.]рф/перейти?u=evil[.]com'],
    ['(мвд.рф)', '(мвд[.]рф)'],
    ['xn--80aesfpebagmfblc0a.xn--p1ai', 'xn--80aesfpebagmfblc0a[.]xn--p1ai'],
    ['XN--D1ACUFC.XN--P1AI/login', 'XN--D1ACUFC[.]XN--P1AI/login'],
    ['https://админ.рф/вход', 'hxxps://админ.рф/вход'],
  ])('%s is shown as %s', (text, shown) => {
    expect(letterText(text)).toBe(shown);
  });

  it.each([
    'МБОУ СОШ № 1 г.Михайловска, ул.Ленина, 1',
    'Шпаковский р-н.Ставропольский край',
    'И.о. директора, т.д. и т.п., в РФ.',
    'ivanov@администрация.рф',
    'vk.com/shpakray',
  ])('stays as typed: %s', (text) => {
    expect(letterText(text)).toBe(text);
  });

  it('a finished letter shows no Cyrillic domain undefanged, in either part', () => {
    const message = mailMessage({
      to: 'a@shpakovsky.example.ru',
      subject: 'x',
      text: 'Страница: администрация.рф',
      html: '<p>Страница: администрация.рф</p>',
    });
    expect(message.body).toBe('Страница: администрация[.]рф\n');
    expect(message.htmlBody).toContain('<p>Страница: администрация[.]рф</p>');
  });
});
