/**
 * The sheet «Настройки»: one setting a row, its Russian label in column A, its value in column B and a
 * hint in column C. Labels are matched like headers (case, spaces, ё/е ignored), so a coordinator may
 * reorder the rows or add notes below them. Bad values fall back to the default and are reported.
 */
import * as z from 'zod';
import { emailDomain, isEmailAddress } from './email';
import { normalizeHeader } from './columns';
import type { NetworkSpec } from './links';
import { readDateCell } from './cellValues';
import { formatRuDate, MOSCOW_TIME_ZONE } from './isoDate';
import { DEFAULT_DECREE_IN_FORCE } from './obligations';
import type { IsoDate } from './types';

export interface Settings {
  /** Where the ЦУР summary goes. */
  tsurRecipients: string[];
  /** Coordinators (отдел массовых коммуникаций и ИТ): set up the register, send the summary. */
  coordinators: string[];
  districtName: string;
  /** Hour of the daily check, 0–23, Moscow time. */
  dailyCheckHour: number;
  /** Remind responsible persons of open deadlines by e-mail. */
  remindResponsible: boolean;
  /** The daily check sends the ЦУР summary by itself (otherwise the coordinator sends it from the menu). */
  sendSummaryAutomatically: boolean;
  /** The networks of the «Социальная сеть» dropdown. */
  networks: string[];
  /** The day decree No. 1199 came into force (п. 7: the day after its official publication). */
  decreeInForce: IsoDate;
  /** The signature of the coordinator's letters to ЦУР: department, name, phone, e-mail (each may be empty). */
  signatureDepartment: string;
  signatureName: string;
  signaturePhone: string;
  signatureEmail: string;
  /** Domains reminders and digests may go to; empty: the coordinators' domains (mailDomainsOf). */
  mailDomains: string[];
  /** At most this many reminders a day; the rest wait for the next working day. */
  reminderLimit: number;
  /** Who controls the execution of the decree (п. 6, the deputy head): the monthly control letter; empty = none. */
  controlRecipients: string[];
}

export type SettingKey = keyof Settings;

export type SettingKind = 'emails' | 'text' | 'hour' | 'yesNo' | 'list' | 'date' | 'domains' | 'count';

export interface SettingSpec {
  key: SettingKey;
  label: string;
  kind: SettingKind;
  /** The hint in column C. */
  help: string;
}

export const SETTINGS_HEADERS = ['Параметр', 'Значение', 'Пояснение'] as const;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  tsurRecipients: [],
  coordinators: [],
  districtName: 'Шпаковский муниципальный округ',
  dailyCheckHour: 9,
  remindResponsible: true,
  sendSummaryAutomatically: false,
  networks: ['ВКонтакте', 'Одноклассники'],
  decreeInForce: DEFAULT_DECREE_IN_FORCE,
  signatureDepartment:
    'Отдел массовых коммуникаций и информационных технологий администрации Шпаковского муниципального округа',
  signatureName: '',
  signaturePhone: '',
  signatureEmail: '',
  mailDomains: [],
  reminderLimit: 50,
  controlRecipients: [],
});

