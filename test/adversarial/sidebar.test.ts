/**
 * The sidebar's server functions under hostile input, called as google.script.run calls them (JSON in and
 * out) on the built bundle: formula-like text, markup, 10,000 characters, emoji and right-to-left text,
 * values of the wrong type, forged request IDs, impossible dates, and hostile search queries. Every answer
 * is a result or a Russian message; text is stored exactly as typed and never as a formula; nothing
 * people wrote elsewhere changes; the sidebar's page never puts text into HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, type Runtime } from '../../dev/runtime';
import type { SidebarFindResult, SidebarInitResult, SidebarSubmitResult } from '../../src/shared/sidebar';
import type { PageInput } from '../../src/domain/types';
import {
  pageRow,
  registerValues,
  rowById,
  threePages,
  createSidebarRuntime,
  newPageInput,
  OWN_COLUMN,
} from '../ui/sidebarFixture';
import {
  EMOJI,
  FORMULA_TEXT,
  LONG_TEXT,
  RTL,
  XSS,
  ZERO_WIDTH,
  callSafely,
  expectRussian,
  formulaCells,
} from './hostile';

const TODAY = '2024-04-27'; // a working Saturday (decree No. 1314)

let requests = 0;
function submit(rt: Runtime, input: unknown, requestId: unknown = `adversarial-${++requests}`): SidebarSubmitResult {
  return callSafely('sidebarSubmit', () => rt.scriptRun('sidebarSubmit', input, requestId)) as SidebarSubmitResult;
}

/** A refusal in Russian, with every field message Russian too, and nothing written. */
function expectRefused(rt: Runtime, result: SidebarSubmitResult, before: ReturnType<typeof registerValues>): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expectRussian(result.message, 'sidebarSubmit message');
  for (const problem of result.problems) expectRussian(problem.message, `problem ${String(problem.column)}`);
  expect(registerValues(rt)).toEqual(before);
}

describe('text that looks like a formula or markup is stored as typed, and never as a formula', () => {
  const rt = threePages(TODAY);
  const fields: Array<[keyof PageInput, string, string]> = [
    ['organization', FORMULA_TEXT.importxml, 'Организация'],
    ['responsibleName', FORMULA_TEXT.cmd, 'Ответственный (ФИО)'],
    ['authorizedName', FORMULA_TEXT.minus, 'Уполномоченное лицо (ФИО)'],
    ['note', FORMULA_TEXT.at, 'Примечание'],
    ['responsiblePosition', FORMULA_TEXT.hyperlink, 'Должность ответственного'],
  ];

  it.each(fields)('%s = %s', (key, value, header) => {
    const result = submit(rt, newPageInput({ [key]: value, link: `https://vk.com/formula_${key}` }));
    if (!result.ok) throw new Error(`refused: ${result.message} ${JSON.stringify(result.problems)}`);
    expect(rowById(rt, result.id)?.[header]).toBe(value);
    expect(result.page.input[key]).toBe(value);
    expect(formulaCells(rt)).toEqual({});
  });

  it.each(Object.entries(XSS).filter(([name]) => name !== 'javascriptUrl'))(
    'markup %s is stored as typed',
    (name, value) => {
      const result = submit(
        rt,
        newPageInput({ organization: value, note: value, link: `https://vk.com/markup_${name}` }),
      );
      if (!result.ok) throw new Error(`refused: ${result.message}`);
      expect(rowById(rt, result.id)?.['Организация']).toBe(value);
      expect(rowById(rt, result.id)?.['Примечание']).toBe(value);
    },
  );

  it('emoji, right-to-left and zero-width characters are stored as typed', () => {
    const result = submit(
      rt,
      newPageInput({
        organization: EMOJI,
        responsibleName: RTL,
        authorizedName: ZERO_WIDTH,
        link: 'https://vk.com/emoji',
      }),
    );
    if (!result.ok) throw new Error(`refused: ${result.message}`);
    const row = rowById(rt, result.id);
    expect([row?.['Организация'], row?.['Ответственный (ФИО)']]).toEqual([EMOJI, RTL]);
    // Zero-width characters may be trimmed only at the ends: the inner one stays.
    expect(String(row?.['Уполномоченное лицо (ФИО)'])).toContain('Отдел\u200Bкультуры');
  });

  it('the users’ own column and the other rows stay as they were', () => {
    const { values } = registerValues(rt);
    const own = (values[0] as string[]).indexOf(OWN_COLUMN);
    expect(values.slice(1, 4).map((row) => row[own])).toEqual(['своё 1', '', '']);
    expect(values.slice(4).every((row) => row[own] === '')).toBe(true);
  });
});

