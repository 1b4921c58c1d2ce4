// Text repair for protocols copied out of PDFs and web pages: what a reader does without
// noticing. Page headers and footers go, words split by a line-end hyphen are joined, footnote
// markers glued to words ("persoonsgegevens2") are dropped, and bullets become one mark.
// Line breaks inside sentences are left for the segmenter, which knows where units begin.
//
// Everything here is pure and DOM-free: the options page and the CLI share it.

/** One line of a page, as a document reader found it. */
export interface SourceLine {
  text: string;
  /** Set by the PDF reader: the line sits in the top or bottom band of its page. */
  edge?: 'top' | 'bottom';
}

/** A page of lines; plain text is one page. */
export type SourcePage = SourceLine[];

/** Bullet glyphs seen in PDF text layers: Word's Symbol-font bullet (U+F0B7), •, ▪, ●, o, –. */
const BULLET = /^\s*(?:[\uF0B7\uF0A7\uF0D8\uF076\u2022\u25AA\u25CF\u25E6\u2023\u2043\u25A0\u25A1\u2219*]|[-–—](?=\s)|o(?=\s+\p{Lu}|\s+\p{Ll}{3,}))\s*/u;
/** Unicode's private-use area, where PDF text layers put a symbol font's glyphs. */
const PRIVATE_USE = /[\uE000-\uF8FF]/gu;
/** Longer than any "Pagina 1234 van 1234" with spaces to spare. */
const MAX_PAGE_NUMBER_LENGTH = 40;
/** "Pagina 3 van 9", "Page 2 of 7", "blz. 4", "3 / 9", a lone "12". */
const PAGE_NUMBER = /^\s*(?:(?:pagina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|\/)\s*\d{1,4})?|\d{1,4}\s*(?:\/|van|of)\s*\d{1,4}|[-–]?\s*\d{1,4}\s*[-–]?)\s*$/iu;
/** Words that follow a line-end hyphen that belongs to a shortened compound: "school- en". */
const AFTER_COMPOUND_HYPHEN = new Set(['en', 'of', 'tot', 'en/of', 'noch', 'and', 'or', 'to']);

