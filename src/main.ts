/**
 * The globals Apps Script calls: simple triggers, menu handlers, trigger handlers and the functions the
 * sidebar calls through google.script.run. Each is a few lines calling into src/gas; scripts/build.mjs
 * writes a top-level function declaration for every export of this file.
 */
import { MENU_TITLE, addMenu } from './gas/menu/menu';
import { showAbout } from './gas/menu/about';
import { runDailyCheck, type DailyOutcome } from './gas/daily/dailyCheck';
import { DAILY_CHECK_TITLE, runDailyCheckMenu, turnDailyCheckOff, turnDailyCheckOn } from './gas/daily/dailyCheckMenu';
import { SITE_LIST_TITLE, showSiteList } from './gas/menu/siteList';
import { CONTROL_ACTION, showControlPreview } from './gas/daily/controlLetter';
import {
  SUMMARY_TITLE,
  sendSummaryFromPreview,
  showSummaryPreview,
  summaryDraft,
  type SummaryDraft,
} from './gas/menu/summary';
import { dailyCheckMenuCaptions } from './gas/daily/menuCaptions';
import { CHECK_TITLE, runCheck } from './gas/menu/registerCheck';
import { onEditEvent } from './gas/edit/onEdit';
import { SETUP_TITLE, runSetup } from './gas/setup/setup';
import { runSelfCheck, SELF_CHECK_TITLE } from './gas/setup/selfCheck';
import { runMenuAction } from './gas/menu/menuAction';
import { selectCell } from './gas/menu/selectCell';
import { SIDEBAR_TITLE, openSidebar } from './gas/sidebar/open';
import * as sidebar from './gas/sidebar/read';
import { sidebarSubmit as submitFromSidebar } from './gas/sidebar/submit';
import type { PageInput } from './domain/types';
import type { ServerApi } from './shared/api';
import type { SelectCellResult, SummarySendResult } from './shared/dialog';
import type { SidebarFindResult, SidebarInitResult, SidebarMyPagesResult, SidebarSubmitResult } from './shared/sidebar';

export function onOpen(): void {
  addMenu(SpreadsheetApp.getUi(), dailyCheckMenuCaptions());
}

export function onInstall(): void {
  onOpen();
}

/** Simple trigger: checks the edited rows of the register (see src/gas/edit/onEdit.ts). */
export function onEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  onEditEvent(event);
}

export function menuSetup(): void {
  runMenuAction(SETUP_TITLE, runSetup);
}

export function menuCheckRegister(): void {
  runMenuAction(CHECK_TITLE, runCheck);
}

export function menuAbout(): void {
  runMenuAction(MENU_TITLE, showAbout);
}

export function menuOpenSidebar(): void {
  runMenuAction(SIDEBAR_TITLE, openSidebar);
}

export function sidebarInit(): SidebarInitResult {
  return sidebar.sidebarInit();
}

export function sidebarFind(query: string): SidebarFindResult {
  return sidebar.sidebarFind(query);
}

/** «Мои страницы»: any editor; only the rows whose responsible e-mail is the caller's. */
export function sidebarMyPages(): SidebarMyPagesResult {
  return sidebar.sidebarMyPages();
}

export function sidebarSubmit(input: PageInput, requestId: string, original?: PageInput | null): SidebarSubmitResult {
  return submitFromSidebar(input, requestId, original);
}

/** The sidebar's contract (src/shared/api.ts): these globals drifting from what the client calls is a compile error. */
type Implements<T extends ServerApi> = T;
export type SidebarGlobals = Implements<Pick<typeof import('./main'), keyof ServerApi>>;

/** «Сводка для ЦУР…»: the preview dialog (coordinators only). */
export function menuTsurSummary(): void {
  runMenuAction(SUMMARY_TITLE, showSummaryPreview);
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
  runMenuAction(DAILY_CHECK_TITLE, () => runDailyCheckMenu(turnDailyCheckOn));
}

export function menuDailyCheckOff(): void {
  runMenuAction(DAILY_CHECK_TITLE, () => runDailyCheckMenu(turnDailyCheckOff));
}

/** The daily check's time-driven trigger. */
export function dailyCheck(event?: { triggerUid?: string }): DailyOutcome {
  return runDailyCheck(event);
}

/** «Список страниц для сайта» (п. 3.1.1). */
export function menuSiteList(): void {
  runMenuAction(SITE_LIST_TITLE, showSiteList);
}

/** «Самопроверка» (coordinators): what the add-on assumes of Google, checked on a temporary sheet. */
export function menuSelfCheck(): void {
  runMenuAction(SELF_CHECK_TITLE, runSelfCheck);
}

/** «Письмо для контроля (п. 6)…»: the monthly control letter as it would go now (coordinators only; sends nothing). */
export function menuControlLetter(): void {
  runMenuAction(CONTROL_ACTION, showControlPreview);
}

/** A cell address in a dialog: selects that cell (any user; only the add-on's sheets, one cell or row in range). */
export function dialogSelectCell(sheetName: string, a1: string): SelectCellResult {
  return selectCell(sheetName, a1);
}
