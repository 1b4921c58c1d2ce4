import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchOnSites, openPopupWindow, type ExtensionBrowser } from './browser.ts';

// Each bundled protocol enforces its own details, in the built extension on the Facebook
// replica (Lexical): the same draft gets different findings, wording or checklists under
// different protocols, and every finding cites the article (number and verbatim quote) that the
// chosen protocol's JSON declares for that rule. Only the protocol changes between the drafts
// compared; school, role and text stay the same.
//
// Synchronisation: a draft is put into the editor with one insertText (one editor update, so one
// check), and the findings are read once a finding that depends on the text is shown; from then
// on the shown findings are those of the whole draft, so an absent finding is really absent.

type ProtocolId = 'algemeen' | 'aeres-mbo' | 'cvo-baarn-soest' | 'ooh' | 'vsnon' | 'willibrord-miland';
const PROTOCOL_IDS: readonly ProtocolId[] = ['algemeen', 'aeres-mbo', 'cvo-baarn-soest', 'ooh', 'vsnon', 'willibrord-miland'];

interface ProtocolDoc {
  id: string;
  rules: Record<string, { article: string; quote: string; options?: { checklist?: { nl: string; en: string }[]; [k: string]: unknown } }>;
}

const PROTOCOLS_DIR = resolve(import.meta.dirname, '..', '..', 'src', 'protocols');
/** The protocol as bundled: the article numbers and quotes asserted come from here, not from this test. */
function protocol(id: ProtocolId): ProtocolDoc {
  const doc = JSON.parse(readFileSync(resolve(PROTOCOLS_DIR, `${id}.json`), 'utf8')) as ProtocolDoc;
  expect(doc.id).toBe(id);
  return doc;
}
function ruleOf(id: ProtocolId, ruleId: string): ProtocolDoc['rules'][string] {
  const rule = protocol(id).rules[ruleId];
  if (!rule) throw new Error(`${id}.json has no rule ${ruleId}`);
  return rule;
}

/** One finding as the user reads it (overlay panel or popup; both render the same item). */
interface Shown {
  rule: string;
  severity: string;
  message: string;
  checklist: string[];
  /** "Artikel 2b van het protocol" */
  citation: string;
  quote: string;
  /** data-action of its fix button, if any. */
  fix: string | null;
}

/** Reads the findings listed under `scope` (the overlay host, whose UI is in its shadow root,
 * or the popup's section.draft). */
function readFindings(scope: Locator, inShadow: boolean): Promise<Shown[]> {
  return scope.evaluate((host, shadow) => {
    const root: ParentNode = shadow ? host.shadowRoot! : host;
    return [...root.querySelectorAll<HTMLElement>('.finding[data-rule]')].map((el) => {
      const article = el.querySelector('.article');
      const quote = article?.querySelector('q')?.textContent ?? '';
      return {
        rule: el.dataset.rule ?? '',
        severity: ['error', 'warning', 'info'].find((s) => el.classList.contains(s)) ?? '',
        message: el.children[1]?.textContent ?? '',
        checklist: [...el.querySelectorAll('.checklist li')].map((li) => li.textContent ?? ''),
        citation: (article?.textContent ?? '').replace(quote, '').replace(/:\s*$/, '').trim(),
        quote,
        fix: el.querySelector('button[data-action]')?.getAttribute('data-action') ?? null,
      };
    });
  }, inShadow);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const citationOf = (number: string) => new RegExp(`^(?:Artikel ${escapeRe(number)} van het protocol|Article ${escapeRe(number)} of the protocol)$`);

/** Every shown finding is a rule the protocol enables, and cites that rule's article and quote. */
function expectCitesOwnArticles(shown: Shown[], id: ProtocolId): void {
  const doc = protocol(id);
  expect(shown.length).toBeGreaterThan(0);
  for (const f of shown) {
    const rule = doc.rules[f.rule];
    expect(rule, `${f.rule} is not a rule of ${id}`).toBeDefined();
    expect(f.citation, `${id} ${f.rule}`).toMatch(citationOf(rule!.article));
    expect(f.quote, `${id} ${f.rule}`).toBe(rule!.quote);
  }
}

function only(shown: Shown[], ruleId: string): Shown {
  const found = shown.filter((f) => f.rule === ruleId);
  expect(found.map((f) => f.rule), `findings: ${shown.map((f) => f.rule).join(' ')}`).toEqual([ruleId]);
  return found[0]!;
}

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  // No settings: the first tests see PostWijs as right after install.
  browser = await launchOnSites();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

type Chrome = {
  storage: {
    sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
    local: {
      get(k: string): Promise<Record<string, { settings?: Record<string, unknown>; protocol?: { id: string }; noConsentNames?: string[] } | undefined>>;
      set(v: object): Promise<void>;
    };
  };
};

/** What the background worker derived and the content script checks with. */
function effective(): Promise<{ protocol?: string; settings?: Record<string, unknown>; noConsentNames?: string[] }> {
  return browser.serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    const state = (await chrome.storage.local.get('effective')).effective;
    return { protocol: state?.protocol?.id, settings: state?.settings, noConsentNames: state?.noConsentNames };
  });
}

