/**
 * Links to pages in social networks: which network a link belongs to, and the normal form used to
 * find the same page registered twice. Pure. Apps Script's V8 has no URL class, so links are parsed here.
 */
import { normalizeHeader } from './columns';
import { memoOf, TextMemo } from './memo';

/** A social network the register accepts. */
export interface NetworkSpec {
  /** The name as it stands in the «Социальная сеть» column. */
  name: string;
  /**
   * Hosts that serve the same pages (without www. and m., which are always accepted); the first is
   * the one used in the normal form, so vk.ru/x and vk.com/x are the same page. Empty when the
   * network's hosts are not known: then links to it are not checked against the network.
   */
  hosts: readonly string[];
  /** Page addresses ignore letter case (VK and OK short names do), so the normal form lowercases them. */
  caseInsensitivePaths?: boolean;
  /** A page's address shown as the example in messages about this network's links. */
  example?: string;
}

/** The networks of order No. 2523-р. More can be configured (settings sheet): pass them as `extra`. */
export const NETWORKS: readonly NetworkSpec[] = [
  // vkontakte.ru and odnoklassniki.ru are the networks' former addresses; they still redirect.
  {
    name: 'ВКонтакте',
    hosts: ['vk.com', 'vk.ru', 'vkontakte.ru'],
    caseInsensitivePaths: true,
    example: 'https://vk.com/shpakray',
  },
  {
    name: 'Одноклассники',
    hosts: ['ok.ru', 'odnoklassniki.ru'],
    caseInsensitivePaths: true,
    example: 'https://ok.ru/group/53038939046008',
  },
];

/** The example page address for a message about `link`: its network's, or VK's when it has none. */
export function examplePageLink(link: string, extra: readonly NetworkSpec[] = NO_EXTRA_NETWORKS): string {
  const networks = networkList(extra);
  return networkForHost(linkHost(link), networks)?.example ?? networks[0]?.example ?? '';
}

/**
 * The built-in networks followed by the configured ones. A configured network named like a built-in
 * one (case and spaces ignored) adds its hosts to it instead of appearing twice.
 */
export function networkList(extra: readonly NetworkSpec[] = NO_EXTRA_NETWORKS): readonly NetworkSpec[] {
  // Built once per list of configured networks: every row's check and every link asks for it.
  const known = NETWORK_LISTS.get(extra);
  if (known !== undefined) return known;
  const list = buildNetworkList(extra);
  NETWORK_LISTS.set(extra, list);
  return list;
}

const NETWORK_LISTS = new WeakMap<readonly NetworkSpec[], readonly NetworkSpec[]>();
const NO_EXTRA_NETWORKS: readonly NetworkSpec[] = [];

function buildNetworkList(extra: readonly NetworkSpec[]): NetworkSpec[] {
  const list: NetworkSpec[] = NETWORKS.map((network) => ({ ...network }));
  for (const network of extra) {
    const hosts = network.hosts.map(bareHost);
    const same = list.find((known) => normalizeHeader(known.name) === normalizeHeader(network.name));
    if (same) same.hosts = [...same.hosts, ...hosts.filter((host) => !same.hosts.includes(host))];
    else list.push({ ...network, hosts });
  }
  return list;
}

/** The host without the www., m., mobile. and new. prefixes: m.vk.com and new.vk.com → vk.com. */
function bareHost(host: string): string {
  let bare = host.toLowerCase().replace(/\.$/, '');
  while (/^(?:www|m|mobile|new)\.[^.]+\.[^.]+/.test(bare)) bare = bare.replace(/^(?:www|m|mobile|new)\./, '');
  return bare;
}

/** The parts of a web address that the register uses. */
export interface ParsedLink {
  readonly protocol: 'http:' | 'https:';
  /** Lowercase, without a trailing dot. */
  readonly hostname: string;
  /** '' when none is given. */
  readonly port: string;
  /** '/' when none is given; percent-escapes kept. */
  readonly pathname: string;
  /** The query without '?', '' when none. */
  readonly query: string;
}

