// Reading a draft the way the site's editor holds it: paragraphs joined with newlines, <br>
// as a newline, emoji images by their alt text, zero-width characters dropped; a textarea by
// its value.
//
// Both editors render one *leaf block* (a block element with no block inside) per paragraph:
// Draft.js (X): div[data-contents] > div[data-block] > div.public-DraftStyleDefault-block > span…
// Lexical (Facebook, Instagram): root > p > span[data-lexical-text]…
// An empty paragraph holds a single placeholder <br>, which is not a line of its own.

const BLOCK = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'TABLE', 'TR']);
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

export function readEditorText(editor: Element): string {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) return editor.value.replace(ZERO_WIDTH, '');
  const lines: string[] = [];
  let inline: string | null = null;
  // Each element's answer once: asked for every blank between inline runs, the scan would
  // otherwise cover every run before the next block again (quadratic in the runs).
  const blocky = new Map<Element, boolean>();
  const hasBlockChild = (el: Element): boolean => {
    let known = blocky.get(el);
    if (known === undefined) {
      known = false;
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        if (BLOCK.has(c.tagName) || hasBlockChild(c)) {
          known = true;
          break;
        }
      }
      blocky.set(el, known);
    }
    return known;
  };
  const flush = () => {
    if (inline !== null) lines.push(...inline.split('\n'));
    inline = null;
  };
  const visit = (node: Node) => {
    if (node.nodeType === Node.ELEMENT_NODE && BLOCK.has((node as Element).tagName)) {
      flush();
      const el = node as Element;
      if (hasBlockChild(el)) for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
      else lines.push(inlineText(el).replace(/\n$/, ''));
      flush();
      return;
    }
    // Whitespace between blocks (markup indentation) is not part of the text.
    if (node.nodeType === Node.TEXT_NODE && !/\S/.test((node as Text).data) && node.parentElement && hasBlockChild(node.parentElement)) return;
    inline = (inline ?? '') + inlineText(node);
  };
  for (let c = editor.firstChild; c; c = c.nextSibling) visit(c);
  flush();
  return lines.join('\n').replace(ZERO_WIDTH, '');
}

function inlineText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = node as Element;
  if (el.tagName === 'BR') return '\n';
  if (el.tagName === 'IMG') return el.getAttribute('alt') ?? '';
  let text = '';
  for (let c = el.firstChild; c; c = c.nextSibling) text += inlineText(c);
  return text;
}
