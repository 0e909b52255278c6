/** SpreadsheetApp: the bound (active) spreadsheet, its Ui, the rule builders, enums, flush. */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { FakeConditionalFormatRuleBuilder } from './conditionalFormat';
import { FakeDataValidationBuilder } from './dataValidation';
import {
  BooleanCriteria,
  DataValidationCriteria,
  Dimension,
  ProtectionType,
  RelativeDate,
  SheetType,
  WrapStrategy,
} from './enums';
import { FakeObject } from './fakeObject';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeUi } from './ui';

type Implemented =
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'setActiveSheet';
type Enums =
  | 'BooleanCriteria'
  | 'DataValidationCriteria'
  | 'Dimension'
  | 'ProtectionType'
  | 'RelativeDate'
  | 'SheetType'
  | 'WrapStrategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeSpreadsheetApp extends GAS.Spreadsheet.SpreadsheetApp {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeSpreadsheetApp
  extends FakeObject
  implements Pick<GAS.Spreadsheet.SpreadsheetApp, Implemented | Enums>
{
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly Dimension = Dimension;
  readonly ProtectionType = ProtectionType;
  readonly RelativeDate = RelativeDate;
  readonly SheetType = SheetType;
  readonly WrapStrategy = WrapStrategy;
  /** How many times flush() was called. */
  flushes = 0;

  constructor(
    ctx: FakeContext,
    readonly spreadsheet: FakeSpreadsheet,
    readonly ui: FakeUi,
  ) {
    super(ctx, 'SpreadsheetApp');
  }

  getActive(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  getActiveSheet(): FakeSheet {
    return this.spreadsheet.getActiveSheet();
  }
  getActiveRange(): FakeRange {
    return this.spreadsheet.getActiveSheet().getRange(1, 1);
  }
  setActiveSheet(sheet: GAS.Spreadsheet.Sheet): FakeSheet {
    return this.spreadsheet.setActiveSheet(sheet);
  }
  openById(id: string): FakeSpreadsheet {
    if (id !== this.spreadsheet.id) throw this.ctx.error(`Requested entity was not found: ${id}`);
    return this.spreadsheet;
  }
  getUi(): FakeUi {
    return this.ui;
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.ctx);
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.ctx);
  }
  flush(): void {
    this.flushes++;
  }
}
