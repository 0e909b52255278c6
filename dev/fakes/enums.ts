/**
 * Apps Script enums. The typings declare them as ambient TypeScript enums (no run-time object), so the
 * fakes build their own. Like Apps Script's, each member is an object that compares by identity and
 * prints as its name (String(SpreadsheetApp.ProtectionType.RANGE) === 'RANGE'; JSON gives the name too),
 * so code cannot mistake a member for a string argument.
 */
import GAS = GoogleAppsScript;

export class EnumMember {
  constructor(
    private readonly memberName: string,
    private readonly index: number,
  ) {
    Object.freeze(this);
  }
  name(): string {
    return this.memberName;
  }
  ordinal(): number {
    return this.index;
  }
  toString(): string {
    return this.memberName;
  }
  toJSON(): string {
    return this.memberName;
  }
}

export function makeEnum<E>(names: readonly string[]): E {
  const members: Record<string, EnumMember> = {};
  names.forEach((name, index) => {
    members[name] = new EnumMember(name, index);
  });
  return Object.freeze(members) as unknown as E;
}

export const BooleanCriteria = makeEnum<typeof GAS.Spreadsheet.BooleanCriteria>([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);

export const DataValidationCriteria = makeEnum<typeof GAS.Spreadsheet.DataValidationCriteria>([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

export const ProtectionType = makeEnum<typeof GAS.Spreadsheet.ProtectionType>(['RANGE', 'SHEET']);
export const SheetType = makeEnum<typeof GAS.Spreadsheet.SheetType>(['GRID', 'OBJECT', 'DATASOURCE']);
export const Dimension = makeEnum<typeof GAS.Spreadsheet.Dimension>(['COLUMNS', 'ROWS']);
export const WrapStrategy = makeEnum<typeof GAS.Spreadsheet.WrapStrategy>(['WRAP', 'OVERFLOW', 'CLIP']);
export const RelativeDate = makeEnum<typeof GAS.Spreadsheet.RelativeDate>([
  'TODAY',
  'TOMORROW',
  'YESTERDAY',
  'PAST_WEEK',
  'PAST_MONTH',
  'PAST_YEAR',
]);

export const Button = makeEnum<typeof GAS.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum<typeof GAS.Base.ButtonSet>(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);

export const AuthMode = makeEnum<typeof GAS.Script.AuthMode>(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const EventType = makeEnum<typeof GAS.Script.EventType>([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const TriggerSource = makeEnum<typeof GAS.Script.TriggerSource>([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);
export const AuthorizationStatus = makeEnum<typeof GAS.Script.AuthorizationStatus>(['REQUIRED', 'NOT_REQUIRED']);
export const InstallationSource = makeEnum<typeof GAS.Script.InstallationSource>([
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);

export const SandboxMode = makeEnum<typeof GAS.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = makeEnum<typeof GAS.HTML.XFrameOptionsMode>(['ALLOWALL', 'DEFAULT']);
