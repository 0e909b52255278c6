/**
 * `npm run bench`: the built bundle (build/Code.js) in the offline runtime on generated registers of
 * 100, 1,000, 10,000 and 50,000 rows. For each size and operation: the service calls split into server
 * and local (bench/costModel.ts says which is which and why), the cells read and written, the Node time
 * in the fakes, `pureMs` (src/ alone on in-memory sheets: bench/pure.ts) for the full check and onEdit,
 * and the estimated Apps Script time against its limit; the targets of issue 14 checked at 10,000 and
 * 50,000 rows; beside ours, a naive full check (bench/naive.ts) up to 10,000 rows. Prints Markdown and
 * writes bench/results.json (git-ignored).
 *
 *   npm run bench                                  # 100, 1,000, 10,000, 50,000 rows
 *   npm run bench -- --sizes 100,1000 --runs 3
 * Runs: --runs (default 3) below 10,000 rows, --big-runs (default 2) at 10,000, one at 50,000 (the
 * machine has 2 cores shared with others: a 50,000-row run in the fakes takes minutes).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { CallSnapshot } from '../dev/fakes/callCounter';
import {
  CELL_MS,
  CELL_SOURCE,
  COST_RULES,
  ROUND_TRIP_MS,
  ROUND_TRIP_SOURCE,
  estimate,
  limitFor,
  splitCalls,
} from './costModel';
import { RECENT_COUNT, RESPONSIBLE_POOL, generateRegister } from './generate';
import {
  OPERATIONS,
  OPERATION_LABELS,
  SIMPLE_TRIGGER_OPERATIONS,
  SINGLE_CELL_EDITS,
  runScenario,
  type Measurement,
  type RunMeasurements,
} from './scenario';

type Row = (typeof OPERATIONS)[number] | 'naiveCheck';

interface Options {
  sizes: number[];
  runs: number;
  bigRuns: number;
}

const HUGE = 50_000;
const BIG = 10_000;
/** The naive check makes a call per cell: left out above this size. */
const NAIVE_MAX = 10_000;

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { sizes: [100, 1000, BIG, HUGE], runs: 3, bigRuns: 2 };
  for (let index = 0; index < argv.length; index++) {
    const value = argv[index + 1] ?? '';
    if (argv[index] === '--sizes') options.sizes = value.split(',').map(Number);
    else if (argv[index] === '--runs') options.runs = Number(value);
    else if (argv[index] === '--big-runs') options.bigRuns = Number(value);
    else continue;
    index++;
  }
  if (options.sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('--sizes: whole numbers ≥ 1');
  if (!(options.runs >= 1 && options.bigRuns >= 1)) throw new Error('--runs / --big-runs: at least 1');
  return options;
}

function runsFor(size: number, options: Options): number {
  return size >= HUGE ? 1 : size >= BIG ? options.bigRuns : options.runs;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface Result {
  calls: {
    server: number;
    local: number;
    total: number;
    serverByMethod: Record<string, number>;
    byMethod: Record<string, number>;
  };
  cellsRead: number;
  cellsWritten: number;
  nodeMs: number[];
  medianNodeMs: number;
  /** The JavaScript thread's CPU ms (median), where measured. */
  pureMs: number | null;
  /** The same run's CPU ms of every thread of the process (median): the upper bound the estimate uses. */
  pureAllThreadsMs: number | null;
  estimate: {
    callsMs: number;
    cellsMs: number;
    computeMs: number;
    totalMs: number;
    computeFrom: 'pureAllThreadsMs' | 'nodeMs';
  };
  limitMs: number;
}

const integer = (n: number): string => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number): string => (ms < 10_000 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(0)) + ' s';

/** The estimate takes the computation at its upper bound: every thread's CPU time, else the time in the fakes. */
function estimateOf(
  calls: CallSnapshot,
  cells: number,
  allThreadsMs: number | null,
  nodeMs: number,
): Result['estimate'] {
  return {
    ...estimate(calls, cells, allThreadsMs ?? nodeMs),
    computeFrom: allThreadsMs === null ? 'nodeMs' : 'pureAllThreadsMs',
  };
}

