/**
 * Realistic registers of any size for the benchmark, from a seeded pseudo-random generator: the same
 * seed and size give the same sheet, cell for cell.
 *
 * The sheet is laid out as the departments keep it before the add-on is set up (like the sample of
 * `npm start`): their own «№ п/п» column first, some headers under everyday names («Наименование
 * организации», «Соцсеть», «Ссылка»), the «Сообщено…» stamps already kept by hand, and no ID, «Срок»,
 * «Состояние», «Госметка» or «Госпаблики» columns (setup appends them and gives every row an ID).
 *
 * Two kinds of rows:
 *  - bulk rows, as many as the size asks: pages created between 09.2023 and 10.2026, almost all reported
 *    in time (some late), about 8 % deleted, 2 % exemptions (п. 4), 1 % with a filling error, some
 *    warnings (a position that does not read as head level, ЕСИА unticked), dates mostly date cells but
 *    also typed as text (ДД.ММ.ГГГГ) and a few as serial numbers;
 *  - RECENT_ROWS: the same dozen pages at every size, created or deleted in the last days before
 *    BENCH_TODAY and not yet reported to ЦУР (three of them overdue), spread evenly through the sheet.
 *    So the ЦУР summary and the coordinator's digest carry the same events at every size: what changes
 *    with the size is the register they are read from, not the letters.
 * Responsible persons' e-mails come from a fixed pool of RESPONSIBLE_POOL addresses (a district has a
 * few dozen departments and organizations), so the daily check sends at most that many reminders
 * however long the register is.
 */
import { createCalendar } from '../src/domain/calendar';
import { addDays, compareIsoDates } from '../src/domain/isoDate';
import { ogrnControlDigit } from '../src/domain/ogrn';
import { DEFAULT_SETTINGS, SETTINGS_HEADERS, settingsSheetRows, type Settings } from '../src/domain/settings';
import type { ColumnKey, IsoDate } from '../src/domain/types';
import { SAMPLE_COLUMNS } from '../dev/sample/register';

/** «Today» of every benchmark run: Tuesday 01.12.2026, a working day (decree No. 1466). */
export const BENCH_TODAY: IsoDate = '2026-12-01';

export const BENCH_OWNER = 'omkit@shpakovsky.example.ru';
export const BENCH_COORDINATOR = 'sabotyrev@shpakovsky.example.ru';
export const BENCH_CLERK = 'school1@shpakovsky.example.ru';
export const BENCH_TSUR = ['cur@stavregion.example.ru', 'proektofis@stavregion.example.ru'];

/** Distinct responsible persons' addresses in the bulk rows. */
export const RESPONSIBLE_POOL = 40;

/** The departments' header row (the sample's: `npm start`): an alias of a catalogue column, or their own. */
export const BENCH_COLUMNS = SAMPLE_COLUMNS;

export type BenchCell = string | number | boolean | Date;

export interface BenchRegister {
  size: number;
  seed: number;
  /** Header row first, then one row per page: as Range.setValues is given it (quote prefix for text). */
  values: BenchCell[][];
  /** «Настройки» as the coordinator filled it in. */
  settings: unknown[][];
  /** Sheet rows (1-based) of the RECENT_ROWS. */
  recentRows: number[];
}

