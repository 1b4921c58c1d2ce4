// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../src/content/platforms/index.ts';
import type { DraftKind, Platform } from '../src/engine/types.ts';
import { facebook } from '../src/content/platforms/facebook.ts';
import { instagram } from '../src/content/platforms/instagram.ts';
import { labelOf, type PlatformAdapter } from '../src/content/platforms/types.ts';
import { x } from '../src/content/platforms/x.ts';

// The adapters on DOM snippets in the shape the sites render, in Dutch and English (the
// evidence for each shape is named in the adapter's label table). Each case says what the
// adapter must decide for the focused box: left alone, not recognised, or its kind, whether
// Enter sends, and which element is its own submit button.

interface Case {
  name: string;
  lang: 'nl' | 'en';
  html: string;
  /** The element focus lands on (inside the box). */
  focus: string;
  expected:
    | { ignored: string }
    | { unrecognised: 'unknown-kind' | 'no-submit' }
    | { kind: DraftKind; enter: boolean; submit: string | null; media?: number }
    | { none: true };
}

const draft = (testid: string, text = '') =>
  `<div data-testid="${testid}RichTextInputContainer"><div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true" role="textbox" aria-label="Post text" data-testid="${testid}"><div data-contents="true"><div data-block="true"><div class="public-DraftStyleDefault-block"><span><span data-text="true">${text}</span></span></div></div></div></div></div></div>`;
const lexical = (label: string) => `<div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="${label}"><p><span data-lexical-text="true">Tekst</span></p></div>`;

