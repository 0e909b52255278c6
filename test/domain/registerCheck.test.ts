import { organizationKey, reviewRegister, type ReviewedRow } from '../../src/domain/registerCheck';
import { EMPTY_PAGE } from '../../src/domain/schemas';
import type { Page, Problem } from '../../src/domain/types';

function page(overrides: Partial<Page> = {}): Page {
  return {
    ...EMPTY_PAGE,
    organization: 'Отдел культуры',
    network: 'ВКонтакте',
    link: 'https://vk.com/shpak_culture',
    createdOn: '2024-03-05',
    ...overrides,
  };
}

const row = (number: number, overrides: Partial<Page> = {}, problems: Problem[] = []): ReviewedRow => ({
  row: number,
  page: page(overrides),
  problems,
});

const duplicateOf = (first: number): Problem => ({
  column: 'link',
  severity: 'error',
  message: `«Ссылка на страницу»: эта страница уже внесена в строке ${first}.`,
});

describe('reviewRegister: the same page twice', () => {
  it('marks the later rows, naming the first', () => {
    const { rowProblems } = reviewRegister([
      row(12),
      row(13, { link: 'https://vk.com/other' }),
      row(14, { link: 'https://www.vk.com/shpak_culture/' }),
      row(15, { link: 'm.vk.com/Shpak_Culture' }),
      row(16, { link: 'https://vk.ru/shpak_culture?w=wall' }),
    ]);
    expect(rowProblems.get(12)).toEqual([]);
    expect(rowProblems.get(13)).toEqual([]);
    expect(rowProblems.get(14)).toEqual([duplicateOf(12)]);
    expect(rowProblems.get(15)).toEqual([duplicateOf(12)]);
    expect(rowProblems.get(16)).toEqual([duplicateOf(12)]);
  });

  it('names the first row by sheet order, whatever the order given', () => {
    const { rowProblems } = reviewRegister([row(20), row(7, { link: 'vk.com/shpak_culture' })]);
    expect(rowProblems.get(7)).toEqual([]);
    expect(rowProblems.get(20)).toEqual([duplicateOf(7)]);
  });

  it('does not count a deleted page', () => {
    const { rowProblems } = reviewRegister([
      row(2, { deletedOn: '2024-03-10' }),
      row(3),
      row(4, { deletedOn: '2024-03-11' }),
    ]);
    expect([...rowProblems.values()]).toEqual([[], [], []]);
  });

  it('compares OK links and VK community numbers in their normal form', () => {
    const { rowProblems } = reviewRegister([
      row(2, { network: 'Одноклассники', link: 'https://ok.ru/group/700001' }),
      row(3, { network: 'Одноклассники', link: 'https://m.ok.ru/group/700001/' }),
      row(4, { link: 'https://vk.com/club123' }),
      row(5, { link: 'https://vk.com/public123' }),
    ]);
    expect(rowProblems.get(3)).toEqual([duplicateOf(2)]);
    expect(rowProblems.get(5)).toEqual([duplicateOf(4)]);
  });

  it('uses configured networks\u2019 aliases', () => {
    const extraNetworks = [{ name: 'Телеграм', hosts: ['t.me', 'telegram.me'] }];
    const rows = [row(2, { link: 'https://t.me/shpak' }), row(3, { link: 'https://telegram.me/shpak' })];
    expect(reviewRegister(rows).rowProblems.get(3)).toEqual([]);
    expect(reviewRegister(rows, { extraNetworks }).rowProblems.get(3)).toEqual([duplicateOf(2)]);
  });

  it('keeps each row\u2019s own problems first and ignores links that are no address', () => {
    const own: Problem = { column: 'createdOn', severity: 'error', message: '«Дата создания»: не заполнено.' };
    const { rowProblems } = reviewRegister([
      row(2, { link: 'нет' }),
      row(3, { link: 'нет' }),
      row(4, {}, [own]),
      row(5),
    ]);
    expect(rowProblems.get(3)).toEqual([]);
    expect(rowProblems.get(5)).toEqual([duplicateOf(4)]);
    expect(rowProblems.get(4)).toEqual([own]);
  });

  it('does not change its input', () => {
    const rows = [row(2), row(3)];
    reviewRegister(rows);
    expect(rows[1]?.problems).toEqual([]);
  });
});

