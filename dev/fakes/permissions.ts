/**
 * What Apps Script refuses in each execution context, with its own messages.
 *  - A simple trigger (onOpen, onEdit, onInstall run as simple triggers: AuthMode.LIMITED) cannot call
 *    services that need authorisation: mail, dialogs and sidebars, trigger management.
 *  - AuthMode.NONE (an add-on's onOpen in a document where it is not yet enabled) may only build menus.
 *  - A time-driven trigger has no user interface: SpreadsheetApp.getUi() throws.
 */
export type ExecutionKind = 'editor' | 'simple' | 'menu' | 'timeDriven' | 'sidebar';
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

const SCOPE = 'https://www.googleapis.com/auth/';
const SEND_MAIL = `${SCOPE}script.send_mail`;
const CONTAINER_UI = `${SCOPE}script.container.ui`;
const SCRIPT_APP = `${SCOPE}script.scriptapp`;
const SPREADSHEETS = `${SCOPE}spreadsheets.currentonly`;
const EMAIL = `${SCOPE}userinfo.email`;

/** Calls that need authorisation a simple trigger does not have, and the scope each needs. */
const NEEDS_AUTHORIZATION: Record<string, string> = {
  'MailApp.sendEmail': SEND_MAIL,
  'MailApp.getRemainingDailyQuota': SEND_MAIL,
  'Ui.showSidebar': CONTAINER_UI,
  'Ui.showModalDialog': CONTAINER_UI,
  'Ui.showModelessDialog': CONTAINER_UI,
  'ScriptApp.newTrigger': SCRIPT_APP,
  'ScriptApp.getProjectTriggers': SCRIPT_APP,
  'ScriptApp.getUserTriggers': SCRIPT_APP,
  'ScriptApp.deleteTrigger': SCRIPT_APP,
  'SpreadsheetApp.openById': `${SCOPE}spreadsheets`,
  'SpreadsheetApp.openByUrl': `${SCOPE}spreadsheets`,
};

const SCOPE_BY_SERVICE: Record<string, string> = {
  SpreadsheetApp: SPREADSHEETS,
  Spreadsheet: SPREADSHEETS,
  Sheet: SPREADSHEETS,
  Range: SPREADSHEETS,
  Protection: SPREADSHEETS,
  Session: EMAIL,
  User: EMAIL,
  MailApp: SEND_MAIL,
  ScriptApp: SCRIPT_APP,
  Ui: CONTAINER_UI,
};

/** Allowed in AuthMode.NONE: building the add-on menu, logging. */
const ALLOWED_IN_NONE = /^(SpreadsheetApp\.getUi|Ui\.create(Addon)?Menu|Menu\.\w+|Logger\.\w+)$/;

function denied(name: string, scope: string): string {
  return `You do not have permission to call ${name}. Required permissions: ${scope}`;
}

/** The message Apps Script throws for `name` ('MailApp.sendEmail') in this context, or undefined if allowed. */
export function refusal(kind: ExecutionKind, authMode: AuthModeName, name: string): string | undefined {
  if (kind === 'simple' && authMode === 'NONE' && !ALLOWED_IN_NONE.test(name)) {
    const service = name.split('.')[0] ?? '';
    const scope = NEEDS_AUTHORIZATION[name] ?? SCOPE_BY_SERVICE[service];
    return scope ? denied(name, scope) : `You do not have permission to call ${name}.`;
  }
  if (kind === 'simple') {
    const scope = NEEDS_AUTHORIZATION[name];
    if (scope) return denied(name, scope);
  }
  if (kind === 'timeDriven' && name === 'SpreadsheetApp.getUi')
    return 'Cannot call SpreadsheetApp.getUi() from this context.';
  return undefined;
}
