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
 */
import { STATES } from '../domain/obligations';
import { addDays, isoDateOf, weekday } from '../domain/isoDate';
import type { ColumnKey, IsoDate, WorkingCalendar } from '../domain/types';
import { columnLetter, type RegisterTable } from './registerTable';

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

const MARKERS: Readonly<Record<HighlightName, string>> = {
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
  return `ISTEXT("${RULE_MARKER}${MARKERS[name]}")`;
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

/** Years whose exceptions go into the formulas: last year to two years ahead. */
export function highlightYears(today: IsoDate): number[] {
  const year = Number(today.slice(0, 4));
  return [year - 1, year, year + 1, year + 2];
}

/**
 * Replaces our rules on the register (over rows firstRow..maxRows and all maxColumns columns) and keeps
 * every other rule in its order after ours.
 */
export function applyHighlighting(
  table: RegisterTable,
  calendar: WorkingCalendar,
  today: IsoDate,
  size: { maxRows: number; maxColumns: number },
): number {
  const firstRow = table.headerRow + 1;
  const rows = size.maxRows - table.headerRow;
  const others = table.sheet.getConditionalFormatRules().filter((rule) => !isOurRule(rule));
  if (rows <= 0) return 0;
  const ours = highlightSpecs(table.positions, firstRow, calendar, highlightYears(today)).map((spec) => {
    const ranges =
      spec.columns === 'row'
        ? [table.sheet.getRange(firstRow, 1, rows, size.maxColumns)]
        : spec.columns.map((key) => table.sheet.getRange(firstRow, (table.positions[key] as number) + 1, rows, 1));
    let builder = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(spec.formula)
      .setBackground(spec.background)
      .setRanges(ranges);
    if (spec.fontColor !== null) builder = builder.setFontColor(spec.fontColor);
    if (spec.bold) builder = builder.setBold(true);
    return builder.build();
  });
  table.sheet.setConditionalFormatRules([...ours, ...others]);
  return ours.length;
}
