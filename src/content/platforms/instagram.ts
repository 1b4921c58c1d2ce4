import { bothLanguages, boxLabel, buttonIn, countMedia, editableRoot, sendsOnPlainEnter, labelMatches, looksLikeComposer, type Classification, type LabelTable, type PlatformAdapter } from './types.ts';

// Instagram (www.instagram.com).
//   caption   the create flow's last step, a Lexical box (older builds a textarea) in the
//             "Create new post" dialog; Enter is a new line, Share publishes.
//   comment   a textarea in form[method=POST] under a post (its page or its dialog); Enter or
//             the form's own Post button sends. The post's icons (Like, Comment, Share Post,
//             Save, Emoji) are svg buttons with <title>s and never publish anything.
//   Direct    the message box ("Message…"): a private chat, never watched.
//
// Where to try it: + → Create → the caption step; a post's page /p/<id>; a post opened from
// the feed in its dialog; a Direct chat.

export const labels = {
  // Caption box: a contenteditable div[role=textbox] labelled "Write a caption..." or "…" (public
  // posting bots, 2025-26; older builds a textarea). nl "Schrijf een bijschrift..." from issue
  // 9: not found in any public source, so a caption box is also known by its place (a textbox
  // in the create dialog).
  captionBox: { en: ['write a caption'], nl: ['schrijf een bijschrift'] },
  // Comment textarea "Add a comment…" (animetechie/IGpost main.py; a public bot verified
  // 2026-01). nl "Voeg een reactie toe…" unverified: any textarea in a form is a comment box.
  commentBox: { en: ['add a comment'], nl: ['voeg een reactie toe'] },
  // The create flow's publish button "Share", a div[role=button] (public posting bots and a
  // posting playbook). nl "Delen" (issue 9) unverified.
  shareButton: { en: ['share'], nl: ['delen'] },
  // A comment form's submit: a div[role=button] "Post" in newer builds, button[type=submit] in
  // older ones (the 2026-01 bot). nl "Plaatsen" unverified.
  commentSend: { en: ['post'], nl: ['plaatsen'] },
  // Direct's message box ("Message…"; nl "Bericht…") and the share sheet's "Write a
  // message…": all unverified; private messages, never watched.
  directBox: { en: ['message', 'write a message'], nl: ['bericht', 'schrijf een bericht'] },
} satisfies LabelTable;

/** The labels above in both languages, lower-cased. */
const LABELS = bothLanguages(labels);
const KNOWN_BOXES = [...LABELS.captionBox, ...LABELS.commentBox, ...LABELS.directBox];

const EDITOR = 'div[contenteditable="true"][role="textbox"], textarea';

export const instagram: PlatformAdapter = {
  id: 'instagram',
  labels,
  editorFrom(target) {
    const hit = target.closest<HTMLElement>(EDITOR);
    const root = hit ? (hit instanceof HTMLTextAreaElement ? hit : editableRoot(hit)) : null;
    if (!root) return null;
    const label = boxLabel(root);
    if (labelMatches(label, KNOWN_BOXES)) return root;
    // Structural fallback: a text box in a dialog or a form.
    return looksLikeComposer(root) ? root : null;
  },
  ignored(editor) {
    const label = boxLabel(editor);
    return labelMatches(label, LABELS.directBox) ? 'direct-message' : null;
  },
  classify(editor): Classification {
    const label = boxLabel(editor);
    const form = editor.closest('form');
    const dialog = editor.closest('[role="dialog"]');
    if (labelMatches(label, LABELS.commentBox) || (form && editor instanceof HTMLTextAreaElement)) {
      // The comment's own form, never the post dialog around it: the Share Post icon in that
      // dialog is not this comment's submit.
      const composer = form ?? editor.parentElement ?? editor;
      const submitButton = form?.querySelector<HTMLElement>('button[type="submit"]') ?? buttonIn(composer, LABELS.commentSend, true);
      return submitButton ? { ok: true, kind: 'comment', composer, submitButton, submitsOnEnter: true } : { ok: false, reason: 'no-submit', composer };
    }
    if (dialog && (labelMatches(label, LABELS.captionBox) || !form)) {
      const submitButton = buttonIn(dialog, LABELS.shareButton, true);
      return submitButton ? { ok: true, kind: 'caption', composer: dialog, submitButton, submitsOnEnter: false } : { ok: false, reason: 'no-submit', composer: dialog };
    }
    return { ok: false, reason: 'unknown-kind', composer: form ?? dialog ?? editor.parentElement ?? editor };
  },
  mediaOf(composer) {
    // The create flow always carries media: count the preview, at least one.
    const found = countMedia(composer);
    return composer.matches('[role="dialog"]') ? { images: Math.max(1, found.images), videos: found.videos } : found;
  },
  // Comment boxes send on plain Enter; the create-post dialog and captions never do.
  submitsOnKey: sendsOnPlainEnter,
};
