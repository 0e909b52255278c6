/**
 * The state every fake shares within one runtime: the call counter, who is running what in which
 * context (editor, simple trigger, menu, time-driven trigger, sidebar call), the clock, and the realm
 * (the node:vm context of a loaded bundle) that values handed back to the caller must belong to.
 */
import { CallCounter } from './callCounter';
import { refusal, type AuthModeName, type ExecutionKind } from './permissions';

export type { AuthModeName, ExecutionKind } from './permissions';

/** The constructors of the realm that receives the fakes' results (a vm context's own Array, Date...). */
export interface Realm {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
}

export interface FakeContextOptions {
  /** The spreadsheet's owner and the script's author (e-mail). */
  owner?: string;
  /** The user at the keyboard (e-mail); defaults to the owner. */
  user?: string;
  now?: Date | (() => Date);
  /** The script's time zone (appsscript.json); defaults to Europe/Moscow. */
  timeZone?: string;
}

export interface Execution {
  kind: ExecutionKind;
  authMode: AuthModeName;
  /** Who is at the keyboard (simple trigger, menu, sidebar) or who installed the trigger (time-driven). */
  user: string;
}

const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export class FakeContext {
  readonly calls = new CallCounter();
  /** >0 while a fake method runs: calls a fake makes to another fake are not counted or checked. */
  depth = 0;
  owner: string;
  defaultUser: string;
  timeZone: string;
  realm: Realm | undefined;
  execution: Execution;
  private clock: () => Date;
  /** Armed faults (failOn): the call of `name` that brings `left` to 0 throws `message`. */
  private faults: Array<{ name: string; left: number; message: string }> = [];

  constructor(options: FakeContextOptions = {}) {
    this.owner = options.owner ?? 'owner@example.ru';
    this.defaultUser = options.user ?? this.owner;
    this.timeZone = options.timeZone ?? 'Europe/Moscow';
    this.clock = FakeContext.clockOf(options.now);
    this.execution = { kind: 'editor', authMode: 'FULL', user: this.defaultUser };
  }

  static clockOf(now: Date | (() => Date) | undefined): () => Date {
    if (typeof now === 'function') return now;
    if (now) {
      const fixed = now.getTime();
      return () => new Date(fixed);
    }
    return () => new Date();
  }

  now(): Date {
    return new Date(this.clock().getTime());
  }

  setNow(now: Date | (() => Date)): void {
    this.clock = FakeContext.clockOf(now);
  }

  /** The user whose rights writes are checked against (the effective user). */
  get user(): string {
    return this.execution.user;
  }

  /**
   * What Session.getActiveUser().getEmail() returns: in a simple trigger Apps Script hides the user
   * unless they share a Workspace domain with the owner; elsewhere the user is known.
   */
  visibleActiveUser(): string {
    const { kind, user } = this.execution;
    if (kind !== 'simple') return user;
    const domain = domainOf(user);
    return domain === domainOf(this.owner) && !CONSUMER_DOMAINS.has(domain) ? user : '';
  }

  /** Runs `fn` as `kind` for `user`, restoring the previous execution afterwards. */
  run<T>(execution: Partial<Execution> & { kind: ExecutionKind }, fn: () => T): T {
    const previous = this.execution;
    this.execution = {
      kind: execution.kind,
      authMode: execution.authMode ?? (execution.kind === 'simple' ? 'LIMITED' : 'FULL'),
      user: execution.user ?? this.defaultUser,
    };
    try {
      return fn();
    } finally {
      this.execution = previous;
    }
  }

  /** Counts an outside call and throws if the current context may not make it, or a fault is due. */
  beforeCall(name: string): void {
    this.calls.record(name);
    const message = refusal(this.execution.kind, this.execution.authMode, name);
    if (message) throw this.error(message);
    let due: string | undefined;
    for (const fault of this.faults) if (fault.name === name && --fault.left === 0) due ??= fault.message;
    if (due !== undefined) {
      this.faults = this.faults.filter((fault) => fault.left > 0);
      throw this.error(due);
    }
  }

  /**
   * Fault injection: the `nth` call of `name` ('Range.setValues') from now on, counted from outside the
   * fakes, throws `message` instead of running (it changes nothing), as a service error in the middle of
   * an operation would. Each call arms one fault.
   */
  failOn(name: string, nth = 1, message = `Service error: ${name.split('.')[0] ?? name}`): this {
    if (!Number.isInteger(nth) || nth < 1) throw new RangeError(`failOn: nth must be a whole number ≥ 1: ${nth}`);
    this.faults.push({ name, left: nth, message });
    return this;
  }

  /** An Apps Script exception (name 'Exception'), created in the caller's realm. */
  error(message: string): Error {
    const ErrorCtor = this.realm?.Error ?? Error;
    const error = new ErrorCtor(message);
    error.name = 'Exception';
    return error;
  }

  /** Converts a value handed back to the caller into the caller's realm (arrays, dates, plain objects). */
  toRealm(value: unknown): unknown {
    const realm = this.realm;
    if (!realm || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return realm.Array.from(value, (item: unknown) => this.toRealm(item));
    if (isDate(value)) return new realm.Date(value.getTime());
    if (Object.getPrototypeOf(value) === Object.prototype) {
      const copy = new realm.Object() as Record<string, unknown>;
      for (const [key, item] of Object.entries(value)) copy[key] = this.toRealm(item);
      return copy;
    }
    return value;
  }
}

/** A Date from any realm (instanceof fails across node:vm contexts). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
