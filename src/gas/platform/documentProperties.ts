/**
 * Document properties read in one call per run. A run that reads several of them (the daily check reads
 * about ten) wraps itself in withDocumentProperties: one getProperties, then every read from that copy
 * and every write both to the store and to the copy. Outside such a run each read is its own
 * getProperty. The copy lives only for the call (Apps Script keeps no globals between executions, but
 * the offline runtime does, so it is never left behind).
 *
 * Such a run may also stage writes (stageDocumentProperty): they go into the copy at once and into the
 * store together, in one setProperties, when the run flushes them (flushDocumentProperties) or ends.
 */
type Properties = GoogleAppsScript.Properties.Properties;

let copy: Record<string, string> | null = null;
/** Writes staged in the run, not yet in the store. */
let staged: Record<string, string> = {};

function store(): Properties {
  return PropertiesService.getDocumentProperties();
}

/**
 * Runs `fn` with the document properties read once (call it where the values must be current, e.g.
 * under the script lock). Nested calls share the outer copy.
 */
export function withDocumentProperties<T>(fn: () => T): T {
  if (copy !== null) return fn();
  return runWith(store().getProperties(), fn);
}

/**
 * withDocumentProperties for a read whose only staged writes are a convenience for later runs (the
 * register's layout): when the store cannot be read, `fn` runs without the copy (each read its own
 * getProperty, as outside), and a write that fails at the end is dropped, never failing the read.
 */
export function withDocumentPropertiesForRead<T>(fn: () => T): T {
  if (copy !== null) return fn();
  let loaded: Record<string, string>;
  try {
    loaded = store().getProperties();
  } catch {
    return fn();
  }
  let result: { value: T } | null = null;
  try {
    return runWith(loaded, () => (result = { value: fn() }).value);
  } catch (error) {
    // Thrown by `fn`, or by the write at its end (then `fn` had returned).
    if (result === null) throw error;
    return (result as { value: T }).value;
  }
}

function runWith<T>(loaded: Record<string, string>, fn: () => T): T {
  copy = { ...loaded };
  staged = {};
  try {
    let value: T;
    try {
      value = fn();
    } catch (error) {
      try {
        flushDocumentProperties();
      } catch {
        // The failure of `fn` is the one to tell.
      }
      throw error;
    }
    flushDocumentProperties();
    return value;
  } finally {
    copy = null;
    staged = {};
  }
}

/** Whether the run's properties are loaded (within withDocumentProperties): reads cost no call then. */
export function documentPropertiesLoaded(): boolean {
  return copy !== null;
}

/** A document property; null when unset or unreadable (e.g. onOpen before authorisation). */
export function readDocumentProperty(key: string): string | null {
  if (copy !== null) return copy[key] ?? null;
  try {
    return store().getProperty(key);
  } catch {
    return null;
  }
}

/** A JSON document property; null when unset, unreadable or not JSON. */
export function readJsonProperty<T>(key: string): T | null {
  const text = readDocumentProperty(key);
  try {
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    return null;
  }
}

export function writeDocumentProperty(key: string, value: string): void {
  store().setProperty(key, value);
  if (copy !== null) copy[key] = value;
  delete staged[key];
}

/** Deletes a property that is set (no call when it is known to be unset). */
export function deleteDocumentProperty(key: string): void {
  if (copy !== null && !(key in copy)) return;
  delete staged[key];
  store().deleteProperty(key);
  if (copy !== null) delete copy[key];
}

/**
 * Within withDocumentProperties: the value is read back at once and written with the run's other staged
 * values at the next flushDocumentProperties (or when the run ends); nothing is written when the property
 * already holds it. Outside: written now.
 */
export function stageDocumentProperty(key: string, value: string): void {
  if (copy === null) {
    writeDocumentProperty(key, value);
    return;
  }
  if (copy[key] === value) return;
  copy[key] = value;
  staged[key] = value;
}

/**
 * Writes the staged values, all in one setProperties (none when nothing is staged). A write that fails is
 * not tried again: as with a setProperty that failed, its values are not in the store (the daily check's
 * record of the day among them, so that the next firing runs the day again).
 */
export function flushDocumentProperties(): void {
  const values = staged;
  staged = {};
  if (Object.keys(values).length === 0) return;
  store().setProperties(values);
}
