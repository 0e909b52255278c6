import { buildSiteList, orderSiteList } from '../../src/domain/siteList';
import { assess } from './assessedRows';

const TODAY = '2026-02-02';

describe('buildSiteList', () => {
  const rows = assess(
    [
      {
        id: '1',
        organization: 'МБОУ СОШ № 1',
        orgKind: 'Подведомственная организация',
        network: 'Одноклассники',
        link: 'https://ok.ru/school1',
        createdOn: '2024-01-10',
      },
      {
        id: '2',
        organization: 'Администрация Шпаковского муниципального округа',
        orgKind: 'Администрация округа',
        network: 'ВКонтакте',
        link: 'https://vk.com/shpakadm',
        createdOn: '2023-09-01',
      },
      {
        id: '3',
        organization: 'МБОУ СОШ № 1',
        orgKind: 'Подведомственная организация',
        network: 'ВКонтакте',
        link: 'https://vk.com/school1',
        createdOn: '2024-01-10',
      },
      {
        id: '4',
        organization: 'A & B <script>',
        orgKind: 'Структурное подразделение',
        network: 'ВКонтакте',
        link: 'https://vk.com/ab',
        createdOn: '2024-03-01',
      },
      {
        id: '5',
        organization: 'Удалённая',
        orgKind: 'Структурное подразделение',
        network: 'ВКонтакте',
        link: 'https://vk.com/old',
        createdOn: '2023-01-01',
        deletedOn: '2025-01-01',
      },
      { id: '6', organization: 'Архив', exemptionBasis: 'Согласовано' },
      {
        id: '7',
        organization: 'Дубль',
        orgKind: 'Структурное подразделение',
        network: 'ВКонтакте',
        link: 'https://vk.com/ab/',
        createdOn: '2024-03-01',
      },
      {
        id: '8',
        organization: 'Ошибка',
        orgKind: 'Структурное подразделение',
        network: 'ВКонтакте',
        link: 'https://ok.ru/wrong',
        createdOn: '2024-03-01',
      },
    ],
    TODAY,
  );
  rows[7]!.problems.push({ column: 'link', severity: 'error', message: 'Ссылка не соответствует сети' });
  const list = buildSiteList(rows, TODAY, ['ВКонтакте', 'Одноклассники']);

  it('groups current pages by organization: the administration, then the others alphabetically (ru: Cyrillic first)', () => {
    expect(list.organizations.map((group) => group.organization)).toEqual([
      'Администрация Шпаковского муниципального округа',
      'МБОУ СОШ № 1',
      'A & B <script>',
    ]);
    expect(list.organizations[1]!.pages).toEqual([
      { network: 'ВКонтакте', link: 'https://vk.com/school1' },
      { network: 'Одноклассники', link: 'https://ok.ru/school1' },
    ]);
    expect(list.pageCount).toBe(4);
    expect(list.skippedRows).toEqual([9]);
  });

  it('lists a page once however its link is written, and an organization once however its name is', () => {
    const same = assess(
      [
        {
          id: '1',
          organization: 'МБОУ «СОШ № 1»',
          network: 'ВКонтакте',
          link: 'https://vk.com/school1',
          createdOn: '2024-01-10',
        },
        {
          id: '2',
          organization: 'мбоу  СОШ № 1',
          network: 'ВКонтакте',
          link: 'vk.ru/School1/',
          createdOn: '2024-01-10',
        },
        {
          id: '3',
          organization: 'МБОУ СОШ № 1',
          network: 'Одноклассники',
          link: 'https://ok.ru/school1',
          createdOn: '2024-01-10',
        },
      ],
      TODAY,
    );
    const once = buildSiteList(same, TODAY, ['ВКонтакте', 'Одноклассники']);
    expect(once.organizations).toHaveLength(1);
    expect(once.organizations[0]!.pages).toEqual([
      { network: 'ВКонтакте', link: 'https://vk.com/school1' },
      { network: 'Одноклассники', link: 'https://ok.ru/school1' },
    ]);
  });

  it('writes plain text ready to paste', () => {
    expect(list.text).toContain('(по состоянию на 02.02.2026)');
    expect(list.text).toContain(
      'МБОУ СОШ № 1\n  ВКонтакте: https://vk.com/school1\n  Одноклассники: https://ok.ru/school1',
    );
    expect(list.text).not.toContain('vk.com/old');
  });

  it('writes escaped HTML', () => {
    expect(list.html).toContain('<h3>A &amp; B &lt;script&gt;</h3>');
    expect(list.html).not.toContain('<script>');
    expect(list.html).toContain('<li>ВКонтакте: <a href="https://vk.com/shpakadm">https://vk.com/shpakadm</a></li>');
  });
});

