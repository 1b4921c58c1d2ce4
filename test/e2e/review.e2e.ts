import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocumentInNode } from '../../src/documents/read-node.ts';
import { draftProtocol } from '../../src/drafting/draft.ts';
import { corruptDocx, DEFAULT_PROTOCOL_TEXT, docxFromText, emptyFile, encryptedPdf, largePdf, pdfFromText, photoAsPdf, scannedPdf, WORD_EXPORT_DEBRIS } from '../helpers/protocol-documents.ts';
import { axeViolations } from './axe.ts';
import { canWritePolicies, CHROMIUM_POLICY_DIR, launchOnSites, type ExtensionBrowser } from './browser.ts';

// A school's own protocol through the settings page, in the built extension in Chromium: the
// document (PDF, .docx) is read and drafted in the review page, reviewed (one rule not used),
// saved, and then enforced on the Facebook replica with that school's own articles. The export
// for directors is loaded as a real managed policy. Documents that are no protocol leave the
// protocol in use as it was. The review page is checked with axe in Dutch and English.

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const SCHOOL = { protocol: 'algemeen', schoolName: 'De Voorbeeldschool', schoolAliases: ['Voorbeeldschool'], role: 'employee', jobTitle: 'leerkracht', uiLanguage: 'nl' };
/** A second school's protocol for the .docx: another text, so the two imports are told apart. */
const DOCX_TEXT = readFileSync(join(import.meta.dirname, '..', 'protocol-set', '09-stichting-vo-kustlanden.txt'), 'utf8');

/** What the same engine drafts from the same bytes in Node: the page must come to the same. */
async function nodeDraft(bytes: Uint8Array, fileName: string) {
  return draftProtocol({ pages: await readDocumentInNode(bytes), fileName });
}

type Chrome = { storage: { local: { get(k: string): Promise<Record<string, unknown>> }; sync: { set(v: object): Promise<void> } } };
interface Effective {
  settings: Record<string, unknown>;
  locked: string[];
  protocol: { id: string; title: string; rules: Record<string, { article: string; quote: string }> };
}

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchOnSites(SCHOOL);
});
afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await browser?.close();
});

const effective = () =>
  browser.serviceWorker.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('effective')).effective) as Promise<Effective>;

async function openReview(): Promise<Page> {
  const options = await browser.context.newPage();
  watchRequests(options);
  await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  const link = options.locator('a[data-action="open-review"]');
  await link.click();
  await options.waitForURL(/\/src\/review\/index\.html$/);
  await options.locator('#protocol-document').waitFor();
  return options;
}

/** Every request the review pages made that left the extension: reading a document must make none. */
const outside: string[] = [];
/** Requests seen at all (the page's own scripts and chunks): proves the watch sees requests. */
let watched = 0;
function watchRequests(page: Page): void {
  page.on('request', (request) => {
    watched++;
    if (!request.url().startsWith(`chrome-extension://${browser.extensionId}/`)) outside.push(request.url());
  });
  page.on('websocket', (socket) => outside.push(socket.url()));
}

async function upload(review: Page, name: string, mimeType: string, bytes: Uint8Array): Promise<void> {
  await review.locator('#protocol-document').setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
}

/** Writes in the comment box of the Facebook replica and returns the findings listed with their citations. */
async function commentFindings(text: string): Promise<{ rule: string; article: string; quote: string }[]> {
  const page = await browser.context.newPage();
  try {
    await page.goto('https://www.facebook.com/');
    await page.waitForFunction(() => typeof (window as unknown as { __replica?: { read?: unknown } }).__replica?.read === 'function');
    await page.locator('form.fb-comment-form:not(.fb-reply-form) [data-lexical-editor="true"]').first().click();
    await page.keyboard.insertText(text);
    const overlay = page.locator('postwijs-overlay[data-platform="facebook"][data-kind="comment"]');
    await expect.poll(async () => ((await overlay.count()) === 1 ? ((await overlay.getAttribute('data-findings')) ?? '') : ''), { timeout: 10_000 }).toContain('missing-disclaimer');
    const toggle = overlay.locator('button[data-action="toggle"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await overlay.locator('.finding').first().waitFor();
    return await overlay.evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll<HTMLElement>('.finding[data-rule]')].map((el) => {
        const article = el.querySelector('.article');
        const quote = article?.querySelector('q')?.textContent ?? '';
        return { rule: el.dataset.rule ?? '', article: (article?.textContent ?? '').replace(quote, ''), quote };
      }),
    );
  } finally {
    await page.close();
  }
}

