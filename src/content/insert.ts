import { readEditorText } from './read-text.ts';

// Putting text into the site's editor so that the editor's own state changes (the post that
// is published must contain it). Never set innerHTML/textContent: Draft.js and Lexical would
// show the text but post their old state.
//
// 1. document.execCommand('insertText') with the caret at the end: works for Draft.js, Lexical
//    and textareas, and fires a real input event.
// 2. A synthetic paste event: Draft.js and Lexical read it (not a textarea).
// 3. Copy the text to the clipboard and tell the user to paste it.
// Each step is verified by re-reading the editor after the editor committed (next frame).

export type InsertOutcome = 'inserted' | 'pasted' | 'copied' | 'failed';

export async function insertAtEnd(editor: HTMLElement, text: string): Promise<InsertOutcome> {
  const before = readEditorText(editor);
  const piece = (before && !/\s$/.test(before) ? ' ' : '') + text;
  const landed = () => readEditorText(editor).includes(text.trim());

  // execCommand into an *empty* Draft.js editor makes Draft throw and break the page (its
  // placeholder <br> is replaced under it); a synthetic paste is safe there.
  const emptyDraft = !before && editor.classList.contains('public-DraftEditor-content');
  if (!emptyDraft) {
    placeCaretAtEnd(editor);
    let tried = false;
    try {
      tried = document.execCommand('insertText', false, piece);
    } catch {
      tried = false;
    }
    await afterCommit();
    if (landed()) return 'inserted';
    // Insert once: execCommand may still be committing; a second method could double the text.
    if (tried && readEditorText(editor) !== before) return landed() ? 'inserted' : 'failed';
  }

  if (!(editor instanceof HTMLTextAreaElement)) {
    placeCaretAtEnd(editor);
    const data = new DataTransfer();
    data.setData('text/plain', piece);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await afterCommit();
    if (landed()) return 'pasted';
  }

  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'failed';
  }
}

function placeCaretAtEnd(editor: HTMLElement): void {
  editor.focus();
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    const end = editor.value.length;
    editor.setSelectionRange(end, end);
    return;
  }
  const selection = window.getSelection();
  if (!selection) return;
  // The deepest last text position keeps the editors' own selection mapping happy.
  let node: Node = editor;
  while (node.lastChild) node = node.lastChild;
  const range = document.createRange();
  if (node.nodeType === Node.TEXT_NODE) range.setStart(node, (node as Text).length);
  else if (node.nodeName === 'BR' && node.parentNode) range.setStartBefore(node);
  else range.selectNodeContents(node), range.collapse(false);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Editors commit after the current task; wait for the next frame and a task after it. */
function afterCommit(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
