/**
 * `npm start` writes every dialog the add-on showed during the run to out/dialogs/<name>.html, a page a
 * person opens from disk. Besides the coordinator's run (setup, check, the ЦУР preview) it opens the
 * read-only ones too — the site list, the control-letter preview and «О надстройке» — without counting
 * their calls. Opened from disk the pages have no google.script: src/ui/dialog.ts shows the title and
 * says that the buttons work only in the spreadsheet.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ABOUT_TITLE } from '../src/views/about';
import { CHECK_TITLE } from '../src/views/check';
import { CONTROL_ACTION } from '../src/views/control';
import { DAILY_CHECK_TITLE } from '../src/views/dailyCheck';
import { SELF_CHECK_TITLE } from '../src/views/selfCheck';
import { SETUP_TITLE } from '../src/views/setup';
import { SITE_LIST_TITLE } from '../src/views/siteList';
import { SUMMARY_TITLE } from '../src/views/summary';
import type { Runtime } from './runtime';
import { shownPath } from './shownPath';

/** The file of each dialog, by its title. */
export const DIALOG_FILES: Readonly<Record<string, string>> = {
  [SETUP_TITLE]: 'setup',
  [CHECK_TITLE]: 'check',
  [SUMMARY_TITLE]: 'summary',
  [SITE_LIST_TITLE]: 'site-list',
  [CONTROL_ACTION]: 'control',
  [ABOUT_TITLE]: 'about',
  [SELF_CHECK_TITLE]: 'self-check',
  [DAILY_CHECK_TITLE]: 'daily-check',
};

/** Read-only menu items a coordinator would open to look (nothing in the spreadsheet changes). */
const LOOK_AT = ['menuSiteList', 'menuControlLetter', 'menuAbout'];

/** Writes the dialogs; returns the line for the «Записано» list. */
export function writeDialogs(rt: Runtime, out: string): string {
  for (const handler of LOOK_AT) {
    // Run as the coordinator would, not quietly: a quiet call bypasses the realm crossing, and the bundle
    // would read the sheet's dates as foreign objects (every dated row «in error»).
    if (typeof rt.bundle[handler] === 'function') rt.menu(handler);
  }
  const dir = join(out, 'dialogs');
  mkdirSync(dir, { recursive: true });
  const written = new Map<string, string>();
  for (const panel of rt.ui.panels) {
    if (panel.kind === 'sidebar') continue;
    const name = DIALOG_FILES[panel.title] ?? `dialog-${written.size + 1}`;
    // The last of a kind wins: it is what the run left the person looking at.
    written.set(name, panel.html);
  }
  for (const [name, html] of written) writeFileSync(join(dir, `${name}.html`), html);
  return `${shownPath(dir)}/: окна надстройки, открываются в браузере — ${[...written.keys()].map((name) => `${name}.html`).join(', ')}`;
}