/** A line's shape, for recognising a header or footer that repeats with another page number. */
function lineShape(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Drops page numbers and the headers and footers that repeat on the pages' edges. Without page
 * edges (pasted text), a short line repeated three times or more counts as a running header. */
export function dropRunningLines(pages: SourcePage[]): SourcePage[] {
  const withEdges = pages.some((page) => page.some((line) => line.edge));
  // Each line's shape once (only lines that can be running ones): a 100 KB paste can be
  // 50,000 short lines.
  const shapes = pages.map((page) => page.map((line) => (withEdges && !line.edge ? '' : lineShape(line.text))));
  const counts = new Map<string, number>();
  for (const page of shapes) {
    const seen = new Set<string>();
    for (const shape of page) {
      if (!shape || seen.has(shape)) continue;
      seen.add(shape);
      counts.set(shape, (counts.get(shape) ?? 0) + 1);
    }
  }
  const minRepeats = withEdges ? Math.max(2, Math.ceil(pages.length * 0.4)) : 3;
  const running = (line: SourceLine, shape: string) => {
    if (withEdges && !line.edge) return false;
    // Only a short line can be a page number: the pattern's runs of optional spaces backtrack
    // over a long run of blanks in quadratic time (100 KB of spaces took seconds).
    const trimmed = line.text.trim();
    if (trimmed.length <= MAX_PAGE_NUMBER_LENGTH && PAGE_NUMBER.test(trimmed)) return true;
    return shape.length > 0 && shape.length <= 100 && (counts.get(shape) ?? 0) >= minRepeats && pages.length >= (withEdges ? 2 : 1);
  };
  return pages.map((page, p) => page.filter((line, i) => !running(line, shapes[p]![i]!)));
}

/**
 * Footnote markers glued to a word: "persoonsgegevens2 betreft", "maatregelen4." A digit right
 * after three or more lower-case letters, before a space, punctuation or the end. Dutch words
 * do not end in digits; codes like "mbo4" or "H2O" are excluded by the letter count or case.
 */
const GLUED_FOOTNOTE = /(?<=[\p{Ll}]{3}[)”’"']?)\d{1,2}(?=[\s.,;:)”’"']|$)/gu;

export function dropFootnoteMarkers(text: string): string {
  return text.replace(GLUED_FOOTNOTE, (digits, offset: number, whole: string) => {
    // "artikel 4" has a space; "lid2" style references are rare, but "COVID19" and "groep8" are
    // not footnotes: keep digits after a word that names a number-bearing thing.
    // The word is read from the few characters before the digits: the words below are short,
    // and reading the whole text before every marker took quadratic time.
    const word = /[\p{L}]+$/u.exec(whole.slice(Math.max(0, offset - 32), offset))?.[0]?.toLowerCase() ?? '';
    return /^(?:groep|klas|leerjaar|niveau|mbo|havo|vwo|vmbo|covid|web|artikel|lid)$/.test(word) ? digits : '';
  });
}

/** A line's text with its bullet written as "•". */
export function normalizeBullet(text: string): { text: string; bullet: boolean } {
  const match = BULLET.exec(text);
  if (!match) return { text, bullet: false };
  const rest = text.slice(match[0].length);
  // "o" as a bullet only when something follows; "- " only before text.
  if (!rest.trim()) return { text, bullet: false };
  return { text: `• ${rest}`, bullet: true };
}

/**
 * Joins the pages into one text with one source line per line: a word split by a line-end
 * hyphen is joined (the hyphen stays before a capital, "Noord-Holland", and before "en"/"of",
 * "school- en"), footnote markers and running lines are gone, bullets are "•".
 */
export function repairPages(pages: SourcePage[]): string {
  const lines: (string | null)[] = [];
  for (const page of dropRunningLines(pages)) {
    for (const line of page) lines.push(line.text.replace(/\s+$/u, '').replace(/\u00AD/g, ''));
    lines.push('');
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? null;
    if (line === null || !/\p{L}-$/u.test(line)) continue;
    // A hyphenated word: "persoon-" + "lijke gegevens" becomes "persoonlijke" + "gegevens".
    let j = i + 1;
    while (j < lines.length && lines[j]?.trim() === '') j++;
    const next = lines[j]?.trimStart() ?? '';
    const firstWord = /^[\p{L}/]+/u.exec(next)?.[0] ?? '';
    if (!firstWord || BULLET.test(next) || AFTER_COMPOUND_HYPHEN.has(firstWord.toLowerCase())) continue;
    const keepHyphen = /^\p{Lu}/u.test(firstWord);
    lines[i] = line.slice(0, keepHyphen ? line.length : -1) + firstWord;
    const rest = next.slice(firstWord.length).trimStart();
    // The blank lines between the halves were the page break or layout, not a paragraph break.
    for (let k = i + 1; k < j; k++) lines[k] = null;
    lines[j] = rest === '' ? null : rest;
  }
  // Private-use characters are font glyphs a PDF text layer leaks (a Wingdings tick, an arrow):
  // once a bullet among them has become "•", none of them is text, and an article holding one
  // fails validation (validate.ts), so the draft would be refused as our own bug.
  const out = lines.filter((l): l is string => l !== null).map((l) => dropFootnoteMarkers(normalizeBullet(l).text).replace(PRIVATE_USE, ''));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Plain text (a .txt file, a pasted web page, mammoth's output) as one page of lines. */
export function pagesFromText(text: string): SourcePage[] {
  // Form feeds separate pages in pdftotext output; keep that knowledge when it is there.
  return text
    .replace(/\r\n?/g, '\n')
    .split('\f')
    .map((page) => page.split('\n').map((line) => ({ text: line })));
}
