/**
 * The node:vm context the built bundle runs in: the fake services, `console`, the vm's own `Date` (the
 * runtime's clock in the script's time zone, see fakes/vmDate.ts) and nothing else Apps Script lacks.
 */
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import type { FakeContext, Realm } from './fakes/context';
import type { FakeServices } from './fakes/services';
import { VM_DATE_SHIM, vmDateHost, type VmDateHost } from './fakes/vmDate';

/**
 * Web and Node globals Apps Script's V8 runtime does not have. The bundle sees them as undefined (so
 * `new URL(…)` fails as it would in Apps Script), and each one it touches is reported through
 * `onMissing`, because code that catches the failure (`try { new URL(x) } catch { … }`) would otherwise
 * fail silently, here and in production.
 */
export const MISSING_GLOBALS = [
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'setTimeout',
  'setInterval',
  'fetch',
  'structuredClone',
  'atob',
  'btoa',
  'Buffer',
] as const;

export type BundleFunction = (...args: unknown[]) => unknown;

export interface LoadedBundle {
  realm: Realm;
  /** The bundle's top-level functions, as the vm defined them (not yet wrapped). */
  functions: Record<string, BundleFunction>;
}

export function loadBundleSandbox(
  codePath: string,
  ctx: FakeContext,
  services: FakeServices,
  globals: Record<string, unknown>,
  onMissing: (name: string) => void,
): LoadedBundle {
  const code = readFileSync(codePath, 'utf8');
  const sandbox: Record<string, unknown> = { ...services, console, ...globals };
  for (const name of MISSING_GLOBALS) {
    if (name in sandbox) continue;
    Object.defineProperty(sandbox, name, {
      configurable: true,
      get() {
        onMissing(name);
        return undefined;
      },
    });
  }
  const context = createContext(sandbox);
  const install = runInContext(VM_DATE_SHIM, context) as (host: VmDateHost) => Realm;
  const realm = install(
    vmDateHost(
      () => ctx.now(),
      () => ctx.timeZone,
    ),
  );
  runInContext(code, context, { filename: codePath });
  const reserved = new Set<string>([
    ...Object.keys(services),
    'console',
    'Date',
    ...MISSING_GLOBALS,
    ...Object.keys(globals),
  ]);
  const functions: Record<string, BundleFunction> = {};
  for (const name of Object.keys(sandbox)) {
    const value = sandbox[name];
    if (!reserved.has(name) && typeof value === 'function') functions[name] = value as BundleFunction;
  }
  return { realm, functions };
}
