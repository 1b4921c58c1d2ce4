import type { DraftKind, Platform } from '../../engine/types.ts';

/**
 * What PostWijs needs to know about one site. Each site's file holds its selectors, each with
 * a comment saying where it matches, and structural fallbacks (role, contenteditable, dialog)
 * for when the site changes its markup. Text labels are a secondary signal only, with nl and
 * en tables, because the UI language differs per user.
 */
export interface PlatformAdapter {
  id: Platform;
  /** The compose box containing (or being) this element, if it is one we check. */
  editorFrom(target: Element): HTMLElement | null;
  /** The composer around an editor: where its post button and attachments live. */
  composerOf(editor: HTMLElement): Element;
  kindOf(editor: HTMLElement, composer: Element): DraftKind;
  /** Images and videos attached in this composer. */
  mediaOf(composer: Element): { images: number; videos: number };
  /** The post / share / reply button a click landed on, if any (enabled or not). */
  postButtonFrom(target: Element): HTMLElement | null;
  /** Does this keydown in this editor publish the draft (Ctrl/Cmd+Enter on X, Enter in comments)? */
  submitsOnKey(event: KeyboardEvent, editor: HTMLElement): boolean;
}

/** A button the site shows as disabled does nothing when clicked: never hold it back. */
export function isDisabledButton(button: Element): boolean {
  return button.getAttribute('aria-disabled') === 'true' || (button as HTMLButtonElement).disabled === true;
}

/** Does the element's accessible label match one of the words (case-insensitive, whole label start)? */
export function labelStartsWith(el: Element, labels: readonly string[]): boolean {
  const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().toLowerCase();
  return labels.some((l) => label === l || label.startsWith(`${l} `) || label.startsWith(`${l}…`) || label.startsWith(`${l}...`));
}

/** The nearest editable text box: a textarea, or a contenteditable root. */
export function editableRoot(target: Element): HTMLElement | null {
  if (target instanceof HTMLTextAreaElement) return target;
  const root = target.closest<HTMLElement>('[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]');
  if (!root) return null;
  // Walk up to the outermost contenteditable (nested editables are part of one editor).
  let outer = root;
  for (let p = outer.parentElement?.closest<HTMLElement>('[contenteditable="true"]'); p; p = p.parentElement?.closest<HTMLElement>('[contenteditable="true"]') ?? null) outer = p;
  return outer;
}

export function countMedia(container: Element | null): { images: number; videos: number } {
  if (!container) return { images: 0, videos: 0 };
  return { images: container.querySelectorAll('img').length, videos: container.querySelectorAll('video').length };
}
