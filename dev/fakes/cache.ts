/**
 * CacheService: document, script and per-user caches in memory, as Google documents them
 * (developers.google.com/apps-script/reference/cache/cache): string values; a key at most 250
 * characters, a value at most 100 KB; an entry lives `expirationInSeconds` (default 600, at most 21,600
 * = 6 hours) by the context's clock, and may be evicted earlier: evictAll() lets a test do that.
 * get/getAll/put/putAll/remove/removeAll each count as one call (a request to Google's cache).
 */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { FakeObject } from './fakeObject';

export const MAX_KEY_LENGTH = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const DEFAULT_EXPIRATION_SECONDS = 600;
export const MAX_EXPIRATION_SECONDS = 21_600;

interface Entry {
  value: string;
  expiresAt: number;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeCache extends GAS.Cache.Cache {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeCache extends FakeObject implements GAS.Cache.Cache {
  readonly entries = new Map<string, Entry>();

  constructor(ctx: FakeContext) {
    super(ctx, 'Cache');
  }

  private checkKey(key: unknown): string {
    if (typeof key !== 'string') throw this.ctx.error('Invalid argument: key');
    if (key.length > MAX_KEY_LENGTH) throw this.ctx.error('Argument too large: key');
    return key;
  }

  private entry(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.expiresAt <= this.ctx.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private store(key: string, value: unknown, expirationInSeconds?: number): void {
    const text = String(value);
    if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) throw this.ctx.error('Argument too large: value');
    const seconds = expirationInSeconds ?? DEFAULT_EXPIRATION_SECONDS;
    if (!Number.isFinite(seconds) || seconds < 1) throw this.ctx.error('Invalid argument: expirationInSeconds');
    const lifetime = Math.min(seconds, MAX_EXPIRATION_SECONDS) * 1000;
    this.entries.set(key, { value: text, expiresAt: this.ctx.now().getTime() + lifetime });
  }

  get(key: string): string | null {
    return this.entry(this.checkKey(key))?.value ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const entry = this.entry(this.checkKey(key));
      if (entry !== undefined) found[key] = entry.value;
    }
    return found;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this.store(this.checkKey(key), value, expirationInSeconds);
  }
  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    for (const [key, value] of Object.entries(values)) this.store(this.checkKey(key), value, expirationInSeconds);
  }
  remove(key: string): void {
    this.entries.delete(this.checkKey(key));
  }
  removeAll(keys: string[]): void {
    for (const key of keys) this.entries.delete(this.checkKey(key));
  }

  /** Test helper (not counted): Google may drop any entry at any time. */
  evictAll(): void {
    this.entries.clear();
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeCacheService extends GAS.Cache.CacheService {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeCacheService extends FakeObject implements GAS.Cache.CacheService {
  readonly script: FakeCache;
  readonly document: FakeCache;
  private readonly users = new Map<string, FakeCache>();

  constructor(ctx: FakeContext) {
    super(ctx, 'CacheService');
    this.script = new FakeCache(ctx);
    this.document = new FakeCache(ctx);
  }
  /** The user cache of `email` (test helper); getUserCache() uses the current user's. */
  userCache(email: string): FakeCache {
    let cache = this.users.get(email);
    if (!cache) {
      cache = new FakeCache(this.ctx);
      this.users.set(email, cache);
    }
    return cache;
  }
  /** The spreadsheet's cache: the script is bound to one, so it is never null here. */
  getDocumentCache(): FakeCache {
    return this.document;
  }
  getScriptCache(): FakeCache {
    return this.script;
  }
  getUserCache(): FakeCache {
    return this.userCache(this.ctx.user);
  }
}
