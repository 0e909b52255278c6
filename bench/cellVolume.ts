/**
 * Counts the cells that calls reading or writing cell contents carry, made from outside the fakes: the
 * call counter counts calls, not their size, and a getValues of 240,000 cells is not the same request
 * as one of 24. Values, formulas, display values, notes and data validations all count by the cells
 * of their range (a setDataValidation of one rule over 10,000 rows is 10,000 cells; a RangeList's
 * setValue the cells of all its ranges). Installed once by patching the fake Range's methods; nothing
 * in dev/ changes.
 */
import { FakeRange } from '../dev/fakes/range';

export const READ_METHODS = [
  'getValue',
  'getValues',
  'getDisplayValue',
  'getDisplayValues',
  'getFormula',
  'getFormulas',
  'getNote',
  'getNotes',
  'getDataValidation',
  'getDataValidations',
] as const;

export const WRITE_METHODS = [
  'setValue',
  'setValues',
  'setFormula',
  'setFormulas',
  'setNote',
  'setNotes',
  'setDataValidation',
  'setDataValidations',
] as const;

/** Single-cell getters read the top-left cell only. */
const SINGLE_CELL: ReadonlySet<string> = new Set([
  'getValue',
  'getDisplayValue',
  'getFormula',
  'getNote',
  'getDataValidation',
]);

export interface CellVolume {
  cellsRead: number;
  cellsWritten: number;
}

let read = 0;
let written = 0;
let installed = false;
/** Fakes calling each other's volume methods (getValue → getValues) count once. */
let inside = false;

interface Patched {
  area: { numRows: number; numColumns: number };
  ctx: { depth: number };
}

export function installCellVolume(): void {
  if (installed) return;
  installed = true;
  const prototype = FakeRange.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const patch = (method: string, add: (cells: number) => void): void => {
    const original = prototype[method];
    if (typeof original !== 'function') throw new Error(`FakeRange has no ${method}`);
    prototype[method] = function (this: Patched, ...args: unknown[]): unknown {
      // The proxy raises depth to 1 around a call from outside the fakes (a RangeList's setValue runs
      // its ranges' setValue at that depth too); deeper calls are the fakes' own.
      if (inside || this.ctx.depth !== 1) return original.apply(this, args);
      add(SINGLE_CELL.has(method) ? 1 : this.area.numRows * this.area.numColumns);
      inside = true;
      try {
        return original.apply(this, args);
      } finally {
        inside = false;
      }
    };
  };
  for (const method of READ_METHODS) patch(method, (cells) => (read += cells));
  for (const method of WRITE_METHODS) patch(method, (cells) => (written += cells));
}

/** Cells read and written since the last reset. */
export function cellVolume(): CellVolume {
  return { cellsRead: read, cellsWritten: written };
}

export function resetCellVolume(): void {
  read = 0;
  written = 0;
}
