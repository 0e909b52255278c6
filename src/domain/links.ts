/**
 * Links to pages in social networks: which network a link belongs to, and the normal form used to
 * find the same page registered twice. Pure. Apps Script's V8 has no URL class, so links are parsed here.
 */
import { normalizeHeader } from './columns';

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
}

/** The networks of order No. 2523-р. More can be configured (settings sheet): pass them as `extra`. */
export const NETWORKS: readonly NetworkSpec[] = [
  // vkontakte.ru and odnoklassniki.ru are the networks' former addresses; they still redirect.
  { name: 'ВКонтакте', hosts: ['vk.com', 'vk.ru', 'vkontakte.ru'], caseInsensitivePaths: true },
  { name: 'Одноклассники', hosts: ['ok.ru', 'odnoklassniki.ru'], caseInsensitivePaths: true },
];

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

/** The host without the www. and m. prefixes: m.vk.com → vk.com. */
function bareHost(host: string): string {
  let bare = host.toLowerCase().replace(/\.$/, '');
  while (/^(?:www|m)\.[^.]+\.[^.]+/.test(bare)) bare = bare.replace(/^(?:www|m)\./, '');
  return bare;
}

/** The parts of a web address that the register uses. */
export interface ParsedLink {
  protocol: 'http:' | 'https:';
  /** Lowercase, without a trailing dot. */
  hostname: string;
  /** '' when none is given. */
  port: string;
  /** '/' when none is given; percent-escapes kept. */
  pathname: string;
}

// scheme://[user[:password]@]host[:port][/path][?query][#fragment]
const WEB_ADDRESS = /^(https?):\/\/(?:([^@/?#]*)@)?([^/?#:@]+)(?::(\d{1,5}))?([^?#]*)(?:\?[^#]*)?(?:#.*)?$/i;

/**
 * The link's parts, or null when it is not a web address. A link typed without a scheme
 * ('vk.com/shpakray') is read as https. Text with spaces inside, other schemes, user:password@ and
 * hosts without a dot are not addresses.
 */
export function parseLink(link: string): ParsedLink | null {
  const text = link.trim();
  if (text === '' || /\s/.test(text)) return null;
  const withScheme =
    /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/:]+\.[^/:]+:\d/.test(text)
      ? text
      : `https://${text.replace(/^\/\//, '')}`;
  const match = WEB_ADDRESS.exec(withScheme);
  if (match === null) return null;
  const [, scheme = '', userInfo, host = '', port = '', path = ''] = match;
  if (userInfo !== undefined) return null;
  const hostname = host.toLowerCase().replace(/\.$/, '');
  if (!/^[^.]+(\.[^.]+)+$/.test(hostname) || /[^\p{L}\p{N}.-]/u.test(hostname)) return null;
  return {
    protocol: scheme.toLowerCase() === 'http' ? 'http:' : 'https:',
    hostname,
    port: port === '' || port === (scheme.toLowerCase() === 'http' ? '80' : '443') ? '' : port,
    pathname: path === '' ? '/' : path,
  };
}

/** The link's host without www. and m. ('https://m.vk.com/x' → 'vk.com'), or null when it is no address. */
export function linkHost(link: string): string | null {
  const url = parseLink(link);
  return url ? bareHost(url.hostname) : null;
}

/** The network a link belongs to, by its host; null for other sites and for text that is no address. */
export function networkForUrl(link: string, extra: readonly NetworkSpec[] = []): string | null {
  return networkForHost(linkHost(link), networkList(extra))?.name ?? null;
}

function networkForHost(host: string | null, networks: readonly NetworkSpec[]): NetworkSpec | null {
  if (host === null) return null;
  return networks.find((network) => network.hosts.includes(host)) ?? null;
}

/**
 * The normal form of a link for finding duplicates: https, lowercase host without www. and m., the
 * network's first host for its aliases (vk.ru → vk.com), no query, fragment or trailing slash.
 * VK and OK short names are case-insensitive (vk.com/ShpakRay is vk.com/shpakray), so for their
 * networks the path is lowercased too; other sites keep the path's case. A VK community's
 * numeric addresses club123, public123 and event123 are one page, written club123.
 * Null when the text is not a web address.
 */
export function normalizeLink(link: string, extra: readonly NetworkSpec[] = []): string | null {
  const url = parseLink(link);
  if (url === null) return null;
  const host = bareHost(url.hostname);
  const network = networkForHost(host, networkList(extra));
  let path = safeDecode(url.pathname).replace(/\/+$/, '');
  if (network?.caseInsensitivePaths) path = path.toLowerCase();
  if (network?.name === 'ВКонтакте') path = path.replace(/^\/(?:club|public|event)(\d+)$/, '/club$1');
  const port = url.port === '' ? '' : `:${url.port}`;
  return `https://${network?.hosts[0] ?? host}${port}${path}`;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
