/**
 * Formulas computed as Google Sheets computes them, by one engine (HyperFormula) for everything the
 * fakes evaluate: formula cells (getValues, getDisplayValues), conditional-format and data-validation
 * custom formulas (evaluateFormulaAt), and tests that ask which rows a rule lights up.
 *
 * Lazy: a read builds the engine only when the cells it returns hold formulas, and later reads only
 * pass it the cells written since (Grid.takeTouched); a spreadsheet without formulas never builds one,
 * so the register's reads cost nothing more.
 *
 * Sheets' differences that matter here: TODAY() and NOW() follow the runtime's clock in the
 * spreadsheet's zone (not the host's); functions Sheets has and HyperFormula lacks that fetch from
 * outside or draw (IMPORTXML, IMAGE, …) give #N/A, as Sheets shows them when it cannot fetch (offline);
 * errors read as their text ('#N/A', '#DIV/0!'), as getValues returns them.
 */
import {
  CellError,
  CellValueDetailedType,
  DetailedCellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  type CellValue as EngineValue,
  type RawCellContent,
} from 'hyperformula';
import type { CellValue } from './cellParsing';
import { isDate } from './context';
import type { Cell } from './grid';
import { fromSerial, toSerial } from './timeZones';

/** Sheets functions HyperFormula lacks that fetch from outside or draw: #N/A offline. */
export const OFFLINE_FUNCTIONS = [
  'IMPORTXML',
  'IMPORTDATA',
  'IMPORTHTML',
  'IMPORTFEED',
  'IMPORTRANGE',
  'IMAGE',
  'GOOGLEFINANCE',
  'GOOGLETRANSLATE',
  'DETECTLANGUAGE',
  'SPARKLINE',
] as const;

/** The clock and zone TODAY() and NOW() read while an engine is built or asked (set around each use). */
let clock: { now: Date; timeZone: string } = { now: new Date(0), timeZone: 'UTC' };

/**
 * Runs `compute` with TODAY() and NOW() reading `now` in `timeZone`, for any HyperFormula engine of this
 * process (the functions are registered globally): dev/formulaEngine.ts computes «Обзор» with it.
 */
export function atClock<T>(now: Date, timeZone: string, compute: () => T): T {
  const previous = clock;
  clock = { now, timeZone };
  try {
    return compute();
  } finally {
    clock = previous;
  }
}

const STRING = { argumentType: FunctionArgumentType.STRING };

/** Sheets' RE2 syntax read as a JavaScript pattern (the add-on's patterns use the common part). */
function pattern(source: string, flags = ''): RegExp | CellError {
  try {
    return new RegExp(source, `u${flags}`);
  } catch {
    return new CellError(
      ErrorType.REF,
      `Function REGEX parameter 2 value "${source}" is not a valid regular expression.`,
    );
  }
}

/**
 * Functions Sheets has and HyperFormula lacks: the fetching ones give #N/A; REGEXMATCH, REGEXEXTRACT
 * and REGEXREPLACE (the add-on's validation formulas use them) are computed; TODAY and NOW replace the
 * engine's (which read the host's clock and zone).
 */
