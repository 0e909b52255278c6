/**
 * Who is asking. Coordinator-only actions refuse, politely and with the reason, when the e-mail of the
 * person is unknown (simple triggers, accounts of another domain) or is not a coordinator's.
 */
import { isCoordinatorEmail, type Settings } from '../../domain/settings';

/** The e-mail of the person running the script, '' when Apps Script cannot tell. */
export function currentUserEmail(): string {
  try {
    return (Session.getActiveUser().getEmail() ?? '').trim().toLowerCase();
  } catch {
    return '';
  }
}

/** The owner's e-mail, '' when the spreadsheet has no owner we can see (a shared drive). */
export function ownerEmail(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return (spreadsheet.getOwner()?.getEmail() ?? '').trim().toLowerCase();
  } catch {
    return '';
  }
}

export const UNKNOWN_USER_REASON =
  'Не удалось определить адрес вашей электронной почты, поэтому нельзя проверить, что вы координатор реестра. ' +
  'Войдите в Google под рабочей учётной записью или попросите координатора выполнить это действие.';

export const NOT_COORDINATOR_REASON =
  'Это действие выполняет координатор реестра — отдел массовых коммуникаций и информационных технологий. ' +
  'Если оно нужно, пожалуйста, обратитесь к координатору. Добавлять и изменять страницы вы можете как обычно.';

export type AccessResult = { ok: true; email: string } | { ok: false; email: string; reason: string };

/**
 * Coordinators are the e-mails in «Настройки» plus the spreadsheet's owner; with an empty list, the
 * owner only. `owner` is the owner's e-mail ('' when unknown), passed so callers can read it once.
 */
export function checkCoordinator(settings: Settings, email: string, owner: string): AccessResult {
  if (email === '') return { ok: false, email, reason: UNKNOWN_USER_REASON };
  if (owner !== '' && email === owner) return { ok: true, email };
  if (isCoordinatorEmail(settings, email)) return { ok: true, email };
  return { ok: false, email, reason: NOT_COORDINATOR_REASON };
}

/** checkCoordinator for the person running the script in this spreadsheet. */
export function requireCoordinator(
  settings: Settings,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): AccessResult {
  const email = currentUserEmail();
  if (email === '') return { ok: false, email, reason: UNKNOWN_USER_REASON };
  // A coordinator named in «Настройки» needs no look-up of the owner (a server call).
  if (isCoordinatorEmail(settings, email)) return { ok: true, email };
  return checkCoordinator(settings, email, ownerEmail(spreadsheet));
}
