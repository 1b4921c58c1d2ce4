import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canWritePolicies, CHROMIUM_POLICY_DIR, configure, GRIFTLAND_TEACHER, launchWithExtension, type ExtensionBrowser } from './browser.ts';

// A real managed policy: Debian Chromium reads /etc/chromium/policies/managed/*.json and gives
// the extension its part ({"3rdparty": {"extensions": {"<id>": {…}}}}) through storage.managed,
// a few seconds after it appears. Writing there needs root, as CI has.

const POLICY_FILE = `${CHROMIUM_POLICY_DIR}/postwijs-e2e-test.json`;

type Effective = { settings: Record<string, unknown>; locked: string[]; problems: { policy: { key: string }[] } } | undefined;

describe.runIf(canWritePolicies())('school policy through managed storage (needs root to write /etc/chromium/policies)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    await configure(browser, { ...GRIFTLAND_TEACHER, jobTitle: 'docent biologie' });
  });
  afterAll(async () => {
    rmSync(POLICY_FILE, { force: true });
    await browser?.close();
  });

  const effective = () =>
    browser.serviceWorker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<{ effective?: unknown }> } } } }).chrome;
      return (await chrome.storage.local.get('effective')).effective;
    }) as Promise<Effective>;

  it('applies the policy over the user settings, locks what it sets, and reports an invalid value while applying the rest', async () => {
    const policy = {
      protocol: 'ooh',
      schoolName: 'OBS Het Spectrum',
      schoolAliases: ['Spectrum', '#obshetspectrum'],
      locked: true,
      // Chrome's schema accepts this (two HH:MM strings), PostWijs does not (ends before it starts).
      timetable: [{ day: 'mon', from: '10:00', to: '09:00' }],
    };
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [browser.extensionId]: policy } } }));
    await expect
      .poll(async () => (await effective())?.settings.schoolName, { timeout: 40_000, interval: 500 })
      .toBe('OBS Het Spectrum');
    const state = (await effective())!;
    expect(state.settings).toMatchObject({ protocol: 'ooh', schoolAliases: ['Spectrum', '#obshetspectrum'], jobTitle: 'docent biologie', timetable: [] });
    expect([...state.locked].sort()).toEqual(['protocol', 'schoolAliases', 'schoolName']);
    expect(state.problems.policy.map((p) => p.key)).toEqual(['timetable']);

    // The options page: what the policy sets is locked and marked; the rest stays editable;
    // the ignored value is listed with its reason.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    const school = options.locator('#schoolName');
    await expect.poll(() => school.inputValue()).toBe('OBS Het Spectrum');
    expect(await school.isDisabled()).toBe(true);
    expect(await options.locator('#locked-schoolName').textContent()).toMatch(/Ingesteld door je school|Set by your school/);
    expect(await options.locator('#protocol').isDisabled()).toBe(true);
    expect(await options.locator('#jobTitle').isDisabled()).toBe(false);
    expect(await options.getByRole('alert').first().textContent()).toContain('timetable');
  });
});
