// npm start: PostWijs running in one command.
//
//   npm start                          build, start the local replica sites, open Chromium with
//                                      PostWijs loaded and a demo school set up, on the X replica
//   npm start -- --headless            (also without a display) a scripted demo that writes
//                                      screenshots to demo/
//   options: --out <dir>  where the screenshots go (default demo/)
//            --no-build   use the existing dist/chrome (for tests)
//
// The replica pages (test/e2e/sites) are local imitations served on 127.0.0.1; Chromium reaches
// them at the real host names through --host-resolver-rules and every other host name fails to
// resolve, so nothing in that browser contacts the real sites (or anything else).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { configure, EXTENSION_DIR, GRIFTLAND_TEACHER, launchWithExtension, openPopupWindow, type ExtensionBrowser } from '../test/e2e/browser.ts';
import { startSites, type Sites } from '../test/e2e/sites.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** The demo school: the E2E tests' teacher at Griftland College, with PostWijs in Dutch. */
const DEMO_SETTINGS = { ...GRIFTLAND_TEACHER, uiLanguage: 'nl' };

/** What the demo types: a school post without the disclaimer, naming a pupil. The disclaimer is
 * one click; the pupil's name is left for the teacher, so Post is held back. */
const TRY_TEXT = 'Vandaag met groep 7 van Griftland naar het museum.';
// On X PostWijs inserts the protocol's short disclaimer (at most 80 characters), so the post
// stays well within X's 280.
const DEMO_TEXT = `${TRY_TEXT} Bram uit 7B wist alles van Rembrandt!`;

const X_HOME = 'https://x.com/home';
const X_EDITOR = '[data-testid="tweetTextarea_0"]';
const X_POST = '[data-testid="tweetButtonInline"]';

function fail(message: string): never {
  console.error(`\nPostWijs: ${message}`);
  process.exit(1);
}

let args: { headless?: boolean; 'no-build'?: boolean; out?: string; help?: boolean };
try {
  ({ values: args } = parseArgs({
    options: {
      headless: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  fail(`${(error as Error).message}\nGebruik / usage: npm start [-- --headless] [--out <map/dir>] [--no-build]`);
}
if (args.help) {
  console.log(`npm start                   PostWijs in Chromium op de nagebootste X-pagina / PostWijs in Chromium on the X replica
npm start -- --headless     scripted demo met schermafbeeldingen / scripted demo with screenshots
  --out <map/dir>           waar de schermafbeeldingen komen (standaard demo/) / where screenshots go (default demo/)
  --no-build                gebruik de bestaande dist/chrome / use the existing dist/chrome`);
  process.exit(0);
}

// Linux without X11 or Wayland has no screen for a window; macOS and Windows always have one.
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = args.headless === true || noDisplay;
const outDir = resolve(args.out ?? join(ROOT, 'demo'));

// --- build ---------------------------------------------------------------------------------
if (args['no-build']) {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) fail(`geen build gevonden in ${EXTENSION_DIR}; draai eerst npm run build / no build in ${EXTENSION_DIR}; run npm run build first.`);
} else {
  console.log('PostWijs: bouwen (npm run build) … / building …');
  try {
    // npm run build also writes dist/firefox; on Windows npm is a .cmd, which needs a shell.
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  } catch {
    fail('bouwen mislukt (zie hierboven) / the build failed (see above).');
  }
}

// --- browser -------------------------------------------------------------------------------
const candidates = [process.env.POSTWIJS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium-browser'].filter(
  (p): p is string => Boolean(p),
);
const executablePath = candidates.find((p) => existsSync(p));

function loadByHand(): string {
  return `Laad PostWijs zelf in Chrome, Edge of Chromium / Load PostWijs by hand in Chrome, Edge or Chromium:
  1. open chrome://extensions en zet Ontwikkelaarsmodus aan / open chrome://extensions and turn on Developer mode
  2. klik Uitgepakte extensie laden en kies / click Load unpacked and choose:
     ${EXTENSION_DIR}
(Of zet POSTWIJS_CHROMIUM op het pad van een Chromium-programma / Or set POSTWIJS_CHROMIUM to a Chromium executable.)`;
}

if (process.env.POSTWIJS_CHROMIUM && !existsSync(process.env.POSTWIJS_CHROMIUM)) {
  console.log(`PostWijs: POSTWIJS_CHROMIUM (${process.env.POSTWIJS_CHROMIUM}) bestaat niet / does not exist.`);
}
if (!executablePath) {
  console.log(`\nPostWijs: geen Chromium of Chrome gevonden / no Chromium or Chrome found (tried: ${candidates.join(', ')}).\n${loadByHand()}`);
  if (headless) console.log('\nDe demo met schermafbeeldingen kan zonder browser niet draaien / the scripted demo needs a browser.');
  // Without a browser the scripted demo cannot make its screenshots: that is a failure there.
  // Interactively the build is the product, and the message above says how to use it.
  process.exit(headless ? 1 : 0);
}

// Branded Google Chrome (137 and later) ignores --load-extension unless this feature is off.
const chromeArgs = basename(executablePath).includes('google-chrome') ? ['--disable-features=DisableLoadExtensionCommandLineSwitch'] : [];

console.log(`
PostWijs: de pagina's van X, Facebook en Instagram in deze browser zijn lokale nabootsingen,
geserveerd vanaf deze computer (127.0.0.1). Alle andere hostnamen worden geblokkeerd
(--host-resolver-rules "MAP * ~NOTFOUND"): er gaat niets naar de echte sites.
The X, Facebook and Instagram pages in this browser are local imitations served from this
computer; every other host name is blocked, so nothing reaches the real sites.
`);

let sites: Sites;
try {
  sites = await startSites({ demo: true });
} catch (error) {
  fail(`de lokale nabootsingen startten niet (openssl nodig) / the local replicas did not start (needs openssl): ${(error as Error).message.split('\n')[0]}`);
}
let browser: ExtensionBrowser | undefined;

let stopping: Promise<never> | undefined;
/** Closes the browser and the replica server once, however the demo ends. */
function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    await browser?.close().catch(() => undefined);
    await sites.close().catch(() => undefined);
    process.exit(code);
  })();
  return stopping;
}

