/**
 * Whether a value breaks a data-validation rule, for rules that reject invalid input
 * (setAllowInvalid(false)): Apps Script then refuses the write. Rules this cannot judge without a
 * formula engine (custom formulas, ranges) accept everything.
 */
import type { CellValue } from './cellParsing';
import { isDate } from './context';
import type { ValidationSpec } from './dataValidation';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_LIKE = /^(https?:\/\/)?[^\s/]+\.[^\s]+$/i;

function dayNumber(value: unknown): number | undefined {
  return isDate(value) ? Math.floor(value.getTime() / 86_400_000) : undefined;
}

export function violates(spec: ValidationSpec, value: CellValue): boolean {
  if (value === '') return false;
  const [a, b] = spec.values;
  switch (String(spec.criteria)) {
    case 'VALUE_IN_LIST':
      return !(a as unknown[]).map(String).includes(String(value));
    case 'CHECKBOX':
      return spec.values.length === 0 ? typeof value !== 'boolean' : !spec.values.map(String).includes(String(value));
    case 'DATE_IS_VALID_DATE':
      return !isDate(value);
    case 'DATE_ON_OR_BEFORE':
      return !isDate(value) || (dayNumber(value) ?? 0) > (dayNumber(a) ?? 0);
    case 'DATE_ON_OR_AFTER':
      return !isDate(value) || (dayNumber(value) ?? 0) < (dayNumber(a) ?? 0);
    case 'DATE_BEFORE':
      return !isDate(value) || (dayNumber(value) ?? 0) >= (dayNumber(a) ?? 0);
    case 'DATE_AFTER':
      return !isDate(value) || (dayNumber(value) ?? 0) <= (dayNumber(a) ?? 0);
    case 'TEXT_IS_VALID_EMAIL':
      return !EMAIL.test(String(value));
    case 'TEXT_IS_VALID_URL':
      return !URL_LIKE.test(String(value));
    case 'NUMBER_BETWEEN':
      return typeof value !== 'number' || value < Number(a) || value > Number(b);
    default:
      return false;
  }
}
