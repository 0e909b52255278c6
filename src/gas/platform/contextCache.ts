/**
 * What every operation needs before it reads the register, kept in CacheService so that an operation
 * makes one cache read instead of a dozen sheet reads: the register sheet's name, its header row and
 * width, the spreadsheet's time zone, and «Настройки» and «Производственный календарь» as parsed (so that
 * an operation, onEdit above all, does not parse them again: a quarter of a cached edit's own time).
 *
 * The entry is valid only under the current version key: setup writes a new version with the entry,
 * and onEdit of «Настройки», of the calendar or of the register's header row writes a new version
 * (bumpContextVersion), which makes every older entry stale. An operation that finds no entry, a stale
 * one, or one it cannot read falls back to reading the sheets and stores what it read under the version
 * it saw. Only setup and the bumps write the version, so an entry written from sheets read just before
 * an edit is stale as soon as that edit's bump lands. The register's header is checked against the
 * sheet by every read that uses the entry (registerRead.ts), so a column moved without an edit (which
 * fires no onEdit) is never written to by a stale position.
 *
 * Without an entry, the register's layout alone (not «Настройки», the calendar or the time zone) may
 * come from the document properties (registerLayout.ts). The daily check stores no entry: it runs
 * before the working day, and the first edit or menu action after it stores its own.
 */
import type { DaySheets } from '../sheets/computedColumns';
import { isRegisterLayout, type RegisterLayout } from '../sheets/registerLayout';

export const CONTEXT_KEY = 'registerContext';
export const VERSION_KEY = 'registerContextVersion';
/**
 * How long an entry lives. Deleting a row of «Настройки» or of the calendar (not clearing it) fires no
 * onEdit, so nothing bumps the version: such a change reaches the operations when the entry expires, at
 * the next edit of that sheet, or at the next setup. An hour bounds that, at the cost of one read of
 * the sheets an hour.
 */
export const CONTEXT_LIFETIME_SECONDS = 3600;
/** The version an entry is stored under when no version key exists (expired, or setup never ran). */
const NO_VERSION = 'none';

export interface CachedContext extends RegisterLayout {
  timeZone: string;
  /** «Настройки» and the calendar sheet parsed (daySheetsOfRows), read in `timeZone`. */
  sheets: DaySheets;
}

export interface ContextLookup {
  /** The entry when it is there and current. */
  context: CachedContext | null;
  /** The version to store a freshly read context under. */
  version: string;
}

function documentCache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch {
    return null;
  }
}

function serialise(value: CachedContext & { version: string }): string {
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed sheets' shape (an entry of an older release, with raw rows, is not one). */
function isDaySheets(value: unknown): value is DaySheets {
  if (!isRecord(value) || !isRecord(value.settings) || !isRecord(value.calendar)) return false;
  const { settings, calendar } = value;
  return (
    isRecord(settings.settings) &&
    Array.isArray(settings.problems) &&
    isRecord(settings.rows) &&
    typeof settings.exists === 'boolean' &&
    Array.isArray(calendar.entries) &&
    Array.isArray(calendar.problems) &&
    typeof calendar.exists === 'boolean'
  );
}

function isContext(value: unknown): value is CachedContext & { version: string } {
  if (!isRegisterLayout(value)) return false;
  const c = value as unknown as Record<string, unknown>;
  return typeof c.version === 'string' && typeof c.timeZone === 'string' && isDaySheets(c.sheets);
}

/** One cache read: the current entry, or null with the version to store a fresh one under. */
export function lookUpContext(): ContextLookup {
  const cache = documentCache();
  if (cache === null) return { context: null, version: NO_VERSION };
  let found: Record<string, string>;
  try {
    found = cache.getAll([CONTEXT_KEY, VERSION_KEY]);
  } catch {
    return { context: null, version: NO_VERSION };
  }
  const version = found[VERSION_KEY] ?? NO_VERSION;
  const text = found[CONTEXT_KEY];
  if (text === undefined) return { context: null, version };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { context: null, version };
  }
  if (!isContext(parsed) || parsed.version !== version) return { context: null, version };
  const { version: _stored, ...context } = parsed;
  return { context, version };
}

/** Stores a context read from the sheets under `version` (what lookUpContext gave). Never throws. */
export function storeContext(context: CachedContext, version: string): void {
  const cache = documentCache();
  if (cache === null) return;
  try {
    cache.put(CONTEXT_KEY, serialise({ ...context, version }), CONTEXT_LIFETIME_SECONDS);
  } catch {
    // Too large or the cache is down: the next operation reads the sheets again.
  }
}

function newVersion(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Makes every stored context stale (one cache write). Never throws. */
export function bumpContextVersion(): void {
  const cache = documentCache();
  if (cache === null) return;
  try {
    cache.put(VERSION_KEY, newVersion(), CONTEXT_LIFETIME_SECONDS);
  } catch {
    try {
      cache.remove(CONTEXT_KEY);
    } catch {
      // The cache is down: a stored entry stays until it expires (6 hours) or the next bump.
    }
  }
}

/** Setup: a new version and the context read under it, in one cache write. Never throws. */
export function resetContext(context: CachedContext): void {
  const cache = documentCache();
  if (cache === null) return;
  const version = newVersion();
  try {
    cache.putAll(
      { [VERSION_KEY]: version, [CONTEXT_KEY]: serialise({ ...context, version }) },
      CONTEXT_LIFETIME_SECONDS,
    );
  } catch {
    bumpContextVersion();
  }
}
