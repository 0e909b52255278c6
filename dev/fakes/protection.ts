/**
 * Protected sheets and ranges. Like Apps Script: a new protection mirrors the spreadsheet's own
 * permissions (every editor can still edit) until the script changes its editor list; the owner can
 * always edit; a warning-only protection does not stop anyone. Writes through Range check the
 * protections (see FakeSpreadsheet.assertCanEdit) for the user the code runs as.
 */
import GAS = GoogleAppsScript;
import { overlaps, type GridArea } from './a1';
import type { FakeContext } from './context';
import { ProtectionType } from './enums';
import { FakeObject, unwrap } from './fakeObject';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import { FakeUser } from './session';

type Implemented =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function emailOf(user: string | GAS.Base.User): string {
  return (typeof user === 'string' ? user : user.getEmail()).toLowerCase();
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeProtection extends GAS.Spreadsheet.Protection {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeProtection extends FakeObject implements Pick<GAS.Spreadsheet.Protection, Implemented> {
  description = '';
  warningOnly = false;
  domainEdit = true;
  /** undefined while the protection still mirrors the spreadsheet's editors. */
  editors: string[] | undefined;
  unprotected: FakeRange[] = [];
  removed = false;

  constructor(
    ctx: FakeContext,
    readonly type: GAS.Spreadsheet.ProtectionType,
    public range: FakeRange,
  ) {
    super(ctx, 'Protection');
  }

  get sheet(): FakeSheet {
    return this.range.sheet;
  }

  private ownEditors(): string[] {
    if (this.editors) return this.editors;
    this.editors = this.sheet.parent.editors.map((e) => e.toLowerCase());
    return this.editors;
  }

  /** Whether `email` may edit cells this protection covers. */
  allows(email: string): boolean {
    const user = email.toLowerCase();
    if (this.warningOnly || user === this.ctx.owner.toLowerCase()) return true;
    if (!this.editors) return this.sheet.parent.editors.some((e) => e.toLowerCase() === user);
    return this.editors.includes(user);
  }

  /** Whether this protection stops writes to `area` (a sheet protection spares its unprotected ranges). */
  covers(area: GridArea): boolean {
    if (this.type === ProtectionType.RANGE) return overlaps(this.range.area, area);
    return !this.unprotected.some((r) => {
      const u = r.area;
      return (
        area.row >= u.row &&
        area.column >= u.column &&
        area.row + area.numRows <= u.row + u.numRows &&
        area.column + area.numColumns <= u.column + u.numColumns
      );
    });
  }

  addEditor(user: string | GAS.Base.User): this {
    const email = emailOf(user);
    const editors = this.ownEditors();
    if (!editors.includes(email)) editors.push(email);
    return this;
  }
  addEditors(emails: string[]): this {
    for (const email of emails) this.addEditor(email);
    return this;
  }
  removeEditor(user: string | GAS.Base.User): this {
    const email = emailOf(user);
    // Apps Script keeps the owner and the user running the script.
    if (email === this.ctx.owner.toLowerCase() || email === this.ctx.user.toLowerCase()) {
      this.ownEditors();
      return this;
    }
    this.editors = this.ownEditors().filter((e) => e !== email);
    return this;
  }
  removeEditors(users: (string | GAS.Base.User)[]): this {
    for (const user of users) this.removeEditor(user);
    return this;
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    this.domainEdit = editable;
    return this;
  }
  canEdit(): boolean {
    return this.allows(this.ctx.user);
  }
  getDescription(): string {
    return this.description;
  }
  setDescription(description: string): this {
    this.description = description;
    return this;
  }
  getEditors(): FakeUser[] {
    const emails = new Set([
      this.ctx.owner.toLowerCase(),
      ...(this.editors ?? this.sheet.parent.editors.map((e) => e.toLowerCase())),
    ]);
    return [...emails].map((email) => new FakeUser(this.ctx, email));
  }
  getProtectionType(): GAS.Spreadsheet.ProtectionType {
    return this.type;
  }
  getRange(): FakeRange {
    return this.range;
  }
  setRange(range: GAS.Spreadsheet.Range): this {
    this.range = unwrap(range) as FakeRange;
    return this;
  }
  getUnprotectedRanges(): FakeRange[] {
    return [...this.unprotected];
  }
  setUnprotectedRanges(ranges: GAS.Spreadsheet.Range[]): this {
    this.unprotected = ranges.map((r) => unwrap(r) as FakeRange);
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = warningOnly;
    return this;
  }
  remove(): void {
    if (!this.canEdit()) throw this.ctx.error(PROTECTED_MESSAGE);
    this.removed = true;
    this.sheet.parent.protections = this.sheet.parent.protections.filter((p) => p !== this);
  }
}
