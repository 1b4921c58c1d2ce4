import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocumentInNode } from '../../src/documents/read-node.ts';
import { draftProtocol } from '../../src/drafting/draft.ts';
import { DEFAULT_PROTOCOL_TEXT, docxFromText, pdfFromText, scannedPdf, WORD_EXPORT_DEBRIS } from '../helpers/protocol-documents.ts';
import { clickElement, evaluate, FIREFOX, installExtension, poll, startFirefoxWithSites, type FirefoxWithSites } from './firefox.ts';

// The review page (src/review/) in the built Firefox package (dist/firefox) in Debian's Firefox
// ESR, headless, over WebDriver BiDi (how Firefox is launched: ./firefox.ts). The Chromium
// version, with the review itself, the export and axe, is ./review.e2e.ts; this one checks what
// differs in Firefox: pdfjs-dist's module worker and mammoth running in a moz-extension:// page,
// and saving through browser.storage to the background script.
//
// Files are chosen with BiDi's input.setFiles (as the file picker fills the input: a real File
// and trusted input/change events), which takes paths on disk: the generated documents are
// written to a temporary directory first.
//
// Firefox's BiDi sends no events at all for moz-extension:// contexts (no log.entryAdded, no
// network.beforeRequestSent, not even browsingContext.load, also with the context named in
// session.subscribe), runs no preload scripts there and may not navigate to them. So what the
// page logs, its uncaught errors and the workers it starts are recorded by a small hook that is
// put into each freshly loaded review page before a file is chosen (pdfjs-dist and mammoth are
// loaded only then). The hook also tells whether pdfjs parsed in its module worker: if that
// worker fails to start, pdfjs quietly falls back to parsing on the page ("fake worker").

/** The user's settings before the import: Dutch, so the messages checked below are known. */
const SCHOOL = { protocol: 'algemeen', schoolName: 'De Voorbeeldschool', schoolAliases: ['Voorbeeldschool'], role: 'employee', jobTitle: 'leerkracht', uiLanguage: 'nl' };
const REVIEW_PATH = '/src/review/index.html';

/** What the same engine drafts from the same bytes in Node: the page must come to the same. */
async function nodeDraft(bytes: Uint8Array, fileName: string) {
  return draftProtocol({ pages: await readDocumentInNode(bytes), fileName });
}

interface Effective {
  settings: Record<string, unknown>;
  protocol: { id: string; title: string; rules: Record<string, { article: string; quote: string }> };
}
/** What the hook saw in one review page (see HOOK). */
interface PageLog {
  console: { level: string; text: string }[];
  errors: string[];
  workers: { url: string; type: string; error: string | null; messages: number }[];
}

/** Put into a freshly loaded review page: records console output, uncaught errors and CSP
 * violations, and every Worker the page starts (its URL, whether it failed to load or run, and
 * how many messages it sent back). window.Worker is looked up by pdfjs when it starts a worker,
 * after this ran: the pdfjs chunk is imported only once a PDF is chosen. */
const HOOK = `(() => {
  const seen = (window.__postwijsTest = { console: [], errors: [], workers: [] });
  for (const level of ['error', 'warn', 'info', 'log']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      seen.console.push({ level, text: args.map((a) => (a instanceof Error ? a.stack || String(a) : String(a))).join(' ') });
      original(...args);
    };
  }
  addEventListener('error', (e) => seen.errors.push('error: ' + e.message + ' (' + e.filename + ':' + e.lineno + ')'));
  addEventListener('unhandledrejection', (e) => seen.errors.push('unhandled rejection: ' + (e.reason?.stack || e.reason)));
  addEventListener('securitypolicyviolation', (e) => seen.errors.push('CSP ' + e.effectiveDirective + ' blocked ' + e.blockedURI));
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      const record = { url: new URL(String(url), location.href).href, type: options?.type ?? 'classic', error: null, messages: 0 };
      seen.workers.push(record);
      this.addEventListener('error', (e) => { record.error = e.message || 'the worker failed to load (error event without a message)'; });
      this.addEventListener('messageerror', () => { record.error = 'messageerror'; });
      this.addEventListener('message', () => { record.messages++; });
    }
  };
  return true;
})()`;

