/**
 * Notes the add-on puts on register cells that have a problem. A note of ours starts with a marker
 * line; whatever a person wrote in the note before the marker is kept word for word, so adding,
 * changing or removing our part never loses their text.
 */
import type { ColumnKey, Problem, RowAssessment } from '../../domain/types';
import { type RegisterTable } from './registerSheet';
import { readNotes } from './registerRows';

export const NOTE_MARKER = '⚠ Реестр страниц:';

/** The person's part of a note: everything before our marker, trailing blank lines dropped. */
export function userPartOfNote(note: string): string {
  const index = note.indexOf(NOTE_MARKER);
  return (index < 0 ? note : note.slice(0, index)).replace(/\s+$/, '');
}

/** The note a cell should have: the person's part, then ours when there are messages. */
export function mergedNote(existing: string, messages: readonly string[]): string {
  const user = userPartOfNote(existing);
  if (messages.length === 0) return user;
  // Concatenated, not joined: the note refers to the messages' texts instead of copying them, and a
  // first check writes tens of thousands of notes in one setNotes.
  let ours = NOTE_MARKER;
  for (const message of messages) ours += `\n${message}`;
  return user === '' ? ours : `${user}\n\n${ours}`;
}

const NO_MESSAGES: readonly string[] = [];
const LINE_FEED = 10;
const WHITESPACE = /\s/;

/**
 * Whether `note` already is mergedNote(note, messages), told without building that text: a check
 * re-reads thousands of notes that carry our current part, and each would be built again only to be
 * found equal.
 */
export function isMergedNote(note: string, messages: readonly string[]): boolean {
  const marker = note.indexOf(NOTE_MARKER);
  if (messages.length === 0) return marker < 0 && !WHITESPACE.test(note.charAt(note.length - 1));
  if (marker < 0) return false;
  // The person's part is followed by one blank line, and ends with no space of its own (it is trimmed).
  if (
    marker > 0 &&
    (marker < 3 ||
      note.charCodeAt(marker - 1) !== LINE_FEED ||
      note.charCodeAt(marker - 2) !== LINE_FEED ||
      WHITESPACE.test(note.charAt(marker - 3)))
  )
    return false;
  let at = marker + NOTE_MARKER.length;
  for (const message of messages) {
    if (note.charCodeAt(at) !== LINE_FEED || !note.startsWith(message, at + 1)) return false;
    at += 1 + message.length;
  }
  return at === note.length;
}

function problemLine(problem: Problem): string {
  return `${problem.severity === 'error' ? 'Ошибка' : 'Внимание'}: ${problem.message}`;
}

/**
 * Messages per cell of one row: a problem with a column goes on that column's cell; a problem of the
 * row as a whole (or of a column the sheet lacks) goes on «Состояние».
 */
export function rowNoteMessages(
  assessment: Pick<RowAssessment, 'problems'> | null,
  positions: Partial<Record<ColumnKey, number>>,
): Map<number, string[]> {
  const byPosition = new Map<number, string[]>();
  if (assessment === null) return byPosition;
  for (const problem of assessment.problems) {
    const position = (problem.column === null ? undefined : positions[problem.column]) ?? positions.state;
    if (position === undefined) continue;
    const lines = byPosition.get(position);
    if (lines === undefined) byPosition.set(position, [problemLine(problem)]);
    else lines.push(problemLine(problem));
  }
  return byPosition;
}

/**
 * The notes of a block of rows after our update: `existing` as getNotes returned it, `assessments`
 * aligned with its rows (null for a blank row). Only catalogue cells and cells already carrying our
 * marker can change; every other note stays as it is.
 */
export function updatedNotes(
  existing: readonly (readonly string[])[],
  assessments: ReadonlyArray<Pick<RowAssessment, 'problems'> | null>,
  positions: Partial<Record<ColumnKey, number>>,
): string[][] {
  return existing.map((notes, index) => {
    const messages = rowNoteMessages(assessments[index] ?? null, positions);
    // A row whose notes already say what they should is handed back as it is, without a copy.
    let changed: string[] | null = null;
    for (let position = 0; position < notes.length; position++) {
      const note = notes[position] as string;
      const wanted = messages.get(position) ?? NO_MESSAGES;
      if (wanted.length === 0 && !note.includes(NOTE_MARKER)) continue;
      if (isMergedNote(note, wanted)) continue;
      changed ??= [...notes];
      changed[position] = mergedNote(note, wanted);
    }
    return changed ?? (notes as string[]);
  });
}

/**
 * The rectangle where two blocks of notes differ — first and last row index, first and last column
 * index — or null when they are equal.
 */
export function changedSpan(
  before: readonly (readonly string[])[],
  after: readonly (readonly string[])[],
): { rows: [number, number]; columns: [number, number] } | null {
  let first = -1;
  let last = -1;
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  for (let index = 0; index < after.length; index++) {
    const row = after[index] as readonly string[];
    const old = before[index];
    // updatedNotes hands back a row it left unchanged as the same array.
    if (row === old) continue;
    for (let position = 0; position < row.length; position++) {
      if (row[position] === (old?.[position] ?? '')) continue;
      if (first < 0) first = index;
      last = index;
      if (position < left) left = position;
      if (position > right) right = position;
    }
  }
  return first < 0 ? null : { rows: [first, last], columns: [left, right] };
}

/**
 * Brings our part of the notes of rows first..first + assessments.length - 1 in line with their
 * assessments (null for a blank row: our notes go): one getNotes over the rows, and one setNotes over
 * the rectangle of notes that change (rows and columns from the first to the last that change), or
 * none. The person's own text stays. Returns true when it wrote.
 */
export function refreshNotes(
  table: RegisterTable,
  first: number,
  assessments: ReadonlyArray<Pick<RowAssessment, 'problems'> | null>,
): boolean {
  const before = readNotes(table, first, assessments.length);
  const after = updatedNotes(before, assessments, table.positions);
  const span = changedSpan(before, after);
  if (span === null) return false;
  const [top, bottom] = span.rows;
  const [left, right] = span.columns;
  table.sheet
    .getRange(first + top, left + 1, bottom - top + 1, right - left + 1)
    // A row the rectangle spans in full (the first check's usually) goes as it is, not copied.
    .setNotes(
      after.slice(top, bottom + 1).map((row) => (row.length === right - left + 1 ? row : row.slice(left, right + 1))),
    );
  return true;
}
