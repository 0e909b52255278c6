/**
 * A1 notation: 'A1', 'B2:D10', '$A$1', 'A:C' (whole columns), '2:5' (whole rows), 'A2:A' (open to the
 * last row), with an optional sheet prefix ('Реестр'!A1, Реестр!A1, 'It''s'!A1).
 */
export interface GridArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ParsedA1 {
  sheetName?: string;
  /** Bounds; open ends (whole columns or rows) are filled in from the sheet's size. */
  resolve(maxRows: number, maxColumns: number): GridArea;
}

export function columnToLetters(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Ref {
  column?: number;
  row?: number;
}

const REF = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/;

function parseRef(text: string): Ref | undefined {
  const match = REF.exec(text);
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const ref: Ref = {};
  if (match[1]) ref.column = lettersToColumn(match[1]);
  if (match[2]) {
    ref.row = Number(match[2]);
    if (ref.row < 1) return undefined;
  }
  return ref;
}

function splitSheet(a1: string): { sheetName?: string; ref: string } | undefined {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'")) {
    if (!name.endsWith("'") || name.length < 2) return undefined;
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

/** Parses A1 notation; undefined when it is not valid (Apps Script then says "Range not found"). */
export function parseA1(a1: string): ParsedA1 | undefined {
  const split = splitSheet(a1.trim());
  if (!split) return undefined;
  const [startText, endText, ...rest] = split.ref.split(':');
  if (startText === undefined || rest.length > 0) return undefined;
  const start = parseRef(startText);
  const end = endText === undefined ? start : parseRef(endText);
  if (!start || !end) return undefined;
  const wholeColumns = start.row === undefined || end.row === undefined;
  const wholeRows = start.column === undefined || end.column === undefined;
  // A single reference must name a cell; a range may leave one side open (A:A, 1:1, A2:A).
  if (endText === undefined && (wholeColumns || wholeRows)) return undefined;
  if (start.column === undefined && end.column !== undefined) return undefined;
  if (start.row === undefined && end.row !== undefined && start.column === undefined) return undefined;
  const parsed: ParsedA1 = {
    resolve(maxRows: number, maxColumns: number): GridArea {
      const c1 = start.column ?? 1;
      const c2 = end.column ?? maxColumns;
      const r1 = start.row ?? 1;
      const r2 = end.row ?? maxRows;
      const row = Math.min(r1, r2);
      const column = Math.min(c1, c2);
      return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
    },
  };
  if (split.sheetName !== undefined) parsed.sheetName = split.sheetName;
  return parsed;
}

/** 'A1' for a single cell, 'B2:D10' otherwise (Range.getA1Notation). */
export function formatA1(area: GridArea): string {
  const start = `${columnToLetters(area.column)}${area.row}`;
  if (area.numRows === 1 && area.numColumns === 1) return start;
  return `${start}:${columnToLetters(area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`;
}

/** 'Реестр'!A1:B2 — quoted when the name is not a plain identifier. */
export function formatSheetA1(sheetName: string, area: GridArea): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheetName);
  const name = plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${name}!${formatA1(area)}`;
}

export function overlaps(a: GridArea, b: GridArea): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}