const CASES: Record<Platform, Case[]> = {
  x: [
    {
      name: 'timeline composer: a post, Post button by test id',
      lang: 'en',
      html: `<div data-testid="primaryColumn"><div class="c">${draft('tweetTextarea_0')}<div data-testid="attachments"><img src="a.jpg"></div><button data-testid="tweetButtonInline" role="button"><span>Post</span></button></div></div>`,
      focus: 'span[data-text]',
      expected: { kind: 'post', enter: false, submit: '[data-testid="tweetButtonInline"]', media: 1 },
    },
    {
      name: 'compose dialog in Dutch ("Plaatsen"): a post',
      lang: 'nl',
      html: `<div role="dialog" aria-modal="true"><div class="c">${draft('tweetTextarea_0')}<button data-testid="tweetButton" role="button"><span>Plaatsen</span></button></div></div>`,
      focus: 'span[data-text]',
      expected: { kind: 'post', enter: false, submit: '[data-testid="tweetButton"]' },
    },
    {
      name: 'reply dialog in Dutch ("Als antwoord op", "Beantwoorden"): a reply',
      lang: 'nl',
      html: `<div role="dialog" aria-modal="true"><article>De sportdag!</article><div>Als antwoord op <a>@bs_regenboog</a></div><div class="c">${draft('tweetTextarea_0')}<button data-testid="tweetButton" role="button"><span>Beantwoorden</span></button></div></div>`,
      focus: 'span[data-text]',
      expected: { kind: 'reply', enter: false, submit: '[data-testid="tweetButton"]' },
    },
    {
      name: 'reply dialog in English ("Replying to"), button text not read',
      lang: 'en',
      html: `<div role="dialog" aria-modal="true"><div>Replying to <a>@bs_regenboog</a></div><div class="c">${draft('tweetTextarea_0')}<button data-testid="tweetButton" role="button"><svg></svg></button></div></div>`,
      focus: 'span[data-text]',
      expected: { kind: 'reply', enter: false, submit: '[data-testid="tweetButton"]' },
    },
    {
      name: 'inline reply on a post page ("Reply" button): a reply',
      lang: 'en',
      html: `<div data-testid="primaryColumn"><article>Post</article><div class="c">${draft('tweetTextarea_0')}<button data-testid="tweetButtonInline" role="button"><span>Reply</span></button></div></div>`,
      focus: 'span[data-text]',
      expected: { kind: 'reply', enter: false, submit: '[data-testid="tweetButtonInline"]' },
    },
    {
      name: 'phone layout: a textarea inside the test id wrapper',
      lang: 'nl',
      html: `<form><div data-testid="tweetTextarea_0"><textarea></textarea></div><button data-testid="tweetButton" role="button">Plaatsen</button></form>`,
      focus: 'textarea',
      expected: { kind: 'post', enter: false, submit: '[data-testid="tweetButton"]' },
    },
    {
      name: 'a text box in another dialog (a profile bio) does not borrow the timeline\'s Post button',
      lang: 'en',
      html: `<main>${draft('tweetTextarea_0')}<button data-testid="tweetButtonInline" role="button">Post</button><div role="dialog"><div class="c"><textarea aria-label="Bio"></textarea></div></div></main>`,
      focus: 'textarea',
      expected: { unrecognised: 'no-submit' },
    },
    {
      name: 'the draft itself saying "Als antwoord op …" does not make a post a reply',
      lang: 'nl',
      html: `<div data-testid="primaryColumn"><div class="c">${draft('tweetTextarea_0', 'Als antwoord op de vragen van ouders: de sportdag gaat door.')}<button data-testid="tweetButtonInline" role="button"><span>Plaatsen</span></button></div></div>`,
      focus: 'span[data-text]',
      expected: { kind: 'post', enter: false, submit: '[data-testid="tweetButtonInline"]' },
    },
    {
      name: 'direct message box: left alone',
      lang: 'en',
      html: `<div role="dialog"><div data-testid="dmComposerTextInput" contenteditable="true" role="textbox"><p>hoi</p></div></div>`,
      focus: 'p',
      expected: { ignored: 'direct-message' },
    },
    {
      name: 'a textbox in a dialog without a post button: not recognised',
      lang: 'nl',
      html: `<div role="dialog"><div contenteditable="true" role="textbox"><p>hoi</p></div></div>`,
      focus: 'p',
      expected: { unrecognised: 'no-submit' },
    },
    {
      name: 'a textarea in a form on a page of its own (an assistant chat): not a compose box',
      lang: 'nl',
      html: `<main><form><textarea placeholder="Vraag iets"></textarea><button type="submit">Verzenden</button></form></main>`,
      focus: 'textarea',
      expected: { none: true },
    },
    {
      name: 'another contenteditable on the page: not a compose box',
      lang: 'en',
      html: `<div contenteditable="true" role="textbox"><p>notes</p></div>`,
      focus: 'p',
      expected: { none: true },
    },
  ],
  facebook: [
    {
      name: 'create-post dialog wraps its composer in form[method=POST]: a post, Enter is a new line',
      lang: 'en',
      html: `<div role="dialog" aria-modal="true" aria-label="Create post"><form method="POST">${lexical("What's on your mind, Anna?")}<div aria-label="Attached media" role="group"><img src="p.jpg"></div><div role="button" aria-label="Post" tabindex="0"><span>Post</span></div></form></div>`,
      focus: 'span[data-lexical-text]',
      expected: { kind: 'post', enter: false, submit: '[aria-label="Post"]', media: 1 },
    },
    {
      name: 'create-post dialog in Dutch ("Bericht maken", "Plaatsen")',
      lang: 'nl',
      html: `<div role="dialog" aria-modal="true" aria-label="Bericht maken"><form method="POST">${lexical('Waar denk je aan, Anna?')}<div aria-label="Bijgevoegde media" role="group"><img src="p.jpg"><img src="q.jpg"></div><div role="button" aria-label="Plaatsen" tabindex="0"><span>Plaatsen</span></div></form></div>`,
      focus: 'span[data-lexical-text]',
      expected: { kind: 'post', enter: false, submit: '[aria-label="Plaatsen"]', media: 2 },
    },
    {
      name: 'a Page post: Next first ("Volgende")',
      lang: 'nl',
      html: `<div role="dialog" aria-label="Bericht maken"><form method="POST">${lexical('Waar denk je aan?')}<div role="button" aria-label="Volgende">Volgende</div></form></div>`,
      focus: 'p',
      expected: { kind: 'post', enter: false, submit: '[aria-label="Volgende"]' },
    },
    {
      name: 'comment under a post ("Write a comment…"): Enter sends, and its own Comment button',
      lang: 'en',
      html: `<div role="article"><div role="button" aria-label="Leave a comment">Comment</div><div role="button">Share</div><form role="presentation">${lexical('Write a comment…')}<div role="button" aria-label="Comment" id="send"></div></form></div>`,
      focus: 'p',
      expected: { kind: 'comment', enter: true, submit: '#send' },
    },
    {
      name: 'comment in Dutch ("Schrijf een reactie…", "Reageren")',
      lang: 'nl',
      html: `<div role="article"><div role="button">Reageren</div><form role="presentation">${lexical('Schrijf een reactie…')}<div role="button" aria-label="Reageren" id="send"></div></form></div>`,
      focus: 'p',
      expected: { kind: 'comment', enter: true, submit: '#send' },
    },
    {
      name: '"Reageer als Anna de Vries"',
      lang: 'nl',
      html: `<div role="article"><form>${lexical('Reageer als Anna de Vries')}<div role="button" aria-label="Reageren" id="send"></div></form></div>`,
      focus: 'p',
      expected: { kind: 'comment', enter: true, submit: '#send' },
    },
    {
      name: '"Comment as …", "Answer as …", "Write a public comment…" without a send button: Enter still sends',
      lang: 'en',
      html: `<div role="article"><form>${lexical('Answer as Anna de Vries')}</form></div>`,
      focus: 'p',
      expected: { kind: 'comment', enter: true, submit: null },
    },
    {
      name: 'a comment in a post dialog: the dialog\'s Share and an svg "Post" title are not its submit',
      lang: 'nl',
      html: `<div role="dialog" aria-label="Bericht van Basisschool De Regenboog"><div role="button" aria-label="Delen"><svg><title>Delen</title></svg></div><div role="button"><svg><title>Plaatsen</title></svg></div><form>${lexical('Schrijf een reactie…')}<div role="button" aria-label="Reageren" id="send"></div></form></div>`,
      focus: 'p',
      expected: { kind: 'comment', enter: true, submit: '#send' },
    },
    {
      name: 'a reply to a comment ("Reply to Mark Pieters")',
      lang: 'en',
      html: `<div role="article"><ul><li>Mark<form>${lexical('Reply to Mark Pieters')}<div role="button" aria-label="Comment" id="send"></div></form></li></ul></div>`,
      focus: 'p',
      expected: { kind: 'reply', enter: true, submit: '#send' },
    },
    {
      name: 'a comment box with a label we do not know, but its form has the send button',
      lang: 'nl',
      html: `<div role="article"><form>${lexical('Zeg iets leuks')}<div role="button" aria-label="Reageren" id="send"></div></form></div>`,
      focus: 'p',
      expected: { kind: 'comment', enter: true, submit: '#send' },
    },
    {
      name: '"Beantwoord als Anna de Vries" is a comment box, not a reply',
      lang: 'nl',
      html: `<div role="article"><form>${lexical('Beantwoord als Anna de Vries')}<div role="button" aria-label="Reageren" id="send"></div></form></div>`,
      focus: 'p',
      expected: { kind: 'comment', enter: true, submit: '#send' },
    },
    {
      name: 'a share dialog with a form but no post in it ("Share now"): not a comment box',
      lang: 'en',
      html: `<div role="dialog" aria-label="Share"><form>${lexical('Say something about this…')}<div role="button" aria-label="Share now">Share now</div></form></div>`,
      focus: 'p',
      expected: { unrecognised: 'no-submit' },
    },
    {
      name: 'Messenger chat box ("Message"): left alone',
      lang: 'en',
      html: `<div role="dialog" aria-label="Mark Pieters">${lexical('Message')}</div>`,
      focus: 'p',
      expected: { ignored: 'messenger' },
    },
    {
      name: 'Messenger chat box in Dutch ("Bericht"): left alone',
      lang: 'nl',
      html: `<div role="dialog" aria-label="Mark Pieters">${lexical('Bericht')}</div>`,
      focus: 'p',
      expected: { ignored: 'messenger' },
    },
    {
      name: 'a Lexical box in a dialog with no button we know: not recognised',
      lang: 'en',
      html: `<div role="dialog">${lexical('Say something')}<div role="button" aria-label="Publish now"></div></div>`,
      focus: 'p',
      expected: { unrecognised: 'no-submit' },
    },
  ],
  instagram: [
    {
      name: 'caption in the create dialog, Share; the svg icon "Share" is not the submit',
      lang: 'en',
      html: `<div role="dialog" aria-label="Create new post"><div role="button" id="icon"><svg aria-label="Share"><title>Share</title></svg></div><div role="button" id="share">Share</div><img src="p.jpg"><div contenteditable="true" role="textbox" aria-label="Write a caption..."><p><br></p></div></div>`,
      focus: 'p',
      expected: { kind: 'caption', enter: false, submit: '#share', media: 1 },
    },
    {
      name: 'caption in Dutch ("Schrijf een bijschrift...", "Delen")',
      lang: 'nl',
      html: `<div role="dialog" aria-label="Nieuw bericht maken"><div role="button" id="share">Delen</div><div contenteditable="true" role="textbox" aria-label="Schrijf een bijschrift..."><p><br></p></div></div>`,
      focus: 'p',
      expected: { kind: 'caption', enter: false, submit: '#share', media: 1 },
    },
    {
      name: 'comment textarea in form[method=POST] ("Add a comment…", Post)',
      lang: 'en',
      html: `<section><form method="POST"><textarea aria-label="Add a comment…"></textarea><div role="button" id="send">Post</div></form></section>`,
      focus: 'textarea',
      expected: { kind: 'comment', enter: true, submit: '#send', media: 0 },
    },
    {
      name: 'comment in a post dialog in Dutch; the Share Post icon is not its submit',
      lang: 'nl',
      html: `<div role="dialog"><img src="p.jpg"><section><div role="button"><svg aria-label="Vind ik leuk"><title>Vind ik leuk</title></svg></div><div role="button"><svg aria-label="Delen"><title>Delen</title></svg></div></section><form method="POST"><textarea aria-label="Voeg een reactie toe…"></textarea><div role="button" id="send">Plaatsen</div></form></div>`,
      focus: 'textarea',
      expected: { kind: 'comment', enter: true, submit: '#send', media: 0 },
    },
    {
      name: 'Direct message box ("Message..."): left alone',
      lang: 'en',
      html: `<div role="dialog"><div contenteditable="true" role="textbox" aria-label="Message..."><p>hoi</p></div></div>`,
      focus: 'p',
      expected: { ignored: 'direct-message' },
    },
    {
      name: 'the share sheet\'s "Write a message…": left alone',
      lang: 'en',
      html: `<div role="dialog"><textarea placeholder="Write a message..."></textarea><div role="button">Send</div></div>`,
      focus: 'textarea',
      expected: { ignored: 'direct-message' },
    },
    {
      name: 'a textbox in a dialog without a Share button: not recognised',
      lang: 'nl',
      html: `<div role="dialog"><div contenteditable="true" role="textbox" aria-label="Iets anders"><p>hoi</p></div></div>`,
      focus: 'p',
      expected: { unrecognised: 'no-submit' },
    },
  ],
};

