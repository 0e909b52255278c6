/**
 * Date fields in the Russian form whatever the browser's language: the person types ДД.ММ.ГГГГ (or
 * Д.М.ГГ, ДДММГГГГ, or pastes 2026-11-27), the form reads it with the domain's own parser
 * (cellValues.ts) and echoes the day it understood in words: «пятница, 27 ноября 2026».
 */
import { parseDateText } from '../../domain/cellValues';
import { formatRuDate, isIsoDate, weekday } from '../../domain/isoDate';
import type { IsoDate } from '../../domain/types';

const WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
const MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** The day a typed text names, or null. Separators may be dots, slashes, dashes or spaces; 8 digits are ДДММГГГГ. */
export function readTypedDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const iso = parseDateText(trimmed);
  if (iso !== null) return iso;
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed);
  const dotted = digits ? `${digits[1]}.${digits[2]}.${digits[3]}` : trimmed.replace(/\s*[/\s,-]\s*/g, '.');
  return parseDateText(dotted);
}

/** «пятница, 27 ноября 2026». */
export function longRuDate(date: IsoDate): string {
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
  return `${WEEKDAYS[weekday(date)]}, ${Number(date.slice(8, 10))} ${month} ${date.slice(0, 4)}`;
}

/** What a date field shows for a value of the form: ДД.ММ.ГГГГ for a day, anything else as it is. */
export function shownDate(value: string): string {
  return isIsoDate(value) ? formatRuDate(value) : value;
}
