/**
 * Headless Chromium (Debian's `chromium` package) driven by playwright-core, for the console tests.
 * Screenshots go to `test/artifacts/` (gitignored).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
export const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Saves a full-page screenshot as `test/artifacts/console-<name>.png`. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}console-${name}.png`, fullPage: true });
}

/**
 * Collects what would make a page silently broken: uncaught exceptions, console errors, and
 * requests the Content-Security-Policy refused. The test asserts the list stays empty.
 */
export function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // A 4xx answer the console handles (e.g. GET /account while signed out) is logged by Chromium
    // as a failed resource load; those are expected and not errors of the page itself.
    if (msg.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  return problems;
}
