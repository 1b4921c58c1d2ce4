import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SITE_HOSTS, startSites, type Sites } from './sites.ts';

// Shared by the Firefox end-to-end tests: the built Firefox package (dist/firefox) in Debian's
// Firefox ESR, headless, driven over WebDriver BiDi (built into Firefox; no driver or
// downloaded browser). Those tests run only where /usr/bin/firefox-esr exists (CI installs it
// with apt-get).
//
// How the replica sites are reached: Firefox has no --host-resolver-rules, so it is pointed at
// a local HTTP CONNECT proxy that tunnels the five content-script hosts to the replica server
// and refuses every other host, so Firefox's own background traffic never leaves the machine.
// `acceptInsecureCerts` lets the session accept the throwaway certificate (the real hosts are
// HSTS-preloaded, so a plain certificate exception would not do).

export const FIREFOX = process.env.POSTWIJS_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', 'dist', 'firefox');
export const GECKO_ID = 'postwijs@postwijs.nl';

interface WebSocketLike {
  onopen: ((e: unknown) => void) | null;
  onerror: ((e: unknown) => void) | null;
  onclose: ((e: unknown) => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

/** Node 22 has a global WebSocket; on Node 20 playwright-core's bundled `ws` stands in. */
async function openSocket(url: string): Promise<WebSocketLike> {
  const Ctor = ((globalThis as { WebSocket?: unknown }).WebSocket ??
    (await import('playwright-core/lib/utilsBundle' as string)).ws) as new (url: string) => WebSocketLike;
  const socket = new Ctor(url);
  await new Promise((ok, fail) => {
    socket.onopen = ok;
    socket.onerror = () => fail(new Error(`cannot connect to ${url}`));
  });
  return socket;
}

/** The few WebDriver BiDi commands these tests need, as request/response over one socket. */
export class Bidi {
  private next = 1;
  private pending = new Map<number, { ok(v: unknown): void; fail(e: Error): void }>();
  constructor(private socket: WebSocketLike) {
    socket.onmessage = (e) => {
      const msg = JSON.parse(String(e.data)) as { id?: number; type: string; result?: unknown; error?: string; message?: string };
      const waiter = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id!);
      if (msg.type === 'error') waiter.fail(new Error(`${msg.error}: ${msg.message}`));
      else waiter.ok(msg.result);
    };
    socket.onclose = () => {
      for (const w of this.pending.values()) w.fail(new Error('BiDi connection closed'));
      this.pending.clear();
    };
  }
  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((ok, fail) => {
      this.pending.set(id, { ok: ok as (v: unknown) => void, fail });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }
  close(): void {
    this.socket.close();
  }
}

/** A CONNECT proxy that only tunnels the replica hosts (port 443) to the replica server. */
async function startProxy(sitesPort: number): Promise<Server> {
  const server = createServer((_req, res) => res.writeHead(403).end());
  server.on('connect', (req, client) => {
    const [host, port] = (req.url ?? '').split(':');
    if (!host || !(host in SITE_HOSTS) || port !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(sitesPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}

function userPrefs(proxyPort: number, keepAddonData = false): string {
  const prefs: Record<string, string | number | boolean> = {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    // No DNS over HTTPS either: nothing may bypass the proxy.
    'network.trr.mode': 5,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'extensions.update.enabled': false,
    // A temporary add-on (webExtension.install) is gone after a restart and is installed again;
    // these keep its moz-extension:// origin, and so its storage, across that, as a permanently
    // installed add-on keeps them (the prefs Firefox's own add-on tests use for this).
    ...(keepAddonData ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true } : {}),
  };
  return Object.entries(prefs)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');
}

export interface Firefox {
  bidi: Bidi;
  process: ChildProcess;
  profile: string;
  keepProfile?: boolean;
}

/** With `profile`: that directory is used and kept (for a restart with the same profile). */
async function launchFirefox(proxyPort: number, keptProfile?: string): Promise<Firefox> {
  const profile = keptProfile ?? mkdtempSync(join(tmpdir(), 'postwijs-firefox-'));
  writeFileSync(join(profile, 'user.js'), userPrefs(proxyPort, !!keptProfile));
  const child = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', 'about:blank'], {
    env: { ...process.env, MOZ_HEADLESS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`Firefox did not start WebDriver BiDi:\n${seen}`)), 30_000);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4000);
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (!m) return;
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      child.stderr!.resume(); // keep draining Firefox's log so it never blocks on a full pipe
      ok(m[1]!);
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`Firefox exited (${code}):\n${seen}`)));
  }).catch((e: unknown) => {
    child.kill();
    if (!keptProfile) rmSync(profile, { recursive: true, force: true });
    throw e;
  });
  const bidi = new Bidi(await openSocket(`${url}/session`));
  await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  return { bidi, process: child, profile, keepProfile: !!keptProfile };
}

async function closeFirefox(firefox: Firefox): Promise<void> {
  firefox.bidi.close();
  firefox.process.kill();
  if (firefox.process.exitCode === null && firefox.process.signalCode === null) {
    await new Promise((r) => firefox.process.once('exit', r));
  }
  if (!firefox.keepProfile) rmSync(firefox.profile, { recursive: true, force: true });
}

/** Firefox behind the proxy to the replica sites, and how to take all of it down again. */
export interface FirefoxWithSites {
  firefox: Firefox;
  sites: Sites;
  close(): Promise<void>;
}

/** Starts the replica sites, the proxy to them and a fresh Firefox. Whatever did start is
 * stopped again if a later step fails, so a failed start leaves no browser or port behind. */