/** mulberry32: a small, fast, well-distributed 32-bit generator. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const chance = (random: Random, p: number): boolean => random() < p;
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

const CALENDAR = createCalendar();

/** Midnight of the day in Moscow (UTC+3 all year): a date cell. */
export function moscowDay(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+03:00`);
}

/** Days since 30.12.1899: the spreadsheet serial number of a day. */
function serialOf(date: IsoDate): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const VILLAGES = [
  'г. Михайловска',
  'с. Верхнерусского',
  'с. Надежда',
  'с. Пелагиада',
  'ст. Новомарьевской',
  'с. Татарка',
  'с. Сенгилеевского',
  'пос. Цимлянского',
  'с. Деминского',
  'х. Нижнерусского',
];
const DEPARTMENTS = [
  'Управление образования',
  'Отдел культуры',
  'Отдел физической культуры и спорта',
  'Отдел по делам молодёжи',
  'Управление сельского хозяйства и охраны окружающей среды',
  'Отдел экономического развития',
  'Управление архитектуры и градостроительства',
  'Отдел по делам гражданской обороны и чрезвычайных ситуаций',
  'Финансовое управление',
  'Управление труда и социальной защиты населения',
];
const SURNAMES = [
  'Иванова',
  'Петров',
  'Сидоренко',
  'Кузнецова',
  'Смирнов',
  'Попова',
  'Васильев',
  'Соколова',
  'Михайлов',
  'Новикова',
  'Фёдоров',
  'Морозова',
  'Волков',
  'Алексеева',
  'Лебедев',
  'Семенова',
];
const INITIALS = ['А. А.', 'В. П.', 'Е. В.', 'И. С.', 'Н. Н.', 'О. Г.', 'Т. М.', 'Ю. Д.'];
const HEAD_POSITIONS = [
  'Директор',
  'Заведующий',
  'Начальник отдела',
  'Заместитель директора',
  'Заместитель начальника управления',
  'Руководитель',
];
const WEAK_POSITIONS = ['Специалист по связям с общественностью', 'Методист', 'Учитель информатики'];

interface Organization {
  name: string;
  kind: string;
  slug: string;
}

function organization(index: number): Organization {
  const village = VILLAGES[index % VILLAGES.length] as string;
  const n = Math.floor(index / 3) + 1;
  switch (index % 6) {
    case 0:
      return {
        name: `${DEPARTMENTS[((index / 6) % DEPARTMENTS.length) | 0]} администрации Шпаковского МО (${n})`,
        kind: 'Структурное подразделение',
        slug: `dept${index}`,
      };
    case 1:
      return { name: `МБОУ СОШ № ${n} ${village}`, kind: 'Подведомственная организация', slug: `school${index}` };
    case 2:
      return {
        name: `МБДОУ «Детский сад № ${n}» ${village}`,
        kind: 'Подведомственная организация',
        slug: `ds${index}`,
      };
    case 3:
      return {
        name: `МБУК «Дом культуры ${village}» № ${n}`,
        kind: 'Подведомственная организация',
        slug: `dk${index}`,
      };
    case 4:
      return {
        name: `${['Верхнерусский', 'Деминский', 'Надеждинский', 'Татарский'][index % 4]} территориальный отдел № ${n}`,
        kind: 'Структурное подразделение',
        slug: `to${index}`,
      };
    default:
      return { name: `МБУ ДО «Спортивная школа» № ${n}`, kind: 'Подведомственная организация', slug: `sport${index}` };
  }
}

function person(random: Random): string {
  return `${pick(random, SURNAMES)} ${pick(random, INITIALS)}`;
}

function ogrn(random: Random): string {
  let first12 = String(between(random, 1, 1));
  first12 += String(between(random, 0, 99)).padStart(2, '0');
  while (first12.length < 12) first12 += String(between(random, 0, 9));
  return first12 + String(ogrnControlDigit(first12));
}

/** A date cell in one of the forms clerks leave: mostly a real date, sometimes text or a bare number. */
function dateValue(random: Random, date: IsoDate): BenchCell {
  const roll = random();
  if (roll < 0.9) return moscowDay(date);
  if (roll < 0.98) return `'${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
  return serialOf(date);
}

const FIRST_DAY: IsoDate = '2023-09-01';
const LAST_BULK_DAY: IsoDate = '2026-10-30';
const BULK_SPAN = Math.round((Date.parse(LAST_BULK_DAY) - Date.parse(FIRST_DAY)) / 86_400_000);

function reportedOn(random: Random, event: IsoDate, workingDays: number, late: boolean): IsoDate {
  const due = CALENDAR.addWorkingDays(event, workingDays);
  if (late) return addDays(due, between(random, 1, 6));
  return CALENDAR.addWorkingDays(event, between(random, 0, workingDays));
}

type Cells = Partial<Record<ColumnKey, BenchCell>>;

function bulkRow(random: Random, index: number, organizations: readonly Organization[]): Cells {
  const org = organizations[Math.floor(random() * organizations.length)] as Organization;
  const email = chance(random, 0.9) ? `person${between(random, 1, RESPONSIBLE_POOL)}@shpakovsky.example.ru` : '';
  const people: Cells = {
    organization: org.name,
    orgKind: org.kind,
    responsibleName: person(random),
    responsiblePosition: chance(random, 0.05) ? pick(random, WEAK_POSITIONS) : pick(random, HEAD_POSITIONS),
    responsibleEmail: email,
    authorizedName: person(random),
    esiaVerified: chance(random, 0.92),
    ogrn: chance(random, 0.3) ? `'${ogrn(random)}` : '',
    note: chance(random, 0.1)
      ? pick(random, ['Страница ведётся с 2023 года', 'Согласовано с ОМКиИТ', 'Новый адрес'])
      : '',
  };
  if (chance(random, 0.02)) {
    return { ...people, exemptionBasis: `Письмо ОМКиИТ № ${between(random, 1, 300)} от 01.02.2024` };
  }
  const vk = chance(random, 0.85);
  const link = vk
    ? `https://${pick(random, ['vk.com', 'vk.com', 'vk.com', 'vk.ru', 'm.vk.com'])}/${org.slug}_p${index}`
    : `https://ok.ru/group/${70000000000000 + index}`;
  const created = addDays(FIRST_DAY, between(random, 0, BULK_SPAN));
  const cells: Cells = {
    ...people,
    network: vk ? 'ВКонтакте' : 'Одноклассники',
    link,
    createdOn: dateValue(random, created),
    deptReportedCreation: moscowDay(reportedOn(random, created, 2, chance(random, 0.05))),
    tsurReportedCreation: moscowDay(reportedOn(random, created, 3, chance(random, 0.05))),
  };
  if (chance(random, 0.08)) {
    const deleted = addDays(created, between(random, 30, 400));
    if (compareIsoDates(deleted, LAST_BULK_DAY) <= 0) {
      cells.deletedOn = dateValue(random, deleted);
      cells.deptReportedDeletion = moscowDay(reportedOn(random, deleted, 2, false));
      cells.tsurReportedDeletion = moscowDay(reportedOn(random, deleted, 3, false));
    }
  }
  if (chance(random, 0.01)) {
    // A filling error: a link with a space inside, or no authorised person.
    if (chance(random, 0.5)) cells.link = `${link} страница`;
    else cells.authorizedName = '';
  }
  return cells;
}

