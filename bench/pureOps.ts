/**
 * `pureMs`: an operation's own computation — src/ alone — on in-memory sheets, with a zero-cost service
 * layer: plain objects over arrays, no proxies, no call counting, no copying between realms, no formats,
 * protections or validations. The src/ modules run here in Node's own realm, imported directly (not the
 * bundle), on a snapshot of the offline runtime's spreadsheet and cache taken just before the operation.
 * getValues hands out a copy of its rows, as Apps Script hands out fresh arrays.
 *
 * Only what the measured operations (the full check, onEdit) call is implemented; anything else throws,
 * so an operation that starts calling more is noticed here.
 *
 * bench/pure.ts compiles this file with esbuild (as scripts/build.mjs compiles the add-on, without the
 * function-name helpers tsx adds) and loads it, so that the code timed is the code that ships.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkRegister } from '../src/gas/menu/registerCheck';
import { handleEdit } from '../src/gas/edit/onEdit';

type Cell = unknown;

function columnOfLetters(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface SheetSnapshot {
  name: string;
  values: Cell[][];
  notes: string[][];
  /** getFormulas: '' where a cell holds no formula. */
  formulas: string[][];
}

export interface BookSnapshot {
  sheets: SheetSnapshot[];
  timeZone: string;
  cache: Map<string, string>;
  properties: Map<string, string>;
}