export async function startFirefoxWithSites(options: { profile?: string } = {}): Promise<FirefoxWithSites> {
  let sites: Sites | undefined;
  let proxy: Server | undefined;
  let firefox: Firefox | undefined;
  const close = async () => {
    if (firefox) await closeFirefox(firefox);
    await new Promise((r) => (proxy ? proxy.close(r) : r(undefined)));
    await sites?.close();
  };
  try {
    sites = await startSites();
    proxy = await startProxy(sites.port);
    firefox = await launchFirefox((proxy.address() as AddressInfo).port, options.profile);
    return { firefox, sites, close };
  } catch (e) {
    await close();
    throw e;
  }
}

export async function evaluate<T>(firefox: Firefox, context: string, expression: string): Promise<T> {
  const r = await firefox.bidi.send<{ type: string; result?: unknown; exceptionDetails?: { text: string } }>('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
  });
  if (r.type === 'exception') throw new Error(`script failed: ${r.exceptionDetails?.text}`);
  return fromRemote(r.result) as T;
}

/** A BiDi remote value back to plain JSON (enough for strings, numbers, arrays, objects). */
function fromRemote(v: unknown): unknown {
  const r = v as { type?: string; value?: unknown } | undefined;
  if (!r || r.value === undefined) return r?.type === 'null' ? null : undefined;
  if (r.type === 'array') return (r.value as unknown[]).map(fromRemote);
  if (r.type === 'object') return Object.fromEntries((r.value as [string, unknown][]).map(([k, x]) => [k, fromRemote(x)]));
  return r.value;
}

export async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A read during a navigation fails and gives undefined; a predicate written for the value
    // it waits for ("text.includes(…)") must then mean "not yet", not fail the test.
    const v = await read().catch(() => undefined as T);
    let done = false;
    try {
      done = ok(v);
    } catch {
      done = false;
    }
    if (done) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Installs dist/firefox as a temporary add-on and finds the tab of its options page, where
 * browser.* is available to the tests. */
export async function installExtension(firefox: Firefox): Promise<{ extension: string; optionsTab: string }> {
  const { extension } = await firefox.bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR } });
  // BiDi may not navigate to moz-extension:// pages, but the extension opens its options page
  // itself on install (runtime.onInstalled), and scripts may run in that tab.
  type Tree = { contexts: { context: string; url: string }[] };
  const tab = await poll(
    async () => (await firefox.bidi.send<Tree>('browsingContext.getTree', {})).contexts.find((c) => /^moz-extension:\/\/[0-9a-f-]+\/src\/options\/index\.html$/.test(c.url)),
    (c) => !!c,
    'the options page to open on install',
  );
  return { extension, optionsTab: tab!.context };
}

/** The BiDi handle of the element an expression returns (polled until it exists). */
async function elementHandle(firefox: Firefox, context: string, expression: string, what: string): Promise<string> {
  const sharedId = await poll(
    async () =>
      (
        await firefox.bidi.send<{ result: { sharedId?: string } }>('script.evaluate', {
          expression,
          target: { context },
          awaitPromise: false,
        })
      ).result.sharedId,
    (v) => !!v,
    what,
  );
  return sharedId!;
}

/** Clicks the element an expression returns with trusted pointer events, as a user would
 * (it may be inside an open shadow root). */
export async function clickElement(firefox: Firefox, context: string, expression: string, what = expression): Promise<void> {
  const sharedId = await elementHandle(firefox, context, expression, what);
  const click = [
    { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId } } },
    { type: 'pointerDown', button: 0 },
    { type: 'pointerUp', button: 0 },
  ];
  await firefox.bidi.send('input.performActions', { context, actions: [{ type: 'pointer', id: 'mouse', actions: click }] });
}

/** WebDriver key values of the keys the tests press. */
export const KEY = { control: '\uE009', enter: '\uE007', shift: '\uE008' } as const;

/** Presses keys as a chord (all down in order, then up in reverse), with trusted key events. */
export async function pressChord(firefox: Firefox, context: string, ...keys: string[]): Promise<void> {
  const actions = [...keys.map((value) => ({ type: 'keyDown', value })), ...[...keys].reverse().map((value) => ({ type: 'keyUp', value }))];
  await firefox.bidi.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
}

/** Types text with trusted key events into the focused element. */
export async function typeText(firefox: Firefox, context: string, text: string): Promise<void> {
  const keys = [...text].flatMap((c) => [
    { type: 'keyDown', value: c },
    { type: 'keyUp', value: c },
  ]);
  await firefox.bidi.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: keys }] });
}

/** Clicks an element and types text with trusted input events, as a user would. */
export async function clickAndType(firefox: Firefox, context: string, selector: string, text: string): Promise<void> {
  await clickElement(firefox, context, `document.querySelector(${JSON.stringify(selector)})`, selector);
  await typeText(firefox, context, text);
}

/** Opens the x.com replica in a new tab, types the draft into its compose box and waits until
 * PostWijs's overlay reports findings that satisfy `ok`. Returns the tab and the finding ids. */
export async function typeDraftOnX(firefox: Firefox, draft: string, ok: (findings: string[]) => boolean, what: string): Promise<{ context: string; findings: string[] }> {
  const { context } = await firefox.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  await firefox.bidi.send('browsingContext.navigate', { context, url: 'https://x.com/home', wait: 'complete' });
  await clickAndType(firefox, context, '[data-testid="tweetTextarea_0"]', draft);
  const findings = await poll(
    () => evaluate<string | null>(firefox, context, `document.querySelector('postwijs-overlay[data-platform="x"]')?.getAttribute('data-findings') ?? null`),
    (v) => typeof v === 'string' && ok(v.split(' ').filter(Boolean)),
    what,
  );
  return { context, findings: findings!.split(' ').filter(Boolean) };
}
