/**
 * Conditional formatting between the fake and .xlsx: formula rules (what the add-on writes), empty /
 * not empty, text contains, and number comparisons, each with its fill, font colour, bold, italic,
 * underline and strike-through. Rules keep their order (Excel priority). Other kinds are skipped and
 * listed in the save warnings.
 */
import type { ConditionalFormattingOptions, ConditionalFormattingRule, Style } from 'exceljs';
import { formatA1, parseA1 } from '../a1';
import type { FakeContext } from '../context';
import { FakeConditionalFormatRule, type ConditionFormat, type RuleSpec } from '../conditionalFormat';
import { BooleanCriteria as B } from '../enums';
import type { FakeRange } from '../range';
import type { FakeSheet } from '../sheet';
import { fromArgb, toArgb } from './excelColors';

type Criteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;

const CELL_IS: [Criteria, 'equal' | 'greaterThan' | 'lessThan' | 'between'][] = [
  [B.NUMBER_EQUAL_TO, 'equal'],
  [B.NUMBER_GREATER_THAN, 'greaterThan'],
  [B.NUMBER_LESS_THAN, 'lessThan'],
  [B.NUMBER_BETWEEN, 'between'],
];

function toStyle(format: ConditionFormat): Partial<Style> {
  const style: Partial<Style> = {};
  if (format.background)
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: toArgb(format.background) } };
  const font: Partial<Style['font']> = {};
  if (format.fontColor) font.color = { argb: toArgb(format.fontColor) };
  if (format.bold !== null) font.bold = format.bold;
  if (format.italic !== null) font.italic = format.italic;
  if (format.underline !== null) font.underline = format.underline;
  if (format.strikethrough !== null) font.strike = format.strikethrough;
  if (Object.keys(font).length > 0) style.font = font;
  return style;
}

function fromStyle(style: Partial<Style> | undefined): ConditionFormat {
  const fill = style?.fill;
  const fillColor = fill && fill.type === 'pattern' ? (fill.bgColor?.argb ?? fill.fgColor?.argb) : undefined;
  const font = style?.font;
  return {
    background: fromArgb(fillColor) ?? null,
    fontColor: fromArgb(font?.color?.argb) ?? null,
    bold: font?.bold ?? null,
    italic: font?.italic ?? null,
    underline: font?.underline === undefined ? null : Boolean(font.underline),
    strikethrough: font?.strike ?? null,
  };
}

function excelRule(spec: RuleSpec, priority: number, topLeft: string): ConditionalFormattingRule | undefined {
  const style = toStyle(spec.format);
  const [a, b] = spec.values;
  const cellIs = CELL_IS.find(([c]) => c === spec.criteria)?.[1];
  if (spec.criteria === B.CUSTOM_FORMULA)
    return { type: 'expression', priority, style, formulae: [String(a).replace(/^=/, '')] };
  if (spec.criteria === B.CELL_EMPTY)
    return { type: 'expression', priority, style, formulae: [`LEN(TRIM(${topLeft}))=0`] };
  if (spec.criteria === B.CELL_NOT_EMPTY)
    return { type: 'expression', priority, style, formulae: [`LEN(TRIM(${topLeft}))>0`] };
  // exceljs puts the text into SEARCH("…") unescaped, and reads only that formula back
  if (spec.criteria === B.TEXT_CONTAINS)
    return { type: 'containsText', operator: 'containsText', priority, style, text: String(a).replace(/"/g, '""') };
  if (spec.criteria === B.TEXT_EQUAL_TO)
    return { type: 'cellIs', operator: 'equal', priority, style, formulae: [`"${String(a).replace(/"/g, '""')}"`] };
  if (cellIs)
    return { type: 'cellIs', operator: cellIs, priority, style, formulae: [a, b].filter((v) => v !== undefined) };
  return undefined;
}

/** The sheet's rules as exceljs conditional formattings; skipped rules are described in `warnings`. */
export function toExcelConditionalFormats(sheet: FakeSheet, warnings: string[]): ConditionalFormattingOptions[] {
  const out: ConditionalFormattingOptions[] = [];
  sheet.conditionalRules.forEach((rule, index) => {
    const ranges = rule.spec.ranges.filter((r) => r.sheet === sheet);
    const first = ranges[0];
    if (!first) return;
    const topLeft = formatA1({ ...first.area, numRows: 1, numColumns: 1 });
    const excel = excelRule(rule.spec, index + 1, topLeft);
    if (!excel) {
      warnings.push(`«${sheet.name}»: conditional format ${String(rule.spec.criteria)} is not written to .xlsx`);
      return;
    }
    out.push({ ref: ranges.map((r) => formatA1(r.area)).join(' '), rules: [excel] });
  });
  return out;
}

function fakeCriteria(rule: ConditionalFormattingRule): { criteria: Criteria; values: unknown[] } | undefined {
  const formulae = 'formulae' in rule ? (rule.formulae ?? []) : [];
  const first = String(formulae[0] ?? '');
  if (rule.type === 'expression') {
    if (/^LEN\(TRIM\(\$?[A-Z]+\$?\d+\)\)=0$/.test(first)) return { criteria: B.CELL_EMPTY, values: [] };
    if (/^LEN\(TRIM\(\$?[A-Z]+\$?\d+\)\)>0$/.test(first)) return { criteria: B.CELL_NOT_EMPTY, values: [] };
    return { criteria: B.CUSTOM_FORMULA, values: [`=${first}`] };
  }
  if (rule.type === 'containsText') {
    if (rule.operator === 'containsBlanks') return { criteria: B.CELL_EMPTY, values: [] };
    if (rule.operator === 'notContainsBlanks') return { criteria: B.CELL_NOT_EMPTY, values: [] };
    const searched = /SEARCH\("((?:[^"]|"")*)",/.exec(first)?.[1];
    if (rule.operator === 'containsText')
      return { criteria: B.TEXT_CONTAINS, values: [(rule.text ?? searched ?? '').replace(/""/g, '"')] };
    return undefined;
  }
  if (rule.type === 'cellIs') {
    const quoted = /^"(.*)"$/s.exec(first);
    if (rule.operator === 'equal' && quoted)
      return { criteria: B.TEXT_EQUAL_TO, values: [(quoted[1] ?? '').replace(/""/g, '"')] };
    const criteria = CELL_IS.find(([, op]) => op === rule.operator)?.[0];
    return criteria ? { criteria, values: formulae.map(Number) } : undefined;
  }
  return undefined;
}

/** The fake rules for a sheet's exceljs conditional formattings, in priority order. */
export function fromExcelConditionalFormats(
  ctx: FakeContext,
  sheet: FakeSheet,
  formats: ConditionalFormattingOptions[],
): FakeConditionalFormatRule[] {
  const rules: { priority: number; rule: FakeConditionalFormatRule }[] = [];
  for (const format of formats) {
    const ranges = format.ref
      .split(/\s+/)
      .map((ref) => parseA1(ref)?.resolve(sheet.grid.maxRows, sheet.grid.maxColumns))
      .filter((area): area is NonNullable<typeof area> => !!area)
      .map((area) => sheet.rangeAt(area.row, area.column, area.numRows, area.numColumns) as FakeRange);
    for (const rule of format.rules) {
      const criteria = fakeCriteria(rule);
      if (!criteria) continue;
      const spec: RuleSpec = { ...criteria, format: fromStyle(rule.style), ranges };
      rules.push({ priority: rule.priority ?? rules.length + 1, rule: new FakeConditionalFormatRule(ctx, spec) });
    }
  }
  return rules.sort((a, b) => a.priority - b.priority).map((r) => r.rule);
}