function measureSize(size: number, runs: number): Partial<Record<Row, Result>> {
  const register = generateRegister(size);
  const all: RunMeasurements[] = [];
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`  ${integer(size)} rows: run ${run + 1}/${runs}\n`);
    all.push(runScenario(register, { naive: size <= NAIVE_MAX, pureRuns: size >= HUGE ? 3 : 5 }));
  }
  const result: Partial<Record<Row, Result>> = {};
  for (const row of [...OPERATIONS, 'naiveCheck'] as Row[]) {
    const samples = all.map((measurements) => measurements[row]).filter((m): m is Measurement => m !== undefined);
    const first = samples[0];
    if (first === undefined) continue;
    for (const sample of samples)
      if (JSON.stringify(sample.calls.byMethod) !== JSON.stringify(first.calls.byMethod))
        process.stderr.write(`  warning: ${row} made different calls in one run\n`);
    const nodeMs = samples.map((sample) => sample.nodeMs);
    const medianNodeMs = median(nodeMs);
    const medianOf = (values: ReadonlyArray<number | undefined>): number | null => {
      const measured = values.filter((ms): ms is number => ms !== undefined);
      return measured.length > 0 ? median(measured) : null;
    };
    const pureMs = medianOf(samples.map((sample) => sample.pureMs));
    const pureAllThreadsMs = medianOf(samples.map((sample) => sample.pureAllThreadsMs));
    const split = splitCalls(first.calls);
    result[row] = {
      calls: {
        server: split.server,
        local: split.local,
        total: first.calls.total,
        serverByMethod: split.serverByMethod,
        byMethod: first.calls.byMethod,
      },
      cellsRead: first.cellsRead,
      cellsWritten: first.cellsWritten,
      nodeMs,
      medianNodeMs,
      pureMs,
      pureAllThreadsMs,
      estimate: estimateOf(first.calls, first.cellsRead + first.cellsWritten, pureAllThreadsMs, medianNodeMs),
      limitMs: limitFor(SIMPLE_TRIGGER_OPERATIONS.has(row)),
    };
  }
  return result;
}

type Results = Record<number, Partial<Record<Row, Result>>>;

function summaryTable(sizes: readonly number[], results: Results): string {
  const lines = [
    '| operation | rows | server calls | local calls | cells read | cells written | Node ms (fakes) | pureMs | all threads | est. Apps Script | share of limit |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of [...OPERATIONS, 'naiveCheck'] as Row[]) {
    for (const size of sizes) {
      const r = results[size]?.[row];
      if (r === undefined) continue;
      const share = (100 * r.estimate.totalMs) / r.limitMs;
      lines.push(
        `| ${OPERATION_LABELS[row]} | ${integer(size)} | ${integer(r.calls.server)} | ${integer(r.calls.local)} | ` +
          `${integer(r.cellsRead)} | ${integer(r.cellsWritten)} | ${r.medianNodeMs.toFixed(0)} | ${r.pureMs === null ? '—' : r.pureMs.toFixed(0)} | ` +
          `${r.pureAllThreadsMs === null ? '—' : r.pureAllThreadsMs.toFixed(0)} | ` +
          `${seconds(r.estimate.totalMs)} | ${share.toFixed(share >= 100 ? 0 : 1)} %${share > 100 ? ' **over**' : ''} |`,
      );
    }
  }
  return lines.join('\n');
}

