/**
 * ОГРН (основной государственный регистрационный номер) of an organisation: 13 digits, the last
 * one a control digit: (the number formed by the first 12 digits) mod 11, then mod 10.
 */

/** Why the text is not a valid ОГРН, in Russian, to follow «ОГРН»: …; null when it is valid. */
export function ogrnError(text: string): string | null {
  const digits = text.trim();
  if (!/^\d+$/.test(digits)) return 'нужны только цифры, без пробелов и букв.';
  if (digits.length === 15) {
    return 'указано 15 цифр — похоже на ОГРНИП индивидуального предпринимателя; для организации нужен ОГРН из 13 цифр.';
  }
  if (digits.length !== 13) return `нужно 13 цифр, а указано ${digits.length}.`;
  if (ogrnControlDigit(digits.slice(0, 12)) !== Number(digits[12])) {
    return 'контрольная цифра не сходится: проверьте номер по выписке из ЕГРЮЛ.';
  }
  return null;
}

export function isValidOgrn(text: string): boolean {
  return ogrnError(text) === null;
}

/**
 * The control digit for the first 12 digits. The remainder is taken digit by digit
 * (r = (10·r + d) mod 11), so it is exact without relying on doubles (10^12 would still fit
 * exactly) and without BigInt (the bundle targets ES2019, which has no BigInt literals).
 */
export function ogrnControlDigit(first12: string): number {
  let remainder = 0;
  for (const digit of first12) remainder = (remainder * 10 + Number(digit)) % 11;
  return remainder % 10;
}
