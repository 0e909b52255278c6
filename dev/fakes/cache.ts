/**
 * CacheService: script, document and user caches in memory; values are strings, entries expire after
 * their seconds (600 by default, at most 21,600) by the runtime's clock. Kept minimal: what the
 * self-check («Самопроверка») uses, and what a cache of the add-on would.
 */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { FakeObject } from './fakeObject';

type Implemented = 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll';

const DEFAULT_SECONDS = 600;
const MAX_SECONDS = 21_600;

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeCache extends GAS.Cache.Cache {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeCache extends FakeObject implements Pick<GAS.Cache.Cache, Implemented> {
  readonly store = new Map<string, { value: string; until: number }>();

  constructor(ctx: FakeContext) {
    super(ctx, 'Cache');
  }
  get(key: string): string | null {
    const entry = this.store.get(key);
    if (entry === undefined) return null;
    if (entry.until <= this.ctx.now().getTime()) {
      this.store.delete(key);
      return null;
    }
    return entry.value;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) out[key] = value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = DEFAULT_SECONDS): void {
    const seconds = Math.min(Math.max(1, expirationInSeconds), MAX_SECONDS);
    this.store.set(key, { value: String(value), until: this.ctx.now().getTime() + seconds * 1000 });
  }
  putAll(values: Record<string, string>, expirationInSeconds = DEFAULT_SECONDS): void {
    for (const [key, value] of Object.entries(values)) this.put(key, value, expirationInSeconds);
  }
  remove(key: string): void {
    this.store.delete(key);
  }
  removeAll(keys: string[]): void {
    for (const key of keys) this.store.delete(key);
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
  getScriptCache(): GAS.Cache.Cache {
    return this.script;
  }
  getDocumentCache(): GAS.Cache.Cache {
    return this.document;
  }
  getUserCache(): GAS.Cache.Cache {
    const user = this.ctx.user;
    let cache = this.users.get(user);
    if (cache === undefined) {
      cache = new FakeCache(this.ctx);
      this.users.set(user, cache);
    }
    return cache;
  }
}
