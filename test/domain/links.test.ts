import fc from 'fast-check';
import {
  cellLinks,
  linkHost,
  NETWORKS,
  networkForUrl,
  networkList,
  normalizeLink,
  pageLinks,
  parseLink,
  pathSegments,
} from '../../src/domain/links';

describe('networkForUrl', () => {
  it.each([
    ['https://vk.com/shpakray', 'ВКонтакте'],
    ['http://vk.ru/shpakray', 'ВКонтакте'],
    ['https://m.vk.com/shpakray', 'ВКонтакте'],
    ['https://www.vk.com/shpakray', 'ВКонтакте'],
    ['HTTPS://VK.COM/ShpakRay', 'ВКонтакте'],
    ['vk.com/shpakray', 'ВКонтакте'],
    ['https://ok.ru/group/123', 'Одноклассники'],
    ['https://m.ok.ru/group/123', 'Одноклассники'],
    ['www.ok.ru/group/123', 'Одноклассники'],
  ])('%s → %s', (url, network) => {
    expect(networkForUrl(url)).toBe(network);
  });

  it.each(['https://t.me/shpakray', 'https://vk.com.evil.ru/x', 'https://notvk.com/x', 'https://example.ru'])(
    'another site is no network: %s',
    (url) => {
      expect(networkForUrl(url)).toBeNull();
    },
  );

  it.each([
    '',
    '   ',
    'ВКонтакте',
    'vk com/shpakray',
    'https://',
    'mailto:a@vk.com',
    'javascript:alert(1)',
    'ftp://vk.com/x',
  ])('junk is no network: %j', (url) => {
    expect(networkForUrl(url)).toBeNull();
  });

  it('accepts configured networks in addition to the built-in ones', () => {
    const extra = [{ name: 'Телеграм', hosts: ['t.me'] }];
    expect(networkForUrl('https://t.me/shpakray', extra)).toBe('Телеграм');
    expect(networkForUrl('https://vk.com/shpakray', extra)).toBe('ВКонтакте');
  });

  it('merges a configured network named like a built-in one', () => {
    const list = networkList([{ name: 'вконтакте', hosts: ['WWW.VK.ME'] }]);
    expect(list.map((network) => network.name)).toEqual(['ВКонтакте', 'Одноклассники']);
    expect(list[0]?.hosts).toContain('vk.me');
    expect(NETWORKS[0]?.hosts).not.toContain('vk.me');
  });
});

describe('parseLink and linkHost', () => {
  it('reads a link typed without a scheme as https', () => {
    const expected = { protocol: 'https:', hostname: 'vk.com', port: '', pathname: '/shpakray', query: '' };
    expect(parseLink('vk.com/shpakray')).toEqual(expected);
    expect(parseLink('//vk.com/shpakray')).toEqual(expected);
    expect(parseLink('vk.com:443/shpakray')).toEqual(expected);
  });

  it('works without the URL class, which Apps Script does not have', () => {
    const saved = globalThis.URL;
    // @ts-expect-error -- removed on purpose for this test
    delete globalThis.URL;
    try {
      expect(parseLink('HTTPS://M.VK.COM/ShpakRay?w=wall#top')).toEqual({
        protocol: 'https:',
        hostname: 'm.vk.com',
        port: '',
        pathname: '/ShpakRay',
        query: 'w=wall',
      });
      expect(normalizeLink('https://www.vk.ru/ShpakRay/')).toBe('https://vk.com/shpakray');
      expect(parseLink('https://user:pw@vk.com/x')).toBeNull();
      expect(parseLink('javascript:alert(1)')).toBeNull();
      expect(parseLink('https://vk com/x')).toBeNull();
    } finally {
      globalThis.URL = saved;
    }
  });

  it('rejects text with spaces, credentials and hosts without a dot', () => {
    expect(parseLink('https://vk.com/a b')).toBeNull();
    expect(parseLink('https://user:pw@vk.com/x')).toBeNull();
    expect(parseLink('https://localhost/x')).toBeNull();
    expect(parseLink('shpakray')).toBeNull();
  });

  it('gives the host without www. and m.', () => {
    expect(linkHost('https://www.m.VK.com/x')).toBe('vk.com');
    expect(linkHost('https://m.ok.ru/x')).toBe('ok.ru');
    expect(linkHost('https://m.ru/x')).toBe('m.ru');
    expect(linkHost('junk')).toBeNull();
  });
});

