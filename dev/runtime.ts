/**
 * Runs the built add-on (build/Code.js) offline: the bundle is loaded into a fresh node:vm context whose
 * only globals are the fake Apps Script services, `console`, and a `Date` whose `new Date()` /
 * `Date.now()` read the runtime's clock, so "today" can be set, and whose local time is the script's
 * time zone, as in Apps Script (see fakes/vmDate.ts). Like Apps Script's V8 runtime there is
 * no `require`, `process`, `URL`, `setTimeout` or `TextEncoder`: touching one is reported (see
 * MISSING_GLOBALS); pass `globals` to add some anyway.
 *
 *   const rt = createRuntime({ now: new Date('2024-03-05T09:00:00+03:00'), user: 'clerk@shpak.ru' });
 *   const bundle = rt.loadBundle();
 *   rt.simulateOpen();                                  // onOpen as a simple trigger
 *   rt.ui.menu('Реестр страниц')?.items;                // the menu it added
 *   rt.menu('menuCheckRegister');                       // a menu item, with the user's authorisation
 *   const { calls } = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
 *   calls.roundTrips;                                   // service calls of that operation
 *   rt.mail;                                            // what MailApp sent
 *
 * Values crossing into the bundle are converted to the vm's own Array/Date/Error, so `instanceof`
 * works inside the bundle as in Apps Script.
 */
import { SHEET_NAMES } from '../src/domain/columns';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import type { CallCounter, CallSnapshot } from './fakes/callCounter';
import { FakeContext, isDate, type ExecutionKind, type AuthModeName, type Realm } from './fakes/context';
import { FakeObject, expose, unwrap } from './fakes/fakeObject';
import type { SentMail } from './fakes/mail';
import type { FakeRange } from './fakes/range';
import { createServices, type FakeServices } from './fakes/services';
import { FakeSpreadsheet, type FakeSpreadsheetOptions } from './fakes/spreadsheet';
import type { FakeUi } from './fakes/ui';
import { AuthMode, EventType } from './fakes/enums';
import { toSerial, wallTime } from './fakes/timeZones';
import { VM_DATE_SHIM, vmDateHost, type VmDateHost } from './fakes/vmDate';

export const REPO_ROOT = join(__dirname, '..');

export interface RuntimeOptions {
  /** The bound spreadsheet; a new one with the sheet «Лист1» by default. */
  spreadsheet?: FakeSpreadsheet;
  /** The user at the keyboard; defaults to the owner. */
  user?: string;
  /** The spreadsheet's owner and the script's author. */
  owner?: string;
  /** Other users who may edit the spreadsheet. */
  editors?: string[];
  /** "Now" for the bundle's `new Date()` and for the fakes. */
  now?: Date | (() => Date);
  /** Script time zone (and a new spreadsheet's), Europe/Moscow by default. */
  timeZone?: string;
  /** MailApp recipients a day (100). */
  mailQuota?: number;
  /** Where HtmlService finds pages and loadBundle finds Code.js (build/). */
  buildDir?: string;
  /** Echo Logger.log to the console. */
  logToConsole?: boolean;
  /** Extra globals for the bundle (e.g. { URL } — which real Apps Script does NOT have). */
  globals?: Record<string, unknown>;
}

/**
 * Web and Node globals Apps Script's V8 runtime does not have. The bundle sees them as undefined (so
 * `new URL(…)` fails as it would in Apps Script), and each one it touches is recorded in
 * `runtime.missingGlobals` and reported once on the console, because code that catches the failure
 * (`try { new URL(x) } catch { … }`) would otherwise fail silently, here and in production.
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
export type Bundle = Record<string, BundleFunction>;

export interface Execution {
  kind: ExecutionKind;
  user?: string;
  authMode?: AuthModeName;
}

export interface Runtime {
  ctx: FakeContext;
  services: FakeServices;
  spreadsheet: FakeSpreadsheet;
  ui: FakeUi;
  calls: CallCounter;
  /** Every message MailApp sent (live). */
  mail: SentMail[];
  /** The last loaded bundle's top-level functions. */
  bundle: Bundle;
  /** Globals Apps Script lacks that the bundle tried to use (see MISSING_GLOBALS). */
  missingGlobals: string[];
  loadBundle(codePath?: string): Bundle;
  runAs<T>(kind: ExecutionKind | Execution, fn: () => T): T;
  runAs<T>(kind: ExecutionKind, user: string | undefined, fn: () => T): T;
  /** Calls a menu handler of the bundle as `user` (Apps Script's error when there is no such function). */
  menu(handler: string, user?: string): unknown;
  /** onOpen({ authMode, source, user }) as a simple trigger. */
  simulateOpen(user?: string, authMode?: AuthModeName): unknown;
  /**
   * A person edits `range`: with `value`, it is written first as that user would type it; then the
   * bundle's onEdit (if any) runs as a simple trigger with the event object.
   */
  simulateEdit(range: GoogleAppsScript.Spreadsheet.Range | string, edit?: EditOptions | unknown): unknown;
  /** Runs the handler of an installed time-driven trigger as its creator, with a clock event. */
  fireTimeDriven(handler: string, options?: { requireTrigger?: boolean }): unknown;
  /** google.script.run from the sidebar: arguments and result cross as JSON, a Date among them fails. */
  scriptRun(name: string, ...args: unknown[]): unknown;
  /** Runs `fn` without counting or checking its calls (a test looking at the sheet). */
  quietly<T>(fn: () => T): T;
  /** Runs `fn` as one operation: resets the counter and returns the calls it made. */
  measure<T>(fn: () => T): { result: T; calls: CallSnapshot };
  setNow(now: Date | (() => Date)): void;
}

