/**
 * Conditional formatting of the register. The formulas compare the sheet's own «Срок» with TODAY(),
 * so the colours are right every day without the script running:
 *  - errors: the «ID» and «Состояние» cells of a row whose state is «Ошибки заполнения»;
 *  - overdue (red): an open deadline before today;
 *  - due soon (amber): an open deadline today or on the next working day (days off and working
 *    weekends of the production calendar are written into the formula as day numbers);
 *  - deleted (grey), exemption (neutral blue).
 * Our rules carry a marker literal (ISTEXT("реестр:…")) that survives Sheets rewriting the column
 * references when columns move; setup replaces the rules with the marker and keeps all others.
 *
 * The due-soon formula holds the calendar's exceptions of this year and the next two, so it goes stale
 * when the calendar sheet changes or the years move on. refreshHighlighting brings it up to date and
 * writes nothing when it already is: the daily check may call it every run.
 */
import { STATES } from '../../domain/obligations';
import { addDays, isoDateOf, weekday } from '../../domain/isoDate';
import type { ColumnKey, IsoDate, WorkingCalendar } from '../../domain/types';
import { columnLetter, type RegisterTable } from './registerSheet';

export const RULE_MARKER = 'реестр:';

export type HighlightName = 'errors' | 'overdue' | 'dueSoon' | 'deleted' | 'exemption';

export interface HighlightSpec {
  name: HighlightName;
  formula: string;
  background: string;
  fontColor: string | null;
  bold: boolean;
  /** Columns the rule covers: 'row' for the whole row, otherwise these catalogue columns. */
  columns: 'row' | ColumnKey[];
}

/** The rules' Russian names: the marker in each formula, and how the self-check names a rule. */
export const HIGHLIGHT_LABELS: Readonly<Record<HighlightName, string>> = {
  errors: 'ошибки',
  overdue: 'просрочено',
  dueSoon: 'срок близко',
  deleted: 'удалена',
  exemption: 'освобождение',
};

/** Sheets' serial number of a day (days since 1899-12-30). */
export function serialOf(date: IsoDate): number {
  const utc = new Date(0);
  utc.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(utc.getTime() / 86_400_000) + 25_569;
}

/** Weekdays that are days off, and weekend days that are working days, in the given years. */
export function calendarExceptions(
  calendar: WorkingCalendar,
  years: readonly number[],
): { daysOff: IsoDate[]; workingWeekends: IsoDate[] } {
  const daysOff: IsoDate[] = [];
  const workingWeekends: IsoDate[] = [];
  for (const year of years) {
    const first = isoDateOf(year, 1, 1);
    if (first === null) continue;
    for (let date = first; date.startsWith(String(year)); date = addDays(date, 1)) {
      const weekend = weekday(date) === 0 || weekday(date) === 6;
      const working = calendar.isWorkingDay(date);
      if (!weekend && !working) daysOff.push(date);
      if (weekend && working) workingWeekends.push(date);
    }
  }
  return { daysOff, workingWeekends };
}

function marker(name: HighlightName): string {
  return `ISTEXT("${RULE_MARKER}${HIGHLIGHT_LABELS[name]}")`;
}

function arrayOf(dates: readonly IsoDate[]): string {
  return `{${dates.map(serialOf).join(',')}}`;
}

/**
 * The rules for a register whose catalogue columns are at `positions`, data from `firstRow`. The
 * calendar exceptions of `years` go into the due-soon formula. Rules for columns that are missing are
 * left out.
 */
export function highlightSpecs(
  positions: Partial<Record<ColumnKey, number>>,
  firstRow: number,
  calendar: WorkingCalendar,
  years: readonly number[],
): HighlightSpec[] {
  const ref = (key: ColumnKey): string | null => {
    const position = positions[key];
    return position === undefined ? null : `$${columnLetter(position + 1)}${firstRow}`;
  };
  const specs: HighlightSpec[] = [];
  const state = ref('state');
  if (state !== null) {
    specs.push({
      name: 'errors',
      formula: `=AND(${marker('errors')},${state}="${STATES.errors}")`,
      background: '#d9d2e9',
      fontColor: '#990000',
      bold: true,
      columns: positions.id === undefined ? ['state'] : ['id', 'state'],
    });
  }
  const deadline = ref('deadline');
  if (deadline !== null) {
    specs.push({
      name: 'overdue',
      formula: `=AND(${marker('overdue')},ISNUMBER(${deadline}),${deadline}<TODAY())`,
      background: '#f4c7c3',
      fontColor: null,
      bold: false,
      columns: 'row',
    });
    // No working day strictly between today and the deadline: NETWORKDAYS over (today, deadline)
    // without the days off, plus the working weekends in that span, is zero (or negative when empty).
    const { daysOff, workingWeekends } = calendarExceptions(calendar, years);
    const holidays = daysOff.length > 0 ? `,${arrayOf(daysOff)}` : '';
    const extra =
      workingWeekends.length > 0
        ? `+SUMPRODUCT((${arrayOf(workingWeekends)}>TODAY())*(${arrayOf(workingWeekends)}<${deadline}))`
        : '';
    specs.push({
      name: 'dueSoon',
      formula:
        `=AND(${marker('dueSoon')},ISNUMBER(${deadline}),${deadline}>=TODAY(),` +
        `NETWORKDAYS(TODAY()+1,${deadline}-1${holidays})${extra}<=0)`,
      background: '#fce8b2',
      fontColor: null,
      bold: false,
      columns: 'row',
    });
  }
  const deleted = ref('deletedOn');
  if (deleted !== null) {
    specs.push({
      name: 'deleted',
      formula: `=AND(${marker('deleted')},NOT(ISBLANK(${deleted})))`,
      background: '#efefef',
      fontColor: '#666666',
      bold: false,
      columns: 'row',
    });
  }
  const exemption = ref('exemptionBasis');
  if (exemption !== null) {
    specs.push({
      name: 'exemption',
      formula: `=AND(${marker('exemption')},LEN(TRIM(${exemption}))>0)`,
      background: '#e8f0fe',
      fontColor: null,
      bold: false,
      columns: 'row',
    });
  }
  return specs;
}

