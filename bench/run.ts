/**
 * `npm run bench`: the built bundle (build/Code.js) in the offline runtime on generated registers of
 * 100, 1,000 and 10,000 rows. For each size and operation: the service calls by method, the cells moved,
 * the Node time (median of several runs) and the estimated Apps Script wall time (bench/costModel.ts)
 * against its limit; beside ours, a naive full check (bench/naive.ts) on the same spreadsheet, and the
 * ratios. Prints Markdown tables and writes bench/results.json (git-ignored).
 *
 *   npm run bench                              # 100, 1,000, 10,000 rows; 5 runs (3 at 10,000)
 *   npm run bench -- --sizes 100,1000 --runs 3
 */
import { writeFileSync } from 'node:fs';
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
  type Estimate,
} from './costModel';
import { RECENT_COUNT, RESPONSIBLE_POOL, generateRegister } from './generate';
import {
  OPERATIONS,
  OPERATION_LABELS,
  SIMPLE_TRIGGER_OPERATIONS,
  runScenario,
  type Measurement,
  type RunMeasurements,
} from './scenario';

type Row = (typeof OPERATIONS)[number] | 'naiveCheck';
const ROWS: readonly Row[] = [...OPERATIONS, 'naiveCheck'];

interface Options {
  sizes: number[];
  runs: number;
  /** Runs at 10,000 rows and more (slow). */
  bigRuns: number;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { sizes: [100, 1000, 10_000], runs: 5, bigRuns: 3 };
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

interface Result {
  calls: CallSnapshot;
  cells: number;
  nodeMs: number[];
  medianNodeMs: number;
  estimate: Estimate;
  limitMs: number;
}

const integer = (n: number): string => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number): string => (ms < 10_000 ? (ms / 1000).toFixed(2) : (ms / 1000).toFixed(0)) + ' s';

function sameCalls(a: CallSnapshot, b: CallSnapshot): boolean {
  return JSON.stringify(a.byMethod) === JSON.stringify(b.byMethod);
}

function measureSize(size: number, runs: number): Record<Row, Result> {
  const register = generateRegister(size);
  const all: RunMeasurements[] = [];
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`  ${integer(size)} rows: run ${run + 1}/${runs}\n`);
    all.push(runScenario(register, { naive: true }));
  }
  const result = {} as Record<Row, Result>;
  for (const row of ROWS) {
    const samples = all.map((measurements) => measurements[row] as Measurement);
    const first = samples[0] as Measurement;
    for (const sample of samples)
      if (!sameCalls(sample.calls, first.calls))
        process.stderr.write(`  warning: ${row} made different calls in one run\n`);
    const nodeMs = samples.map((sample) => sample.nodeMs);
    const medianNodeMs = median(nodeMs);
    result[row] = {
      calls: first.calls,
      cells: first.cells,
      nodeMs,
      medianNodeMs,
      estimate: estimate(first.calls, first.cells, medianNodeMs),
      limitMs: limitFor(SIMPLE_TRIGGER_OPERATIONS.has(row)),
    };
  }
  return result;
}

