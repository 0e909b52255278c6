/**
 * Where the register is: its sheet's name, header row, width and header texts. The context cache keeps
 * it for an hour with the day's context (contextCache.ts); a durable copy of the layout ALONE is kept in
 * the document properties, so that a read that finds no cache entry (the daily check, every morning)
 * reaches the register by one open-ended range instead of getSheetByName + getDataRange. «Настройки», the
 * calendar and the time zone are never kept there: they are read fresh on every such read (a row
 * deleted from «Настройки» fires no onEdit; a stale time zone would move every date by a day).
 *
 * A stored layout is only a guess: it is trusted when the header row read at its place, one column
 * wider, equals its header texts with nothing named after them (sameStoredHeader; the cache's entry is
 * checked the same way, without the extra column), and only for the sheet the register would be looked
 * for under anyway (the remembered name, or «Реестр»); otherwise the register is found as before. An edit
 * of the header row also makes onEdit forget the layout (forgetLayout), and setup stores the new one
 * (the columns it adds fire no onEdit). It is read only where the run's properties are loaded (one
 * getProperties: withDocumentProperties, withDocumentPropertiesForRead) and written staged, with the
 * run's other properties, only when it changed.
 */
import { SHEET_NAMES } from '../../domain/columns';
import {
  deleteDocumentProperty,
  documentPropertiesLoaded,
  readDocumentProperty,
  stageDocumentProperty,
  withDocumentProperties,
} from '../platform/documentProperties';
import { HEADER_SCAN_ROWS, REGISTER_SHEET_PROPERTY, isRegisterSheetName, type RegisterTable } from './registerSheet';

export const LAYOUT_PROPERTY = 'registerLayout';
/** The stored value's format: a value of another (an older or later release's) is not used. */
const LAYOUT_FORMAT = 1;
/** Sheets allows 18,278 columns (ZZZ) and sheet names of 100 characters. */
const MAX_COLUMNS = 18_278;
const MAX_NAME = 100;
/**
 * A property value may hold 9 kB; a layout longer than this (3 bytes a character at most in UTF-8) is
 * not stored, so that it never makes the run's one setProperties fail.
 */
const MAX_STORED_CHARS = 8_000 / 3;

export interface RegisterLayout {
  registerName: string;
  /** 1-based. */
  headerRow: number;
  width: number;
  /** The header row as String(cell). */
  headers: string[];
}

/** The header as the layout keeps it. */
export function headerTexts(header: readonly unknown[]): string[] {
  return header.map((cell) => String(cell));
}

/** Whether the header row just read is the one a layout (cached or stored) was taken from. */
export function sameHeader(read: readonly unknown[], kept: readonly string[]): boolean {
  return read.length === kept.length && read.every((cell, index) => String(cell) === kept[index]);
}

/**
 * A stored layout's header row, read one column wider when the sheet has that column: the same texts,
 * and nothing named just after them. A header typed there fires onEdit, which forgets the layout, but a
 * read that began before that edit may store the old layout again after it, and a script or another
 * add-on writes without any onEdit; such a header next to the stored ones is seen here. (A header typed
 * further right, past a blank column, is left to onEdit alone.)
 */
export function sameStoredHeader(read: readonly unknown[], layout: RegisterLayout): boolean {
  const next = read.length > layout.width ? read[layout.width] : '';
  return (
    read.length <= layout.width + 1 &&
    sameHeader(read.slice(0, layout.width), layout.headers) &&
    String(next ?? '').trim() === ''
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The layout's fields and their types (the context cache's entry holds them too). */
export function isRegisterLayout(value: unknown): value is RegisterLayout {
  if (!isRecord(value)) return false;
  const { registerName, headerRow, width, headers } = value;
  return (
    typeof registerName === 'string' &&
    Number.isInteger(headerRow) &&
    (headerRow as number) >= 1 &&
    Number.isInteger(width) &&
    (width as number) >= 1 &&
    Array.isArray(headers) &&
    headers.every((header) => typeof header === 'string')
  );
}

/** A stored value, checked strictly: anything else (corrupt, an older release's) is not used. */
function parseStored(text: string): RegisterLayout | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.format !== LAYOUT_FORMAT || Object.keys(value).length !== 5) return null;
  if (!isRegisterLayout(value)) return null;
  const { registerName, headerRow, width, headers } = value;
  const valid =
    registerName !== '' &&
    registerName.length <= MAX_NAME &&
    headerRow <= HEADER_SCAN_ROWS &&
    width <= MAX_COLUMNS &&
    headers.length === width;
  return valid ? { registerName, headerRow, width, headers: [...headers] } : null;
}

function storedText(layout: RegisterLayout): string {
  const { registerName, headerRow, width, headers } = layout;
  return JSON.stringify({ format: LAYOUT_FORMAT, registerName, headerRow, width, headers });
}

/**
 * The stored layout, when the run's properties are loaded (no call: read from the run's copy) and it
 * names the sheet the register is looked for under; null otherwise.
 */
export function storedLayout(): RegisterLayout | null {
  if (!documentPropertiesLoaded()) return null;
  const text = readDocumentProperty(LAYOUT_PROPERTY);
  const layout = text === null ? null : parseStored(text);
  return layout !== null && isRegisterSheetName(layout.registerName) ? layout : null;
}

/**
 * Stages the layout of a register just opened and checked, within withDocumentProperties (written with
 * the run's other properties, and only when it differs from the stored one); nothing outside. Not
 * stored: a sheet found otherwise than by its name (a stored layout of it would never be used), a header
 * that is not as wide as the table (a blank sheet) or too long for a property.
 */
export function rememberLayout(table: RegisterTable): void {
  if (!documentPropertiesLoaded() || !isRegisterSheetName(table.name)) return;
  const headers = headerTexts(table.headers);
  if (headers.length !== table.width) return;
  const text = storedText({ registerName: table.name, headerRow: table.headerRow, width: table.width, headers });
  if (text.length <= MAX_STORED_CHARS) stageDocumentProperty(LAYOUT_PROPERTY, text);
}

/** The header row was edited: the stored layout may miss a column typed after it. Never throws. */
export function forgetLayout(): void {
  try {
    deleteDocumentProperty(LAYOUT_PROPERTY);
  } catch {
    // The next read still compares the header; what it cannot see waits for the next setup.
  }
}

/**
 * Setup: the register's sheet name (remembered when it is not «Реестр») and its layout as setup leaves
 * it (columns added by a script fire no onEdit), in one read and at most one write of the properties.
 */
export function rememberRegister(table: RegisterTable): void {
  withDocumentProperties(() => {
    if (table.name === SHEET_NAMES.register) deleteDocumentProperty(REGISTER_SHEET_PROPERTY);
    else stageDocumentProperty(REGISTER_SHEET_PROPERTY, table.name);
    rememberLayout(table);
  });
}
