/**
 * The base of every fake service object. An instance is handed out as a Proxy that
 *  - counts each call of a real Apps Script method ('Range.getValues') made from outside the fakes and
 *    checks the execution context may make it (see FakeContext.beforeCall);
 *  - throws "not implemented in fake: Range.xxx" for a real method the fake does not implement (the
 *    method lists are generated from @types/google-apps-script: gasMethods.generated.ts);
 *  - hands results back in the caller's realm (arrays and dates of the node:vm context) and never leaks
 *    an unwrapped fake.
 * Methods run on the unwrapped object, so what a fake does internally is neither counted nor checked.
 * Fake-only helpers (anything not in the real interface) are not counted.
 */
import type { FakeContext } from './context';
import type { ServiceName } from './gasInterfaces';
import { GAS_METHODS } from './gasMethods.generated';

const publicOf = new WeakMap<object, object>();
const rawOf = new WeakMap<object, object>();
const METHOD_SETS = new Map<string, ReadonlySet<string>>();

function methodSet(service: ServiceName): ReadonlySet<string> {
  let set = METHOD_SETS.get(service);
  if (!set) {
    set = new Set<string>(GAS_METHODS[service]);
    METHOD_SETS.set(service, set);
  }
  return set;
}

/** The object behind a fake's proxy (or the value itself). */
export function unwrap<T>(value: T): T {
  return (typeof value === 'object' && value !== null ? (rawOf.get(value) as T | undefined) : undefined) ?? value;
}

/** The proxy of an unwrapped fake (or the value itself): what callers must be handed. */
export function expose<T>(value: T): T {
  return (typeof value === 'object' && value !== null ? (publicOf.get(value) as T | undefined) : undefined) ?? value;
}

function toPublic(value: unknown, ctx: FakeContext, outer: boolean): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const proxy = publicOf.get(value);
  if (proxy) return proxy;
  if (Array.isArray(value)) {
    const mapped = value.map((item: unknown) => toPublic(item, ctx, outer));
    return outer ? ctx.toRealm(mapped) : mapped;
  }
  return outer ? ctx.toRealm(value) : value;
}

function notImplemented(ctx: FakeContext, service: string, method: string): () => never {
  return () => {
    throw ctx.error(`not implemented in fake: ${service}.${method}`);
  };
}

export abstract class FakeObject {
  protected readonly ctx: FakeContext;
  /** The Apps Script interface this fake stands in for, as counted: 'Range', 'Sheet'... */
  readonly fakeService: ServiceName;

  constructor(ctx: FakeContext, service: ServiceName) {
    this.ctx = ctx;
    this.fakeService = service;
    const methods = methodSet(service);
    const wrappers = new Map<string, unknown>();
    const proxy = new Proxy(this, {
      get(target, prop, receiver) {
        if (typeof prop !== 'string') return Reflect.get(target, prop, receiver);
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') {
          if (value === undefined && methods.has(prop) && !(prop in target)) return notImplemented(ctx, service, prop);
          return value;
        }
        if (prop === 'constructor' || (Object.prototype as Record<string, unknown>)[prop] === value) return value;
        let wrapper = wrappers.get(prop);
        if (!wrapper) {
          const counted = methods.has(prop);
          const name = `${service}.${prop}`;
          const fn = value as (...args: unknown[]) => unknown;
          wrapper = function (...args: unknown[]): unknown {
            const outer = ctx.depth === 0;
            if (outer && counted) ctx.beforeCall(name);
            ctx.depth++;
            try {
              return toPublic(fn.apply(target, args), ctx, outer);
            } finally {
              ctx.depth--;
            }
          };
          wrappers.set(prop, wrapper);
        }
        return wrapper;
      },
    });
    publicOf.set(this, proxy);
    rawOf.set(proxy, this);
    return proxy;
  }

  /** The context this fake belongs to (the runtime adopts a loaded spreadsheet's context). */
  get fakeContext(): FakeContext {
    return this.ctx;
  }
}
