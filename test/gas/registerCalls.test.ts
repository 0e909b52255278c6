/**
 * Service calls of setup, onEdit of one cell and the full check at 100 and 1,000 rows, counted by the
 * runtime's fakes. None of them may grow with the register. The figures are printed (`npx jest
 * test/gas/registerCalls.test.ts`) for the record.
 */
import type { CallSnapshot } from '../../dev/fakes/callCounter';
import { CLERK, fillSheet, headerColumns, newRuntime } from './registerHarness';
import { TODAY, bulkRegisterRows } from './registerFixtures';

interface Figures {
  setup: CallSnapshot;
  edit: CallSnapshot;
  check: CallSnapshot;
}

function measure(rows: number): Figures {
  const rt = newRuntime(TODAY);
  fillSheet(rt, 'Реестр', bulkRegisterRows(rows));
  const setup = rt.measure(() => rt.menu('menuSetup')).calls;
  // The worst single-cell edit: the row turns invalid, so «Состояние» and a note are written.
  const columns = headerColumns(rt, 'Реестр');
  const link = `Реестр!${String.fromCharCode(64 + (columns['Ссылка на страницу'] as number))}${Math.floor(rows / 2)}`;
  const edit = rt.measure(() => rt.simulateEdit(link, { value: 'не ссылка', user: CLERK })).calls;
  // A check that has something to write: every «Состояние» stale.
  const state = columns['Состояние'] as number;
  rt.quietly(() => rt.spreadsheet.getSheetByName('Реестр')?.getRange(2, state, rows, 1).setValue('устарело'));
  const check = rt.measure(() => rt.menu('menuCheckRegister')).calls;
  return { setup, edit, check };
}

describe('service calls do not grow with the register', () => {
  const small = measure(100);
  const large = measure(1000);

  it('prints the figures', () => {
    const figure = (calls: CallSnapshot) => `${String(calls.roundTrips).padStart(4)} (+${calls.builder} builder)`;
    const line = (name: keyof Figures) =>
      `${name.padEnd(6)} 100 rows: ${figure(small[name])} · 1,000 rows: ${figure(large[name])}`;
    console.log(
      ['Service calls (round trips, plus builder calls):', line('setup'), line('edit'), line('check')].join('\n'),
    );
  });

  it.each(['setup', 'edit', 'check'] as const)('%s makes the same calls at 100 and 1,000 rows', (name) => {
    expect(large[name].byMethod).toEqual(small[name].byMethod);
  });

  it('reads the register in one getValues and writes it in at most one setValues a column block', () => {
    // With the context setup cached: the check reads header and data in one getValues; onEdit reads the
    // header row, the edited row and the IDs (registerWideReadsFor: the edited row's link no longer reads,
    // so it registers no page and the other rows' links and deletion dates do not matter).
    expect(large.check.byMethod['Range.getValues']).toBe(1);
    expect(large.check.byMethod['Range.setValues']).toBe(1);
    expect(large.check.byMethod['Range.getNotes']).toBe(1);
    expect(large.check.byMethod['Range.setNotes'] ?? 0).toBeLessThanOrEqual(1);
    expect(large.edit.byMethod['Range.getValues']).toBe(3);
    expect(large.edit.byMethod['Range.setValues']).toBe(1);
    expect(large.edit.byMethod['Range.getNotes']).toBe(1);
    expect(large.edit.byMethod['Range.setNotes']).toBe(1);
  });
});
