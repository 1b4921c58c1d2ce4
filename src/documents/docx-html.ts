// mammoth turns a .docx into simple, well-formed HTML (p, h1–h6, ol/ul/li, table/tr/td, strong,
// em, a, br, img). Word's automatic list numbers ("1.", "a.") are not in the document's text, so
// they are written back here from the list structure, the way the reader saw them. Table cells
// become lines of their own. A small tokenizer is enough for mammoth's output and keeps this
// DOM-free (the CLI runs it in Node).
import type { SourceLine } from '../drafting/repair.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'tr', 'table', 'ol', 'ul', 'br']);

export function htmlToLines(html: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/gu, ' ').trim();
    if (text) lines.push({ text });
    current = '';
  };
  for (const token of html.split(/(<[^>]+>)/u)) {
    if (!token) continue;
    const tag = /^<(\/?)([a-z0-9]+)/iu.exec(token);
    if (!tag) {
      current += decodeEntities(token);
      continue;
    }
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    if (!BLOCK.has(name)) continue;
    if (name === 'ol' || name === 'ul') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: name === 'ol', count: 0 });
      continue;
    }
    flush();
    if (closing) {
      // Headings and paragraphs end with an empty line, as in the texts the segmenter knows.
      if (/^h\d$|^p$|^table$/u.test(name) && lists.length === 0) lines.push({ text: '' });
      continue;
    }
    if (name === 'li') {
      const list = lists[lists.length - 1];
      if (!list) continue;
      list.count++;
      const depth = lists.length;
      // Level 1 "1.", level 2 "a.", deeper "•": Word's default multilevel list.
      current = list.ordered ? (depth === 1 ? `${list.count}. ` : depth === 2 ? `${String.fromCharCode(96 + Math.min(list.count, 26))}. ` : '• ') : '• ';
    }
  }
  flush();
  return lines;
}
