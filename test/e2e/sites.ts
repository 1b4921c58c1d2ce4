import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

// Local replica pages of the compose boxes of X (Draft.js), Facebook and Instagram (Lexical),
// served over HTTPS on 127.0.0.1 so that Chromium visits them at their real host names
// (https://x.com/home, https://www.facebook.com/, https://www.instagram.com/create) and the
// extension's content scripts, with their real match patterns, inject into them.
//
// How the host names reach this server: Chromium's `--host-resolver-rules` with
// `MAP <host> 127.0.0.1:<port>` rewrites both the address and the port, so a URL without a port
// (https://x.com/, i.e. 443) is connected to 127.0.0.1:<port>; the page keeps its origin
// (https://x.com) and the server sees `Host: x.com`. Checked in Debian Chromium by
// test/e2e/replicas.e2e.ts. `--ignore-certificate-errors` accepts the throwaway self-signed
// certificate (it also names the hosts in subjectAltName). Every other host name is mapped to
// ~NOTFOUND, so a page or the browser can never reach the network during the tests.

const SITES_DIR = resolve(import.meta.dirname, 'sites');
const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export type SiteName = 'x' | 'facebook' | 'instagram';

/** Host names served, and the replica each one gets. */
export const SITE_HOSTS: Readonly<Record<string, SiteName>> = {
  'x.com': 'x',
  'twitter.com': 'x',
  'www.facebook.com': 'facebook',
  'web.facebook.com': 'facebook',
  'www.instagram.com': 'instagram',
};

const TITLES: Record<SiteName, { title: string; lang: string }> = {
  x: { title: 'Home / X — lokale nabootsing', lang: 'en' },
  facebook: { title: 'Facebook — lokale nabootsing', lang: 'en' },
  instagram: { title: 'Instagram — lokale nabootsing', lang: 'en' },
};

interface Bundle {
  js: string;
  css: string;
}

let bundlesOnce: Promise<Record<SiteName, Bundle>> | undefined;

/** Bundles the three replica pages with esbuild, in memory, once per process. */
export function bundleSites(): Promise<Record<SiteName, Bundle>> {
  bundlesOnce ??= (async () => {
    const outdir = join(tmpdir(), 'postwijs-replicas-unwritten');
    const result = await build({
      absWorkingDir: REPO_ROOT,
      entryPoints: {
        x: join(SITES_DIR, 'x.jsx'),
        facebook: join(SITES_DIR, 'facebook.jsx'),
        instagram: join(SITES_DIR, 'instagram.jsx'),
      },
      outdir,
      write: false,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome116',
      // The root tsconfig sets jsxImportSource "preact" (for the extension); these pages are React.
      tsconfigRaw: {},
      jsx: 'automatic',
      jsxImportSource: 'react',
      // Lexical's package exports pick Lexical.prod.js / .dev.js by condition.
      conditions: ['production'],
      define: {
        'process.env.NODE_ENV': '"production"',
        global: 'globalThis',
      },
      legalComments: 'none',
      logLevel: 'silent',
    });
    const out = {} as Record<SiteName, Bundle>;
    for (const site of ['x', 'facebook', 'instagram'] as const) {
      const file = (ext: string): string => result.outputFiles.find((f) => f.path === join(outdir, `${site}.${ext}`))?.text ?? '';
      const js = file('js');
      if (!js) throw new Error(`replica bundle for ${site} is missing`);
      out[site] = { js, css: file('css') };
    }
    return out;
  })();
  bundlesOnce.catch(() => {
    bundlesOnce = undefined;
  });
  return bundlesOnce;
}

const execFileAsync = promisify(execFile);

