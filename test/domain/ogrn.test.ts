import { isValidOgrn, ogrnControlDigit, ogrnError } from '../../src/domain/ogrn';

/** The control digit computed independently, with BigInt. */
function bigIntControl(first12: string): number {
  return Number((BigInt(first12) % 11n) % 10n);
}

describe('isValidOgrn', () => {
  it.each([
    '1027700132195', // ПАО Сбербанк
    '1027700070518', // ПАО «Газпром»
    '1022600000004', // 102260000000 mod 11 = 4
    '1022600000060', // remainder 10 → control digit 0
    ' 1027700132195 ',
  ])('accepts %s', (ogrn) => {
    expect(isValidOgrn(ogrn)).toBe(true);
    expect(ogrnError(ogrn)).toBeNull();
  });

  it.each(['1027700132196', '1027700132190', '1022600000000', '1022600000061'])(
    'rejects %s for its control digit',
    (ogrn) => {
      expect(isValidOgrn(ogrn)).toBe(false);
      expect(ogrnError(ogrn)).toMatch(/^контрольная цифра не сходится/);
    },
  );

  it('explains a 15-digit number as an ОГРНИП', () => {
    expect(ogrnError('304263501000012')).toMatch(/ОГРНИП/);
  });

  it('explains wrong lengths and non-digits', () => {
    expect(ogrnError('102770013219')).toBe('нужно 13 цифр, а указано 12.');
    expect(ogrnError('1027 7001 32195')).toBe('нужны только цифры, без пробелов и букв.');
    expect(ogrnError('ОГРН 1027700132195')).toBe('нужны только цифры, без пробелов и букв.');
    expect(ogrnError('')).toBe('нужны только цифры, без пробелов и букв.');
  });

  it('computes the control digit exactly for every remainder', () => {
    for (let k = 0; k < 200; k += 1) {
      const first12 = String(999999999800 + k);
      expect(ogrnControlDigit(first12)).toBe(bigIntControl(first12));
    }
    expect(ogrnControlDigit('102260000006')).toBe(0);
  });
});
