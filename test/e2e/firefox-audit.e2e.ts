import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_FIXTURES } from '../../scripts/archive-fixtures.ts';
import { clickElement, evaluate, FIREFOX, installExtension, poll, startFirefoxWithSites, type FirefoxWithSites } from './firefox.ts';

// The audit page (src/audit/) in the built Firefox package in Debian's Firefox ESR, over WebDriver
// BiDi (./firefox.ts): what differs from Chromium (./audit.e2e.ts) is the module Web Worker in a
// moz-extension:// page reading a File as a stream. An export is chosen with BiDi's
// input.setFiles (a real File, trusted events); the result must be what Node reads from it.

const SCHOOL = { protocol: 'cvo-baarn-soest', schoolName: 'Griftland College', schoolAliases: ['Griftland'], role: 'employee', uiLanguage: 'nl' };

describe.runIf(existsSync(FIREFOX))('the audit page in the built Firefox package in Firefox ESR', () => {
  let run: FirefoxWithSites;
  let tab: string;

  beforeAll(async () => {
    run = await startFirefoxWithSites();
    tab = (await installExtension(run.firefox)).optionsTab;
    await evaluate(run.firefox, tab, `browser.storage.sync.set({ settings: { version: 2, savedAt: Date.now(), settings: ${JSON.stringify(SCHOOL)} } }).then(() => true)`);
    await poll(
      () => evaluate<{ settings: { schoolName: string } } | undefined>(run.firefox, tab, `browser.storage.local.get('effective').then((r) => r.effective)`),
      (v) => v?.settings.schoolName === SCHOOL.schoolName,
      'the school settings derived by the background script',
    );
  }, 60_000);
  afterAll(async () => {
    await run?.close();
  });

  async function choose(path: string): Promise<void> {
    const { result } = await run.firefox.bidi.send<{ result: { sharedId?: string } }>('script.evaluate', {
      expression: `document.querySelector('input[data-action="choose-archive"]')`,
      target: { context: tab },
      awaitPromise: false,
    });
    expect(result.sharedId, 'the file input').toBeTruthy();
    await run.firefox.bidi.send('input.setFiles', { context: tab, element: { sharedId: result.sharedId }, files: [path] });
  }
  const status = () => evaluate<string>(run.firefox, tab, `document.querySelector('[role="status"]')?.textContent ?? ''`);

  it('opens from the settings page, reads an export in its worker and lists the findings', async () => {
    await poll(() => evaluate<boolean>(run.firefox, tab, `!!document.querySelector('a[data-action="open-audit"]')`), (v) => v === true, 'the link to the audit page');
    await evaluate(run.firefox, tab, `(document.querySelector('a[data-action="open-audit"]').scrollIntoView({ block: 'center' }), true)`);
    await clickElement(run.firefox, tab, `document.querySelector('a[data-action="open-audit"]')`, 'the audit link');
    await poll(() => evaluate<boolean>(run.firefox, tab, `!!document.querySelector('input[data-action="choose-archive"]')`), (v) => v === true, 'the audit page');
    expect(await evaluate<string>(run.firefox, tab, `document.querySelector('h1')?.textContent`)).toBe('Oude berichten controleren');
    await choose(join(ARCHIVE_FIXTURES, 'facebook-2025.zip'));
    await poll(status, (s) => /berichten gecontroleerd/.test(s), 'the audit result', 30_000);
    expect(await status()).toMatch(/^10 berichten gecontroleerd, \d+ met bevindingen\.$/);
    expect(await evaluate<number>(run.firefox, tab, `document.querySelectorAll('ol[data-list="audit"] > li').length`)).toBeGreaterThan(0);
    expect(await evaluate<boolean>(run.firefox, tab, `!!document.querySelector('.chart svg')`)).toBe(true);
  });

  it('a corrupt zip gives its message', async () => {
    await choose(join(ARCHIVE_FIXTURES, 'corrupt.zip'));
    await poll(status, (s) => s.includes('beschadigd'), 'the message for a corrupt zip', 30_000);
    expect(await status()).toBe('het zip-bestand is beschadigd of afgebroken');
  });
});