const ADAPTERS: Record<Platform, PlatformAdapter> = { x, facebook, instagram };

afterEach(() => {
  document.body.innerHTML = '';
});

for (const platform of Object.keys(CASES) as Platform[]) {
  const adapter = ADAPTERS[platform];
  describe(`${platform} adapter on DOM snippets`, () => {
    for (const c of CASES[platform]) {
      it(`${c.lang}: ${c.name}`, () => {
        document.body.innerHTML = c.html;
        const editor = adapter.editorFrom(document.querySelector(c.focus)!);
        const { expected } = c;
        if ('none' in expected) return expect(editor).toBeNull();
        expect(editor).not.toBeNull();
        if ('ignored' in expected) return expect(adapter.ignored(editor!)).toBe(expected.ignored);
        expect(adapter.ignored(editor!)).toBeNull();
        const box = adapter.classify(editor!);
        if ('unrecognised' in expected) return expect(box).toMatchObject({ ok: false, reason: expected.unrecognised });
        if (!box.ok) throw new Error(`not recognised: ${box.reason}`);
        expect(box.kind).toBe(expected.kind);
        expect(box.submitsOnEnter).toBe(expected.enter);
        expect(box.submitButton).toBe(expected.submit === null ? null : document.querySelector(expected.submit));
        if (expected.media !== undefined) expect(adapter.mediaOf(box.composer).images).toBe(expected.media);
        const enter = new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13 } as KeyboardEventInit);
        if (platform !== 'x') expect(adapter.submitsOnKey(enter, box)).toBe(expected.enter);
        expect(adapter.submitsOnKey(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true }), box)).toBe(false);
      });
    }
  });
}