interface Settings {
  protocol: ProtocolId;
  schoolName: string;
  schoolAliases: string[];
  role: 'employee' | 'director' | 'parent' | 'pupil';
  jobTitle?: string;
}

/** Stores the settings (and the no-consent list, on this device only) as the options page does,
 * and waits until the worker has derived exactly them: configure() in browser.ts waits on the
 * school name only, which stays the same here while the protocol changes. */
async function useSettings(settings: Settings, noConsentNames: string[] = []): Promise<void> {
  const full = { jobTitle: '', uiLanguage: 'nl', ...settings };
  await browser.serviceWorker.evaluate(
    async ({ s, names }) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      await chrome.storage.local.set({ noConsentNames: names });
      await chrome.storage.sync.set({ settings: { version: 2, savedAt: Date.now(), settings: s } });
    },
    { s: full, names: noConsentNames },
  );
  await expect
    .poll(
      async () => {
        const e = await effective();
        return {
          protocol: e.protocol,
          settings: { protocol: e.settings?.protocol, schoolName: e.settings?.schoolName, role: e.settings?.role, jobTitle: e.settings?.jobTitle, uiLanguage: e.settings?.uiLanguage },
          names: e.noConsentNames,
        };
      },
      { timeout: 15_000 },
    )
    .toEqual({
      protocol: full.protocol,
      settings: { protocol: full.protocol, schoolName: full.schoolName, role: full.role, jobTitle: full.jobTitle, uiLanguage: 'nl' },
      names: noConsentNames,
    });
}

type Box = 'post' | 'comment' | 'reply';
const overlayOf = (kind: Box) => page.locator(`postwijs-overlay[data-platform="facebook"][data-kind="${kind}"]`);

/**
 * Writes `text` on the Facebook replica in a fresh page: in the Create post dialog (`post`,
 * optionally with a photo attached first), the comment box under the school's post (`comment`),
 * or the reply box under its first comment (`reply`). Waits until the box's overlay shows a
 * finding for which `ready` holds (one that depends on the text), then opens the panel and
 * returns what it lists.
 */