class SheetsOnlyFunctions extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    ...Object.fromEntries(
      OFFLINE_FUNCTIONS.map((name) => [
        name,
        { method: 'offline', parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
      ]),
    ),
    ISDATE: { method: 'isdate', parameters: [{ argumentType: FunctionArgumentType.ANY }] },
    TO_TEXT: { method: 'totext', parameters: [{ argumentType: FunctionArgumentType.ANY }] },
    REGEXMATCH: { method: 'regexmatch', parameters: [STRING, STRING] },
    REGEXEXTRACT: { method: 'regexextract', parameters: [STRING, STRING] },
    REGEXREPLACE: { method: 'regexreplace', parameters: [STRING, STRING, STRING] },
    TODAY: { method: 'today', parameters: [], isVolatile: true, returnNumberType: CellValueDetailedType.NUMBER_DATE },
    NOW: { method: 'now', parameters: [], isVolatile: true, returnNumberType: CellValueDetailedType.NUMBER_DATETIME },
  };

  offline(): CellError {
    return new CellError(ErrorType.NA, 'offline: the fakes fetch nothing');
  }

  /** Whether the argument is a date or a date-time (the engine's own number subtype), as in Sheets. */
  isdate(ast: { args: never[] }, state: never): unknown {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, 'ISDATE takes one argument');
    const value = this.evaluateAst(ast.args[0] as never, state) as { getDetailedType?: () => string } | null;
    const type = typeof value === 'object' && value !== null ? value.getDetailedType?.() : undefined;
    return type === CellValueDetailedType.NUMBER_DATE || type === CellValueDetailedType.NUMBER_DATETIME;
  }

  /** The value as text, as Sheets shows it in the Russian locale (decimal comma, dd.MM.yyyy dates). */
  totext(ast: { args: never[] }, state: never): unknown {
    if (ast.args.length !== 1) return new CellError(ErrorType.NA, 'TO_TEXT takes one argument');
    const value = this.evaluateAst(ast.args[0] as never, state) as unknown;
    if (value instanceof CellError) return value;
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value).replace('.', ',');
    if (typeof value === 'object' && value !== null && 'val' in value) {
      const rich = value as { val: number; getDetailedType: () => string };
      if (rich.getDetailedType() === CellValueDetailedType.NUMBER_DATE) {
        const date = fromSerial(rich.val, 'UTC');
        const two = (n: number) => String(n).padStart(2, '0');
        return `${two(date.getUTCDate())}.${two(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
      }
      return String(rich.val).replace('.', ',');
    }
    return '';
  }

  regexmatch(ast: { args: never }, state: never): unknown {
    return this.runFunction(ast.args, state, this.metadata('REGEXMATCH'), (text: string, source: string) => {
      const re = pattern(source);
      return re instanceof CellError ? re : re.test(text);
    });
  }

  regexextract(ast: { args: never }, state: never): unknown {
    return this.runFunction(ast.args, state, this.metadata('REGEXEXTRACT'), (text: string, source: string) => {
      const re = pattern(source);
      if (re instanceof CellError) return re;
      const match = re.exec(text);
      return match === null ? new CellError(ErrorType.NA, 'REGEXEXTRACT: no match') : (match[1] ?? match[0]);
    });
  }

  regexreplace(ast: { args: never }, state: never): unknown {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('REGEXREPLACE'),
      (text: string, source: string, replacement: string) => {
        const re = pattern(source, 'g');
        return re instanceof CellError ? re : text.replace(re, replacement.replace(/\\(\d)/g, '$$$1'));
      },
    );
  }

  // runFunction applies returnNumberType, so the results read as dates (the engine's own types are internal).
  today(ast: { args: never }, state: never): unknown {
    return this.runFunction(ast.args, state, this.metadata('TODAY'), () =>
      Math.floor(toSerial(clock.now, clock.timeZone)),
    );
  }

  now(ast: { args: never }, state: never): unknown {
    return this.runFunction(ast.args, state, this.metadata('NOW'), () => toSerial(clock.now, clock.timeZone));
  }
}

const NAMES = Object.keys(SheetsOnlyFunctions.implementedFunctions);
HyperFormula.registerFunctionPlugin(SheetsOnlyFunctions as never, {
  enGB: Object.fromEntries(NAMES.map((name) => [name, name])),
});

/** One sheet's cells, as the engine needs them. */
export interface FormulaSheet {
  name: string;
  /** Rows of the sheet's grid: where an open-ended range (A2:A) ends. */
  maxRows: number;
  cells: () => Iterable<[number, number, Cell]>;
  cell: (row: number, column: number) => Cell | undefined;
  /** Cells written since the last call ('row,column'), or 'all' (see Grid.takeTouched). */
  takeTouched: () => ReadonlySet<string> | 'all';
}

/** What the engine reads from a spreadsheet: its sheets, zone and clock. */
export interface FormulaBook {
  sheets: () => readonly FormulaSheet[];
  timeZone: () => string;
  now: () => Date;
}

interface Built {
  key: string;
  engine: HyperFormula;
  /** Columns past every sheet's data: scratch cells for evaluateFormulaAt. */
  spare: number;
  /** A formula calls NOW(): the engine follows the clock by the second, not by the day. */
  usesNow: boolean;
}

const built = new WeakMap<FormulaBook, Built>();
let builds = 0;
/** How many engines were built so far (tests check that reads without formulas build none). */
export function engineBuilds(): number {
  return builds;
}

/**
 * What Sheets takes and the engine does not, rewritten outside string literals: `Настройки!A1` unquoted
 * (the engine needs `'Настройки'!A1`), and open-ended ranges `$A$2:$A` (to the sheet's last row, `maxRows`).
 */
export function engineFormula(formula: string, maxRows: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/(^|[^'\p{L}\p{N}_.])(\p{L}[\p{L}\p{N}_.]*)!/gu, "$1'$2'!")
            .replace(/(\$?[A-Za-z]{1,3}\$?\d+):(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_$(!])/g, `$1:$2${maxRows}`),
    )
    .join('');
}

function engineContent(cell: Cell, timeZone: string, maxRows: number): RawCellContent {
  if (cell.formula !== undefined) return engineFormula(cell.formula, maxRows);
  const value = cell.value;
  if (value === '') return null;
  // A date goes in as date text, so that the engine types it a date (ISDATE, a date plus days).
  if (isDate(value)) return dateText(toSerial(value, timeZone));
  // A text cell stays text (the engine would read '12' as a number and '=x' as a formula).
  if (typeof value === 'string') return `'${value}`;
  return value;
}

/** A serial day as 'YYYY-MM-DD' (midnight) or 'YYYY-MM-DD hh:mm:ss', the forms the engine reads as dates. */
function dateText(serial: number): string {
  const wall = fromSerial(serial, 'UTC');
  const iso = wall.toISOString();
  return serial === Math.floor(serial) ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/**
 * What an engine cannot follow cell by cell: the clock, the sheets and their sizes. The clock by the day
 * (TODAY): rebuilding a large book (the «Обзор» sheet's formulas) every second of a runtime's clock made a
 * setup take minutes; a book whose formulas call NOW() is keyed by the second, as before.
 */
const NOW_CALL = /\bNOW\s*\(/i;

function stateKey(book: FormulaBook, sheets: readonly FormulaSheet[], timeZone: string, usesNow: boolean): string {
  const serial = toSerial(book.now(), timeZone);
  const tick = usesNow ? Math.floor(serial * 86_400) : Math.floor(serial);
  return `${tick}\u0001${sheets.map((sheet) => `${sheet.name}\u0002${sheet.maxRows}`).join('\u0001')}`;
}

/** The cells written since the engine last looked, put into it (one batch: one recalculation). */
function update(
  current: Built,
  sheets: readonly FormulaSheet[],
  touched: ReadonlyArray<ReadonlySet<string>>,
  timeZone: string,
): void {
  current.engine.batch(() => {
    sheets.forEach((sheet, index) => {
      const id = current.engine.getSheetId(sheet.name) as number;
      for (const key of touched[index] ?? []) {
        const [row, column] = key.split(',').map(Number) as [number, number];
        const cell = sheet.cell(row, column);
        const content = cell === undefined ? null : engineContent(cell, timeZone, sheet.maxRows);
        if (typeof content === 'string' && NOW_CALL.test(content)) current.usesNow = true;
        current.engine.setCellContents({ sheet: id, row: row - 1, col: column - 1 }, [[content]]);
        if (content !== null) current.spare = Math.max(current.spare, column + 1);
      }
    });
  });
}

/**
 * The engine of `book`, up to date: built once, then told of the cells written since (a rebuild only
 * when rows or columns moved, sheets changed, too many cells were written, or the clock moved on).
 */
function engineFor(book: FormulaBook): Built {
  const timeZone = book.timeZone();
  const sheets = book.sheets();
  const cached = built.get(book);
  const key = stateKey(book, sheets, timeZone, cached?.usesNow ?? false);
  const touched = sheets.map((sheet) => sheet.takeTouched());
  if (cached?.key === key && touched.every((cells) => cells !== 'all')) {
    update(cached, sheets, touched as Array<ReadonlySet<string>>, timeZone);
    return cached;
  }
  cached?.engine.destroy();
  let spare = 0;
  let usesNow = false;
  const data: Record<string, RawCellContent[][]> = {};
  for (const sheet of sheets) {
    const rows: RawCellContent[][] = [];
    for (const [row, column, cell] of sheet.cells()) {
      const line = (rows[row - 1] ??= []);
      const content = engineContent(cell, timeZone, sheet.maxRows);
      if (typeof content === 'string' && NOW_CALL.test(content)) usesNow = true;
      line[column - 1] = content;
      spare = Math.max(spare, column);
    }
    for (let index = 0; index < rows.length; index++) rows[index] ??= [];
    data[sheet.name] = rows.map((line) => Array.from(line, (content) => content ?? null));
  }
  builds += 1;
  const engine = HyperFormula.buildFromSheets(data, {
    licenseKey: 'gpl-v3',
    useArrayArithmetic: true,
    // Sheets' defaults, not Excel's: 1899-12-30 is day 0, comparisons of text ignore case.
    nullDate: { year: 1899, month: 12, day: 30 },
    caseSensitive: false,
    leapYear1900: false,
    dateFormats: ['YYYY-MM-DD'],
    timeFormats: ['hh:mm', 'hh:mm:ss'],
  });
  const next = { key: stateKey(book, sheets, timeZone, usesNow), engine, spare: spare + 1, usesNow };
  built.set(book, next);
  return next;
}

function withClock<T>(book: FormulaBook, fn: () => T): T {
  const previous = clock;
  clock = { now: book.now(), timeZone: book.timeZone() };
  try {
    return fn();
  } finally {
    clock = previous;
  }
}

/** An engine result as Apps Script's getValues gives it. */
function toCellValue(value: EngineValue, type: string, timeZone: string, format: string | undefined): CellValue {
  if (value instanceof DetailedCellError) return value.value === '#CYCLE!' ? '#REF!' : value.value;
  if (value === null) return '';
  if (typeof value === 'number') {
    const dated = type === CellValueDetailedType.NUMBER_DATE || type === CellValueDetailedType.NUMBER_DATETIME;
    const automatic = format === undefined || format === '';
    return dated && automatic ? fromSerial(value, timeZone) : value;
  }
  return value;
}

/** The computed value of the formula cell at `row`, `column` (1-based) of sheet `sheetName`; `format` is the cell's number format. */
export function evaluateCell(
  book: FormulaBook,
  sheetName: string,
  row: number,
  column: number,
  format?: string,
): CellValue {
  return withClock(book, () => {
    const { engine } = engineFor(book);
    const sheet = engine.getSheetId(sheetName);
    if (sheet === undefined) return '';
    const address = { sheet, row: row - 1, col: column - 1 };
    return toCellValue(engine.getCellValue(address), engine.getCellValueDetailedType(address), book.timeZone(), format);
  });
}

/**
 * The value of `formula` (with its '=') written for the cell `anchor` and read at `at` — how Sheets
 * evaluates a conditional-format or validation custom formula: relative references are relative to the
 * rule's top-left cell and move with the cell being judged. Nothing in the spreadsheet changes.
 */
export function evaluateFormulaAt(
  book: FormulaBook,
  formula: string,
  sheetName: string,
  anchor: { row: number; column: number },
  at: { row: number; column: number } = anchor,
): CellValue {
  return withClock(book, () => {
    const { engine, spare } = engineFor(book);
    const sheet = engine.getSheetId(sheetName);
    if (sheet === undefined) throw new Error(`no sheet «${sheetName}»`);
    const source = { sheet, row: anchor.row - 1, col: spare + anchor.column - 1 };
    const target = { sheet, row: at.row - 1, col: spare + at.column - 1 };
    const maxRows = book.sheets().find((candidate) => candidate.name === sheetName)?.maxRows ?? 1000;
    engine.setCellContents(source, [[engineFormula(formula, maxRows)]]);
    try {
      if (target.row !== source.row || target.col !== source.col) {
        engine.copy({ start: source, end: source });
        engine.paste(target);
      }
      return toCellValue(engine.getCellValue(target), engine.getCellValueDetailedType(target), book.timeZone(), '');
    } finally {
      engine.setCellContents(source, [[null]]);
      engine.setCellContents(target, [[null]]);
    }
  });
}