describe('a school protocol from its document', () => {
  it('on first run the settings page explains the general protocol and links to reading in the school’s own', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await expect.poll(() => options.locator('#protocol').inputValue()).toBe('algemeen');
    expect(await options.locator('[data-state="general-protocol"]').textContent()).toMatch(/niet dat van je school/);
    expect(await options.locator('a[data-action="open-review"]').textContent()).toMatch(/Protocol van je school inlezen/);
    await options.close();
  });

  it('imports a PDF: review next to the highlighted document, one rule not used, saved; a comment then cites the school’s articles', async () => {
    const bytes = await pdfFromText(DEFAULT_PROTOCOL_TEXT, WORD_EXPORT_DEBRIS);
    const expected = await nodeDraft(bytes, 'protocol-voorbeeld.pdf');
    const review = await openReview();
    await upload(review, 'protocol-voorbeeld.pdf', 'application/pdf', bytes);
    await review.locator('[role="status"][data-state="drafted"]').waitFor({ timeout: 20_000 });
    const cards = review.locator('fieldset.proposal');
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(expected.proposals.map((p) => p.ruleId));
    // The quoted passages are highlighted in the document.
    expect(await review.locator('.units mark').count()).toBeGreaterThan(0);
    // Review: do not use pupil-mention.
    await review.locator('fieldset.proposal[data-rule="pupil-mention"] input[value="skip"]').check();
    await review.setViewportSize({ width: 1280, height: 1000 });
    await review.screenshot({ path: join(SCREENSHOTS, 'review-pdf.png') });
    await review.locator('button[data-action="save-protocol"]').click();
    await review.locator('[role="status"][data-state="saved"]').waitFor();

    await expect.poll(async () => (await effective()).protocol.title, { timeout: 15_000 }).toBe(expected.protocol.title);
    const state = await effective();
    expect(state.settings.protocol).toBe('custom');
    const expectedRules = { ...expected.protocol.rules };
    delete expectedRules['pupil-mention'];
    expect(Object.fromEntries(Object.entries(state.protocol.rules).map(([id, r]) => [id, r.article]))).toEqual(
      Object.fromEntries(Object.entries(expectedRules).map(([id, r]) => [id, r.article])),
    );

    const shown = await commentFindings('Morgen is de Voorbeeldschool dicht vanwege een studiedag.');
    const disclaimer = shown.find((f) => f.rule === 'missing-disclaimer')!;
    expect(disclaimer.article).toMatch(new RegExp(`Artikel ${expectedRules['missing-disclaimer']!.article.replace('.', '\\.')} van het protocol`));
    expect(disclaimer.quote).toBe(expectedRules['missing-disclaimer']!.quote);
    await review.close();
    // pdfjs and its worker got bytes, never a URL: nothing was fetched from anywhere.
    expect(watched).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });

  it('imports a .docx of another school (Word numbering, tables): its own articles are then cited', async () => {
    const bytes = await docxFromText(DOCX_TEXT, { tables: true });
    const expected = await nodeDraft(bytes, 'protocol-kustlanden.docx');
    expect(expected.protocol.rules['missing-disclaimer']).toBeDefined();
    const review = await openReview();
    await upload(review, 'protocol-kustlanden.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes);
    await review.locator('[role="status"][data-state="drafted"]').waitFor({ timeout: 20_000 });
    await review.locator('button[data-action="save-protocol"]').click();
    await review.locator('[role="status"][data-state="saved"]').waitFor();
    await expect.poll(async () => (await effective()).protocol.title, { timeout: 15_000 }).toBe(expected.protocol.title);
    expect((await effective()).protocol.rules).toEqual(expected.protocol.rules);
    const shown = await commentFindings('Morgen is de Voorbeeldschool dicht vanwege een studiedag.');
    expect(shown.find((f) => f.rule === 'missing-disclaimer')!.quote).toBe(expected.protocol.rules['missing-disclaimer']!.quote);
    await review.close();
    expect(outside).toEqual([]);
  });

  it('a scan, a password PDF, a photo, an empty file and a broken .docx each get a clear message and change nothing; a 5 MB PDF is read', async () => {
    const before = await effective();
    const review = await openReview();
    const cases: [string, string, Uint8Array, RegExp][] = [
      ['scan.pdf', 'application/pdf', await scannedPdf(), /scan zonder tekst/],
      ['beveiligd.pdf', 'application/pdf', await encryptedPdf(), /wachtwoord/],
      ['foto.pdf', 'application/pdf', await photoAsPdf(), /foto of afbeelding/],
      ['leeg.txt', 'text/plain', await emptyFile(), /leeg/],
      ['kapot.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await corruptDocx(), /beschadigd/],
    ];
    for (const [name, mime, bytes, message] of cases) {
      await upload(review, name, mime, bytes);
      const alert = review.locator('[role="alert"][data-state="failed"]');
      await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(message);
      expect(await alert.textContent()).toMatch(/Er is niets veranderd/);
      // Cleared for the next file: the input is reset by choosing again.
      await review.locator('#protocol-document').setInputFiles([]);
    }
    expect((await effective()).protocol).toEqual(before.protocol);
    await upload(review, 'groot.pdf', 'application/pdf', await largePdf());
    await review.locator('[role="status"][data-state="drafted"]').waitFor({ timeout: 30_000 });
    expect(await review.locator('fieldset.proposal').count()).toBeGreaterThan(3);
    expect((await effective()).protocol).toEqual(before.protocol);
    await review.close();
  });

  it('a 50-page PDF shows its reading progress page by page before the rules', async () => {
    const review = await openReview();
    // Every text the status region shows, recorded as it changes (no polling that could miss one).
    await review.evaluate(() => {
      const seen: string[] = ((window as unknown as { __statusTexts: string[] }).__statusTexts = []);
      const status = document.querySelector('.reading[role="status"]')!;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { subtree: true, childList: true, characterData: true });
    });
    await upload(review, 'protocol-50.pdf', 'application/pdf', await pdfFromText(DEFAULT_PROTOCOL_TEXT, { ...WORD_EXPORT_DEBRIS, minPages: 50 }));
    await review.locator('[role="status"][data-state="drafted"]').waitFor({ timeout: 30_000 });
    const texts = await review.evaluate(() => (window as unknown as { __statusTexts: string[] }).__statusTexts);
    const progress = texts.filter((t) => /Pagina \d+ van 50 gelezen/.test(t));
    expect(progress.length).toBeGreaterThan(1);
    await review.close();
  });

  for (const language of ['nl', 'en'] as const) {
    it(`the review page with a draft has no axe violations (${language})`, async () => {
      await browser.serviceWorker.evaluate(async (s) => {
        await (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({ settings: { version: 2, savedAt: Date.now(), settings: s } });
      }, { ...SCHOOL, uiLanguage: language });
      await expect.poll(async () => (await effective()).settings.uiLanguage).toBe(language);
      const review = await openReview();
      expect(await review.locator('html').getAttribute('lang')).toBe(language);
      await upload(review, 'protocol.pdf', 'application/pdf', await pdfFromText(DEFAULT_PROTOCOL_TEXT));
      await review.locator('[role="status"][data-state="drafted"]').waitFor({ timeout: 20_000 });
      expect(await review.locator('h1').textContent()).toBe(language === 'nl' ? 'Protocol van je school inlezen' : 'Read in your school\'s protocol');
      expect(await axeViolations(review)).toEqual([]);
      await review.close();
    });
  }
});

const POLICY_FILE = `${CHROMIUM_POLICY_DIR}/postwijs-e2e-review-export.json`;

describe.runIf(canWritePolicies())('the export for directors (needs root to write /etc/chromium/policies)', () => {
  it('the exported Chrome/Edge policy file, loaded as a real managed policy, sets and locks the reviewed protocol', async () => {
    const review = await openReview();
    const bytes = await pdfFromText(DEFAULT_PROTOCOL_TEXT, WORD_EXPORT_DEBRIS);
    await upload(review, 'protocol-voorbeeld.pdf', 'application/pdf', bytes);
    await review.locator('[role="status"][data-state="drafted"]').waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([review.waitForEvent('download'), review.locator('button[data-action="export-chrome"]').click()]);
    const file = await download.path();
    const policy = readFileSync(file, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^postwijs-.*-chrome-edge\.json$/);
    expect(JSON.parse(policy)['3rdparty'].extensions).toHaveProperty(browser.extensionId);
    writeFileSync(POLICY_FILE, policy);
    const title = (await nodeDraft(bytes, 'protocol-voorbeeld.pdf')).protocol.title;
    await expect.poll(async () => (await effective()).locked.includes('protocol') && (await effective()).protocol.title, { timeout: 40_000, interval: 500 }).toBe(title);
    expect([...(await effective()).locked].sort()).toEqual(['customProtocol', 'protocol']);
    // The review page now says the protocol is set by the school and cannot be saved here.
    await review.reload();
    await upload(review, 'protocol-voorbeeld.pdf', 'application/pdf', bytes);
    await review.locator('[role="status"][data-state="drafted"]').waitFor({ timeout: 20_000 });
    expect(await review.locator('button[data-action="save-protocol"]').isDisabled()).toBe(true);
    await review.close();
  });
});
