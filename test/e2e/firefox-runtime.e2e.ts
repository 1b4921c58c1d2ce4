import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRIFTLAND_TEACHER } from './browser.ts';
import { evaluate, FIREFOX, GECKO_ID, installExtension, poll, startFirefoxWithSites, typeDraftOnX, type FirefoxWithSites } from './firefox.ts';

// The built Firefox package (dist/firefox) in Debian's Firefox ESR, headless, driven over
// WebDriver BiDi; how Firefox is launched and reaches the replica sites is in ./firefox.ts.

describe.runIf(existsSync(FIREFOX))('the built Firefox package in Firefox ESR', () => {
  let run: FirefoxWithSites;
  // The tab of the extension's options page, where browser.* is available to the test.
  let optionsTab: string;

  beforeAll(async () => {
    run = await startFirefoxWithSites();
  }, 60_000);

  afterAll(async () => {
    await run?.close();
  });

  it('installs as a temporary add-on under its gecko id and opens its options page', async () => {
    const installed = await installExtension(run.firefox);
    expect(installed.extension).toBe(GECKO_ID);
    optionsTab = installed.optionsTab;
    const manifest = await evaluate<{ manifest_version: number; permissions: string[]; background: unknown }>(run.firefox, optionsTab, 'browser.runtime.getManifest()');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage']);
    // Firefox reports background.scripts as absolute moz-extension:// URLs.
    expect(manifest.background).toMatchObject({ scripts: [expect.stringMatching(/\/service-worker-loader\.js$/)], type: 'module', service_worker: null });
    expect(await evaluate(run.firefox, optionsTab, `browser.i18n.getMessage('extName')`)).toBe('PostWijs');
  });

  it('runs its background script: stored settings are derived into the effective settings', async () => {
    await evaluate(run.firefox, optionsTab, `browser.storage.sync.set({ settings: { version: 1, settings: ${JSON.stringify(GRIFTLAND_TEACHER)} } }).then(() => true)`);
    const name = await poll(
      () => evaluate<string | undefined>(run.firefox, optionsTab, `browser.storage.local.get('effective').then((r) => r.effective?.settings?.schoolName)`),
      (v) => v === GRIFTLAND_TEACHER.schoolName,
      'effective settings from the background script',
    );
    expect(name).toBe('Griftland College');
    // Firefox reports every write as a change, even of an equal value: a worker that derived
    // again on its own write of `effective` would write for ever. Once derived, it is quiet.
    const writes = await evaluate<number>(
      run.firefox,
      optionsTab,
      `new Promise((resolve) => {
        let writes = 0;
        const count = (changes, area) => { if (area === 'local' && 'effective' in changes) writes++; };
        browser.storage.onChanged.addListener(count);
        setTimeout(() => { browser.storage.onChanged.removeListener(count); resolve(writes); }, 1500);
      })`,
    );
    expect(writes).toBe(0);
  });

  it('injects its content script on x.com and flags a draft while typing', async () => {
    const { findings } = await typeDraftOnX(
      run.firefox,
      'Vandaag met mijn klas naar het Rijksmuseum, wat een dag op Griftland!',
      (f) => f.includes('missing-disclaimer'),
      'the overlay to flag missing-disclaimer',
    );
    expect(findings).toContain('missing-disclaimer');
    // The content script reports the count to the background script, which sets the tab's badge.
    const badges = await poll(
      () => evaluate<string[]>(run.firefox, optionsTab, `browser.tabs.query({}).then((tabs) => Promise.all(tabs.map((t) => browser.action.getBadgeText({ tabId: t.id }))))`),
      (v) => Array.isArray(v) && v.some((b) => /^[1-9]\d*$/.test(b)),
      'a findings count on the toolbar badge',
    );
    expect(badges.filter(Boolean).length).toBeGreaterThan(0);
  });
});
