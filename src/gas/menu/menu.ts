/** The add-on's menu. Handler names are the globals exported by src/main.ts (a typo is a compile error). */
import { DAILY_CHECK_OFF_HANDLER, DAILY_CHECK_ON_HANDLER } from '../daily/menuCaptions';

export const MENU_TITLE = 'Реестр страниц';

/** A global of src/main.ts that a menu item calls. */
export type MenuHandler = Extract<keyof typeof import('../../main'), `menu${string}`>;

/** Captions that replace an item's own, by its handler (e.g. the daily check's state). */
export type MenuCaptions = Readonly<Partial<Record<MenuHandler, string>>>;

interface MenuItem {
  caption: string;
  handler: MenuHandler;
}

export const MENU_ITEMS: readonly (MenuItem | 'separator')[] = [
  { caption: 'Добавить или изменить страницу…', handler: 'menuOpenSidebar' },
  { caption: 'Проверить реестр', handler: 'menuCheckRegister' },
  'separator',
  { caption: 'Настроить реестр (координатор)', handler: 'menuSetup' },
  { caption: 'Сводка для ЦУР… (координатор)', handler: 'menuTsurSummary' },
  { caption: 'Список страниц для сайта', handler: 'menuSiteList' },
  { caption: 'Письмо для контроля (п. 6)… (координатор)', handler: 'menuControlLetter' },
  // Captions of the two daily-check items are replaced by their state (src/gas/daily/triggers.ts).
  { caption: 'Включить ежедневную проверку (координатор)', handler: DAILY_CHECK_ON_HANDLER },
  { caption: 'Выключить ежедневную проверку (координатор)', handler: DAILY_CHECK_OFF_HANDLER },
  { caption: 'Самопроверка (координатор)', handler: 'menuSelfCheck' },
  'separator',
  { caption: 'О надстройке', handler: 'menuAbout' },
];

/** `captions` replaces the caption of an item by its handler's name (e.g. the daily check's state). */
export function addMenu(ui: GoogleAppsScript.Base.Ui, captions: MenuCaptions = {}): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(captions[item.handler] ?? item.caption, item.handler);
  }
  menu.addToUi();
}
