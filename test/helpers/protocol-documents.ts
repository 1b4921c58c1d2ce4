/**
 * Generators for the documents PostWijs has to read a school's social-media
 * protocol from: PDFs laid out the way Word exports them (with headers,
 * footers, footnotes, hyphenation and bullets as text-layer debris), .docx
 * files, and the broken or unreadable inputs users will upload anyway
 * (scans, encrypted PDFs, photos named .pdf, empty and truncated files).
 *
 * Everything is generated in code, so tests need no binary fixtures; to look
 * at a document, write it to disk with scripts/make-protocol-documents.ts.
 * The PDFs are byte-for-byte reproducible (seeded noise, fixed dates); the
 * .docx files carry the current time (the docx library stamps it) and the
 * encrypted PDF a fresh random key, so those match in content only.
 */
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { mulberry32 } from './prng.ts';
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';

// ---------------------------------------------------------------------------
// Default protocol text
// ---------------------------------------------------------------------------

/**
 * A short protocol in the shape schools publish: a title, numbered sections
 * with numbered articles, one bulleted list and one footnote marker
 * (`[^n: text]`, see {@link pdfFromText}).
 */
export const DEFAULT_PROTOCOL_TEXT = `Protocol sociale media Stichting Voorbeeld

1 Doel en reikwijdte

1.1 Dit protocol geldt voor alle medewerkers, stagiairs en vrijwilligers van de scholen van Stichting Voorbeeld. Het beschrijft hoe wij omgaan met sociale media, binnen en buiten werktijd, zodra er een verband is met de school, de leerlingen of hun ouders.

1.2 Onder sociale media verstaan wij alle openbare en besloten online platforms waarop gebruikers berichten, foto's en video's met elkaar delen, zoals Instagram, Facebook, LinkedIn, TikTok, X en WhatsApp-groepen.

2 Uitgangspunten

2.1 Medewerkers die zich op sociale media uitlaten over onderwijs of over hun werk, doen dat op persoonlijke titel. Zij maken in hun profiel of in het bericht duidelijk dat zij niet namens de stichting spreken.

2.2 Wie in een online discussie de naam van de werkgever noemt of laat zien waar hij of zij werkt, houdt er rekening mee dat lezers de berichten aan de school koppelen. Medewerkers voeren zulke discussies daarom respectvol en met terughoudendheid.

2.3 Medewerkers gebruiken sociale media niet tijdens de lessen, tenzij dat bij de les hoort en vooraf met de schoolleiding is afgestemd.

2.4 Berichten op de officiële accounts van de school worden geplaatst door medewerkers die daarvoor zijn aangewezen. Zij controleren vooraf of de inhoud klopt en of er toestemming is voor het gebruik van het beeldmateriaal.

3 Privacy van leerlingen

3.1 Foto's en video's waarop leerlingen herkenbaar in beeld zijn, worden alleen geplaatst als hun ouders of verzorgers daarvoor schriftelijk toestemming hebben gegeven. Leerlingen van zestien jaar en ouder geven die toestemming zelf.

3.2 Medewerkers delen geen persoonsgegevens[^1: Persoonsgegevens: alle gegevens waarmee iemand direct of indirect te herkennen is, zoals naam, adres, geboortedatum, leerlingnummer, foto of informatie over gezondheid.] van leerlingen, ouders of collega's. Denk daarbij aan:
- namen in combinatie met een klas of groep;
- adressen, telefoonnummers en e-mailadressen;
- gegevens over gezondheid, gedrag of schoolresultaten.

3.3 Ouders en leerlingen kunnen een gegeven toestemming op elk moment intrekken via de leerlingadministratie. De school verwijdert de betreffende beelden dan zo snel als redelijkerwijs mogelijk is.

4 Gedrag en omgangsvormen

4.1 Pesten, bedreigen, beledigen of discrimineren via sociale media is nooit toegestaan, ook niet in besloten groepen. Medewerkers melden zulke berichten bij de schoolleiding of bij de vertrouwenspersoon.

4.2 Vertrouwelijke informatie over leerlingen, collega's, ouders of de organisatie wordt niet gedeeld. Dat geldt ook voor interne besluiten en voor verslagen van vergaderingen die nog niet openbaar zijn.

4.3 Medewerkers gaan op hun persoonlijke accounts geen vriendschapsverzoeken aan met leerlingen. Contact met leerlingen en ouders loopt via de kanalen die de school daarvoor heeft ingericht.

5 Slotbepalingen

5.1 Bij twijfel overlegt de medewerker vooraf met de schoolleiding. Handelen in strijd met dit protocol kan leiden tot een gesprek en, afhankelijk van de ernst, tot disciplinaire maatregelen.

5.2 Dit protocol is vastgesteld door het college van bestuur na instemming van de gemeenschappelijke medezeggenschapsraad en wordt elke twee jaar geëvalueerd.
`;

/** The header, footer and debris a typical Word export of the protocol carries. */
export const WORD_EXPORT_DEBRIS: PdfOptions = {
  header: 'Protocol sociale media – Stichting Voorbeeld',
  footer: (page, pages) => `Pagina ${page} van ${pages}`,
  footnotes: true,
  hyphenate: true,
  bullets: true,
};

