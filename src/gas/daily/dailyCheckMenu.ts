/**
 * The menu items that turn the daily check on and off. Coordinators only; under the script lock, so two
 * coordinators clicking at once still leave one trigger. The menu is rebuilt afterwards so its captions
 * show the new state.
 */
import { DAILY_CHECK_TITLE, dailyCheckView } from '../../views/dailyCheck';
import { showDialog } from '../menu/dialog';
import { requireCoordinator } from '../platform/access';
import { withScriptLock } from '../platform/lock';
import { addMenu } from '../menu/menu';
import { readSettings } from '../sheets/settingsSheet';
import { dailyCheckMenuCaptions, describeDailyCheck } from './menuCaptions';
import { installDailyCheck, uninstallDailyCheck, type DailyCheckState } from './triggers';

export { DAILY_CHECK_TITLE };

/** Turns the daily check on (or moves it to the hour now in «Настройки»). Returns the message shown. */
export function turnDailyCheckOn(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { settings } = readSettings(spreadsheet);
  const access = requireCoordinator(settings, spreadsheet);
  if (!access.ok) return access.reason;
  const locked = withScriptLock(() => installDailyCheck(settings.dailyCheckHour, access.email));
  if (!locked.ok) return locked.message;
  const state: DailyCheckState = locked.value;
  const recipients = settings.coordinators.length ? settings.coordinators.join(', ') : access.email;
  return [
    describeDailyCheck(state),
    `Письмо о сроках получают: ${recipients}.`,
    settings.remindResponsible
      ? 'Ответственные получают напоминания по своим строкам («Напоминать ответственным»: да): о сроках и ошибках — ' +
        'в рабочий день, когда они есть; о предупреждениях — раз в неделю, в первый рабочий день недели.'
      : 'Ответственным напоминания не отправляются («Напоминать ответственным»: нет).',
    settings.sendSummaryAutomatically
      ? 'Сводка в ЦУР отправляется автоматически, когда есть несообщённые события.'
      : 'Сводку в ЦУР отправляет координатор из меню («Отправлять сводку в ЦУР автоматически»: нет).',
    'В выходные и праздничные дни проверка ничего не делает. Час меняется в «Настройках»: проверка перейдёт на него сама.',
  ].join('\n');
}

export function turnDailyCheckOff(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { settings } = readSettings(spreadsheet);
  const access = requireCoordinator(settings, spreadsheet);
  if (!access.ok) return access.reason;
  const locked = withScriptLock(() => uninstallDailyCheck());
  if (!locked.ok) return locked.message;
  const previous = locked.value;
  if (previous === null) return 'Ежедневная проверка уже была выключена.';
  const other =
    previous.owner && previous.owner !== access.email
      ? ` Её включал ${previous.owner}: его триггер удалит себя сам при следующем запуске, ничего не отправив.`
      : '';
  return `Ежедневная проверка выключена.${other}`;
}

/** A menu handler: runs `action`, rebuilds the menu, shows the message (a dialog when it is more than a line). */
export function runDailyCheckMenu(action: () => string): void {
  const ui = SpreadsheetApp.getUi();
  const message = action();
  addMenu(ui, dailyCheckMenuCaptions());
  const lines = message.split('\n');
  if (lines.length > 1) showDialog(dailyCheckView(lines));
  else ui.alert(DAILY_CHECK_TITLE, message, ui.ButtonSet.OK);
}