describe('X key rule: what X itself posts on', () => {
  const box = { ok: true, kind: 'post', composer: document.body, submitButton: null, submitsOnEnter: false } as const;
  const key = (init: KeyboardEventInit) => x.submitsOnKey(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, ...init } as KeyboardEventInit), box);
  const onPlatform = (platform: string, run: () => void) => {
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'platform');
    Object.defineProperty(navigator, 'platform', { value: platform, configurable: true });
    try {
      run();
    } finally {
      delete (navigator as { platform?: string }).platform;
      if (original) Object.defineProperty(Navigator.prototype, 'platform', original);
    }
  };
  it('Windows and Linux: Ctrl+Enter posts, Cmd+Enter and plain Enter do not', () => {
    for (const platform of ['Win32', 'Linux x86_64']) {
      onPlatform(platform, () => {
        expect(key({ ctrlKey: true })).toBe(true);
        expect(key({ metaKey: true })).toBe(false);
        expect(key({})).toBe(false);
      });
    }
  });
  it('macOS: Cmd+Enter posts, Ctrl+Enter does not', () => {
    onPlatform('MacIntel', () => {
      expect(key({ metaKey: true })).toBe(true);
      expect(key({ ctrlKey: true })).toBe(false);
    });
  });
});

describe('labels', () => {
  it("an icon's svg <title> is not a button's label; aria-label wins; whitespace and case are normalised", () => {
    document.body.innerHTML = '<div id="a" role="button"><svg><title>Share</title></svg></div><div id="b" role="button" aria-label="  Post "><span>x</span></div><div id="c" role="button"><span>Delen</span> <svg><title>icon</title></svg></div>';
    expect(labelOf(document.getElementById('a')!)).toBe('');
    expect(labelOf(document.getElementById('b')!)).toBe('post');
    expect(labelOf(document.getElementById('c')!)).toBe('delen');
  });
});

