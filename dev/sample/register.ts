/**
 * The built-in sample register of `npm start`: the sheet «Реестр» as the departments have been filling
 * it in before the add-on was set up — their own column «№ п/п» first, some headers under their
 * everyday names («Наименование организации», «Соцсеть», «Ссылка», «Госпаблики»), and no ID, «Срок» or
 * «Состояние» columns yet (setup appends them). «Госметка» and «Госпаблики» are ticked on every page
 * unless a row says otherwise.
 *
 * The dates are designed around SAMPLE_TODAY (Tuesday 01.12.2026) so that the run shows the whole mix:
 * reported in time and late, overdue to ЦУР and to the coordinator, due today, pending, deleted (reported
 * and not), exemptions (п. 4), and the mistakes clerks make. Working days around it (2026, decree
 * No. 1466; 04.11 is a holiday): an event on 20.11 (Fri) is due to ЦУР on 25.11; on 24.11 (Tue) — 26.11 to
 * the coordinator and 27.11 to ЦУР; on 26.11 (Thu) — 30.11 and 01.12; on 27.11 (Fri) — 01.12 and 02.12;
 * on 30.11 (Mon) — 02.12 and 03.12; on 01.12 — 03.12 and 04.12.
 *
 * The administration's pages, responsible and authorised persons are those of decree No. 1199, clauses
 * 2.1–2.3. Everybody else is invented; all addresses are on placeholder domains (*.example.ru).
 */
import type { ColumnKey, IsoDate } from '../../src/domain/types';

/** The reference day of the sample: the default «today» of `npm start` on it. */
export const SAMPLE_TODAY: IsoDate = '2026-12-01';

export const SAMPLE_SHEET_NAME = 'Реестр';

/** Who runs `npm start`: the coordinator, отдел массовых коммуникаций и информационных технологий (and the sheet's owner). */
export const SAMPLE_COORDINATOR = 'omkit@shpakovsky.example.ru';

/** What the coordinator enters in «Настройки» after setup. */
export const SAMPLE_SETTINGS = {
  tsurRecipients: ['cur@stavregion.example.ru', 'proektofis@stavregion.example.ru'],
  coordinators: [SAMPLE_COORDINATOR, 'sabotyrev@shpakovsky.example.ru'],
  /** The signature of the letters to ЦУР (the decree's п. 2.3: the head of the coordinating department). */
  signatureName: 'Саботырев Денис Анатольевич',
  signaturePhone: '8 (86553) 6-00-00',
  signatureEmail: SAMPLE_COORDINATOR,
  /** The administration's domain and its subordinate schools' (reminders go only there). */
  mailDomains: [
    'shpakovsky.example.ru',
    'mihailovsk-edu.example.ru',
    'nadezhda-edu.example.ru',
    'pelagiada-edu.example.ru',
  ],
  /** «Контроль исполнения (п. 6)»: Семенова Е.В., заместитель главы администрации. */
  controlRecipients: ['semenova@shpakovsky.example.ru'],
} as const;

/** The header row as the departments wrote it: (alias of) a catalogue column, or a column of their own. */
export const SAMPLE_COLUMNS: ReadonlyArray<{ header: string; key: ColumnKey | null }> = [
  { header: '№ п/п', key: null },
  { header: 'Наименование организации', key: 'organization' },
  { header: 'Вид организации', key: 'orgKind' },
  { header: 'Соцсеть', key: 'network' },
  { header: 'Ссылка', key: 'link' },
  { header: 'Дата создания', key: 'createdOn' },
  { header: 'Дата удаления', key: 'deletedOn' },
  { header: 'Ответственный (ФИО)', key: 'responsibleName' },
  { header: 'Должность ответственного', key: 'responsiblePosition' },
  { header: 'E-mail ответственного', key: 'responsibleEmail' },
  { header: 'Уполномоченное лицо (ФИО)', key: 'authorizedName' },
  { header: 'Идентификация в ЕСИА', key: 'esiaVerified' },
  { header: 'Основание освобождения (п. 4)', key: 'exemptionBasis' },
  { header: 'ОГРН', key: 'ogrn' },
  { header: 'ИНН', key: 'inn' },
  { header: 'Госметка', key: 'govMark' },
  { header: 'Госпаблики', key: 'govPublics' },
  { header: 'Сообщено в отдел (создание)', key: 'deptReportedCreation' },
  { header: 'Сообщено в отдел (удаление)', key: 'deptReportedDeletion' },
  { header: 'Сообщено в ЦУР (создание)', key: 'tsurReportedCreation' },
  { header: 'Сообщено в ЦУР (удаление)', key: 'tsurReportedDeletion' },
  { header: 'Примечание', key: 'note' },
];