async function write(box: Box, text: string, ready: (ruleIds: string[]) => boolean, options: { photo?: boolean } = {}): Promise<Shown[]> {
  await page.goto('https://www.facebook.com/');
  await page.waitForFunction(() => typeof (window as unknown as { __replica?: { read?: unknown } }).__replica?.read === 'function');
  let boxName: string;
  let editor: Locator;
  if (box === 'post') {
    boxName = 'fb-post';
    if (options.photo) {
      // Like choosing a photo: opens the composer with it attached.
      expect(await page.evaluate(() => (window as unknown as { __replica: { attachImage(b: string): string | null } }).__replica.attachImage('fb-post'))).toBe('fb-post');
      await page.locator('[role="dialog"] [role="group"][aria-label="Attached media"] img').waitFor();
    } else {
      await page.getByText(/What's on your mind/).first().click();
    }
    editor = page.locator('[role="dialog"] [data-lexical-editor="true"]');
  } else if (box === 'comment') {
    boxName = 'fb-comment';
    editor = page.locator('form.fb-comment-form:not(.fb-reply-form) [data-lexical-editor="true"]').first();
  } else {
    boxName = 'fb-reply';
    await page.locator('.fb-reply-link').first().click();
    editor = page.locator('form.fb-reply-form [data-lexical-editor="true"]');
  }
  await editor.click();
  // One editor update for the whole draft: the check that follows sees all of it.
  await page.keyboard.insertText(text);
  // The editor's own state (what the site would post) holds exactly the draft.
  await expect.poll(() => page.evaluate((b) => (window as unknown as { __replica: { read(b: string): string | null } }).__replica.read(b), boxName)).toBe(text);

  const overlay = overlayOf(box);
  const ids = async () => ((await overlay.count()) === 1 ? ((await overlay.getAttribute('data-findings')) ?? '').split(' ').filter(Boolean) : []);
  await expect.poll(async () => ready(await ids()), { timeout: 10_000 }).toBe(true);
  const toggle = overlay.locator('button[data-action="toggle"]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await overlay.locator('.finding').first().waitFor();
  const shown = await readFindings(overlay, true);
  // The panel lists what data-findings says, nothing more or less.
  expect(shown.map((f) => f.rule)).toEqual(await ids());
  return shown;
}

const has = (ruleId: string) => (ids: string[]) => ids.includes(ruleId);

// ---------------------------------------------------------------------------------------------

describe('first run: the general protocol (algemeen)', () => {
  it('is the default right after install and cites its own articles', async () => {
    // Truly first run: nothing stored by a user, and the worker derived the default.
    expect(await browser.serviceWorker.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get('settings')).settings)).toBeUndefined();
    await expect.poll(async () => (await effective()).protocol, { timeout: 15_000 }).toBe('algemeen');
    expect((await effective()).settings?.protocol).toBe('algemeen');

    const shown = await write('post', 'Gefeliciteerd Emma uit 2B met de schrijfwedstrijd!', has('pupil-mention'));
    expectCitesOwnArticles(shown, 'algemeen');
    // The articles algemeen.json declares: 1 (disclaimer), 3 (pupils).
    expect(only(shown, 'missing-disclaimer').citation).toMatch(citationOf(ruleOf('algemeen', 'missing-disclaimer').article));
    expect(ruleOf('algemeen', 'missing-disclaimer').article).toBe('1');
    expect(only(shown, 'pupil-mention')).toMatchObject({ severity: 'warning' });
    expect(only(shown, 'pupil-mention').citation).toMatch(citationOf('3'));
    expect(ruleOf('algemeen', 'pupil-mention').article).toBe('3');
  });

  // Right after install the school name is empty: algemeen's missing-affiliation (article 2)
  // must then say "je school" and offer no line to insert (it once read "You write about  but …"
  // and inserted "(medewerker van )" into the post).
  const FIRST_RUN_COMMENT = 'Gefeliciteerd Emma uit 2B met de schrijfwedstrijd!';

  it('on first run the affiliation message names no empty school and offers no broken line', async () => {
    expect((await effective()).settings?.schoolName).toBe('');
    const affiliation = only(await write('comment', FIRST_RUN_COMMENT, has('pupil-mention')), 'missing-affiliation');
    expect(affiliation.citation).toMatch(citationOf(ruleOf('algemeen', 'missing-affiliation').article));
    expect(affiliation.message).not.toMatch(/(?:about|over)\s+(?:but|maar|,)/);
    expect(affiliation.message).toMatch(/je school|your school/);
    await expect.poll(() => overlayOf('comment').locator('button[data-action="insert-affiliation"]').count()).toBe(0);
  });
});

// The media draft: a class photo attached to a post about the school, with the disclaimer.
const SCHOOL = { schoolName: 'Griftland College', schoolAliases: ['Griftland'], role: 'employee' as const, jobTitle: 'docent' };
const MEDIA_TEXT = 'Foto van de klas bij de excursie naar het Rijksmuseum, wat een dag op Griftland! Op persoonlijke titel.';

const mediaFindings = new Map<ProtocolId, Shown>();
/** The media-consent finding of the media draft under `id`: written once per protocol, or again
 * with `fresh` (then the page holds that draft afterwards). */
