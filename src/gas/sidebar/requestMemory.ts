/**
 * The sidebar's request memory: the last submits by request ID, kept in one document property, so a
 * request repeated (a double click, google.script.run retrying) writes nothing the second time. One
 * property, not one a request: remembering a submit is one write whatever is forgotten (a property a
 * request cost a deleteProperty for each one forgotten, once the memory was full). Read and written
 * under the script lock by src/gas/sidebar/submit.ts.
 */
const MEMORY_PROPERTY = 'sidebarSubmits';
/** An earlier release's entries (one property each); recalled, never written. */
const OLD_SUBMIT_PREFIX = 'sidebarSubmit:';
/** 50 entries of about 70 characters: far below the 9 KB a property value may hold. */
const REMEMBERED_SUBMITS = 50;

export interface RememberedSubmit {
  id: string;
  created: boolean;
}

interface MemoryEntry extends RememberedSubmit {
  request: string;
}

/** The document properties as one getProperties read, to hand to recallSubmit and rememberSubmit. */
export type StoredProperties = Readonly<Record<string, string>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The remembered submits, oldest first; a damaged or foreign value is an empty memory. */
function entriesOf(stored: StoredProperties): MemoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(stored[MEMORY_PROPERTY] ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is MemoryEntry =>
        isRecord(entry) &&
        typeof entry.request === 'string' &&
        typeof entry.id === 'string' &&
        typeof entry.created === 'boolean',
    );
  } catch {
    return [];
  }
}

export function recallSubmit(stored: StoredProperties, requestId: string): RememberedSubmit | null {
  const entry = entriesOf(stored).find((candidate) => candidate.request === requestId);
  if (entry !== undefined) return { id: entry.id, created: entry.created };
  const old = stored[OLD_SUBMIT_PREFIX + requestId];
  if (old === undefined) return null;
  try {
    const value: unknown = JSON.parse(old);
    return isRecord(value) && typeof value.id === 'string' ? { id: value.id, created: value.created === true } : null;
  } catch {
    return null;
  }
}

/** Remembers a carried-out submit in one property write; the oldest beyond REMEMBERED_SUBMITS are forgotten. */
export function rememberSubmit(
  properties: GoogleAppsScript.Properties.Properties,
  stored: StoredProperties,
  requestId: string,
  remembered: RememberedSubmit,
): void {
  const entries = [...entriesOf(stored), { request: requestId, id: remembered.id, created: remembered.created }];
  properties.setProperty(MEMORY_PROPERTY, JSON.stringify(entries.slice(-REMEMBERED_SUBMITS)));
}