describe.runIf(existsSync(FIREFOX))('the review page in the built Firefox package in Firefox ESR', () => {
  let run: FirefoxWithSites;
  /** The extension's tab: the options page first, then the review page it links to. */
  let tab: string;
  /** The temporary directory the generated documents are written to for input.setFiles. */
  let files: string | undefined;
  /** What each review page logged (by test), for the report at the end of the run. */
  const logs = new Map<string, PageLog>();

  const effective = () => evaluate<Effective | undefined>(run.firefox, tab, `browser.storage.local.get('effective').then((r) => r.effective)`);

  /** Writes a generated document to disk under the name the page will see. */
  function documentFile(name: string, bytes: Uint8Array): string {
    const path = join(files!, name);
    writeFileSync(path, bytes);
    return path;
  }

  async function waitForReviewPage(): Promise<void> {
    await poll(
      () => evaluate<string>(run.firefox, tab, `location.pathname + '|' + (document.querySelector('.reading[role="status"]')?.dataset.state ?? '')`),
      (v) => v === `${REVIEW_PATH}|idle`,
      'the review page with its file input',
    );
  }

  /** A fresh review page in the tab (the reload drops the previous draft and file), hooked. */
  async function freshReview(): Promise<void> {
    await run.firefox.bidi.send('browsingContext.reload', { context: tab, wait: 'complete' });
    await waitForReviewPage();
    expect(await evaluate<boolean>(run.firefox, tab, HOOK)).toBe(true);
  }

  /** What the hook recorded in the current page so far; kept for the report. */
  async function pageLog(test: string): Promise<PageLog> {
    const log = await evaluate<PageLog>(run.firefox, tab, 'window.__postwijsTest');
    logs.set(test, log);
    return log;
  }
  const problems = (log: PageLog) => [...log.errors, ...log.console.filter((c) => c.level === 'error').map((c) => `console.error: ${c.text}`)];

  /** Chooses a file in the page's file input as the file picker would (BiDi input.setFiles). */
  async function choose(path: string): Promise<void> {
    const { result } = await run.firefox.bidi.send<{ result: { sharedId?: string } }>('script.evaluate', {
      expression: `document.querySelector('input#protocol-document[type="file"]')`,
      target: { context: tab },
      awaitPromise: false,
    });
    expect(result.sharedId, 'the file input').toBeTruthy();
    await run.firefox.bidi.send('input.setFiles', { context: tab, element: { sharedId: result.sharedId }, files: [path] });
  }

  /** Waits until reading ends: drafted, or failed with an alert. Returns which, with the alert's text. */
  function outcome(): Promise<{ state: string; alert: string | null }> {
    return poll(
      () =>
        evaluate<{ state: string; alert: string | null }>(
          run.firefox,
          tab,
          `({ state: document.querySelector('.reading[role="status"]')?.dataset.state ?? '',
              alert: document.querySelector('[role="alert"][data-state="failed"]')?.textContent ?? null })`,
        ),
      (v) => !!v && (v.state === 'drafted' || v.alert !== null),
      'the document to be drafted or refused',
      30_000,
    );
  }

  const statusText = () => evaluate<string>(run.firefox, tab, `document.querySelector('.reading[role="status"]').textContent`);
  const proposedRules = () => evaluate<string[]>(run.firefox, tab, `[...document.querySelectorAll('fieldset.proposal')].map((e) => e.getAttribute('data-rule'))`);

  /** Clicks an element of the page with trusted pointer events, scrolled into view first. */
  async function click(selector: string): Promise<void> {
    const found = await evaluate<boolean>(run.firefox, tab, `(() => { const el = document.querySelector(${JSON.stringify(selector)}); el?.scrollIntoView({ block: 'center' }); return !!el; })()`);
    expect(found, selector).toBe(true);
    await clickElement(run.firefox, tab, `document.querySelector(${JSON.stringify(selector)})`, selector);
  }

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'postwijs-firefox-review-'));
    run = await startFirefoxWithSites();
    tab = (await installExtension(run.firefox)).optionsTab;
    await evaluate(run.firefox, tab, `browser.storage.sync.set({ settings: { version: 2, savedAt: Date.now(), settings: ${JSON.stringify(SCHOOL)} } }).then(() => true)`);
    await poll(effective, (v) => v?.settings.schoolName === SCHOOL.schoolName && v.settings.uiLanguage === 'nl', 'the school settings derived by the background script');
  }, 60_000);

  afterAll(async () => {
    await run?.close();
    if (files) rmSync(files, { recursive: true, force: true });
    const lines = [...logs].flatMap(([test, log]) => [
      ...log.workers.map((w) => `${test}: worker ${w.type} ${w.url} messages=${w.messages}${w.error ? ` error=${w.error}` : ''}`),
      ...log.console.map((c) => `${test}: console.${c.level}: ${c.text}`),
      ...log.errors.map((e) => `${test}: ${e}`),
    ]);
    if (lines.length) console.log(`In the review pages:\n  ${lines.join('\n  ')}`);
  });

  it('the settings page links to the review page, which opens in Dutch', async () => {
    await poll(
      () => evaluate<boolean>(run.firefox, tab, `!!document.querySelector('a[data-action="open-review"]')`),
      (v) => v === true,
      'the link to the review page on the settings page',
    );
    await click('a[data-action="open-review"]');
    await waitForReviewPage();
    expect(await evaluate<string>(run.firefox, tab, 'document.documentElement.lang')).toBe('nl');
    expect(await evaluate<string>(run.firefox, tab, `document.querySelector('h1')?.textContent`)).toBe('Protocol van je school inlezen');
  });

  it('a PDF is read by pdfjs in its module worker and drafts the same rules as in Node', async () => {
    const bytes = await pdfFromText(DEFAULT_PROTOCOL_TEXT, WORD_EXPORT_DEBRIS);
    const expected = await nodeDraft(bytes, 'protocol-voorbeeld.pdf');
    expect(expected.proposals.length).toBeGreaterThan(3);
    await freshReview();
    await choose(documentFile('protocol-voorbeeld.pdf', bytes));
    const read = await outcome();
    const log = await pageLog('PDF');
    expect(read, problems(log).join('\n')).toEqual({ state: 'drafted', alert: null });
    expect(await statusText()).toMatch(/protocol-voorbeeld\.pdf/);
    expect(await proposedRules()).toEqual(expected.proposals.map((p) => p.ruleId));
    // The quoted passages are highlighted in the document next to the proposals.
    expect(await evaluate<number>(run.firefox, tab, `document.querySelectorAll('.units mark').length`)).toBeGreaterThan(0);
    // pdfjs parsed in its own module worker from the package (no fallback to the page's thread).
    const origin = await evaluate<string>(run.firefox, tab, 'location.origin');
    expect(log.workers).toEqual([{ url: expect.stringMatching(new RegExp(`^${origin}/assets/pdf\\.worker[^/]*\\.mjs$`)), type: 'module', error: null, messages: expect.any(Number) }]);
    expect(log.workers[0]!.messages).toBeGreaterThan(1);
    expect(problems(log)).toEqual([]);
  });

  it('a .docx (Word numbering) is read by mammoth and drafts the same rules', async () => {
    const bytes = await docxFromText(DEFAULT_PROTOCOL_TEXT, { numbering: true });
    const expected = await nodeDraft(bytes, 'protocol-voorbeeld.docx');
    const fromPdf = await nodeDraft(await pdfFromText(DEFAULT_PROTOCOL_TEXT, WORD_EXPORT_DEBRIS), 'protocol-voorbeeld.pdf');
    expect(expected.proposals.map((p) => p.ruleId)).toEqual(fromPdf.proposals.map((p) => p.ruleId));
    await freshReview();
    await choose(documentFile('protocol-voorbeeld.docx', bytes));
    const read = await outcome();
    const log = await pageLog('docx');
    expect(read, problems(log).join('\n')).toEqual({ state: 'drafted', alert: null });
    expect(await statusText()).toMatch(/protocol-voorbeeld\.docx/);
    expect(await proposedRules()).toEqual(expected.proposals.map((p) => p.ruleId));
    // Word's numbering is not in the text, yet the articles keep their numbers.
    expect(await evaluate<string[]>(run.firefox, tab, `[...document.querySelectorAll('.units li[data-article]')].map((li) => li.dataset.article)`)).toEqual(
      expect.arrayContaining(expected.proposals.map((p) => p.article)),
    );
    expect(problems(log)).toEqual([]);
  });

  it('a scanned PDF gets a clear message and changes nothing', async () => {
    const before = await effective();
    await freshReview();
    await choose(documentFile('scan.pdf', await scannedPdf()));
    const read = await outcome();
    const log = await pageLog('scan');
    expect(read.state).not.toBe('drafted');
    // The message for a scan, not the catch-all "damaged" one a failing pdfjs would give.
    expect(read.alert, problems(log).join('\n')).toMatch(/scan zonder tekst/);
    expect(read.alert).toMatch(/Er is niets veranderd/);
    expect(await proposedRules()).toEqual([]);
    expect((await effective())?.protocol).toEqual(before?.protocol);
    expect(problems(log)).toEqual([]);
  });

  it('saving makes the reviewed protocol the custom protocol in use', async () => {
    const bytes = await pdfFromText(DEFAULT_PROTOCOL_TEXT, WORD_EXPORT_DEBRIS);
    const expected = await nodeDraft(bytes, 'protocol-voorbeeld.pdf');
    const before = await effective();
    expect(before?.settings.protocol).toBe('algemeen');
    expect(before?.protocol.title).not.toBe(expected.protocol.title);
    await freshReview();
    await choose(documentFile('protocol-voorbeeld.pdf', bytes));
    const read = await outcome();
    expect(read, problems(await pageLog('save')).join('\n')).toEqual({ state: 'drafted', alert: null });
    // Reviewed: one proposed rule is not used.
    await click('fieldset.proposal[data-rule="pupil-mention"] input[value="skip"]');
    await poll(
      () => evaluate<boolean>(run.firefox, tab, `document.querySelector('fieldset.proposal[data-rule="pupil-mention"]').classList.contains('skipped')`),
      (v) => v === true,
      'pupil-mention to be marked as not used',
    );
    await click('button[data-action="save-protocol"]');
    const saved = await poll(
      () =>
        evaluate<string | null>(
          run.firefox,
          tab,
          `(() => { const s = document.querySelector('button[data-action="save-protocol"] ~ [role="status"]'); return s && s.dataset.state !== 'idle' ? s.dataset.state + ': ' + s.textContent : null; })()`,
        ),
      (v) => typeof v === 'string',
      'the save outcome',
    );
    expect(saved).toBe(`saved: Opgeslagen. PostWijs controleert nu aan “${expected.protocol.title}”.`);

    // The background script derives the saved protocol into the effective state.
    const state = (await poll(effective, (v) => v?.protocol.title === expected.protocol.title, 'the background script to derive the saved protocol'))!;
    expect(state.settings.protocol).toBe('custom');
    expect(state.settings.schoolName).toBe(SCHOOL.schoolName);
    const expectedRules = { ...expected.protocol.rules };
    delete expectedRules['pupil-mention'];
    expect(Object.fromEntries(Object.entries(state.protocol.rules).map(([id, r]) => [id, r.article]))).toEqual(
      Object.fromEntries(Object.entries(expectedRules).map(([id, r]) => [id, r.article])),
    );
    expect(problems(await pageLog('save'))).toEqual([]);
  });
});
