/**
 * The QA review of issue 10 on the sample (07.12.2026), through the built bundle: what the ЦУР letter,
 * its preview, «Срок» and the sidebar say about rows in error (see test/domain/qaIssue10.test.ts).
 */
import type { Runtime } from '../../dev/runtime';
import { checkDialogRows } from './registerHarness';
import type { SidebarSubmitResult } from '../../src/shared/sidebar';
import { describeSuccess } from '../../src/ui/form/describe';
import { newPageInput, threePages } from '../ui/sidebarFixture';
import {
  COORDINATOR,
  createRegisterRuntime,
  pageRow,
  registerRows,
  scriptRunAs,
  type RowSpec,
} from './registerRuntime';

const TODAY = '2026-12-07'; // Monday

const ROWS: RowSpec[] = [
  // Reportable, so there is a letter: its organization has an active page.
  pageRow('OK', { organization: 'Отдел спорта', createdOn: '2026-12-04', deptReportedCreation: '2026-12-04' }),
  // The only row of its organization: deleted «before» it was created.
  pageRow('DEL', {
    organization: 'Управление архитектуры',
    createdOn: '2026-06-10',
    deletedOn: '2026-05-20',
    deptReportedCreation: '2026-06-11',
    tsurReportedCreation: '2026-06-15',
  }),
  // The only row of its organization: a post, not a page.
  pageRow('POST', {
    organization: 'Библиотека',
    link: 'https://vk.com/wall-123456_789',
    createdOn: '2026-11-30',
    deptReportedCreation: '2026-11-30',
  }),
  // The only row of its organization: an ok.ru link with the network «ВКонтакте».
  pageRow('OKRU', {
    organization: 'Надеждинский отдел',
    link: 'https://ok.ru/group53038939046008',
    createdOn: '2024-02-05',
    tsurReportedCreation: '2024-02-08',
  }),
  // A real gap: every row of it read without error, its page deleted and reported.
  pageRow('GONE', {
    organization: 'Отдел туризма',
    createdOn: '2024-02-05',
    deletedOn: '2024-03-05',
    tsurReportedCreation: '2024-02-08',
    tsurReportedDeletion: '2024-03-06',
  }),
  // Created «in the future»: the date is rejected, its event not yet due, but the row waits for ЦУР.
  pageRow('FUT', { organization: 'Деминский отдел', createdOn: '2026-12-15' }),
  // A creation date that does not read as a date: no event at all until it is fixed.
  pageRow('BAD', { organization: 'Отдел ЗАГС', createdOn: '31.02.2026' }),
  // Created in 2019, before official pages existed (01.12.2022, 270-ФЗ).
  pageRow('OLD', { organization: 'Отдел спорта', createdOn: '2019-05-14' }),
];

function run(): { rt: Runtime; preview: string; letter: string } {
  const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
  rt.menu('menuCheckRegister');
  rt.menu('menuTsurSummary');
  const preview = rt.ui.panels.at(-1)?.html ?? '';
  const draft = scriptRunAs(rt, COORDINATOR, 'summaryLetter') as { message?: { body: string } } | null;
  return { rt, preview, letter: draft?.message?.body ?? '' };
}

describe('QA of issue 10 through the bundle', () => {
  const { preview, letter } = run();

  it('the letter names as a gap only an organization whose rows are all read without error', () => {
    const totals = letter.slice(letter.indexOf('ИТОГИ ПО РЕЕСТРУ'));
    expect(totals).toContain('Организаций без действующей страницы и без освобождения: 1:');
    expect(totals).toContain('• Отдел туризма');
    for (const name of ['Управление архитектуры', 'Библиотека', 'Надеждинский отдел'])
      expect(totals).not.toContain(name);
    expect(totals).toContain('Действующих официальных страниц: 2 ');
  });

  it('the preview names the organizations that could not be judged', () => {
    expect(preview).toMatch(/Не учтены в итогах письма[^<]*Управление архитектуры; Библиотека; Надеждинский отдел/);
  });
});

describe('«Срок» of a row in error (QA of issue 10, 2)', () => {
  const { rt } = run();
  const row = (id: string) => registerRows(rt).find((cells) => cells['ID'] === id);

  it('is empty when the deadline rests on a cell in error, so it is never painted overdue', () => {
    expect(row('DEL')?.['Срок']).toBe('');
    expect(row('POST')?.['Срок']).toBe('');
    expect(row('OK')?.['Срок']).not.toBe('');
  });

  it('the sidebar shows no deadline for such a row, in the search and in «Мои страницы»', () => {
    const petrov = createRegisterRuntime({ today: TODAY, rows: ROWS, user: 'petrov@shpakovsky.example.ru' });
    petrov.menu('menuCheckRegister');
    const found = petrov.scriptRun('sidebarFind', 'Управление архитектуры') as {
      pages: Array<{ id: string; deadline: string | null }>;
    };
    expect(found.pages.find((page) => page.id === 'DEL')?.deadline).toBeNull();
    const mine = petrov.scriptRun('sidebarMyPages') as { pages: Array<{ id: string; deadline: string | null }> };
    expect(mine.pages.find((page) => page.id === 'POST')).toMatchObject({ deadline: null });
    expect(mine.pages.find((page) => page.id === 'DEL')).toMatchObject({ deadline: null });
  });
});

describe('rows whose event an error in its date hides (QA of issue 10, 3)', () => {
  const { preview } = run();

  it('the preview names them with the cell to fix', () => {
    expect(preview).toMatch(
      /Строка 7 не входит в сводку, пока её не исправят \(исправьте Реестр![A-Z]+7\)[^<]*в будущем/,
    );
    expect(preview).toMatch(/Строка 8 не входит в сводку, пока её не исправят \(исправьте Реестр![A-Z]+8\)/);
  });
});

describe('the sidebar’s save result for a page created before the decree (QA of issue 10, 5)', () => {
  it('says no deadline applies and the event is reported once, with no provisional-calendar note', () => {
    const rt = threePages('2024-04-27');
    const input = newPageInput({ link: 'https://vk.com/zags_shpak', createdOn: '2022-12-05' });
    const result = rt.scriptRun('sidebarSubmit', input, 'req-qa-before-decree') as SidebarSubmitResult;
    if (!result.ok) throw new Error(result.message);
    const text = describeSuccess(result).lines.join('\n');
    expect(text).toContain('срок к нему не применяется');
    expect(text).toContain('один раз');
    expect(text).not.toMatch(/сообщит в ЦУР о создании до \d/);
    expect(text).not.toContain('Срок предварительный');
  });
});

describe('a creation date before 01.12.2022 (QA of issue 10, 6)', () => {
  it('gets a warning on «Дата создания» in the check', () => {
    const rt = createRegisterRuntime({ today: TODAY, rows: ROWS });
    rt.menu('menuCheckRegister');
    const html = rt.ui.panels.at(-1)?.html ?? '';
    expect(checkDialogRows(html).map((row) => row.text)).toContainEqual(
      expect.stringMatching(
        /^Реестр![A-Z]+9 \| Дата создания \| Внимание: .*с 01\.12\.2022 \(270-ФЗ\).*стала официальной/,
      ),
    );
  });
});
