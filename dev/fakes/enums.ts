/**
 * Apps Script enums. The typings declare them as ambient TypeScript enums (no run-time object), so the
 * fakes build their own: each member's value is its name ('VALUE_IN_LIST'), which compares with ===
 * like the real members and prints like them (String(member) is the name in Apps Script too).
 */
import GAS = GoogleAppsScript;

function makeEnum<E>(names: readonly string[]): E {
  const members: Record<string, string> = {};
  for (const name of names) members[name] = name;
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
