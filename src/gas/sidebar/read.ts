/**
 * The sidebar's reading server functions: what the form needs to start, the search, and «Мои страницы».
 * The globals of src/main.ts call these; the types they return are the contract of src/shared/sidebar.ts.
 */
import { unreportedEventsOfCells } from '../../domain/reportStamps';
import { readDateCell, readTextCell } from '../../domain/cellValues';
import { ORG_KINDS } from '../../domain/columns';
import { MOSCOW_TIME_ZONE } from '../../domain/isoDate';
import { networkList, type NetworkSpec } from '../../domain/links';
import { cellText, formOfCells, missingColumnsMessage, rowMatches } from '../../domain/pageForm';
import { assessRow } from '../../domain/register';
import { organizationKey } from '../../domain/registerCheck';
import { extraNetworksOf } from '../../domain/settings';
import type {
  FoundPage,
  SidebarFindResult,
  SidebarInitResult,
  SidebarMyPagesResult,
  SidebarOrganization,
} from '../../shared/sidebar';
import { checkCoordinator, currentUserEmail, ownerEmail } from '../platform/access';
import { loadDayContext } from '../sheets/computedColumns';
import { REGISTER_NOT_FOUND, missingColumns, openRegister, type RawRow } from '../sheets/registerSheet';
import { isBlankRow, readAllRows } from '../sheets/registerRows';
import { readSettings } from '../sheets/settingsSheet';

/** How many pages a search returns at most. */
const MAX_FOUND = 20;

/** A register row as the sidebar shows it (shared with the submit's answer). */
export function foundPage(raw: RawRow, timeZone: string): FoundPage {
  const { input, unreadable } = formOfCells(raw.cells, timeZone);
  const state = readTextCell(raw.cells.state, timeZone);
  const deadline = readDateCell(raw.cells.deadline, timeZone);
  return {
    id: input.id,
    row: raw.row,
    state: state.ok ? (state.value ?? '') : '',
    deadline: deadline.ok ? deadline.value : null,
    input,
    unreadable,
    unreported: unreportedEventsOfCells(raw.cells, timeZone),
  };
}

function networkNames(extra: readonly NetworkSpec[]): string[] {
  return networkList(extra).map((network) => network.name);
}

/** What the form needs to start: suggestions, lists, today, and whether this person may submit. */
export function sidebarInit(): SidebarInitResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openRegister(spreadsheet);
  const day = loadDayContext(spreadsheet, table?.timeZone ?? MOSCOW_TIME_ZONE);
  const extraNetworks = day.register.extraNetworks ?? [];
  const organizations = new Map<string, SidebarOrganization>();
  if (table !== null) {
    for (const raw of readAllRows(table)) {
      const name = cellText(raw.cells.organization);
      if (name === '') continue;
      const key = organizationKey(name);
      const kind = cellText(raw.cells.orgKind);
      const known = organizations.get(key);
      if (known === undefined) organizations.set(key, { name, orgKind: kind || null });
      else if (known.orgKind === null && kind !== '') known.orgKind = kind;
    }
  }
  const email = currentUserEmail();
  const missing = table === null ? [] : missingColumns(table);
  const reason = table === null ? REGISTER_NOT_FOUND : missing.length > 0 ? missingColumnsMessage(missing) : null;
  return {
    today: day.register.today,
    organizations: [...organizations.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    networks: networkNames(extraNetworks),
    extraNetworks: [...extraNetworks],
    orgKinds: [...ORG_KINDS],
    mailDomains: day.register.mailDomains === undefined ? null : [...day.register.mailDomains],
    user: {
      email: email || null,
      isCoordinator: checkCoordinator(day.settings.settings, email, ownerEmail(spreadsheet)).ok,
      canSubmit: reason === null,
      reason,
    },
  };
}

/** Pages whose organization or link matches the query, in sheet order (one read of the register). */
export function sidebarFind(query: unknown): SidebarFindResult {
  const text = typeof query === 'string' ? query.trim().slice(0, 500) : '';
  if (text.length < 2)
    return { pages: [], truncated: false, message: 'Введите не меньше двух букв названия или ссылку.' };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openRegister(spreadsheet);
  if (table === null) return { pages: [], truncated: false, message: REGISTER_NOT_FOUND };
  const extra = extraNetworksOf(readSettings(spreadsheet).settings);
  const matches = readAllRows(table).filter((raw) => !isBlankRow(raw.values) && rowMatches(raw.cells, text, extra));
  const withId = matches.filter((raw) => cellText(raw.cells.id) !== '');
  const withoutId = matches.length - withId.length;
  return {
    pages: withId.slice(0, MAX_FOUND).map((raw) => foundPage(raw, table.timeZone)),
    truncated: withId.length > MAX_FOUND,
    message:
      withId.length === 0 && withoutId > 0
        ? `Найдено строк без ID: ${withoutId}. Их нельзя изменить через панель, пока координатор не выполнит «Настроить реестр».`
        : null,
  };
}

/** How many of the caller's pages are listed at most. */
const MAX_MY_PAGES = 50;

/**
 * «Мои страницы»: the pages whose «E-mail ответственного» is the caller's own, nearest deadline first.
 * Any editor may call it; it returns only rows that already carry the caller's address, so it never
 * shows anyone else's e-mail, and nothing when Apps Script cannot tell who is asking.
 */
export function sidebarMyPages(): SidebarMyPagesResult {
  const email = currentUserEmail();
  if (email === '') {
    return {
      pages: [],
      truncated: false,
      message: 'Не удалось определить адрес вашей почты: найдите страницы поиском ниже.',
    };
  }
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const table = openRegister(spreadsheet);
  if (table === null) return { pages: [], truncated: false, message: REGISTER_NOT_FOUND };
  // State and deadline as of today (the sheet's «Срок» and «Состояние» may wait for the next check).
  const context = loadDayContext(spreadsheet, table.timeZone).register;
  const mine = readAllRows(table)
    .filter((raw) => cellText(raw.cells.id) !== '' && cellText(raw.cells.responsibleEmail).toLowerCase() === email)
    .map((raw) => {
      const page = foundPage(raw, table.timeZone);
      const assessment = assessRow(raw, context);
      return assessment === null ? page : { ...page, state: assessment.state, deadline: assessment.deadline };
    })
    .sort(
      (a, b) =>
        (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
        a.input.organization.localeCompare(b.input.organization, 'ru') ||
        a.row - b.row,
    );
  return {
    pages: mine.slice(0, MAX_MY_PAGES),
    truncated: mine.length > MAX_MY_PAGES,
    message: mine.length === 0 ? `Страниц, где ответственный — ${email}, в реестре нет.` : null,
  };
}