/** A cell as the sample gives it: an ISO date becomes a date cell; `text` stays text as typed. */
type SampleValue = string | boolean | { text: string };

export interface SampleRow {
  /** What the row shows (for people reading the sample and its test). */
  scenario: string;
  cells: Partial<Record<ColumnKey, SampleValue>>;
}

const ADMINISTRATION = 'Администрация Шпаковского муниципального округа Ставропольского края';
const DEPARTMENT = 'Структурное подразделение';
const SUBORDINATE = 'Подведомственная организация';
const VK = 'ВКонтакте';
const OK = 'Одноклассники';

/** The decree's clauses 2.2 and 2.3. */
const ADMINISTRATION_PEOPLE = {
  orgKind: 'Администрация округа',
  responsibleName: 'Семенова Елена Викторовна',
  responsiblePosition: 'Заместитель главы администрации',
  responsibleEmail: 'semenova@shpakovsky.example.ru',
  authorizedName: 'Саботырев Денис Анатольевич',
  esiaVerified: true,
  ogrn: '1202600001515',
} as const;

/** Stamps of an event reported in time to both. */
function reported(kind: 'creation' | 'deletion', dept: IsoDate, tsur: IsoDate): SampleRow['cells'] {
  return kind === 'creation'
    ? { deptReportedCreation: dept, tsurReportedCreation: tsur }
    : { deptReportedDeletion: dept, tsurReportedDeletion: tsur };
}

function administrationPage(network: string, link: string): SampleRow {
  return {
    scenario: 'страница администрации округа (п. 2.1 постановления), сообщено в срок',
    cells: {
      organization: ADMINISTRATION,
      network,
      link,
      createdOn: '2023-09-04',
      ...ADMINISTRATION_PEOPLE,
      ...reported('creation', '2023-09-05', '2023-09-07'),
      note: 'Определена п. 2.1 постановления № 1199',
    },
  };
}

