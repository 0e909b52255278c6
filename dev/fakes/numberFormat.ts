/**
 * How Google Sheets in the Russian locale displays a cell (Range.getDisplayValues): dates through their
 * number format (dd.MM.yyyy by default), numbers with a decimal comma, booleans as ИСТИНА / ЛОЖЬ.
 * Supported number formats: date/time patterns (d dd ddd dddd m mm mmm mmmm yy yyyy h hh m mm s ss
 * am/pm, quoted text, \x), 0 / 0.00 / #,##0 / #,##0.00 / 0% style numbers, '@' (text), and automatic.
 */
import { isDate } from './context';
import { fromSerial, toSerial, wallTime } from './timeZones';

/** The format of a cell nobody formatted (what Range.getNumberFormat returns for it). */
export const AUTOMATIC_FORMAT = '0.###############';
export const DEFAULT_DATE_FORMAT = 'dd.MM.yyyy';
export const DEFAULT_DATE_TIME_FORMAT = 'dd.MM.yyyy H:mm:ss';
export const TEXT_FORMAT = '@';

const MONTHS_RU = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const DAYS_RU = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
const NBSP = '\u00a0';

function stripLiterals(format: string): string {
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
}

export function isAutomaticFormat(format: string | undefined): boolean {
  return format === undefined || format === '' || format === AUTOMATIC_FORMAT || /^general$/i.test(format);
}

/** A format that shows dates or times (its cells read back as Date objects). */
export function isDateFormat(format: string | undefined): boolean {
  if (isAutomaticFormat(format) || format === TEXT_FORMAT) return false;
  return /[ydhs]|m/i.test(stripLiterals(format ?? '').replace(/[#0.,%E+-]/g, ''));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDateCell(date: Date, format: string, timeZone: string): string {
  const w = wallTime(date, timeZone);
  const tokens: { kind: string; text: string }[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format.charAt(i);
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const close = end < 0 ? format.length : end;
      tokens.push({ kind: 'lit', text: format.slice(i + 1, close) });
      i = close + 1;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ kind: 'lit', text: format.charAt(i + 1) });
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = format.indexOf(']', i);
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (/^am\/pm/i.test(format.slice(i))) {
      tokens.push({ kind: 'ampm', text: '' });
      i += 5;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ydhms'.includes(lower)) {
      let n = 1;
      while (format.charAt(i + n).toLowerCase() === lower) n++;
      tokens.push({ kind: lower, text: format.slice(i, i + n) });
      i += n;
      continue;
    }
    tokens.push({ kind: 'lit', text: ch });
    i++;
  }
  const hasAmPm = tokens.some((t) => t.kind === 'ampm');
  const isTimeNeighbour = (index: number, step: number): boolean => {
    for (let j = index + step; j >= 0 && j < tokens.length; j += step) {
      const kind = tokens[j]?.kind;
      if (kind === 'h' || kind === 's') return true;
      if (kind !== 'lit') return false;
    }
    return false;
  };
  return tokens
    .map((token, index) => {
      const n = token.text.length;
      switch (token.kind) {
        case 'y':
          return n <= 2 ? pad(w.year % 100, 2) : String(w.year);
        case 'd':
          if (n >= 4) return DAYS_RU[w.weekday] ?? '';
          if (n === 3) return (DAYS_RU[w.weekday] ?? '').slice(0, 2);
          return pad(w.day, n);
        case 'h': {
          const hour = hasAmPm ? w.hour % 12 || 12 : w.hour;
          return pad(hour, Math.min(n, 2));
        }
        case 'm':
          if (n <= 2 && (isTimeNeighbour(index, -1) || isTimeNeighbour(index, 1))) return pad(w.minute, n);
          if (n >= 4) return MONTHS_RU[w.month - 1] ?? '';
          if (n === 3) return (MONTHS_RU[w.month - 1] ?? '').slice(0, 3);
          return pad(w.month, n);
        case 's':
          return pad(w.second, Math.min(n, 2));
        case 'ampm':
          return w.hour < 12 ? 'AM' : 'PM';
        default:
          return token.text;
      }
    })
    .join('');
}

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

function formatAutomaticNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 1e15) return n.toExponential(5).replace('.', ',').toUpperCase().replace('E+', 'E+');
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10))).replace('.', ',');
}

function formatNumberPattern(n: number, format: string): string {
  const section = format.split(';')[0] ?? format;
  const percent = section.includes('%');
  const value = percent ? n * 100 : n;
  const body = section.replace(/[^0#.,]/g, '');
  const [intPart = '', fracPart = ''] = body.split('.');
  const decimals = fracPart.replace(/[^0#]/g, '').length;
  const minDecimals = fracPart.replace(/[^0]/g, '').length;
  let text = Math.abs(value).toFixed(decimals);
  if (decimals > minDecimals) text = text.replace(new RegExp(`0{1,${decimals - minDecimals}}$`), '').replace(/\.$/, '');
  const [digits = '0', fraction] = text.split('.');
  const integer = intPart.includes(',') ? groupThousands(digits) : digits;
  const sign = value < 0 && Number(text) !== 0 ? '-' : '';
  return `${sign}${integer}${fraction ? `,${fraction}` : ''}${percent ? '%' : ''}`;
}

/** The text Sheets shows for a stored value with this number format. */
export function displayValue(value: unknown, format: string | undefined, timeZone: string): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'ИСТИНА' : 'ЛОЖЬ';
  if (typeof value === 'string') return value;
  if (format === TEXT_FORMAT)
    return isDate(value) ? formatDateCell(value, DEFAULT_DATE_FORMAT, timeZone) : String(value);
  if (isDate(value)) {
    if (isDateFormat(format)) return formatDateCell(value, format ?? DEFAULT_DATE_FORMAT, timeZone);
    if (isAutomaticFormat(format)) return formatDateCell(value, DEFAULT_DATE_FORMAT, timeZone);
    return formatNumberPattern(toSerial(value, timeZone), format ?? '');
  }
  if (typeof value === 'number') {
    if (isDateFormat(format)) return formatDateCell(fromSerial(value, timeZone), format ?? '', timeZone);
    if (isAutomaticFormat(format)) return formatAutomaticNumber(value);
    return formatNumberPattern(value, format ?? '');
  }
  return String(value);
}
