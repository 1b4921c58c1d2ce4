import type { DraftKind } from '../../engine/types.ts';
import { countMedia, editableRoot, labelStartsWith, type PlatformAdapter } from './types.ts';

// Facebook (www.facebook.com, web.facebook.com). Editors are Lexical.
//
// Where to try it: the "Create post" dialog from the feed ("What's on your mind?"), a post's
// comment box ("Write a comment…", "Comment as …"), and replies to comments ("Reply to …").
// Labels differ per UI language, so structure (Lexical root, dialog, form) comes first.

// The Lexical root: every Facebook compose box.
const EDITOR = 'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
// Post / Next in the create-post dialog, in English and Dutch.
const POST_LABELS = ['post', 'plaatsen', 'next', 'volgende', 'share', 'delen'];
// Comment boxes, by their label (secondary signal).
const COMMENT_LABELS = ['write a comment', 'comment as', 'schrijf een reactie', 'reageer als', 'write a public comment', 'schrijf een openbare reactie'];
const REPLY_LABELS = ['reply to', 'reageer op', 'antwoord aan'];

export const facebook: PlatformAdapter = {
  id: 'facebook',
  editorFrom(target) {
    const hit = target.closest<HTMLElement>(EDITOR);
    if (hit) return hit;
    // Structural fallback: any contenteditable textbox inside a dialog or a comment form.
    const root = editableRoot(target);
    return root && root.getAttribute('role') === 'textbox' && root.closest('[role="dialog"], form') ? root : null;
  },
  composerOf(editor) {
    // The create-post dialog, or the comment form (form[role="presentation"]).
    return editor.closest('[role="dialog"]') ?? editor.closest('form') ?? editor.parentElement ?? editor;
  },
  kindOf(editor, composer): DraftKind {
    if (labelStartsWith(editor, REPLY_LABELS)) return 'reply';
    if (labelStartsWith(editor, COMMENT_LABELS) || composer.tagName === 'FORM') return 'comment';
    return 'post';
  },
  mediaOf(composer) {
    // Attached photos and videos in the create-post dialog.
    return countMedia(composer.querySelector('[aria-label="Attached media"], [aria-label="Bijgevoegde media"]'));
  },
  postButtonFrom(target) {
    const button = target.closest<HTMLElement>('[role="button"], button');
    if (!button || !button.closest('[role="dialog"]')) return null;
    return labelStartsWith(button, POST_LABELS) ? button : null;
  },
  submitsOnKey(event, editor) {
    // In comment and reply boxes, Enter without Shift submits.
    if (event.key !== 'Enter' || event.shiftKey) return false;
    return !editor.closest('[role="dialog"]') || !!editor.closest('form');
  },
};
