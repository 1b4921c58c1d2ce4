import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GRIFTLAND_TEACHER, launchOnSites, type ExtensionBrowser } from './browser.ts';

// The content script in the built extension, on replica pages built with the real editors
// (Draft.js for X, Lexical for Facebook and Instagram). Replicas record what the *editor
// state* held when posting (window.__posted), so these tests prove that inserted text is
// really published and that "post anyway" posts exactly once.

let browser: ExtensionBrowser;
let page: Page;
const requests: string[] = [];

const SCHOOL_POST = 'Vandaag met mijn klas naar het Rijksmuseum, wat een dag op Griftland!';

beforeAll(async () => {
  browser = await launchOnSites(GRIFTLAND_TEACHER);
  browser.context.on('request', (request) => requests.push(request.url()));
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(() => {
  requests.length = 0;
});

const overlay = (platform: string) => page.locator(`postwijs-overlay[data-platform="${platform}"]`);
const posted = () => page.evaluate(() => (window as unknown as { __posted: { box: string; text: string }[] }).__posted);

async function findingsOf(platform: string): Promise<string[]> {
  const value = await overlay(platform).last().getAttribute('data-findings');
  return (value ?? '').split(' ').filter(Boolean);
}

async function waitForFinding(platform: string, ruleId: string, present = true): Promise<void> {
  await expect.poll(async () => (await findingsOf(platform)).includes(ruleId), { timeout: 10_000 }).toBe(present);
}

/** Types the school post into the focused box, then adds the disclaimer with the overlay's button. */
async function typeAndInsertDisclaimer(platform: string): Promise<void> {
  await page.keyboard.type(SCHOOL_POST);
  await waitForFinding(platform, 'missing-disclaimer');
  await overlay(platform).last().locator('[data-action="toggle"]').click();
  await overlay(platform).last().locator('[data-action="insert-disclaimer"]').click();
  await waitForFinding(platform, 'missing-disclaimer', false);
}

async function open(url: string, editorSelector: string): Promise<void> {
  await page.goto(url);
  await page.locator(editorSelector).first().click();
}

describe('X (Draft.js)', () => {
  const EDITOR = '[data-testid="tweetTextarea_0"]';
  const POST = '[data-testid="tweetButtonInline"]';

  it('shows a warning next to the box while typing, citing the article', async () => {
    await open('https://x.com/home', EDITOR);
    await page.keyboard.type(SCHOOL_POST);
    await waitForFinding('x', 'missing-disclaimer');
    await overlay('x').locator('[data-action="toggle"]').click();
    const panel = overlay('x').locator('[data-rule="missing-disclaimer"]');
    await expect.poll(() => panel.textContent()).toContain('C.4');
  });

  it('inserts the disclaimer into the editor state with one click, and the post publishes it', async () => {
    await open('https://x.com/home', EDITOR);
    await typeAndInsertDisclaimer('x');
    await page.locator(POST).click();
    await expect.poll(posted).toHaveLength(1);
    const [post] = await posted();
    expect(post!.text).toContain(SCHOOL_POST);
    // On X the protocol's short form, so the post stays within 280 characters.
    expect(post!.text).toContain('Op persoonlijke titel; mijn eigen mening, niet die van CVO Baarn/Soest.');
    expect(post!.text.length).toBeLessThanOrEqual(280);
    expect(await page.locator('postwijs-confirm').count()).toBe(0);
  });

  it('holds back a click on Post and asks; "Toch plaatsen" posts exactly once', async () => {
    await open('https://x.com/home', EDITOR);
    await page.keyboard.type(SCHOOL_POST);
    await waitForFinding('x', 'missing-disclaimer');
    await page.locator(POST).click();
    await page.locator('postwijs-confirm [data-action="post-anyway"]').waitFor();
    expect(await posted()).toHaveLength(0);
    await page.locator('postwijs-confirm [data-action="post-anyway"]').click();
    await expect.poll(posted).toHaveLength(1);
    await page.waitForTimeout(300);
    expect((await posted()).map((p) => p.text)).toEqual([SCHOOL_POST]);
  });

  it('"Aanpassen" goes back to editing and posts nothing', async () => {
    await open('https://x.com/home', EDITOR);
    await page.keyboard.type(SCHOOL_POST);
    await waitForFinding('x', 'missing-disclaimer');
    await page.locator(POST).click();
    await page.locator('postwijs-confirm [data-action="edit"]').click();
    await expect.poll(() => page.locator('postwijs-confirm').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await posted()).toHaveLength(0);
  });

  it('holds back Ctrl+Enter too, and replays it once on "Toch plaatsen"', async () => {
    await open('https://x.com/home', EDITOR);
    await page.keyboard.type(SCHOOL_POST);
    await waitForFinding('x', 'missing-disclaimer');
    await page.keyboard.press('Control+Enter');
    await page.locator('postwijs-confirm [data-action="post-anyway"]').click();
    await expect.poll(posted).toHaveLength(1);
    await page.waitForTimeout(300);
    expect(await posted()).toHaveLength(1);
  });

  it('lets a clean post through untouched, with no dialog', async () => {
    await open('https://x.com/home', EDITOR);
    await page.keyboard.type('Zondag lekker gefietst langs de Eem.');
    await expect.poll(() => overlay('x').count()).toBe(1);
    await page.locator(POST).click();
    await expect.poll(posted).toHaveLength(1);
    expect(await page.locator('postwijs-confirm').count()).toBe(0);
    expect((await posted())[0]!.text).toBe('Zondag lekker gefietst langs de Eem.');
  });

  it('adds the media-consent finding when an image is attached', async () => {
    await open('https://x.com/home', EDITOR);
    await page.keyboard.type('Mijn klas op excursie! Op persoonlijke titel.');
    await page.evaluate(() => (window as unknown as { __replica: { attachImage(): unknown } }).__replica.attachImage());
    await page.keyboard.type(' 📸');
    await waitForFinding('x', 'media-consent');
  });

  it('keeps hostile text inert in its UI', async () => {
    await open('https://x.com/home', EDITOR);
    await page.keyboard.type('Die kankerlijers <img src=x onerror="window.__pwned=1"> op Griftland');
    await waitForFinding('x', 'offensive-language');
    await overlay('x').locator('[data-action="toggle"]').click();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await overlay('x').locator('img').count()).toBe(0);
  });
});

describe('X dialogs', () => {
  it('checks the /compose/post dialog and inserts the affiliation line into it', async () => {
    await page.goto('https://x.com/compose/post');
    const editor = page.locator('[role="dialog"] [data-testid="tweetTextarea_0"]');
    await editor.click();
    await page.keyboard.type('@ouder_soest Op Griftland mogen leerlingen hun telefoon niet gebruiken in de les.');
    await waitForFinding('x', 'missing-affiliation');
    const box = overlay('x').last();
    await box.locator('[data-action="toggle"]').click();
    await box.locator('[data-action="insert-affiliation"]').click();
    await waitForFinding('x', 'missing-affiliation', false);
    await page.locator('[role="dialog"] [data-testid="tweetButton"]').click();
    await page.locator('postwijs-confirm [data-action="post-anyway"]').click();
    await expect.poll(posted).toHaveLength(1);
    expect((await posted())[0]).toMatchObject({ box: 'x-dialog' });
    expect((await posted())[0]!.text).toContain('docent bij Griftland College');
  });
});

describe('Facebook (Lexical)', () => {
  it('checks the Create post dialog and inserts the disclaimer into the Lexical state', async () => {
    await page.goto('https://www.facebook.com/');
    await page.getByText(/What's on your mind/).first().click();
    const editor = page.locator('[role="dialog"] [data-lexical-editor="true"]');
    await editor.click();
    await typeAndInsertDisclaimer('facebook');
    await page.locator('[role="dialog"] [role="button"][aria-label="Post"]').click();
    await expect.poll(posted).toHaveLength(1);
    expect((await posted())[0]!.text).toContain('persoonlijke mening');
  });

  it('holds back Enter in a comment box and follows focus from one composer to another', async () => {
    await page.goto('https://www.facebook.com/');
    const comment = page.locator('form [data-lexical-editor="true"]').first();
    await comment.click();
    await page.keyboard.type('Die ouders op Griftland zijn echt debiel');
    await waitForFinding('facebook', 'offensive-language');
    await page.keyboard.press('Enter');
    await page.locator('postwijs-confirm [data-action="edit"]').click();
    await page.waitForTimeout(200);
    expect(await posted()).toHaveLength(0);
    await page.keyboard.press('Enter');
    await page.locator('postwijs-confirm [data-action="post-anyway"]').click();
    await expect.poll(posted).toHaveLength(1);
    expect((await posted())[0]!.box).toBe('fb-comment');
  });
});

describe('insertion reaches the editor state everywhere', () => {
  it('X mobile layout (textarea)', async () => {
    await open('https://x.com/home?mobile=1', 'textarea[data-testid="tweetTextarea_0"]');
    await typeAndInsertDisclaimer('x');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await expect.poll(posted).toHaveLength(1);
    expect((await posted())[0]!.text).toContain('Op persoonlijke titel;');
  });

  it('Instagram caption (Lexical), via Share', async () => {
    await page.goto('https://www.instagram.com/create');
    await page.locator('[contenteditable="true"][role="textbox"]').first().click();
    await typeAndInsertDisclaimer('instagram');
    await page.locator('[role="button"]:has-text("Share")').first().click();
    // Media is always attached in the create flow, so the guard still asks about consent.
    await page.locator('postwijs-confirm [data-action="post-anyway"]').click();
    await expect.poll(posted).toHaveLength(1);
    expect((await posted())[0]!.text).toContain('persoonlijke mening');
  });
});

describe('Instagram', () => {
  it('checks the caption editor (media is always attached) and the comment textarea', async () => {
    await page.goto('https://www.instagram.com/create');
    const caption = page.locator('[contenteditable="true"][role="textbox"]').first();
    await caption.click();
    await page.keyboard.type('Groep 7 van Griftland op schoolreis!');
    await waitForFinding('instagram', 'media-consent');
    await page.goto('https://www.instagram.com/p/1');
    await page.locator('textarea').first().click();
    await page.keyboard.type('Die van 2B die altijd alleen zit #loser');
    await waitForFinding('instagram', 'offensive-language');
  });
});

describe('privacy', () => {
  it('the extension makes no network requests (only the page and its own assets load)', async () => {
    await open('https://x.com/home', '[data-testid="tweetTextarea_0"]');
    await page.keyboard.type(SCHOOL_POST);
    await waitForFinding('x', 'missing-disclaimer');
    const foreign = requests.filter((url) => !/^https:\/\/(x\.com|www\.facebook\.com|www\.instagram\.com)\//.test(url) && !url.startsWith('chrome-extension://') && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});

// Last: reloading the extension invalidates the content script's context for this browser.
describe('robustness', () => {
  it('follows focus from one composer to another and drops the overlay of a closed one', async () => {
    await page.goto('https://www.facebook.com/');
    await page.getByText(/What's on your mind/).first().click();
    await page.locator('[role="dialog"] [data-lexical-editor="true"]').click();
    await page.keyboard.type(SCHOOL_POST);
    await waitForFinding('facebook', 'missing-disclaimer');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[role="dialog"] [data-lexical-editor="true"]').count()).toBe(0);
    await expect.poll(() => overlay('facebook').count(), { timeout: 5_000 }).toBe(0);
    await page.locator('form [data-lexical-editor="true"]').first().click();
    await page.keyboard.type('Mooi gedaan!');
    await expect.poll(() => overlay('facebook').count()).toBe(1);
    expect(await findingsOf('facebook')).toEqual([]);
  });

  it('never interrupts IME composition (a composing Enter passes through)', async () => {
    await page.goto('https://www.facebook.com/');
    await page.locator('form [data-lexical-editor="true"]').first().click();
    await page.keyboard.type('Die ouders op Griftland zijn echt debiel');
    await waitForFinding('facebook', 'offensive-language');
    await page.evaluate(() => {
      const editor = document.activeElement!;
      editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
    });
    await page.waitForTimeout(200);
    expect(await page.locator('postwijs-confirm').count()).toBe(0);
  });

  it('after the extension is reloaded, the page keeps working and Post is not blocked', async () => {
    await open('https://x.com/home', '[data-testid="tweetTextarea_0"]');
    await page.keyboard.type(SCHOOL_POST);
    await waitForFinding('x', 'missing-disclaimer');
    // Reload the extension while the page stays open: its content script loses its context.
    await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await page.waitForTimeout(1500);
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await expect.poll(posted).toHaveLength(1);
    expect(await page.locator('postwijs-confirm').count()).toBe(0);
    expect(await overlay('x').count()).toBe(0);
  });
});

