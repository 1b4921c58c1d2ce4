import { both, buttonIn, countMedia, editableRoot, isEnter, labelIs, labelMatches, labelOf, looksLikeComposer, type Classification, type LabelTable, type PlatformAdapter } from './types.ts';

// Facebook (www.facebook.com, web.facebook.com). Every compose box is a Lexical editor, and
// Facebook's class names are generated, so a box is told apart by its label and its place:
//   create-post dialog  [role=dialog] > form[method=POST] > editor … Post button. Enter is a new
//                       line here; only Post (or Next, then Post, on Pages) publishes. The form
//                       does NOT make it a comment box.
//   comment / reply     editor labelled "Write a comment…" / "Comment as …" (under a post, in a
//                       post dialog too); Enter sends, and so does its own send button.
//   Messenger           editor labelled "Message" / "Bericht": a private chat, never watched.
//
// Where to try it: the feed's "What's on your mind?" (create-post dialog, also in groups), a
// post's comment box and a comment's Reply, a post opened in its dialog, a Messenger chat.

export const labels = {
  // Comment boxes. Seen in DimensionDev/Maskbook's facebook.com automation and several posting
  // scripts (en); the nl forms are Facebook's Dutch UI as reported in issue 9 and in other
  // projects' fixtures ("Reageer als" is also the Dutch of "Comment as").
  commentBox: {
    en: ['write a comment', 'write a public comment', 'comment as', 'answer as'],
    nl: ['schrijf een reactie', 'schrijf een openbare reactie', 'reageer als', 'beantwoord als'],
  },
  // Reply boxes under a comment (en "Reply to <name>"); nl unverified: structure decides too.
  replyBox: { en: ['reply to', 'write a reply'], nl: ['reageer op', 'beantwoord', 'schrijf een antwoord'] },
  // A comment's send button: div[role=button][aria-label="Comment"] (Maskbook; issue 9), nl
  // "Reageren" (issue 9). Matched exactly: the post's action-bar button says "Leave a comment".
  commentSend: { en: ['comment'], nl: ['reageren'] },
  // The create-post dialog's publish buttons (div[role=button][aria-label="Post"], Maskbook),
  // and on Pages the "Next" step first. nl "Plaatsen" / "Volgende" (issue 9).
  postButton: { en: ['post', 'next'], nl: ['plaatsen', 'volgende'] },
  // Messenger's chat box (Lexical, label "Message"; NOTES 2026-12 from Maskbook), nl "Bericht".
  // Exact match only: "Bericht maken" is the Dutch create-post dialog.
  messengerBox: { en: ['message'], nl: ['bericht'] },
  // The create-post dialog's attached photos and videos (Maskbook: [aria-label="Attached media"]).
  attachedMedia: { en: ['attached media'], nl: ['bijgevoegde media'] },
} satisfies LabelTable;

// The Lexical root: every Facebook compose box (data-lexical-editor, Maskbook and NOTES).
const EDITOR = 'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';

function editorLabel(editor: HTMLElement): string {
  return labelOf(editor).length ? labelOf(editor) : (editor.getAttribute('aria-placeholder') ?? '').toLowerCase();
}

export const facebook: PlatformAdapter = {
  id: 'facebook',
  labels,
  editorFrom(target) {
    const hit = target.closest<HTMLElement>(EDITOR);
    if (hit) return hit;
    // Structural fallback: a text box in a dialog, a form or a post.
    const root = editableRoot(target);
    return root && looksLikeComposer(root) ? root : null;
  },
  ignored(editor) {
    return labelIs(editorLabel(editor), both(labels.messengerBox)) ? 'messenger' : null;
  },
  classify(editor): Classification {
    const label = editorLabel(editor);
    const form = editor.closest('form');
    const dialog = editor.closest('[role="dialog"]');
    const reply = labelMatches(label, both(labels.replyBox));
    if (reply || labelMatches(label, both(labels.commentBox))) {
      // A comment's composer is its own form (or the block around it), never the whole post
      // dialog: a Share button elsewhere in that dialog is not this box's submit.
      const composer = form ?? editor.parentElement?.parentElement ?? editor;
      return { ok: true, kind: reply ? 'reply' : 'comment', composer, submitButton: buttonIn(composer, both(labels.commentSend), true), submitsOnEnter: true };
    }
    // The create-post dialog: its form (or the dialog) holds a Post / Next button.
    const scope = form ?? dialog;
    const post = scope ? buttonIn(scope, both(labels.postButton), true) : null;
    if (scope && post) return { ok: true, kind: 'post', composer: dialog ?? scope, submitButton: post, submitsOnEnter: false };
    // Unknown label, but a form with a comment send button in it: a comment box.
    const send = form ? buttonIn(form, both(labels.commentSend), true) : null;
    if (form && send) return { ok: true, kind: 'comment', composer: form, submitButton: send, submitsOnEnter: true };
    return { ok: false, reason: scope ? 'no-submit' : 'unknown-kind', composer: scope ?? editor.parentElement ?? editor };
  },
  mediaOf(composer) {
    const groups = composer.querySelectorAll('[aria-label][role="group"]');
    for (const group of groups) if (labelIs(labelOf(group), both(labels.attachedMedia))) return countMedia(group);
    return { images: 0, videos: 0 };
  },
  submitsOnKey(event, box) {
    // Comment and reply boxes send on Enter; Shift+Enter is a new line there. In the
    // create-post dialog Enter is always a new line.
    return box.submitsOnEnter && isEnter(event) && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey;
  },
};