/** The rows of «Настройки» in the order setup writes them. The one definition of the labels. */
export const SETTINGS_SPECS: readonly SettingSpec[] = [
  {
    key: 'tsurRecipients',
    label: 'Получатели сводки в ЦУР',
    kind: 'emails',
    help: 'Адреса электронной почты ЦУР (проектного офиса) через запятую.',
  },
  {
    key: 'coordinators',
    label: 'Координаторы (e-mail)',
    kind: 'emails',
    help:
      'Адреса сотрудников отдела массовых коммуникаций и информационных технологий через запятую. ' +
      'Только они (и владелец таблицы) настраивают реестр, отправляют сводку и изменяют этот лист.',
  },
  {
    key: 'districtName',
    label: 'Наименование округа',
    kind: 'text',
    help: 'Как округ называется в письмах.',
  },
  {
    key: 'dailyCheckHour',
    label: 'Час ежедневной проверки',
    kind: 'hour',
    help: 'Целое число от 0 до 23, московское время. Проверка запускается в течение этого часа.',
  },
  {
    key: 'remindResponsible',
    label: 'Напоминать ответственным',
    kind: 'yesNo',
    help: '«да» — ответственные получают письма о приближении и нарушении сроков; «нет» — не получают.',
  },
  {
    key: 'sendSummaryAutomatically',
    label: 'Отправлять сводку в ЦУР автоматически',
    kind: 'yesNo',
    help: '«да» — ежедневная проверка сама отправляет сводку; «нет» — сводку отправляет координатор из меню.',
  },
  {
    key: 'networks',
    label: 'Социальные сети',
    kind: 'list',
    help: 'Значения списка «Социальная сеть» через запятую.',
  },
  {
    key: 'decreeInForce',
    label: 'Дата вступления в силу постановления № 1199',
    kind: 'date',
    help:
      'Следующий день после официального опубликования постановления от 29.08.2023 № 1199 (п. 7). По умолчанию ' +
      '30.08.2023 — самый ранний возможный день; укажите точный по дате опубликования. События до этой даты ' +
      'сообщаются в ЦУР один раз отдельным разделом и не считаются просроченными.',
  },
  {
    key: 'signatureDepartment',
    label: 'Подпись писем: отдел',
    kind: 'text',
    help: 'Подразделение, от имени которого уходит сводка в ЦУР.',
  },
  { key: 'signatureName', label: 'Подпись писем: ФИО', kind: 'text', help: 'Кто подписывает сводку в ЦУР.' },
  { key: 'signaturePhone', label: 'Подпись писем: телефон', kind: 'text', help: 'Телефон для связи с ЦУР.' },
  { key: 'signatureEmail', label: 'Подпись писем: e-mail', kind: 'text', help: 'Адрес для ответа ЦУР.' },
  {
    key: 'mailDomains',
    label: 'Домены для рассылки',
    kind: 'domains',
    help:
      'Домены почты администрации через запятую (например, shpakovsky.ru). Напоминания и сводки сроков уходят ' +
      'только на адреса этих доменов; пусто — домены адресов координаторов.',
  },
  {
    key: 'reminderLimit',
    label: 'Напоминаний в день не более',
    kind: 'count',
    help: 'Целое число от 0 до 1000. Остальные напоминания уходят в следующий рабочий день.',
  },
  {
    key: 'controlRecipients',
    label: 'Контроль исполнения (п. 6)',
    kind: 'emails',
    help:
      'Адреса заместителя главы, контролирующего исполнение постановления (п. 6), через запятую: в первый рабочий ' +
      'день месяца ему приходит письмо с обзором реестра. Пусто — письмо не отправляется.',
  },
];

export const SETTING_BY_KEY: Readonly<Record<SettingKey, SettingSpec>> = Object.fromEntries(
  SETTINGS_SPECS.map((spec) => [spec.key, spec]),
) as Record<SettingKey, SettingSpec>;

export const YES = 'да';
export const NO = 'нет';

/** A bad value in «Настройки»; `row` is the 1-based sheet row, null when the setting's row is missing. */
export interface SettingsProblem {
  key: SettingKey;
  row: number | null;
  message: string;
}

export interface ParsedSettings {
  settings: Settings;
  problems: SettingsProblem[];
  /** 1-based sheet row of every setting found. */
  rows: Partial<Record<SettingKey, number>>;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return '';
  return String(value).trim();
}

