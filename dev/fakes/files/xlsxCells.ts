/**
 * One cell between the fake and exceljs: values (dates shifted between the spreadsheet's time zone and
 * Excel's zone-less serials, formulas with their last result, rich text and hyperlinks read as their
 * text, errors as their code), number formats (Sheets' dd.MM.yyyy is written as Excel's dd.mm.yyyy),
 * notes, fill, font and alignment.
 */
import type { Cell as ExcelCell, CellValue as ExcelValue, Font } from 'exceljs';
import type { CellValue } from '../cellParsing';
import { isDate } from '../context';
import type { Cell } from '../grid';
import { DEFAULT_DATE_FORMAT, isAutomaticFormat, isDateFormat } from '../numberFormat';
import { fromArgb, toArgb } from './excelColors';
import { fromExcelDate, toExcelDate } from './xlsxValidation';

function plainValue(value: unknown, timeZone: string): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return fromExcelDate(value, timeZone);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((run) => run.text).join('');
    if (v.error) return v.error;
    if (v.text !== undefined) return plainValue(v.text, timeZone);
  }
  return String(value);
}

/** Sheets formats (dd.MM.yyyy) as Excel writes them (dd.mm.yyyy): date letters in lower case, quoted text kept. */
export function toExcelFormat(format: string): string {
  if (!isDateFormat(format)) return format;
  return format.replace(/"[^"]*"|\[[^\]]*\]|AM\/PM|[A-Za-z]/g, (part) =>
    part.length === 1 ? part.toLowerCase() : part,
  );
}

export function readExcelCell(excel: ExcelCell, cell: Cell, timeZone: string): void {
  const value = excel.value as ExcelValue | { formula?: string; sharedFormula?: string; result?: unknown };
  if (
    value !== null &&
    typeof value === 'object' &&
    !isDate(value) &&
    ('formula' in value || 'sharedFormula' in value)
  ) {
    cell.formula = `=${excel.formula}`;
    const result = plainValue(value.result, timeZone);
    if (result !== undefined) cell.result = result;
  } else {
    const plain = plainValue(value, timeZone);
    if (plain !== undefined) cell.value = plain;
  }
  const numFmt = excel.numFmt;
  if (numFmt && !isAutomaticFormat(numFmt)) cell.format = numFmt;
  else if (isDate(cell.value)) cell.format = DEFAULT_DATE_FORMAT;
  const note = excel.note as string | { texts?: { text: string }[] } | undefined;
  if (note) cell.note = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
  const fill = excel.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const background = fromArgb(fill.fgColor?.argb);
    if (background && background !== '#ffffff') cell.background = background;
  }
  const font = excel.font as Partial<Font> | undefined;
  if (font?.bold) cell.fontWeight = 'bold';
  if (font?.italic) cell.fontStyle = 'italic';
  if (font?.underline) cell.fontLine = 'underline';
  else if (font?.strike) cell.fontLine = 'line-through';
  const fontColor = fromArgb(font?.color?.argb);
  if (fontColor && fontColor !== '#000000') cell.fontColor = fontColor;
  const alignment = excel.alignment;
  if (alignment?.wrapText) cell.wrap = true;
  if (alignment?.horizontal) cell.horizontalAlignment = alignment.horizontal;
}

function excelValue(value: CellValue, timeZone: string): ExcelValue {
  if (isDate(value)) return toExcelDate(value, timeZone);
  return value === '' ? null : value;
}

export function writeExcelCell(cell: Cell, excel: ExcelCell, timeZone: string): void {
  if (cell.formula !== undefined) {
    const formula = cell.formula.replace(/^=/, '');
    excel.value =
      cell.result === undefined ? { formula } : ({ formula, result: excelValue(cell.result, timeZone) } as ExcelValue);
  } else {
    excel.value = excelValue(cell.value, timeZone);
  }
  const format = cell.format ?? (isDate(cell.value) ? DEFAULT_DATE_FORMAT : undefined);
  if (format && !isAutomaticFormat(format)) excel.numFmt = toExcelFormat(format);
  if (cell.note) excel.note = cell.note;
  if (cell.background) excel.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(cell.background) } };
  const font: Partial<Font> = {};
  if (cell.fontWeight === 'bold') font.bold = true;
  if (cell.fontStyle === 'italic') font.italic = true;
  if (cell.fontLine === 'underline') font.underline = true;
  if (cell.fontLine === 'line-through') font.strike = true;
  if (cell.fontColor) font.color = { argb: toArgb(cell.fontColor) };
  if (Object.keys(font).length > 0) excel.font = font;
  if (cell.wrap || cell.horizontalAlignment) {
    excel.alignment = {
      ...(cell.wrap ? { wrapText: true } : {}),
      ...(cell.horizontalAlignment ? { horizontal: cell.horizontalAlignment as 'left' | 'center' | 'right' } : {}),
    };
  }
}
