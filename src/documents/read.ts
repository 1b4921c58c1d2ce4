// Reads a school's protocol document into pages of lines for drafting: PDF (its text layer, via
// pdfjs-dist), Word .docx (via mammoth), or plain text. Runs on the device only: in the review
// page and in the CLI. Which pdfjs build to use differs between the two (a worker in the page,
// the legacy build in Node), so the caller hands it in.
//
// Anything that is not a readable protocol document ends in a DocumentError whose reason the
// caller turns into a one-line message (documentErrorMessage) and nothing else changes.
import type { SourceLine, SourcePage } from '../drafting/repair.ts';
import { htmlToLines } from './docx-html.ts';

export type DocumentErrorReason = 'empty' | 'too-large' | 'scanned' | 'password' | 'image' | 'corrupt' | 'unsupported';

export class DocumentError extends Error {
  constructor(
    readonly reason: DocumentErrorReason,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

/** Bigger than any protocol with a logo and a few photos; reading more would only stall. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The part of pdfjs-dist that reading needs (both its builds have it). */
export interface PdfJs {
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean; standardFontDataUrl?: string; useSystemFonts?: boolean; disableFontFace?: boolean; stopAtErrors?: boolean; verbosity?: number }): {
    promise: Promise<PdfDocument>;
    destroy(): Promise<void>;
  };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfPage {
  getViewport(o: { scale: number }): { height: number; width: number };
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup?(): void;
}
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export interface ReadOptions {
  pdfjs?: PdfJs;
  /** Extra getDocument parameters (standard font data in Node). */
  pdfParams?: { standardFontDataUrl?: string };
  /** Reading a long PDF takes a moment: called after each page. */
  onProgress?: (done: number, total: number) => void;
}

export type DocumentKind = 'pdf' | 'docx' | 'text';

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** What the bytes are, from their first bytes (a file name can lie: a photo renamed to .pdf). */
export function sniff(bytes: Uint8Array): DocumentKind | 'image' | 'zip' | 'binary' {
  // %PDF may come after a little junk; readers accept it within the first kilobyte.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || // PNG
    startsWith(bytes, 0xff, 0xd8, 0xff) || // JPEG
    startsWith(bytes, 0x47, 0x49, 0x46, 0x38) || // GIF
    (startsWith(bytes, 0x52, 0x49, 0x46, 0x46) && head.slice(8, 12) === 'WEBP') ||
    head.slice(4, 12).startsWith('ftyphei') || head.slice(4, 12).startsWith('ftypmif') || // HEIC
    startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a) // TIFF
  ) {
    return 'image';
  }
  // Text has no NUL bytes and decodes as UTF-8 (or is Windows-1252 without control codes).
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return 'binary';
  return 'text';
}

export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<SourcePage[]> {
  if (bytes.length === 0 || !bytes.some((b) => b > 0x20)) throw new DocumentError('empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new DocumentError('too-large');
  const kind = sniff(bytes);
  switch (kind) {
    case 'pdf':
      if (!options.pdfjs) throw new DocumentError('unsupported', 'no PDF reader');
      return readPdf(bytes, options);
    case 'zip':
      return readDocx(bytes);
    case 'text':
      return [textLines(decodeText(bytes))];
    case 'image':
      throw new DocumentError('image');
    default:
      throw new DocumentError('unsupported');
  }
}

/** UTF-8 (with or without BOM), falling back to Windows-1252 for old Notepad files. */
export function decodeText(bytes: Uint8Array): string {
  try {
    // The decoder drops a byte-order mark itself; a U+FEFF after it is the text's own.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Node's TextDecoder decodes "windows-1252" as Latin-1 (0x92 stays a control code), so the
    // 0x80–0x9F range, where Windows keeps its curly quotes and dashes, is mapped here.
    let out = '';
    for (const byte of bytes) out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] || '\uFFFD' : String.fromCharCode(byte);
    return out;
  }
}

const CP1252_HIGH = [...'€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ'];

function textLines(text: string): SourcePage {
  const lines = text.replace(/\r\n?/gu, '\n').split('\n').map((line) => ({ text: line }));
  if (!lines.some((l) => l.text.trim())) throw new DocumentError('empty');
  return lines;
}

