// Derives the Firefox MV3 package (dist/firefox) from the Chrome build (dist/chrome) that
// `vite build` writes: same files, a rewritten manifest. One bundle for both browsers keeps the
// code that reviewers read identical; only the manifest keys differ.
//
// Run after `vite build`: tsx scripts/build-firefox.ts

import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
export const CHROME_DIR = join(ROOT, 'dist', 'chrome');
export const FIREFOX_DIR = join(ROOT, 'dist', 'firefox');

export const GECKO_ID = 'postwijs@postwijs.nl';
// data_collection_permissions (Firefox's built-in data consent) exists from Firefox 140 on
// desktop and 142 on Android; older versions reject or ignore the key, and addons-linter warns
// when the declared minimums are lower.
export const GECKO_MIN_VERSION = '140.0';
export const GECKO_ANDROID_MIN_VERSION = '142.0';

type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  storage?: Record<string, unknown>;
  web_accessible_resources?: Record<string, unknown>[];
};

/** The Firefox manifest for a Chrome manifest as crxjs emits it. Pure, so it can be tested. */
export function firefoxManifest(chrome: Manifest): Manifest {
  const m: Manifest = structuredClone(chrome);

  // Firefox MV3 runs background scripts as an event page, not a service worker. crxjs's
  // service-worker-loader.js only `import`s the real chunk, so it works there as a module script.
  const worker = chrome.background?.service_worker;
  if (!worker) throw new Error('dist/chrome/manifest.json has no background.service_worker');
  m.background = { scripts: [worker], type: 'module' };

  // Chrome-only keys Firefox warns about. Managed settings reach Firefox through policies.json
  // (3rdparty.Extensions), which needs no schema in the package.
  delete m.minimum_chrome_version;
  if (m.storage) {
    delete m.storage.managed_schema;
    if (Object.keys(m.storage).length === 0) delete m.storage;
  }
  if (m.web_accessible_resources) {
    m.web_accessible_resources = m.web_accessible_resources.map(({ use_dynamic_url: _, ...rest }) => rest);
  }

  m.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      // PostWijs checks drafts locally and sends nothing anywhere.
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
  };
  return m;
}

export function buildFirefox(chromeDir = CHROME_DIR, firefoxDir = FIREFOX_DIR): void {
  const manifestPath = join(chromeDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run \`vite build\` first`);
  rmSync(firefoxDir, { recursive: true, force: true });
  cpSync(chromeDir, firefoxDir, { recursive: true });

  const chrome = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const firefox = firefoxManifest(chrome);
  // The schema file is only read through storage.managed_schema; without the key it is dead weight.
  const schema = chrome.storage?.managed_schema;
  if (typeof schema === 'string') rmSync(join(firefoxDir, schema), { force: true });
  writeFileSync(join(firefoxDir, 'manifest.json'), JSON.stringify(firefox, null, 2) + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildFirefox();
  console.log(`dist/firefox written (gecko id ${GECKO_ID}, Firefox >= ${GECKO_MIN_VERSION})`);
}
