import type { ColumnKey } from './types';
import { TextMemo } from './memo';

/** How a column's cells are read and validated. */
export type ColumnKind = 'id' | 'text' | 'list' | 'url' | 'date' | 'email' | 'checkbox' | 'ogrn' | 'inn';

/** Who writes the column: people, the add-on on events (service), or the add-on on every recompute. */
export type ColumnRole = 'input' | 'service' | 'computed';

export interface ColumnSpec {
  key: ColumnKey;
  header: string;
  /**
   * Other names people give the column. Only input columns have them: a service or computed column is
   * recognised by its canonical header alone, because setup writes those cells; a column of the
   * departments' own called «Код», «Статус» or «Крайний срок» stays theirs, and ours is appended.
   */
  aliases: readonly string[];
  kind: ColumnKind;
  role: ColumnRole;
  /** A short Russian hint shown in data-validation help and the sidebar. */
  help: string;
}

export const SHEET_NAMES = {
  register: 'Реестр',
  settings: 'Настройки',
  calendar: 'Производственный календарь',
  journal: 'Журнал',
  overview: 'Обзор',
} as const;

export const ORG_KINDS = ['Администрация округа', 'Структурное подразделение', 'Подведомственная организация'] as const;

/** The register's columns in the order setup appends them. The one definition used everywhere. */
export const COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'id',
    header: 'ID',
    aliases: [],
    kind: 'id',
    role: 'service',
    help: 'Присваивается автоматически, не изменяйте.',
  },
  {
    key: 'organization',
    header: 'Организация',
    aliases: ['Наименование организации', 'Подразделение', 'Наименование', 'Структурное подразделение / организация'],
    kind: 'text',
    role: 'input',
    help: 'Полное наименование подразделения или организации.',
  },
  {
    key: 'orgKind',
    header: 'Вид организации',
    aliases: ['Тип организации', 'Вид'],
    kind: 'list',
    role: 'input',
    help: 'Выберите из списка.',
  },
  {
    key: 'network',
    header: 'Социальная сеть',
    aliases: ['Соцсеть', 'Сеть', 'Социальные сети'],
    kind: 'list',
    role: 'input',
    help: 'ВКонтакте или Одноклассники.',
  },
  {
    key: 'link',
    header: 'Ссылка на страницу',
    aliases: ['Ссылка', 'Адрес страницы', 'URL', 'Страница'],
    kind: 'url',
    role: 'input',
    help: 'Полный адрес, например https://vk.com/shpakray',
  },
  {
    key: 'createdOn',
    header: 'Дата создания',
    aliases: ['Создана', 'Дата создания страницы'],
    kind: 'date',
    role: 'input',
    help: 'День, когда страница стала официальной: создана или определена официальной. ДД.ММ.ГГГГ, не позже сегодняшней.',
  },
  {
    key: 'deletedOn',
    header: 'Дата удаления',
    aliases: ['Удалена', 'Дата удаления страницы'],
    kind: 'date',
    role: 'input',
    help: 'Заполните, если страница удалена. Не раньше даты создания.',
  },
  {
    key: 'responsibleName',
    header: 'Ответственный (ФИО)',
    aliases: ['Ответственный', 'ФИО ответственного', 'Ответственное лицо'],
    kind: 'text',
    role: 'input',
    help: 'Фамилия, имя, отчество ответственного (не ниже заместителя руководителя).',
  },
  {
    key: 'responsiblePosition',
    header: 'Должность ответственного',
    aliases: ['Должность', 'Должность ответственного лица'],
    kind: 'text',
    role: 'input',
    help: 'Руководитель или заместитель руководителя (п. 3.2.1.2).',
  },
  {
    key: 'responsibleEmail',
    header: 'E-mail ответственного',
    aliases: ['Email ответственного', 'Электронная почта ответственного', 'E-mail', 'Email', 'Почта'],
    kind: 'email',
    role: 'input',
    help: 'Адрес для напоминаний, например name@example.ru',
  },
  {
    key: 'authorizedName',
    header: 'Уполномоченное лицо (ФИО)',
    aliases: ['Уполномоченное лицо', 'ФИО уполномоченного', 'Уполномоченный'],
    kind: 'text',
    role: 'input',
    help: 'Работник, авторизованный в социальной сети (п. 3.2.1.3).',
  },
  {
    key: 'esiaVerified',
    header: 'Идентификация в ЕСИА',
    aliases: ['ЕСИА', 'Идентификация ЕСИА', 'Прошел идентификацию в ЕСИА'],
    kind: 'checkbox',
    role: 'input',
    help: 'Отметьте, если уполномоченное лицо прошло идентификацию через Госуслуги.',
  },
  {
    key: 'exemptionBasis',
    header: 'Основание освобождения (п. 4)',
    aliases: ['Основание освобождения', 'Освобождение', 'Основание (п. 4)'],
    kind: 'text',
    role: 'input',
    help: 'Заполняется, если страницу по согласованию можно не создавать (п. 4).',
  },
  {
    key: 'deptReportedCreation',
    header: 'Сообщено в отдел (создание)',
    aliases: [],
    kind: 'date',
    role: 'service',
    help: 'Ставится автоматически при регистрации создания; может исправить координатор.',
  },
  {
    key: 'deptReportedDeletion',
    header: 'Сообщено в отдел (удаление)',
    aliases: [],
    kind: 'date',
    role: 'service',
    help: 'Ставится автоматически при регистрации удаления; может исправить координатор.',
  },
  {
    key: 'tsurReportedCreation',
    header: 'Сообщено в ЦУР (создание)',
    aliases: [],
    kind: 'date',
    role: 'service',
    help: 'Ставится автоматически после отправки сводки в ЦУР.',
  },
  {
    key: 'tsurReportedDeletion',
    header: 'Сообщено в ЦУР (удаление)',
    aliases: [],
    kind: 'date',
    role: 'service',
    help: 'Ставится автоматически после отправки сводки в ЦУР.',
  },
  {
    key: 'deadline',
    header: 'Срок',
    aliases: [],
    kind: 'date',
    role: 'computed',
    help: 'Ближайший не исполненный срок; вычисляется автоматически.',
  },
  {
    key: 'state',
    header: 'Состояние',
    aliases: [],
    kind: 'text',
    role: 'computed',
    help: 'Вычисляется автоматически.',
  },
  {
    key: 'ogrn',
    header: 'ОГРН',
    aliases: ['ОГРН организации'],
    kind: 'ogrn',
    role: 'input',
    help: '13 цифр, начинается с 1 или 5; проверяется контрольная цифра.',
  },
  {
    key: 'inn',
    header: 'ИНН',
    aliases: ['ИНН организации'],
    kind: 'inn',
    role: 'input',
    help: 'Необязательно. ИНН организации: 10 цифр; проверяется контрольная цифра.',
  },
  {
    key: 'govMark',
    header: 'Госметка',
    aliases: ['Метка «Госорганизация»', 'Метка Госорганизация'],
    kind: 'checkbox',
    role: 'input',
    help: 'На странице отображается метка «Госорганизация».',
  },
  {
    key: 'govPublics',
    header: 'Подключено к «Госпабликам»',
    aliases: ['Госпаблики', 'Подключено к Госпабликам'],
    kind: 'checkbox',
    role: 'input',
    help: 'Страница подключена к компоненту «Госпаблики» Госуслуг.',
  },
  {
    key: 'note',
    header: 'Примечание',
    aliases: ['Примечания', 'Комментарий'],
    kind: 'text',
    role: 'input',
    help: 'Свободный текст.',
  },
];

