import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import { fileURLToPath } from 'node:url';
import { RECORD_FILES, writeStrippedLexicons } from './scripts/lexicons.ts';
import { validateProtocolFiles } from './scripts/validate-protocols.ts';
import en from './public/_locales/en/messages.json' with { type: 'json' };
import nl from './public/_locales/nl/messages.json' with { type: 'json' };
import { isPageOnlyMessage } from './src/shared/i18n.ts';

// Protocol data is validated before anything is bundled: a broken protocol file must
// stop the build, not ship and fail in a teacher's browser.
validateProtocolFiles();

// The lexicons' records carry their meaning and examples for people and tests; the bundles
// (above all the content script, on a 62 KB gzip budget) get a copy with the data only. The
// alias is inherited by crxjs's separate IIFE build of the content script, plugins are not.
const STRIPPED_LEXICONS = fileURLToPath(new URL('./node_modules/.cache/postwijs-lexicons', import.meta.url));
const ENGINE_DATA_ID = writeStrippedLexicons(STRIPPED_LEXICONS);
const lexiconAlias = { find: new RegExp(`^(?:\\.\\./)+lexicons/(${RECORD_FILES.join('|')})\\.json$`), replacement: `${STRIPPED_LEXICONS}/$1.json` };

/** The messages the content script shows: everything but the pages' own texts. */
const contentMessages = (table: Record<string, unknown>) => Object.fromEntries(Object.entries(table).filter(([id]) => !isPageOnlyMessage(id)));

export default defineConfig({
  // Read by src/content/messages.ts only; the IIFE build of the content script inherits it.
  define: {
    __POSTWIJS_CONTENT_MESSAGES__: JSON.stringify({ nl: contentMessages(nl), en: contentMessages(en) }),
    // Tags the lexicons the worker hands to the content script with this build (engine-data-store.ts).
    __POSTWIJS_ENGINE_DATA_ID__: JSON.stringify(ENGINE_DATA_ID),
  },
  // The content script is one self-contained IIFE file: no chunks listed in
  // web_accessible_resources (a site could probe for the extension), no async loader.
  resolve: { alias: [lexiconAlias] },
  plugins: [preact(), crx({ manifest: manifest as ManifestV3Export, contentScripts: { standaloneFiles: ['src/content/index.ts'] } })],
  build: {
    outDir: 'dist/chrome',
    emptyOutDir: true,
    target: 'es2022',
    // Both browsers preload modules natively; Vite's polyfill would be the only fetch() in
    // the build (test/e2e/firefox-build.e2e.ts allows none).
    modulePreload: { polyfill: false },
    // The review page (a school's protocol document in, a reviewed protocol out) and the audit
    // page (past posts from an export) are linked from the options page and the popup, not named
    // in the manifest, so they are listed here.
    rollupOptions: { input: { review: 'src/review/index.html', audit: 'src/audit/index.html' } },
  },
});
