/**
 * assessRowsInRegister (what onEdit uses) against assessRegister (the full check): the same assessment
 * of every row it is asked about, whatever else the register holds.
 */
import fc from 'fast-check';
import { createCalendar } from '../../src/domain/calendar';
import { COLUMNS } from '../../src/domain/columns';
import { assessRegister, assessRowsInRegister, type RawRegisterRow } from '../../src/domain/register';
import { fullRegisterRows } from '../gas/registerFixtures';

const context = { today: '2026-03-05', calendar: createCalendar(), timeZone: 'Europe/Moscow' };

function rawRows(values: unknown[][]): RawRegisterRow[] {
  return values.map((cells, index) => ({
    row: index + 2,
    cells: Object.fromEntries(COLUMNS.map((column, position) => [column.key, cells[position]])),
  }));
}

/** The fixture's rows (with IDs), plus copies: the same page, the same ID, a deleted copy. */
function register(): RawRegisterRow[] {
  const rows = fullRegisterRows()
    .slice(1)
    .map((cells, index) => {
      const copy = [...cells];
      copy[0] = `P-0000000${index % 10}`.slice(0, 10);
      return copy;
    });
  const sameId = [...(rows[0] as unknown[])];
  sameId[4] = 'https://vk.com/another_page';
  const samePage = [...(rows[1] as unknown[])];
  samePage[0] = 'P-ZZZZZZZZ';
  const deletedCopy = [...(rows[2] as unknown[])];
  deletedCopy[0] = 'P-YYYYYYYY';
  deletedCopy[6] = new Date('2026-03-04T00:00:00+03:00');
  return rawRows([...rows, ['', '', '', '', '', '', ''], sameId, samePage, deletedCopy]);
}

describe('assessRowsInRegister', () => {
  const all = register();
  const full = new Map(assessRegister(all, context).rows.map((row) => [row.row, row]));

  it('the fixture has the register-wide findings to lose', () => {
    const messages = [...full.values()].flatMap((row) => row.problems.map((problem) => problem.message));
    expect(messages.some((message) => message.includes('такой ID уже есть'))).toBe(true);
    expect(messages.some((message) => message.includes('эта страница уже внесена'))).toBe(true);
  });

  it('assesses any set of rows exactly as the full check does', () => {
    fc.assert(
      fc.property(fc.subarray(all.map((raw) => raw.row)), (wanted) => {
        const some = assessRowsInRegister(all, new Set(wanted), context);
        expect([...some.keys()].sort((a, b) => a - b)).toEqual(wanted.filter((row) => full.has(row)));
        for (const [row, assessment] of some) expect(assessment).toEqual(full.get(row));
      }),
      { numRuns: 50 },
    );
  });
});

describe('a stamp older than its event', () => {
  it('gives the row a warning on the stamp column', () => {
    const calendar = createCalendar();
    const { rows } = assessRegister(
      [
        {
          row: 2,
          cells: {
            id: 'P-STALE001',
            organization: 'Отдел культуры',
            orgKind: 'Структурное подразделение',
            network: 'ВКонтакте',
            link: 'https://vk.com/kultura_shpak',
            createdOn: '01.02.2025',
            deletedOn: '02.03.2026',
            responsibleName: 'Иванова Анна Петровна',
            responsiblePosition: 'начальник отдела',
            authorizedName: 'Петров Пётр Петрович',
            esiaVerified: true,
            deptReportedDeletion: '10.05.2025',
          },
        },
      ],
      { today: '2026-03-05', calendar, timeZone: 'Europe/Moscow' },
    );
    expect(rows[0]!.problems).toContainEqual(
      expect.objectContaining({ column: 'deptReportedDeletion', severity: 'warning' }),
    );
  });
});