export interface EditOptions {
  value?: unknown;
  oldValue?: unknown;
  user?: string;
}

/** A new fake spreadsheet with its own context, to fill before createRuntime({ spreadsheet }). */
export function createSpreadsheet(
  options: FakeSpreadsheetOptions & { owner?: string; timeZone?: string } = {},
): FakeSpreadsheet {
  const ctx = new FakeContext({ owner: options.owner, timeZone: options.timeZone });
  return new FakeSpreadsheet(ctx, options);
}

function isEditOptions(value: unknown): value is EditOptions {
  if (typeof value !== 'object' || value === null || isDate(value) || Array.isArray(value)) return false;
  return Object.keys(value).every((key) => key === 'value' || key === 'oldValue' || key === 'user');
}

/** How an onEdit event carries a value: a string, as Apps Script passes it. */
function eventValue(value: unknown, timeZone: string): string {
  if (isDate(value)) return String(toSerial(value, timeZone));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value ?? '');
}

function containsForbidden(value: unknown): boolean {
  if (isDate(value) || typeof value === 'function') return true;
  if (Array.isArray(value)) return value.some(containsForbidden);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsForbidden);
  return false;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const given = options.spreadsheet ? unwrap(options.spreadsheet) : undefined;
  const ctx = given ? given.fakeContext : new FakeContext();
  if (options.owner) ctx.owner = options.owner;
  ctx.defaultUser = options.user ?? options.owner ?? ctx.defaultUser;
  ctx.execution = { kind: 'editor', authMode: 'FULL', user: ctx.defaultUser };
  if (options.timeZone) ctx.timeZone = options.timeZone;
  if (options.now) ctx.setNow(options.now);
  const sheetBook = given ?? unwrap(new FakeSpreadsheet(ctx, { timeZone: ctx.timeZone }));
  // «Обзор» is computed by dev/formulaEngine.ts, not by the fakes' engine (FakeSpreadsheet.uncomputedSheets).
  sheetBook.uncomputedSheets.add(SHEET_NAMES.overview);
  const book = expose(sheetBook);
  for (const editor of options.editors ?? []) if (!sheetBook.editors.includes(editor)) sheetBook.editors.push(editor);
  const buildDir = options.buildDir ?? join(REPO_ROOT, 'build');
  const services = createServices(ctx, sheetBook, {
    buildDir,
    mail: { dailyQuota: options.mailQuota },
    logToConsole: options.logToConsole,
  });
  const lockService = unwrap(services.LockService);
  let realm: Realm | undefined;
  let bundle: Bundle = {};
  let bundleDepth = 0;

  const wrapBundleFunction =
    (fn: BundleFunction): BundleFunction =>
    (...args: unknown[]) => {
      const previous = ctx.realm;
      ctx.realm = realm;
      bundleDepth++;
      try {
        return fn(...args.map((a) => (ctx.realm && !(a instanceof FakeObject) ? ctx.toRealm(a) : a)));
      } finally {
        bundleDepth--;
        ctx.realm = previous;
        if (bundleDepth === 0) lockService.releaseAll();
      }
    };

  function loadBundle(codePath = join(buildDir, 'Code.js')): Bundle {
    const code = readFileSync(codePath, 'utf8');
    const sandbox: Record<string, unknown> = { ...services, console, ...(options.globals ?? {}) };
    for (const name of MISSING_GLOBALS) {
      if (name in sandbox) continue;
      Object.defineProperty(sandbox, name, {
        configurable: true,
        get() {
          if (!runtime.missingGlobals.includes(name)) {
            runtime.missingGlobals.push(name);
            console.warn(
              `[fake Apps Script] the bundle used ${name}, which Apps Script's V8 runtime does not have: this code fails there.`,
            );
          }
          return undefined;
        },
      });
    }
    const context = createContext(sandbox);
    const install = runInContext(VM_DATE_SHIM, context) as (host: VmDateHost) => Realm;
    realm = install(
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
      ...Object.keys(options.globals ?? {}),
    ]);
    bundle = {};
    for (const name of Object.keys(sandbox)) {
      if (reserved.has(name)) continue;
      const value = sandbox[name];
      if (!reserved.has(name) && typeof value === 'function')
        bundle[name] = wrapBundleFunction(value as BundleFunction);
    }
    runtime.bundle = bundle;
    return bundle;
  }

  function runAs<T>(kind: ExecutionKind | Execution, userOrFn: string | undefined | (() => T), maybeFn?: () => T): T {
    const execution: Execution = typeof kind === 'string' ? { kind } : kind;
    const fn = typeof userOrFn === 'function' ? userOrFn : maybeFn;
    if (typeof userOrFn === 'string') execution.user = userOrFn;
    if (!fn) throw new Error('runAs needs a function');
    try {
      return ctx.run(execution, fn);
    } finally {
      if (bundleDepth === 0) lockService.releaseAll();
    }
  }

  function bundleFunction(name: string): BundleFunction {
    const fn = bundle[name];
    if (!fn) throw ctx.error(`Script function not found: ${name}`);
    return fn;
  }

  function userObject(): unknown {
    return unwrap(services.Session).getActiveUser();
  }

  const runtime: Runtime = {
    ctx,
    services,
    spreadsheet: book,
    ui: unwrap(services.SpreadsheetApp).ui,
    calls: ctx.calls,
    mail: unwrap(services.MailApp).sent,
    bundle,
    missingGlobals: [],
    loadBundle,
    runAs: runAs as Runtime['runAs'],
    menu(handler, user) {
      return runAs({ kind: 'menu', user }, () => bundleFunction(handler)());
    },
    simulateOpen(user, authMode = 'LIMITED') {
      const onOpen = bundle.onOpen;
      if (!onOpen) return undefined;
      return runAs({ kind: 'simple', user, authMode }, () =>
        onOpen({ authMode: AuthMode[authMode], source: book, user: userObject() }),
      );
    },
    simulateEdit(target, edit) {
      const options: EditOptions = isEditOptions(edit) ? edit : edit === undefined ? {} : { oldValue: edit };
      const range = unwrap(typeof target === 'string' ? sheetBook.getRange(target) : target) as FakeRange;
      if ('value' in options) runAs({ kind: 'menu', user: options.user }, () => range.setValue(options.value));
      const single = range.area.numRows === 1 && range.area.numColumns === 1;
      const onEdit = bundle.onEdit;
      if (!onEdit) return undefined;
      return runAs({ kind: 'simple', user: options.user }, () => {
        const event: Record<string, unknown> = {
          authMode: 'LIMITED',
          range: expose(range),
          source: book,
          user: userObject(),
        };
        if (single) event.value = eventValue(range.getValue(), sheetBook.timeZone);
        if (single && 'oldValue' in options) event.oldValue = eventValue(options.oldValue, sheetBook.timeZone);
        return onEdit(event);
      });
    },
    fireTimeDriven(handler, fireOptions = {}) {
      const triggers = unwrap(services.ScriptApp).triggers.filter(
        (t) => t.handler === handler && t.eventType === EventType.CLOCK,
      );
      const trigger = triggers[0];
      if (!trigger && fireOptions.requireTrigger !== false)
        throw new Error(`no time-driven trigger is installed for ${handler}`);
      const now = ctx.now();
      const w = wallTime(now, 'UTC');
      const event = {
        authMode: AuthMode.FULL,
        triggerUid: trigger?.id ?? '',
        year: w.year,
        month: w.month,
        'day-of-month': w.day,
        'day-of-week': w.weekday === 0 ? 7 : w.weekday,
        hour: w.hour,
        minute: w.minute,
        second: w.second,
        timezone: 'UTC',
      };
      return runAs({ kind: 'timeDriven', user: trigger?.owner ?? ctx.owner }, () => bundleFunction(handler)(event));
    },
    scriptRun(name, ...args) {
      if (containsForbidden(args))
        throw new Error(`google.script.run.${name}: a Date or function cannot be passed to the server`);
      const sent = JSON.parse(JSON.stringify(args)) as unknown[];
      const result = runAs({ kind: 'sidebar' }, () => bundleFunction(name)(...sent));
      if (result === undefined) return undefined;
      return containsForbidden(result) ? null : JSON.parse(JSON.stringify(result));
    },
    quietly(fn) {
      ctx.depth++;
      try {
        return fn();
      } finally {
        ctx.depth--;
      }
    },
    measure(fn) {
      ctx.calls.reset();
      const result = fn();
      return { result, calls: ctx.calls.snapshot() };
    },
    setNow(now) {
      ctx.setNow(now);
    },
  };
  return runtime;
}