function serverTable(sizes: readonly number[], results: Results): string {
  const parts: string[] = [];
  for (const row of OPERATIONS) {
    const methods = new Set<string>();
    for (const size of sizes)
      for (const method of Object.keys(results[size]?.[row]?.calls.serverByMethod ?? {})) methods.add(method);
    const lines = [
      `**${OPERATION_LABELS[row]}** (server calls)`,
      '',
      `| method | ${sizes.map((size) => `${integer(size)} rows`).join(' | ')} |`,
      `| --- | ${sizes.map(() => '---:').join(' | ')} |`,
    ];
    for (const method of [...methods].sort())
      lines.push(
        `| ${method} | ${sizes.map((size) => String(results[size]?.[row]?.calls.serverByMethod[method] ?? 0)).join(' | ')} |`,
      );
    lines.push(`| **server** | ${sizes.map((size) => `**${results[size]?.[row]?.calls.server ?? 0}**`).join(' | ')} |`);
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n');
}

export interface Target {
  operation: Row;
  size: number;
  what: string;
  limit: number;
  actual: number | null;
  met: boolean | null;
}

/** Issue 14's targets, checked on what was measured (null: the size was not run). */
function targets(results: Results): Target[] {
  const list: Target[] = [];
  const add = (operation: Row, size: number, what: string, limit: number, pick: (r: Result) => number): void => {
    const r = results[size]?.[operation];
    const actual = r === undefined ? null : pick(r);
    list.push({ operation, size, what, limit, actual, met: actual === null ? null : actual <= limit });
  };
  // «onEdit, one cell» holds for every kind of single-cell edit: the worst measured is checked.
  const addWorstEdit = (size: number, what: string, limit: number, pick: (r: Result) => number): void => {
    const measured = SINGLE_CELL_EDITS.filter((operation) => results[size]?.[operation] !== undefined);
    const worst = measured.reduce<Row>(
      (found, operation) =>
        pick(results[size]?.[operation] as Result) > pick(results[size]?.[found] as Result) ? operation : found,
      measured[0] ?? 'editCell',
    );
    add(worst, size, `${what} (worst single-cell edit)`, limit, pick);
  };
  // Issue 14 counted ≤ 8 with issue 12's getFormulas, which the check now makes: 8 in all.
  add('check', BIG, 'server calls (getFormulas included)', 8, (r) => r.calls.server);
  add('check', BIG, 'pureMs', 300, (r) => r.pureMs ?? Number.POSITIVE_INFINITY);
  addWorstEdit(BIG, 'server calls', 6, (r) => r.calls.server);
  addWorstEdit(BIG, 'cells read', 40_000, (r) => r.cellsRead);
  addWorstEdit(BIG, 'pureMs', 50, (r) => r.pureMs ?? Number.POSITIVE_INFINITY);
  add('sidebarSubmit', BIG, 'server calls', 8, (r) => r.calls.server);
  add('summarySend', BIG, 'server calls', 10, (r) => r.calls.server);
  for (const daily of ['dailyCheck', 'dailyCheckNextDay'] as const) {
    add(
      daily,
      BIG,
      'server calls besides MailApp.sendEmail',
      12,
      (r) => r.calls.server - (r.calls.byMethod['MailApp.sendEmail'] ?? 0),
    );
  }
  add('check', HUGE, 'estimated Apps Script ms', 60_000, (r) => r.estimate.totalMs);
  addWorstEdit(HUGE, 'estimated Apps Script ms', 5_000, (r) => r.estimate.totalMs);
  return list;
}

function targetTable(list: readonly Target[]): string {
  return [
    '| operation | rows | measure | target | measured | met |',
    '| --- | ---: | --- | ---: | ---: | --- |',
    ...list.map(
      (t) =>
        `| ${OPERATION_LABELS[t.operation]} | ${integer(t.size)} | ${t.what} | ≤ ${integer(t.limit)} | ${t.actual === null ? 'not run' : integer(t.actual)} | ${t.met === null ? '—' : t.met ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
}

function costModelText(): string {
  return [
    'Cost per server call (bench/costModel.ts, with sources and what is extrapolated):',
    ...COST_RULES.map((rule) => `- ${rule.methods.join(', ')}: ${rule.ms} ms — ${rule.source}`),
    `- every other server call: ${ROUND_TRIP_MS} ms — ${ROUND_TRIP_SOURCE}`,
    '- local calls (references, geometry, builders, HtmlService…): 0 ms',
    `- cells read + written: ${CELL_MS} ms a cell — ${CELL_SOURCE} (extrapolated to reads and to large ranges)`,
    '- plus the computation at its upper bound: the CPU time of all threads where pureMs is measured (check,',
    "  onEdit), else the Node time in the fakes. pureMs itself (the targets) is the JavaScript thread's CPU time.",
    'Limits: 30 s for onEdit (simple trigger), 6 min for the rest.',
  ].join('\n');
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const results: Results = {};
  const started = Date.now();
  for (const size of options.sizes) results[size] = measureSize(size, runsFor(size, options));
  const targetList = targets(results);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
  const output = [
    `# Benchmark: the built bundle in the offline runtime (${new Date().toISOString().slice(0, 10)}; ${machine})`,
    '',
    `Registers: ${options.sizes.map(integer).join(', ')} generated rows (seeded) + the same ${RECENT_COUNT} recent events; ` +
      `reminders go to at most ${RESPONSIBLE_POOL} responsible addresses + the recent rows' own. ` +
      `Runs: ${options.runs} below 10,000 rows, ${options.bigRuns} at 10,000, 1 at 50,000 (medians).`,
    '',
    summaryTable(options.sizes, results),
    '',
    '## Targets (issue 14)',
    '',
    targetTable(targetList),
    '',
    '## Server calls by method',
    '',
    serverTable(options.sizes, results),
    '',
    costModelText(),
    '',
    `(${((Date.now() - started) / 1000).toFixed(0)} s)`,
  ].join('\n');
  console.log(output);
  const json = {
    date: new Date().toISOString(),
    machine,
    sizes: options.sizes,
    runs: { belowTenThousand: options.runs, atTenThousand: options.bigRuns, atFiftyThousand: 1 },
    costModel: {
      rules: COST_RULES,
      roundTripMs: ROUND_TRIP_MS,
      roundTripSource: ROUND_TRIP_SOURCE,
      cellMs: CELL_MS,
      cellSource: CELL_SOURCE,
    },
    results,
    targets: targetList,
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(json, null, 1)}\n`);
  console.error('\nbench/results.json written.');
}

main();
