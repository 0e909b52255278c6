/**
 * The list of official pages for the official website (decree clause 3.1.1): the pages in force, grouped by
 * organization, as HTML and as plain text ready to paste.
 */
import { escapeHtml, linkHtml } from './htmlEscape';
import { formatRuDate } from './isoDate';
import { pageLinkKeys, pageLinkKind, pageLinks, type NetworkSpec } from './links';
import { isActivePage, organizationKey } from './registerCheck';
import { ORG_KINDS } from './columns';
import { statedErrors } from './statedColumns';
import type { IsoDate, RowAssessment } from './types';

export interface SiteListOrganization {
  organization: string;
  orgKind: string;
  /** `link` is the page's first writing; `otherLinks` the others of the same cell (pageLinks). */
  pages: Array<{ network: string; link: string; otherLinks?: string[] }>;
}

export interface SiteList {
  organizations: SiteListOrganization[];
  pageCount: number;
  /** Rows left out because of an error in what the list states (organization, kind, network, link, dates). */
  skippedRows: number[];
  /**
   * Rows left out because their link is a person's profile, not a community: the register warns that only a
   * community (group) can be an official page, so the website must not publish it as one.
   */
  profileRows: number[];
  html: string;
  text: string;
}

/** Network order: as configured in «Настройки», others after them alphabetically. */
function networkRank(networks: readonly string[], network: string): number {
  const index = networks.indexOf(network);
  return index === -1 ? networks.length : index;
}

/** 0 for the administration, 1 for every other organization. */
function administrationFirst(orgKind: string): number {
  return orgKind === ORG_KINDS[0] ? 0 : 1;
}

/**
 * The website's order: the administration first, then the other organizations alphabetically; within one,
 * its official communities before other pages (a personal profile), then by network as «Настройки» lists
 * them, then by link.
 */
export function orderSiteList(
  organizations: readonly SiteListOrganization[],
  networks: readonly string[] = [],
  extraNetworks: readonly NetworkSpec[] = [],
): SiteListOrganization[] {
  const community = (link: string): number => (pageLinkKind(link, extraNetworks).kind === 'community' ? 0 : 1);
  return [...organizations]
    .sort(
      (a, b) =>
        administrationFirst(a.orgKind) - administrationFirst(b.orgKind) ||
        a.organization.localeCompare(b.organization, 'ru'),
    )
    .map((group) => ({
      ...group,
      pages: [...group.pages].sort(
        (a, b) =>
          community(a.link) - community(b.link) ||
          networkRank(networks, a.network) - networkRank(networks, b.network) ||
          a.network.localeCompare(b.network, 'ru') ||
          a.link.localeCompare(b.link),
      ),
    }));
}

/**
 * Current official pages (created, not deleted, not an exemption row) grouped by organization (its name
 * however written: organizationKey), in the website's order (orderSiteList). A page whose link or network has an error is left out (it must not
 * go on the website) and reported; the same page twice (the normal form of its link: vk.ru/x and
 * https://vk.com/x) is listed once.
 */
export function buildSiteList(
  rows: readonly RowAssessment[],
  today: IsoDate,
  networks: readonly string[] = [],
  options: { extraNetworks?: readonly NetworkSpec[] } = {},
): SiteList {
  const groups = new Map<string, SiteListOrganization>();
  const seenLinks = new Set<string>();
  const skippedRows: number[] = [];
  const profileRows: number[] = [];
  for (const row of rows) {
    const { page } = row;
    // Named before the filter: a link that does not read (a wall post) is null in the page, so the row
    // would otherwise drop out of the list without a word.
    const mayBePage = page.deletedOn === null && (page.exemptionBasis ?? '').trim() === '';
    if (mayBePage && statedErrors(row).length > 0) {
      skippedRows.push(row.row);
      continue;
    }
    if (!isActivePage(page) || (page.network ?? '').trim() === '') continue;
    const [link = '', ...otherLinks] = pageLinks(page.link ?? '');
    if (pageLinkKind(link, options.extraNetworks).kind === 'profile') {
      profileRows.push(row.row);
      continue;
    }
    const keys = pageLinkKeys(page.link ?? '', options.extraNetworks);
    if (keys.length === 0) keys.push(link.toLowerCase());
    if (keys.some((key) => seenLinks.has(key))) continue;
    for (const key of keys) seenLinks.add(key);
    const organization = (page.organization ?? '').trim() || '(организация не указана)';
    const key = organizationKey(organization);
    let group = groups.get(key);
    if (!group) {
      group = { organization, orgKind: (page.orgKind ?? '').trim(), pages: [] };
      groups.set(key, group);
    }
    group.pages.push({ network: (page.network ?? '').trim(), link, ...(otherLinks.length ? { otherLinks } : {}) });
  }
  const organizations = orderSiteList([...groups.values()], networks, options.extraNetworks);
  const pageCount = organizations.reduce((sum, group) => sum + group.pages.length, 0);
  const heading = `Официальные страницы в социальных сетях (по состоянию на ${formatRuDate(today)})`;
  const html =
    `<h2>${escapeHtml(heading)}</h2>\n` +
    organizations
      .map(
        (group) =>
          `<h3>${escapeHtml(group.organization)}</h3>\n<ul>\n` +
          group.pages
            .map(
              (p) =>
                `<li>${escapeHtml(p.network)}: ${[p.link, ...(p.otherLinks ?? [])].map((one) => linkHtml(one)).join('; ')}</li>`,
            )
            .join('\n') +
          '\n</ul>',
      )
      .join('\n');
  const text =
    `${heading}\n\n` +
    organizations
      .map((group) =>
        [
          group.organization,
          ...group.pages.map((p) => `  ${p.network}: ${[p.link, ...(p.otherLinks ?? [])].join('; ')}`),
        ].join('\n'),
      )
      .join('\n\n') +
    '\n';
  return { organizations, pageCount, skippedRows, profileRows, html, text };
}
