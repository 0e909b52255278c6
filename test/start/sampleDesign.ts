/**
 * What the sample register (dev/sample/register.ts) is designed to show on its day, 01.12.2026, written
 * down from the design (each row's dates against the 2026 production calendar), not from running the
 * code. The tests of the sample and of `npm start` compare the add-on's results with it.
 */

/** «Состояние» of each sheet row on 01.12.2026 before anything is sent to ЦУР. */
export const STATES_BEFORE_SEND: Readonly<Record<number, string>> = {
  2: 'Сообщено', // administration, vk.com/public197204238 = vk.com/shpakray, both writings in one cell (п. 2.1)
  3: 'Создана до вступления в силу', // created 14.05.2019, never reported: its own section of the letter; a warning: before 01.12.2022
  4: 'Сообщено', // administration, vk.com/igorserov_26
  5: 'Сообщено', // administration, ok.ru/igorserov26
  6: 'Сообщено',
  7: 'В срок', // created 30.11, ЦУР due 03.12
  8: 'Сообщено с опозданием', // ЦУР 20.03.2024 after 14.03.2024, the department in time
  9: 'Просрочено: ЦУР', // created 20.11, the department told 23.11 (in time), ЦУР due 25.11
  10: 'Срок сегодня', // created 26.11, ЦУР due 01.12
  11: 'Срок сегодня', // created 27.11, coordinator due 01.12
  12: 'Сообщено',
  13: 'Удалена', // deleted 14.10, reported in time
  14: 'Просрочено: отдел', // deleted 24.11, nothing reported: the delay is the department's
  15: 'В срок', // deleted 30.11, ЦУР due 03.12
  16: 'В срок', // created 30.11
  17: 'Сообщено',
  18: 'Сообщено с опозданием (отдел сообщил поздно)', // both late
  19: 'Ошибки заполнения', // ok.ru link, network ВКонтакте
  20: 'Сообщено', // date typed as text «05.03.2024» reads as a date
  21: 'Ошибки заполнения', // created in the future
  22: 'Ошибки заполнения', // deleted before created: left out of the letter
  23: 'Ошибки заполнения', // no responsible person
  24: 'Сообщено', // new.vk.com link
  25: 'Сообщено', // right ОГРН and ИНН
  26: 'Ошибки заполнения', // bad ОГРН
  27: 'Сообщено', // warning: «Главный специалист»
  28: 'Сообщено', // warning: ЕСИА unchecked
  29: 'Сообщено',
  30: 'Ошибки заполнения', // https://www.vk.com/mfc_shpak = row 29
  31: 'Ошибки заполнения', // e-mail without @
  32: 'Сообщено', // m.vk.com link
  33: 'В срок', // created today
  34: 'Освобождение (п. 4)',
  35: 'Освобождение (п. 4)',
  36: 'Просрочено: отдел', // created 26.11, coordinator due 30.11
  37: 'Сообщено',
  38: 'Сообщено с опозданием', // ЦУР 22.04.2025 after 17.04.2025
  39: 'Просрочено: ЦУР (отдел сообщил поздно)', // created 20.11, told 25.11 after 24.11, ЦУР due 25.11
  40: 'Сообщено', // warning: vk.com/id… is a profile
  41: 'Ошибки заполнения', // vk.com/wall-… is no page: left out of the letter
  42: 'Сообщено', // ok.ru/group53038939046008
  43: 'Ошибки заполнения', // ok.ru/dk?st.groupId=53038939046008 = row 42
  44: 'Ошибки заполнения', // the administration cannot be exempt
  45: 'Освобождение (п. 4)', // warning: «не нужно» names no agreement
  46: 'Освобождение (п. 4)', // warning: the organization has an active page (row 29)
  47: 'Сообщено', // warning: «Заведующий хозяйством»
  48: 'Ошибки заполнения', // a ГРН in «ОГРН», a wrong ИНН
  49: 'Сообщено', // warnings: no Госметка, no «Госпаблики»
};

/** The same rows after the summary was sent on 01.12.2026 (every event of the letter stamped that day). */
export const STATES_AFTER_SEND: Readonly<Record<number, string>> = {
  ...STATES_BEFORE_SEND,
  3: 'Сообщено', // reported once; never late
  7: 'Сообщено',
  9: 'Сообщено с опозданием', // ЦУР 01.12 after 25.11, the department in time
  10: 'Сообщено', // ЦУР on the deadline day is in time
  11: 'Сообщено', // the ЦУР stamp proves the coordinator knew by 01.12, its deadline
  14: 'Сообщено с опозданием (отдел сообщил поздно)', // the deletion: both late
  15: 'Удалена',
  16: 'Сообщено',
  33: 'Сообщено',
  36: 'Сообщено с опозданием (отдел сообщил поздно)', // the coordinator learnt of it after 30.11
  39: 'Сообщено с опозданием (отдел сообщил поздно)',
};

export const SAMPLE_DESIGN = {
  rows: 48,
  /** Rows 19, 21, 22, 23, 26, 30, 31, 41, 43, 44, 48: one error each, row 48 two. */
  rowsWithErrors: 11,
  errors: 12,
  /** Rows 3 (created 2019, before official pages existed: 01.12.2022, 270-ФЗ), 27 (position), 28 (ЕСИА), 40 (profile), 44 (exempt with pages), 45 (basis), 46 (exempt with a page), 47 (position), 49 (two). */
  warnings: 10,
  /**
   * Not yet reported to ЦУР on 01.12.2026 and fit to report: creations of rows 3, 7, 9, 10, 11, 16, 33, 36, 39
   * and deletions of rows 14, 15. Left out until corrected: row 22's deletion, row 41's creation (row 21's
   * creation is dated 15.12, in the future, so not yet reportable).
   */
  pendingEvents: 11,
  /**
   * Of the pending events, those past their ЦУР deadline, as the letter counts them: rows 9, 14, 39 (row 36
   * is late only to the coordinator; row 22 is left out for its error; row 3 is before the decree: never).
   */
  overdueEvents: 3,
  /** Events in all: a creation on every row but the five exemptions (43) + deletions of rows 13, 14, 15, 22. */
  events: 47,
  /**
   * Rows with unreported events left out of the letter: their error is named in the preview. Row 21's
   * creation (15.12, in the future) is not yet due, but its date is in error: named too.
   */
  excludedRows: [21, 22, 41],
  recipients: ['cur@stavregion.example.ru', 'proektofis@stavregion.example.ru'],
} as const;

/** How many rows have each state. */
export function countStates(states: Readonly<Record<number, string>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const state of Object.values(states)) counts[state] = (counts[state] ?? 0) + 1;
  return counts;
}
