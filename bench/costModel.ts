/**
 * From counted service calls to an estimate of Apps Script wall time, and which calls reach Google.
 *
 * SERVER OR LOCAL. Google's «Best practices» (developers.google.com/apps-script/guides/support/best-practices)
 * says that calls to other services (Sheets, Properties, Cache, Mail…) are calls to Google's servers and
 * that batching reads and writes is what makes scripts fast; Sheets objects are lazy references: a Range
 * is built without reading anything, and reads and writes are batched and flushed when a value is
 * needed («Optimizing Spreadsheet Operations», Google Apps Script blog, 2010). No per-method list is
 * published, so the classification below is ours, by that rule:
 *  - server: a call that reads or writes the document or a service's store, or shows something to the
 *    person: getValues/setValues/getNotes/…, Sheet.getLastRow/getDataRange/getMaxRows (the sheet's extent),
 *    Spreadsheet.getSheetByName/getSheets/getSpreadsheetTimeZone/toast, properties and cache get/put,
 *    Lock.tryLock/releaseLock, MailApp.*, trigger management, protections, Ui.alert/showModalDialog…;
 *  - local: building a reference or an object the script holds: SpreadsheetApp.getActiveSpreadsheet,
 *    Sheet.getRange/getRangeList, Range geometry (getRow, getColumn, getLastRow,
 *    getNumRows, getA1Notation, getSheet), PropertiesService.get*Properties, CacheService.get*Cache,
 *    LockService.getScriptLock, HtmlService and HtmlOutput, Utilities, Logger, every builder and rule
 *    object (see dev/fakes/callCounter.ts; Charts.newDataTable / newBarChart and their builders among them),
 *    Menu building, the event object's getters. Chart.getAs (the Charts service draws the image) is server.
 *  - ASSUMED local, no measurement found: Sheet.getName / Sheet.getSheetId (a sheet handle carries its
 *    name), Session.getActiveUser / getEffectiveUser and User.getEmail (the execution knows its user),
 *    Spreadsheet.getUrl / getId (the bound document's identity), Trigger.getHandlerFunction / getUniqueId
 *    (getters of the Trigger objects ScriptApp.getProjectTriggers returned), and Spreadsheet.getRange with
 *    a sheet's name in the A1 («'Журнал'!A1»). That one is the weakest: it throws at once for a sheet
 *    that does not exist, so the name is resolved then, as getSheetByName resolves it (counted server).
 *    The full check (its cached read of the register), the daily check and the ЦУР send (the register and
 *    «Журнал») reach a sheet this way; so do every read of «Настройки» and of the calendar (one
 *    open-ended getValues each, readSheetColumns in registerSheet.ts, in place of getSheetByName +
 *    getDataRange + getValues) and the read of the register at the layout stored in the document
 *    properties when the context cache has expired (registerLayout.ts, in place of getSheetByName +
 *    getDataRange). Should it cost what getSheetByName costs: the full check one server call more, the
 *    ЦУР send and the daily check with the cache two, the daily check the morning after (cache expired)
 *    four (the register, «Настройки», the calendar, «Журнал»: 16, not 12; 17 when the register's grid
 *    ends at its last column, as the layout's one-column-wider reference fails first), the first edit
 *    after the cache expired two (14, not 12), a menu item that reads «Настройки» one. Even then each
 *    such read costs no more than the getSheetByName it replaced, and the getDataRange it saved stays
 *    saved. Marked in LOCAL_ASSUMED.
 * Evidence that references are local: getRange(i, 1).getValue() for 1,000 rows took 3,064 ms in all,
 * ~1.5 ms a pair (bugbugnow.net 2019, below), far below any round trip.
 *
 * COST of a call, where a measurement exists:
 *  - Sheet.getLastRow / getLastColumn: 160 ms. A loop over 1,000 rows with getLastRow() in its
 *    condition took 160,377 ms, hoisted 780 ms (bugbugnow.net, «GoogleAppsScriptのスプレッドシート処理を高速化する», 2019).
 *  - Sheet.getRange and Range.getValue: 1.5 ms each (same article; look-ahead cache).
 *  - Range.setValue: 30 ms: 400 row writes each followed by flush() took almost 12 s (Stack Overflow,
 *    «What is faster: ScriptDb or SpreadsheetApp?»).
 *  - CacheService and PropertiesService: ziritione.org, «Google Apps Script APIs performance» (Luis Peralta),
 *    100 consecutive runs each, averages: Properties getProperty 30 ms (script store; user store 34),
 *    setProperty 62 ms (user 64); Cache get 3 ms (user cache 4), put 93 ms (user 92). EXTRAPOLATED: the
 *    document stores are assumed to cost what the script stores cost (not measured there); getAll,
 *    getProperties and getKeys what one get costs; putAll, setProperties, remove and deleteProperty what
 *    one put/set costs.
 *  - Cells moved (cellsRead + cellsWritten: values, formulas, notes, validations by the cells of their
 *    range): 0.0125 ms a cell: one setValues of 4,000 cells took under 50 ms (same Stack Overflow
 *    answer). EXTRAPOLATED: that is one measurement of 4,000 cells; reads are assumed to cost what
 *    writes cost, and 240,000 or 1,200,000 cells (10,000 and 50,000 rows) to scale linearly from it.
 *  - MailApp.sendEmail: 50 ms like any other server call. ASSUMPTION: no published measurement found.
 *  - Every other server call: 50 ms. ASSUMPTION: "each call is a round trip, tens of milliseconds"
 *    (Google's best practices; the project's engineering notes), above the 30 ms of a flushed write.
 *  - Local calls: 0 ms (the 1.5 ms of getRange above is charged where it is listed).
 *  - The script's own computation, at its upper bound: the CPU time of every thread of the process that
 *    times `pureMs` (bench/pure.ts: src/ on in-memory sheets, no fakes; V8's background compilers and
 *    GC helpers included) when measured, else the Node time of the operation in the fakes; Apps
 *    Script's V8 is assumed no faster than Node.
 *
 * Limits compared against: 30 s for a simple trigger (onEdit), 6 min for everything else.
 */
