/**
 * Pages of the add-on's dialogs (summary preview, site list) built on the server as strings for
 * HtmlService.createHtmlOutput. Every value goes in through escapeHtml; data for the client script goes
 * in data- attributes (escaped), never into script text.
 */
import { escapeHtml } from '../../domain/htmlEscape';

const STYLE = `
body { font-family: Arial, Helvetica, sans-serif; font-size: 13px; color: #202124; margin: 0 4px 8px; }
h3 { font-size: 14px; margin: 14px 0 6px; }
p { margin: 6px 0; }
.facts { margin: 0 0 8px; padding: 0; list-style: none; }
.facts li { margin: 3px 0; }
.warning { background: #fef7e0; border-left: 4px solid #f9ab00; padding: 6px 8px; margin: 6px 0; }
.error { background: #fce8e6; border-left: 4px solid #d93025; padding: 6px 8px; margin: 6px 0; }
.ok { background: #e6f4ea; border-left: 4px solid #188038; padding: 6px 8px; margin: 6px 0; }
.overdue { color: #b00020; font-weight: bold; }
iframe.letter { width: 100%; height: 380px; border: 1px solid #dadce0; background: #fff; }
textarea { width: 100%; box-sizing: border-box; height: 140px; font-family: monospace; font-size: 12px; }
.list { border: 1px solid #dadce0; padding: 4px 10px; max-height: 220px; overflow: auto; }
.buttons { margin-top: 12px; display: flex; gap: 8px; }
button { font: inherit; padding: 7px 16px; border-radius: 4px; border: 1px solid #dadce0; background: #fff; cursor: pointer; }
button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; }
button:disabled { opacity: .5; cursor: default; }
button:focus-visible { outline: 2px solid #174ea6; outline-offset: 2px; }
pre { white-space: pre-wrap; font-size: 12px; }
`;

/** A whole page: `body` is HTML the caller built from escaped parts; `script` is fixed code (no data in it). */
export function dialogPage(title: string, body: string, script = ''): string {
  return (
    '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><base target="_blank">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>\n<body>\n${body}\n` +
    (script ? `<script>\n${script}\n</script>\n` : '') +
    '</body></html>'
  );
}

/** Shows a page as a modal dialog over the spreadsheet. */
export function showDialog(title: string, html: string, width = 900, height = 640): void {
  const output = HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