/** Splits «a@x.ru, b@x.ru; c@x.ru» (commas, semicolons, new lines) into trimmed non-empty parts. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n\r]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const hourSchema = z.coerce.number().int().min(0).max(23);
const countSchema = z.coerce.number().int().min(0).max(1000);
const DOMAIN_PATTERN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

function labelOf(key: SettingKey): string {
  return `«${SETTING_BY_KEY[key].label}»`;
}

type FieldResult<T> = { value: T } | { message: string };

/** Valid addresses (lower-cased, unique) and, when some parts are not e-mails, a message naming them. */
function parseEmails(key: SettingKey, value: unknown): { value: string[]; message: string | null } {
  const parts = splitList(cellText(value));
  const bad = parts.filter((part) => !isEmailAddress(part));
  const good = parts.filter((part) => !bad.includes(part)).map((part) => part.toLowerCase());
  const message =
    bad.length === 0
      ? null
      : `${labelOf(key)}: не похоже на адрес электронной почты: ${bad.map((part) => `«${part}»`).join(', ')}. ` +
        'Укажите адреса вида name@example.ru через запятую.';
  return { value: [...new Set(good)], message };
}

function parseHour(key: SettingKey, value: unknown): FieldResult<number> {
  const text = cellText(value);
  if (text === '') return { value: DEFAULT_SETTINGS.dailyCheckHour };
  const hourText = /^(\d{1,2})(:00)?$/.exec(text)?.[1] ?? text;
  const parsed = hourSchema.safeParse(hourText);
  if (!parsed.success) {
    return {
      message: `${labelOf(key)}: «${text}» — укажите целое число от 0 до 23. Пока используется ${DEFAULT_SETTINGS.dailyCheckHour}.`,
    };
  }
  return { value: parsed.data };
}

const YES_WORDS = new Set(['да', 'true', 'yes', '1', 'истина', 'вкл', 'включено']);
const NO_WORDS = new Set(['нет', 'false', 'no', '0', 'ложь', 'выкл', 'выключено']);

function parseYesNo(key: SettingKey, value: unknown, fallback: boolean): FieldResult<boolean> {
  if (typeof value === 'boolean') return { value };
  const text = cellText(value).toLowerCase();
  if (text === '') return { value: fallback };
  if (YES_WORDS.has(text)) return { value: true };
  if (NO_WORDS.has(text)) return { value: false };
  return {
    message: `${labelOf(key)}: «${cellText(value)}» — укажите «${YES}» или «${NO}». Пока используется «${fallback ? YES : NO}».`,
  };
}

/**
 * Reads the rows of «Настройки» (as getValues returns them, header included or not). A label found
 * twice: the first row wins. A setting whose row is missing takes its default (setup adds the row).
 */
