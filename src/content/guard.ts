import type { Finding } from '../engine/types.ts';
import { askToPost } from './confirm.tsx';
import { isDisabledButton, isEnter, type PlatformAdapter } from './platforms/types.ts';
import type { EditorSession } from './session.ts';

// The post guard. A window listener in the capture phase, registered at document_start, runs
// before the sites' own handlers (React and Lexical listen on their roots). It holds back only
// the submit of a box being written in: that box's own submit button (found by the adapter
// inside the box's own composer, so a Share button elsewhere in a post dialog is not it), or
// the key that the site itself publishes on (Enter in comment boxes; Ctrl+Enter on X, Cmd+Enter
// on a Mac). When the draft has findings of severity warning or error it asks; "Toch plaatsen"
// replays the action exactly once through a one-shot bypass. A draft without such findings,
// and a box PostWijs does not recognise, pass with no dialog and no delay. IME composition is
// never interrupted; disabled buttons are ignored.
//
// The replay is done in a way the page sees: a click on the box's own submit button (X's key
// handler reads keyCode, which an event made in the content script's isolated world cannot
// carry to the page: a property defined on it is invisible there). Only a box without a submit
// button gets the key again, with the legacy fields in the event's init dictionary.

// A paused PostWijs has no sessions, so nothing is held back.
export interface SessionLookup {
  forEditor(editor: HTMLElement): EditorSession | undefined;
  all(): Iterable<EditorSession>;
}

export function installGuard(adapter: PlatformAdapter, sessions: SessionLookup, alive: () => boolean, signal: AbortSignal): void {
  let bypass = false;
  let asking = false;

  /** Hold the event back and ask, when the drafts it would publish (several boxes of one X
   * thread share one "Post all") have warning or error findings; `replay` repeats the original
   * action once, through the one-shot bypass. */
  const intercept = (event: Event, drafts: EditorSession[], replay: () => void) => {
    if (asking) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    // "Toch plaatsen" is the user's answer for a draft: a second step of the same post (on a
    // Facebook Page, Next and then Post) does not ask again while the text stays the same.
    const open = drafts.filter((session) => !session.acceptedAsIs());
    const findings = open.flatMap((session) => session.currentFindings().filter((f: Finding) => f.severity !== 'info'));
    if (!findings.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    asking = true;
    // A dialog that fails to open must not leave every later Post swallowed: that counts as
    // "Aanpassen", and the next press asks again.
    void askToPost(findings)
      .catch(() => 'edit' as const)
      .then((choice) => {
        asking = false;
        drafts[0]!.editor.focus();
        if (choice !== 'post-anyway') return;
        for (const session of open) session.acceptAsIs();
        bypass = true;
        try {
          replay();
        } finally {
          bypass = false;
        }
      });
  };

  window.addEventListener(
    'click',
    (event) => {
      if (bypass || !alive()) return;
      const target = event.composedPath()[0];
      // Most clicks are on no button at all: nothing to classify then.
      if (!(target instanceof Element) || !target.closest('button, [role="button"]')) return;
      let button: HTMLElement | undefined;
      const drafts: EditorSession[] = [];
      for (const session of sessions.all()) {
        const hit = session.submitButtonHit(target);
        if (hit && (!button || hit === button)) (button = hit), drafts.push(session);
      }
      if (button && !isDisabledButton(button)) intercept(event, drafts, () => button.isConnected && button.click());
    },
    { capture: true, signal },
  );

  window.addEventListener(
    'keydown',
    (event) => {
      // Only Enter can publish: every other key returns here, before any DOM work, so typing
      // pays nothing for the guard.
      if (bypass || !isEnter(event) || event.isComposing || event.keyCode === 229 || !alive()) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      const editor = adapter.editorFrom(target);
      const session = editor ? sessions.forEditor(editor) : undefined;
      const box = session?.box();
      if (!session || !box || !adapter.submitsOnKey(event, box)) return;
      // The site ignores the key while its own button is disabled (X over its limit): so do we.
      if (box.submitButton && isDisabledButton(box.submitButton)) return;
      // With a suggestion list open (@mention, #hashtag) Enter picks a suggestion, not sends.
      if (session.editor.getAttribute('aria-expanded') === 'true' || session.editor.getAttribute('aria-activedescendant')) return;
      const init = { key: event.key, code: event.code, keyCode: event.keyCode, which: event.which, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey };
      intercept(event, [session], () => {
        const button = session.box()?.submitButton;
        if (button && !isDisabledButton(button)) button.click();
        else if (session.editor.isConnected) session.editor.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true, composed: true }));
      });
    },
    { capture: true, signal },
  );
}