describe('reviewRegister: organizations with no page and no exemption', () => {
  it('finds none when each has an active page or an exemption', () => {
    const { gaps } = reviewRegister([
      row(2),
      row(3, { organization: 'МБОУ СОШ № 1', link: null, network: null, exemptionBasis: 'Письмо ЦУР № 15' }),
    ]);
    expect(gaps).toEqual([]);
  });

  it('finds an organization whose pages are all deleted', () => {
    const { gaps } = reviewRegister([
      row(2, { deletedOn: '2024-03-10' }),
      row(3, { organization: 'Отдел спорта', link: 'vk.com/sport' }),
    ]);
    expect(gaps).toEqual([
      {
        organization: 'Отдел культуры',
        message:
          'все страницы удалены: действующей официальной страницы нет, основание освобождения (п. 4) не указано.',
      },
    ]);
  });

  it('finds an organization whose rows have no link', () => {
    const { gaps } = reviewRegister([row(2, { link: null })]);
    expect(gaps).toEqual([
      {
        organization: 'Отдел культуры',
        message: 'нет действующей официальной страницы, и основание освобождения (п. 4) не указано.',
      },
    ]);
  });

  it('compares organizations case- and space-insensitively', () => {
    const { gaps } = reviewRegister([
      row(2, { organization: 'МБОУ «СОШ № 1»', deletedOn: '2024-03-10' }),
      row(3, { organization: ' мбоу "сош №1" ', link: 'https://vk.com/school1' }),
      row(4, { organization: 'Отдел  Спорта', deletedOn: '2024-03-10' }),
      row(5, { organization: 'отдел спорта', deletedOn: '2024-03-11', link: 'https://vk.com/sport2' }),
    ]);
    expect(gaps.map((gap) => gap.organization)).toEqual(['Отдел  Спорта']);
  });

  it('leaves an organization whose rows are in error undetermined, not a gap (the ЦУР letter counts it neither way)', () => {
    const linkError: Problem = { column: 'link', severity: 'error', message: 'Ссылка не читается.' };
    const ogrnError: Problem = { column: 'ogrn', severity: 'error', message: 'Неверная контрольная цифра.' };
    const review = reviewRegister([
      row(2, { deletedOn: '2024-03-10' }, [linkError]),
      row(3, { organization: 'Отдел спорта', deletedOn: '2024-03-10' }, [ogrnError]),
    ]);
    // Any error counts, not only in the columns the letter states: «Обзор» judges by «Состояние» the same way.
    expect(review.undetermined.map((gap) => gap.organization)).toEqual(['Отдел культуры', 'Отдел спорта']);
    // Each names the rows to fix (why it cannot be judged is said once, above the dialog's list).
    expect(review.undetermined.map((gap) => gap.message)).toEqual(['ошибки в строке 2.', 'ошибки в строке 3.']);
    const many = reviewRegister(
      [2, 3, 4, 5, 6, 7, 8].map((at) =>
        row(at, { organization: 'Отдел спорта', deletedOn: '2024-03-10' }, [linkError]),
      ),
    );
    expect(many.undetermined.map((gap) => gap.message)).toEqual(['ошибки в строках 2, 3, 4, 5, 6 и ещё 2.']);
    expect(review.gaps).toEqual([]);
    // A warning does not stop the judgement.
    const warned = reviewRegister([
      row(2, { deletedOn: '2024-03-10' }, [{ column: 'esiaVerified', severity: 'warning', message: 'ЕСИА.' }]),
    ]);
    expect(warned.gaps.map((gap) => gap.organization)).toEqual(['Отдел культуры']);
  });

  it("leaves an organization undetermined when its only row repeats another organization's page", () => {
    const review = reviewRegister([row(2), row(3, { organization: 'Отдел спорта', deletedOn: null })]);
    expect(review.gaps).toEqual([]);
    expect(review.undetermined.map((gap) => gap.organization)).toEqual(['Отдел спорта']);
  });

  it('skips rows without an organization', () => {
    expect(reviewRegister([row(2, { organization: null, link: null })]).gaps).toEqual([]);
  });

  it('organizationKey ignores case, spaces, quotes and ё', () => {
    expect(organizationKey('  Отдел  ЖКХ «Шпаковский» ')).toBe(organizationKey('отдел жкх "шпаковский"'));
    expect(organizationKey('Объединённый отдел')).toBe(organizationKey('объединенный отдел'));
  });
});
