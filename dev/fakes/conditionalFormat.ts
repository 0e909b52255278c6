/**
 * SpreadsheetApp.newConditionalFormatRule(): the builder, the rules and their boolean conditions.
 * Gradient rules are not supported (getGradientCondition() returns null).
 */
import GAS = GoogleAppsScript;
import { isDate, type FakeContext } from './context';
import { normalizeColor } from './colors';
import { BooleanCriteria } from './enums';
import { FakeObject, unwrap } from './fakeObject';
import type { FakeRange } from './range';

type Criteria = GAS.Spreadsheet.BooleanCriteria;

export interface ConditionFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  underline: boolean | null;
  strikethrough: boolean | null;
}

export interface RuleSpec {
  criteria: Criteria | undefined;
  values: unknown[];
  format: ConditionFormat;
  ranges: FakeRange[];
}

const NO_FORMAT: ConditionFormat = {
  background: null,
  fontColor: null,
  bold: null,
  italic: null,
  underline: null,
  strikethrough: null,
};

function copySpec(spec: RuleSpec): RuleSpec {
  return {
    criteria: spec.criteria,
    values: spec.values.map((v) => (isDate(v) ? new Date(v.getTime()) : v)),
    format: { ...spec.format },
    ranges: [...spec.ranges],
  };
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeBooleanCondition extends GAS.Spreadsheet.BooleanCondition {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeBooleanCondition extends FakeObject implements GAS.Spreadsheet.BooleanCondition {
  constructor(
    ctx: FakeContext,
    private readonly criteria: Criteria,
    private readonly values: unknown[],
    private readonly format: ConditionFormat,
  ) {
    super(ctx, 'BooleanCondition');
  }
  getBackground(): string | null {
    return this.format.background;
  }
  getBold(): boolean | null {
    return this.format.bold;
  }
  getCriteriaType(): Criteria {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getFontColor(): string | null {
    return this.format.fontColor;
  }
  getItalic(): boolean | null {
    return this.format.italic;
  }
  getStrikethrough(): boolean | null {
    return this.format.strikethrough;
  }
  getUnderline(): boolean | null {
    return this.format.underline;
  }
}

function conditionOf(ctx: FakeContext, spec: RuleSpec): FakeBooleanCondition | null {
  return spec.criteria === undefined ? null : new FakeBooleanCondition(ctx, spec.criteria, spec.values, spec.format);
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeConditionalFormatRule extends GAS.Spreadsheet.ConditionalFormatRule {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeConditionalFormatRule extends FakeObject implements GAS.Spreadsheet.ConditionalFormatRule {
  readonly spec: RuleSpec;

  constructor(ctx: FakeContext, spec: RuleSpec) {
    super(ctx, 'ConditionalFormatRule');
    this.spec = copySpec(spec);
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.ctx, this.spec);
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    return conditionOf(this.ctx, this.spec);
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): FakeRange[] {
    return [...this.spec.ranges];
  }
}

type Builder = GAS.Spreadsheet.ConditionalFormatRuleBuilder;
type Implemented =
  | 'build'
  | 'copy'
  | 'getBooleanCondition'
  | 'getGradientCondition'
  | 'getRanges'
  | 'setBackground'
  | 'setBold'
  | 'setFontColor'
  | 'setItalic'
  | 'setRanges'
  | 'setStrikethrough'
  | 'setUnderline'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenFormulaSatisfied'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberLessThan'
  | 'whenTextContains'
  | 'whenTextEqualTo'
  | 'withCriteria';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeConditionalFormatRuleBuilder extends Builder {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeConditionalFormatRuleBuilder extends FakeObject implements Pick<Builder, Implemented> {
  private spec: RuleSpec;

  constructor(ctx: FakeContext, spec?: RuleSpec) {
    super(ctx, 'ConditionalFormatRuleBuilder');
    this.spec = spec ? copySpec(spec) : { criteria: undefined, values: [], format: { ...NO_FORMAT }, ranges: [] };
  }

  private when(criteria: Criteria, values: unknown[]): this {
    this.spec.criteria = criteria;
    this.spec.values = values;
    return this;
  }

  build(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(this.ctx, this.spec);
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.ctx, this.spec);
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    return conditionOf(this.ctx, this.spec);
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): FakeRange[] {
    return [...this.spec.ranges];
  }
  setBackground(color: string | null): this {
    this.spec.format.background = color === null ? null : normalizeColor(color);
    return this;
  }
  setBold(bold: boolean | null): this {
    this.spec.format.bold = bold;
    return this;
  }
  setFontColor(color: string | null): this {
    this.spec.format.fontColor = color === null ? null : normalizeColor(color);
    return this;
  }
  setItalic(italic: boolean | null): this {
    this.spec.format.italic = italic;
    return this;
  }
  setStrikethrough(strikethrough: boolean | null): this {
    this.spec.format.strikethrough = strikethrough;
    return this;
  }
  setUnderline(underline: boolean | null): this {
    this.spec.format.underline = underline;
    return this;
  }
  setRanges(ranges: GAS.Spreadsheet.Range[]): this {
    this.spec.ranges = ranges.map((range) => unwrap(range) as FakeRange);
    return this;
  }
  whenCellEmpty(): this {
    return this.when(BooleanCriteria.CELL_EMPTY, []);
  }
  whenCellNotEmpty(): this {
    return this.when(BooleanCriteria.CELL_NOT_EMPTY, []);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when(BooleanCriteria.CUSTOM_FORMULA, [formula]);
  }
  whenNumberBetween(start: number, end: number): this {
    return this.when(BooleanCriteria.NUMBER_BETWEEN, [start, end]);
  }
  whenNumberEqualTo(n: number): this {
    return this.when(BooleanCriteria.NUMBER_EQUAL_TO, [n]);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN, [n]);
  }
  whenNumberLessThan(n: number): this {
    return this.when(BooleanCriteria.NUMBER_LESS_THAN, [n]);
  }
  whenTextContains(text: string): this {
    return this.when(BooleanCriteria.TEXT_CONTAINS, [text]);
  }
  whenTextEqualTo(text: string): this {
    return this.when(BooleanCriteria.TEXT_EQUAL_TO, [text]);
  }
  withCriteria(criteria: Criteria, args: unknown[]): this {
    return this.when(criteria, [...args]);
  }
}