/** The options tab PostWijs opens on first install: the demo has set the school already. */

if (headless) await scriptedDemo();
else await interactive();

// --- interactive: a visible browser --------------------------------------------------------
async function interactive(): Promise<void> {
  console.log(`PostWijs: ${executablePath} starten met PostWijs geladen … / starting with PostWijs loaded …`);
  try {
    browser = await launchWithExtension([...sites.chromiumArgs, ...chromeArgs, '--window-size=1280,900'], {
      executablePath,
      headless: false,
      // Pages follow the window as the user resizes it.
      viewport: null,
      // The sandbox stays on, except as root, where Chromium refuses to start with it.
      noSandbox: process.getuid?.() === 0,
    });
  } catch (error) {
    console.error(`\nPostWijs: de browser startte niet met PostWijs / the browser did not start with PostWijs: ${(error as Error).message.split('\n')[0]}\n${loadByHand()}`);
    return shutdown(1);
  }
  const b = browser;
  const stop = () => {
    console.log('\nPostWijs: demo gestopt / demo stopped.');
    void shutdown(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let browserClosed = false;
  const closed = new Promise<void>((r) =>
    b.context.once('close', () => {
      browserClosed = true;
      r();
    }),
  );

  try {
    await configure(b, DEMO_SETTINGS);
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(X_HOME);
    await page.bringToFront();
  } catch (error) {
    // Closing the window while the demo is still setting up is a normal way to stop.
    if (browserClosed || stopping) return shutdown(0);
    console.error(`\nPostWijs: de demo kon niet worden klaargezet / could not set up the demo: ${(error as Error).message.split('\n')[0]}`);
    return shutdown(1);
  }

  console.log(`PostWijs draait, ingesteld als docent van het Griftland College (protocol CVO Baarn/Soest).
PostWijs is running, set up as a teacher at Griftland College (CVO Baarn/Soest protocol).

Probeer het op de nagebootste X-pagina / Try it on the X replica (${X_HOME}):
  1. Klik in "What's happening?" en typ / click "What's happening?" and type:
       ${TRY_TEXT}
  2. Klik op de PostWijs-badge rechtsonder in het vak: de bevindingen, met het artikel uit het
     protocol; "Voeg de disclaimer toe" zet de disclaimer in je bericht.
     Click the PostWijs badge at the box's bottom right: the findings, citing the protocol;
     "Voeg de disclaimer toe" (insert the disclaimer) adds it to your post.
  3. Typ er een leerling bij (bijv. "Bram wist alles!") en klik Post: PostWijs houdt het
     bericht tegen en vraagt Aanpassen of Toch plaatsen. Er wordt niets echt geplaatst.
     Add a pupil (e.g. "Bram wist alles!") and click Post: PostWijs holds the post back
     and asks Edit or Post anyway. Nothing is really posted.
Ook / also: https://www.facebook.com/ en/and https://www.instagram.com/create
Instellingen / settings: chrome-extension://${b.extensionId}/src/options/index.html
  (of het PostWijs-pictogram onder het puzzelstukje / or the PostWijs icon under the puzzle piece)

Sluit de browser om te stoppen (of Ctrl+C) / Close the browser to stop (or Ctrl+C).`);

  await closed;
  if (!stopping) console.log('PostWijs: browser gesloten, demo gestopt / browser closed, demo stopped.');
  return shutdown(0);
}

// --- headless: the scripted demo with screenshots ------------------------------------------
async function scriptedDemo(): Promise<void> {
  if (noDisplay && !args.headless) console.log('PostWijs: geen beeldscherm (DISPLAY is leeg), dus de demo met schermafbeeldingen / no display, so the scripted demo.');
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    console.error(`\nPostWijs: kan de map ${outDir} niet maken / cannot create ${outDir}: ${(error as Error).message}`);
    return shutdown(1);
  }
  // A step that hangs (a page that draws no frames, say) must end the demo with a message.
  const watchdog = setTimeout(() => {
    console.error('\nPostWijs: de demo duurde langer dan 3 minuten en is gestopt / the demo took over 3 minutes and was stopped.');
    void shutdown(1);
  }, 180_000);

  const written: { file: string; what: string }[] = [];
  let current: Page | undefined;
  let stepName = 'de browser starten / starting the browser';
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    stepName = name;
    return run();
  };
  const shot = async (page: Page, name: string, what: string, clip?: { x: number; y: number; width: number; height: number }, fullPage = false) => {
    const file = join(outDir, name);
    await page.screenshot({ path: file, clip, fullPage });
    written.push({ file, what });
  };

  try {
    browser = await launchWithExtension([...sites.chromiumArgs, ...chromeArgs], { executablePath, headless: true });
    const b = browser;
    await step('de demoschool instellen / setting up the demo school', async () => {
      await configure(b, DEMO_SETTINGS);
    });

    const page = await b.context.newPage();
    current = page;
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const overlay = page.locator('postwijs-overlay[data-platform="x"]').last();
    const findings = async () => ((await overlay.getAttribute('data-findings')) ?? '').split(' ').filter(Boolean);
    const waitFor = async (what: string, ok: (ids: string[]) => boolean) => {
      const deadline = Date.now() + 10_000;
      while (!ok(await findings())) {
        if (Date.now() > deadline) throw new Error(`${what}: data-findings is "${(await findings()).join(' ')}"`);
        await page.waitForTimeout(100);
      }
    };
    // The composer with the overlay's badge and panel, below the demo banner; the panel opens
    // upwards or downwards depending on room, so the crop takes the upper part of the page.
    const top = { x: 0, y: 0, width: 1280, height: 620 };

    await step('1-overlay: een schoolbericht typen op de X-nabootsing / typing a school post on the X replica', async () => {
      await page.goto(X_HOME);
      await page.locator('.postwijs-demo-banner').waitFor();
      await page.locator(X_EDITOR).click();
      await page.keyboard.type(DEMO_TEXT);
      await waitFor('geen missing-disclaimer / no missing-disclaimer', (ids) => ids.includes('missing-disclaimer') && ids.includes('pupil-mention'));
      // The badge's own rendering settles after the attribute; let a frame or two pass.
      await page.waitForTimeout(300);
      await shot(page, '1-overlay.png', 'X-nabootsing met de PostWijs-badge na een schoolbericht / X replica with the badge after a school post', top);
    });

    await step('2-panel: het paneel openen / opening the panel', async () => {
      await overlay.locator('[data-action="toggle"]').click();
      await overlay.locator('[data-action="insert-disclaimer"]').waitFor();
      const label = (await overlay.locator('[data-action="insert-disclaimer"]').textContent()) ?? '';
      if (!/disclaimer toe/i.test(label)) throw new Error(`de knop heet "${label}", niet Nederlands / the button reads "${label}", not Dutch`);
      await page.waitForTimeout(200);
      await shot(page, '2-panel.png', 'paneel met bevindingen en "Voeg de disclaimer toe" / panel with findings and the insert-disclaimer button', top);
    });

    await step('3-fixed: de disclaimer invoegen / inserting the disclaimer', async () => {
      await overlay.locator('[data-action="insert-disclaimer"]').click();
      await waitFor('missing-disclaimer bleef / missing-disclaimer stayed', (ids) => !ids.includes('missing-disclaimer'));
      const state = await page.evaluate(() => (window as unknown as { __replica: { read(): string | null } }).__replica.read());
      if (!state?.startsWith(DEMO_TEXT) || state.length <= DEMO_TEXT.length) throw new Error(`de disclaimer staat niet in de editor / the disclaimer is not in the editor: ${JSON.stringify(state)}`);
      await page.waitForTimeout(200);
      await shot(page, '3-fixed.png', 'de disclaimer staat in het bericht / the disclaimer is in the post', top);
    });

    await step('4-confirm: op Post klikken met een leerlingnaam erin / clicking Post with a pupil named', async () => {
      if (await overlay.locator('[data-action="dismiss"]').isVisible()) await overlay.locator('[data-action="dismiss"]').click();
      await page.locator(X_POST).click();
      const confirm = page.locator('postwijs-confirm');
      await confirm.locator('[data-action="edit"]').waitFor();
      await confirm.locator('[data-rule="pupil-mention"]').first().waitFor();
      await page.waitForTimeout(200);
      await shot(page, '4-confirm.png', 'PostWijs houdt het bericht tegen: Aanpassen of Toch plaatsen / PostWijs holds the post back: edit or post anyway');
      await confirm.locator('[data-action="edit"]').click();
      const posted = await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted.length);
      if (posted !== 0) throw new Error('het bericht is toch geplaatst / the post went out');
    });

    await step('5-popup: de popup met de bevindingen van het concept / the popup with the draft’s findings', async () => {
      // The popup lists the draft of the active tab in the last focused normal window: this one.
      await page.bringToFront();
      const popup = await openPopupWindow(b);
      current = popup;
      popup.setDefaultTimeout(15_000);
      // About the toolbar popup's width (its body is at least 300 px, a draft 360 px).
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.locator('section.draft .finding').first().waitFor();
      await popup.waitForTimeout(200);
      await shot(popup, '5-popup.png', 'popup met de bevindingen van het concept / popup with the draft’s findings', undefined, true);
      await popup.close();
      current = page;
    });

    await step('6-options: de instellingenpagina / the options page', async () => {
      await page.close();
      const options = await b.context.newPage();
      current = options;
      options.setDefaultTimeout(15_000);
      await options.setViewportSize({ width: 900, height: 1100 });
      await options.goto(`chrome-extension://${b.extensionId}/src/options/index.html`);
      await options.bringToFront();
      await options.locator('h1').waitFor();
      // The form fills in from storage after the first render.
      await options.waitForFunction(() => [...document.querySelectorAll('input')].some((i) => i.value === 'Griftland College'));
      await options.waitForTimeout(300);
      await shot(options, '6-options.png', 'instellingenpagina met de demoschool / options page with the demo school', undefined, true);
    });
  } catch (error) {
    clearTimeout(watchdog);
    let extra = '';
    if (current && !current.isClosed()) {
      const file = join(outDir, 'mislukt-failed.png');
      if (await current.screenshot({ path: file, timeout: 5_000 }).then(() => true, () => false)) extra = `\nSchermafbeelding van dat moment / screenshot of that moment: ${file}`;
    }
    console.error(`\nPostWijs: de demo is mislukt bij stap / the demo failed at step: ${stepName}\n  ${(error as Error).message.split('\n')[0]}${extra}`);
    return shutdown(1);
  }
  clearTimeout(watchdog);

  const shown = relative(process.cwd(), outDir) || '.';
  console.log(`PostWijs-demo klaar. Schermafbeeldingen in / demo done, screenshots in: ${shown.startsWith('..') ? outDir : shown}/`);
  for (const { file, what } of written) console.log(`  ${file}  (${Math.round(statSync(file).size / 1024)} KB)  ${what}`);
  return shutdown(0);
}
