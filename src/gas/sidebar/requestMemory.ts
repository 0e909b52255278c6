/**
 * The sidebar's request memory: document properties remembering the last submits by request ID, so a
 * request repeated (a double click, google.script.run retrying) writes nothing the second time.
 * Read and written under the script lock by src/gas/sidebar/submit.ts.
 */
const SUBMIT_PROPERTY_PREFIX = 'sidebarSubmit:';
const SUBMIT_INDEX_PROPERTY = 'sidebarSubmit:index';
const REMEMBERED_SUBMITS = 50;

export interface RememberedSubmit {
  id: string;
  created: boolean;
}

/**
 * The memory as one getProperties read (the request's entry and the index in one call), to hand to
 * recallSubmit and rememberSubmit.
 */
export type StoredProperties = Readonly<Record<string, string>>;

export function recallSubmit(stored: StoredProperties, requestId: string): RememberedSubmit | null {
  const text = stored[SUBMIT_PROPERTY_PREFIX + requestId];
  if (text === undefined) return null;
  try {
    const value = JSON.parse(text) as RememberedSubmit;
    return typeof value.id === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Remembers a carried-out submit; the oldest beyond REMEMBERED_SUBMITS are forgotten. */
export function rememberSubmit(
  properties: GoogleAppsScript.Properties.Properties,
  stored: StoredProperties,
  requestId: string,
  remembered: RememberedSubmit,
): void {
  let index: string[] = [];
  try {
    const parsed: unknown = JSON.parse(stored[SUBMIT_INDEX_PROPERTY] ?? '[]');
    if (Array.isArray(parsed)) index = parsed.filter((item): item is string => typeof item === 'string');
  } catch {
    index = [];
  }
  index.push(requestId);
  const forgotten = index.splice(0, Math.max(0, index.length - REMEMBERED_SUBMITS));
  for (const old of forgotten) properties.deleteProperty(SUBMIT_PROPERTY_PREFIX + old);
  properties.setProperties({
    [SUBMIT_PROPERTY_PREFIX + requestId]: JSON.stringify(remembered),
    [SUBMIT_INDEX_PROPERTY]: JSON.stringify(index),
  });
}
