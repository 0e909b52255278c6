/** SpreadsheetApp.newDataValidation(): the builder and the DataValidation rules it builds. */
import GAS = GoogleAppsScript;
import { isDate, type FakeContext } from './context';
import { DataValidationCriteria } from './enums';
import { FakeObject } from './fakeObject';

type Criteria = GAS.Spreadsheet.DataValidationCriteria;

export interface ValidationSpec {
  criteria: Criteria;
  values: unknown[];
  helpText: string | null;
  allowInvalid: boolean;
}

function copyValues(values: readonly unknown[]): unknown[] {
  return values.map((v) => (isDate(v) ? new Date(v.getTime()) : Array.isArray(v) ? [...(v as unknown[])] : v));
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeDataValidation extends GAS.Spreadsheet.DataValidation {}
/** A built rule: immutable, shared by every cell it was set on. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeDataValidation
  extends FakeObject
  implements
    Pick<
      GAS.Spreadsheet.DataValidation,
      'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
    >
{
  readonly spec: ValidationSpec;

  constructor(ctx: FakeContext, spec: ValidationSpec) {
    super(ctx, 'DataValidation');
    this.spec = { ...spec, values: copyValues(spec.values) };
  }

  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.ctx, this.spec);
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getCriteriaType(): Criteria {
    return this.spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return copyValues(this.spec.values);
  }
  getHelpText(): string {
    return this.spec.helpText ?? '';
  }
}

type Builder = GAS.Spreadsheet.DataValidationBuilder;
type Implemented =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateEqualTo'
  | 'requireDateNotBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireTextContains'
  | 'requireTextEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeDataValidationBuilder extends Builder {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeDataValidationBuilder extends FakeObject implements Pick<Builder, Implemented> {
  private spec: ValidationSpec;

  constructor(ctx: FakeContext, spec?: ValidationSpec) {
    super(ctx, 'DataValidationBuilder');
    this.spec = spec
      ? { ...spec, values: copyValues(spec.values) }
      : { criteria: undefined as unknown as Criteria, values: [], helpText: null, allowInvalid: true };
  }

  private set(criteria: Criteria, values: unknown[]): this {
    this.spec.criteria = criteria;
    this.spec.values = copyValues(values);
    return this;
  }

  build(): FakeDataValidation {
    if (this.spec.criteria === undefined)
      throw this.ctx.error('You must specify a criteria type for a data validation rule.');
    return new FakeDataValidation(this.ctx, this.spec);
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.ctx, this.spec);
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getCriteriaType(): Criteria {
    return this.spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return copyValues(this.spec.values);
  }
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  requireCheckbox(...values: unknown[]): this {
    return this.set(DataValidationCriteria.CHECKBOX, values);
  }
  requireDate(): this {
    return this.set(DataValidationCriteria.DATE_IS_VALID_DATE, []);
  }
  requireDateAfter(date: Date): this {
    return this.set(DataValidationCriteria.DATE_AFTER, [date]);
  }
  requireDateBefore(date: Date): this {
    return this.set(DataValidationCriteria.DATE_BEFORE, [date]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.set(DataValidationCriteria.DATE_BETWEEN, [start, end]);
  }
  requireDateEqualTo(date: Date): this {
    return this.set(DataValidationCriteria.DATE_EQUAL_TO, [date]);
  }
  requireDateNotBetween(start: Date, end: Date): this {
    return this.set(DataValidationCriteria.DATE_NOT_BETWEEN, [start, end]);
  }
  requireDateOnOrAfter(date: Date): this {
    return this.set(DataValidationCriteria.DATE_ON_OR_AFTER, [date]);
  }
  requireDateOnOrBefore(date: Date): this {
    return this.set(DataValidationCriteria.DATE_ON_OR_BEFORE, [date]);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set(DataValidationCriteria.CUSTOM_FORMULA, [formula]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.set(DataValidationCriteria.NUMBER_BETWEEN, [start, end]);
  }
  requireNumberGreaterThan(n: number): this {
    return this.set(DataValidationCriteria.NUMBER_GREATER_THAN, [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.set(DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [n]);
  }
  requireNumberLessThan(n: number): this {
    return this.set(DataValidationCriteria.NUMBER_LESS_THAN, [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.set(DataValidationCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [n]);
  }
  requireTextContains(text: string): this {
    return this.set(DataValidationCriteria.TEXT_CONTAINS, [text]);
  }
  requireTextEqualTo(text: string): this {
    return this.set(DataValidationCriteria.TEXT_EQUAL_TO, [text]);
  }
  requireTextIsEmail(): this {
    return this.set(DataValidationCriteria.TEXT_IS_VALID_EMAIL, []);
  }
  requireTextIsUrl(): this {
    return this.set(DataValidationCriteria.TEXT_IS_VALID_URL, []);
  }
  requireValueInList(values: string[], showDropdown = true): this {
    return this.set(DataValidationCriteria.VALUE_IN_LIST, [[...values], showDropdown]);
  }
  requireValueInRange(range: GAS.Spreadsheet.Range, showDropdown = true): this {
    return this.set(DataValidationCriteria.VALUE_IN_RANGE, [range, showDropdown]);
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this.spec.allowInvalid = allowInvalid;
    return this;
  }
  setHelpText(helpText: string): this {
    this.spec.helpText = helpText;
    return this;
  }
  withCriteria(criteria: Criteria, args: unknown[]): this {
    return this.set(criteria, [...args]);
  }
}
