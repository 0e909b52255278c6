/** PropertiesService: script, user (one store per user) and document properties, in memory; values are strings. */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { FakeObject } from './fakeObject';

type Implemented =
  | 'deleteAllProperties'
  | 'deleteProperty'
  | 'getKeys'
  | 'getProperties'
  | 'getProperty'
  | 'setProperties'
  | 'setProperty';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeProperties extends GAS.Properties.Properties {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeProperties extends FakeObject implements Pick<GAS.Properties.Properties, Implemented> {
  readonly store = new Map<string, string>();

  constructor(ctx: FakeContext) {
    super(ctx, 'Properties');
  }
  deleteAllProperties(): this {
    this.store.clear();
    return this;
  }
  deleteProperty(key: string): this {
    this.store.delete(key);
    return this;
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    if (deleteAllOthers) this.store.clear();
    for (const [key, value] of Object.entries(properties)) this.store.set(key, String(value));
    return this;
  }
  setProperty(key: string, value: unknown): this {
    this.store.set(key, String(value));
    return this;
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakePropertiesService extends GAS.Properties.PropertiesService {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakePropertiesService extends FakeObject implements GAS.Properties.PropertiesService {
  readonly script: FakeProperties;
  readonly document: FakeProperties;
  private readonly users = new Map<string, FakeProperties>();

  constructor(ctx: FakeContext) {
    super(ctx, 'PropertiesService');
    this.script = new FakeProperties(ctx);
    this.document = new FakeProperties(ctx);
  }
  /** The user store of `email` (test helper); getUserProperties() uses the current user's. */
  userStore(email: string): FakeProperties {
    let store = this.users.get(email);
    if (!store) {
      store = new FakeProperties(this.ctx);
      this.users.set(email, store);
    }
    return store;
  }
  getScriptProperties(): FakeProperties {
    return this.script;
  }
  getDocumentProperties(): FakeProperties {
    return this.document;
  }
  getUserProperties(): FakeProperties {
    return this.userStore(this.ctx.user);
  }
}