describe('orderSiteList', () => {
  const page = (network: string, link: string) => ({ network, link });
  it('puts the administration first, then every other organization alphabetically, communities before profiles', () => {
    const ordered = orderSiteList(
      [
        {
          organization: 'МБОУ СОШ № 1',
          orgKind: 'Подведомственная организация',
          pages: [page('ВКонтакте', 'https://vk.com/school1')],
        },
        {
          organization: 'Комитет по культуре',
          orgKind: 'Структурное подразделение',
          pages: [page('ВКонтакте', 'https://vk.com/kult')],
        },
        { organization: 'Администрация округа', orgKind: 'Администрация округа', pages: [] },
        {
          organization: 'Архивный отдел',
          orgKind: 'Структурное подразделение',
          pages: [
            page('ВКонтакте', 'https://vk.com/id12345'),
            page('Одноклассники', 'https://ok.ru/archive'),
            page('ВКонтакте', 'https://vk.com/archive'),
          ],
        },
      ],
      ['ВКонтакте', 'Одноклассники'],
    );
    expect(ordered.map((group) => group.organization)).toEqual([
      'Администрация округа',
      'Архивный отдел',
      'Комитет по культуре',
      'МБОУ СОШ № 1',
    ]);
    expect(ordered[1]!.pages.map((p) => p.link)).toEqual([
      'https://vk.com/archive',
      'https://ok.ru/archive',
      'https://vk.com/id12345',
    ]);
  });
});

describe('buildSiteList: what the website must not publish', () => {
  const rows = assess(
    [
      {
        id: '1',
        organization: 'МБУ «Молодёжный центр»',
        orgKind: 'Подведомственная организация',
        network: 'ВКонтакте',
        link: 'https://vk.com/id5551234',
        createdOn: '2024-01-10',
      },
      {
        id: '2',
        organization: 'МБУ «Молодёжный центр»',
        orgKind: 'Подведомственная организация',
        network: 'ВКонтакте',
        link: 'https://vk.com/youth_shpak',
        createdOn: '2024-01-10',
      },
      {
        id: '3',
        organization: 'МБУК «Библиотека»',
        orgKind: 'Подведомственная организация',
        network: 'ВКонтакте',
        link: 'https://vk.com/wall-123456_789',
        createdOn: '2024-01-10',
      },
    ],
    TODAY,
  );
  // As the register's check reads it (links.ts: a wall post is not a page): an error, and no link in the page.
  rows[2]!.problems.push({ column: 'link', severity: 'error', message: 'это не страница, а запись на стене' });
  rows[2]!.page.link = null;
  const list = buildSiteList(rows, TODAY, ['ВКонтакте']);

  it('leaves a personal profile out and names its row', () => {
    expect(list.text).not.toContain('id5551234');
    expect(list.text).toContain('https://vk.com/youth_shpak');
    expect(list.profileRows).toEqual([2]);
  });

  it('names a row whose link is a wall post (an error) among the rows left out', () => {
    expect(list.text).not.toContain('wall-123456_789');
    expect(list.skippedRows).toEqual([4]);
  });
});
