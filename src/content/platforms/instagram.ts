import type { DraftKind } from '../../engine/types.ts';
import { countMedia, editableRoot, labelStartsWith, type PlatformAdapter } from './types.ts';

// Instagram (www.instagram.com).
//
// Where to try it: the create flow's caption step ("Write a caption…"; Lexical, older builds a
// textarea), a post's comment box ("Add a comment…"), and the Share / Post buttons.

const EDITOR = [
  // Caption editor in the create flow (Lexical contenteditable).
  'div[contenteditable="true"][role="textbox"][aria-label^="Write a caption"]',
  'div[contenteditable="true"][role="textbox"][aria-label^="Schrijf een bijschrift"]',
  // Older builds: the caption as a textarea.
  'textarea[aria-label^="Write a caption"]',
  // Comment box under a post.
  'textarea[aria-label^="Add a comment"]',
  'textarea[aria-label^="Voeg een reactie toe"]',
].join(', ');
const POST_LABELS = ['share', 'delen', 'post', 'plaatsen'];

export const instagram: PlatformAdapter = {
  id: 'instagram',
  editorFrom(target) {
    const hit = target.closest<HTMLElement>(EDITOR);
    if (hit) return hit instanceof HTMLTextAreaElement ? hit : (editableRoot(hit) ?? hit);
    // Structural fallback: a contenteditable textbox in a dialog (the create flow), or a
    // textarea inside a form (comments).
    const root = editableRoot(target);
    if (root instanceof HTMLTextAreaElement) return root.closest('form') ? root : null;
    return root && root.getAttribute('role') === 'textbox' && root.closest('[role="dialog"]') ? root : null;
  },
  composerOf(editor) {
    return editor.closest('[role="dialog"]') ?? editor.closest('form') ?? editor.closest('section') ?? editor.parentElement ?? editor;
  },
  kindOf(editor): DraftKind {
    return editor instanceof HTMLTextAreaElement && labelStartsWith(editor, ['add a comment', 'voeg een reactie toe']) ? 'comment' : 'caption';
  },
  mediaOf(composer) {
    // The create flow always carries media: count the preview, at least one.
    const found = countMedia(composer);
    return composer.closest('[role="dialog"]') || composer.matches('[role="dialog"]') ? { images: Math.max(1, found.images), videos: found.videos } : found;
  },
  postButtonFrom(target) {
    const button = target.closest<HTMLElement>('[role="button"], button');
    return button && labelStartsWith(button, POST_LABELS) ? button : null;
  },
  submitsOnKey(event, editor) {
    // Enter in the comment textarea posts the comment.
    return event.key === 'Enter' && !event.shiftKey && editor instanceof HTMLTextAreaElement && labelStartsWith(editor, ['add a comment', 'voeg een reactie toe']);
  },
};
