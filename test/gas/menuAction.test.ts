/** A service error inside a menu action reaches the person in Russian and is journaled (built bundle). */
import { fullRegisterRows } from './registerFixtures';
import { fillSheet, journalRows, newRuntime } from './registerHarness';

describe('menu actions that meet a service error', () => {
  it('show a Russian alert naming the action and write it to «Журнал», instead of throwing', () => {
    const rt = newRuntime('2026-03-05');
    fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    const journalBefore = journalRows(rt).length;
    rt.ctx.failOn('Range.getValues', 1, 'Service Spreadsheets timed out while accessing document');

    expect(() => rt.menu('menuCheckRegister')).not.toThrow();

    const alert = rt.ui.alerts.at(-1)!;
    expect(alert.title).toBe('Проверка реестра');
    expect(alert.prompt).toMatch(/^Действие не выполнено: Service Spreadsheets timed out/);
    expect(alert.prompt).toMatch(/Повторите его через минуту/);
    const journal = journalRows(rt);
    expect(journal).toHaveLength(journalBefore + 1);
    expect(journal.at(-1)?.slice(2)).toEqual([
      'Проверка реестра',
      'Ошибка: Service Spreadsheets timed out while accessing document',
    ]);
  });
});
