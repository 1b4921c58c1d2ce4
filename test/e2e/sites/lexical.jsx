// A Lexical editor for the replica pages, mounted with Lexical's own vanilla API (createEditor,
// setRootElement, registerRichText / registerPlainText), as Facebook and Instagram build their
// composers on Lexical. React only renders the empty contenteditable host.
import { useEffect, useRef, useState } from 'react';
import {
  $getRoot,
  COMMAND_PRIORITY_HIGH,
  KEY_ENTER_COMMAND,
  createEditor,
  mergeRegister,
} from 'lexical';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { registerPlainText } from '@lexical/plain-text';

/** The text the editor state holds (what the replica records when the user posts). */
export function editorText(editor) {
  return editor.getEditorState().read(() => $getRoot().getTextContent());
}

/** Empties a Lexical editor (one paragraph, caret-less). */
export function clearEditor(editor) {
  editor.update(() => {
    $getRoot().clear();
  });
}

/** Gives a Lexical editor the keyboard focus, caret at the end. */
export function focusEditor(editor) {
  editor.getRootElement()?.focus({ preventScroll: true });
  editor.focus(undefined, { defaultSelection: 'rootEnd' });
}

/**
 * props: namespace, mode ('rich' | 'plain'), ariaLabel, placeholder, className, onEnter (Enter
 * without Shift submits when given), onText(text), editorRef, autoFocus, onFocus, attrs (extra
 * attributes for the contenteditable).
 */
export function LexicalEditor({
  namespace,
  mode = 'rich',
  ariaLabel,
  placeholder,
  className,
  onEnter,
  onText,
  editorRef,
  autoFocus,
  onFocus,
  attrs,
}) {
  const rootRef = useRef(null);
  const callbacks = useRef({});
  callbacks.current = { onEnter, onText };
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const editor = createEditor({
      namespace,
      nodes: mode === 'rich' ? [HeadingNode, QuoteNode] : [],
      theme: { paragraph: 'lx-p', text: { bold: 'lx-b', italic: 'lx-i' } },
      onError(error) {
        console.error('[replica] Lexical error', error);
      },
    });
    editor.setRootElement(rootRef.current);
    const unregister = mergeRegister(
      mode === 'rich' ? registerRichText(editor) : registerPlainText(editor),
      // Facebook comments: Enter submits, Shift+Enter falls through to the rich-text handler
      // (a line break). Runs before registerRichText's handler (COMMAND_PRIORITY_EDITOR).
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          const submit = callbacks.current.onEnter;
          if (!submit || (event && event.shiftKey)) return false;
          if (event) event.preventDefault();
          submit();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerUpdateListener(({ editorState }) => {
        const text = editorState.read(() => $getRoot().getTextContent());
        setEmpty(text.length === 0);
        callbacks.current.onText?.(text);
      }),
    );
    if (editorRef) editorRef.current = editor;
    // Lexical's editor.focus() only moves the selection; focus the element too, so an editor that
    // opens focused (a dialog's, a reply box) really has the keyboard.
    if (autoFocus) focusEditor(editor);
    return () => {
      unregister();
      editor.setRootElement(null);
      if (editorRef && editorRef.current === editor) editorRef.current = null;
    };
  }, []);

  return (
    <div className={`lx-wrap ${className ?? ''}`}>
      <div
        ref={rootRef}
        className="lx-root"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-label={ariaLabel}
        aria-placeholder={placeholder}
        aria-multiline="true"
        spellCheck
        tabIndex={0}
        onFocus={onFocus}
        {...attrs}
      />
      {empty && (
        <div className="lx-placeholder" aria-hidden="true">
          {placeholder}
        </div>
      )}
    </div>
  );
}
