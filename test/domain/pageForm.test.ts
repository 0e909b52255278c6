/** The sidebar's pure mapping between the register's cells and the form (src/domain/pageForm.ts). */
import {
  duplicateOf,
  formOfCells,
  keepText,
  readSubmittedInput,
  rowMatches,
  sameCell,
  sameInput,
} from '../../src/domain/pageForm';
import { errorText } from '../../src/shared/errorText';

const ZONE = 'Europe/Moscow';

describe('formOfCells', () => {
  it('shows text as typed, dates as ISO days and checkboxes as booleans', () => {
    const { input, unreadable } = formOfCells(
      {
        id: 'P-1',
        organization: '  МБОУ СОШ № 1 ',
        createdOn: new Date(Date.UTC(2026, 10, 26, 21)), // 27.11.2026 00:00 in Moscow
        esiaVerified: true,
        ogrn: 1022603020050,
      },
      ZONE,
    );
    expect(input.id).toBe('P-1');
    expect(input.organization).toBe('МБОУ СОШ № 1');
    expect(input.createdOn).toBe('2026-11-27');
    expect(input.esiaVerified).toBe(true);
    expect(input.govMark).toBe(false);
    expect(input.ogrn).toBe('1022603020050');
    expect(input.note).toBe('');
    expect(unreadable).toEqual({});
  });

  it('leaves a cell it cannot show empty and says what the sheet holds', () => {
    const { input, unreadable } = formOfCells({ deletedOn: 'удалена в марте', govMark: 'частично' }, ZONE);
    expect(input.deletedOn).toBe('');
    expect(input.govMark).toBe(false);
    expect(unreadable.deletedOn).toContain('«удалена в марте» — это не дата');
    expect(unreadable.govMark).toContain('«частично» — это не флажок');
  });
});

describe('rowMatches', () => {
  const cells = { organization: 'Администрация «Шпаковского» округа', link: 'https://vk.com/shpakovsky_adm' };
  it('matches the organization ignoring case, spaces and quotes', () => {
    expect(rowMatches(cells, 'шпаковского ОКРУГА')).toBe(true);
    expect(rowMatches(cells, 'Михайловск')).toBe(false);
  });
  it('matches the link in its normal form or by a part of it', () => {
    expect(rowMatches(cells, 'http://www.vk.com/shpakovsky_adm/')).toBe(true);
    expect(rowMatches(cells, 'shpakovsky_adm')).toBe(true);
    expect(rowMatches(cells, 'vk.com/other')).toBe(false);
  });
});

describe('duplicateOf', () => {
  const rows = [
    { row: 2, cells: { link: 'https://vk.com/school1' } },
    { row: 3, cells: { link: 'https://vk.com/school2', deletedOn: new Date(Date.UTC(2026, 0, 9, 21)) } },
  ];
  const options = { timeZone: ZONE, extraNetworks: [] };
  it('finds the row registering the same page, not the row itself and not a deleted one', () => {
    expect(duplicateOf(rows, { link: 'vk.com/school1', deletedOn: null }, undefined, options)?.row).toBe(2);
    expect(duplicateOf(rows, { link: 'vk.com/school1', deletedOn: null }, rows[0], options)).toBeUndefined();
    expect(duplicateOf(rows, { link: 'https://vk.com/school2', deletedOn: null }, undefined, options)).toBeUndefined();
  });
});

describe('what a save changes', () => {
  it('compares form values without the spaces around text', () => {
    expect(sameInput(' a ', 'a')).toBe(true);
    expect(sameInput(true, false)).toBe(false);
  });
  it('sees a cell that already holds the value, and a text date cell as different', () => {
    expect(sameCell('organization', 'Школа', 'Школа', ZONE)).toBe(true);
    expect(sameCell('organization', 'Школа', 'Школа № 2', ZONE)).toBe(false);
    expect(sameCell('govMark', true, true, ZONE)).toBe(true);
    expect(sameCell('createdOn', new Date(Date.UTC(2026, 10, 26, 21)), '2026-11-27', ZONE)).toBe(true);
    expect(sameCell('createdOn', '27.11.2026', '2026-11-27', ZONE)).toBe(false);
  });
  it('quotes text that Sheets would read as a number, a date or a boolean', () => {
    expect(keepText('ogrn', '1022603020050')).toBe("'1022603020050");
    expect(keepText('note', 'true')).toBe("'true");
    expect(keepText('note', 'обычный текст')).toBe('обычный текст');
    expect(keepText('createdOn', '2026-11-27')).toBe('2026-11-27');
  });
});

describe('readSubmittedInput', () => {
  it('refuses what is not a form', () => {
    expect(readSubmittedInput(null).ok).toBe(false);
    expect(readSubmittedInput(['x']).ok).toBe(false);
  });
  it('names the field of a value of the wrong type or too long', () => {
    const result = readSubmittedInput({ organization: 5, govMark: 'да', note: 'я'.repeat(5001) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.column)).toEqual(['organization', 'govMark', 'note']);
  });
  it('fills what is missing with empty text and unchecked boxes', () => {
    const result = readSubmittedInput({ organization: 'Школа' });
    expect(result).toEqual({
      ok: true,
      input: expect.objectContaining({ organization: 'Школа', link: '', govMark: false }),
    });
  });
});

describe('errorText', () => {
  it('gives the message of whatever was thrown, in Russian when there is none', () => {
    expect(errorText(new Error('Сбой службы'))).toBe('Сбой службы');
    expect(errorText({ message: 'Превышена квота' })).toBe('Превышена квота');
    expect(errorText('строка')).toBe('строка');
    expect(errorText(42)).toBe('42');
    expect(errorText(new Error(''))).toBe('неизвестная ошибка');
    expect(errorText(null)).toBe('неизвестная ошибка');
  });
});
