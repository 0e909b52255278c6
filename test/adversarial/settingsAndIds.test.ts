/**
 * Hostile values where the coordinator or a clerk types them outside the page columns: page IDs typed by
 * hand (markup, formula-like text, spaces, a duplicate), and «Настройки» with markup and formula-like
 * text in the recipients, the district's name, the hour and the networks. The ЦУР summary still reports
 * each event once, by its ID, with everything escaped; the problems in «Настройки» are named in Russian.
 */
import { setupResult } from '../gas/registerHarness';
import type { Runtime } from '../../dev/runtime';
import { unescapeHtml } from '../../src/domain/htmlEscape';
import { SETTINGS_SPECS } from '../../src/domain/settings';
import {
  COORDINATOR,
  TSUR,
  createRegisterRuntime,
  journalRows,
  pageRow,
  registerRows,
  scriptRunAs,
} from '../gas/registerRuntime';
import { FORMULA_TEXT, XSS, expectNoRawMarkup, expectRussian, formulaCells, operate } from './hostile';

const TODAY = '2026-01-20'; // Tuesday
const SHEETS = { sheets: ['Реестр', 'Настройки'] };

function previewAndSend(rt: Runtime): {
  html: string;
  result: { status: string; message: string; eventIds: string[] };
} {
  const { messages } = operate(rt, 'menuTsurSummary', () => rt.menu('menuTsurSummary', COORDINATOR), SHEETS);
  const html = messages.panels[0] ?? '';
  const token = unescapeHtml(/data-token="([^"]*)"/.exec(html)?.[1] ?? '');
  const { result } = operate(rt, 'summarySend', () => scriptRunAs(rt, COORDINATOR, 'summarySend', token), SHEETS);
  return { html, result: result as { status: string; message: string; eventIds: string[] } };
}

describe('page IDs typed by hand', () => {
  const ids = [XSS.script, `'${FORMULA_TEXT.importxml}`, 'ID с пробелом', "'0042"];
  const rt = createRegisterRuntime({
    today: TODAY,
    rows: ids.map((id, index) =>
      pageRow(id, {
        createdOn: '2026-01-15',
        link: `https://vk.com/typed_id_${index}`,
        organization: `Отдел ${index}`,
      }),
    ),
  });

  it('each event is previewed, sent once and stamped by its ID; nothing raw in the dialog or the letter', () => {
    const { html, result } = previewAndSend(rt);
    expectNoRawMarkup(html, 'preview');
    expect(result.status).toBe('sent');
    expect(result.eventIds).toHaveLength(4);
    expectNoRawMarkup(rt.mail[0]?.htmlBody, 'letter');
    expect(registerRows(rt).map((row) => row['Сообщено в ЦУР (создание)'])).toEqual(Array(4).fill(TODAY));
    expect(previewAndSendAgain(rt)).toMatch(/^Сообщать в ЦУР нечего/);
    expect(rt.mail).toHaveLength(1);
  });

  it('the IDs stay as typed, «Журнал» names them as text, and nothing became a formula', () => {
    expect(registerRows(rt).map((row) => row['ID'])).toEqual([
      XSS.script,
      FORMULA_TEXT.importxml,
      'ID с пробелом',
      '0042',
    ]);
    const journal = journalRows(rt).find((row) => row[2] === 'Сводка в ЦУР')?.[3] ?? '';
    expect(journal).toContain(XSS.script);
    expect(formulaCells(rt)).toEqual({});
  });
});

function previewAndSendAgain(rt: Runtime): string {
  rt.menu('menuTsurSummary', COORDINATOR);
  return rt.ui.alerts.at(-1)?.prompt ?? '';
}

describe('«Настройки» with hostile values', () => {
  const rt = createRegisterRuntime({
    today: TODAY,
    rows: [pageRow('P1', { createdOn: '2026-01-15', organization: 'Отдел культуры' })],
  });
  const label = (key: string) => SETTINGS_SPECS.find((spec) => spec.key === key)?.label ?? key;
  rt.quietly(() => {
    const sheet = rt.spreadsheet.getSheetByName('Настройки')!;
    const values = sheet.getDataRange().getValues();
    const set = (key: string, value: string) => {
      const row = values.findIndex((cells) => cells[0] === label(key));
      sheet.getRange(row + 1, 2).setValue(value);
    };
    set('tsurRecipients', `${TSUR[0]}, ${XSS.script}@x.ru, ${FORMULA_TEXT.at}`);
    set('districtName', `'${FORMULA_TEXT.hyperlink} ${XSS.img}`);
    set('networks', `ВКонтакте, Одноклассники, ${XSS.svg}`);
  });

  it('the check names the problems in Russian, escaped', () => {
    const { messages } = operate(rt, 'menuCheckRegister', () => rt.menu('menuCheckRegister', COORDINATOR), SHEETS);
    expect(messages.panels[0]).toContain('Настройки и календарь');
  });

  it('the summary goes to the valid recipients only, its letter escaped', () => {
    const { html, result } = previewAndSend(rt);
    expectNoRawMarkup(html, 'preview');
    expectRussian(result.message, 'summarySend');
    expect(result.status).toBe('sent');
    expect(rt.mail.at(-1)?.to).toBe(TSUR[0]);
    expectNoRawMarkup(rt.mail.at(-1)?.htmlBody, 'letter');
  });

  it('setup run on these settings changes none of them and says what is wrong, in Russian', () => {
    const { messages } = operate(rt, 'menuSetup', () => rt.menu('menuSetup', COORDINATOR), SHEETS);
    expect(messages.alerts).toEqual([]);
    expect(setupResult(rt)).toMatch(/^Готово\./);
    expect(formulaCells(rt)).toEqual({});
  });
});
