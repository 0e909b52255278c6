/**
 * A1 addresses the dialogs pass back to the server (dialogSelectCell): one cell («E12») or one whole row
 * («12:12»), nothing else. Anyone may call the global with anything, so the text is parsed strictly.
 */

/** A cell (`column` from 1) or a whole row (`column` null). */
export interface CellTarget {
  row: number;
  column: number | null;
}

const CELL = /^([A-Z]{1,3})([1-9]\d{0,6})$/;
const ROW = /^([1-9]\d{0,6}):([1-9]\d{0,6})$/;

/** «E12» → { row: 12, column: 5 }; «12:12» → { row: 12, column: null }; anything else → null. */
export function parseCellTarget(a1: string): CellTarget | null {
  const cell = CELL.exec(a1);
  if (cell) {
    const column = [...(cell[1] ?? '')].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
    return { row: Number(cell[2]), column };
  }
  const row = ROW.exec(a1);
  if (row && row[1] === row[2]) return { row: Number(row[1]), column: null };
  return null;
}
