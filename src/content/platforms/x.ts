import type { DraftKind } from '../../engine/types.ts';
import { countMedia, editableRoot, type PlatformAdapter } from './types.ts';

// X (x.com, twitter.com). The editor is Draft.js.
//
// Where to try it: https://x.com/home (timeline composer), https://x.com/compose/post (dialog),
// a post's page /status/<id> (reply box), the quote-post dialog; narrow window for the mobile
// layout (textarea).

const EDITOR = [
  // Draft.js editor of the timeline composer, the dialog and replies: tweetTextarea_0, _1 … (threads).
  '[data-testid^="tweetTextarea_"][role="textbox"]',
  // Mobile layout: a plain textarea with the same test id.
  'textarea[data-testid^="tweetTextarea_"]',
  // DMs are not posts, but a composer with this id is still a compose box.
  '[data-testid="dmComposerTextInput"]',
].join(', ');

const POST_BUTTON = [
  // Timeline composer's "Post" / "Plaatsen" button.
  '[data-testid="tweetButtonInline"]',
  // Compose dialog, /compose/post, reply and quote dialogs.
  '[data-testid="tweetButton"]',
].join(', ');

// Around the editor: the dialog when there is one, else the block that holds editor and buttons.
const COMPOSER = '[role="dialog"], [data-testid="inline_reply_offscreen"], [data-testid="primaryColumn"] form, [data-testid="toolBar"]';

export const x: PlatformAdapter = {
  id: 'x',
  editorFrom(target) {
    const hit = target.closest<HTMLElement>(EDITOR);
    if (hit) return hit instanceof HTMLTextAreaElement ? hit : (editableRoot(hit) ?? hit);
    // Structural fallback: a contenteditable textbox inside a container with a tweet test id.
    const root = editableRoot(target);
    return root && root.getAttribute('role') === 'textbox' && root.closest('[data-testid*="tweetTextarea"]') ? root : null;
  },
  composerOf(editor) {
    // The nearest ancestor that also contains a post button is the composer.
    for (let el = editor.parentElement; el; el = el.parentElement) {
      if (el.querySelector(POST_BUTTON)) return el;
      if (el.matches(COMPOSER) && el.matches('[role="dialog"]')) return el;
    }
    return editor.parentElement ?? editor;
  },
  kindOf(editor, composer): DraftKind {
    const id = editor.getAttribute('data-testid') ?? '';
    // Replies: the reply box on a post page, or a dialog that says "Replying to".
    if (location.pathname.includes('/status/') && !composer.closest('[role="dialog"]')) return 'reply';
    if (/Replying to|Antwoord aan/i.test(composer.textContent ?? '')) return 'reply';
    return id.endsWith('_0') || !id ? 'post' : 'reply';
  },
  mediaOf(composer) {
    // Attachment previews: [data-testid="attachments"] (images and videos).
    return countMedia(composer.querySelector('[data-testid="attachments"]'));
  },
  postButtonFrom(target) {
    return target.closest<HTMLElement>(POST_BUTTON);
  },
  submitsOnKey(event) {
    // Ctrl/Cmd+Enter posts from the editor.
    return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
  },
};

