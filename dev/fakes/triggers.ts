/**
 * ScriptApp: installable triggers (time-driven and spreadsheet), listed per user, with Apps Script's
 * limit of 20 triggers per user per script. The runtime fires a time-driven handler on demand
 * (runtime.fireTimeDriven). getOAuthToken and identity tokens are not faked.
 */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { AuthMode, AuthorizationStatus, EventType, InstallationSource, TriggerSource } from './enums';
import { FakeObject, unwrap } from './fakeObject';

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  timeZone?: string;
  at?: Date;
  after?: number;
}

export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeTrigger extends GAS.Script.Trigger {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeTrigger extends FakeObject implements GAS.Script.Trigger {
  constructor(
    ctx: FakeContext,
    readonly id: string,
    readonly handler: string,
    readonly eventType: GAS.Script.EventType,
    readonly source: GAS.Script.TriggerSource,
    readonly sourceId: string,
    /** Who created it: the trigger runs as this user. */
    readonly owner: string,
    readonly schedule: ClockSchedule,
  ) {
    super(ctx, 'Trigger');
  }
  getEventType(): GAS.Script.EventType {
    return this.eventType;
  }
  getHandlerFunction(): string {
    return this.handler;
  }
  getTriggerSource(): GAS.Script.TriggerSource {
    return this.source;
  }
  getTriggerSourceId(): string {
    return this.sourceId;
  }
  getUniqueId(): string {
    return this.id;
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeClockTriggerBuilder extends GAS.Script.ClockTriggerBuilder {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeClockTriggerBuilder extends FakeObject implements GAS.Script.ClockTriggerBuilder {
  readonly schedule: ClockSchedule = {};

  constructor(
    ctx: FakeContext,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {
    super(ctx, 'ClockTriggerBuilder');
  }
  private with(patch: ClockSchedule): this {
    Object.assign(this.schedule, patch);
    return this;
  }
  after(durationMilliseconds: number): this {
    return this.with({ after: durationMilliseconds });
  }
  at(date: Date): this {
    return this.with({ at: new Date(date.getTime()) });
  }
  atDate(year: number, month: number, day: number): this {
    return this.with({ at: new Date(Date.UTC(year, month - 1, day)) });
  }
  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw this.ctx.error('The hour must be between 0 and 23.');
    return this.with({ atHour: hour });
  }
  everyDays(n: number): this {
    return this.with({ everyDays: n });
  }
  everyHours(n: number): this {
    return this.with({ everyHours: n });
  }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n))
      throw this.ctx.error('The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.');
    return this.with({ everyMinutes: n });
  }
  everyWeeks(n: number): this {
    return this.with({ everyWeeks: n });
  }
  inTimezone(timezone: string): this {
    return this.with({ timeZone: timezone });
  }
  nearMinute(minute: number): this {
    return this.with({ nearMinute: minute });
  }
  onMonthDay(day: number): this {
    return this.with({ onMonthDay: day });
  }
  onWeekDay(day: GAS.Base.Weekday): this {
    return this.with({ onWeekDay: typeof day === 'number' ? WEEKDAYS[day] : String(day) });
  }
  create(): FakeTrigger {
    return this.app.addTrigger(this.handler, EventType.CLOCK, TriggerSource.CLOCK, '', { ...this.schedule });
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeSpreadsheetTriggerBuilder extends GAS.Script.SpreadsheetTriggerBuilder {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeSpreadsheetTriggerBuilder extends FakeObject implements GAS.Script.SpreadsheetTriggerBuilder {
  private eventType: GAS.Script.EventType | undefined;

  constructor(
    ctx: FakeContext,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {
    super(ctx, 'SpreadsheetTriggerBuilder');
  }
  onChange(): this {
    this.eventType = EventType.ON_CHANGE;
    return this;
  }
  onEdit(): this {
    this.eventType = EventType.ON_EDIT;
    return this;
  }
  onFormSubmit(): this {
    this.eventType = EventType.ON_FORM_SUBMIT;
    return this;
  }
  onOpen(): this {
    this.eventType = EventType.ON_OPEN;
    return this;
  }
  create(): FakeTrigger {
    if (this.eventType === undefined)
      throw this.ctx.error('Choose an event type (onOpen, onEdit, onChange, onFormSubmit) before create().');
    return this.app.addTrigger(this.handler, this.eventType, TriggerSource.SPREADSHEETS, this.spreadsheetId, {});
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeTriggerBuilder extends GAS.Script.TriggerBuilder {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeTriggerBuilder
  extends FakeObject
  implements Pick<GAS.Script.TriggerBuilder, 'timeBased' | 'forSpreadsheet'>
{
  constructor(
    ctx: FakeContext,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {
    super(ctx, 'TriggerBuilder');
  }
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.ctx, this.app, this.handler);
  }
  forSpreadsheet(sheet: GAS.Spreadsheet.Spreadsheet | string): FakeSpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    return new FakeSpreadsheetTriggerBuilder(this.ctx, this.app, this.handler, id);
  }
}

type Implemented =
  | 'deleteTrigger'
  | 'getAuthorizationInfo'
  | 'getInstallationSource'
  | 'getProjectTriggers'
  | 'getScriptId'
  | 'getUserTriggers'
  | 'newTrigger';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeScriptApp extends GAS.Script.ScriptApp {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeScriptApp
  extends FakeObject
  implements
    Pick<
      GAS.Script.ScriptApp,
      Implemented | 'AuthMode' | 'AuthorizationStatus' | 'EventType' | 'InstallationSource' | 'TriggerSource'
    >
{
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly InstallationSource = InstallationSource;
  readonly TriggerSource = TriggerSource;
  /** Every installed trigger of the project, all users. */
  triggers: FakeTrigger[] = [];
  private nextId = 1;

  constructor(
    ctx: FakeContext,
    readonly scriptId = '1FakeScriptId',
  ) {
    super(ctx, 'ScriptApp');
  }

  /** Installs a trigger for the current user (used by the builders). */
  addTrigger(
    handler: string,
    eventType: GAS.Script.EventType,
    source: GAS.Script.TriggerSource,
    sourceId: string,
    schedule: ClockSchedule,
  ): FakeTrigger {
    const owner = this.ctx.user;
    if (this.triggers.filter((t) => t.owner === owner).length >= 20) throw this.ctx.error(TOO_MANY_TRIGGERS);
    const trigger = unwrap(
      new FakeTrigger(this.ctx, String(this.nextId++), handler, eventType, source, sourceId, owner, schedule),
    );
    this.triggers.push(trigger);
    return trigger;
  }

  newTrigger(functionName: string): FakeTriggerBuilder {
    return new FakeTriggerBuilder(this.ctx, this, functionName);
  }
  getProjectTriggers(): FakeTrigger[] {
    return this.triggers.filter((t) => t.owner === this.ctx.user);
  }
  getUserTriggers(document: { getId(): string }): FakeTrigger[] {
    const id = document.getId();
    return this.triggers.filter((t) => t.owner === this.ctx.user && t.sourceId === id);
  }
  deleteTrigger(trigger: GAS.Script.Trigger): void {
    const raw = unwrap(trigger);
    this.triggers = this.triggers.filter((t) => t !== raw && t.id !== trigger.getUniqueId());
  }
  getScriptId(): string {
    return this.scriptId;
  }
  getInstallationSource(): GAS.Script.InstallationSource {
    return InstallationSource.NONE;
  }
  getAuthorizationInfo(): GAS.Script.AuthorizationInfo {
    return {
      getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED,
      getAuthorizationUrl: () => '',
      getAuthorizedScopes: () => [],
    } as unknown as GAS.Script.AuthorizationInfo;
  }
}