async function mediaConsentUnder(id: ProtocolId, { fresh = false } = {}): Promise<Shown> {
  const cached = mediaFindings.get(id);
  if (cached && !fresh) return cached;
  await useSettings({ protocol: id, ...SCHOOL });
  // pupil-mention ("de klas") depends on the text; media-consent alone could be the check of
  // the photo before the text was in.
  const shown = await write('post', MEDIA_TEXT, (ids) => ids.includes('pupil-mention') && ids.includes('media-consent'), { photo: true });
  expectCitesOwnArticles(shown, id);
  const finding = only(shown, 'media-consent');
  // A photo on a post about the school: a warning under every protocol.
  expect(finding.severity, id).toBe('warning');
  mediaFindings.set(id, finding);
  return finding;
}

describe('1. VSNON: no recognisable people in photos (2b)', () => {
  it('the class photo gets VSNON’s own media finding, which differs under the other protocols', { timeout: 180_000 }, async () => {
    const vsnon = await mediaConsentUnder('vsnon');
    expect(ruleOf('vsnon', 'media-consent').options).toMatchObject({ policy: 'no-recognisable-people' });
    expect(vsnon.citation).toMatch(citationOf(ruleOf('vsnon', 'media-consent').article));
    expect(ruleOf('vsnon', 'media-consent').article).toBe('2b');
    expect(vsnon.message).toContain('Volgens het protocol staan er geen herkenbare personen op foto’s.');
    expect(vsnon.message).toContain('een foto');
    // A prohibition, not a consent question: no checklist to tick.
    expect(vsnon.checklist).toEqual([]);

    for (const other of PROTOCOL_IDS.filter((p) => p !== 'vsnon')) {
      const finding = await mediaConsentUnder(other);
      expect(finding.message, other).not.toContain('geen herkenbare personen');
      expect(finding.citation, other).not.toMatch(citationOf('2b'));
      expect(finding.quote, other).not.toBe(vsnon.quote);
    }
    // The consent protocols ask for consent instead, each citing its own article.
    for (const other of ['algemeen', 'aeres-mbo', 'cvo-baarn-soest', 'willibrord-miland'] as const) {
      expect((await mediaConsentUnder(other)).message, other).toContain('Heeft iedereen die herkenbaar in beeld is uitdrukkelijk toestemming gegeven?');
    }
  });
});

describe('2. OOH: three conditions for a photo with recognisable children (Reden 5)', () => {
  it('the overlay and the popup list OOH’s three conditions; no other protocol does', { timeout: 180_000 }, async () => {
    const oohRule = ruleOf('ooh', 'media-consent');
    const conditions = (oohRule.options?.checklist ?? []).map((c) => c.nl);
    expect(oohRule.options).toMatchObject({ policy: 'conditions' });
    expect(conditions).toHaveLength(3);

    // Written now, not taken from case 1: the popup below reads this page's draft.
    const ooh = await mediaConsentUnder('ooh', { fresh: true });
    expect(ooh.citation).toMatch(citationOf(oohRule.article));
    expect(ooh.message).toContain('Herkenbare kinderen mogen alleen op de foto als aan alle voorwaarden is voldaan:');
    expect(ooh.checklist).toEqual(conditions);

    // The toolbar popup shows the same conditions for the same draft (the page is still the
    // active tab with the OOH draft in its box).
    const popup = await openPopupWindow(browser);
    try {
      const draft = popup.locator('section.draft');
      await draft.locator('[data-rule="media-consent"]').waitFor();
      const inPopup = only(await readFindings(draft, false), 'media-consent');
      expect(inPopup.checklist).toEqual(conditions);
      expect(inPopup.citation).toMatch(citationOf(oohRule.article));
      expect(inPopup.quote).toBe(oohRule.quote);
    } finally {
      await popup.close();
    }
    await page.bringToFront();

    for (const other of PROTOCOL_IDS.filter((p) => p !== 'ooh')) {
      const finding = await mediaConsentUnder(other);
      expect(finding.message, other).not.toContain('voorwaarden');
      for (const condition of conditions) expect(finding.checklist, other).not.toContain(condition);
      // Each shows its own checklist, as its JSON declares it (VSNON: none).
      expect(finding.checklist, other).toEqual((ruleOf(other, 'media-consent').options?.checklist ?? []).map((c) => c.nl));
    }
  });
});

