/**
 * Runs the built add-on (build/Code.js) offline: the bundle is loaded into a fresh node:vm context whose
 * only globals are the fake Apps Script services, `console`, and a `Date` whose `new Date()` /
 * `Date.now()` read the runtime's clock, so "today" can be set, and whose local time is the script's
 * time zone, as in Apps Script (see fakes/vmDate.ts). Like Apps Script's V8 runtime there is
 * no `require`, `process`, `URL`, `setTimeout` or `TextEncoder`: touching one is reported (see
 * MISSING_GLOBALS in dev/bundleSandbox.ts); pass `globals` to add some anyway.
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
import { join } from 'node:path';
import type { CallCounter, CallSnapshot } from './fakes/callCounter';
import { FakeContext, type ExecutionKind, type AuthModeName, type Realm } from './fakes/context';
import { FakeObject, expose, unwrap } from './fakes/fakeObject';
import type { SentMail } from './fakes/mail';
import type { FakeRange } from './fakes/range';
import { createServices, type FakeServices } from './fakes/services';
import { FakeSpreadsheet, type FakeSpreadsheetOptions } from './fakes/spreadsheet';
import type { FakeUi } from './fakes/ui';
import { AuthMode, EventType } from './fakes/enums';
import { loadBundleSandbox, type BundleFunction } from './bundleSandbox';
import { clockEvent, crossesScriptRun, editOptionsOf, eventValue, type EditOptions } from './triggerEvents';

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

export type { BundleFunction };
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
  /**
   * Runs `fn` without counting or checking its calls: for the host (a test, npm start) looking at the
   * fakes. Never for calling into the bundle: inside, values do not cross into the bundle's realm, so
   * the add-on would see the sheet's dates as foreign objects and take every dated row for an error.
   */
  quietly<T>(fn: () => T): T;
  /** Runs `fn` as one operation: resets the counter and returns the calls it made. */
  measure<T>(fn: () => T): { result: T; calls: CallSnapshot };
  setNow(now: Date | (() => Date)): void;
}

export type { EditOptions };

/** A new fake spreadsheet with its own context, to fill before createRuntime({ spreadsheet }). */
export function createSpreadsheet(
  options: FakeSpreadsheetOptions & { owner?: string; timeZone?: string } = {},
): FakeSpreadsheet {
  const ctx = new FakeContext({ owner: options.owner, timeZone: options.timeZone });
  return new FakeSpreadsheet(ctx, options);
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
    const loaded = loadBundleSandbox(codePath, ctx, services, options.globals ?? {}, (name) => {
      if (runtime.missingGlobals.includes(name)) return;
      runtime.missingGlobals.push(name);
      console.warn(
        `[fake Apps Script] the bundle used ${name}, which Apps Script's V8 runtime does not have: this code fails there.`,
      );
    });
    realm = loaded.realm;
    bundle = {};
    for (const [name, fn] of Object.entries(loaded.functions)) bundle[name] = wrapBundleFunction(fn);
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
      const options = editOptionsOf(edit);
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
      const event = clockEvent(ctx.now(), trigger?.id ?? '');
      return runAs({ kind: 'timeDriven', user: trigger?.owner ?? ctx.owner }, () => bundleFunction(handler)(event));
    },
    scriptRun(name, ...args) {
      if (!crossesScriptRun(args))
        throw new Error(`google.script.run.${name}: a Date or function cannot be passed to the server`);
      const sent = JSON.parse(JSON.stringify(args)) as unknown[];
      const result = runAs({ kind: 'sidebar' }, () => bundleFunction(name)(...sent));
      if (result === undefined) return undefined;
      return crossesScriptRun(result) ? JSON.parse(JSON.stringify(result)) : null;
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
