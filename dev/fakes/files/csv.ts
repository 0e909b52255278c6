/**
 * CSV as Google Sheets imports it: UTF-8 with or without BOM, the separator detected from the first
 * line (comma, semicolon or tab, outside quotes), RFC 4180 quoting ("" inside quotes, line breaks in
 * quoted fields), \n or \r\n line ends. The parsing is csv-parse's (a maintained parser); choosing the
 * separator as Sheets does, and reading the fields as Sheets does (numbers, dates, formulas in the
 * Russian locale: cellParsing.ts), stay ours.
 */
import { parse } from 'csv-parse/sync';

export function detectSeparator(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  return Object.entries(counts).reduce((best, entry) => (entry[1] > best[1] ? entry : best), [',', 0] as [
    string,
    number,
  ])[0];
}

/** The rows of a CSV text; the parsing itself is csv-parse's (RFC 4180, quotes, line breaks in fields). */
export function parseCsv(input: string, separator = detectSeparator(input.replace(/^\uFEFF/, ''))): string[][] {
  return parse(input, {
    delimiter: separator,
    bom: true,
    // Any line end, even mixed in one file.
    record_delimiter: ['\r\n', '\n', '\r'],
    // Sheets imports ragged rows and stray quotes inside unquoted fields as they are.
    relax_column_count: true,
    relax_quotes: true,
  });
}