describe('normalizeLink', () => {
  it.each([
    'https://vk.com/shpakray',
    'http://vk.com/shpakray',
    'vk.com/shpakray',
    'https://www.vk.com/shpakray/',
    'https://m.vk.com/shpakray',
    'https://vk.ru/shpakray',
    'https://VK.COM/ShpakRay',
    'https://vk.com/shpakray?from=search#wall',
    '  https://vk.com/shpakray//  ',
    'https://vkontakte.ru/shpakray',
  ])('%s is https://vk.com/shpakray', (url) => {
    expect(normalizeLink(url)).toBe('https://vk.com/shpakray');
  });

  it('treats OK aliases alike', () => {
    expect(normalizeLink('https://m.ok.ru/Group/70000001/')).toBe('https://ok.ru/group/70000001');
    expect(normalizeLink('odnoklassniki.ru/group/70000001')).toBe('https://ok.ru/group/70000001');
  });

  it('treats a VK community\u2019s club, public and event addresses as one', () => {
    expect(normalizeLink('https://vk.com/public123')).toBe('https://vk.com/club123');
    expect(normalizeLink('https://vk.com/event123')).toBe('https://vk.com/club123');
    expect(normalizeLink('https://vk.com/publications')).toBe('https://vk.com/publications');
  });

  it('keeps the path case on other sites', () => {
    expect(normalizeLink('https://www.youtube.com/channel/UCabc/')).toBe('https://youtube.com/channel/UCabc');
  });

  it('keeps distinct pages distinct', () => {
    expect(normalizeLink('https://vk.com/shpakray')).not.toBe(normalizeLink('https://ok.ru/shpakray'));
    expect(normalizeLink('https://vk.com/shpakray')).not.toBe(normalizeLink('https://vk.com/shpakray2'));
  });

  it('uses a configured network\u2019s first host for its aliases', () => {
    const extra = [{ name: 'Телеграм', hosts: ['t.me', 'telegram.me'] }];
    expect(normalizeLink('https://telegram.me/Shpak', extra)).toBe('https://t.me/Shpak');
  });

  it.each(['', 'нет страницы', 'vk com', 'https://vk.com/a b', 'tel:+78652000000'])(
    'junk %j has no normal form',
    (url) => {
      expect(normalizeLink(url)).toBeNull();
    },
  );
});

describe('the check’s shortcuts give what the plain definitions give', () => {
  it('pathSegments: the first non-empty segment and their number, as split and filter give them', () => {
    const path = fc
      .array(fc.constantFrom('', '/', '//', 'group', '5', 'club12', 'a/b'), { maxLength: 6 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(path, (text) => {
        const parts = text.split('/').filter((part) => part !== '');
        expect(pathSegments(text)).toEqual({ first: parts[0] ?? '', count: parts.length });
      }),
      { numRuns: 2000 },
    );
  });

  it('cellLinks: each link of pageLinks with the facts the single-link functions give', () => {
    const piece = fc.constantFrom(
      'vk.com/shpak',
      ' https://ok.ru/group/5/ ',
      '(vk.com/club1)',
      ';',
      ' ',
      'x',
      'https://vk.com/',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 5 }).map((parts) => parts.join('')),
        (text) => {
          const links = cellLinks(text);
          // pageLinks as decree 1199 п. 2.1 reads a cell: «;»-separated, brackets allowed.
          const written = text
            .split(';')
            .map((part) =>
              part
                .trim()
                .replace(/^\((.*)\)$/, '$1')
                .trim(),
            )
            .filter((part) => part !== '');
          expect(links.map(({ link }) => link)).toEqual(written);
          expect(pageLinks(text)).toEqual(written);
          for (const { link, facts } of links) {
            const url = parseLink(link);
            expect(facts.address).toBe(url !== null);
            expect(facts.homePage).toBe(url !== null && url.pathname.replace(/\/+$/, '') === '' && url.query === '');
            expect(facts.host).toBe(linkHost(link));
            expect(facts.normal).toBe(normalizeLink(link));
            expect(facts.network?.name ?? null).toBe(networkForUrl(link));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