function summaryTable(sizes: readonly number[], results: Record<number, Record<Row, Result>>, runs: string): string {
  const lines = [
    `| operation | rows | calls: total (round trips + builder) | cells moved | Node ms (median of ${runs}) | est. Apps Script | limit | share of limit |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of ROWS) {
    for (const size of sizes) {
      const r = (results[size] as Record<Row, Result>)[row];
      lines.push(
        `| ${OPERATION_LABELS[row]} | ${integer(size)} | ${integer(r.calls.total)} (${integer(r.calls.roundTrips)} + ${integer(r.calls.builder)}) | ` +
          `${integer(r.cells)} | ${r.medianNodeMs.toFixed(0)} | ${seconds(r.estimate.totalMs)} | ${seconds(r.limitMs)} | ` +
          `${((100 * r.estimate.totalMs) / r.limitMs).toFixed(r.estimate.totalMs > r.limitMs ? 0 : 1)} %${r.estimate.totalMs > r.limitMs ? ' **over**' : ''} |`,
      );
    }
  }
  return lines.join('\n');
}

function methodTable(sizes: readonly number[], results: Record<number, Record<Row, Result>>): string {
  const parts: string[] = [];
  for (const row of OPERATIONS) {
    const methods = new Set<string>();
    for (const size of sizes)
      for (const method of Object.keys(results[size]?.[row].calls.byMethod ?? {})) methods.add(method);
    const lines = [
      `**${OPERATION_LABELS[row]}**`,
      '',
      `| method | ${sizes.map((size) => `${integer(size)} rows`).join(' | ')} |`,
      `| --- | ${sizes.map(() => '---:').join(' | ')} |`,
    ];
    for (const method of [...methods].sort())
      lines.push(
        `| ${method} | ${sizes.map((size) => String(results[size]?.[row].calls.byMethod[method] ?? 0)).join(' | ')} |`,
      );
    lines.push(`| **total** | ${sizes.map((size) => `**${results[size]?.[row].calls.total ?? 0}**`).join(' | ')} |`);
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n');
}

interface Ratio {
  size: number;
  oursCalls: number;
  naiveCalls: number;
  callsRatio: number;
  oursMs: number;
  naiveMs: number;
  timeRatio: number;
}

/** Ours against the naive check, from the first run (calls do not vary between runs). */
function ratios(sizes: readonly number[], results: Record<number, Record<Row, Result>>): Ratio[] {
  return sizes.map((size) => {
    const ours = (results[size] as Record<Row, Result>).check;
    const naive = (results[size] as Record<Row, Result>).naiveCheck;
    const oursMs = estimate(ours.calls, ours.cells, ours.nodeMs[0] as number).totalMs;
    const naiveMs = estimate(naive.calls, naive.cells, naive.nodeMs[0] as number).totalMs;
    return {
      size,
      oursCalls: ours.calls.total,
      naiveCalls: naive.calls.total,
      callsRatio: naive.calls.total / ours.calls.total,
      oursMs,
      naiveMs,
      timeRatio: naiveMs / oursMs,
    };
  });
}

function ratioTable(list: readonly Ratio[]): string {
  return [
    '| rows | our check: calls | naive: calls | calls ratio | our check: est. | naive: est. | time ratio |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...list.map(
      (r) =>
        `| ${integer(r.size)} | ${integer(r.oursCalls)} | ${integer(r.naiveCalls)} | ${integer(r.callsRatio)}× | ` +
        `${seconds(r.oursMs)} | ${seconds(r.naiveMs)} | ${integer(r.timeRatio)}× |`,
    ),
  ].join('\n');
}

function costModelText(): string {
  return [
    'Per-call cost assumed for the Apps Script estimate (bench/costModel.ts):',
    ...COST_RULES.map((rule) => `- ${rule.methods.join(', ')}: ${rule.ms} ms — ${rule.source}`),
    `- every other call except builders: ${ROUND_TRIP_MS} ms — ${ROUND_TRIP_SOURCE}`,
    '- builder and rule-object calls: 0 ms (built locally)',
    `- cells moved by getValues/setValues/getNotes/setNotes: ${CELL_MS} ms a cell — ${CELL_SOURCE}`,
    '- plus the computation: the Node time measured (median).',
    'Limits: 30 s for onEdit (simple trigger), 6 min for the rest.',
  ].join('\n');
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const results: Record<number, Record<Row, Result>> = {};
  const started = Date.now();
  for (const size of options.sizes) results[size] = measureSize(size, size >= 10_000 ? options.bigRuns : options.runs);
  const runsText =
    options.sizes.some((size) => size >= 10_000) && options.bigRuns !== options.runs
      ? `${options.runs}, ${options.bigRuns} at 10,000`
      : String(options.runs);
  const ratioList = ratios(options.sizes, results);
  const output = [
    `# Benchmark: the built bundle in the offline runtime (${new Date().toISOString().slice(0, 10)}, Node ${process.version})`,
    '',
    `Registers: ${options.sizes.map(integer).join(', ')} generated rows (seeded) + the same ${RECENT_COUNT} recent events; ` +
      `reminders go to at most ${RESPONSIBLE_POOL} responsible addresses + the recent rows' own.`,
    '',
    summaryTable(options.sizes, results, runsText),
    '',
    '## Our full check against a naive one (getValue per cell, getLastRow() in the loop condition)',
    '',
    ratioTable(ratioList),
    '',
    '## Service calls by method',
    '',
    methodTable(options.sizes, results),
    '',
    costModelText(),
    '',
    `(${((Date.now() - started) / 1000).toFixed(0)} s)`,
  ].join('\n');
  console.log(output);
  const json = {
    date: new Date().toISOString(),
    node: process.version,
    sizes: options.sizes,
    runs: { default: options.runs, atTenThousand: options.bigRuns },
    costModel: {
      rules: COST_RULES,
      roundTripMs: ROUND_TRIP_MS,
      roundTripSource: ROUND_TRIP_SOURCE,
      cellMs: CELL_MS,
      cellSource: CELL_SOURCE,
    },
    results,
    naiveRatios: ratioList,
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(json, null, 1)}\n`);
  console.error(`\nbench/results.json written.`);
}

main();