export const COLUMN_BY_KEY: Readonly<Record<ColumnKey, ColumnSpec>> = Object.fromEntries(
  COLUMNS.map((column) => [column.key, column]),
) as Record<ColumnKey, ColumnSpec>;

/** Lowercase, ё→е, quotes and trailing punctuation dropped, spaces collapsed: «  Дата  создания: » = «дата создания». */
export function normalizeHeader(text: string): string {
  // Every row's organization, network and kind go through here: the same few hundred texts.
  return NORMALIZED.get(text);
}

const NORMALIZED = new TextMemo(normalizeHeaderOnce);

function normalizeHeaderOnce(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„']/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,:;*!?]+$/u, '')
    .trim();
}

/** The names a column is recognised by: its header, and its aliases when people write it (see ColumnSpec.aliases). */
export function headerNames(column: ColumnSpec): readonly string[] {
  return column.role === 'input' ? [column.header, ...column.aliases] : [column.header];
}

const KEY_BY_NORMALIZED_HEADER: ReadonlyMap<string, ColumnKey> = new Map(
  COLUMNS.flatMap((column) => headerNames(column).map((name) => [normalizeHeader(name), column.key] as const)),
);

/** The column a header names, or null for a column of the users' own. */
export function columnKeyForHeader(header: unknown): ColumnKey | null {
  if (typeof header !== 'string') return null;
  return KEY_BY_NORMALIZED_HEADER.get(normalizeHeader(header)) ?? null;
}

export interface HeaderMap {
  /** 0-based position of each known column found in the header row. */
  positions: Partial<Record<ColumnKey, number>>;
  /** Known columns named twice: the first one wins, the others are reported. */
  duplicates: Array<{ key: ColumnKey; position: number }>;
}

/** Maps a header row to the catalogue. The first occurrence of a column wins. */
export function mapHeaders(headerRow: readonly unknown[]): HeaderMap {
  const positions: Partial<Record<ColumnKey, number>> = {};
  const duplicates: HeaderMap['duplicates'] = [];
  headerRow.forEach((cell, position) => {
    const key = columnKeyForHeader(cell);
    if (key === null) return;
    if (positions[key] === undefined) positions[key] = position;
    else duplicates.push({ key, position });
  });
  return { positions, duplicates };
}
