import type { Finding } from '../engine/types.ts';
import { askToPost } from './confirm.tsx';
import { isDisabledButton, type PlatformAdapter } from './platforms/types.ts';
import type { EditorSession } from './session.ts';

// The post guard. A window listener in the capture phase, registered at document_start, runs
// before the sites' own handlers (React and Lexical listen on their roots). When the draft has
// findings of severity warning or error, it holds the post back and asks; "Toch plaatsen"
// replays the original action exactly once (a one-shot bypass, then button.click() or the key
// again: React and Lexical do not check isTrusted). A draft without such findings passes with
// no dialog and no delay. IME composition is never interrupted; disabled buttons are ignored.

export interface SessionLookup {
  forEditor(editor: HTMLElement): EditorSession | undefined;
  forButton(button: Element): EditorSession | undefined;
}

export function installGuard(adapter: PlatformAdapter, sessions: SessionLookup, alive: () => boolean, signal: AbortSignal): void {
  let bypass = false;
  let asking = false;

  const blocking = (session: EditorSession): Finding[] => session.currentFindings().filter((f) => f.severity !== 'info');

  const hold = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  window.addEventListener(
    'click',
    (event) => {
      if (bypass) {
        bypass = false;
        return;
      }
      if (!alive()) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      const button = adapter.postButtonFrom(target);
      if (!button || isDisabledButton(button)) return;
      const session = sessions.forButton(button);
      if (!session) return;
      if (asking) return hold(event);
      const findings = blocking(session);
      if (!findings.length) return;
      hold(event);
      asking = true;
      void askToPost(findings).then((choice) => {
        asking = false;
        if (choice !== 'post-anyway' || !button.isConnected) return session.editor.focus();
        bypass = true;
        button.click();
        bypass = false;
      });
    },
    { capture: true, signal },
  );

  window.addEventListener(
    'keydown',
    (event) => {
      if (bypass || event.isComposing || event.keyCode === 229) return;
      if (!alive()) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      const editor = adapter.editorFrom(target);
      if (!editor || !adapter.submitsOnKey(event, editor)) return;
      const session = sessions.forEditor(editor);
      if (!session) return;
      if (asking) return hold(event);
      const findings = blocking(session);
      if (!findings.length) return;
      hold(event);
      asking = true;
      const replay = { key: event.key, code: event.code, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey };
      void askToPost(findings).then((choice) => {
        asking = false;
        editor.focus();
        if (choice !== 'post-anyway' || !editor.isConnected) return;
        bypass = true;
        editor.dispatchEvent(keyEvent(replay));
        bypass = false;
      });
    },
    { capture: true, signal },
  );
}

/** A keydown the editors accept as the user's: Draft.js reads keyCode, Lexical reads key. */
function keyEvent(init: KeyboardEventInit & { key: string }): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true, composed: true });
  const code = init.key === 'Enter' ? 13 : 0;
  Object.defineProperty(event, 'keyCode', { get: () => code });
  Object.defineProperty(event, 'which', { get: () => code });
  return event;
}
