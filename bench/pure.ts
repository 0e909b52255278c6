/**
 * `pureMs` (see bench/pureOps.ts): takes snapshots of the offline runtime's spreadsheet, cache and
 * document properties, and times the operations on them with bench/pureOps.ts compiled by esbuild, in a
 * child process that holds only the snapshot.
 */
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { unwrap } from '../dev/fakes/fakeObject';
import type { Runtime } from '../dev/runtime';
import type * as PureOps from './pureOps';
import type { BookSnapshot, PureTiming, SheetSnapshot } from './pureOps';

type Cell = unknown;

function isDateLike(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A value of another realm (the vm's Dates) as Node's own. */
function local(value: Cell): Cell {
  return isDateLike(value) ? new Date(value.getTime()) : value;
}

/** The spreadsheet, cache and document properties of the runtime as they are now (not counted). */
export function snapshotBook(rt: Runtime): BookSnapshot {
  const sheets = rt.quietly(() =>
    rt.spreadsheet.getSheets().map((sheet): SheetSnapshot => {
      const range = sheet.getRange(1, 1, sheet.getMaxRows(), Math.max(1, sheet.getLastColumn()));
      return {
        name: sheet.getName(),
        values: range.getValues().map((row) => row.map(local)),
        notes: range.getNotes().map((row) => [...row]),
        formulas: range.getFormulas().map((row) => [...row]),
      };
    }),
  );
  const services = rt.services as unknown as {
    CacheService: object;
    PropertiesService: object;
  };
  const cache = unwrap(services.CacheService) as unknown as { document: { entries: Map<string, { value: string }> } };
  const properties = unwrap(services.PropertiesService) as unknown as { document: { store: Map<string, string> } };
  return {
    sheets,
    timeZone: rt.quietly(() => rt.spreadsheet.getSpreadsheetTimeZone()),
    cache: new Map([...cache.document.entries].map(([key, entry]) => [key, entry.value])),
    properties: new Map(properties.document.store),
  };
}

let file: string | undefined;

/**
 * bench/pureOps.ts as esbuild bundles it (target and options of scripts/build.mjs), in a fresh module
 * instance on every call: each timed run starts with the module state an Apps Script execution starts
 * with (no memo of a previous run's links or deadlines).
 */
export function pureOps(): typeof PureOps {
  if (file === undefined) {
    const result = buildSync({
      entryPoints: [join(__dirname, 'pureOps.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'es2019',
      mainFields: ['module', 'main'],
      write: false,
      logLevel: 'silent',
    });
    file = join(tmpdir(), `register-pure-${process.pid}.cjs`);
    writeFileSync(file, result.outputFiles[0]?.text ?? '');
  }
  delete require.cache[require.resolve(file)];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as typeof PureOps;
}

/** What the child process runs: the snapshot read back, then each run in a fresh module instance. */
const CHILD_SOURCE = `
const { readFileSync } = require('node:fs');
const { deserialize } = require('node:v8');
const [bundle, data] = process.argv.slice(1);
const input = deserialize(readFileSync(data));
const times = [];
for (let run = 0; run < input.runs; run++) {
  delete require.cache[require.resolve(bundle)];
  const ops = require(bundle);
  times.push(input.edit ? ops.pureEditMs(input.snapshot, input.edit, 1) : ops.pureCheckMs(input.snapshot, 1));
}
process.stdout.write(JSON.stringify(times));
`;

/**
 * The runs' ms, timed in a child process that holds nothing but the snapshot: in this process the fakes
 * of every register size and the results live on, and each garbage collection of the timed run would
 * walk them too — an Apps Script execution's heap holds only what the script read.
 */
function timedInChild(snapshot: BookSnapshot, edit: PureEdit | null, runs: number): PureTiming[] {
  pureOps();
  const data = join(tmpdir(), `register-pure-${process.pid}.snapshot`);
  writeFileSync(data, serialize({ snapshot, edit, runs }));
  try {
    const child = spawnSync(process.execPath, ['-e', CHILD_SOURCE, file as string, data], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`pureMs: the child process failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as PureTiming[];
  } finally {
    rmSync(data, { force: true });
  }
}

type PureEdit = Parameters<typeof PureOps.pureEditMs>[1];

/** Median CPU times of the full check over `runs` runs, each in a fresh module instance. */
export function pureCheckMs(snapshot: BookSnapshot, runs: number): PureTiming {
  return pureOps().medianTiming(timedInChild(snapshot, null, runs));
}

/** Median CPU times of onEdit of one cell over `runs` runs, each in a fresh module instance. */
export function pureEditMs(snapshot: BookSnapshot, edit: PureEdit, runs: number): PureTiming {
  return pureOps().medianTiming(timedInChild(snapshot, edit, runs));
}
