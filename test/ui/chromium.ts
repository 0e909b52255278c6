/**
 * Debian's Chromium for the browser tests (apt-get install chromium chromium-l10n; .ci/run installs it),
 * launched the one way every page test uses: no sandbox or GPU in CI, nothing fetched, Russian UI.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** CI must not skip the browser tests for want of Chromium: there a missing binary fails them. */
export const RUN_BROWSER_TESTS = existsSync(CHROMIUM) || Boolean(process.env.CI);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Russian date fields (ДД.ММ.ГГГГ), as the departments see them (needs Debian's chromium-l10n).
    env: { ...process.env, LANGUAGE: 'ru' },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--lang=ru-RU',
    ],
  });
}
