/**
 * Protections setup keeps in place:
 *  - the register's header row and its service and computed columns warn before a person edits them
 *    (warning only: the add-on itself writes them while running as whoever edits the register, and a
 *    coordinator corrects a stamp by hand);
 *  - «Настройки», «Журнал» and «Производственный календарь» are editable by the coordinators and the
 *    owner only. So an action running as another person (onEdit, the sidebar) must not write them.
 * Ours are recognised by their description prefix; others' protections are never touched.
 */
import { COLUMNS } from '../../domain/columns';
import type { RegisterTable } from './registerSheet';

export const PROTECTION_PREFIX = 'Реестр страниц: ';

type Protection = GoogleAppsScript.Spreadsheet.Protection;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface RangeProtectionSpec {
  description: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** The warning-only ranges of the register: the header row and each service or computed column. */
export function registerProtectionSpecs(
  table: RegisterTable,
  size: { maxRows: number; maxColumns: number },
): RangeProtectionSpec[] {
  const specs: RangeProtectionSpec[] = [
    {
      description: `${PROTECTION_PREFIX}заголовки колонок (по ним надстройка находит данные; не переименовывайте)`,
      row: table.headerRow,
      column: 1,
      numRows: 1,
      numColumns: size.maxColumns,
    },
  ];
  for (const column of COLUMNS) {
    if (column.role === 'input') continue;
    const position = table.positions[column.key];
    if (position === undefined) continue;
    specs.push({
      description: `${PROTECTION_PREFIX}«${column.header}» — ${column.role === 'computed' ? 'вычисляется автоматически' : 'заполняется автоматически'}`,
      row: table.headerRow + 1,
      column: position + 1,
      numRows: Math.max(1, size.maxRows - table.headerRow),
      numColumns: 1,
    });
  }
  return specs;
}

function isOurs(protection: Protection): boolean {
  return protection.getDescription().startsWith(PROTECTION_PREFIX);
}

/**
 * Makes the register's warning-only protections exactly `specs`: an identical one is kept, ours that
 * differ or are no longer wanted are removed, missing ones are added.
 */
export function applyRegisterProtections(table: RegisterTable, size: { maxRows: number; maxColumns: number }): void {
  const specs = registerProtectionSpecs(table, size);
  const wanted = new Map(
    specs.map((spec) => [`${spec.description}|${spec.row}|${spec.column}|${spec.numRows}|${spec.numColumns}`, spec]),
  );
  for (const protection of table.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (!isOurs(protection)) continue;
    const range = protection.getRange();
    const key = `${protection.getDescription()}|${range.getRow()}|${range.getColumn()}|${range.getNumRows()}|${range.getNumColumns()}`;
    if (wanted.has(key) && protection.isWarningOnly()) wanted.delete(key);
    else protection.remove();
  }
  for (const spec of wanted.values()) {
    table.sheet
      .getRange(spec.row, spec.column, spec.numRows, spec.numColumns)
      .protect()
      .setDescription(spec.description)
      .setWarningOnly(true);
  }
}

/**
 * Protects a whole sheet so that only `editors` (the coordinators; the owner always can) edit it.
 * An existing protection of ours is brought to that list; others' protections are left alone.
 */
export function protectServiceSheet(sheet: Sheet, editors: readonly string[], description: string): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).find(isOurs);
  const protection = existing ?? sheet.protect().setDescription(`${PROTECTION_PREFIX}${description}`);
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  const wanted = new Set(editors.map((email) => email.trim().toLowerCase()).filter((email) => email !== ''));
  const current = protection.getEditors().map((user) => user.getEmail().toLowerCase());
  const toRemove = current.filter((email) => email !== '' && !wanted.has(email));
  const toAdd = [...wanted].filter((email) => !current.includes(email));
  if (toAdd.length > 0) protection.addEditors(toAdd);
  if (toRemove.length > 0) protection.removeEditors(toRemove);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}