describe('refused, in Russian, with nothing written', () => {
  const rt = threePages(TODAY);

  it('a 10,000-character field', () => {
    const before = registerValues(rt);
    const result = submit(rt, newPageInput({ organization: LONG_TEXT }));
    expectRefused(rt, result, before);
    if (!result.ok) expect(result.problems.map((problem) => problem.column)).toEqual(['organization']);
  });

  it('a link that is script, markup or a formula', () => {
    for (const link of [
      XSS.javascriptUrl,
      XSS.script,
      FORMULA_TEXT.hyperlink,
      'data:text/html,<script>alert(1)</script>',
    ]) {
      const before = registerValues(rt);
      expectRefused(rt, submit(rt, newPageInput({ link })), before);
    }
  });

  it('impossible, malformed and future dates', () => {
    for (const createdOn of [
      '2024-02-30',
      '31.02.2024',
      'NaN',
      '9999-12-31',
      '2024-04-27T00:00:00Z',
      FORMULA_TEXT.minus,
    ]) {
      const before = registerValues(rt);
      expectRefused(rt, submit(rt, newPageInput({ createdOn })), before);
    }
  });

  it('an ОГРН that is a formula, and an e-mail that is markup', () => {
    let before = registerValues(rt);
    expectRefused(rt, submit(rt, newPageInput({ ogrn: '=1+1' })), before);
    before = registerValues(rt);
    expectRefused(rt, submit(rt, newPageInput({ responsibleEmail: `a@b.ru${XSS.img}` })), before);
  });

  it('values of the wrong type or shape from a broken or forged client', () => {
    const inputs: unknown[] = [
      null,
      'строка',
      42,
      [],
      [newPageInput()],
      { ...newPageInput(), organization: 42 },
      { ...newPageInput(), organization: { toString: 'x' } },
      { ...newPageInput(), organization: ['a', 'b'] },
      { ...newPageInput(), esiaVerified: 'да' },
      { ...newPageInput(), createdOn: 20240426 },
      JSON.parse(`{"__proto__": {"polluted": true}, "organization": "Отдел"}`) as unknown,
      { ...newPageInput(), constructor: { prototype: { polluted: true } } },
    ];
    for (const input of inputs) {
      const before = registerValues(rt);
      const result = submit(rt, input);
      if (result.ok) {
        // A shape the server could read as a page (extra keys ignored) may be saved; nothing else changed.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        continue;
      }
      expectRefused(rt, result, before);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a forged request ID', () => {
    for (const requestId of ['', 'short', '../../etc/passwd', XSS.script, 'x'.repeat(10_000), 42, null, { id: 1 }]) {
      const before = registerValues(rt);
      expectRefused(rt, submit(rt, newPageInput(), requestId), before);
    }
  });

  it('an ID of a page that does not exist, or that is markup', () => {
    for (const id of ['P-ZZZZZZZZ', XSS.script, FORMULA_TEXT.importxml]) {
      const before = registerValues(rt);
      expectRefused(rt, submit(rt, newPageInput({ id })), before);
    }
  });
});

describe('searching and starting with hostile input', () => {
  const rt = createSidebarRuntime({
    today: TODAY,
    rows: [
      pageRow('P-AAAAAAAA', { organization: XSS.script, link: 'https://vk.com/xss_page' }),
      pageRow('P-BBBBBBBB', {
        organization: FORMULA_TEXT.importxml.replace(/^=/, "'="),
        link: 'https://vk.com/formula',
      }),
      pageRow('P-CCCCCCCC', { organization: EMOJI, link: 'https://vk.com/emoji_page' }),
    ],
  });

  it('sidebarInit returns the names as plain JSON text', () => {
    const init = callSafely('sidebarInit', () => rt.scriptRun('sidebarInit')) as SidebarInitResult;
    expect(init.organizations.map((organization) => organization.name)).toEqual(
      expect.arrayContaining([XSS.script, EMOJI, FORMULA_TEXT.importxml]),
    );
  });

  it.each([
    ['markup', XSS.script],
    ['regular-expression syntax', '.*(+?[\\'],
    ['a formula', FORMULA_TEXT.importxml],
    ['10,000 characters', LONG_TEXT],
    ['emoji', '🏫'],
    ['right-to-left text', RTL],
  ])('sidebarFind with %s: results or a Russian message', (_name, query) => {
    const found = callSafely('sidebarFind', () => rt.scriptRun('sidebarFind', query)) as SidebarFindResult;
    if (found.message !== null) expectRussian(found.message, 'sidebarFind message');
    expect(Array.isArray(found.pages)).toBe(true);
  });

  it('sidebarFind with a value that is not text', () => {
    for (const query of [null, 42, { query: 'x' }, ['a', 'b']]) {
      const found = callSafely('sidebarFind', () => rt.scriptRun('sidebarFind', query)) as SidebarFindResult;
      expect(found.pages).toEqual([]);
      expectRussian(found.message ?? '', 'sidebarFind message');
    }
  });

  it('finds the page named with markup by its name, and returns it as text', () => {
    const found = rt.scriptRun('sidebarFind', 'script') as SidebarFindResult;
    expect(found.pages.map((found) => found.input.organization)).toEqual([XSS.script]);
  });
});

describe('the sidebar page', () => {
  it('never puts text into HTML: no innerHTML, insertAdjacentHTML or document.write in its script', () => {
    const html = readFileSync(join(REPO_ROOT, 'build', 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/);
  });
});