import type { CallSnapshot } from '../dev/fakes/callCounter';
import { callCategory } from '../dev/fakes/callCounter';

export interface CostRule {
  methods: readonly string[];
  ms: number;
  source: string;
}

export const COST_RULES: readonly CostRule[] = [
  {
    methods: ['Sheet.getLastRow', 'Sheet.getLastColumn'],
    ms: 160,
    source: 'bugbugnow.net 2019: 1,000 × getLastRow() in the loop condition = 160,377 ms',
  },
  {
    methods: ['Sheet.getRange', 'Spreadsheet.getRange', 'Range.getValue'],
    ms: 1.5,
    source: 'bugbugnow.net 2019: 1,000 × getRange(i,1).getValue() = 3,064 ms (look-ahead cache)',
  },
  {
    methods: ['Range.setValue'],
    ms: 30,
    source: 'Stack Overflow «What is faster: ScriptDb or SpreadsheetApp?»: 400 flushed row writes ≈ 12 s',
  },
  {
    methods: ['Cache.get', 'Cache.getAll'],
    ms: 3,
    source:
      'ziritione.org «Google Apps Script APIs performance», 100 runs: Cache get avg 3 ms (getAll, document cache: extrapolated)',
  },
  {
    methods: ['Cache.put', 'Cache.putAll', 'Cache.remove', 'Cache.removeAll'],
    ms: 93,
    source: 'ziritione.org, 100 runs: Cache put avg 93 ms (putAll, remove, document cache: extrapolated)',
  },
  {
    methods: ['Properties.getProperty', 'Properties.getProperties', 'Properties.getKeys'],
    ms: 30,
    source: 'ziritione.org, 100 runs: getProperty avg 30 ms (getProperties, document store: extrapolated)',
  },
  {
    methods: [
      'Properties.setProperty',
      'Properties.setProperties',
      'Properties.deleteProperty',
      'Properties.deleteAllProperties',
    ],
    ms: 62,
    source: 'ziritione.org, 100 runs: setProperty avg 62 ms (the others, document store: extrapolated)',
  },
  {
    methods: ['MailApp.sendEmail'],
    ms: 50,
    source: 'ASSUMPTION: no published measurement of MailApp.sendEmail found; taken as any other server call',
  },
];

