/**
 * From counted service calls to an estimate of Apps Script wall time.
 *
 * Google's «Best practices» page says only that every call to a service is a call to Google's servers
 * and that scripts are faster the fewer calls they make; it gives no figure per call. The figures here
 * are published measurements where one exists, and a stated assumption where none does:
 *
 *  - Sheet.getLastRow / getLastColumn: 160 ms. Measured: a loop over 1,000 rows with getLastRow() in its
 *    condition took 160,377 ms, the same loop with getLastRow() hoisted 780 ms
 *    (bugbugnow.net, «GoogleAppsScriptのスプレッドシート処理を高速化する», 2019).
 *  - Sheet.getRange and Range.getValue: 1.5 ms each. Measured in the same article: getRange(i, 1).getValue()
 *    for 1,000 rows took 3,064 ms, i.e. ~3 ms a row for the two calls. Reading neighbouring cells one by one
 *    is served from Apps Script's look-ahead cache, which is why this is far below a round trip.
 *  - Range.setValue: 30 ms. Measured: 400 row writes each followed by flush() took almost 12 s
 *    (Stack Overflow, «What is faster: ScriptDb or SpreadsheetApp?»). A write followed by a read is
 *    flushed the same way (the write cache is emptied before every read: Google Apps Script blog,
 *    «Optimizing Spreadsheet Operations», 2010), which is what a read-check-write loop does.
 *  - Cells moved by getValues / setValues / getNotes / setNotes / getFormulas / getDisplayValues:
 *    0.0125 ms a cell. Measured: one setValues of 4,000 cells took under 50 ms (same Stack Overflow answer).
 *  - Every other call (not a builder): 50 ms. ASSUMPTION, no published per-call figure found: "each call
 *    is a round trip, tens of milliseconds" (Google's best practices, the project's engineering notes),
 *    taken above the 30 ms measured for a flushed write.
 *  - Builder and rule-object calls (DataValidationBuilder, ConditionalFormatRuleBuilder...): 0 ms; they
 *    build a request locally (see dev/fakes/callCounter.ts).
 *  - The script's own computation: the Node time measured here (it includes the fakes' work, which
 *    stands in for what Apps Script does locally); Apps Script's V8 is assumed no faster than Node.
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
];

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
  if (callCategory(method) === 'builder') return 0;
  return RULE_BY_METHOD.get(method)?.ms ?? ROUND_TRIP_MS;
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
