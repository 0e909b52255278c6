/**
 * The pure renderers of src/views: what each dialog says, that everything from the sheet is escaped,
 * that data for the client is only in escaped data- attributes, and that the shell is filled in one pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aboutView } from '../../src/views/about';
import { checkView, type CheckResult } from '../../src/views/check';
import { controlView } from '../../src/views/control';
import { dailyCheckView } from '../../src/views/dailyCheck';
import { actionButton, fillDialog } from '../../src/views/dialog';
import { selfCheckView } from '../../src/views/selfCheck';
import { setupDetails, setupView, type SetupReport } from '../../src/views/setup';
import { siteListView } from '../../src/views/siteList';
import { summaryView, type SummaryPreview } from '../../src/views/summary';

const SHELL = readFileSync(join(__dirname, '../../src/ui/dialog.html'), 'utf8');
const XSS = '<script>alert(1)</script>"\'&';

describe('the shell', () => {
  it('takes title, body, actions and the close label in one pass: text put in is never a marker again', () => {
    const html = fillDialog(SHELL, {
      title: `Заголовок ${XSS}`,
      body: '<p>тело <!-- DIALOG:title --></p>',
      actions: actionButton('Отправить', 'send-summary', { token: '["P-1:creation"]' }, true),
      width: 100,
      height: 100,
    });
    expect(html).toContain('<title>Заголовок &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</title>');
    expect(html).toContain('<h1 id="dialog-title" class="title">Заголовок &lt;script&gt;');
    expect(html).toContain('<p>тело <!-- DIALOG:title --></p>');
    expect(html).toContain('data-token="[&quot;P-1:creation&quot;]"');
    expect(html).toMatch(/<button type="button" id="close" data-action="close">Закрыть<\/button>/);
    expect(html).toMatch(/<html lang="ru">/);
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html.match(/<main/g)).toHaveLength(1);
  });
});

describe('the check', () => {
  const result: CheckResult = {
    rows: 3,
    errors: 1,
    warnings: 1,
    rowsWithProblems: 1,
    findings: [
      {
        row: 2,
        organization: XSS,
        id: 'P-1',
        items: [
          {
            cell: 'Реестр!B2',
            sheet: 'Реестр',
            a1: 'B2',
            column: 'Ссылка',
            severity: 'error',
            message: 'не заполнено',
          },
          {
            cell: "'Мой лист'!2:2",
            sheet: 'Мой лист',
            a1: '2:2',
            column: 'вся строка',
            severity: 'warning',
            message: XSS,
          },
        ],
      },
    ],
    gaps: [{ organization: 'Отдел <b>', message: 'все страницы удалены' } as CheckResult['gaps'][number]],
    undetermined: [],
    settingsProblems: ['Получатели не указаны'],
  };
  const view = checkView(result);

  it('heads with the counts, links each address to its cell and escapes what people wrote', () => {
    expect(view.body).toContain('Строк в реестре: 3. Ошибок: 1, предупреждений: 1');
    expect(view.body).toContain(
      '<a href="#" data-action="select-cell" data-sheet="Реестр" data-cell="B2" title="Выделить ячейку в таблице">Реестр!B2</a>',
    );
    expect(view.body).toContain('data-sheet="Мой лист" data-cell="2:2"');
    expect(view.body).toContain('<td>Ссылка</td>');
    expect(view.body).not.toContain('<script>');
    expect(view.body).toContain('&lt;script&gt;');
    expect(view.body).toContain('<b>Отдел &lt;b&gt;</b>');
    expect(view.body).toContain('Настройки и календарь');
  });

  it('says so when no row has a finding', () => {
    expect(checkView({ ...result, findings: [] }).body).toContain('Замечаний к строкам нет.');
  });

  it('lists the organizations it cannot judge apart from the gaps, and counts them', () => {
    const body = checkView({
      ...result,
      undetermined: [{ organization: 'Отдел <i>', message: 'в её строках ошибки' }],
    }).body;
    expect(body).toContain('Организаций, о которых нельзя судить из-за ошибок в их строках: 1.');
    const section = body.slice(body.indexOf('Организации, о которых нельзя судить'));
    expect(section).toContain('<b>Отдел &lt;i&gt;</b>: в её строках ошибки');
    expect(section).not.toContain('Отдел &lt;b&gt;');
  });
});

describe('the ЦУР preview', () => {
  const preview: SummaryPreview = {
    message: {
      to: 'a@b.ru',
      subject: `Тема ${XSS}`,
      body: 'текст',
      htmlBody: '<p>письмо</p>',
      name: 'Реестр',
      attachments: [],
    },
    eventIds: ['P-1:creation', 'P-2:deletion'],
    token: '["P-1:creation","P-2:deletion"]',
    overdue: 1,
    quota: 90,
    layout: 'full',
    rowsWithoutId: [],
    excludedRows: [],
    notJudged: [],
    settingsProblems: [],
    recipients: ['a@b.ru'],
    refusal: null,
  } as SummaryPreview;

  it('carries the token in «Отправить сводку», shows the letter in a sandboxed frame, and «Отмена» until sent', () => {
    const view = summaryView(preview);
    expect(view.actions).toContain(
      'data-action="send-summary" data-token="[&quot;P-1:creation&quot;,&quot;P-2:deletion&quot;]"',
    );
    expect(view.body).toContain('sandbox="" title="Письмо" srcdoc="&lt;p&gt;письмо&lt;/p&gt;"');
    expect(view.body).toContain('Событий: 2 (создание страниц — 1, удаление — 1)');
    expect(view.body).toContain('Тема &lt;script&gt;');
    expect(view.closeLabel).toBe('Отмена');
  });

  it('has no send button when the quota refuses', () => {
    const view = summaryView({ ...preview, refusal: 'Дневной лимит писем Google исчерпан' });
    expect(view.actions).toBe('');
    expect(view.body).toContain('<p class="error">Дневной лимит писем Google исчерпан</p>');
  });
});

describe('the other dialogs', () => {
  it('site list: the preview, the code and the text, copy buttons in the footer', () => {
    const view = siteListView({
      organizations: [],
      pageCount: 0,
      skippedRows: [4],
      profileRows: [7],
      html: '<h2>Список</h2>',
      text: XSS,
    });
    expect(view.body).toContain('<section class="preview" aria-labelledby="preview-title"><h2>Список</h2></section>');
    expect(view.body).toContain('<textarea id="html" readonly>&lt;h2&gt;Список&lt;/h2&gt;</textarea>');
    expect(view.body).toContain('строки 4');
    expect(view.body).toContain('личные страницы (профили) людей: строки 7');
    expect(view.actions).toContain('data-action="copy" data-target="html"');
    expect(view.actions).toContain('data-action="copy" data-target="text"');
  });

  it('daily check: one paragraph a line, the first as the result', () => {
    const body = dailyCheckView(['Включена: 08:00.', `Письмо получают: ${XSS}`]).body;
    expect(body).toBe(
      '<p class="ok">Включена: 08:00.</p>\n<p>Письмо получают: &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</p>',
    );
  });

  it('control letter: who gets it, or that nobody is set', () => {
    expect(controlView({ recipients: [], subject: 'Т', htmlBody: '<p>x</p>', text: 'x' }).body).toContain(
      'не указан «Контроль исполнения (п. 6)»',
    );
    expect(controlView({ recipients: ['d@x.ru'], subject: 'Т', htmlBody: '<p>x</p>', text: 'x' }).body).toContain(
      'Получатели: d@x.ru.',
    );
  });

  it('self-check: ✓ and ✗ with their names, the count of failures first', () => {
    const body = selfCheckView([
      { name: 'Кэш', ok: true, details: 'да' },
      { name: XSS, ok: false, details: 'нет' },
    ]).body;
    expect(body).toContain('Не пройдено: 1 из 2.');
    expect(body).toContain('aria-label="не пройдено">✗</span> <b>&lt;script&gt;');
  });

  it('about: the version, three lines, where README.md is, the coordinator from «Настройки» or how to set one', () => {
    const contact = {
      coordinators: ['omkit@x.ru'],
      signatureDepartment: 'Отдел массовых коммуникаций',
      signatureName: 'Иванова И. И.',
      signaturePhone: '+7 (86553) 0-00-00',
      signatureEmail: '',
    };
    const body = aboutView('1.2.3', contact).body;
    expect(body).toContain('Версия 1.2.3');
    expect(body.match(/<li>/g)).toHaveLength(3);
    expect(body).toContain('README.md');
    expect(body).toContain('Иванова И. И.<br>+7 (86553) 0-00-00<br>E-mail координаторов: omkit@x.ru');
    expect(
      aboutView('1.2.3', {
        ...contact,
        coordinators: [],
        signatureDepartment: '',
        signatureName: '',
        signaturePhone: '',
      }).body,
    ).toContain('Контакт координатора не указан');
  });

  it('setup: three sections, and the journal line holds the same sentences', () => {
    const report: SetupReport = {
      registerName: 'Реестр',
      createdRegister: false,
      createdSheets: ['Журнал'],
      addedColumns: ['Срок'],
      idsAssigned: 2,
      idsReplaced: 0,
      idsForeign: 1,
      validationKept: [],
      rows: 5,
      rowsWithErrors: 1,
      problems: [],
      settingsChange: null,
      tsurPending: 2,
      tsurOverdue: 1,
      firstSetupUnreported: null,
      previousTimeZone: null,
      coordinators: [],
      tsurRecipients: [],
      decreeInForce: '2023-08-30',
    };
    const body = setupView(report).body;
    const sections = body
      .split('<h2>')
      .slice(1)
      .map((part) => part.slice(0, part.indexOf('</h2>')));
    expect(sections).toEqual(['Создано и изменено', 'Оставлено как было', 'Что сделать дальше']);
    expect(body).toContain('Добавлены колонки: «Срок».');
    expect(body).toContain('оставлены как есть');
    expect(body).toContain('Включите ежедневную проверку');
    for (const sentence of ['Присвоено ID: 2.', 'Не сообщено в ЦУР (по отметкам в реестре) событий: 2']) {
      expect(setupDetails(report)).toContain(sentence);
    }
    // The default date of the decree's entry into force is asked to be made exact, and only while it is the default.
    expect(body).toContain('Уточните «Дата вступления в силу постановления № 1199» в «Настройках»: сейчас 30.08.2023');
    expect(setupView({ ...report, decreeInForce: '2023-09-05' }).body).not.toContain('Уточните «Дата вступления');
  });
});