/** Sheet rows 2… in order. */
export const SAMPLE_ROWS: readonly SampleRow[] = [
  // Rows 2, 4, 5: the administration (clauses 2.1–2.3). П. 2.1 writes one community twice —
  // «https://vk.com/public197204238; (https://vk.com/shpakray)» — so row 2 holds both writings of it.
  administrationPage(VK, 'https://vk.com/public197204238; (https://vk.com/shpakray)'),
  {
    scenario:
      'страница создана в 2019 году, до вступления постановления в силу; в ЦУР не сообщалась (Создана до вступления в силу)', // row 3
    cells: {
      organization: 'Отдел записи актов гражданского состояния администрации Шпаковского муниципального округа',
      orgKind: 'Структурное подразделение',
      network: VK,
      link: 'https://vk.com/zags_shmo',
      createdOn: '2019-05-14',
      responsibleName: 'Белоусова Татьяна Михайловна',
      responsiblePosition: 'Начальник отдела ЗАГС',
      responsibleEmail: 'zags@shpakovsky.example.ru',
      authorizedName: 'Лихачёва Ольга Петровна',
      esiaVerified: true,
      inn: '2623011220',
    },
  },
  administrationPage(VK, 'https://vk.com/igorserov_26'),
  administrationPage(OK, 'https://ok.ru/igorserov26'),
  {
    scenario: 'сообщено в срок', // row 6
    cells: {
      organization: 'Управление образования администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/obrazovanie_shmo',
      createdOn: '2023-09-12',
      responsibleName: 'Климова Ирина Павловна',
      responsiblePosition: 'Заместитель начальника управления образования',
      responsibleEmail: 'klimova.ip@shpakovsky.example.ru',
      authorizedName: 'Дьяченко Ольга Сергеевна',
      esiaVerified: true,
      ogrn: '1022603029580',
      ...reported('creation', '2023-09-13', '2023-09-15'),
    },
  },
  {
    scenario: 'создана 30.11, сообщено в отдел, в ЦУР — до 03.12: ожидает сводки (В срок)', // row 7
    cells: {
      organization: 'Управление образования администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: OK,
      link: 'https://ok.ru/obrazovanie.shmo',
      createdOn: '2026-11-30',
      responsibleName: 'Климова Ирина Павловна',
      responsiblePosition: 'Заместитель начальника управления образования',
      responsibleEmail: 'klimova.ip@shpakovsky.example.ru',
      authorizedName: 'Дьяченко Ольга Сергеевна',
      esiaVerified: true,
      ogrn: '1022603029580',
      deptReportedCreation: '2026-11-30',
    },
  },
  {
    scenario: 'в ЦУР сообщено с опозданием (срок 14.03.2024, сообщено 20.03.2024)', // row 8
    cells: {
      organization: 'Финансовое управление администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/finupr_shmo',
      createdOn: '2024-03-11',
      responsibleName: 'Горбунова Татьяна Николаевна',
      responsiblePosition: 'Заместитель начальника финансового управления',
      responsibleEmail: 'gorbunova.tn@shpakovsky.example.ru',
      authorizedName: 'Лесных Анна Викторовна',
      esiaVerified: true,
      ...reported('creation', '2024-03-12', '2024-03-20'),
    },
  },
  {
    scenario: 'создана 20.11, в отдел сообщено, в ЦУР нет — срок 25.11 истёк (Просрочено: ЦУР)', // row 9
    cells: {
      organization:
        'Управление сельского хозяйства и охраны окружающей среды администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/selhoz_shmo',
      createdOn: '2026-11-20',
      responsibleName: 'Бондаренко Сергей Иванович',
      responsiblePosition: 'Начальник управления',
      responsibleEmail: 'bondarenko.si@shpakovsky.example.ru',
      authorizedName: 'Пахомова Юлия Андреевна',
      esiaVerified: true,
      deptReportedCreation: '2026-11-23',
    },
  },
  {
    scenario: 'создана 26.11, в отдел сообщено 27.11, срок в ЦУР — сегодня (Срок сегодня)', // row 10
    cells: {
      organization: 'Отдел культуры администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/kultura_shmo',
      createdOn: '2026-11-26',
      responsibleName: 'Мельникова Светлана Юрьевна',
      responsiblePosition: 'Начальник отдела культуры',
      responsibleEmail: 'melnikova.sy@shpakovsky.example.ru',
      authorizedName: 'Ткаченко Мария Олеговна',
      esiaVerified: true,
      deptReportedCreation: '2026-11-27',
    },
  },
  {
    scenario: 'создана 27.11, в отдел не сообщено — срок сегодня (Срок сегодня)', // row 11
    cells: {
      organization: 'Комитет по физической культуре и спорту администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/sport_shmo',
      createdOn: '2026-11-27',
      responsibleName: 'Назаренко Алексей Петрович',
      responsiblePosition: 'Председатель комитета',
      responsibleEmail: 'nazarenko.ap@shpakovsky.example.ru',
      authorizedName: 'Гусейнова Карина Руслановна',
      esiaVerified: true,
    },
  },
  {
    scenario: 'сообщено в срок', // row 12
    cells: {
      organization: 'Отдел по делам молодёжи администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/molodezh_shmo',
      createdOn: '2023-09-18',
      responsibleName: 'Сидоренко Артём Валерьевич',
      responsiblePosition: 'Начальник отдела',
      responsibleEmail: 'sidorenko.av@shpakovsky.example.ru',
      authorizedName: 'Кравцова Дарья Игоревна',
      esiaVerified: true,
      ...reported('creation', '2023-09-19', '2023-09-20'),
    },
  },
  {
    scenario: 'удалена 14.10.2026, удаление сообщено в срок (Удалена)', // row 13
    cells: {
      organization: 'Отдел по делам молодёжи администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: OK,
      link: 'https://ok.ru/molodezh.shmo',
      createdOn: '2023-09-18',
      deletedOn: '2026-10-14',
      responsibleName: 'Сидоренко Артём Валерьевич',
      responsiblePosition: 'Начальник отдела',
      responsibleEmail: 'sidorenko.av@shpakovsky.example.ru',
      authorizedName: 'Кравцова Дарья Игоревна',
      esiaVerified: true,
      ...reported('creation', '2023-09-19', '2023-09-20'),
      ...reported('deletion', '2026-10-15', '2026-10-16'),
      note: 'Страница в «Одноклассниках» закрыта, ведётся только «ВКонтакте»',
    },
  },
  {
    scenario: 'удалена 24.11, удаление никуда не сообщено (Просрочено: ЦУР); других страниц нет — пробел в итогах', // row 14
    cells: {
      organization: 'Архивный отдел администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: OK,
      link: 'https://ok.ru/arhiv.shmo',
      createdOn: '2023-10-02',
      deletedOn: '2026-11-24',
      responsibleName: 'Ефремова Наталья Борисовна',
      responsiblePosition: 'Начальник архивного отдела',
      responsibleEmail: 'efremova.nb@shpakovsky.example.ru',
      authorizedName: 'Ефремова Наталья Борисовна',
      esiaVerified: true,
      ...reported('creation', '2023-10-03', '2023-10-04'),
    },
  },
  {
    scenario: 'старая страница удалена 30.11, удаление сообщено в отдел, в ЦУР — до 03.12 (В срок)', // row 15
    cells: {
      organization: 'Управление труда и социальной защиты населения администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/utszn_shmo',
      createdOn: '2023-09-20',
      deletedOn: '2026-11-30',
      responsibleName: 'Коваленко Валентина Сергеевна',
      responsiblePosition: 'Заместитель начальника управления',
      responsibleEmail: 'kovalenko.vs@shpakovsky.example.ru',
      authorizedName: 'Рыбалко Инна Геннадьевна',
      esiaVerified: true,
      ...reported('creation', '2023-09-21', '2023-09-22'),
      deptReportedDeletion: '2026-11-30',
    },
  },
  {
    scenario: 'новая страница вместо удалённой, создана 30.11, сообщено в отдел (В срок)', // row 16
    cells: {
      organization: 'Управление труда и социальной защиты населения администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/utszn.shpakovsky',
      createdOn: '2026-11-30',
      responsibleName: 'Коваленко Валентина Сергеевна',
      responsiblePosition: 'Заместитель начальника управления',
      responsibleEmail: 'kovalenko.vs@shpakovsky.example.ru',
      authorizedName: 'Рыбалко Инна Геннадьевна',
      esiaVerified: true,
      deptReportedCreation: '2026-11-30',
    },
  },
  {
    scenario: 'сообщено в срок', // row 17
    cells: {
      organization: 'Михайловский территориальный отдел администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/mihailovsk_to',
      createdOn: '2023-09-15',
      responsibleName: 'Литвинов Роман Евгеньевич',
      responsiblePosition: 'Начальник территориального отдела',
      responsibleEmail: 'litvinov.re@shpakovsky.example.ru',
      authorizedName: 'Шевченко Алина Михайловна',
      esiaVerified: true,
      ...reported('creation', '2023-09-18', '2023-09-19'),
    },
  },
  {
    scenario: 'сообщено с опозданием и в отдел (срок 11.11, 13.11), и в ЦУР (срок 12.11, 16.11)', // row 18
    cells: {
      organization: 'Верхнерусский территориальный отдел администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/verhnerusskoe_to',
      createdOn: '2026-11-09',
      responsibleName: 'Журавлёв Олег Николаевич',
      responsiblePosition: 'Начальник территориального отдела',
      responsibleEmail: 'zhuravlev.on@shpakovsky.example.ru',
      authorizedName: 'Полякова Вера Дмитриевна',
      esiaVerified: true,
      ...reported('creation', '2026-11-13', '2026-11-16'),
    },
  },
  {
    scenario: 'ошибка: ссылка на ok.ru, а выбрана сеть «ВКонтакте»', // row 19
    cells: {
      organization: 'Надеждинский территориальный отдел администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://ok.ru/nadezhda.to',
      createdOn: '2024-02-05',
      responsibleName: 'Савченко Игорь Владимирович',
      responsiblePosition: 'Начальник территориального отдела',
      responsibleEmail: 'savchenko.iv@shpakovsky.example.ru',
      authorizedName: 'Костенко Ева Александровна',
      esiaVerified: true,
      ...reported('creation', '2024-02-06', '2024-02-08'),
    },
  },
  {
    scenario: 'дата создания введена текстом «05.03.2024» (читается как дата), сообщено в срок', // row 20
    cells: {
      organization: 'Пелагиадский территориальный отдел администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/pelagiada_to',
      createdOn: { text: '05.03.2024' },
      responsibleName: 'Мирошниченко Андрей Юрьевич',
      responsiblePosition: 'Начальник территориального отдела',
      responsibleEmail: 'miroshnichenko.ay@shpakovsky.example.ru',
      authorizedName: 'Гладких Светлана Петровна',
      esiaVerified: true,
      ...reported('creation', '2024-03-06', '2024-03-07'),
    },
  },
  {
    scenario: 'ошибка: дата создания в будущем (15.12.2026)', // row 21
    cells: {
      organization: 'Деминский территориальный отдел администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/deminskoe_to',
      createdOn: '2026-12-15',
      responsibleName: 'Тарасенко Виктор Алексеевич',
      responsiblePosition: 'Начальник территориального отдела',
      responsibleEmail: 'tarasenko.va@shpakovsky.example.ru',
      authorizedName: 'Белоусова Ксения Романовна',
      esiaVerified: true,
    },
  },
  {
    scenario: 'ошибка: дата удаления (20.05.2026) раньше даты создания (10.06.2026); удаление не сообщено', // row 22
    cells: {
      organization: 'Управление архитектуры и градостроительства администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/arhitektura_shmo',
      createdOn: '2026-06-10',
      deletedOn: '2026-05-20',
      responsibleName: 'Лысенко Павел Григорьевич',
      responsiblePosition: 'Заместитель начальника управления',
      responsibleEmail: 'lysenko.pg@shpakovsky.example.ru',
      authorizedName: 'Осипова Любовь Сергеевна',
      esiaVerified: true,
      ...reported('creation', '2026-06-11', '2026-06-15'),
    },
  },
  {
    scenario: 'ошибка: не указан ответственный', // row 23
    cells: {
      organization: 'Отдел экономического развития администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/ekonomika_shmo',
      createdOn: '2023-09-25',
      responsiblePosition: 'Начальник отдела',
      responsibleEmail: 'economy@shpakovsky.example.ru',
      authorizedName: 'Зинченко Марина Васильевна',
      esiaVerified: true,
      ...reported('creation', '2023-09-26', '2023-09-28'),
    },
  },
  {
    scenario: 'сообщено в срок', // row 24
    cells: {
      organization:
        'Отдел по делам гражданской обороны и чрезвычайных ситуаций администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://new.vk.com/gochs_shmo',
      createdOn: '2024-01-15',
      responsibleName: 'Кириченко Юрий Степанович',
      responsiblePosition: 'Начальник отдела',
      responsibleEmail: 'kirichenko.ys@shpakovsky.example.ru',
      authorizedName: 'Демченко Илья Олегович',
      esiaVerified: true,
      ...reported('creation', '2024-01-16', '2024-01-18'),
    },
  },
  // Subordinate organizations.
  {
    scenario: 'сообщено в срок, верный ОГРН', // row 25
    cells: {
      organization: 'МБОУ СОШ № 1 г. Михайловска',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/school1_mihailovsk',
      createdOn: '2023-09-19',
      responsibleName: 'Панченко Елена Анатольевна',
      responsiblePosition: 'Заместитель директора по воспитательной работе',
      responsibleEmail: 'school1@mihailovsk-edu.example.ru',
      authorizedName: 'Рудь Алёна Викторовна',
      esiaVerified: true,
      ogrn: '1022603023112',
      inn: '2623023458',
      ...reported('creation', '2023-09-20', '2023-09-21'),
    },
  },
  {
    scenario: 'ошибка: ОГРН с неверной контрольной цифрой', // row 26
    cells: {
      organization: 'МБОУ СОШ № 2 г. Михайловска',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/school2_mihailovsk',
      createdOn: '2023-09-19',
      responsibleName: 'Гончаренко Лариса Ивановна',
      responsiblePosition: 'Директор',
      responsibleEmail: 'school2@mihailovsk-edu.example.ru',
      authorizedName: 'Яковенко Денис Сергеевич',
      esiaVerified: true,
      ogrn: '1022603044772',
      ...reported('creation', '2023-09-20', '2023-09-21'),
    },
  },
  {
    scenario: 'предупреждение: ответственный — «главный специалист»', // row 27
    cells: {
      organization: 'МБОУ СОШ № 5 с. Пелагиада',
      orgKind: SUBORDINATE,
      network: OK,
      link: 'https://ok.ru/school5.pelagiada',
      createdOn: '2025-02-10',
      responsibleName: 'Руденко Оксана Владимировна',
      responsiblePosition: 'Главный специалист',
      responsibleEmail: 'school5@pelagiada-edu.example.ru',
      authorizedName: 'Руденко Оксана Владимировна',
      esiaVerified: true,
      ...reported('creation', '2025-02-11', '2025-02-12'),
    },
  },
  {
    scenario: 'предупреждение: уполномоченное лицо не прошло идентификацию в ЕСИА', // row 28
    cells: {
      organization: 'МБДОУ «Детский сад № 12 «Ромашка» г. Михайловска»',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/ds12_romashka',
      createdOn: '2025-09-01',
      responsibleName: 'Бабенко Галина Фёдоровна',
      responsiblePosition: 'Заведующий',
      responsibleEmail: 'ds12@mihailovsk-edu.example.ru',
      authorizedName: 'Марченко Ольга Петровна',
      esiaVerified: false,
      ...reported('creation', '2025-09-02', '2025-09-03'),
    },
  },
  {
    scenario: 'сообщено в срок', // row 29
    cells: {
      organization:
        'МКУ «Многофункциональный центр предоставления государственных и муниципальных услуг Шпаковского муниципального округа»',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/mfc_shpak',
      createdOn: '2023-10-09',
      responsibleName: 'Удовиченко Наталья Александровна',
      responsiblePosition: 'Заместитель директора',
      responsibleEmail: 'mfc@shpakovsky.example.ru',
      authorizedName: 'Кузьменко Татьяна Юрьевна',
      esiaVerified: true,
      ogrn: '1112651002892',
      ...reported('creation', '2023-10-10', '2023-10-11'),
    },
  },
  {
    scenario: 'ошибка: та же страница ещё раз, записанная как https://www.vk.com/… (строку скопировали)', // row 30
    cells: {
      organization: 'МКУ «МФЦ Шпаковского муниципального округа»',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://www.vk.com/mfc_shpak',
      createdOn: '2023-10-09',
      responsibleName: 'Удовиченко Наталья Александровна',
      responsiblePosition: 'Заместитель директора',
      responsibleEmail: 'mfc@shpakovsky.example.ru',
      authorizedName: 'Кузьменко Татьяна Юрьевна',
      esiaVerified: true,
      ...reported('creation', '2023-10-10', '2023-10-11'),
    },
  },
  {
    scenario: 'ошибка: e-mail без @', // row 31
    cells: {
      organization: 'МБУК «Дом культуры г. Михайловска»',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/dk_mihailovsk',
      createdOn: '2024-09-02',
      responsibleName: 'Остапенко Людмила Викторовна',
      responsiblePosition: 'Директор',
      responsibleEmail: 'dk-mihailovsk.shpakovsky.example.ru',
      authorizedName: 'Федоренко Кирилл Андреевич',
      esiaVerified: true,
      ...reported('creation', '2024-09-03', '2024-09-05'),
    },
  },
  {
    scenario: 'сообщено в срок', // row 32
    cells: {
      organization: 'МБУК «Межпоселенческая центральная библиотека Шпаковского муниципального округа»',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://m.vk.com/biblioteka_shmo',
      createdOn: '2023-10-16',
      responsibleName: 'Ищенко Маргарита Львовна',
      responsiblePosition: 'Заместитель директора',
      responsibleEmail: 'biblioteka@shpakovsky.example.ru',
      authorizedName: 'Степаненко Юлия Игоревна',
      esiaVerified: true,
      ogrn: '1032603600215',
      ...reported('creation', '2023-10-17', '2023-10-18'),
    },
  },
  {
    scenario: 'создана сегодня, ещё никуда не сообщено (В срок)', // row 33
    cells: {
      organization: 'МБУ ДО «Спортивная школа Шпаковского муниципального округа»',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/sportschool_shmo',
      createdOn: '2026-12-01',
      responsibleName: 'Голубев Станислав Андреевич',
      responsiblePosition: 'Заместитель директора',
      responsibleEmail: 'sportschool@shpakovsky.example.ru',
      authorizedName: 'Латышева Полина Максимовна',
      esiaVerified: true,
    },
  },
  {
    scenario: 'освобождение по п. 4', // row 34
    cells: {
      organization: 'МКУ «Централизованная бухгалтерия Шпаковского муниципального округа»',
      orgKind: SUBORDINATE,
      exemptionBasis: 'Согласовано письмом администрации от 12.09.2023 № 01-15/3210',
      ogrn: '1162651055302',
    },
  },
  {
    scenario: 'освобождение по п. 4', // row 35
    cells: {
      organization: 'МКУ «Служба хозяйственного обеспечения администрации Шпаковского муниципального округа»',
      orgKind: SUBORDINATE,
      exemptionBasis: 'Согласовано письмом администрации от 20.10.2023 № 01-15/3874',
    },
  },
  {
    scenario: 'создана 26.11, в отдел не сообщено — срок 30.11 истёк (Просрочено: отдел); срок в ЦУР — сегодня', // row 36
    cells: {
      organization: 'МБДОУ «Детский сад № 7 «Солнышко» с. Надежда»',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/ds7_solnyshko',
      createdOn: '2026-11-26',
      responsibleName: 'Мазур Алла Николаевна',
      responsiblePosition: 'Заведующая',
      responsibleEmail: 'ds7@nadezhda-edu.example.ru',
      authorizedName: 'Власенко Диана Сергеевна',
      esiaVerified: true,
    },
  },
  {
    scenario: 'сообщено в срок (в этом месяце)', // row 37
    cells: {
      organization: 'МБУ ДО «Детская школа искусств г. Михайловска»',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/dshi_mihailovsk',
      createdOn: '2026-11-16',
      responsibleName: 'Приходченко Виталий Олегович',
      responsiblePosition: 'Директор',
      responsibleEmail: 'dshi@shpakovsky.example.ru',
      authorizedName: 'Скиба Инга Валерьевна',
      esiaVerified: true,
      ...reported('creation', '2026-11-18', '2026-11-19'),
    },
  },
  {
    scenario: 'в отдел в срок, в ЦУР с опозданием (срок 17.04.2025, сообщено 22.04.2025)', // row 38
    cells: {
      organization: 'МБОУ «Лицей № 2 г. Михайловска»',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/licey2_mihailovsk',
      createdOn: '2025-04-14',
      responsibleName: 'Вакуленко Ирина Борисовна',
      responsiblePosition: 'Заместитель директора по учебно-воспитательной работе',
      responsibleEmail: 'licey2@mihailovsk-edu.example.ru',
      authorizedName: 'Харченко Максим Ильич',
      esiaVerified: true,
      ...reported('creation', '2025-04-15', '2025-04-22'),
    },
  },
  {
    scenario:
      'создана 20.11, отдел сообщил 25.11 при сроке 24.11, в ЦУР нет — срок 25.11 истёк по вине отдела (Просрочено: ЦУР (отдел сообщил поздно))', // row 39
    cells: {
      organization: 'Управление по делам территорий администрации Шпаковского муниципального округа',
      orgKind: DEPARTMENT,
      network: VK,
      link: 'https://vk.com/territorii_shmo',
      createdOn: '2026-11-20',
      responsibleName: 'Гриценко Павел Андреевич',
      responsiblePosition: 'Врио начальника управления',
      responsibleEmail: 'territorii@shpakovsky.example.ru',
      authorizedName: 'Сафонова Юлия Игоревна',
      esiaVerified: true,
      deptReportedCreation: '2026-11-25',
    },
  },
  {
    scenario: 'предупреждение: ссылка на личную страницу vk.com/id… (профиль, а не сообщество)', // row 40
    cells: {
      organization: 'МБУ «Молодёжный центр Шпаковского муниципального округа»',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/id5551234',
      createdOn: '2024-05-13',
      responsibleName: 'Кравченко Олег Викторович',
      responsiblePosition: 'Замдиректора по ВР',
      responsibleEmail: 'mc@shpakovsky.example.ru',
      authorizedName: 'Кравченко Олег Викторович',
      esiaVerified: true,
      ...reported('creation', '2024-05-14', '2024-05-15'),
    },
  },
  {
    scenario: 'ошибка: вместо страницы — ссылка на запись vk.com/wall-…; в сводку не входит', // row 41
    cells: {
      organization: 'МБУК «Шпаковская межпоселенческая библиотека»',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/wall-123456_789',
      createdOn: '2026-11-30',
      responsibleName: 'Ефимова Нина Степановна',
      responsiblePosition: 'Директор',
      responsibleEmail: 'mpb@shpakovsky.example.ru',
      authorizedName: 'Ефимова Нина Степановна',
      esiaVerified: true,
      deptReportedCreation: '2026-11-30',
    },
  },
  {
    scenario: 'группа «Одноклассников», записанная как ok.ru/group…, сообщено в срок', // row 42
    cells: {
      organization: 'МБУ ДО «Центр детского творчества»',
      orgKind: SUBORDINATE,
      network: OK,
      link: 'https://ok.ru/group53038939046008',
      createdOn: '2024-10-07',
      responsibleName: 'Мирошниченко Алла Юрьевна',
      responsiblePosition: 'Генеральный директор',
      responsibleEmail: 'cdt@shpakovsky.example.ru',
      authorizedName: 'Щербак Светлана Олеговна',
      esiaVerified: true,
      ...reported('creation', '2024-10-08', '2024-10-09'),
    },
  },
  {
    scenario: 'ошибка: та же группа по старой ссылке ok.ru/dk?st.groupId=… (строку внесли ещё раз)', // row 43
    cells: {
      organization: 'МБУ ДО «Центр детского творчества»',
      orgKind: SUBORDINATE,
      network: OK,
      link: 'https://ok.ru/dk?st.cmd=altGroupMain&st.groupId=53038939046008',
      createdOn: '2024-10-07',
      responsibleName: 'Мирошниченко Алла Юрьевна',
      responsiblePosition: 'Генеральный директор',
      responsibleEmail: 'cdt@shpakovsky.example.ru',
      authorizedName: 'Щербак Светлана Олеговна',
      esiaVerified: true,
      ...reported('creation', '2024-10-08', '2024-10-09'),
    },
  },
  {
    scenario: 'ошибка: освобождение (п. 4) у администрации округа — она обязана вести страницы по 8-ФЗ', // row 44
    cells: {
      organization: ADMINISTRATION,
      orgKind: 'Администрация округа',
      exemptionBasis: 'Не требуется',
    },
  },
  {
    scenario: 'предупреждение: основание освобождения без реквизитов согласования («не нужно»)', // row 45
    cells: {
      organization: 'МКУ «Единая дежурно-диспетчерская служба Шпаковского муниципального округа»',
      orgKind: SUBORDINATE,
      exemptionBasis: 'не нужно',
    },
  },
  {
    scenario: 'предупреждение: освобождение у организации, у которой есть действующая страница (строка 29)', // row 46
    cells: {
      organization:
        'МКУ «Многофункциональный центр предоставления государственных и муниципальных услуг Шпаковского муниципального округа»',
      orgKind: SUBORDINATE,
      exemptionBasis: 'Согласовано письмом администрации от 01.02.2024 № 01-15/512',
    },
  },
  {
    scenario: 'предупреждение: ответственный — заведующий хозяйством (руководит частью школы, а не школой)', // row 47
    cells: {
      organization: 'МБОУ СОШ № 3 с. Пелагиада',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/school3_pelagiada',
      createdOn: '2024-02-12',
      responsibleName: 'Тарасенко Николай Петрович',
      responsiblePosition: 'Заведующий хозяйством',
      responsibleEmail: 'school3@pelagiada-edu.example.ru',
      authorizedName: 'Руденко Ирина Олеговна',
      esiaVerified: true,
      ...reported('creation', '2024-02-13', '2024-02-14'),
    },
  },
  {
    scenario: 'ошибка: в «ОГРН» — ГРН записи (начинается с 2), а не ОГРН; ошибка: ИНН с неверной контрольной цифрой', // row 48
    cells: {
      organization: 'МБОУ СОШ № 4 с. Надежда',
      orgKind: SUBORDINATE,
      network: VK,
      link: 'https://vk.com/school4_nadezhda',
      createdOn: '2024-02-12',
      responsibleName: 'Литвиненко Ольга Ивановна',
      responsiblePosition: 'Директор',
      responsibleEmail: 'school4@nadezhda-edu.example.ru',
      authorizedName: 'Зинченко Анна Сергеевна',
      esiaVerified: true,
      ogrn: '2202600123458',
      inn: '2623023459',
      ...reported('creation', '2024-02-13', '2024-02-14'),
    },
  },
  {
    scenario: 'предупреждения: нет метки «Госорганизация» и не подключено к «Госпабликам»', // row 49
    cells: {
      organization: 'МБУ «Спортивный комплекс Шпаковского муниципального округа»',
      orgKind: SUBORDINATE,
      network: OK,
      link: 'https://ok.ru/sportkompleks.shmo',
      createdOn: '2025-03-03',
      responsibleName: 'Бондаренко Сергей Юрьевич',
      responsiblePosition: 'Директор',
      responsibleEmail: 'sk@shpakovsky.example.ru',
      authorizedName: 'Бондаренко Сергей Юрьевич',
      esiaVerified: true,
      govMark: false,
      govPublics: false,
      ...reported('creation', '2025-03-04', '2025-03-05'),
    },
  },
];