describe('3. CVO Baarn/Soest: staff in a discussion name CVO and their function (B.2)', () => {
  const COMMENT = 'Op Griftland mogen leerlingen hun telefoon niet gebruiken in de les.';
  const WORKS_THERE = 'Ik werk op het Griftland en daar mogen leerlingen hun telefoon niet gebruiken in de les.';

  it('a comment without affiliation asks for the function under CVO, only for the affiliation under OOH', { timeout: 120_000 }, async () => {
    const cvoRule = ruleOf('cvo-baarn-soest', 'missing-affiliation');
    expect(cvoRule.options).toMatchObject({ requireJobTitle: true, discussionOnly: true });

    await useSettings({ protocol: 'cvo-baarn-soest', ...SCHOOL });
    const cvo = await write('comment', COMMENT, has('missing-disclaimer'));
    expectCitesOwnArticles(cvo, 'cvo-baarn-soest');
    const cvoAffiliation = only(cvo, 'missing-affiliation');
    expect(cvoAffiliation).toMatchObject({ severity: 'warning', fix: 'insert-affiliation' });
    expect(cvoAffiliation.citation).toMatch(citationOf(cvoRule.article));
    expect(cvoRule.article).toBe('B.2');
    expect(cvoAffiliation.message).toBe('Je schrijft over Griftland College, maar vermeldt niet dat je er werkt en wat je functie is.');

    const oohRule = ruleOf('ooh', 'missing-affiliation');
    expect(oohRule.options?.requireJobTitle).toBeUndefined();
    await useSettings({ protocol: 'ooh', ...SCHOOL });
    const ooh = await write('comment', COMMENT, has('missing-disclaimer'));
    expectCitesOwnArticles(ooh, 'ooh');
    const oohAffiliation = only(ooh, 'missing-affiliation');
    expect(oohAffiliation.severity).toBe('warning');
    expect(oohAffiliation.citation).toMatch(citationOf(oohRule.article));
    expect(oohAffiliation.message).toBe('Je schrijft over Griftland College, maar vermeldt niet dat je er werkt.');
  });

  it('stating the function satisfies CVO; under OOH "ik werk op het Griftland" alone is enough', { timeout: 120_000 }, async () => {
    await useSettings({ protocol: 'cvo-baarn-soest', ...SCHOOL });
    const cvo = await write('comment', 'Als docent op Griftland: leerlingen mogen hun telefoon niet gebruiken in de les.', has('missing-disclaimer'));
    expectCitesOwnArticles(cvo, 'cvo-baarn-soest');
    expect(cvo.map((f) => f.rule)).not.toContain('missing-affiliation');

    await useSettings({ protocol: 'ooh', ...SCHOOL });
    const ooh = await write('comment', WORKS_THERE, has('missing-disclaimer'));
    expectCitesOwnArticles(ooh, 'ooh');
    expect(ooh.map((f) => f.rule)).not.toContain('missing-affiliation');
  });

  // CVO B.2 asks for the function as well: "ik werk op het Griftland" says where, not as what.
  it('"ik werk op het Griftland" without a function still gets missing-affiliation under CVO', { timeout: 60_000 }, async () => {
    await useSettings({ protocol: 'cvo-baarn-soest', ...SCHOOL });
    const cvo = await write('comment', WORKS_THERE, has('missing-disclaimer'));
    expectCitesOwnArticles(cvo, 'cvo-baarn-soest');
    const affiliation = only(cvo, 'missing-affiliation');
    expect(affiliation.severity).toBe('warning');
    expect(affiliation.message).toContain('wat je functie is');
  });
});