// scheme://[user[:password]@]host[:port][/path][?query][#fragment]
const WEB_ADDRESS = /^(https?):\/\/(?:([^@/?#]*)@)?([^/?#:@]+)(?::(\d{1,5}))?([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;

/**
 * Everything the register asks of one link, worked out in one pass: whether it is an address (and a
 * site's home page), its host, its network, its normal form and what kind of page it leads to. A check asks this of every row's link several times
 * (its error, its network, its kind, its normal form for duplicates): one answer per link and list of
 * configured networks is remembered for the run, instead of one per question.
 */
export interface LinkFacts {
  /** Whether the link is a web address at all (parseLink is not null). */
  readonly address: boolean;
  /** A site's home page: no path (but slashes) and no query. */
  readonly homePage: boolean;
  /** linkHost's answer. */
  readonly host: string | null;
  /** The network of the host, null for other sites. */
  readonly network: NetworkSpec | null;
  /** normalizeLink's answer. */
  readonly normal: string | null;
  /** pageLinkKind's answer. */
  readonly kind: PageLinkKind;
}

// Shared answers: most links are communities, and a kind is never changed by its reader.
const COMMUNITY: PageLinkKind = Object.freeze({ kind: 'community' });
const PROFILE: PageLinkKind = Object.freeze({ kind: 'profile' });
const NOT_AN_ADDRESS: LinkFacts = Object.freeze({
  address: false,
  homePage: false,
  host: null,
  network: null,
  normal: null,
  kind: COMMUNITY,
});

/** The facts of `link`, with the networks of order No. 2523-р and `extra`. */
export function linkFacts(link: string, extra: readonly NetworkSpec[] = NO_EXTRA_NETWORKS): LinkFacts {
  return memoOf(FACTS, extra, factsReaderFor).get(link);
}

const FACTS = new WeakMap<readonly NetworkSpec[], TextMemo<LinkFacts>>();
const factsReaderFor = (extra: readonly NetworkSpec[]) => {
  const networks = networkList(extra);
  return (link: string) => linkFactsOnce(link, networks);
};

/** The facts of a link, with `networks` as networkList gives them. Keeps none of the parsed parts: a check holds 10,000 of these. */
function linkFactsOnce(link: string, networks: readonly NetworkSpec[]): LinkFacts {
  const url = parseLinkOnce(link);
  if (url === null) return NOT_AN_ADDRESS;
  const host = bareHost(url.hostname);
  const network = networkForHost(host, networks);
  const normal = normalFormOf(url, host, network);
  return {
    address: true,
    homePage: url.query === '' && /^\/*$/.test(url.pathname),
    host,
    network,
    normal,
    kind: kindOfNormalForm(normal),
  };
}

/**
 * The link's parts, or null when it is not a web address. A link typed without a scheme
 * ('vk.com/shpakray') is read as https. Text with spaces inside, other schemes, user:password@ and
 * hosts without a dot are not addresses.
 */
export function parseLink(link: string): ParsedLink | null {
  return parseLinkOnce(link);
}

function parseLinkOnce(link: string): ParsedLink | null {
  const text = link.trim();
  if (text === '' || /\s/.test(text)) return null;
  const withScheme =
    /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/:]+\.[^/:]+:\d/.test(text)
      ? text
      : `https://${text.replace(/^\/\//, '')}`;
  const match = WEB_ADDRESS.exec(withScheme);
  if (match === null) return null;
  const [, scheme = '', userInfo, host = '', port = '', path = '', query = ''] = match;
  if (userInfo !== undefined) return null;
  const hostname = host.toLowerCase().replace(/\.$/, '');
  if (!/^[^.]+(\.[^.]+)+$/.test(hostname) || /[^\p{L}\p{N}.-]/u.test(hostname)) return null;
  return {
    protocol: scheme.toLowerCase() === 'http' ? 'http:' : 'https:',
    hostname,
    port: port === '' || port === (scheme.toLowerCase() === 'http' ? '80' : '443') ? '' : port,
    pathname: path === '' ? '/' : path,
    query,
  };
}

/** The link's host without www. and m. ('https://m.vk.com/x' → 'vk.com'), or null when it is no address. */
export function linkHost(link: string): string | null {
  return linkFacts(link).host;
}

/** The network a link belongs to, by its host; null for other sites and for text that is no address. */
export function networkForUrl(link: string, extra: readonly NetworkSpec[] = NO_EXTRA_NETWORKS): string | null {
  return linkFacts(link, extra).network?.name ?? null;
}

function networkForHost(host: string | null, networks: readonly NetworkSpec[]): NetworkSpec | null {
  if (host === null) return null;
  return networks.find((network) => network.hosts.includes(host)) ?? null;
}

/**
 * The normal form of a link for finding duplicates: https, lowercase host without www., m., new.,
 * the network's first host for its aliases (vk.ru → vk.com), no query, fragment or trailing slash.
 * VK and OK short names are case-insensitive (vk.com/ShpakRay is vk.com/shpakray), so for their
 * networks the path is lowercased too; other sites keep the path's case. A VK community's
 * numeric addresses club123, public123 and event123 are one page, written club123; an OK group's
 * ok.ru/group123, ok.ru/group/123 and an old deep link ok.ru/dk?st.groupId=123 are one page,
 * written ok.ru/group/123 (and ok.ru/dk?st.friendId=5 is ok.ru/profile/5).
 * Null when the text is not a web address.
 */
export function normalizeLink(link: string, extra: readonly NetworkSpec[] = NO_EXTRA_NETWORKS): string | null {
  return linkFacts(link, extra).normal;
}

function normalFormOf(url: ParsedLink, host: string, network: NetworkSpec | null): string {
  let path = safeDecode(url.pathname).replace(/\/+$/, '');
  if (network?.caseInsensitivePaths) path = path.toLowerCase();
  if (network?.name === 'ВКонтакте') path = path.replace(/^\/(?:club|public|event)(\d+)$/, '/club$1');
  if (network?.name === 'Одноклассники') path = okPath(path, url.query);
  const port = url.port === '' ? '' : `:${url.port}`;
  return `https://${network?.hosts[0] ?? host}${port}${path}`;
}

/** An OK path in its one form: /group123 → /group/123; /dk?st.groupId=123 → /group/123, st.friendId → /profile/…. */
function okPath(path: string, query: string): string {
  const group = /^\/group(\d+)(\/.*)?$/.exec(path);
  if (group) return `/group/${group[1]}${group[2] ?? ''}`;
  if (path === '/dk' || path === '') {
    const parameters = new Map(
      query.split('&').map((pair) => {
        const at = pair.indexOf('=');
        return at === -1 ? [pair.toLowerCase(), ''] : [pair.slice(0, at).toLowerCase(), pair.slice(at + 1)];
      }),
    );
    const groupId = parameters.get('st.groupid') ?? '';
    if (/^\d+$/.test(groupId)) return `/group/${groupId}`;
    const friendId = parameters.get('st.friendid') ?? '';
    if (/^\d+$/.test(friendId)) return `/profile/${friendId}`;
  }
  return path;
}

/**
 * What a link to a VK or OK address is: a community (VK «сообщество», OK «группа»: an official page
 * can only be one), a person's profile, or no page at all (a post, a photo, the feed, messages, an app,
 * a search, a section of a page). A short name (vk.com/shpakray) may be either a community or a
 * profile: it is taken as a community. Other networks' links are 'community' (nothing is known of them).
 */
export type PageLinkKind =
  { readonly kind: 'community' } | { readonly kind: 'profile' } | { readonly kind: 'notPage'; readonly what: string };

/** VK addresses that are not pages, by the first part of the path (after the slash). */
const VK_NOT_PAGES: ReadonlyArray<[RegExp, string]> = [
  [/^wall-?\d*(_\d+)?$/, 'запись на стене'],
  [/^(photo|photos|album|albums)-?\d*(_\d+)?$/, 'фотография или альбом'],
  [/^(video|videos|clip|clips)-?\d*(_\d+)?$/, 'видеозапись'],
  [/^(audio|audios|music|playlist)-?\d*(_\d+)?$/, 'музыка'],
  [/^(topic|board)-?\d+(_\d+)?$/, 'обсуждение'],
  [/^(doc|docs)-?\d*(_\d+)?$/, 'документ'],
  [/^(market|product)-?\d*(_\d+)?$/, 'товары'],
  [/^(app|apps)\d*(_-?\d+)?$/, 'приложение'],
  [/^@/, 'статья'],
  [/^(feed|news)$/, 'лента новостей'],
  [/^(im|mail|write\d*)$/, 'сообщения'],
  [/^(search|people|communities)$/, 'поиск'],
  [/^(friends|groups|settings|edit|login|join|support|services|away\.php|share\.php)$/, 'служебный раздел'],
];

const OK_NOT_PAGES: ReadonlyArray<[RegExp, string]> = [
  [/^(feed|main)$/, 'лента новостей'],
  [/^(messages|discussions|notifications|guests|events)$/, 'сообщения и оповещения'],
  [/^search$/, 'поиск'],
  [/^(app|apps|game|games|vitrine)$/, 'приложение или игра'],
  [/^(video|music|photos|topic|album)$/, 'видео, музыка, фотографии или обсуждение'],
  [/^(friends|groups|settings|dk)$/, 'служебный раздел'],
];

/** Any of the patterns at once: most links are pages, and one test tells so. */
function anyOf(patterns: ReadonlyArray<[RegExp, string]>): RegExp {
  return new RegExp(patterns.map(([pattern]) => `(?:${pattern.source})`).join('|'));
}

const VK_ANY_NOT_PAGE = anyOf(VK_NOT_PAGES);
const OK_ANY_NOT_PAGE = anyOf(OK_NOT_PAGES);

export function pageLinkKind(link: string, extra: readonly NetworkSpec[] = NO_EXTRA_NETWORKS): PageLinkKind {
  return linkFacts(link, extra).kind;
}

/** The first non-empty segment of a path and how many there are ('/group/5/' → group, 2), without a list of them. */
export function pathSegments(path: string): { first: string; count: number } {
  let first = '';
  let count = 0;
  for (let at = 0; at < path.length;) {
    if (path.charCodeAt(at) === SLASH) {
      at += 1;
      continue;
    }
    let end = path.indexOf('/', at);
    if (end === -1) end = path.length;
    if (count === 0) first = path.slice(at, end);
    count += 1;
    at = end;
  }
  return { first, count };
}

const SLASH = 47;

function kindOfNormalForm(normal: string): PageLinkKind {
  const slash = normal.indexOf('/', 'https://'.length);
  const host = normal.slice('https://'.length, slash === -1 ? undefined : slash);
  const { first, count } = pathSegments(slash === -1 ? '' : normal.slice(slash));
  if (host === 'vk.com') {
    if (VK_ANY_NOT_PAGE.test(first)) {
      for (const [pattern, what] of VK_NOT_PAGES) if (pattern.test(first)) return { kind: 'notPage', what };
    }
    if (count > 1) return { kind: 'notPage', what: 'раздел страницы' };
    if (/^id\d+$/.test(first)) return PROFILE;
  }
  if (host === 'ok.ru') {
    if (OK_ANY_NOT_PAGE.test(first)) {
      for (const [pattern, what] of OK_NOT_PAGES) if (pattern.test(first)) return { kind: 'notPage', what };
    }
    if (first === 'profile') return count === 2 ? PROFILE : { kind: 'notPage', what: 'раздел профиля' };
    if (first === 'group' && count !== 2) return { kind: 'notPage', what: 'раздел группы' };
    if (first !== 'group' && count > 1) return { kind: 'notPage', what: 'раздел страницы' };
  }
  return COMMUNITY;
}

/**
 * The links of a «Ссылка на страницу» cell. One page may be written in two ways — decree No. 1199,
 * п. 2.1: «https://vk.com/public197204238; (https://vk.com/shpakray)» — so a cell may hold several
 * links of the same page separated by «;» (brackets around a link are allowed). A cell with one link
 * gives it alone.
 */
export function pageLinks(text: string): readonly string[] {
  return LINKS_OF_CELL.get(text);
}

const LINKS_OF_CELL = new TextMemo(pageLinksOnce);

function pageLinksOnce(text: string): readonly string[] {
  // Most cells hold one link, without brackets.
  if (!text.includes(';') && !text.includes('(')) {
    const link = text.trim();
    return link === '' ? [] : [link];
  }
  return text
    .split(';')
    .map((part) =>
      part
        .trim()
        .replace(/^\((.*)\)$/, '$1')
        .trim(),
    )
    .filter((part) => part !== '');
}

/** One link of a cell with its facts. */
export interface CellLink {
  readonly link: string;
  readonly facts: LinkFacts;
}

/**
 * The links of a cell (pageLinks) each with its facts: what a row's check asks of its link cell, in one
 * look-up per cell instead of one per link and question.
 */
export function cellLinks(text: string, extra: readonly NetworkSpec[] = NO_EXTRA_NETWORKS): readonly CellLink[] {
  return memoOf(CELL_LINKS, extra, cellReaderFor).get(text);
}

const CELL_LINKS = new WeakMap<readonly NetworkSpec[], TextMemo<readonly CellLink[]>>();
// Each link's facts worked out here, not looked up in linkFacts's memo too: the cell's entry keeps them.
const cellReaderFor = (extra: readonly NetworkSpec[]) => {
  const networks = networkList(extra);
  return (text: string) =>
    pageLinksOnce(text).map((link): CellLink => ({ link, facts: linkFactsOnce(link, networks) }));
};

/** The normal forms of every link of a cell (pageLinks); empty when one of them is no address. */
export function pageLinkKeys(text: string, extra: readonly NetworkSpec[] = NO_EXTRA_NETWORKS): string[] {
  const links = cellLinks(text, extra);
  if (links.length === 1) {
    const key = (links[0] as CellLink).facts.normal;
    return key === null ? [] : [key];
  }
  const keys = links.map(({ facts }) => facts.normal);
  return keys.every((key): key is string => key !== null) ? [...new Set(keys)] : [];
}

/** Words the normal form writes into a path itself (normalizeLink): no spelling need contain them. */
const NORMAL_FORM_WORDS: ReadonlySet<string> = new Set(['club', 'group', 'profile']);

/**
 * Pieces of text that every spelling of the page whose normal form is `key` (normalizeLink) contains
 * once lowercased, unless the spelling holds a percent-escape: each run of Latin letters and each run
 * of digits in the key's path, but for the words the normal form adds (vk.com/public5 is vk.com/club5,
 * so of «club5» only «5» is a clue). Empty when the path has none: then any text may spell the page.
 * onEdit uses them to pick, by substring search, the rows that may register the same page, instead of
 * reading every row's link.
 */
export function pageKeyClues(key: string): string[] {
  const slash = key.indexOf('/', 'https://'.length);
  if (slash === -1) return [];
  const runs =
    key
      .slice(slash)
      .toLowerCase()
      .match(/[a-z]+|[0-9]+/g) ?? [];
  return runs.filter((run) => !NORMAL_FORM_WORDS.has(run));
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