/** User password of {@link encryptedPdf}. */
export const ENCRYPTED_PDF_PASSWORD = 'geheim';

// ---------------------------------------------------------------------------
// Text model shared by the PDF and .docx generators
// ---------------------------------------------------------------------------

export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; text: string };

export interface Footnote {
  n: number;
  text: string;
}

/** `[^2: text]`, plus the whitespace before it, so the mark glues to the preceding word. */
const NOTE_MARK = /\s*\[\^(\d+):\s*([^\]]*)\]/g;

/**
 * Splits plain text into blocks: blank lines separate blocks, a block that is
 * one short line without closing punctuation is a heading, and "- " lines are
 * bullet items (following lines without "- " continue the item, as in
 * hard-wrapped .txt files); a line that starts with "1.", "A." or "b)" starts a paragraph. The first block, if a heading, is the title (level 1).
 */
export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const [first] = lines;
    if (first === undefined) continue;
    if (lines.length === 1 && isHeadingLine(first)) {
      blocks.push({ kind: 'heading', text: first, level: blocks.length === 0 ? 1 : 2 });
      continue;
    }
    blocks.push(...chunkBlocks(lines));
  }
  return blocks;
}

function isHeadingLine(line: string): boolean {
  return line.length <= 60 && !line.startsWith('- ') && !/[.,;:!?]$/.test(line);
}

function chunkBlocks(lines: string[]): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  for (const line of lines) {
    if (line.startsWith('- ')) {
      current = { kind: 'bullet', text: line.slice(2).trim() };
      out.push(current);
    } else if (current && /^(?:\d{1,3}(?:\.\d{1,2})*[.)]|[A-Za-z][.)])\s+\S/.test(line)) {
      // "1. …", "A.2 …" or "b) …" on a line of its own is a new numbered paragraph, as in the
      // protocols' own texts (which list articles line by line without blank lines between).
      current = { kind: 'paragraph', text: line };
      out.push(current);
    } else if (current) {
      current.text += ` ${line}`;
    } else {
      current = { kind: 'paragraph', text: line };
      out.push(current);
    }
  }
  return out;
}

/** Text and footnote marks in reading order. */
export function splitFootnotes(text: string): Array<string | Footnote> {
  const out: Array<string | Footnote> = [];
  let last = 0;
  for (const match of text.matchAll(NOTE_MARK)) {
    out.push(text.slice(last, match.index));
    out.push({ n: Number(match[1]), text: (match[2] ?? '').trim() });
    last = match.index + match[0].length;
  }
  out.push(text.slice(last));
  return out.filter((part) => part !== '');
}

/** "1.2 Tekst" → number "1.2", depth 1, rest "Tekst"; undefined for unnumbered text. */
function articleNumber(text: string): { number: string; depth: number; rest: string } | undefined {
  const match = /^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S[\s\S]*)$/.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { number: match[1], depth: match[1].split('.').length - 1, rest: match[2] };
}

// ---------------------------------------------------------------------------
// PDF: Word-export-like layout
// ---------------------------------------------------------------------------

export interface PdfOptions {
  /** Printed at the top of every page. */
  header?: string;
  /** Printed at the bottom of every page, e.g. `Pagina 3 van 9`. */
  footer?: (page: number, pages: number) => string;
  /** Render `[^n: text]` as superscript n plus a footnote at the page bottom (otherwise the marks are dropped). */
  footnotes?: boolean;
  /** Split long words at line end ("persoons-" / "gegevens"). */
  hyphenate?: boolean;
  /** Draw "- " lines as indented bullets, alternating "•" and the Symbol-font private-use bullet U+F0B7. */
  bullets?: boolean;
  /** Body font size in points (default 11, as in Word). */
  fontSize?: number;
  /** Repeat the body with renumbered articles until the PDF has at least this many pages. */
  minPages?: number;
}

/** A4 with Word's default 2.54 cm margins. */
const PAGE = { width: 595.28, height: 841.89, margin: 72 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BODY_FONT = 'Helvetica';
const BOLD_FONT = 'Helvetica-Bold';
const BULLET_X = 18;
const BULLET_TEXT_X = 36;
/** Space between body text and the footnote separator. */
const NOTE_GAP = 12;

/** Fixed metadata: pdfkit would otherwise stamp the current time, and the bytes would differ per run. */
const PDF_INFO = {
  Title: 'Protocol sociale media',
  Author: 'Stichting Voorbeeld',
  Creator: 'PostWijs test documents',
  CreationDate: new Date(Date.UTC(2024, 8, 1, 9, 0, 0)),
};

interface Style {
  font: string;
  size: number;
  lineHeight: number;
}

/** A piece of a word: superscript pieces are footnote reference digits. */
interface Piece {
  text: string;
  sup: boolean;
}

/** One word as laid out: its pieces and the footnotes it references. */
interface Token {
  pieces: Piece[];
  notes: Footnote[];
}

interface Measure {
  space: number;
  text(text: string): number;
  token(token: Token): number;
}

const SUP_SCALE = 0.58;
const SUP_RISE = 0.33;

/**
 * Splits text into words, turning footnote marks into superscript pieces glued
 * to the preceding word (or dropping them when footnotes are off).
 */
function tokenize(text: string, withNotes: boolean): Token[] {
  const notes: Footnote[] = [];
  // A placeholder that cannot occur in text keeps the mark inside its word when splitting on spaces.
  const marked = text.replace(NOTE_MARK, (_all, n: string, body: string) => {
    notes.push({ n: Number(n), text: body.trim() });
    return `\u0001${notes.length - 1}\u0001`;
  });
  return marked
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => wordToken(word, notes, withNotes))
    .filter((token) => token.pieces.length > 0);
}