describe('4. Aeres MBO: staff are asked not to enter discussions at all (1.4)', () => {
  const AERES = { schoolName: 'Aeres MBO Ede', schoolAliases: ['Aeres Ede'], role: 'employee' as const, jobTitle: 'docent' };
  const TEXT = 'Op Aeres Ede mogen studenten hun telefoon niet gebruiken in de les.';
  const WORKS_THERE = 'Ik werk zelf op Aeres Ede: studenten mogen hun telefoon daar niet gebruiken in de les.';

  it('a reply in the thread gets online-discussion; the same text as a top-level post does not', { timeout: 120_000 }, async () => {
    const rule = ruleOf('aeres-mbo', 'online-discussion');
    expect(rule.article).toBe('1.4');
    await useSettings({ protocol: 'aeres-mbo', ...AERES });

    const reply = await write('reply', TEXT, has('missing-disclaimer'));
    expectCitesOwnArticles(reply, 'aeres-mbo');
    const discussion = only(reply, 'online-discussion');
    expect(discussion.citation).toMatch(citationOf(rule.article));
    expect(discussion.message).toBe('Je reageert in een discussie over school. Het protocol vraagt medewerkers geen discussie te voeren op sociale media.');
    // Aeres has no affiliation duty: saying you work there is not what it asks.
    expect(reply.map((f) => f.rule)).not.toContain('missing-affiliation');

    const post = await write('post', TEXT, has('missing-disclaimer'));
    expectCitesOwnArticles(post, 'aeres-mbo');
    expect(post.map((f) => f.rule)).not.toContain('online-discussion');

    // Saying you work there does not make a discussion acceptable under Aeres.
    const stated = await write('reply', WORKS_THERE, has('missing-disclaimer'));
    expectCitesOwnArticles(stated, 'aeres-mbo');
    expect(only(stated, 'online-discussion').citation).toMatch(citationOf('1.4'));
  });

  it('under the general protocol the same reply asks for the affiliation instead, and stating it is enough', { timeout: 120_000 }, async () => {
    await useSettings({ protocol: 'algemeen', ...AERES });
    const reply = await write('reply', TEXT, has('missing-disclaimer'));
    expectCitesOwnArticles(reply, 'algemeen');
    expect(reply.map((f) => f.rule)).not.toContain('online-discussion');
    const affiliation = only(reply, 'missing-affiliation');
    expect(affiliation.severity).toBe('warning');
    expect(affiliation.citation).toMatch(citationOf(ruleOf('algemeen', 'missing-affiliation').article));

    const stated = await write('reply', WORKS_THERE, has('missing-disclaimer'));
    expectCitesOwnArticles(stated, 'algemeen');
    expect(stated.map((f) => f.rule)).not.toContain('online-discussion');
    expect(stated.map((f) => f.rule)).not.toContain('missing-affiliation');
  });
});

describe('5. Willibrord-Miland: a pupil on the no-consent list', () => {
  const WILLIBRORD = { schoolName: 'Willibrord-Miland', schoolAliases: ['Willibrord', 'Miland'], role: 'parent' as const };
  const TEXT = 'Knap gedaan van Sem de Boer tijdens de musical op Willibrord!';

  it('is an error citing Willibrord’s article, and VSNON’s under VSNON', { timeout: 120_000 }, async () => {
    const rule = ruleOf('willibrord-miland', 'pupil-mention');
    await useSettings({ protocol: 'willibrord-miland', ...WILLIBRORD }, ['Sem de Boer', 'Lotte Bakker']);
    const shown = await write('post', TEXT, has('pupil-mention'));
    expectCitesOwnArticles(shown, 'willibrord-miland');
    const pupil = only(shown, 'pupil-mention');
    expect(pupil.severity).toBe('error');
    expect(pupil.message).toBe('Sem de Boer staat op de lijst van leerlingen zonder toestemming. Noem deze leerling niet.');
    expect(pupil.citation).toMatch(citationOf(rule.article));
    expect(pupil.quote).toBe(rule.quote);

    // The same list under VSNON: the same error, but VSNON's article and quote.
    await useSettings({ protocol: 'vsnon', ...WILLIBRORD }, ['Sem de Boer', 'Lotte Bakker']);
    const vsnon = only(await write('post', TEXT, has('pupil-mention')), 'pupil-mention');
    expect(vsnon.severity).toBe('error');
    expect(vsnon.citation).toMatch(citationOf(ruleOf('vsnon', 'pupil-mention').article));
    expect(vsnon.citation).not.toBe(pupil.citation);
    expect(vsnon.quote).not.toBe(pupil.quote);
  });
});
