// mammoth turns a .docx into simple, well-formed HTML (p, h1–h6, ol/ul/li, table/tr/td, strong,
// em, a, br, img). Word's automatic list numbers ("1.", "a.") are not in the document's text, so
// they are written back here from the list structure, the way the reader saw them. Table cells
// become lines of their own. A small tokenizer is enough for mammoth's output and keeps this
// DOM-free (the CLI runs it in Node).
import type { SourceLine } from '../drafting/repair.ts';
import { own } from '../engine/own-keys.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    // Own keys only: "&constructor;" is not an entity, and must not become Object's constructor.
    return own(ENTITIES, name.toLowerCase()) ?? whole;
  });
}

/** Word's automatic number of the current item, which mammoth leaves out of the text. Under a
 * numbered heading ("3 Privacy van leerlingen") Word protocols number articles "3.1", "3.2";
 * under a numbered sentence the sub-items are a list: "a.", "b.". Deeper levels become bullets. */
function listNumber(lists: { ordered: boolean; count: number; itemText: string }[], sectionNumber: number): string {
  const depth = lists.length;
  const own = lists[depth - 1]!.count;
  if (depth === 1) return `${own}. `;
  const parent = lists[depth - 2]!;
  // mammoth writes a multilevel list whose first level is the numbered heading itself as an
  // empty bullet around the articles ("<h2>Uitgangspunten</h2><ul><li><ol><li>…"): the
  // heading's number is then the count of headings so far.
  if (depth === 2 && !parent.ordered && parent.itemText === '' && sectionNumber > 0) return `${sectionNumber}.${own} `;
  if (depth === 2) return headingLike(parent.itemText) ? `${parent.count}.${own} ` : `${String.fromCharCode(96 + Math.min(own, 26))}. `;
  return '• ';
}

function headingLike(text: string): boolean {
  return text.length > 0 && text.split(/\s+/u).length <= 8 && !/[.:;,!?]$/u.test(text);
}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'tr', 'table', 'ol', 'ul', 'br']);

/** mammoth's footnote and endnote references ("<sup><a href="#footnote-1">[1]</a></sup>") and the
 * notes themselves ("<li id="footnote-1">…") are not the protocol's text: a quote must not read
 * "persoonsgegevens[1]", and the notes must not become articles. */
function dropNotes(html: string): string {
  return html
    .replace(/<sup>\s*<a href="#(?:footnote|endnote)-[^"]*"[^>]*>[^<]*<\/a>\s*<\/sup>/gu, '')
    .replace(/<li id="(?:footnote|endnote)-[^"]*">[\s\S]*?<\/li>/gu, '')
    .replace(/<ol>\s*<\/ol>/gu, '');
}

export function htmlToLines(rawHtml: string): SourceLine[] {
  const html = dropNotes(rawHtml);
  const lines: SourceLine[] = [];
  const lists: { ordered: boolean; count: number; itemText: string }[] = [];
  let current = '';
  let prefix = '';
  /** How many headings of each level so far, and the level of the last one. */
  const headings = [0, 0, 0, 0, 0, 0];
  let lastHeading = 0;
  const flush = () => {
    const text = current.replace(/\s+/gu, ' ').trim();
    const top = lists[lists.length - 1];
    if (text && top && top.itemText === '') top.itemText = text;
    if (text) lines.push({ text: `${prefix}${text}` });
    current = '';
    prefix = '';
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
      else lists.push({ ordered: name === 'ol', count: 0, itemText: '' });
      continue;
    }
    flush();
    const level = /^h([1-6])$/u.exec(name)?.[1];
    if (level && !closing) {
      const n = Number(level);
      headings[n - 1]!++;
      for (let deeper = n; deeper < 6; deeper++) headings[deeper] = 0;
      lastHeading = n;
    }
    if (closing) {
      // Headings and paragraphs end with an empty line, as in the texts the segmenter knows.
      if (/^h\d$|^p$|^table$/u.test(name) && lists.length === 0) lines.push({ text: '' });
      continue;
    }
    if (name === 'li') {
      const list = lists[lists.length - 1];
      if (!list) continue;
      list.count++;
      list.itemText = '';
      prefix = list.ordered ? listNumber(lists, lastHeading ? headings[lastHeading - 1]! : 0) : '• ';
    }
  }
  flush();
  return lines;
}
