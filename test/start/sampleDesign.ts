/**
 * What the sample register (dev/sample/register.ts) is designed to show on its day, 01.12.2026, written
 * down from the design (each row's dates against the 2026 production calendar), not from running the
 * code. The tests of the sample and of `npm start` compare the add-on's results with it.
 */

/** «Состояние» of each sheet row on 01.12.2026 before anything is sent to ЦУР. */
export const STATES_BEFORE_SEND: Readonly<Record<number, string>> = {
  2: 'Сообщено', // administration, vk.com/public197204238
  3: 'Сообщено', // administration, vk.com/shpakray
  4: 'Сообщено', // administration, vk.com/igorserov_26
  5: 'Сообщено', // administration, ok.ru/igorserov26
  6: 'Сообщено',
  7: 'В срок', // created 30.11, ЦУР due 03.12
  8: 'Сообщено с опозданием', // ЦУР 20.03.2024 after 14.03.2024
  9: 'Просрочено: ЦУР', // created 20.11, ЦУР due 25.11
  10: 'Срок сегодня', // created 26.11, ЦУР due 01.12
  11: 'Срок сегодня', // created 27.11, coordinator due 01.12
  12: 'Сообщено',
  13: 'Удалена', // deleted 14.10, reported in time
  14: 'Просрочено: ЦУР', // deleted 24.11, nothing reported
  15: 'В срок', // deleted 30.11, ЦУР due 03.12
  16: 'В срок', // created 30.11
  17: 'Сообщено',
  18: 'Сообщено с опозданием', // both late
  19: 'Ошибки заполнения', // ok.ru link, network ВКонтакте
  20: 'Сообщено', // date typed as text «05.03.2024» reads as a date
  21: 'Ошибки заполнения', // created in the future
  22: 'Ошибки заполнения', // deleted before created
  23: 'Ошибки заполнения', // no responsible person
  24: 'Сообщено',
  25: 'Сообщено',
  26: 'Ошибки заполнения', // bad ОГРН
  27: 'Сообщено', // warning: «Главный специалист»
  28: 'Сообщено', // warning: ЕСИА unchecked
  29: 'Сообщено',
  30: 'Ошибки заполнения', // https://www.vk.com/mfc_shpak = row 29
  31: 'Ошибки заполнения', // e-mail without @
  32: 'Сообщено',
  33: 'В срок', // created today
  34: 'Освобождение (п. 4)',
  35: 'Освобождение (п. 4)',
  36: 'Просрочено: отдел', // created 26.11, coordinator due 30.11
  37: 'Сообщено',
  38: 'Сообщено с опозданием', // ЦУР 22.04.2025 after 17.04.2025
};

/** The same rows after the summary was sent on 01.12.2026 (every pending event stamped that day). */
export const STATES_AFTER_SEND: Readonly<Record<number, string>> = {
  ...STATES_BEFORE_SEND,
  7: 'Сообщено',
  9: 'Сообщено с опозданием', // ЦУР 01.12 after 25.11
  10: 'Сообщено', // ЦУР on the deadline day is in time
  11: 'Сообщено', // the ЦУР stamp proves the coordinator knew by 01.12, its deadline
  14: 'Сообщено с опозданием', // the deletion: both late
  15: 'Удалена',
  16: 'Сообщено',
  33: 'Сообщено',
  36: 'Сообщено с опозданием', // the coordinator learnt of it after 30.11
};

export const SAMPLE_DESIGN = {
  rows: 37,
  /** Rows 19, 21, 22, 23, 26, 30, 31: one error each. */
  rowsWithErrors: 7,
  errors: 7,
  /** Rows 27 (position) and 28 (ЕСИА). */
  warnings: 2,
  /**
   * Not yet reported to ЦУR on 01.12.2026: creations of rows 7, 9, 10, 11, 16, 33, 36 and deletions of
   * rows 14, 15, 22 (row 21's creation is dated 15.12, in the future, so not yet reportable).
   */
  pendingEvents: 10,
  /** With an obligation open past its deadline: row 9 (ЦУР), row 14's deletion, row 22's deletion, row 36 (coordinator). */
  overdueEvents: 4,
  /** Pending events whose ЦУР deadline has passed: rows 9, 14, 22. */
  pendingOverdueToTsur: 3,
  /** Events in all: a creation on every row but the exemptions (35) + deletions of rows 13, 14, 15, 22. */
  events: 39,
  recipients: ['cur@stavregion.example.ru', 'proektofis@stavregion.example.ru'],
} as const;

/** How many rows have each state. */
export function countStates(states: Readonly<Record<number, string>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const state of Object.values(states)) counts[state] = (counts[state] ?? 0) + 1;
  return counts;
}