class PureSheet {
  constructor(
    readonly name: string,
    readonly values: Cell[][],
    readonly notes: string[][],
    readonly formulas: string[][],
    readonly width: number,
  ) {}
  getName(): string {
    return this.name;
  }
  getMaxRows(): number {
    return this.values.length;
  }
  getLastRow(): number {
    for (let row = this.values.length; row > 0; row--)
      if ((this.values[row - 1] as Cell[]).some((cell) => cell !== '')) return row;
    return 0;
  }
  getLastColumn(): number {
    let last = 0;
    for (const row of this.values)
      for (let column = row.length; column > last; column--) if (row[column - 1] !== '') last = column;
    return last;
  }
  getDataRange(): PureRange {
    return new PureRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getRange(a1OrRow: string | number, column = 1, rows = 1, columns = 1): PureRange {
    if (typeof a1OrRow === 'number') return new PureRange(this, a1OrRow, column, rows, columns);
    const match = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/.exec(a1OrRow);
    if (match === null) throw new Error(`pure: A1 not supported: ${a1OrRow}`);
    const first = columnOfLetters(match[1] as string);
    const top = match[2] === undefined ? 1 : Number(match[2]);
    const last = match[3] === undefined ? first : columnOfLetters(match[3]);
    const bottom = match[4] === undefined ? (match[3] === undefined ? top : this.values.length) : Number(match[4]);
    return new PureRange(this, top, first, bottom - top + 1, last - first + 1);
  }
  getRangeList(a1s: string[]): { setValue(value: Cell): void } {
    const ranges = a1s.map((a1) => this.getRange(a1));
    return {
      setValue(value: Cell): void {
        for (const range of ranges) range.setValue(value);
      },
    };
  }
}

class PureRange {
  constructor(
    readonly sheet: PureSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {}
  getSheet(): PureSheet {
    return this.sheet;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getLastRow(): number {
    return this.row + this.rows - 1;
  }
  getLastColumn(): number {
    return this.column + this.columns - 1;
  }
  getNumRows(): number {
    return this.rows;
  }
  private block<T>(grid: T[][], empty: T): T[][] {
    const out: T[][] = new Array<T[]>(this.rows);
    for (let r = 0; r < this.rows; r++) {
      const source = grid[this.row - 1 + r];
      if (source !== undefined && source.length >= this.column - 1 + this.columns) {
        out[r] = source.slice(this.column - 1, this.column - 1 + this.columns);
        continue;
      }
      const line: T[] = new Array<T>(this.columns);
      for (let c = 0; c < this.columns; c++) line[c] = (source?.[this.column - 1 + c] ?? empty) as T;
      out[r] = line;
    }
    return out;
  }
  private put<T>(grid: T[][], block: T[][], empty: T): void {
    for (let r = 0; r < this.rows; r++) {
      const target = (grid[this.row - 1 + r] ??= []);
      for (let c = 0; c < this.columns; c++) target[this.column - 1 + c] = block[r]?.[c] ?? empty;
    }
  }
  getValues(): Cell[][] {
    return this.block(this.sheet.values, '');
  }
  setValues(values: Cell[][]): this {
    this.put(
      this.sheet.values,
      values.map((line) =>
        line.map((cell) => (typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell)),
      ),
      '',
    );
    // Values written replace any formula there.
    this.put(this.sheet.formulas, [], '');
    return this;
  }
  setValue(value: Cell): this {
    this.setValues(Array.from({ length: this.rows }, () => Array<Cell>(this.columns).fill(value)));
    return this;
  }
  getNotes(): string[][] {
    return this.block(this.sheet.notes, '');
  }
  getFormulas(): string[][] {
    return this.block(this.sheet.formulas, '');
  }
  setNotes(notes: (string | null)[][]): this {
    this.put(
      this.sheet.notes,
      notes.map((line) => line.map((note) => note ?? '')),
      '',
    );
    return this;
  }
}

class PureBook {
  readonly sheets: PureSheet[];
  constructor(readonly snapshot: BookSnapshot) {
    // Each run starts from its own copy of the snapshot (not timed).
    this.sheets = snapshot.sheets.map(
      (sheet) =>
        new PureSheet(
          sheet.name,
          sheet.values.map((row) => [...row]),
          sheet.notes.map((row) => [...row]),
          sheet.formulas.map((row) => [...row]),
          sheet.values[0]?.length ?? 0,
        ),
    );
  }
  getSheetByName(name: string): PureSheet | null {
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }
  getSheets(): PureSheet[] {
    return this.sheets;
  }
  getSpreadsheetTimeZone(): string {
    return this.snapshot.timeZone;
  }
  getRange(a1: string): PureRange {
    const bang = a1.lastIndexOf('!');
    const name = a1
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    const sheet = this.getSheetByName(name);
    if (sheet === null) throw new Error('Range not found');
    return sheet.getRange(a1.slice(bang + 1));
  }
  toast(): void {}
}

function pureStore(map: Map<string, string>) {
  return {
    get: (key: string) => map.get(key) ?? null,
    getAll: (keys: string[]) =>
      Object.fromEntries(keys.filter((key) => map.has(key)).map((key) => [key, map.get(key)])),
    put: (key: string, value: string) => void map.set(key, value),
    putAll: (values: Record<string, string>) => {
      for (const [key, value] of Object.entries(values)) map.set(key, value);
    },
    remove: (key: string) => void map.delete(key),
    getProperty: (key: string) => map.get(key) ?? null,
    setProperty: (key: string, value: string) => void map.set(key, value),
    deleteProperty: (key: string) => void map.delete(key),
  };
}

// A full collection before each timed run, so that the garbage of building the copies is not charged
// to the operation (its own garbage is).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/**
 * The CPU time of the thread that runs JavaScript, in ms: Linux's per-thread schedstat (nanoseconds on
 * the CPU). null where there is none (then only the process's time is known).
 */
function threadCpuMs(): number | null {
  try {
    const onCpu = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(onCpu) ? onCpu / 1e6 : null;
  } catch {
    return null;
  }
}

/**
 * One run's CPU time. `threadMs`: the JavaScript thread's own (the operation's critical path: what the
 * person waits for on an idle machine, less its waits); `processMs`: every thread of the process, V8's
 * background compilers and GC helpers included (they run beside the operation, not after it: an upper
 * bound). Neither counts other processes' turns on this shared machine, as wall time would.
 */
export interface PureTiming {
  threadMs: number;
  processMs: number;
}

/** Runs `fn` with the pure services as globals; returns its CPU time. */
function timed(book: PureBook, fn: (spreadsheet: PureBook) => void): PureTiming {
  const globals = globalThis as Record<string, unknown>;
  const saved = ['CacheService', 'PropertiesService', 'SpreadsheetApp'].map((name) => [name, globals[name]] as const);
  const cache = pureStore(new Map(book.snapshot.cache));
  const properties = pureStore(new Map(book.snapshot.properties));
  globals.CacheService = { getDocumentCache: () => cache };
  globals.PropertiesService = { getDocumentProperties: () => properties };
  globals.SpreadsheetApp = { getActiveSpreadsheet: () => book };
  try {
    collect();
    const start = process.cpuUsage();
    const threadStart = threadCpuMs();
    fn(book);
    const threadEnd = threadCpuMs();
    const used = process.cpuUsage(start);
    const processMs = (used.user + used.system) / 1000;
    return {
      threadMs: threadStart === null || threadEnd === null ? processMs : threadEnd - threadStart,
      processMs,
    };
  } finally {
    for (const [name, value] of saved) globals[name] = value;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

/** The medians of each clock over the runs. */
export function medianTiming(timings: readonly PureTiming[]): PureTiming {
  return {
    threadMs: median(timings.map((timing) => timing.threadMs)),
    processMs: median(timings.map((timing) => timing.processMs)),
  };
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Median CPU times of the full check (checkRegister) on fresh copies of `snapshot`. */
export function pureCheckMs(snapshot: BookSnapshot, runs: number): PureTiming {
  const times: PureTiming[] = [];
  for (let run = 0; run < runs; run++) {
    const book = new PureBook(snapshot);
    times.push(
      timed(book, (spreadsheet) => {
        if (checkRegister(spreadsheet as unknown as Spreadsheet) === null) throw new Error('pure check: no register');
      }),
    );
  }
  return medianTiming(times);
}

/** Median CPU times of onEdit (handleEdit) of one cell, the cell already holding `value`, on fresh copies. */
export function pureEditMs(
  snapshot: BookSnapshot,
  target: { sheet: string; row: number; column: number; value: Cell },
  runs: number,
): PureTiming {
  const times: PureTiming[] = [];
  for (let run = 0; run < runs; run++) {
    const book = new PureBook(snapshot);
    const sheet = book.getSheetByName(target.sheet);
    if (sheet === null) throw new Error(`pure edit: no sheet ${target.sheet}`);
    const range = sheet.getRange(target.row, target.column);
    range.setValues([[target.value]]);
    times.push(
      timed(book, (spreadsheet) => {
        handleEdit(spreadsheet as unknown as Spreadsheet, range as unknown as GoogleAppsScript.Spreadsheet.Range);
      }),
    );
  }
  return medianTiming(times);
}
