/**
 * dialogSelectCell: a cell address in a dialog (the check's «Реестр!E12») selects that cell. Any user may
 * call it with anything: only the add-on's own sheets (the register and the service sheets), only one
 * cell or one row inside the sheet's grid; it changes nothing but the caller's selection.
 */
import { parseCellTarget } from '../../domain/a1';
import { SHEET_NAMES } from '../../domain/columns';
import type { SelectCellResult } from '../../shared/dialog';
import { errorText } from '../../shared/errorText';
import { isRegisterSheetName } from '../sheets/registerSheet';

const SERVICE_SHEET_NAMES: ReadonlySet<string> = new Set(Object.values(SHEET_NAMES));

function refused(message: string): SelectCellResult {
  return { ok: false, message };
}

export function selectCell(sheetName: unknown, a1: unknown): SelectCellResult {
  if (typeof sheetName !== 'string' || typeof a1 !== 'string' || sheetName.length > 100 || a1.length > 20) {
    return refused('Адрес ячейки не распознан.');
  }
  if (!SERVICE_SHEET_NAMES.has(sheetName) && !isRegisterSheetName(sheetName)) {
    return refused(`Лист «${sheetName}» — не лист надстройки: выделять на нём ячейки отсюда нельзя.`);
  }
  const target = parseCellTarget(a1);
  if (target === null) return refused(`«${a1}» — не адрес одной ячейки или строки.`);
  try {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
    if (sheet === null) return refused(`Листа «${sheetName}» в таблице нет.`);
    if (target.row > sheet.getMaxRows() || (target.column ?? 1) > sheet.getMaxColumns()) {
      return refused(`Ячейки ${a1} на листе «${sheetName}» нет: лист меньше.`);
    }
    const range =
      target.column === null
        ? sheet.getRange(`${target.row}:${target.row}`)
        : sheet.getRange(target.row, target.column);
    range.activate();
    return {
      ok: true,
      message:
        target.column === null
          ? `Выделена строка ${target.row} листа «${sheetName}».`
          : `Выделена ячейка ${sheetName}!${a1}.`,
    };
  } catch (error) {
    return refused(`Не удалось выделить ${sheetName}!${a1}: ${errorText(error)}`);
  }
}
