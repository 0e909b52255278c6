/**
 * Who may do what through each global of build/Code.js (issue 11): one row per top-level function, one
 * verdict per role. Every global can be called by any user of the spreadsheet with any arguments
 * (google.script.run from any page of the add-on, the script editor), so a global without a row fails
 * test/gas/authorization.test.ts. To add a global: add its row here.
 *
 *  - 'refused': with the role's e-mail it changes nothing — no letter, no cell of «Реестр» or «Настройки»,
 *    no trigger — and says why (a returned reason or an alert);
 *  - 'allowed': it may act (what it does is tested elsewhere); hostile arguments still must not throw.
 */
export type Role = 'owner' | 'coordinator' | 'department' | 'noEmail';
export type Verdict = 'allowed' | 'refused';
export type AuthorizationRow = Readonly<Record<Role, Verdict>>;

/** Coordinator actions: the owner and the coordinators of «Настройки». */
export const COORDINATORS_ONLY: AuthorizationRow = {
  owner: 'allowed',
  coordinator: 'allowed',
  department: 'refused',
  noEmail: 'refused',
};

/** Everyone's actions (reading, the sidebar form, simple triggers): the checks are on the data. */
export const EVERYONE: AuthorizationRow = {
  owner: 'allowed',
  coordinator: 'allowed',
  department: 'allowed',
  noEmail: 'allowed',
};

export const AUTHORIZATION_TABLE: Readonly<Record<string, AuthorizationRow>> = {
  onOpen: EVERYONE,
  onInstall: EVERYONE,
  onEdit: EVERYONE,
  menuAbout: EVERYONE,
  menuCheckRegister: EVERYONE,
  menuOpenSidebar: EVERYONE,
  menuSiteList: EVERYONE,
  sidebarInit: EVERYONE,
  sidebarFind: EVERYONE,
  sidebarMyPages: EVERYONE,
  sidebarSubmit: EVERYONE,
  // Changes only the caller's own selection, on the add-on's sheets.
  dialogSelectCell: EVERYONE,
  menuSetup: COORDINATORS_ONLY,
  menuTsurSummary: COORDINATORS_ONLY,
  summarySend: COORDINATORS_ONLY,
  summaryLetter: COORDINATORS_ONLY,
  menuDailyCheckOn: COORDINATORS_ONLY,
  menuDailyCheckOff: COORDINATORS_ONLY,
  menuSelfCheck: COORDINATORS_ONLY,
  menuControlLetter: COORDINATORS_ONLY,
  // By hand only a coordinator; with a trigger ID only the trigger's own user (a forged ID is refused).
  dailyCheck: COORDINATORS_ONLY,
};
