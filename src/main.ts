/**
 * The globals Apps Script calls: simple triggers, menu handlers, trigger handlers and the functions the
 * sidebar calls through google.script.run. Each is a few lines calling into src/gas; scripts/build.mjs
 * writes a top-level function declaration for every export of this file.
 */
import { ABOUT_TEXT, MENU_TITLE, addMenu } from './gas/menu';
import { runDailyCheck, type DailyOutcome } from './gas/dailyCheck';
import { runDailyCheckMenu, turnDailyCheckOff, turnDailyCheckOn } from './gas/dailyCheckMenu';
import { showSiteList } from './gas/siteList';
import { showControlPreview } from './gas/controlLetter';
import {
  sendSummaryFromPreview,
  showSummaryPreview,
  summaryDraft,
  type SummaryDraft,
  type SummarySendResult,
} from './gas/summary';
import { dailyCheckMenuCaptions } from './gas/triggers';
import { runCheck } from './gas/check';
import { onEditEvent } from './gas/edit';
import { runSetup } from './gas/setup';
import { runMenuAction } from './gas/menuAction';
import * as sidebar from './gas/sidebar';
import type { PageInput } from './domain/types';

export function onOpen(): void {
  addMenu(SpreadsheetApp.getUi(), dailyCheckMenuCaptions());
}

export function onInstall(): void {
  onOpen();
}

/** Simple trigger: checks the edited rows of the register (see src/gas/edit.ts). */
export function onEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  onEditEvent(event);
}

export function menuSetup(): void {
  runMenuAction('Настройка реестра', runSetup);
}

export function menuCheckRegister(): void {
  runMenuAction('Проверка реестра', runCheck);
}

export function menuAbout(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(MENU_TITLE, ABOUT_TEXT, ui.ButtonSet.OK);
}

export function menuOpenSidebar(): void {
  runMenuAction('Страница в реестре', sidebar.openSidebar);
}

export function sidebarInit(): sidebar.SidebarInitResult {
  return sidebar.sidebarInit();
}

export function sidebarFind(query: string): sidebar.SidebarFindResult {
  return sidebar.sidebarFind(query);
}

export function sidebarSubmit(
  input: PageInput,
  requestId: string,
  original?: PageInput | null,
): sidebar.SidebarSubmitResult {
  return sidebar.sidebarSubmit(input, requestId, original);
}

/** «Сводка для ЦУР…»: the preview dialog (coordinators only). */
export function menuTsurSummary(): void {
  runMenuAction('Сводка для ЦУР', showSummaryPreview);
}

/** The preview's «Отправить»: `token` names exactly the events the preview showed. */
export function summarySend(token: string): SummarySendResult {
  return sendSummaryFromPreview(token);
}

/** The letter exactly as «Отправить» would send it now (for `npm start`), with the token for summarySend. */
export function summaryLetter(): SummaryDraft {
  return summaryDraft();
}

export function menuDailyCheckOn(): void {
  runMenuAction('Ежедневная проверка', () => runDailyCheckMenu(turnDailyCheckOn));
}

export function menuDailyCheckOff(): void {
  runMenuAction('Ежедневная проверка', () => runDailyCheckMenu(turnDailyCheckOff));
}

/** The daily check's time-driven trigger. */
export function dailyCheck(event?: { triggerUid?: string }): DailyOutcome {
  return runDailyCheck(event);
}

/** «Список страниц для сайта» (п. 3.1.1). */
export function menuSiteList(): void {
  runMenuAction('Список страниц для сайта', showSiteList);
}

/** «Письмо для контроля (п. 6)…»: the monthly control letter as it would go now (coordinators only; sends nothing). */
export function menuControlLetter(): void {
  runMenuAction('Письмо для контроля (п. 6)', showControlPreview);
}