/** Midnight of an ISO day in Moscow (UTC+3 all year): how getValues returns a date cell. */
export function moscowMidnight(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+03:00`);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function cellValue(value: SampleValue | undefined, typed: boolean): string | boolean | Date {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value;
  // Typed as text: Sheets keeps it text only behind the quote prefix (or in a plain-text cell).
  if (typeof value === 'object') return typed ? `'${value.text}` : value.text;
  return ISO_DAY.test(value) ? moscowMidnight(value) : value;
}

function sampleValues(typed: boolean): Array<Array<string | number | boolean | Date>> {
  const header = SAMPLE_COLUMNS.map((column) => column.header);
  const rows = SAMPLE_ROWS.map((row, index) => [
    index + 1,
    ...SAMPLE_COLUMNS.slice(1).map((column) => {
      const value = column.key === null ? undefined : row.cells[column.key];
      // Госметка and «Госпаблики» are ticked on every page unless the row says otherwise.
      if ((column.key === 'govMark' || column.key === 'govPublics') && value === undefined) {
        return row.cells.link !== undefined;
      }
      // An unticked checkbox reads as false; other empty cells as ''.
      return column.key === 'esiaVerified' && value === undefined ? false : cellValue(value, typed);
    }),
  ]);
  return [header, ...rows];
}

