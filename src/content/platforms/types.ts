import type { DraftKind, Platform } from '../../engine/types.ts';

/**
 * What PostWijs needs to know about one site. Each site's file holds its selectors and its UI
 * labels in one table (nl and en), each with a comment saying where it was seen, and
 * structural fallbacks (role, contenteditable, dialog, form) for when the site changes.
 *
 * The flow for a focused element:
 *   editorFrom(target)  is this a text box on this site that could be a composer?
 *   ignored(editor)     a box we know and leave alone on purpose (Messenger, direct messages)
 *   classify(editor)    what kind of box, its composer, its own submit button, does Enter send?
 * A box that is a candidate but cannot be classified gets PostWijs's neutral "not recognised"
 * state: no checks, no guard, and a diagnosis the user can copy from the popup.
 */
export interface PlatformAdapter {
  id: Platform;
  /** The site's UI labels that the adapter reads, per purpose, in Dutch and English. */
  labels: LabelTable;
  /** The text box containing (or being) this element, when it could be a composer. */
  editorFrom(target: Element): HTMLElement | null;
  /** Why this box is deliberately not watched (a private chat), or null. */
  ignored(editor: HTMLElement): string | null;
  classify(editor: HTMLElement): Classification;
  /** Images and videos attached in this composer. */
  mediaOf(composer: Element): { images: number; videos: number };
  /** Does this keydown publish from a box of this kind (the site's own key rule)? */
  submitsOnKey(event: KeyboardEvent, box: BoxAnalysis): boolean;
}

export interface Labels {
  readonly en: readonly string[];
  readonly nl: readonly string[];
}
export type LabelTable = Readonly<Record<string, Labels>>;

export interface BoxAnalysis {
  ok: true;
  kind: DraftKind;
  /** Where this box's media and its submit button live (the comment's own form, the dialog). */
  composer: Element;
  /** The box's own submit button (Post, Reply, Share, a comment's send button), if it has one. */
  submitButton: HTMLElement | null;
  /** Enter without Shift publishes (comment boxes). */
  submitsOnEnter: boolean;
}
export interface Unrecognised {
  ok: false;
  /** What the adapter could not decide, for the diagnosis (no page text). */
  reason: 'unknown-kind' | 'no-submit';
  composer: Element;
}
export type Classification = BoxAnalysis | Unrecognised;

/** Both languages' labels of one purpose, lower-cased. */
export function both(labels: Labels): string[] {
  return [...labels.en, ...labels.nl].map((l) => l.toLowerCase());
}

/** Every purpose's labels in both languages, made once per adapter (classify runs on every
 * check and on every click on a button). */
export function bothLanguages<T extends LabelTable>(table: T): Record<keyof T, string[]> {
  return Object.fromEntries(Object.entries(table).map(([purpose, labels]) => [purpose, both(labels)])) as Record<keyof T, string[]>;
}

/** A button the site shows as disabled does nothing when clicked: never hold it back. */
export function isDisabledButton(button: Element): boolean {
  return button.getAttribute('aria-disabled') === 'true' || (button as HTMLButtonElement).disabled === true;
}

/**
 * An element's label as the site wrote it: aria-label, else its own visible text. Text inside
 * an icon's <svg> (its <title>) is not the button's label: the Instagram and Facebook icon
 * buttons carry "Share"/"Delen" titles that would make them look like a publish button.
 */
export function labelOf(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria !== null) return normalise(aria);
  let text = '';
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === Node.TEXT_NODE) text += (c as Text).data;
      else if (c.nodeType === Node.ELEMENT_NODE && (c as Element).namespaceURI !== 'http://www.w3.org/2000/svg') walk(c);
    }
  };
  walk(el);
  return normalise(text);
}

/** A text box's own label: aria-label, aria-placeholder or placeholder, never its text (that
 * is the draft, which must not decide what kind of box it is). */
export function boxLabel(box: Element): string {
  return normalise(box.getAttribute('aria-label') ?? box.getAttribute('aria-placeholder') ?? box.getAttribute('placeholder') ?? '');
}

function normalise(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Is the label exactly one of these, or one of them followed by a name or an ellipsis
 * ("Comment as Anna", "Write a comment…", "Write a caption...")? */
export function labelMatches(label: string, labels: readonly string[]): boolean {
  return labels.some((l) => label === l || label.startsWith(`${l} `) || label.startsWith(`${l}…`) || label.startsWith(`${l}...`));
}

/** Is the label exactly one of these (an optional trailing ellipsis aside)? */
export function labelIs(label: string, labels: readonly string[]): boolean {
  const bare = label.replace(/(…|\.\.\.)$/, '').trim();
  return labels.includes(bare);
}

/** The nearest editable text box: a textarea, or the outermost contenteditable root. */
export function editableRoot(target: Element): HTMLElement | null {
  if (target instanceof HTMLTextAreaElement) return target;
  const root = target.closest<HTMLElement>('[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]');
  if (!root) return null;
  // Walk up to the outermost contenteditable (nested editables are part of one editor).
  let outer = root;
  for (let p = outer.parentElement?.closest<HTMLElement>('[contenteditable="true"]'); p; p = p.parentElement?.closest<HTMLElement>('[contenteditable="true"]') ?? null) outer = p;
  return outer;
}

/**
 * Does this text box look like a composer on a social site, whatever its labels say: a
 * contenteditable textbox or a textarea inside a dialog or under a post (an article)? Used for
 * boxes the adapter's selectors do not know, so that a changed site shows "not recognised"
 * instead of silence. Search fields are <input>s, and a chat or assistant box on its own page is
 * in neither, so they never match.
 */
export function looksLikeComposer(box: HTMLElement): boolean {
  const textbox = box instanceof HTMLTextAreaElement || box.getAttribute('role') === 'textbox';
  return textbox && !!box.closest('[role="dialog"], [role="article"], article');
}

/** The first enabled-or-not button in `scope` whose label matches, searched from the end
 * (the sites put their submit button last). */
export function buttonIn(scope: Element, labels: readonly string[], exact = false): HTMLElement | null {
  const buttons = scope.querySelectorAll<HTMLElement>('[role="button"], button');
  for (let i = buttons.length - 1; i >= 0; i--) {
    const label = labelOf(buttons[i]!);
    if (exact ? labelIs(label, labels) : labelMatches(label, labels)) return buttons[i]!;
  }
  return null;
}

export function countMedia(container: Element | null): { images: number; videos: number } {
  if (!container) return { images: 0, videos: 0 };
  return { images: container.querySelectorAll('img').length, videos: container.querySelectorAll('video').length };
}

/** Is the Enter key (by key, and by the legacy keyCode where the page's handler reads it)? */
export function isEnter(event: KeyboardEvent): boolean {
  return event.key === 'Enter' || event.keyCode === 13;
}

/** The comment boxes' key rule (Facebook, Instagram): plain Enter sends, Shift+Enter is a new
 * line, and boxes that do not send on Enter (create-post, captions) never do. */
export function sendsOnPlainEnter(event: KeyboardEvent, box: BoxAnalysis): boolean {
  return box.submitsOnEnter && isEnter(event) && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey;
}
