/**
 * Registers the tests set up: one as departments keep it before the add-on (their own column order,
 * everyday header names, columns of their own, no service columns), and one with every catalogue
 * column and a row for each colour and each finding of the check. Dates are around Thursday
 * 05.03.2026; Monday 09.03.2026 is a day off (decree No. 1466), so an event on 05.03 is due on 10.03.
 */
import { COLUMNS } from '../../src/domain/columns';
import type { ColumnKey } from '../../src/domain/types';
import { day } from './registerHarness';

export const TODAY = '2026-03-05';

/** The departments' sheet: header row and data, columns in their own order. */
export const DEPARTMENTS_HEADER = [
  '№ п/п',
  'Ссылка',
  'Наименование организации',
  'Соцсеть',
  'Куратор от администрации',
  'Дата создания',
  'Вид организации',
  'Ответственный',
  'Должность',
  'Уполномоченное лицо',
  'ЕСИА',
  'Дата удаления',
  'ОГРН',
];

export function departmentsRows(): unknown[][] {
  return [
    DEPARTMENTS_HEADER,
    [
      1,
      'https://vk.com/shpakovskiy_okrug',
      'Администрация Шпаковского муниципального округа',
      'ВКонтакте',
      'Сидорова',
      day('2023-09-01'),
      'Администрация округа',
      'Серов С. В.',
      'Первый заместитель главы',
      'Колесникова А. А.',
      true,
      '',
      '1022601234567',
    ],
    [
      2,
      'ok.ru/shpakovskiy',
      'Администрация Шпаковского муниципального округа',
      'Одноклассники',
      '',
      day('2023-09-04'),
      'Администрация округа',
      'Серов С. В.',
      'Первый заместитель главы',
      'Колесникова А. А.',
      true,
      '',
      '',
    ],
    [
      3,
      'https://vk.com/school1_shpak',
      'МБОУ СОШ № 1',
      'ВКонтакте',
      'Сидорова',
      '05.02.2026',
      'Подведомственная организация',
      'Петрова Н. Н.',
      'Директор',
      'Иванов И. И.',
      false,
      '',
      '',
    ],
    ['', '', '', '', 'строка-разделитель', '', '', '', '', '', '', '', ''],
    [
      5,
      'https://vk.com/dk_shpak',
      'МБУК «Дом культуры»',
      'Вконтакте',
      '',
      day('2025-05-12'),
      'Подведомственная организация',
      'Кузнецов',
      'методист',
      'Кузнецов',
      false,
      day('2026-02-27'),
      '12345',
    ],
  ];
}

type RowSpec = Partial<Record<ColumnKey, unknown>>;

const HEADERS = COLUMNS.map((column) => column.header);

function fullRow(spec: RowSpec): unknown[] {
  return COLUMNS.map((column) => spec[column.key] ?? (column.kind === 'checkbox' ? false : ''));
}

const page = (spec: RowSpec): RowSpec => ({
  orgKind: 'Структурное подразделение',
  network: 'ВКонтакте',
  responsibleName: 'Иванов И. И.',
  responsiblePosition: 'Начальник отдела',
  authorizedName: 'Петров П. П.',
  esiaVerified: true,
  govMark: true,
  govPublics: true,
  ...spec,
});

/** Row number (sheet) → what the row is for. */
export const FULL_ROWS = {
  overdue: 2,
  dueTomorrow: 3,
  dueAfterHoliday: 4,
  deleted: 5,
  exemption: 6,
  wrongNetwork: 7,
  reported: 8,
  duplicate: 9,
  weakRow: 10,
  onlyDeleted: 11,
  htmlName: 12,
} as const;

/** The register with every catalogue column (canonical order). */
export function fullRegisterRows(): unknown[][] {
  return [
    HEADERS,
    fullRow(
      page({ organization: 'Отдел образования', link: 'https://vk.com/shpak_edu', createdOn: day('2026-03-02') }),
    ),
    fullRow(
      page({ organization: 'Отдел культуры', link: 'https://vk.com/shpak_culture_news', createdOn: day('2026-03-04') }),
    ),
    fullRow(page({ organization: 'Отдел спорта', link: 'https://vk.com/shpak_sport', createdOn: day('2026-03-05') })),
    fullRow(
      page({
        organization: 'Отдел ЖКХ',
        link: 'https://vk.com/shpak_gkh',
        createdOn: day('2025-01-10'),
        deletedOn: day('2026-02-02'),
        deptReportedCreation: day('2025-01-10'),
        tsurReportedCreation: day('2025-01-13'),
        deptReportedDeletion: day('2026-02-03'),
        tsurReportedDeletion: day('2026-02-04'),
      }),
    ),
    fullRow({
      organization: 'МКУ «Архив»',
      orgKind: 'Подведомственная организация',
      exemptionBasis: 'Письмо отдела № 12 от 01.02.2024',
      responsibleName: 'Орлова О. О.',
      responsiblePosition: 'Директор',
    }),
    fullRow(
      page({
        organization: 'Отдел финансов',
        link: 'https://ok.ru/shpak_fin',
        createdOn: day('2026-01-12'),
        deptReportedCreation: day('2026-01-13'),
        tsurReportedCreation: day('2026-01-14'),
      }),
    ),
    fullRow(
      page({
        organization: 'Отдел культуры',
        link: 'https://vk.com/shpak_culture',
        createdOn: day('2026-01-12'),
        deptReportedCreation: day('2026-01-13'),
        tsurReportedCreation: day('2026-01-14'),
      }),
    ),
    fullRow(
      page({
        organization: 'Отдел молодёжи',
        link: 'https://m.vk.com/shpak_culture/',
        createdOn: day('2026-01-12'),
        deptReportedCreation: day('2026-01-13'),
        tsurReportedCreation: day('2026-01-14'),
      }),
    ),
    fullRow(
      page({
        organization: 'МБДОУ Детский сад № 5',
        orgKind: 'Подведомственная организация',
        link: 'https://ok.ru/group/5',
        network: 'Одноклассники',
        createdOn: day('2026-01-12'),
        deptReportedCreation: day('2026-01-13'),
        tsurReportedCreation: day('2026-01-14'),
        responsiblePosition: 'Специалист по связям с общественностью',
        esiaVerified: false,
        ogrn: '1022601234560',
      }),
    ),
    fullRow(
      page({
        organization: 'Отдел транспорта',
        link: 'https://vk.com/shpak_transport',
        createdOn: day('2025-01-10'),
        deletedOn: day('2026-01-12'),
        deptReportedCreation: day('2025-01-10'),
        tsurReportedCreation: day('2025-01-13'),
        deptReportedDeletion: day('2026-01-13'),
        tsurReportedDeletion: day('2026-01-14'),
      }),
    ),
    fullRow(
      page({
        organization: '<b>Школа</b> & «Сад»',
        orgKind: 'Подведомственная организация',
        responsiblePosition: 'Директор',
        createdOn: day('2026-01-12'),
        deptReportedCreation: day('2026-01-13'),
        tsurReportedCreation: day('2026-01-14'),
      }),
    ),
  ];
}

/** A valid, fully reported page for bulk registers (row `index` gets its own link). */
export function bulkRow(index: number): unknown[] {
  return fullRow(
    page({
      organization: `Организация ${index % 50}`,
      link: `https://vk.com/page_${index}`,
      createdOn: day('2026-01-12'),
      deptReportedCreation: day('2026-01-13'),
      tsurReportedCreation: day('2026-01-14'),
    }),
  );
}

export function bulkRegisterRows(count: number): unknown[][] {
  return [HEADERS, ...Array.from({ length: count }, (_, index) => bulkRow(index + 1))];
}
