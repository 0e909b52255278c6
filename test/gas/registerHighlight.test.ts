/**
 * The conditional formatting setup writes, evaluated by the fakes' formula engine (HyperFormula, the one
 * that computes formula cells: dev/fakes/formulas.ts) against the sheet's own values on chosen days, with no script run in between: which rows light up
 * is decided by the formulas alone, as in Google Sheets, where the first matching rule colours a cell.
 */
import type { Runtime } from '../../dev/runtime';
import { readCalendar } from '../../src/gas/sheets/calendarSheet';
import { refreshHighlighting } from '../../src/gas/sheets/highlighting';
import { openRegisterTable } from '../../src/gas/sheets/registerSheet';
import { fillSheet, headerColumns, newRuntime, sheetOf } from './registerHarness';
import { FULL_ROWS, TODAY, fullRegisterRows } from './registerFixtures';

const COLOURS: Record<string, string> = {
  '#f4c7c3': 'red',
  '#fce8b2': 'amber',
  '#efefef': 'grey',
  '#e8f0fe': 'neutral',
  '#d9d2e9': 'error',
};

interface Rule {
  formula: string;
  colour: string;
  ranges: Array<{ row: number; column: number; rows: number; columns: number }>;
}

function a1ToGrid(a1: string): { row: number; column: number; rows: number; columns: number } {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (match === null) throw new Error(`unexpected range ${a1}`);
  const col = (letters: string) => [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  const row = Number(match[2]);
  const column = col(match[1] as string);
  return { row, column, rows: Number(match[4]) - row + 1, columns: col(match[3] as string) - column + 1 };
}

function rulesOf(rt: Runtime): Rule[] {
  return rt.quietly(() =>
    sheetOf(rt, 'Реестр')
      .getConditionalFormatRules()
      .map((rule) => {
        const condition = rule.getBooleanCondition();
        return {
          formula: String(condition?.getCriteriaValues()[0]),
          colour: COLOURS[condition?.getBackground() ?? ''] ?? 'other',
          ranges: rule.getRanges().map((range) => a1ToGrid(range.getA1Notation())),
        };
      }),
  );
}

/**
 * For each data row, the colour of the cell in `column` on `date`: the first rule (in the sheet's
 * order) covering the cell whose formula, judged at that cell by the fakes' formula engine (the one
 * that computes formula cells), is TRUE. The clock is set to noon of `date` in Moscow.
 */
function coloursOn(rt: Runtime, date: string, column: number): Record<number, string> {
  rt.setNow(new Date(`${date}T12:00:00+03:00`));
  const lastRow = rt.quietly(() => sheetOf(rt, 'Реестр').getLastRow());
  const rules = rulesOf(rt);
  const result: Record<number, string> = {};
  for (let row = 2; row <= lastRow; row += 1) {
    const first = rules.find((rule) => {
      const range = rule.ranges.find(
        (candidate) =>
          row >= candidate.row &&
          row < candidate.row + candidate.rows &&
          column >= candidate.column &&
          column < candidate.column + candidate.columns,
      );
      return (
        range !== undefined && rt.spreadsheet.evaluateFormulaAt(rule.formula, 'Реестр', range, { row, column }) === true
      );
    });
    if (first) result[row] = first.colour;
  }
  return result;
}

describe('highlighting evaluated by HyperFormula', () => {
  const rt = newRuntime(TODAY);
  fillSheet(rt, 'Реестр', fullRegisterRows());
  rt.menu('menuSetup');
  const columns = headerColumns(rt, 'Реестр');
  const organization = columns['Организация'] as number;
  const state = columns['Состояние'] as number;
  const R = FULL_ROWS;

  it('keeps one rule per highlight, each marked as the add-on’s', () => {
    expect(rulesOf(rt).map((rule) => rule.colour)).toEqual(['error', 'red', 'amber', 'grey', 'neutral']);
    for (const rule of rulesOf(rt)) expect(rule.formula).toMatch(/^=AND\(ISTEXT\("реестр:/);
  });

  it('on Thursday 05.03.2026: overdue red, due Friday amber, due after the 09.03 day off not yet; deleted grey, exemption neutral', () => {
    expect(coloursOn(rt, '2026-03-05', organization)).toEqual({
      [R.overdue]: 'red',
      [R.dueTomorrow]: 'amber',
      [R.deleted]: 'grey',
      [R.exemption]: 'neutral',
      [R.onlyDeleted]: 'grey',
    });
  });

  it('on Friday 06.03: the row due on Tuesday 10.03 turns amber (Monday 09.03 is a day off), the one due today too', () => {
    const colours = coloursOn(rt, '2026-03-06', organization);
    expect(colours[R.dueTomorrow]).toBe('amber');
    expect(colours[R.dueAfterHoliday]).toBe('amber');
    expect(colours[R.overdue]).toBe('red');
  });

  it('on Wednesday 11.03, without any run of the script: all three open deadlines are red', () => {
    const colours = coloursOn(rt, '2026-03-11', organization);
    expect([colours[R.overdue], colours[R.dueTomorrow], colours[R.dueAfterHoliday]]).toEqual(['red', 'red', 'red']);
  });

  it('marks rows with filling errors on «Состояние»', () => {
    const colours = coloursOn(rt, '2026-03-05', state);
    const errors = Object.entries(colours)
      .filter(([, colour]) => colour === 'error')
      .map(([row]) => Number(row));
    expect(errors).toEqual([R.wrongNetwork, R.duplicate, R.weakRow, R.htmlName]);
    expect(colours[R.overdue]).toBe('red');
  });
});

describe('a working Saturday in the amber formula', () => {
  it('Friday 19.02.2027 is not amber for a deadline on Wednesday 24.02 (Saturday 20.02 works); Saturday is', () => {
    const rt = newRuntime('2027-02-19');
    const rows = fullRegisterRows().slice(0, 2);
    const organizationRow = rows[1] as unknown[];
    organizationRow[5] = new Date('2027-02-19T00:00:00+03:00');
    fillSheet(rt, 'Реестр', rows);
    rt.menu('menuSetup');
    const organization = headerColumns(rt, 'Реестр')['Организация'] as number;
    expect(rt.quietly(() => sheetOf(rt, 'Реестр').getRange(2, 18).getValue())).toEqual(
      new Date('2027-02-24T00:00:00+03:00'),
    );
    expect(coloursOn(rt, '2027-02-19', organization)[2]).toBeUndefined();
    expect(coloursOn(rt, '2027-02-20', organization)[2]).toBe('amber');
    expect(coloursOn(rt, '2027-02-25', organization)[2]).toBe('red');
  });
});

describe('refreshHighlighting: the due-soon formula kept current, cheaply', () => {
  /** Runs `action` with the runtime's SpreadsheetApp as the global the module calls. */
  function withServices<T>(rt: Runtime, action: () => T): T {
    const global = globalThis as Record<string, unknown>;
    const previous = global.SpreadsheetApp;
    global.SpreadsheetApp = rt.services.SpreadsheetApp;
    try {
      return action();
    } finally {
      global.SpreadsheetApp = previous;
    }
  }

  /** refreshHighlighting on `today`; the register and the calendar are read first, outside the count. */
  function refreshMeasured(rt: Runtime, today: string) {
    const { table, calendar } = rt.quietly(() =>
      withServices(rt, () => {
        const opened = openRegisterTable(rt.spreadsheet, sheetOf(rt, 'Реестр'));
        return { table: opened, calendar: readCalendar(rt.spreadsheet, opened.timeZone).calendar };
      }),
    );
    return rt.measure(() => withServices(rt, () => refreshHighlighting(table, calendar, today)));
  }

  function refresh(rt: Runtime, today: string): boolean {
    return refreshMeasured(rt, today).result;
  }

  it('writes nothing after setup, and picks up a day off added to the calendar sheet; users’ rules stay', () => {
    // Created Thursday 12.03.2026: due Monday 16.03, then Tuesday 17.03 once 16.03 is made a day off.
    const rt = newRuntime('2026-03-13');
    const rows = fullRegisterRows().slice(0, 2);
    (rows[1] as unknown[])[5] = new Date('2026-03-12T00:00:00+03:00');
    const sheet = fillSheet(rt, 'Реестр', rows);
    const app = rt.services.SpreadsheetApp as unknown as typeof SpreadsheetApp;
    rt.quietly(() =>
      sheet.setConditionalFormatRules([
        app
          .newConditionalFormatRule()
          .whenTextEqualTo('x')
          .setBackground('#00ff00')
          .setRanges([sheet.getRange('B2:B9')])
          .build(),
      ]),
    );
    rt.menu('menuSetup');
    const organization = headerColumns(rt, 'Реестр')['Организация'] as number;

    const unchanged = refreshMeasured(rt, '2026-03-13');
    expect(unchanged.result).toBe(false);
    expect(unchanged.calls.byMethod['Sheet.setConditionalFormatRules']).toBeUndefined();
    expect(unchanged.calls.roundTrips).toBe(9);
    console.log(
      `refreshHighlighting, nothing to change: ${unchanged.calls.roundTrips} round trips ` +
        `(+${unchanged.calls.builder} rule-object calls) ${JSON.stringify(unchanged.calls.byMethod)}`,
    );

    const calendarSheet = sheetOf(rt, 'Производственный календарь');
    rt.quietly(() => calendarSheet.appendRow([new Date('2026-03-16T00:00:00+03:00'), 'Нерабочий', 'Проверка']));
    // The coordinator's edit: onEdit makes the cached calendar stale.
    rt.simulateEdit(rt.quietly(() => calendarSheet.getRange(calendarSheet.getLastRow(), 1, 1, 3)));
    rt.menu('menuCheckRegister');
    expect(rt.quietly(() => sheet.getRange(2, 18).getValue())).toEqual(new Date('2026-03-17T00:00:00+03:00'));
    // Stale: the formula still counts Monday 16.03 as a working day, so Friday 13.03 is not amber.
    expect(coloursOn(rt, '2026-03-13', organization)[2]).toBeUndefined();

    const changed = refreshMeasured(rt, '2026-03-13');
    expect(changed.result).toBe(true);
    console.log(`refreshHighlighting, formula renewed: ${changed.calls.roundTrips} round trips`);
    expect(coloursOn(rt, '2026-03-13', organization)[2]).toBe('amber');
    expect(rulesOf(rt).map((rule) => rule.colour)).toEqual(['error', 'red', 'amber', 'grey', 'neutral', 'other']);
    expect(refresh(rt, '2026-03-13')).toBe(false);
  });

  it('moves the years on: in a new year its exceptions are in the formula', () => {
    const rt = newRuntime(TODAY);
    fillSheet(rt, 'Реестр', fullRegisterRows());
    rt.menu('menuSetup');
    const amber = () => rulesOf(rt).find((rule) => rule.colour === 'amber')?.formula ?? '';
    // 05.11.2027, a day off of decree No. 1187, as Sheets' serial number.
    expect(amber()).toContain('46696');
    expect(amber()).not.toContain(String(46696 + 365 + 366)); // not 2029's
    expect(refresh(rt, '2029-01-10')).toBe(true);
    expect(amber()).not.toContain('46696');
  });
});