function wordToken(word: string, notes: Footnote[], withNotes: boolean): Token {
  const token: Token = { pieces: [], notes: [] };
  word.split('\u0001').forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) token.pieces.push({ text: part, sup: false });
      return;
    }
    const note = notes[Number(part)];
    if (!note || !withNotes) return;
    token.pieces.push({ text: String(note.n), sup: true });
    token.notes.push(note);
  });
  return token;
}

function plainToken(text: string): Token {
  return { pieces: [{ text, sup: false }], notes: [] };
}

function measurer(doc: PDFKit.PDFDocument, style: Style): Measure {
  const width = (text: string, size: number): number =>
    doc.font(style.font).fontSize(size).widthOfString(text);
  return {
    space: width(' ', style.size),
    text: (text) => width(text, style.size),
    token: (token) =>
      token.pieces.reduce(
        (sum, piece) => sum + width(piece.text, piece.sup ? style.size * SUP_SCALE : style.size),
        0,
      ),
  };
}

/**
 * Greedy line breaking on measured widths, like Word's. With hyphenation, a
 * word that does not fit is split at a syllable boundary if its head plus "-"
 * still fits, which puts a hyphen at the end of the line in the text layer.
 */
function wrapTokens(tokens: Token[], width: number, measure: Measure, hyphenate: boolean): Token[][] {
  const lines: Token[][] = [];
  const queue = [...tokens];
  let line: Token[] = [];
  let used = 0;
  for (let token = queue.shift(); token; token = queue.shift()) {
    const gap = line.length > 0 ? measure.space : 0;
    const tokenWidth = measure.token(token);
    if (used + gap + tokenWidth <= width) {
      line.push(token);
      used += gap + tokenWidth;
      continue;
    }
    const split = hyphenate ? hyphenSplit(token, width - used - gap, measure) : undefined;
    if (split) {
      line.push(split[0]);
      queue.unshift(split[1]);
    } else if (line.length === 0) {
      line.push(token); // wider than the column: it gets a line of its own
    } else {
      queue.unshift(token);
    }
    lines.push(line);
    line = [];
    used = 0;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

const VOWELS = /[aeiouyàáâäèéêëìíîïòóôöùúûü]/i;
const LOWER = /\p{Ll}/u;

/** Dutch-ish syllable boundary: before a consonant that starts a syllable (ge|ge|vens, per|soons). */
function isSyllableBreak(word: string, i: number): boolean {
  const before = word[i - 1] ?? '';
  const at = word[i] ?? '';
  const after = word[i + 1] ?? '';
  if (![before, at, after].every((c) => LOWER.test(c))) return false;
  if (VOWELS.test(at) || !VOWELS.test(after)) return false;
  // Keep the digraphs "ch" (school) and "ij" (tijd) together.
  return !((before === 'c' && at === 'h') || (before === 'i' && at === 'j'));
}

function hyphenSplit(token: Token, room: number, measure: Measure): [Token, Token] | undefined {
  const [piece] = token.pieces;
  if (token.pieces.length !== 1 || !piece || piece.sup || piece.text.length < 8) return undefined;
  const word = piece.text;
  if (/.\p{Lu}/u.test(word)) return undefined; // LinkedIn, WhatsApp: Word does not split brand names
  for (let i = word.length - 3; i >= 3; i--) {
    if (!isSyllableBreak(word, i)) continue;
    const head = `${word.slice(0, i)}-`;
    if (measure.text(head) <= room) return [plainToken(head), plainToken(word.slice(i))];
  }
  return undefined;
}

/**
 * Draws text with its baseline at `baseline` and returns its advance. Never
 * wraps, so pdfkit cannot add pages behind the layout's back.
 */
function drawText(doc: PDFKit.PDFDocument, text: string, x: number, baseline: number, font: string, size: number): number {
  doc.font(font).fontSize(size).text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  return doc.widthOfString(text);
}

/** One PDF font object per document for the Symbol-font bullet, see {@link drawSymbolBullet}. */
const symbolFonts = new WeakMap<PDFKit.PDFDocument, PDFKit.PDFKitReference>();

/**
 * The ToUnicode map Word writes for Symbol-font bullets: the glyph is the
 * Symbol bullet, but its Unicode is the private-use U+F0B7, which is what
 * text extraction then reports instead of "•".
 */
const SYMBOL_BULLET_CMAP = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
1 beginbfchar
<B7> <F0B7>
endbfchar
endcmap
CMapName currentdict /CMapName get exch /CMap defineresource pop
end
end`;

function symbolFont(doc: PDFKit.PDFDocument): PDFKit.PDFKitReference {
  const existing = symbolFonts.get(doc);
  if (existing) return existing;
  const cmap = doc.ref({});
  cmap.end(SYMBOL_BULLET_CMAP);
  const font = doc.ref({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Symbol', ToUnicode: cmap });
  font.end(undefined);
  symbolFonts.set(doc, font);
  return font;
}

/**
 * pdfkit encodes every standard font as WinAnsi and writes no ToUnicode, so
 * the private-use bullet has to be written as raw content with a font object
 * of our own.
 */
function drawSymbolBullet(doc: PDFKit.PDFDocument, x: number, baseline: number, size: number): void {
  doc.page.fonts.PWSymbol = symbolFont(doc);
  doc.save();
  // pdfkit's pages draw with y pointing down; undo that, as pdfkit's own text code does.
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  const y = doc.page.height - baseline;
  doc.addContent(`BT /PWSymbol ${size.toFixed(2)} Tf 1 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)} Tm <B7> Tj ET`);
  doc.restore();
}

/**
 * Lays blocks out page by page, keeping track of the footnotes each page
 * needs so their space is reserved before a line that references one.
 */
class WordExportLayout {
  private y: number = PAGE.margin;
  private pageCount = 1;
  private pageNotes: Footnote[] = [];
  private bulletCount = 0;
  private readonly body: Style;
  private readonly headings: Record<1 | 2, Style>;
  private readonly note: Style;
  private readonly noteLines = new Map<Footnote, Token[][]>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly opts: PdfOptions,
  ) {
    const size = opts.fontSize ?? 11;
    this.body = { font: BODY_FONT, size, lineHeight: size * 1.3 };
    this.headings = {
      1: { font: BOLD_FONT, size: size * 1.5, lineHeight: size * 1.9 },
      2: { font: BOLD_FONT, size: size * 1.15, lineHeight: size * 1.5 },
    };
    this.note = { font: BODY_FONT, size: size * 0.8, lineHeight: size * 0.8 * 1.25 };
    this.drawHeader();
  }

  get pages(): number {
    return this.pageCount;
  }

  block(block: Block): void {
    const size = this.body.size;
    if (block.kind === 'heading') {
      // Keep a heading with at least two lines of what follows, as Word does.
      this.flow(block.text, this.headings[block.level], 0, size * 0.9, size * 0.3, 2 * this.body.lineHeight);
    } else if (block.kind === 'paragraph') {
      this.flow(block.text, this.body, 0, 0, size * 0.6, 0);
    } else if (this.opts.bullets) {
      this.bullet(block.text);
    } else {
      this.flow(`- ${block.text}`, this.body, 0, 0, size * 0.2, 0);
    }
  }

  /** Prints the last page's footnotes; call once after the last block. */
  finish(): void {
    this.drawNotes();
  }

  private bullet(text: string): void {
    const symbol = this.bulletCount++ % 2 === 1;
    this.flow(text, this.body, BULLET_TEXT_X, 0, this.body.size * 0.2, 0, (baseline) => {
      const x = PAGE.margin + BULLET_X;
      if (symbol) drawSymbolBullet(this.doc, x, baseline, this.body.size);
      else drawText(this.doc, '•', x, baseline, BODY_FONT, this.body.size);
    });
  }

  private flow(
    text: string,
    style: Style,
    indent: number,
    before: number,
    after: number,
    keepWithNext: number,
    marker?: (baseline: number) => void,
  ): void {
    const tokens = tokenize(text, this.opts.footnotes === true);
    const lines = wrapTokens(tokens, CONTENT_WIDTH - indent, measurer(this.doc, style), this.opts.hyphenate === true);
    if (this.y > PAGE.margin) this.y += before;
    lines.forEach((line, i) => {
      const notes = line.flatMap((token) => token.notes);
      this.ensureRoom(style.lineHeight + (i === 0 ? keepWithNext : 0), notes);
      const baseline = this.y + style.size;
      if (i === 0) marker?.(baseline); // before the text, so the text layer reads "• item" as Word's does
      this.drawLine(line, PAGE.margin + indent, baseline, style);
      this.pageNotes.push(...notes);
      this.y += style.lineHeight;
    });
    this.y += after;
  }

  /** Starts a new page unless `height` plus the page's footnotes still fit. */
  private ensureRoom(height: number, newNotes: Footnote[]): void {
    const limit = PAGE.height - PAGE.margin - this.notesHeight([...this.pageNotes, ...newNotes]);
    if (this.y + height > limit && this.y > PAGE.margin) this.newPage();
  }

  private newPage(): void {
    this.drawNotes();
    this.doc.addPage();
    this.pageCount++;
    this.pageNotes = [];
    this.y = PAGE.margin;
    this.drawHeader();
  }

  /** Word exports draw the header before the body, so it comes first in the text layer. */
  private drawHeader(): void {
    if (!this.opts.header) return;
    this.doc.fillColor('#555555');
    drawText(this.doc, this.opts.header, PAGE.margin, 42, BODY_FONT, 9);
    this.doc.fillColor('black');
  }

  /** Draws a line, switching to a smaller raised font for footnote digits. */
  private drawLine(line: Token[], x: number, baseline: number, style: Style): void {
    let run = '';
    let cursor = x;
    const flush = (): void => {
      if (run) cursor += drawText(this.doc, run, cursor, baseline, style.font, style.size);
      run = '';
    };
    line.forEach((token, i) => {
      if (i > 0) run += ' ';
      for (const piece of token.pieces) {
        if (!piece.sup) {
          run += piece.text;
          continue;
        }
        flush();
        const rise = style.size * SUP_RISE;
        cursor += drawText(this.doc, piece.text, cursor, baseline - rise, style.font, style.size * SUP_SCALE);
      }
    });
    flush();
  }

  private linesOfNote(note: Footnote): Token[][] {
    let lines = this.noteLines.get(note);
    if (!lines) {
      const tokens = [{ pieces: [{ text: String(note.n), sup: true }], notes: [] }, ...tokenize(note.text, false)];
      lines = wrapTokens(tokens, CONTENT_WIDTH, measurer(this.doc, this.note), false);
      this.noteLines.set(note, lines);
    }
    return lines;
  }

  private notesHeight(notes: Footnote[]): number {
    if (notes.length === 0) return 0;
    const lines = notes.reduce((sum, note) => sum + this.linesOfNote(note).length, 0);
    return NOTE_GAP + lines * this.note.lineHeight;
  }

  /** Footnotes sit at the bottom margin under a short rule, as in Word. */
  private drawNotes(): void {
    if (this.pageNotes.length === 0) return;
    const top = PAGE.height - PAGE.margin - this.notesHeight(this.pageNotes);
    this.doc.save().lineWidth(0.5).moveTo(PAGE.margin, top + 4).lineTo(PAGE.margin + 144, top + 4).stroke().restore();
    let y = top + NOTE_GAP;
    for (const note of this.pageNotes) {
      for (const line of this.linesOfNote(note)) {
        this.drawLine(line, PAGE.margin, y + this.note.size, this.note);
        y += this.note.lineHeight;
      }
    }
  }
}

/** Lays out the text, then pads with renumbered copies of the body until `minPages` is reached. */
function layoutProtocol(layout: WordExportLayout, blocks: Block[], minPages: number): void {
  blocks.forEach((block) => layout.block(block));
  const body = blocks.filter((block, i) => !(i === 0 && block.kind === 'heading'));
  if (body.length === 0) return;
  const articleStep = Math.max(0, ...body.map((block) => leadingNumber(block.text)));
  const noteStep = Math.max(0, ...body.flatMap((block) => [...block.text.matchAll(NOTE_MARK)].map((m) => Number(m[1]))));
  for (let round = 1; layout.pages < minPages; round++) {
    for (const block of body) {
      layout.block(renumber(block, round * articleStep, round * noteStep));
      // Not right after a heading: a document does not end on a heading alone.
      if (layout.pages >= minPages && block.kind !== 'heading') return;
    }
  }
}

function leadingNumber(text: string): number {
  const match = /^(?:Artikel\s+)?(\d+)(?=[.\s])/i.exec(text);
  return match?.[1] ? Number(match[1]) : 0;
}

/** "1.2 ..." → "6.2 ..." and "[^1:" → "[^2:", so padding reads like further articles. */
function renumber(block: Block, articleOffset: number, noteOffset: number): Block {
  const text = block.text
    .replace(/^(Artikel\s+)?(\d+)(?=[.\s])/i, (_all, prefix: string | undefined, n: string) => `${prefix ?? ''}${Number(n) + articleOffset}`)
    .replace(/\[\^(\d+):/g, (_all, n: string) => `[^${Number(n) + noteOffset}:`);
  return { ...block, text };
}

/** The footer needs the final page count ("Pagina 3 van 9"), so it is stamped on the buffered pages at the end. */
function stampFooters(doc: PDFKit.PDFDocument, opts: PdfOptions): void {
  if (!opts.footer) return;
  const { start, count } = doc.bufferedPageRange();
  doc.fillColor('#555555');
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const footer = opts.footer(i + 1, count);
    const width = doc.font(BODY_FONT).fontSize(9).widthOfString(footer);
    drawText(doc, footer, (PAGE.width - width) / 2, PAGE.height - 36, BODY_FONT, 9);
  }
  doc.fillColor('black');
}

function newPdf(extra: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocument {
  return new PDFDocument({ size: 'A4', margin: PAGE.margin, bufferPages: true, info: PDF_INFO, ...extra });
}

/** Collects pdfkit's output; must be called before `doc.end()`. */
function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(plainBytes(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

/**
 * A plain Uint8Array with its own ArrayBuffer: pdf.js refuses Node Buffers,
 * and a view on Node's shared buffer pool could be detached when pdf.js
 * transfers it.
 */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

async function renderProtocolPdf(
  text: string,
  opts: PdfOptions,
  extra: PDFKit.PDFDocumentOptions = {},
  appendix?: (doc: PDFKit.PDFDocument) => void,
): Promise<Uint8Array> {
  const doc = newPdf(extra);
  const bytes = collect(doc);
  const layout = new WordExportLayout(doc, opts);
  layoutProtocol(layout, parseBlocks(text), opts.minPages ?? 0);
  layout.finish();
  appendix?.(doc);
  stampFooters(doc, opts);
  doc.end();
  return bytes;
}

/**
 * An A4 PDF with a real text layer, laid out like a Word export of `text`
 * (paragraphs separated by blank lines, headings on lines of their own,
 * "- " bullet lines, `[^n: text]` footnote marks).
 */
export function pdfFromText(text: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  return renderProtocolPdf(text, opts);
}

/** The protocol PDF, protected with {@link ENCRYPTED_PDF_PASSWORD} as user password (AES-128). */
export function encryptedPdf(text: string = DEFAULT_PROTOCOL_TEXT): Promise<Uint8Array> {
  return renderProtocolPdf(text, {}, {
    userPassword: ENCRYPTED_PDF_PASSWORD,
    ownerPassword: 'eigenaar-voorbeeld',
    pdfVersion: '1.7',
    permissions: { printing: 'highResolution' },
  });
}

/**
 * A protocol PDF of at least `bytes` bytes: the text pages plus an appendix
 * page with a noise image, which no compression can shrink.
 */
export function largePdf(bytes: number = 5 * 1024 * 1024, text: string = DEFAULT_PROTOCOL_TEXT): Promise<Uint8Array> {
  const width = 1600;
  const height = Math.max(1, Math.ceil(bytes / width));
  // Stored (level 0) deflate: the noise would not compress anyway, and storing is much faster.
  const png = encodePng(noise(width * height, 0x5eed), width, height, 1, 0);
  return renderProtocolPdf(text, {}, {}, (doc) => {
    doc.addPage();
    drawText(doc, 'Bijlage 1 – Foto schoolplein', PAGE.margin, PAGE.margin + 12, BOLD_FONT, 12);
    doc.image(Buffer.from(png), PAGE.margin, PAGE.margin + 30, { fit: [CONTENT_WIDTH, PAGE.height - 2 * PAGE.margin - 30] });
  });
}

// ---------------------------------------------------------------------------
// Scanned PDF: pictures of text, no text layer
// ---------------------------------------------------------------------------

/**
 * A 5×7 bitmap font (rows top to bottom as hex, bit 4 is the left column;
 * g, j, p, q and y have two extra rows for their descenders), enough to make
 * a scan look like printed text without a font renderer.
 */
const GLYPHS: Record<string, string> = {
  A: '0e11111f111111', B: '1e11111e11111e', C: '0e11101010110e', D: '1c12111111121c',
  E: '1f10101e10101f', F: '1f10101e101010', G: '0e11101711110f', H: '1111111f111111',
  I: '0e04040404040e', J: '0702020202120c', K: '11121418141211', L: '1010101010101f',
  M: '111b1515111111', N: '11111915131111', O: '0e11111111110e', P: '1e11111e101010',
  Q: '0e11111115120d', R: '1e11111e141211', S: '0f10100e01011e', T: '1f040404040404',
  U: '1111111111110e', V: '11111111110a04', W: '1111111515150a', X: '11110a040a1111',
  Y: '1111110a040404', Z: '1f01020408101f',
  a: '00000e010f110f', b: '1010161911111e', c: '00000e1010110e', d: '01010d1311110f',
  e: '00000e111f100e', f: '0609081c080808', g: '00000f1111110f010e', h: '10101619111111',
  i: '04000c0404040e', j:'02000602020202120c', k: '10101214181412', l: '0c04040404040e',
  m: '00001a15151111', n: '00001619111111', o: '00000e1111110e', p: '00001e1111111e1010',
  q: '00000f1111110f0101', r: '00001619101010', s: '00000e100e011e', t: '08081c08080906',
  u: '0000111111130d', v: '00001111110a04', w: '0000111115150a', x: '0000110a040a11',
  y:'0000111111110f010e', z: '00001f0204081f',
  '0': '0e11131519110e', '1': '040c040404040e', '2': '0e11010204081f', '3': '1f02040201110e',
  '4': '02060a121f0202', '5': '1f101e0101110e', '6': '0608101e11110e', '7': '1f010204080808',
  '8': '0e11110e11110e', '9': '0e11110f01020c',
  '.': '00000000000c0c', ',': '000000000c0408', ':': '000c0c000c0c00', ';': '000c0c000c0408',
  '-': '0000001f000000', '(': '02040808080402', ')': '08040202020408', "'": '0c040800000000',
  '/': '00010204081000', '!': '04040404040004', '?': '0e110102040004',
};

const SCAN = { width: 1240, height: 1754, dpi: 150, scale: 2, margin: 150, lineHeight: 24 } as const;
const SCAN_COLUMNS = Math.floor((SCAN.width - 2 * SCAN.margin) / (6 * SCAN.scale));
const SCAN_ROWS = Math.floor((SCAN.height - 2 * SCAN.margin) / SCAN.lineHeight);

/** The protocol as typewriter lines: footnote marks dropped, accents stripped for the bitmap font. */
function monospaceLines(text: string, columns: number): string[] {
  const lines: string[] = [];
  for (const block of parseBlocks(text)) {
    const plain = splitFootnotes(block.text)
      .filter((part): part is string => typeof part === 'string')
      .join('')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    const prefix = block.kind === 'bullet' ? '- ' : '';
    lines.push(...wrapChars(prefix + plain, columns), '');
  }
  return lines;
}

function wrapChars(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A grey page with specks and dark bitmap text, as a flatbed scanner delivers it. */
function scanPage(lines: string[], seed: number): Uint8Array {
  const pixels = new Uint8Array(SCAN.width * SCAN.height).fill(246);
  const random = mulberry32(seed);
  for (let i = 0; i < 4000; i++) pixels[Math.floor(random() * pixels.length)] = 120 + Math.floor(random() * 80);
  lines.slice(0, SCAN_ROWS).forEach((line, row) => {
    [...line].forEach((char, col) => {
      drawGlyph(pixels, GLYPHS[char], SCAN.margin + col * 6 * SCAN.scale, SCAN.margin + row * SCAN.lineHeight);
    });
  });
  return pixels;
}

function drawGlyph(pixels: Uint8Array, glyph: string | undefined, left: number, top: number): void {
  if (!glyph) return;
  for (let row = 0; row < glyph.length / 2; row++) {
    const bits = parseInt(glyph.slice(row * 2, row * 2 + 2), 16);
    for (let col = 0; col < 5; col++) {
      if ((bits & (0x10 >> col)) === 0) continue;
      fillRect(pixels, left + col * SCAN.scale, top + row * SCAN.scale, SCAN.scale, 40);
    }
  }
}

function fillRect(pixels: Uint8Array, x: number, y: number, size: number, value: number): void {
  for (let dy = 0; dy < size; dy++) pixels.fill(value, (y + dy) * SCAN.width + x, (y + dy) * SCAN.width + x + size);
}

/** A 2-page PDF of page images only: there is not a single text operator in it. */
export async function scannedPdf(text: string = DEFAULT_PROTOCOL_TEXT): Promise<Uint8Array> {
  const lines = monospaceLines(text, SCAN_COLUMNS);
  const half = Math.ceil(lines.length / 2);
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { ...PDF_INFO, Creator: 'Scanner' } });
  const bytes = collect(doc);
  [lines.slice(0, half), lines.slice(half)].forEach((pageLines, i) => {
    doc.addPage();
    const png = encodePng(scanPage(pageLines, i + 1), SCAN.width, SCAN.height, 1);
    doc.image(Buffer.from(png), 0, 0, { width: PAGE.width, height: PAGE.height });
  });
  doc.end();
  return bytes;
}

// ---------------------------------------------------------------------------
// PNG encoding and noise
// ---------------------------------------------------------------------------

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * A minimal PNG encoder (8-bit grey or RGB, no filtering, no interlace):
 * exactly the kind of PNG pdfkit embeds without re-encoding.
 */
export function encodePng(pixels: Uint8Array, width: number, height: number, channels: 1 | 3, level = 6): Uint8Array {
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height); // each row starts with filter type 0 (None)
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 1 ? 0 : 2, 0, 0, 0], 8);
  return plainBytes(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(raw, { level })),
      pngChunk('IEND', new Uint8Array(0)),
    ]),
  );
}

/** `length` pseudo-random bytes (xorshift32: fast enough for megabytes). */
function noise(length: number, seed: number): Uint8Array {
  const words = new Uint32Array(Math.ceil(length / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return new Uint8Array(words.buffer, 0, length);
}

/** A small landscape "photo" (sky, sun, grass) as PNG, for users who upload a picture named .pdf. */
export async function photoAsPdf(): Promise<Uint8Array> {
  const width = 96;
  const height = 64;
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      pixels.set(photoPixel(x, y, height), (y * width + x) * 3);
    }
  }
  return encodePng(pixels, width, height, 3);
}

function photoPixel(x: number, y: number, height: number): [number, number, number] {
  if (Math.hypot(x - 70, y - 16) < 9) return [250, 220, 80];
  if (y > height * 0.65) return [40, 130 + ((x * 7 + y * 3) % 30), 50];
  return [110 + y * 2, 160 + y, 235];
}

// ---------------------------------------------------------------------------
// Broken inputs
// ---------------------------------------------------------------------------

/** Zero bytes, as a failed download or an empty upload gives. */
export async function emptyFile(): Promise<Uint8Array> {
  return new Uint8Array(0);
}

/**
 * A PDF header, the first part of a real PDF's body cut off mid-stream (no
 * catalog, no xref, no trailer) and random bytes: an interrupted download.
 */
export async function corruptPdf(): Promise<Uint8Array> {
  const real = await pdfFromText(DEFAULT_PROTOCOL_TEXT);
  const header = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const bodyStart = real.indexOf(0x0a) + 1; // skip pdfkit's own header line
  const truncated = real.subarray(bodyStart, Math.floor(real.length * 0.3));
  return plainBytes(Buffer.concat([header, truncated, noise(2048, 0xbad)]));
}

/** A .docx (zip) cut off halfway, so its central directory is missing. */
export async function corruptDocx(): Promise<Uint8Array> {
  const real = await docxFromText(DEFAULT_PROTOCOL_TEXT);
  return real.slice(0, Math.floor(real.length / 2));
}

// ---------------------------------------------------------------------------
// .docx
// ---------------------------------------------------------------------------

export interface DocxOptions {
  /** Put the articles of every second section in an "Artikel | Tekst" table, and add a header and footer. */
  tables?: boolean;
  /** Use Word auto-numbering for numbered headings and articles; the numbers then vanish from the text. */
  numbering?: boolean;
}

const NUMBERING_REFERENCE = 'protocol-artikelen';

/** Multilevel list "1", "1.1", "1.1.1", as schools number sections and articles. */
const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: NUMBERING_REFERENCE,
      levels: ['%1', '%1.%2', '%1.%2.%3'].map((text, level) => ({
        level,
        format: LevelFormat.DECIMAL,
        text,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 567 } } },
      })),
    },
  ],
};

/**
 * A .docx of `text`: the title as Heading 1, other headings as Heading 2,
 * paragraphs, "- " lines as bulleted list items, and `[^n: text]` marks as
 * real Word footnotes.
 */
export async function docxFromText(text: string, opts: DocxOptions = {}): Promise<Uint8Array> {
  const blocks = parseBlocks(text);
  const first = blocks[0];
  const title = first?.kind === 'heading' ? first.text : 'Protocol sociale media';
  const doc = new Document({
    creator: 'Stichting Voorbeeld',
    title,
    numbering: NUMBERING,
    footnotes: docxFootnotes(blocks),
    sections: [
      {
        headers: opts.tables ? { default: docxHeader(title) } : undefined,
        footers: opts.tables ? { default: docxFooter() } : undefined,
        children: opts.tables ? withArticleTables(blocks, opts) : blocks.map((block) => docxParagraph(block, opts)),
      },
    ],
  });
  return plainBytes(await Packer.toBuffer(doc));
}

function docxRuns(text: string): ParagraphChild[] {
  return splitFootnotes(text).map((part) =>
    typeof part === 'string' ? new TextRun(part) : new FootnoteReferenceRun(part.n),
  );
}

function docxFootnotes(blocks: Block[]): Record<string, { children: Paragraph[] }> {
  const notes: Record<string, { children: Paragraph[] }> = {};
  for (const part of blocks.flatMap((block) => splitFootnotes(block.text))) {
    if (typeof part !== 'string') notes[String(part.n)] ??= { children: [new Paragraph(part.text)] };
  }
  return notes;
}

function docxParagraph(block: Block, opts: DocxOptions): Paragraph {
  if (block.kind === 'bullet') {
    return new Paragraph({ children: docxRuns(block.text), bullet: { level: 0 } });
  }
  const numbered = opts.numbering ? articleNumber(block.text) : undefined;
  const heading = block.kind === 'heading' ? (block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2) : undefined;
  return new Paragraph({
    children: docxRuns(numbered ? numbered.rest : block.text),
    heading,
    numbering: numbered ? { reference: NUMBERING_REFERENCE, level: Math.min(numbered.depth, 2) } : undefined,
    spacing: { after: 120 },
  });
}

function docxHeader(title: string): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: title, size: 18, color: '666666' })] })],
  });
}

function docxFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES], size: 18 })],
      }),
    ],
  });
}

interface Section {
  heading?: Block;
  body: Block[];
}

function sections(blocks: Block[]): Section[] {
  const out: Section[] = [{ body: [] }];
  for (const block of blocks) {
    if (block.kind === 'heading') out.push({ heading: block, body: [] });
    else out[out.length - 1]?.body.push(block);
  }
  return out.filter((section) => section.heading || section.body.length > 0);
}

/** An article: its number and its blocks (the first without the number; bullets that follow belong to it). */
interface Article {
  number: string;
  blocks: Block[];
}

function splitArticles(body: Block[]): { intro: Block[]; articles: Article[] } {
  const intro: Block[] = [];
  const articles: Article[] = [];
  for (const block of body) {
    const numbered = block.kind === 'paragraph' ? articleNumber(block.text) : undefined;
    const last = articles[articles.length - 1];
    if (numbered) articles.push({ number: numbered.number, blocks: [{ kind: 'paragraph', text: numbered.rest }] });
    else if (last) last.blocks.push(block);
    else intro.push(block);
  }
  return { intro, articles };
}

/** Sections alternate between plain numbered paragraphs and a table, so one document has both. */
function withArticleTables(blocks: Block[], opts: DocxOptions): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  let articleSections = 0;
  for (const section of sections(blocks)) {
    if (section.heading) out.push(docxParagraph(section.heading, opts));
    const { intro, articles } = splitArticles(section.body);
    const tabular = articles.length > 0 && articleSections++ % 2 === 1;
    if (!tabular) {
      out.push(...section.body.map((block) => docxParagraph(block, opts)));
      continue;
    }
    out.push(...intro.map((block) => docxParagraph(block, opts)), articleTable(articles));
  }
  return out;
}

function articleTable(articles: Article[]): Table {
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA } });
  const headerCell = (text: string, width: number): TableCell =>
    cell([new Paragraph({ children: [new TextRun({ text, bold: true })] })], width);
  return new Table({
    width: { size: 9000, type: WidthType.DXA },
    columnWidths: [1400, 7600],
    rows: [
      new TableRow({ tableHeader: true, children: [headerCell('Artikel', 1400), headerCell('Tekst', 7600)] }),
      ...articles.map(
        (article) =>
          new TableRow({
            children: [
              cell([new Paragraph(article.number)], 1400),
              cell(article.blocks.map((block) => docxParagraph(block, {})), 7600),
            ],
          }),
      ),
    ],
  });
}
