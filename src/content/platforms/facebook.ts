import { bothLanguages, boxLabel, buttonIn, countMedia, editableRoot, sendsOnPlainEnter, labelIs, labelMatches, labelOf, looksLikeComposer, type Classification, type LabelTable, type PlatformAdapter } from './types.ts';

// Facebook (www.facebook.com, web.facebook.com). Every compose box is a Lexical editor, and
// Facebook's class names are generated, so a box is told apart by its label and its place:
//   create-post dialog  [role=dialog] form[method=post] > editor … Post button (Maskbook's own
//                       test for the compose dialog). Enter is a new line here; only Post (or
//                       Next, then Post, on Pages) publishes. The form does NOT make it a
//                       comment box.
//   comment / reply     editor labelled "Write a comment…" / "Comment as …", or any Lexical box
//                       in a form under a post or in a post's dialog; Enter sends, and so does
//                       its own Comment button.
//   Messenger           editor labelled "Message" (placeholder "Aa", in the "Thread composer"):
//                       a private chat, never watched.
// Facebook ships no public string table, and its Dutch labels were not found in any public
// code: structure decides where labels are unknown, and the nl entries below are unverified.
//
// Where to try it: the feed's "What's on your mind?" (create-post dialog, also in groups), a
// post's comment box and a comment's Reply, a post opened in its dialog, a Messenger chat.

export const labels = {
  // Comment boxes: "Write a comment…", "Write a public comment…", "Comment as <name>",
  // "Answer as <name>" in public posting bots and the "Facebook Auto Commenter" content script
  // (`div[aria-label="Write a comment…"][data-lexical-editor="true"]`). nl: "Schrijf een
  // openbare reactie…" seen once, in a third-party test fixture; the rest from issue 9,
  // unverified.
  commentBox: {
    en: ['write a comment', 'write a public comment', 'comment as', 'answer as'],
    nl: ['schrijf een reactie', 'schrijf een openbare reactie', 'reageer als', 'beantwoord als'],
  },
  // Reply boxes under a comment: "Reply to <name>" (eboody/commgmt textBox.js). nl unverified.
  replyBox: { en: ['reply to', 'write a reply'], nl: ['reageer op', 'beantwoord', 'schrijf een antwoord'] },
  // A comment's send button: div[role=button][aria-label="Comment"] (the "Facebook Auto
  // Commenter" content script). nl "Reageren" from issue 9, unverified. Matched exactly, and
  // only inside the comment's own form: the post's action bar also says "Comment".
  commentSend: { en: ['comment'], nl: ['reageren'] },
  // The create-post dialog's publish buttons: div[role=button][aria-label="Post"]
  // (vader-pepe/snorkel constants/facebook; other posting scripts); on Pages "Next" first, then
  // "Post". nl "Plaatsen" / "Volgende" from issue 9, unverified.
  postButton: { en: ['post', 'next'], nl: ['plaatsen', 'volgende'] },
  // Messenger's chat box: div[aria-label="Message"][data-lexical-editor="true"] with
  // aria-placeholder "Aa" in [aria-label="Thread composer"] (a public Selenium Messenger bot,
  // "from the actual DOM"). nl "Bericht" unverified; exact match only: "Bericht maken" is not it.
  messengerBox: { en: ['message', 'thread composer'], nl: ['bericht'] },
  // The create-post dialog's attached photos and videos (Maskbook: [aria-label="Attached media"]).
  attachedMedia: { en: ['attached media'], nl: ['bijgevoegde media'] },
} satisfies LabelTable;

/** The labels above in both languages, lower-cased. */
const LABELS = bothLanguages(labels);

// The Lexical root: every Facebook compose box (data-lexical-editor: Maskbook, posting bots).
const EDITOR = 'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';

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
    const chat = labelIs(boxLabel(editor), LABELS.messengerBox) || editor.getAttribute('aria-placeholder') === 'Aa';
    return chat || editor.closest('[aria-label="Thread composer"]') ? 'messenger' : null;
  },
  classify(editor): Classification {
    const label = boxLabel(editor);
    const form = editor.closest('form');
    const dialog = editor.closest('[role="dialog"]');
    // Comment labels first: the Dutch reply label "beantwoord" is also how "Beantwoord als …"
    // (a comment box) starts.
    const reply = !labelMatches(label, LABELS.commentBox) && labelMatches(label, LABELS.replyBox);
    const comment = (composer: Element, kind: 'comment' | 'reply'): Classification => ({
      ok: true,
      kind,
      composer,
      // Found only inside the comment's own form: a Share button elsewhere in a post dialog,
      // or the action bar's "Comment", is not this box's submit. Enter always sends.
      submitButton: buttonIn(composer, LABELS.commentSend, true),
      submitsOnEnter: true,
    });
    if (reply || labelMatches(label, LABELS.commentBox)) return comment(form ?? editor.parentElement?.parentElement ?? editor, reply ? 'reply' : 'comment');
    // The create-post dialog: a form with method=post in a dialog, or any form or dialog with a
    // Post / Next button. Without a button we know, it is not recognised, never a comment.
    const createPost = dialog && form?.matches('form[method="post" i]') ? form : null;
    const scope = createPost ?? form ?? dialog;
    const post = scope ? buttonIn(scope, LABELS.postButton, true) : null;
    if (scope && post) return { ok: true, kind: 'post', composer: dialog ?? scope, submitButton: post, submitsOnEnter: false };
    if (createPost) return { ok: false, reason: 'no-submit', composer: dialog! };
    // Any other Lexical box in a form under a post, or in a dialog that shows a post: a comment
    // box whose label we do not know (Facebook's Dutch labels are unverified). Other dialogs
    // (sharing to the feed, editing a post) are not comment boxes: not recognised.
    if (form && (form.closest('[role="article"]') || dialog?.querySelector('[role="article"]'))) return comment(form, 'comment');
    return { ok: false, reason: scope ? 'no-submit' : 'unknown-kind', composer: scope ?? editor.parentElement ?? editor };
  },
  mediaOf(composer) {
    const groups = composer.querySelectorAll('[aria-label][role="group"]');
    for (const group of groups) if (labelIs(labelOf(group), LABELS.attachedMedia)) return countMedia(group);
    return { images: 0, videos: 0 };
  },
  // Comment boxes send on plain Enter; the create-post dialog and captions never do.
  submitsOnKey: sendsOnPlainEnter,
};
