/**
 * First setup trusts no one but the owner (issue 11): a «Настройки» written before the add-on's first setup
 * (no «Журнал» yet) may have been filled by any editor. Its coordinators are no coordinators until the
 * owner, shown the lists, confirms them; and every setup result names the coordinators and ЦУР recipients.
 */
import type { Runtime } from '../../dev/runtime';
import { CLERK, OWNER, fillSheet, newRuntime, setupResult, valuesOf } from './registerHarness';
import { TODAY, fullRegisterRows } from './registerFixtures';

const button = (rt: Runtime, name: 'YES' | 'NO') =>
  (rt.services.SpreadsheetApp as unknown as typeof SpreadsheetApp).getUi().Button[name];

/** The clerk writes «Настройки» naming themselves coordinator before the owner's first setup. */
function plantedSettings(): Runtime {
  const rt = newRuntime(TODAY);
  fillSheet(rt, 'Реестр', fullRegisterRows());
  fillSheet(rt, 'Настройки', [
    ['Параметр', 'Значение', 'Пояснение'],
    ['Координаторы (e-mail)', CLERK, ''],
    ['Получатели сводки в ЦУР', 'drop@evil.example.com', ''],
  ]);
  return rt;
}

describe('a «Настройки» found before the first setup', () => {
  it('does not make the one who wrote it a coordinator: their setup is refused', () => {
    const rt = plantedSettings();
    rt.menu('menuSetup', CLERK);
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/^Это действие выполняет координатор реестра/);
    expect(rt.quietly(() => rt.spreadsheet.getSheetByName('Журнал'))).toBeNull();
  });

  it('is shown to the owner, who may refuse it: setup stops and nothing is set up', () => {
    const rt = plantedSettings();
    rt.ui.answerAlerts(button(rt, 'NO'));
    rt.menu('menuSetup', OWNER);
    const [question, answer] = rt.ui.alerts.map((alert) => alert.prompt);
    expect(question).toContain(`Координаторы на листе: ${CLERK}.`);
    expect(question).toContain('Получатели сводки в ЦУР: drop@evil.example.com.');
    expect(answer).toMatch(/^Настройка остановлена: список на листе «Настройки» не подтверждён/);
    expect(rt.quietly(() => rt.spreadsheet.getSheetByName('Журнал'))).toBeNull();
    // The sheet they wrote is left as it was, for the owner to correct.
    expect(valuesOf(rt, 'Настройки')[1]).toEqual(['Координаторы (e-mail)', CLERK, '']);
  });

  it('confirmed by the owner: setup goes on, and its result lists the coordinators and ЦУР recipients', () => {
    const rt = plantedSettings();
    rt.ui.answerAlerts(button(rt, 'YES'));
    rt.menu('menuSetup', OWNER);
    expect(setupResult(rt)).toMatch(
      new RegExp(
        `^Готово\\..*Координаторы: ${CLERK} \\(владелец таблицы — координатор в любом случае\\)\\. Получатели сводки в ЦУР: drop@evil\\.example\\.com\\.`,
      ),
    );
    // The next setup (the journal exists) asks nothing.
    const asked = rt.ui.alerts.length;
    const shown = rt.ui.panels.length;
    rt.menu('menuSetup', OWNER);
    expect(rt.ui.alerts.length).toBe(asked);
    expect(rt.ui.panels.length).toBe(shown + 1);
    expect(setupResult(rt)).toMatch(/^Готово\..*Координаторы: .*\(владелец таблицы — координатор в любом случае\)/);
    expect(valuesOf(rt, 'Журнал').length).toBeGreaterThan(1);
  });
});
