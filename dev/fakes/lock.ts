/**
 * LockService: script, document and per-user locks. Nothing runs concurrently here, so "someone else"
 * is simulated: `holdElsewhere('script')` marks the script lock taken by another execution, and then
 * tryLock returns false and waitLock throws Apps Script's timeout. Locks still held when an execution
 * ends are released (`releaseAll`, called by the runtime), as Apps Script does.
 */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { FakeObject } from './fakeObject';

export type LockScope = 'script' | 'document' | 'user';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

interface Slot {
  holder: FakeLock | 'elsewhere' | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeLock extends GAS.Lock.Lock {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeLock extends FakeObject implements GAS.Lock.Lock {
  constructor(
    ctx: FakeContext,
    private readonly slot: Slot,
    private readonly service: FakeLockService,
  ) {
    super(ctx, 'Lock');
  }
  hasLock(): boolean {
    return this.slot.holder === this;
  }
  releaseLock(): void {
    if (this.slot.holder === this) this.slot.holder = undefined;
  }
  tryLock(timeoutInMillis: number): boolean {
    if (this.slot.holder === this) return true;
    if (this.slot.holder !== undefined) {
      this.service.waited += timeoutInMillis;
      return false;
    }
    this.slot.holder = this;
    this.service.acquired++;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw this.ctx.error(LOCK_TIMEOUT_MESSAGE);
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeLockService extends GAS.Lock.LockService {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeLockService extends FakeObject implements GAS.Lock.LockService {
  private readonly slots = new Map<string, Slot>();
  /** How many times a lock was taken. */
  acquired = 0;
  /** Milliseconds callers would have waited for locks held elsewhere. */
  waited = 0;

  constructor(ctx: FakeContext) {
    super(ctx, 'LockService');
  }

  private slot(scope: LockScope, user?: string): Slot {
    const key = scope === 'user' ? `user:${user ?? this.ctx.user}` : scope;
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { holder: undefined };
      this.slots.set(key, slot);
    }
    return slot;
  }

  /** Marks the lock as held by another execution (test helper). */
  holdElsewhere(scope: LockScope = 'script', user?: string): this {
    this.slot(scope, user).holder = 'elsewhere';
    return this;
  }
  /** Lets the other execution release it (test helper). */
  releaseElsewhere(scope: LockScope = 'script', user?: string): this {
    const slot = this.slot(scope, user);
    if (slot.holder === 'elsewhere') slot.holder = undefined;
    return this;
  }
  /** Whether this execution still holds the lock (test helper: an operation must release it). */
  isHeld(scope: LockScope = 'script', user?: string): boolean {
    const holder = this.slot(scope, user).holder;
    return holder !== undefined && holder !== 'elsewhere';
  }
  /** Releases every lock this execution holds (the end of an execution). */
  releaseAll(): void {
    for (const slot of this.slots.values()) if (slot.holder !== 'elsewhere') slot.holder = undefined;
  }

  getScriptLock(): FakeLock {
    return new FakeLock(this.ctx, this.slot('script'), this);
  }
  getDocumentLock(): FakeLock {
    return new FakeLock(this.ctx, this.slot('document'), this);
  }
  getUserLock(): FakeLock {
    return new FakeLock(this.ctx, this.slot('user'), this);
  }
}