// Like the rules' meta-test: every platform comes with everything it needs, in step.
describe('platform meta-test', () => {
  const root = join(import.meta.dirname, '..');
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[] }[] };
  const matches = manifest.content_scripts.flatMap((c) => c.matches);
  const sitesTs = readFileSync(join(root, 'test', 'e2e', 'sites.ts'), 'utf8');

  it('the manifest matches exactly the hosts of the platforms', () => {
    expect(matches.sort()).toEqual(PLATFORMS.flatMap((p) => p.hosts.map((h) => `https://${h}/*`)).sort());
  });

  for (const { adapter, hosts } of PLATFORMS) {
    describe(adapter.id, () => {
      it('has a label table with Dutch and English labels for every purpose, each with its source in a comment', () => {
        const purposes = Object.entries(adapter.labels);
        expect(purposes.length).toBeGreaterThan(1);
        for (const [purpose, labels] of purposes) {
          expect(labels.en.length, `${purpose}: en`).toBeGreaterThan(0);
          expect(labels.nl.length, `${purpose}: nl`).toBeGreaterThan(0);
          for (const label of [...labels.en, ...labels.nl]) expect(label, `${purpose}: lower case, as labels are compared`).toBe(label.toLowerCase());
        }
        const source = readFileSync(join(root, 'src', 'content', 'platforms', `${adapter.id}.ts`), 'utf8');
        const table = source.slice(source.indexOf('export const labels'), source.indexOf('satisfies LabelTable'));
        for (const purpose of Object.keys(adapter.labels)) expect(table, `a comment above ${purpose}`).toMatch(new RegExp(`//[^\\n]*\\n(\\s*//[^\\n]*\\n)*\\s*${purpose}:`));
      });
      it('has a replica page served at its hosts, in Dutch and English', () => {
        const page = join(root, 'test', 'e2e', 'sites', `${adapter.id}.jsx`);
        expect(existsSync(page)).toBe(true);
        expect(readFileSync(page, 'utf8')).toMatch(/^const L = NL\b/m);
        for (const host of hosts) expect(sitesTs).toContain(`'${host}': '${adapter.id}'`);
      });
      it('has DOM-snippet cases in both languages', () => {
        const langs = new Set(CASES[adapter.id].map((c) => c.lang));
        expect([...langs].sort()).toEqual(['en', 'nl']);
        expect(CASES[adapter.id].length).toBeGreaterThanOrEqual(5);
      });
    });
  }
});

export { CASES };
