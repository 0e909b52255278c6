import fc from 'fast-check';
import {
  NOTE_MARKER,
  changedSpan,
  isMergedNote,
  mergedNote,
  updatedNotes,
  userPartOfNote,
} from '../../src/gas/sheets/cellNotes';
import { ID_PATTERN, pageIdFromHex } from '../../src/gas/platform/ids';
import type { Problem } from '../../src/domain/types';

const error = (column: Problem['column'], message: string): Problem => ({ column, severity: 'error', message });

describe('cell notes', () => {
  it('keeps the person’s text word for word and replaces only our part', () => {
    const mine = mergedNote('Проверить у Иванова', ['Ошибка: «Ссылка на страницу»: не адрес.']);
    expect(mine).toBe(`Проверить у Иванова\n\n${NOTE_MARKER}\nОшибка: «Ссылка на страницу»: не адрес.`);
    expect(userPartOfNote(mine)).toBe('Проверить у Иванова');
    expect(mergedNote(mine, [])).toBe('Проверить у Иванова');
    expect(mergedNote(mergedNote('', ['Ошибка: x']), [])).toBe('');
  });

  it('puts a problem on its column, a row problem on «Состояние», and touches no other note', () => {
    const positions = { organization: 0, link: 1, state: 2 };
    const before = [
      ['своя заметка', '', ''],
      ['', `${NOTE_MARKER}\nстарое`, ''],
    ];
    const after = updatedNotes(
      before,
      [{ problems: [error('link', 'плохая ссылка'), error(null, 'строка целиком')] }, null],
      positions,
    );
    expect(after[0]).toEqual([
      'своя заметка',
      `${NOTE_MARKER}\nОшибка: плохая ссылка`,
      `${NOTE_MARKER}\nОшибка: строка целиком`,
    ]);
    expect(after[1]).toEqual(['', '', '']);
    // Row 0: link and «Состояние»; row 1: our old note goes. The person's note in column 0 is not rewritten.
    expect(changedSpan(before, after)).toEqual({ rows: [0, 1], columns: [1, 2] });
    expect(changedSpan(after, after)).toBeNull();
  });
});

describe('isMergedNote', () => {
  const piece = fc.constantFrom(
    '',
    'a',
    'Проверить',
    ' ',
    '\n',
    '\n\n',
    '\u00a0',
    NOTE_MARKER,
    'Ошибка: x',
    'Внимание: y',
  );
  const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
  const messages = fc.array(fc.constantFrom('Ошибка: x', 'Внимание: y', 'x', '', 'Ошибка: x\nВнимание: y'), {
    maxLength: 3,
  });

  it('tells exactly when mergedNote would give the note back unchanged', () => {
    // Notes as people and earlier runs leave them: any text, and our own merged notes of any text.
    const note = fc.oneof(
      text,
      fc.tuple(text, messages).map(([user, lines]) => mergedNote(user, lines)),
      // …and near misses: a person's part not trimmed, or not followed by exactly one blank line.
      fc
        .tuple(text, fc.constantFrom('', '\n', '\n\n', ' \n\n'), messages)
        .map(([user, gap, lines]) => `${user}${gap}${[NOTE_MARKER, ...lines].join('\n')}`),
    );
    fc.assert(
      fc.property(note, messages, (existing, lines) => {
        expect(isMergedNote(existing, lines)).toBe(mergedNote(existing, lines) === existing);
      }),
      { numRuns: 5000 },
    );
  });

  it('hands back a row whose notes are current as the same array', () => {
    const positions = { link: 1, state: 2 };
    const problems = [error('link', 'плохая ссылка')];
    const current = updatedNotes([['своя', '', '']], [{ problems }], positions);
    const again = updatedNotes(current, [{ problems }], positions);
    expect(again[0]).toBe(current[0]);
    expect(changedSpan(current, again)).toBeNull();
  });
});

describe('page IDs', () => {
  it('are «P-» and 8 base-32 characters without I, L, O, U', () => {
    expect(pageIdFromHex('0000000000')).toBe('P-00000000');
    expect(pageIdFromHex('ffffffffff')).toBe('P-ZZZZZZZZ');
    for (const hex of ['0123456789', 'abcdef0123', '9f8e7d6c5b']) expect(pageIdFromHex(hex)).toMatch(ID_PATTERN);
  });
});
