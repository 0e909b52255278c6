/**
 * The captions of the daily check's two menu items, from its stored state (document properties only:
 * onOpen, a simple trigger, may read them).
 */
import type { MenuCaptions, MenuHandler } from '../menu/menu';
import { readDailyCheckState, type DailyCheckState } from './triggers';

export const DAILY_CHECK_ON_HANDLER = 'menuDailyCheckOn' satisfies MenuHandler;
export const DAILY_CHECK_OFF_HANDLER = 'menuDailyCheckOff' satisfies MenuHandler;

function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** Menu captions of the two daily-check items for the stored state. */
export function dailyCheckCaptions(state: DailyCheckState | null): MenuCaptions {
  if (state === null) {
    return {
      [DAILY_CHECK_ON_HANDLER]: 'Ежедневная проверка: выключена — включить',
      [DAILY_CHECK_OFF_HANDLER]: 'Выключить ежедневную проверку',
    };
  }
  return {
    [DAILY_CHECK_ON_HANDLER]: `Ежедневная проверка: включена, ${hourText(state.hour)} МСК — обновить`,
    [DAILY_CHECK_OFF_HANDLER]: 'Выключить ежедневную проверку',
  };
}

/** Captions for onOpen (reads document properties only: allowed in a simple trigger). */
export function dailyCheckMenuCaptions(): MenuCaptions {
  return dailyCheckCaptions(readDailyCheckState());
}

export function describeDailyCheck(state: DailyCheckState): string {
  return `Ежедневная проверка включена: каждый рабочий день в ${hourText(state.hour)} по московскому времени (в течение часа).`;
}
