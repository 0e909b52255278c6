/**
 * `npm start`'s out/dialogs/: every dialog the add-on showed, and the read-only ones a coordinator opens,
 * as standalone pages a browser opens from disk (self-contained, in Russian, the buttons explained).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDialogs } from '../../dev/dialogs';
import { COORDINATOR, OWNER, createRegisterRuntime, pageRow } from '../gas/registerRuntime';

describe('out/dialogs', () => {
  it('writes setup, check, summary, site list, control letter and «О надстройке» as pages readable from disk', () => {
    const rt = createRegisterRuntime({
      today: '2026-12-07',
      rows: [pageRow('P-1', { createdOn: '2026-12-01' }), pageRow('P-2', { link: '' })],
    });
    rt.menu('menuSetup', OWNER);
    rt.menu('menuCheckRegister', COORDINATOR);
    rt.menu('menuTsurSummary', COORDINATOR);
    const out = mkdtempSync(join(tmpdir(), 'dialogs-'));
    const line = writeDialogs(rt, out);
    const files = readdirSync(join(out, 'dialogs')).sort();
    expect(files).toEqual(['about.html', 'check.html', 'control.html', 'setup.html', 'site-list.html', 'summary.html']);
    expect(line).toContain('check.html');
    for (const file of files) {
      const html = readFileSync(join(out, 'dialogs', file), 'utf8');
      expect(html).toMatch(/^<!doctype html>\s*<html lang="ru">/);
      expect(html).not.toMatch(/<(?:script|img|link)[^>]+(?:src|href)=["']?https?:/i);
      expect(html).not.toContain('<!-- DIALOG:');
      // The client says, without google.script, that the buttons need the spreadsheet.
      expect(html).toContain('Страница открыта не из Google Таблиц');
    }
    expect(readFileSync(join(out, 'dialogs', 'check.html'), 'utf8')).toContain('data-action="select-cell"');
    // The site list read the sheet's dates as the add-on does (a quiet call once left every dated row «in error»):
    // the dated page is listed, and only the row without a link is named.
    const siteList = readFileSync(join(out, 'dialogs', 'site-list.html'), 'utf8');
    expect(siteList).toContain('Действующих официальных страниц: 1');
    expect(siteList).toMatch(/Не вошли в список из-за ошибок[^<]*: строки 3\./);
  });
});
