/**
 * Counts the cells that calls moving cell data carry (getValues, setValues, getNotes...), made from
 * outside the fakes: the call counter counts calls, not their size, and a getValues of 240,000 cells is
 * not the same round trip as one of 24. Installed once by patching the fake Range's methods; nothing in
 * dev/ changes.
 */
import { FakeRange } from '../dev/fakes/range';

export const VOLUME_METHODS = [
  'getValues',
  'setValues',
  'getNotes',
  'setNotes',
  'getFormulas',
  'setFormulas',
  'getDisplayValues',
] as const;

let cells = 0;
let installed = false;

interface Patched {
  area: { numRows: number; numColumns: number };
  ctx: { depth: number };
}

export function installCellVolume(): void {
  if (installed) return;
  installed = true;
  const prototype = FakeRange.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of VOLUME_METHODS) {
    const original = prototype[method];
    if (typeof original !== 'function') throw new Error(`FakeRange has no ${method}`);
    prototype[method] = function (this: Patched, ...args: unknown[]): unknown {
      // The proxy raises depth to 1 around a call from outside the fakes; deeper calls are the fakes' own.
      if (this.ctx.depth === 1) cells += this.area.numRows * this.area.numColumns;
      return original.apply(this, args);
    };
  }
}

/** Cells moved since the last reset. */
export function cellVolume(): number {
  return cells;
}

export function resetCellVolume(): void {
  cells = 0;
}
