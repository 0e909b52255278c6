/**
 * ОГРН (основной государственный регистрационный номер) of an organization: 13 digits, the last
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
  if (!/^[15]/.test(digits)) {
    return (
      `номер начинается с ${digits[0] ?? ''}: ОГРН организации начинается с 1 или 5, а с 2, 6, 7, 8 или 9 начинается ` +
      'ГРН — номер записи в ЕГРЮЛ об изменениях. Возьмите ОГРН из выписки из ЕГРЮЛ (строка «ОГРН»).'
    );
  }
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

/** Weights of the control digit of an organization's 10-digit ИНН (Order of the ФНС). */
const INN_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

/**
 * Why the text is not an organization's ИНН, in Russian, to follow «ИНН»: …; null when it is valid:
 * 10 digits, the last one (Σ digit·weight) mod 11 mod 10. 12 digits is a person's ИНН.
 */
export function innError(text: string): string | null {
  const digits = text.trim();
  if (!/^\d+$/.test(digits)) return 'нужны только цифры, без пробелов и букв.';
  if (digits.length === 12) {
    return 'указано 12 цифр — это ИНН физического лица или предпринимателя; у организации ИНН из 10 цифр.';
  }
  if (digits.length !== 10) return `нужно 10 цифр, а указано ${digits.length}.`;
  const sum = INN_WEIGHTS.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  if ((sum % 11) % 10 !== Number(digits[9])) {
    return 'контрольная цифра не сходится: проверьте номер по выписке из ЕГРЮЛ.';
  }
  return null;
}
