import { isEmailAddress } from '../../src/domain/email';

describe('isEmailAddress', () => {
  it.each([
    'name@example.ru',
    'omkit@shpakovsky.example.ru',
    'адрес@администрация.рф'.replace('адрес', 'adres'),
    ' a.b@c.ru ',
  ])('accepts %s', (address) => expect(isEmailAddress(address)).toBe(true));
  it.each(['', 'name.example.ru', 'a@b', 'a@b.ru, c@d.ru', 'Иван <a@b.ru>', 'a b@c.ru'])('refuses %s', (address) =>
    expect(isEmailAddress(address)).toBe(false),
  );
});
