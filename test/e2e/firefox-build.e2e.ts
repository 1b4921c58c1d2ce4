import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built packages as they go to the stores: both manifests ask for no more than they need,
// no built file loads code from elsewhere, dist/firefox passes Mozilla's linter, and
// `npm run package` zips exactly what was built. Runs after the build of `npm run test:e2e`
// (vite build, then scripts/build-firefox.ts). test/e2e/screenshots.e2e.ts also checks the
// content script's size and network calls; the checks here cover every built file.

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = { chrome: join(ROOT, 'dist', 'chrome'), firefox: join(ROOT, 'dist', 'firefox') } as const;
const BIN = join(ROOT, 'node_modules', '.bin');
const execFileAsync = promisify(execFile);

const MATCHES = ['https://x.com/*', 'https://twitter.com/*', 'https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://www.instagram.com/*'];

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[] }[];
  content_security_policy?: unknown;
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } } };
  storage?: { managed_schema?: string };
};

const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** Relative, forward-slash paths of every file under dir, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

for (const [browser, dir] of Object.entries(DIST)) {
  describe(`the ${browser} manifest asks for no more than it needs`, () => {
    const m = manifestOf(dir);
    const text = JSON.stringify(m);

    it('permissions are exactly storage; hosts are only the five content-script sites', () => {
      expect(m.permissions).toEqual(['storage']);
      expect(m.host_permissions ?? []).toEqual([]);
      expect(m.optional_permissions ?? []).toEqual([]);
      expect(m.optional_host_permissions ?? []).toEqual([]);
      expect(m.externally_connectable).toBeUndefined();
      expect(m.content_scripts?.flatMap((c) => c.matches).sort()).toEqual([...MATCHES].sort());
      for (const broad of ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', '"tabs"', 'webRequest', 'scripting', 'debugger', 'nativeMessaging', 'cookies', 'history']) {
        expect(text, broad).not.toContain(broad);
      }
    });

    it('has no content security policy that could allow remote or evaluated code', () => {
      const csp = JSON.stringify(m.content_security_policy ?? '');
      expect(csp).not.toMatch(/https?:|wss?:|unsafe-eval|unsafe-inline|\*|data:|blob:/);
    });
  });

  describe(`no ${browser} file loads or runs code from elsewhere`, () => {
    const files = filesUnder(dir);

    // Absolute URLs that are names, not addresses anything is fetched from.
    const KNOWN_URLS = [
      /^http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg|1998\/Math\/MathML)$/, // Preact: DOM namespaces
      /^https?:\/\/json-schema\.org\/[\w/.-]+schema#?$/, // zod: $schema ids written by toJSONSchema
      /^http:\/\/\[\$\{[\w$]*$/, // zod: the template that tests an IPv6 host in URL validation
      /^https:\/\/rolldown\.rs\/in-depth\/bundling-cjs#require-external-modules$/, // the bundler's CommonJS helper: text of an error it throws
      /^https:\/\/x\.com\/(?:i\/web\/status\/)?\$\{/, // the audit's links to the person's own posts (src/archive/x.ts): opened when clicked, never fetched
    ];

    it('mentions no URL except XML namespaces, schema ids and (in the manifest) the five sites', () => {
      for (const file of files) {
        const urls = readFileSync(join(dir, file), 'utf8').match(/\b(?:https?|wss?|ftp):\/\/[^\s"'`)\]}<>,]*/g) ?? [];
        const library = libraryOf(dir, file);
        for (const url of urls) {
          const known = KNOWN_URLS.some((re) => re.test(url)) || (file === 'manifest.json' && MATCHES.includes(url)) || (library?.urls.some((re) => re.test(url)) ?? false);
          expect(known, `${file}: ${url}`).toBe(true);
        }
      }
    });

    it('its pages load only their own packaged scripts', () => {
      for (const file of files.filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(join(dir, file), 'utf8');
        const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((r) => r[1]!);
        for (const ref of refs) {
          expect(ref, `${file}: ${ref}`).toMatch(/^\/(?!\/)/);
          expect(existsSync(join(dir, ref)), `${file}: ${ref}`).toBe(true);
        }
      }
    });

    it('its scripts make no network calls and evaluate no strings (the document libraries: only their listed, unused paths)', () => {
      const NETWORK_OR_EVAL = /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|\beval\(|new Function\b|\bimport\(/g;
      const seen = new Set<string>();
      for (const file of files.filter((f) => /\.m?js$/.test(f))) {
        const code = readFileSync(join(dir, file), 'utf8');
        const library = libraryOf(dir, file);
        if (library) seen.add(library.name);
        for (const m of code.matchAll(NETWORK_OR_EVAL)) {
          // The review page loads its own chunks lazily: import(`./pdf-….js`) is a packaged file.
          if (m[0] === 'import(' && /^import\(`\.\/[\w.-]+\.m?js`\)/.test(code.slice(m.index, m.index + 80))) continue;
          expect(library?.tokens.includes(m[0]), `${file}: ${code.slice(Math.max(0, m.index - 40), m.index + 60)}`).toBe(true);
        }
      }
      // Each allowance is still needed (a library that went away takes its allowance with it).
      expect([...seen].sort()).toEqual(DOCUMENT_LIBRARIES.map((l) => l.name).sort());
    });
  });
}

/**
 * The review page reads a school's protocol document with pdfjs-dist and mammoth (which brings
 * JSZip). Their bundles contain code paths for loading documents from URLs (fetch,
 * XMLHttpRequest), a PostScript compiler behind pdfjs's isEvalSupported (PostWijs passes
 * isEvalSupported: false, and the extension CSP forbids eval anyway), worker set-up
 * (importScripts, import(workerSrc): the worker is a packaged file) and XML namespace URLs.
 * PostWijs hands them bytes, never a URL; test/e2e/review.e2e.ts checks that reading a PDF and a
 * .docx makes no request at all. Only these chunks (loaded by the review page only, never by the
 * content script) may contain those tokens.
 */
const DOCUMENT_LIBRARIES: { name: string; marker: RegExp; tokens: string[]; urls: RegExp[] }[] = [
  {
    name: 'pdfjs-dist',
    marker: /pdfjsVersion|isEvalSupported/,
    tokens: ['fetch(', 'XMLHttpRequest', 'import(', 'new Function'],
    urls: [/^http:\/\/\$\{/, /^http:\/\/www\.w3\.org\//, /^http:\/\/ns\.adobe\.com\//, /^http:\/\/www\.xfa\.org\//, /^http:\/\/www\.apache\.org\/licenses\//, /^http:\/\/example\.com$/, /^https:\/\/foo\.bar$/],
  },
  {
    name: 'mammoth',
    marker: /JSZip/,
    tokens: ['importScripts'],
    urls: [/^http:\/\/schemas\.openxmlformats\.org\//, /^http:\/\/schemas\.microsoft\.com\//, /^http:\/\/purl\.oclc\.org\//, /^http:\/\/schemas\.zwobble\.org\//, /^http:\/\/www\.w3\.org\//, /^https:\/\/stuk\.github\.io\/jszip\/documentation\//],
  },
];

/** The document library a packaged chunk holds, if it is one of theirs (never the content script). */
function libraryOf(dir: string, file: string): (typeof DOCUMENT_LIBRARIES)[number] | undefined {
  if (!file.startsWith('assets/') || !/\.m?js$/.test(file)) return undefined;
  const code = readFileSync(join(dir, file), 'utf8');
  return DOCUMENT_LIBRARIES.find((l) => l.marker.test(code));
}

describe('the Firefox manifest', () => {
  const m = manifestOf(DIST.firefox);
  const chrome = manifestOf(DIST.chrome);

  it('runs the background as a module script (Firefox has no extension service workers)', () => {
    expect(m.background?.service_worker).toBeUndefined();
    expect(m.background?.type).toBe('module');
    expect(m.background?.scripts).toEqual([chrome.background?.service_worker]);
    for (const script of m.background!.scripts!) expect(existsSync(join(DIST.firefox, script)), script).toBe(true);
  });

  it('names its gecko id, a minimum version with data-consent support, and collects nothing', () => {
    const gecko = m.browser_specific_settings?.gecko;
    expect(gecko?.id).toBe('postwijs@postwijs.nl');
    expect(Number.parseFloat(gecko?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('drops the Chrome-only keys; otherwise it is the Chrome manifest', () => {
    expect(m.storage?.managed_schema).toBeUndefined();
    expect(m.minimum_chrome_version).toBeUndefined();
    const { background: _b, browser_specific_settings: _s, ...rest } = m;
    const { background: _cb, storage: _cs, minimum_chrome_version: _v, ...chromeRest } = chrome;
    expect(rest).toEqual(chromeRest);
  });

  it('ships the same files as the Chrome build, except the managed-storage schema', () => {
    const expected = filesUnder(DIST.chrome).filter((f) => f !== chrome.storage?.managed_schema);
    expect(filesUnder(DIST.firefox)).toEqual(expected);
    for (const f of expected.filter((f) => f !== 'manifest.json')) {
      expect(readFileSync(join(DIST.firefox, f)).equals(readFileSync(join(DIST.chrome, f))), f).toBe(true);
    }
  });
});

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

// Warnings Mozilla's linter raises on library code, each tied to the exact code it flags, so a
// new warning (or one of these in our own code) fails the test. Keep README's list in step.
const ALLOWED_WARNINGS: { code: string; at: RegExp; reason: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    at: /^[\w$]+\.innerHTML=[\w$]+\.__html\)/,
    reason: "Preact's renderer implements dangerouslySetInnerHTML; PostWijs never uses that prop (checked below)",
  },
  {
    code: 'DANGEROUS_EVAL',
    at: /^Function\(``\)/,
    reason: "zod 4 probes whether eval is allowed with Function(''); the extension CSP forbids it, so zod takes its no-eval path",
  },
  {
    code: 'DANGEROUS_EVAL',
    at: /^Function\(`return this`\)\(\)/,
    reason: "a global-object fallback in mammoth's dependencies (review page only), reached only where globalThis is missing; the CSP forbids it anyway",
  },
  {
    code: 'DANGEROUS_EVAL',
    at: /^Function\(o,`_`,a\)/,
    reason: "underscore's _.template in mammoth's dependencies (review page only); PostWijs never calls it, and the CSP forbids it",
  },
  {
    code: 'DANGEROUS_EVAL',
    at: /^Function\(``\+e\)\)/,
    reason: 'a setImmediate polyfill in JSZip (mammoth, review page only) for string callbacks, which nothing passes; the CSP forbids it',
  },
  {
    code: 'DANGEROUS_EVAL',
    at: /^new Function\((?:""\);return!0|"src","srcOffset","dest","destOffset",e\))/,
    reason: "pdfjs's worker: its eval probe, and the PostScript function compiler it runs only when isEvalSupported (PostWijs passes false; the CSP forbids eval)",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    at: /^import\((?:this\.workerSrc\)|$)/,
    reason: "pdfjs importing its worker (a packaged file, GlobalWorkerOptions.workerSrc) and, only with a wasmUrl PostWijs never sets, its JPX decoder",
  },
];

/** The source text a lint message points at (line and column are 1-based). */
function flaggedCode(msg: LintMessage): string {
  const lines = readFileSync(join(DIST.firefox, msg.file!), 'utf8').split('\n');
  return (lines[(msg.line ?? 1) - 1] ?? '').slice((msg.column ?? 1) - 1, (msg.column ?? 1) + 80);
}

describe('web-ext lint of dist/firefox', () => {
  let report: { summary: Record<string, number>; errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  beforeAll(async () => {
    const args = ['lint', '--source-dir', DIST.firefox, '--output', 'json', '--no-config-discovery', '--boring'];
    const options = { cwd: ROOT, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 16 << 20 };
    // It exits non-zero when it finds errors; the report is on stdout either way.
    const out = await execFileAsync(join(BIN, 'web-ext'), args, options).then(
      (r) => r.stdout,
      (e: { stdout?: string }) => e.stdout ?? '',
    );
    report = JSON.parse(out) as typeof report;
  }, 120_000);

  it('reports no errors or notices', () => {
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
  });

  it('reports no warnings except the allow-listed library code, and each of those still occurs', () => {
    const used = new Set<(typeof ALLOWED_WARNINGS)[number]>();
    for (const w of report.warnings) {
      const code = w.file ? flaggedCode(w) : '';
      const allowed = ALLOWED_WARNINGS.find((a) => a.code === w.code && a.at.test(code));
      expect(allowed, `${w.code} in ${w.file}:${w.line}:${w.column}: ${w.message} at ${JSON.stringify(code.slice(0, 60))}`).toBeDefined();
      used.add(allowed!);
    }
    // An entry whose warning is gone must leave the list (and README).
    expect(ALLOWED_WARNINGS.filter((a) => !used.has(a)).map((a) => a.reason)).toEqual([]);
  });

  it('our own code never uses dangerouslySetInnerHTML (why the Preact warning is harmless)', () => {
    const src = join(ROOT, 'src');
    const users = filesUnder(src).filter((f) => readFileSync(join(src, f), 'utf8').includes('dangerouslySetInnerHTML'));
    expect(users).toEqual([]);
  });
});

/** Name and contents of each entry of a zip file, from its central directory. */
function readZip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${file}: no end of central directory`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(dataStart, dataStart + compressedSize);
    const data = method === 8 ? inflateRawSync(body) : method === 0 ? body : undefined;
    if (!data || data.length !== size) throw new Error(`${file}: cannot read ${name}`);
    entries.set(name, data);
    at += 46 + nameLength + skip;
  }
  return entries;
}

describe('npm run package', () => {
  let out: string;
  let again: string;
  let version: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'postwijs-packages-'));
    again = mkdtempSync(join(tmpdir(), 'postwijs-packages-'));
    for (const dir of [out, again]) execFileSync(join(BIN, 'tsx'), ['scripts/package.ts', '--out', dir], { cwd: ROOT, stdio: 'pipe' });
    version = manifestOf(DIST.chrome).version as string;
  }, 60_000);
  afterAll(() => {
    for (const dir of [out, again]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the three zips, byte-for-byte the same on every run', () => {
    const names = ['chrome', 'firefox', 'sources'].map((k) => `postwijs-${k}-${version}.zip`);
    expect(readdirSync(out).sort()).toEqual(names.sort());
    for (const name of names) expect(readFileSync(join(out, name)).equals(readFileSync(join(again, name))), name).toBe(true);
  });

  for (const browser of ['chrome', 'firefox'] as const) {
    it(`the ${browser} zip holds exactly dist/${browser}, with manifest.json at the root`, () => {
      const entries = readZip(join(out, `postwijs-${browser}-${version}.zip`));
      expect(entries.has('manifest.json')).toBe(true);
      expect([...entries.keys()]).toEqual(filesUnder(DIST[browser]));
      for (const [name, data] of entries) expect(data.equals(readFileSync(join(DIST[browser], name))), name).toBe(true);
    });
  }

  it('the sources zip holds the git-tracked files (nothing untracked) needed to rebuild', () => {
    const entries = readZip(join(out, `postwijs-sources-${version}.zip`));
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean).sort();
    expect([...entries.keys()]).toEqual(tracked);
    for (const needed of ['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'tsconfig.json']) expect(entries.has(needed), needed).toBe(true);
    expect([...entries.keys()].some((n) => n.startsWith('dist/') || n.startsWith('node_modules/'))).toBe(false);
  });

  it.runIf(existsSync('/usr/bin/unzip'))('Info-ZIP finds the zips intact', () => {
    for (const name of readdirSync(out)) execFileSync('/usr/bin/unzip', ['-tq', join(out, name)], { stdio: 'pipe' });
  });
});