/** The recent events, the same at every size: not yet reported to ЦУР on BENCH_TODAY. */
const RECENT_ROWS: ReadonlyArray<{ created: IsoDate; deleted?: IsoDate; dept: boolean; email: string }> = [
  { created: '2026-11-20', dept: true, email: 'recent1@shpakovsky.example.ru' }, // overdue to ЦУР (25.11)
  { created: '2026-11-20', dept: true, email: 'recent2@shpakovsky.example.ru' },
  { created: '2026-11-23', dept: false, email: 'recent3@shpakovsky.example.ru' }, // overdue to the coordinator
  { created: '2026-11-26', dept: true, email: 'recent1@shpakovsky.example.ru' }, // ЦУР due today
  { created: '2026-11-26', dept: true, email: 'recent4@shpakovsky.example.ru' },
  { created: '2026-11-27', dept: true, email: 'recent5@shpakovsky.example.ru' },
  { created: '2026-11-27', dept: false, email: 'recent6@shpakovsky.example.ru' }, // dept due today
  { created: '2026-11-30', dept: true, email: 'recent2@shpakovsky.example.ru' },
  { created: '2026-11-30', dept: false, email: 'recent3@shpakovsky.example.ru' },
  { created: '2026-12-01', dept: true, email: 'recent4@shpakovsky.example.ru' },
  { created: '2025-03-03', deleted: '2026-11-27', dept: true, email: 'recent5@shpakovsky.example.ru' },
  { created: '2025-03-03', deleted: '2026-11-30', dept: false, email: 'recent6@shpakovsky.example.ru' },
];

function recentRow(index: number): Cells {
  const spec = RECENT_ROWS[index] as (typeof RECENT_ROWS)[number];
  const cells: Cells = {
    organization: `МБУ «Молодёжный центр» № ${index + 1}`,
    orgKind: 'Подведомственная организация',
    network: 'ВКонтакте',
    link: `https://vk.com/youth_centre_${index + 1}`,
    createdOn: moscowDay(spec.created),
    responsibleName: 'Григорьева О. Г.',
    responsiblePosition: 'Директор',
    responsibleEmail: spec.email,
    authorizedName: 'Тарасов Ю. Д.',
    esiaVerified: true,
  };
  if (spec.deleted === undefined) {
    if (spec.dept) cells.deptReportedCreation = moscowDay(spec.created);
  } else {
    cells.deptReportedCreation = moscowDay(addDays(spec.created, 1));
    cells.tsurReportedCreation = moscowDay(addDays(spec.created, 2));
    cells.deletedOn = moscowDay(spec.deleted);
    if (spec.dept) cells.deptReportedDeletion = moscowDay(spec.deleted);
  }
  return cells;
}

export const RECENT_COUNT = RECENT_ROWS.length;

/** The settings the coordinator entered: ЦУР recipients, coordinators, reminders on. */
export function benchSettings(overrides: Partial<Settings> = {}): unknown[][] {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    tsurRecipients: [...BENCH_TSUR],
    coordinators: [BENCH_OWNER, BENCH_COORDINATOR],
    // BENCH_TODAY is the first working day of a month: the daily check sends the control letter (п. 6) too.
    controlRecipients: ['semenova@shpakovsky.example.ru'],
    ...overrides,
  };
  return [[...SETTINGS_HEADERS], ...settingsSheetRows(settings)];
}

/** A register of `size` bulk rows plus the RECENT_ROWS. */
export function generateRegister(size: number, seed = 20261201): BenchRegister {
  const random = seededRandom(seed ^ size);
  const organizationCount = Math.max(12, Math.round(size / 3));
  const organizations = Array.from({ length: organizationCount }, (_, index) => organization(index));
  const rows: Cells[] = Array.from({ length: size }, (_, index) => bulkRow(random, index, organizations));
  const recentRows: number[] = [];
  // Spread the recent rows evenly, from the back so that earlier positions stay valid.
  for (let k = RECENT_ROWS.length - 1; k >= 0; k--) {
    const position = Math.floor(((k + 1) * size) / (RECENT_ROWS.length + 1));
    rows.splice(position, 0, recentRow(k));
  }
  const values: BenchCell[][] = [BENCH_COLUMNS.map((column) => column.header)];
  rows.forEach((cells, index) => {
    values.push(
      BENCH_COLUMNS.map((column) => {
        if (column.key === null) return index + 1;
        const value = cells[column.key];
        if (value === undefined) return column.key === 'esiaVerified' ? false : '';
        return value;
      }),
    );
    if (String(cells.organization).startsWith('МБУ «Молодёжный центр»')) recentRows.push(index + 2);
  });
  return { size, seed, values, settings: benchSettings(), recentRows };
}
