import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickElement, evaluate, FIREFOX, installExtension, poll, startFirefoxWithSites, type FirefoxWithSites } from './firefox.ts';
import { bigProtocol, BUNDLED_PROTOCOL_IDS, hostileSettingsFile } from './storage-fixtures.ts';

// Issue 13 in Firefox ESR (the built package, WebDriver BiDi): each bundled protocol's JSON and a
// generated 150 KB one imported through the settings page's file input and saved; Firefox
// restarted with the same profile and PostWijs installed again: the popup names the protocol.
// A settings file and stored settings with keys named like Object's members are read with
// those keys reported. (The full sync area is tested in Chromium, storage.e2e.ts.)

const ROOT = resolve(import.meta.dirname, '..', '..');
type Effective = { settings: Record<string, unknown>; protocol: { title: string }; problems: { settings: { key: string }[] } };

describe.runIf(existsSync(FIREFOX))('settings that are really saved (Firefox ESR)', () => {
  const profile = mkdtempSync(join(tmpdir(), 'postwijs-firefox-restart-'));
  const files = mkdtempSync(join(tmpdir(), 'postwijs-firefox-files-'));
  let run: FirefoxWithSites;
  let tab: string;
  const effective = () => evaluate<Effective | undefined>(run.firefox, tab, `browser.storage.local.get('effective').then((r) => r.effective)`);
  const region = (action: string) =>
    evaluate<{ ok: string; text: string } | null>(run.firefox, tab, `(() => { const r = document.querySelector('[role="status"][data-outcome="${action}"]'); return r ? { ok: r.dataset.ok, text: r.textContent } : null; })()`);

  async function choose(selector: string, path: string): Promise<void> {
    const { result } = await run.firefox.bidi.send<{ result: { sharedId?: string } }>('script.evaluate', { expression: `document.querySelector('${selector}')`, target: { context: tab }, awaitPromise: false });
    expect(result.sharedId, selector).toBeTruthy();
    await run.firefox.bidi.send('input.setFiles', { context: tab, element: { sharedId: result.sharedId }, files: [path] });
  }

  beforeAll(async () => {
    run = await startFirefoxWithSites({ profile });
    tab = (await installExtension(run.firefox)).optionsTab;
    await poll(() => evaluate<boolean>(run.firefox, tab, `!!document.querySelector('button[data-action="save"]')`), (v) => v, 'the settings page');
  }, 60_000);

  afterAll(async () => {
    await run?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('imports and saves each bundled protocol and a 150 KB one; after a restart with the same profile the popup names it', { timeout: 240_000 }, async () => {
    const big = bigProtocol(150_000);
    const documents = [...BUNDLED_PROTOCOL_IDS.map((id) => ({ name: `${id}.json`, text: readFileSync(join(ROOT, 'src', 'protocols', `${id}.json`), 'utf8') })), { name: 'groot-protocol.json', text: big }];
    for (const { name, text } of documents) {
      const title = (JSON.parse(text) as { title: string }).title;
      const path = join(files, name);
      writeFileSync(path, text);
      await choose('input[data-action="import-protocol"]', path);
      const imported = await poll(() => region('import-protocol'), (r) => !!r?.text.includes(title), `the import of ${name} to be reported`);
      expect(imported!.ok).toBe('true');
      // A marker: the outcome of this Save, not the one before it.
      await evaluate(run.firefox, tab, `(document.querySelector('[role="status"]').dataset.outcome = 'pending', true)`);
      // As a user would, scrolled to first: the button is below the fold.
      await evaluate(run.firefox, tab, `(document.querySelector('button[data-action="save"]').scrollIntoView({ block: 'center' }), true)`);
      await clickElement(run.firefox, tab, `document.querySelector('button[data-action="save"]')`);
      const saved = await poll(() => region('save'), (r) => !!r, `Save of ${name}`);
      expect(saved!.ok, saved!.text).toBe('true');
      await poll(effective, (e) => e?.protocol.title === title && e.settings.protocol === 'custom', `${title} in use`);
    }
    const bigTitle = (JSON.parse(big) as { title: string }).title;
    await evaluate(run.firefox, tab, `browser.storage.local.remove('effective').then(() => true)`);

    // Restart: the same profile, PostWijs installed again (a temporary add-on does not outlive
    // the browser; firefox.ts keeps its origin and storage, as for an installed one).
    const firefox = run;
    run = undefined as unknown as FirefoxWithSites;
    await firefox.close();
    run = await startFirefoxWithSites({ profile });
    tab = (await installExtension(run.firefox)).optionsTab;
    await evaluate(run.firefox, tab, `(location.href = browser.runtime.getURL('src/popup/index.html'), true)`);
    const shown = await poll(
      () => evaluate<string>(run.firefox, tab, `location.pathname.endsWith('/popup/index.html') ? document.body.textContent : ''`),
      (text) => text.includes(bigTitle),
      'the popup naming the 150 KB protocol after the restart',
      30_000,
    );
    expect(shown).toContain(bigTitle);
    expect((await effective())?.protocol.title).toBe(bigTitle);
  });

  it('a settings file with __proto__, constructor and toString is imported with those keys listed as ignored; the same keys in stored settings leave the worker deriving', { timeout: 120_000 }, async () => {
    await evaluate(run.firefox, tab, `(location.href = browser.runtime.getURL('src/options/index.html'), true)`);
    await poll(() => evaluate<boolean>(run.firefox, tab, `location.pathname.endsWith('/options/index.html') && !!document.querySelector('button[data-action="save"]')`), (v) => v, 'the settings page');
    await evaluate(run.firefox, tab, `(window.__errors = [], addEventListener('error', (e) => window.__errors.push(e.message)), true)`);
    const path = join(files, 'instellingen.json');
    writeFileSync(path, hostileSettingsFile('OBS De Regenboog'));
    await choose('input[data-action="import-settings"]', path);
    const read = await poll(() => region('import-settings'), (r) => !!r, 'the settings file to be read');
    for (const key of ['__proto__', 'constructor', 'toString']) expect(read!.text).toContain(key);
    expect(await evaluate<string>(run.firefox, tab, `document.querySelector('#schoolName').value`)).toBe('OBS De Regenboog');
    expect(await evaluate<string[]>(run.firefox, tab, 'window.__errors')).toEqual([]);

    const stored = JSON.stringify({ version: 2, savedAt: Date.now() + 60_000, settings: JSON.parse(hostileSettingsFile('Het Hostile College')).settings });
    await evaluate(run.firefox, tab, `browser.storage.sync.set({ settings: JSON.parse(${JSON.stringify(stored)}) }).then(() => true)`);
    const state = await poll(effective, (e) => e?.settings.schoolName === 'Het Hostile College', 'the worker deriving from the stored settings');
    expect(state!.problems.settings.map((p) => p.key)).toEqual(expect.arrayContaining(['constructor', 'toString']));
  });
});