/** Calls that build a reference or an object the script holds: no request to Google. */
const LOCAL_METHODS: ReadonlySet<string> = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getUi',
  'Sheet.getRange',
  'Sheet.getRangeList',
  'Range.getRow',
  'Range.getColumn',
  'Range.getLastRow',
  'Range.getLastColumn',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.getA1Notation',
  'Range.getSheet',
  'RangeList.getRanges',
  'PropertiesService.getDocumentProperties',
  'PropertiesService.getScriptProperties',
  'PropertiesService.getUserProperties',
  'CacheService.getDocumentCache',
  'CacheService.getScriptCache',
  'CacheService.getUserCache',
  'LockService.getScriptLock',
  'LockService.getDocumentLock',
  'LockService.getUserLock',
]);

/** Local by assumption (no measurement found): see the file's comment. */
export const LOCAL_ASSUMED: ReadonlySet<string> = new Set([
  'Sheet.getName',
  'Sheet.getSheetId',
  'Session.getActiveUser',
  'Session.getEffectiveUser',
  'User.getEmail',
  'Spreadsheet.getUrl',
  'Spreadsheet.getId',
  'Trigger.getHandlerFunction',
  'Trigger.getUniqueId',
  'Spreadsheet.getRange',
]);

/** Whole services whose calls stay in the script. */
const LOCAL_SERVICES: ReadonlySet<string> = new Set([
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
  'Utilities',
  'Logger',
  'Menu',
]);

/** Where a call goes: 'server' when it reaches Google, 'local' when it stays in the script. */
export function callPlace(method: string): 'server' | 'local' {
  if (callCategory(method) === 'builder') return 'local';
  if (LOCAL_METHODS.has(method) || LOCAL_ASSUMED.has(method)) return 'local';
  const [service = ''] = method.split('.');
  if (LOCAL_SERVICES.has(service)) return 'local';
  if (method === 'Ui.createMenu' || method === 'Ui.createAddonMenu') return 'local';
  return 'server';
}

export interface CallSplit {
  server: number;
  local: number;
  serverByMethod: Record<string, number>;
}

/** The calls of an operation split into server and local. */
export function splitCalls(calls: CallSnapshot): CallSplit {
  const split: CallSplit = { server: 0, local: 0, serverByMethod: {} };
  for (const [method, count] of Object.entries(calls.byMethod)) {
    if (callPlace(method) === 'server') {
      split.server += count;
      split.serverByMethod[method] = count;
    } else split.local += count;
  }
  return split;
}

export const ROUND_TRIP_MS = 50;
export const ROUND_TRIP_SOURCE =
  'assumption: a round trip is "tens of ms" (Google best practices; docs/ENGINEERING notes); above the 30 ms measured for a flushed write';
export const CELL_MS = 0.0125;
export const CELL_SOURCE = 'Stack Overflow (same answer): one setValues of 4,000 cells < 50 ms';

export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
export const EXECUTION_LIMIT_MS = 6 * 60_000;

const RULE_BY_METHOD = new Map<string, CostRule>(COST_RULES.flatMap((rule) => rule.methods.map((m) => [m, rule])));

/** Milliseconds one call of `method` is assumed to cost in Apps Script. */
export function callCost(method: string): number {
  const rule = RULE_BY_METHOD.get(method);
  if (rule !== undefined) return rule.ms;
  return callPlace(method) === 'local' ? 0 : ROUND_TRIP_MS;
}

export interface Estimate {
  /** Service calls. */
  callsMs: number;
  /** Cells moved. */
  cellsMs: number;
  /** The computation (Node time). */
  computeMs: number;
  totalMs: number;
}

export function estimate(calls: CallSnapshot, cells: number, nodeMs: number): Estimate {
  let callsMs = 0;
  for (const [method, count] of Object.entries(calls.byMethod)) callsMs += callCost(method) * count;
  const cellsMs = cells * CELL_MS;
  return { callsMs, cellsMs, computeMs: nodeMs, totalMs: callsMs + cellsMs + nodeMs };
}

/** The limit that applies to an operation. */
export function limitFor(simpleTrigger: boolean): number {
  return simpleTrigger ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS;
}