export function parseSettings(rows: readonly (readonly unknown[])[]): ParsedSettings {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    tsurRecipients: [...DEFAULT_SETTINGS.tsurRecipients],
    coordinators: [...DEFAULT_SETTINGS.coordinators],
    networks: [...DEFAULT_SETTINGS.networks],
    mailDomains: [...DEFAULT_SETTINGS.mailDomains],
    controlRecipients: [...DEFAULT_SETTINGS.controlRecipients],
  };
  const problems: SettingsProblem[] = [];
  const found: Partial<Record<SettingKey, number>> = {};
  const byLabel = new Map(SETTINGS_SPECS.map((spec) => [normalizeHeader(spec.label), spec] as const));

  rows.forEach((cells, index) => {
    const spec = byLabel.get(normalizeHeader(cellText(cells[0])));
    if (spec === undefined || found[spec.key] !== undefined) return;
    const row = index + 1;
    found[spec.key] = row;
    const value = cells[1];
    const report = (message: string): void => {
      problems.push({ key: spec.key, row, message });
    };
    switch (spec.kind) {
      case 'emails': {
        const key = spec.key as 'tsurRecipients' | 'coordinators' | 'controlRecipients';
        const result = parseEmails(key, value);
        settings[key] = result.value;
        if (result.message !== null) report(result.message);
        break;
      }
      case 'hour': {
        const result = parseHour(spec.key, value);
        if ('value' in result) settings.dailyCheckHour = result.value;
        else report(result.message);
        break;
      }
      case 'yesNo': {
        const key = spec.key as 'remindResponsible' | 'sendSummaryAutomatically';
        const result = parseYesNo(key, value, DEFAULT_SETTINGS[key]);
        if ('value' in result) settings[key] = result.value;
        else report(result.message);
        break;
      }
      case 'list': {
        const list = [...new Set(splitList(cellText(value)))];
        if (list.length > 0) settings.networks = list;
        else report(`${labelOf(spec.key)}: список пуст. Пока используются ${DEFAULT_SETTINGS.networks.join(', ')}.`);
        break;
      }
      case 'text': {
        const text = cellText(value);
        const key = spec.key as
          'districtName' | 'signatureDepartment' | 'signatureName' | 'signaturePhone' | 'signatureEmail';
        if (text !== '' || key !== 'districtName') settings[key] = text;
        break;
      }
      case 'date': {
        const reading = readDateCell(value, MOSCOW_TIME_ZONE);
        if (reading.ok && reading.value !== null) settings.decreeInForce = reading.value;
        else if (!reading.ok || cellText(value) !== '')
          report(
            `${labelOf(spec.key)}: «${cellText(value)}» — укажите дату ДД.ММ.ГГГГ. Пока используется ` +
              `${formatRuDate(DEFAULT_SETTINGS.decreeInForce)}.`,
          );
        break;
      }
      case 'domains': {
        const parts = splitList(cellText(value)).map((part) => part.toLowerCase().replace(/^@/, ''));
        const bad = parts.filter((part) => !DOMAIN_PATTERN.test(part));
        settings.mailDomains = [...new Set(parts.filter((part) => !bad.includes(part)))];
        if (bad.length > 0)
          report(
            `${labelOf(spec.key)}: не похоже на домен: ${bad.map((part) => `«${part}»`).join(', ')}. ` +
              'Укажите домены вида shpakovsky.ru через запятую.',
          );
        break;
      }
      case 'count': {
        const text = cellText(value);
        if (text === '') break;
        const parsed = countSchema.safeParse(text);
        if (parsed.success) settings.reminderLimit = parsed.data;
        else
          report(
            `${labelOf(spec.key)}: «${text}» — укажите целое число от 0 до 1000. Пока используется ${DEFAULT_SETTINGS.reminderLimit}.`,
          );
        break;
      }
    }
  });
  return { settings, problems, rows: found };
}

/** How a setting is written into column B. */
export function settingCellValue(settings: Settings, key: SettingKey): string | number {
  const value = settings[key];
  // A date as the Russian locale types it (the sheet reads it as a date).
  if (SETTING_BY_KEY[key].kind === 'date' && typeof value === 'string') return formatRuDate(value);
  if (typeof value === 'boolean') return value ? YES : NO;
  if (Array.isArray(value)) return value.join(', ');
  return value;
}

/** The rows setup writes into a new «Настройки» (header first), or appends for settings that are missing. */
export function settingsSheetRows(settings: Settings = DEFAULT_SETTINGS): Array<[string, string | number, string]> {
  return SETTINGS_SPECS.map((spec) => [spec.label, settingCellValue(settings, spec.key), spec.help]);
}

/** True when `email` is one of the coordinators (case ignored). */
export function isCoordinatorEmail(settings: Settings, email: string): boolean {
  const wanted = email.trim().toLowerCase();
  return wanted !== '' && settings.coordinators.some((candidate) => candidate.toLowerCase() === wanted);
}

/** The configured networks as the schemas take them (hosts unknown: links to them are not matched to a network). */
export function extraNetworksOf(settings: Settings): NetworkSpec[] {
  return settings.networks.map((name) => ({ name, hosts: [] }));
}

/** Where reminders and digests may go: «Домены для рассылки», or the coordinators' domains when it is empty. */
export function mailDomainsOf(settings: Settings): string[] {
  if (settings.mailDomains.length > 0) return [...settings.mailDomains];
  return [...new Set(settings.coordinators.map(emailDomain).filter((domain) => domain !== ''))];
}
