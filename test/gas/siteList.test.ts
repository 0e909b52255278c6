/** «Список страниц для сайта» in the offline runtime. */
import { CLERK, createRegisterRuntime, pageRow } from './registerRuntime';

describe('«Список страниц для сайта»', () => {
  const rows = [
    pageRow('P1', { organization: 'A & B', orgKind: 'Структурное подразделение', createdOn: '2024-02-01' }),
    pageRow('P2', {
      organization: '<script>alert(1)</script>',
      orgKind: 'Подведомственная организация',
      createdOn: '2024-02-01',
    }),
    pageRow('P3', { organization: 'Администрация округа', orgKind: 'Администрация округа', createdOn: '2023-09-01' }),
    pageRow('P4', { organization: 'Удалённая', createdOn: '2023-01-10', deletedOn: '2025-01-10' }),
    pageRow('P5', { organization: 'Архив', exemptionBasis: 'Согласовано письмом № 5' }),
  ];

  it('opens a dialog for anyone, with the current pages grouped by organization as HTML and text, and copy buttons', () => {
    const rt = createRegisterRuntime({ today: '2026-01-20', rows });
    const { calls } = rt.measure(() => rt.menu('menuSiteList', CLERK));
    const panel = rt.ui.panels[0]!;
    expect(panel).toMatchObject({ kind: 'modal', title: 'Список страниц для сайта' });
    const html = panel.html;
    expect(html).toContain('Копировать HTML');
    expect(html).toContain('Копировать текст');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('<h3>A &amp; B</h3>');
    expect(html).toContain('<h3>&lt;script&gt;alert(1)&lt;/script&gt;</h3>');
    expect(html).not.toContain('Удалённая');
    expect(html).not.toContain('Архив');
    // The administration first, then the other organizations alphabetically (ru collation: «<» before letters).
    const text = /<textarea id="text" readonly>([^<]*)<\/textarea>/.exec(html)![1]!;
    const order = ['Администрация округа', '&lt;script&gt;', 'A &amp; B'].map((name) => text.indexOf(name));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(0);
    expect(calls.byMethod['Range.getValues']).toBeLessThanOrEqual(4);
  });
});