/** The sheet «Реестр» of the sample as getValues would return it: the header row, then one row per page. */
export function sampleRegisterValues(): Array<Array<string | number | boolean | Date>> {
  return sampleValues(false);
}

/**
 * The same for Range.setValues, which reads strings as a person typing them (dates, numbers): a value
 * the clerk typed as text gets the quote prefix. ОГРН digits become numbers, as when typed into Sheets.
 */
export function sampleRegisterInput(): Array<Array<string | number | boolean | Date>> {
  return sampleValues(true);
}

/** Columns of the sample that hold dates (0-based), for the number format «dd.MM.yyyy». */
export function sampleDateColumns(): number[] {
  const dateKeys: ReadonlySet<ColumnKey> = new Set([
    'createdOn',
    'deletedOn',
    'deptReportedCreation',
    'deptReportedDeletion',
    'tsurReportedCreation',
    'tsurReportedDeletion',
  ]);
  return SAMPLE_COLUMNS.flatMap((column, index) => (column.key !== null && dateKeys.has(column.key) ? [index] : []));
}

/** Columns of the sample that hold checkboxes (0-based). */
export function sampleCheckboxColumns(): number[] {
  const checkboxes: ReadonlySet<ColumnKey | null> = new Set<ColumnKey>(['esiaVerified', 'govMark', 'govPublics']);
  return SAMPLE_COLUMNS.flatMap((column, index) => (checkboxes.has(column.key) ? [index] : []));
}
