import { bothLanguages, countMedia, editableRoot, isEnter, labelMatches, labelOf, looksLikeComposer, type Classification, type LabelTable, type PlatformAdapter } from './types.ts';

// X (x.com, twitter.com). The editor is Draft.js; X finds its parts by data-testid, which does
// not change with the UI language, so test ids come first and labels only tell a reply from a
// post.
//
// Where to try it: https://x.com/home (timeline composer), https://x.com/compose/post (dialog),
// the reply icon under a post (reply dialog, "Als antwoord op @…"), a post's page
// /<user>/status/<id> (inline reply box), the quote-post dialog; a narrow window for the phone
// layout (textarea).

export const labels = {
  // The dialog header above a reply. X's web bundle as mirrored in DzikStar/X-SCRAPER
  // (client-web/i18n/nl.js and en.js, key c55eed72, used by the Compose bundle):
  // "Als antwoord op" (nl), "Replying to" (en).
  replyingTo: { en: ['replying to'], nl: ['als antwoord op'] },
  // The submit button's text in a reply box: same bundle, key d17df548: "Beantwoorden", "Reply".
  replyButton: { en: ['reply'], nl: ['beantwoorden'] },
  // The submit button's text elsewhere: same bundle, keys ee69d769 and ge8e4a38: "Plaatsen" /
  // "Post", "Alles plaatsen" / "Post all" (a thread). Read for the diagnosis only: the button
  // is found by its test id.
  postButton: { en: ['post', 'post all'], nl: ['plaatsen', 'alles plaatsen'] },
  // The editor's aria-label: same bundle, key f6bab0da: "Tekst plaatsen" / "Post text".
  editor: { en: ['post text'], nl: ['tekst plaatsen'] },
} satisfies LabelTable;

/** The labels above in both languages, lower-cased. */
const LABELS = bothLanguages(labels);

const EDITOR = [
  // Draft.js editor of the timeline composer, the dialogs and replies: tweetTextarea_0, _1 …
  // (threads). Seen in insin/control-panel-for-twitter script.js (2026) and X's own bundle.
  '[data-testid^="tweetTextarea_"][role="textbox"]',
  // Phone layout: a textarea with the test id, or inside a wrapper carrying it (NOTES 2026-12).
  'textarea[data-testid^="tweetTextarea_"]',
  '[data-testid^="tweetTextarea_"] textarea',
].join(', ');

// Direct messages are private conversations, not posts: never watched.
const DM_BOX = '[data-testid="dmComposerTextInput"], [data-testid="dmComposerTextInput"] *';

// The composer's own submit button: tweetButtonInline (timeline, inline reply on a post page),
// tweetButton (compose, reply and quote dialogs). Same sources as EDITOR.
const POST_BUTTON = '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]';

/** X posts on keyCode 13 with Draft.js's "command modifier": Cmd on macOS, Ctrl elsewhere, Alt
 * not held (X's ondemand/RichText.js _myKeyBindingFn in DzikStar/X-SCRAPER, using Draft.js
 * KeyBindingUtil.hasCommandModifier). So Ctrl+Enter does nothing on a Mac. */
function isMac(): boolean {
  return /Mac|iPhone|iPad|iPod/.test(globalThis.navigator?.platform ?? '');
}

const REPLYING_TO = new RegExp(`(^|\\s)(${LABELS.replyingTo.join('|')})(\\s|$)`, 'i');

/** Does the composer show "Replying to" / "Als antwoord op" in its own text (not the draft)?
 * Reads at most a few thousand characters of it. */
function saysReplyingTo(scope: Element, editor: Element): boolean {
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < 4000; node = walker.nextNode()) if (!editor.contains(node)) text += ` ${(node as Text).data}`;
  return REPLYING_TO.test(text);
}

export const x: PlatformAdapter = {
  id: 'x',
  labels,
  editorFrom(target) {
    if (target.closest(DM_BOX)) return target.closest<HTMLElement>('[data-testid="dmComposerTextInput"]');
    const hit = target.closest<HTMLElement>(EDITOR);
    if (hit) return hit instanceof HTMLTextAreaElement ? hit : (editableRoot(hit) ?? hit);
    // Structural fallback: another text box in a dialog or a form (X renamed its test ids?).
    const root = editableRoot(target);
    return root && looksLikeComposer(root) ? root : null;
  },
  ignored(editor) {
    return editor.matches('[data-testid="dmComposerTextInput"]') || editor.closest('[data-testid="dmComposerTextInput"]') ? 'direct-message' : null;
  },
  classify(editor): Classification {
    // The composer: the nearest ancestor that also holds a post button (the dialog, the inline
    // reply block, the timeline composer), never beyond the editor's own dialog: a text box in
    // some other dialog (a profile's bio, an image description) must not borrow the timeline's
    // Post button. Without a dialog, a composer is a few levels up at most.
    const dialog = editor.closest('[role="dialog"]');
    let composer: Element | null = null;
    let depth = 0;
    for (let el = editor.parentElement; el && depth < 12; el = el.parentElement, depth++) {
      if (el.querySelector(POST_BUTTON)) {
        composer = el;
        break;
      }
      if (el === dialog) break;
    }
    if (!composer) return { ok: false, reason: 'no-submit', composer: dialog ?? editor.parentElement ?? editor };
    const buttons = composer.querySelectorAll<HTMLElement>(POST_BUTTON);
    // With several composers in one block (a thread being written) the last button posts all.
    const submitButton = buttons[buttons.length - 1]!;
    // A reply: the button says Reply / Beantwoorden, or the dialog says "Replying to" / "Als
    // antwoord op" somewhere outside the editor (the draft itself must not decide).
    const isReply = labelMatches(labelOf(submitButton), LABELS.replyButton) || saysReplyingTo(dialog ?? composer, editor);
    return { ok: true, kind: isReply ? 'reply' : 'post', composer, submitButton, submitsOnEnter: false };
  },
  mediaOf(composer) {
    // Attachment previews: [data-testid="attachments"] (images and videos).
    return countMedia(composer.querySelector('[data-testid="attachments"]'));
  },
  submitsOnKey(event) {
    if (!isEnter(event) || event.altKey) return false;
    return isMac() ? event.metaKey : event.ctrlKey;
  },
};