async function readDocx(bytes: Uint8Array): Promise<SourcePage[]> {
  const mammoth = await import('mammoth');
  let html: string;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // The browser build reads an arrayBuffer; Node's also takes a Buffer (Uint8Array in a page).
    const input = typeof Buffer !== 'undefined' ? { buffer: Buffer.from(bytes), arrayBuffer: buffer } : { arrayBuffer: buffer };
    html = (await (mammoth.default ?? mammoth).convertToHtml(input as { arrayBuffer: ArrayBuffer })).value;
  } catch (e) {
    // A zip that is not a Word document (an .xlsx, a broken download) lands here.
    throw new DocumentError('corrupt', e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  const lines = htmlToLines(html);
  if (!lines.some((l) => l.text.trim())) throw new DocumentError('empty');
  return [lines];
}

/** Share of the page height at the top and bottom where running headers and footers live. */
const EDGE_BAND = 0.09;

async function readPdf(bytes: Uint8Array, options: ReadOptions): Promise<SourcePage[]> {
  const task = options.pdfjs!.getDocument({
    // pdfjs takes ownership of (and detaches) the buffer it gets: hand it a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    stopAtErrors: false,
    // pdfjs logs recoverable damage to the console; the CLI's stderr is one line.
    verbosity: 0,
    ...options.pdfParams,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') throw new DocumentError('password');
    throw new DocumentError('corrupt', e instanceof Error ? e.message : String(e));
  }
  try {
    const pages: SourcePage[] = [];
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is TextItem => typeof (i as TextItem).str === 'string' && Array.isArray((i as TextItem).transform));
      const lines = pdfLines(items, height);
      characters += lines.reduce((sum, l) => sum + l.text.replace(/\s/gu, '').length, 0);
      pages.push(lines);
      page.cleanup?.();
      options.onProgress?.(n, doc.numPages);
    }
    // Pages with images and no text layer: a scan. OCR is not something to do silently.
    if (characters < 20) throw new DocumentError(doc.numPages > 0 ? 'scanned' : 'empty');
    return pages;
  } catch (e) {
    // A file whose pages are damaged past the header (a bad flate stream in a page's content)
    // opens, and fails only when its text is read: that is a damaged file too, not our bug.
    if (e instanceof DocumentError) throw e;
    throw new DocumentError('corrupt', e instanceof Error ? e.message : String(e));
  } finally {
    await doc.destroy();
  }
}

/**
 * A page's text items as lines, top to bottom: items on one baseline form a line, read left to
 * right. Raised small digits are footnote markers ("persoonsgegevens²" set as a superscript) and
 * are dropped here, where their size and height still tell them apart from numbers in the text.
 */
export function pdfLines(items: TextItem[], pageHeight: number): SourceLine[] {
  const real = items.filter((i) => i.str.length > 0);
  if (real.length === 0) return [];
  const heights = real.map((i) => Math.abs(i.height || i.transform[3] || 0)).filter((h) => h > 0).sort((a, b) => a - b);
  const bodyHeight = heights[Math.floor(heights.length / 2)] ?? 10;
  const rows: { y: number; size: number; items: TextItem[] }[] = [];
  for (const item of real) {
    const y = item.transform[5]!;
    const size = Math.abs(item.height || item.transform[3] || bodyHeight);
    const row = rows.find((r) => Math.abs(r.y - y) <= Math.max(r.size, size) * 0.45);
    if (row) {
      row.items.push(item);
      // The row's baseline is that of its biggest text, not of a superscript.
      if (size > row.size) {
        row.y = y;
        row.size = size;
      }
    } else rows.push({ y, size, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y);
  // Small print below the page's last line of body text is its footnotes ("¹ Persoonsgegevens:
  // alle gegevens …"): it would otherwise join the article that ends the page.
  let lastBody = -1;
  rows.forEach((row, i) => {
    if (row.size >= bodyHeight * 0.9) lastBody = i;
  });
  const body = rows.filter((row, i) => i <= lastBody || row.size >= bodyHeight * 0.9);
  const lines: SourceLine[] = [];
  for (const row of body) {
    row.items.sort((a, b) => a.transform[4]! - b.transform[4]!);
    let text = '';
    let lastEnd: number | undefined;
    for (const item of row.items) {
      const size = Math.abs(item.height || item.transform[3] || row.size);
      const raised = item.transform[5]! - row.y > row.size * 0.2;
      if (/^\s*\d{1,2}\s*$/u.test(item.str) && size < row.size * 0.8 && raised) continue;
      const x = item.transform[4]!;
      if (lastEnd !== undefined && x - lastEnd > row.size * 0.15 && !/\s$/u.test(text) && !/^\s/u.test(item.str)) text += ' ';
      text += item.str;
      lastEnd = x + (item.width || 0);
    }
    const clean = text.replace(/\s+/gu, ' ').trim();
    if (!clean) continue;
    const fromTop = pageHeight - row.y;
    const edge = fromTop < pageHeight * EDGE_BAND ? 'top' : row.y < pageHeight * EDGE_BAND ? 'bottom' : undefined;
    lines.push({ text: clean, ...(edge ? { edge } : {}) });
  }
  return lines;
}
