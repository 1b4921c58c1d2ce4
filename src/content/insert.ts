import { readEditorText } from './read-text.ts';

// Putting a line (the disclaimer, the affiliation) at the end of the draft, on a line of its
// own, so that the editor's own state changes: the post that is published must contain it.
// Never set innerHTML/textContent: Draft.js and Lexical would show the text but post their
// old state.
//
//   textarea          execCommand('insertText') with the caret at the end: fires a real input
//                     event, so React-controlled textareas (X's phone layout) keep it.
//   Draft.js, Lexical a synthetic paste of "\n" + line with the caret at the end. Appending to
//                     a non-empty Draft.js draft with execCommand is reported to break X's
//                     editor or double the text, worst after an empty last line (pixiebrix
//                     issue 8157, draft-js issue 36), and into an empty one it crashes Draft
//                     (reproduced by the replica tests); both editors read a paste as their own
//                     edit, and split its lines into blocks themselves.
//   Firefox           a synthetic paste reaches the page without its data, even one the page
//                     makes itself (Bugzilla 1654724; seen here in Firefox ESR: getData gives
//                     ""), so nothing changes and execCommand follows:
//                     Lexical: insertParagraph, then insertText (one line at a time: a
//                       multi-line insertText kept only the first line).
//                     Draft.js: a line break by execCommand desynchronises its state (the draft
//                       was lost, seen here), and text typed into an empty block crashes it. So
//                       the line goes in at the end of the last text, where Draft.js reads it
//                       back, and a keydown Enter (keyCode 13, which Draft.js reads) splits the
//                       block before it in Draft.js's own state.
//   nothing worked    copy the line to the clipboard and tell the user to paste it.
// Each step is verified by re-reading the editor after the editor committed; a step that
// changed the text is never followed by another (no doubled text).

export type InsertOutcome = 'inserted' | 'pasted' | 'copied' | 'failed';

export async function insertOnNewLine(editor: HTMLElement, line: string): Promise<InsertOutcome> {
  const before = readEditorText(editor);
  // A new line unless the draft is empty or already ends in an empty line.
  const newLine = before.trim().length > 0 && !/\n[ \t]*$/.test(before);
  // Landed: the line is there, on a line of its own (glued to the last sentence is not done).
  const landed = () => readEditorText(editor).split('\n').some((l) => l.trim() === line.trim());
  const changed = () => readEditorText(editor) !== before;

  if (editor instanceof HTMLTextAreaElement) {
    placeCaretAtEnd(editor);
    execInsert('insertText', (newLine ? '\n' : '') + line);
    await afterCommit();
    if (landed()) return 'inserted';
    return changed() ? 'failed' : copy(line);
  }

  placeCaretAtEnd(editor);
  // Let the editor take the new selection (Draft.js syncs it on the select event) first.
  await afterCommit();
  editor.dispatchEvent(pasteEvent((newLine ? '\n' : '') + line));
  await afterCommit();
  if (landed()) return 'pasted';
  if (changed()) return 'failed';

  if (editor.classList.contains('public-DraftEditor-content')) return draftFallback(editor, line, before, landed, changed);
  placeCaretAtEnd(editor);
  if (newLine) execInsert('insertParagraph');
  execInsert('insertText', line);
  await afterCommit();
  if (landed()) return 'inserted';
  return changed() ? 'failed' : copy(line);
}

/** Draft.js without a paste (Firefox): see the comment at the top. */
async function draftFallback(editor: HTMLElement, line: string, before: string, landed: () => boolean, changed: () => boolean): Promise<InsertOutcome> {
  // An empty Draft.js editor crashes on execCommand; an empty draft has nothing to fix anyway.
  if (!before.trim() || !placeCaretBeforeTextEnd(editor, 0)) return copy(line);
  await afterCommit();
  execInsert('insertText', line);
  await afterCommit();
  if (!readEditorText(editor).includes(line.trim())) return changed() ? 'failed' : copy(line);
  if (placeCaretBeforeTextEnd(editor, line.length)) {
    await afterCommit();
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true, cancelable: true } as KeyboardEventInit));
    await afterCommit();
  }
  return landed() ? 'inserted' : 'failed';
}

/** Puts the caret `back` characters before the end of the editor's last text. */
function placeCaretBeforeTextEnd(editor: HTMLElement, back: number): boolean {
  editor.focus();
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  let left = back;
  for (let i = texts.length - 1; i >= 0; i--) {
    const text = texts[i]!;
    if (text.length >= left) {
      const selection = window.getSelection();
      const range = document.createRange();
      range.setStart(text, text.length - left);
      range.collapse(true);
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    }
    left -= text.length;
  }
  return false;
}

/** A paste of `text`, as the editors read it (Chromium; Firefox drops the data). */
function pasteEvent(text: string): Event {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  return new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
}

function execInsert(command: 'insertText' | 'insertParagraph', value?: string): boolean {
  try {
    return document.execCommand(command, false, value);
  } catch {
    return false;
  }
}

async function copy(line: string): Promise<InsertOutcome> {
  try {
    await navigator.clipboard.writeText(line);
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
