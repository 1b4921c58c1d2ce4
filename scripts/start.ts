// npm start: build the extension and launch Chromium with PostWijs loaded.
// Without a display (or with --headless) it starts the browser headless, confirms that the
// extension loaded, shows the engine on a sample post, and exits.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { check } from '../src/engine/analyze.ts';
import { getProtocol } from '../src/engine/protocols.ts';
import { findingMessage } from '../src/shared/finding-text.ts';
import { setUiLanguage } from '../src/shared/i18n.ts';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, 'dist', 'chrome');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const candidates = [process.env.POSTWIJS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
const browserPath = candidates.find((p) => existsSync(p));

console.log('PostWijs: building dist/chrome …');
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

if (!browserPath) {
  console.log(`No Chromium or Chrome found. Load ${extension} by hand: chrome://extensions → Developer mode → Load unpacked.`);
  process.exit(0);
}

const flags = [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!headless) {
  const profile = mkdtempSync(join(tmpdir(), 'postwijs-'));
  console.log(`PostWijs: starting ${browserPath} with the extension loaded (profile ${profile}).`);
  const rootFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  spawn(browserPath, [...flags, ...rootFlags, `--user-data-dir=${profile}`, 'chrome://extensions'], { stdio: 'ignore', detached: true }).unref();
} else {
  const profile = mkdtempSync(join(tmpdir(), 'postwijs-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', ...flags],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  console.log(`PostWijs loaded headless in ${browserPath}: extension id ${new URL(worker.url()).host}.`);
  await context.close();
  const sample = 'Vandaag met groep 7 naar het Frans Hals Museum. Bram uit 7B wist alles van Rembrandt!';
  const result = check(
    { text: sample, platform: 'facebook', kind: 'post', media: { images: 1, videos: 0 } },
    { protocol: getProtocol('ooh'), role: 'employee', school: { name: 'OBS Het Spectrum', aliases: ['Spectrum'] } },
  );
  setUiLanguage('nl');
  console.log(`\nSample post (OOH protocol, teacher): "${sample}"`);
  for (const f of result.findings) console.log(`  ${f.severity.padEnd(7)} ${f.ruleId}: ${findingMessage(f)} [art. ${f.article.number}]`);
  console.log('\nThe content script that shows this next to the compose box on Facebook, X and Instagram is being built (issue 3).');
}