/** A throwaway self-signed certificate for the served host names (made with openssl). */
async function makeCertificate(): Promise<{ key: Buffer; cert: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'postwijs-replica-cert-'));
  try {
    const san = [...Object.keys(SITE_HOSTS), 'localhost'].map((h) => `DNS:${h}`).join(',') + ',IP:127.0.0.1';
    await execFileAsync(process.env.POSTWIJS_OPENSSL ?? '/usr/bin/openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=PostWijs local replica (test only)',
      '-addext',
      `subjectAltName=${san}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    const [key, cert] = await Promise.all([readFile(join(dir, 'key.pem')), readFile(join(dir, 'cert.pem'))]);
    return { key, cert };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Names in the demo banner and title. */
const DEMO_NAMES: Record<SiteName, string> = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' };

/** The banner of demo mode (npm start): people try PostWijs on these pages by hand, so the page
 * says plainly, in Dutch and English, that it is not the real site. It is in the HTML itself, so
 * it shows before (and without) the replica's script; it covers the replica's own test banner,
 * which keeps its place and text for the tests' sake. */
function demoBanner(site: SiteName): { title: string; head: string; body: string } {
  const name = DEMO_NAMES[site];
  const nl = `Lokale nabootsing van ${name} voor PostWijs — niets wordt naar de echte site gestuurd`;
  const en = `Local imitation of ${name} for trying PostWijs — nothing is sent to the real site`;
  return {
    title: `Demo: ${name} — lokale nabootsing voor PostWijs`,
    head: `<style>
.replica-banner { visibility: hidden; }
.postwijs-demo-banner { position: fixed; top: 0; left: 0; right: 0; z-index: 2147483001; height: 24px; box-sizing: border-box; padding: 0 8px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; text-align: center; font: 600 12px/24px system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; color: #3d2a00; background: repeating-linear-gradient(135deg, #ffd54f 0 14px, #ffca28 14px 28px); border-bottom: 1px solid #c79a00; pointer-events: none; }
.postwijs-demo-banner b { display: inline-block; margin-right: 6px; padding: 0 6px; border-radius: 3px; line-height: 16px; color: #fff; background: #8a5a00; }
.postwijs-demo-banner span[lang="en"] { font-weight: 400; }
</style>`,
    body: `<div class="postwijs-demo-banner" role="note" lang="nl" title="${escapeHtml(`Demo — ${nl} / ${en}`)}"><b>DEMO</b>${escapeHtml(nl)} · <span lang="en">${escapeHtml(en)}</span></div>`,
  };
}

function pageHtml(site: SiteName, demo: boolean): string {
  const banner = demo ? demoBanner(site) : undefined;
  const { lang } = TITLES[site];
  const title = banner?.title ?? TITLES[site].title;
  return `<!doctype html>
<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/__replica/${site}.css">
<script src="/__replica/${site}.js" defer></script>
${banner?.head ?? ''}</head>
<body>
${banner?.body ?? ''}<div id="root"></div>
</body>
</html>
`;
}

function indexHtml(): string {
  const links = Object.keys(SITE_HOSTS)
    .map((h) => `<li>https://${escapeHtml(h)}/</li>`)
    .join('');
  return `<!doctype html><meta charset="utf-8"><title>PostWijs replicas</title><p>Lokale nabootsingen voor het testen van PostWijs. Open via Chromium met de host-resolver-regels:</p><ul>${links}</ul>`;
}

/** Which replica a Host header asks for (port stripped, case-insensitive). */
export function siteForHost(hostHeader: string | undefined): SiteName | undefined {
  const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
  return SITE_HOSTS[host];
}

export interface Sites {
  /** The loopback port the HTTPS server listens on. */
  port: number;
  /** The value of --host-resolver-rules. */
  hostRules: string;
  /** Pass to launchWithExtension(extraArgs). */
  chromiumArgs: string[];
  close(): Promise<void>;
}

export interface SitesOptions {
  /** Demo mode (npm start): every replica page carries a banner saying it is a local imitation.
   * The tests run without it (they check the replica's own banner). */
  demo?: boolean;
}

export async function startSites(options: SitesOptions = {}): Promise<Sites> {
  const [bundles, { key, cert }] = await Promise.all([bundleSites(), makeCertificate()]);

  const server: Server = createServer({ key, cert }, (req, res) => {
    const site = siteForHost(req.headers.host);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    if (!site) {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (host === 'localhost' || host === '127.0.0.1') {
        res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(indexHtml());
      } else {
        res.writeHead(421, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('No replica for this host.\n');
      }
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204, headers).end();
      return;
    }
    const asset = /^\/__replica\/(x|facebook|instagram)\.(js|css)$/.exec(path);
    if (asset) {
      const bundle = bundles[asset[1] as SiteName];
      const isJs = asset[2] === 'js';
      res
        .writeHead(200, { ...headers, 'content-type': isJs ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8' })
        .end(isJs ? bundle.js : bundle.css);
      return;
    }
    // Any other path: the page; the replica routes on location.pathname (an SPA, like the sites).
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(site, options.demo === true));
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const hostRules = [
    ...Object.keys(SITE_HOSTS).map((h) => `MAP ${h} 127.0.0.1:${port}`),
    // Everything else fails to resolve: no request of the browser leaves this machine.
    'MAP * ~NOTFOUND',
    'EXCLUDE localhost',
    'EXCLUDE 127.0.0.1',
  ].join(', ');

  return {
    port,
    hostRules,
    chromiumArgs: [`--host-resolver-rules=${hostRules}`, '--ignore-certificate-errors'],
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
