/**
 * A formula in a cell of the register. The adapters read formulas with the values (one getFormulas per
 * read) and hand a formula cell to the domain as a FormulaCell instead of its result: the add-on never
 * takes a formula's value for what a person wrote — not in letters, IDs or report stamps — and never
 * writes over it (an «ID» holding =1+1 stays). The check reports it: an error when the formula fetches
 * from outside (IMPORTXML and the other IMPORT functions, IMAGE: such a formula can send the register's
 * data to any site in its address), or when it stands in a column the add-on writes (ID, stamps);
 * otherwise a warning. Pure.
 */
import { COLUMN_BY_KEY, type ColumnRole } from './columns';
import type { ColumnKey, Severity } from './types';

/** A cell holding a formula, as the adapters read it. Prints as its formula. */
export class FormulaCell {
  constructor(readonly formula: string) {}

  toString(): string {
    return this.formula;
  }
}

export function isFormulaCell(value: unknown): value is FormulaCell {
  return value instanceof FormulaCell;
}

/**
 * A catalogue cell as the domain reads it: a FormulaCell when `formula` (getFormulas' text, '' for none)
 * is set, except in the computed columns («Срок», «Состояние»), which the add-on overwrites anyway.
 */
export function catalogueCell(key: ColumnKey, value: unknown, formula: string | undefined): unknown {
  return formula && COLUMN_BY_KEY[key].role !== 'computed' ? new FormulaCell(formula) : value;
}

/** Functions that fetch an address: their arguments, cells of the register included, leave the spreadsheet. */
const FETCHING = /(?:^|[^\p{L}\p{N}_.])(?:IMPORT[A-Z]*|IMAGE)\s*\(/iu;

export function fetchesFromOutside(formula: string): boolean {
  // Outside string literals: ="IMPORTXML(" is only text.
  return FETCHING.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}

const SHOWN_LENGTH = 80;

/** The formula as a message shows it: one line, at most SHOWN_LENGTH characters. */
export function shownFormula(formula: string): string {
  const flat = formula.replace(/\s+/g, ' ').trim();
  return flat.length > SHOWN_LENGTH ? `${flat.slice(0, SHOWN_LENGTH - 1)}…` : flat;
}

/** «в ячейке формула =…, а не текст» — what a reader of a cell says about a formula there. */
export function formulaInCell(cell: FormulaCell, expected: 'текст' | 'дата' | 'флажок'): string {
  return `в ячейке формула ${shownFormula(cell.formula)}, а не ${expected}`;
}

/** The problem a formula in a column makes: its severity and the message (without the column). */
export function formulaProblem(
  cell: FormulaCell,
  role: ColumnRole,
  expected: 'текст' | 'дата' | 'флажок',
): { severity: Severity; message: string } {
  const head = formulaInCell(cell, expected);
  if (fetchesFromOutside(cell.formula))
    return {
      severity: 'error',
      message:
        `${head}. Формула обращается к внешнему сайту и может отправить туда данные реестра — ` +
        'удалите её и впишите значение.',
    };
  if (role !== 'input')
    return {
      severity: 'error',
      message: `${head}. Эту колонку заполняет надстройка, а формулу она не заменяет — удалите формулу.`,
    };
  return {
    severity: 'warning',
    message: `${head}. Надстройка не берёт результат формулы — впишите значение.`,
  };
}
