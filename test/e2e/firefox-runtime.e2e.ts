import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRIFTLAND_TEACHER } from './browser.ts';
import { clickAndType, clickElement, evaluate, FIREFOX, GECKO_ID, installExtension, KEY, poll, pressChord, startFirefoxWithSites, typeDraftOnX, typeText, type FirefoxWithSites } from './firefox.ts';

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
    await evaluate(run.firefox, optionsTab, `browser.storage.sync.set({ settings: { version: 2, savedAt: Date.now(), settings: ${JSON.stringify(GRIFTLAND_TEACHER)} } }).then(() => true)`);
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

  // Issue 9, fault 2: the replay must be one the page sees. X posts only on keyCode 13 with the
  // modifier; PostWijs replays by clicking the composer's own Post button.
  it('X: Ctrl+Enter on a flagged draft is held back; "Toch plaatsen" posts it exactly once', async () => {
    const { context } = await typeDraftOnX(run.firefox, 'Vandaag met mijn klas naar het Rijksmuseum, wat een dag op Griftland!', (f) => f.includes('missing-disclaimer'), 'the overlay to flag missing-disclaimer');
    const posted = () => evaluate<number>(run.firefox, context, 'window.__posted.length');
    await pressChord(run.firefox, context, KEY.control, KEY.enter);
    await clickElement(run.firefox, context, `document.querySelector('postwijs-confirm')?.shadowRoot?.querySelector('[data-action="post-anyway"]')`, 'the confirm dialog');
    expect(await poll(posted, (n) => n === 1, 'one post')).toBe(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await posted()).toBe(1);
  });

  // Issue 9, fault 1: in Facebook's create-post dialog (a form) Enter is a new line.
  it('Facebook: Enter in the create-post dialog makes a new line and asks nothing, with a warning open', async () => {
    const { context } = await run.firefox.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await run.firefox.bidi.send('browsingContext.navigate', { context, url: 'https://www.facebook.com/', wait: 'complete' });
    await clickElement(run.firefox, context, `document.querySelector('.fb-opener')`, 'the create-post opener');
    await clickAndType(run.firefox, context, '[role="dialog"] form [data-lexical-editor="true"]', 'Vandaag met mijn klas naar het Rijksmuseum, wat een dag op Griftland!');
    await poll(
      () => evaluate<string | null>(run.firefox, context, `document.querySelector('postwijs-overlay[data-platform="facebook"]')?.getAttribute('data-findings') ?? null`),
      (v) => typeof v === 'string' && v.includes('missing-disclaimer'),
      'the overlay to flag missing-disclaimer',
    );
    await pressChord(run.firefox, context, KEY.enter);
    await typeText(run.firefox, context, 'Tweede regel.');
    await new Promise((r) => setTimeout(r, 500));
    expect(await evaluate<number>(run.firefox, context, `document.querySelectorAll('postwijs-confirm').length`)).toBe(0);
    expect(await evaluate<number>(run.firefox, context, 'window.__posted.length')).toBe(0);
    expect(await evaluate<string>(run.firefox, context, `window.__replica.read('fb-post')`)).toMatch(/Griftland!\n+Tweede regel\.$/);
  });

  // Issue 9, fault 6: the fix on a new line, in the editor's own state, also in Firefox (where a
  // paste made by a content script arrives without its data and execCommand is the way in).
  it('X: the disclaimer fix lands on a new line in the Draft.js state', async () => {
    const draft = 'Vandaag met mijn klas naar het Rijksmuseum, wat een dag op Griftland!';
    const { context } = await typeDraftOnX(run.firefox, draft, (f) => f.includes('missing-disclaimer'), 'the overlay to flag missing-disclaimer');
    const overlay = `document.querySelector('postwijs-overlay[data-platform="x"]')?.shadowRoot`;
    await clickElement(run.firefox, context, `${overlay}?.querySelector('[data-action="toggle"]')`, 'the overlay badge');
    await clickElement(run.firefox, context, `${overlay}?.querySelector('[data-action="insert-disclaimer"]')`, 'the insert button');
    const state = await poll(
      () => evaluate<string>(run.firefox, context, `window.__replica.read('x-post')`),
      (v) => typeof v === 'string' && v !== draft,
      'the editor state to change',
    );
    expect(state).toBe(`${draft}\nOp persoonlijke titel; mijn eigen mening, niet die van CVO Baarn/Soest.`);
  });
});