/** True for a rule setup wrote (its formula carries the marker). */
export function isOurRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  if (condition === null) return false;
  return condition
    .getCriteriaValues()
    .some((value) => typeof value === 'string' && value.includes(`ISTEXT("${RULE_MARKER}`));
}

/**
 * Years whose exceptions go into the formulas: this year to two years ahead. Only days after TODAY()
 * count in the due-soon formula, so earlier years never matter.
 */
export function highlightYears(today: IsoDate): number[] {
  const year = Number(today.slice(0, 4));
  return [year, year + 1, year + 2];
}

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** What tells two rules of ours apart: formula, colours, bold and ranges. */
function ruleKey(
  formula: string,
  background: string | null,
  fontColor: string | null,
  bold: boolean,
  ranges: string[],
): string {
  return JSON.stringify([formula, background, fontColor, bold, ranges]);
}

function specKey(spec: HighlightSpec, ranges: string[]): string {
  return ruleKey(spec.formula, spec.background, spec.fontColor, spec.bold, ranges);
}

/** The key of a rule of ours as the sheet holds it (a few rule-object calls, and one getA1Notation a range). */
function existingKey(rule: Rule): string {
  const condition = rule.getBooleanCondition();
  const formula = String(condition?.getCriteriaValues()[0] ?? '');
  return ruleKey(
    formula,
    condition?.getBackground() ?? null,
    condition?.getFontColor() ?? null,
    condition?.getBold() === true,
    rule.getRanges().map((range) => range.getA1Notation()),
  );
}

/**
 * Makes our rules on the register (over rows firstRow..maxRows and all maxColumns columns) what they
 * should be on `today`, ours first, every other rule kept in its order after ours. Reads the sheet's
 * rules once and calls setConditionalFormatRules only when ours differ (or are not first). Returns
 * true when it wrote.
 */
export function applyHighlighting(
  table: RegisterTable,
  calendar: WorkingCalendar,
  today: IsoDate,
  size: { maxRows: number; maxColumns: number },
): boolean {
  const firstRow = table.headerRow + 1;
  const rows = size.maxRows - table.headerRow;
  if (rows <= 0) return false;
  const existing = table.sheet.getConditionalFormatRules();
  const mine = existing.map(isOurRule);
  const ours = existing.filter((_, index) => mine[index]);
  const others = existing.filter((_, index) => !mine[index]);
  const wanted = highlightSpecs(table.positions, firstRow, calendar, highlightYears(today)).map((spec) => {
    const grid =
      spec.columns === 'row'
        ? [{ column: 1, columns: size.maxColumns }]
        : spec.columns.map((key) => ({ column: (table.positions[key] as number) + 1, columns: 1 }));
    const a1 = grid.map(({ column, columns }) => {
      const start = `${columnLetter(column)}${firstRow}`;
      return rows === 1 && columns === 1
        ? start
        : `${start}:${columnLetter(column + columns - 1)}${firstRow + rows - 1}`;
    });
    return { spec, grid, key: specKey(spec, a1) };
  });
  const upToDate =
    ours.length === wanted.length &&
    mine.slice(0, ours.length).every(Boolean) &&
    ours.every((rule, index) => existingKey(rule) === wanted[index]?.key);
  if (upToDate) return false;
  const built = wanted.map(({ spec, grid }) => {
    let builder = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(spec.formula)
      .setBackground(spec.background)
      .setRanges(grid.map(({ column, columns }) => table.sheet.getRange(firstRow, column, rows, columns)));
    if (spec.fontColor !== null) builder = builder.setFontColor(spec.fontColor);
    if (spec.bold) builder = builder.setBold(true);
    return builder.build();
  });
  table.sheet.setConditionalFormatRules([...built, ...others]);
  return true;
}

/**
 * applyHighlighting over the sheet as it is now: for the daily check (or any run that has the register
 * and the day's calendar at hand) to keep the due-soon formula current. Idempotent; when nothing
 * changed it costs Sheet.getMaxRows, Sheet.getMaxColumns, Sheet.getConditionalFormatRules and one
 * Range.getA1Notation for each range of our rules (six with every catalogue column present), plus
 * rule-object getters; when something changed, one Sheet.getRange a range and one
 * setConditionalFormatRules more. Returns true when it wrote.
 */
export function refreshHighlighting(table: RegisterTable, calendar: WorkingCalendar, today: IsoDate): boolean {
  return applyHighlighting(table, calendar, today, {
    // The open-ended read of the register already told the sheet's size (registerRead.ts).
    maxRows: table.maxRows ?? table.sheet.getMaxRows(),
    maxColumns: table.sheet.getMaxColumns(),
  });
}
