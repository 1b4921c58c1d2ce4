/**
 * Proves that each test-document generator produces what it claims, read
 * back with the same libraries PostWijs uses: pdf.js (legacy build) for PDFs
 * and mammoth for .docx.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import mammoth from 'mammoth';
import {
  DEFAULT_PROTOCOL_TEXT,
  ENCRYPTED_PDF_PASSWORD,
  WORD_EXPORT_DEBRIS,
  corruptDocx,
  corruptPdf,
  docxFromText,
  emptyFile,
  encryptedPdf,
  largePdf,
  parseBlocks,
  pdfFromText,
  photoAsPdf,
  scannedPdf,
} from './protocol-documents.ts';

const STANDARD_FONT_DATA_URL = fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const HEADER = WORD_EXPORT_DEBRIS.header ?? '';

function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  // A copy, because pdf.js may take over (detach) the buffer it is given.
  return getDocument({
    data: bytes.slice(),
    password,
    isEvalSupported: false,
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    verbosity: 0,
  }).promise;
}

/** The text layer per page, one line per text line, as a PDF text extractor would join it. */
async function pageTexts(bytes: Uint8Array, password?: string): Promise<string[]> {
  const pdf = await openPdf(bytes, password);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

const flatten = (pages: string[]): string => pages.join(' ').replace(/\s+/g, ' ');
const linesOf = (pages: string[]): string[] => pages.flatMap((page) => page.split('\n'));

async function pdfError(bytes: Uint8Array): Promise<unknown> {
  return openPdf(bytes).then(
    async (pdf) => {
      await pdf.destroy();
      return undefined;
    },
    (error: unknown) => error,
  );
}

describe('parseBlocks', () => {
  it('finds the title, headings, articles and bullet items', () => {
    const blocks = parseBlocks(DEFAULT_PROTOCOL_TEXT);
    expect(blocks[0]).toEqual({ kind: 'heading', text: 'Protocol sociale media Stichting Voorbeeld', level: 1 });
    expect(blocks[1]).toEqual({ kind: 'heading', text: '1 Doel en reikwijdte', level: 2 });
    expect(blocks.filter((block) => block.kind === 'bullet')).toHaveLength(3);
    expect(blocks.find((block) => block.text.startsWith('3.2'))?.text).toMatch(/Denk daarbij aan:$/);
  });
});

describe('pdfFromText', () => {
  let pages: string[];
  beforeAll(async () => {
    pages = await pageTexts(await pdfFromText(DEFAULT_PROTOCOL_TEXT));
  });

  it('has a text layer with the protocol text', () => {
    const text = flatten(pages);
    for (const phrase of ['op persoonlijke titel', 'naam van de werkgever', 'schriftelijk toestemming', 'niet tijdens de lessen']) {
      expect(text).toContain(phrase);
    }
  });

  it('breaks lines mid-sentence, like a real PDF', () => {
    const lines = linesOf(pages);
    const midSentence = lines.filter((line, i) => /\p{Ll}$/u.test(line) && /^\p{Ll}/u.test(lines[i + 1] ?? ''));
    expect(midSentence.length).toBeGreaterThan(5);
  });

  it('leaves out the debris options when not asked for', () => {
    const text = pages.join('\n');
    expect(text).not.toContain('[^');
    expect(text).not.toMatch(/persoonsgegevens1|Pagina \d/);
    expect(text).not.toMatch(/\p{Ll}-\n/u);
    expect(text).toContain('- namen in combinatie');
  });

  it('lays out larger fonts over more pages', async () => {
    const large = await openPdf(await pdfFromText(DEFAULT_PROTOCOL_TEXT, { fontSize: 16 }));
    expect(large.numPages).toBeGreaterThan(pages.length);
    await large.destroy();
  });
});

describe('pdfFromText with Word-export debris', () => {
  let pages: string[];
  beforeAll(async () => {
    pages = await pageTexts(await pdfFromText(DEFAULT_PROTOCOL_TEXT, WORD_EXPORT_DEBRIS));
  });

  it('prints the header first on every page and "Pagina n van N" in the footer', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page.split('\n')[0]).toBe(HEADER);
      expect(page).toContain(`Pagina ${i + 1} van ${pages.length}`);
    });
  });

  it('glues the footnote digit to its word and prints the footnote on the same page', () => {
    const page = pages.find((text) => text.includes('persoonsgegevens1 van leerlingen'));
    expect(page).toBeDefined();
    expect(page).toMatch(/^1 Persoonsgegevens: alle gegevens/m);
  });

  it('hyphenates a word at a line end', () => {
    const lines = linesOf(pages);
    const hyphenated = lines.filter((line, i) => /\p{Ll}-$/u.test(line) && /^\p{Ll}/u.test(lines[i + 1] ?? ''));
    expect(hyphenated.length).toBeGreaterThan(0);
  });

  it('draws bullets as "•" and as the Symbol-font private-use bullet', () => {
    const text = pages.join('\n');
    expect(text).toMatch(/•\s*namen in combinatie/);
    expect(text).toMatch(/\uF0B7\s*adressen, telefoonnummers/);
    expect(text).not.toContain('- namen');
  });
});

describe('pdfFromText with minPages', () => {
  it('pads to a 50-page document with renumbered articles', async () => {
    const pages = await pageTexts(await pdfFromText(DEFAULT_PROTOCOL_TEXT, { minPages: 50, footnotes: true }));
    expect(pages.length).toBeGreaterThanOrEqual(50);
    expect(pages.length).toBeLessThanOrEqual(51);
    expect(flatten(pages)).toMatch(/\b\d{2,3}\.1 Dit protocol geldt/);
  });
});

describe('scannedPdf', () => {
  it('has two pages of images and no text at all', async () => {
    const pdf = await openPdf(await scannedPdf());
    try {
      expect(pdf.numPages).toBe(2);
      for (let n = 1; n <= 2; n++) {
        const page = await pdf.getPage(n);
        expect((await page.getTextContent()).items).toHaveLength(0);
        expect((await page.getOperatorList()).fnArray).toContain(OPS.paintImageXObject);
      }
    } finally {
      await pdf.destroy();
    }
  });
});

describe('encryptedPdf', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await encryptedPdf(DEFAULT_PROTOCOL_TEXT);
  });

  it('cannot be opened without the password', async () => {
    const error = await pdfError(bytes);
    expect(error).toMatchObject({ name: 'PasswordException' });
  });

  it('opens with the password', async () => {
    expect(flatten(await pageTexts(bytes, ENCRYPTED_PDF_PASSWORD))).toContain('op persoonlijke titel');
  });
});

describe('largePdf', () => {
  it('is at least 5 MB and still has a text layer', async () => {
    const bytes = await largePdf();
    expect(bytes.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(5.5 * 1024 * 1024);
    expect(flatten(await pageTexts(bytes))).toContain('op persoonlijke titel');
  });
});

describe('docxFromText', () => {
  const read = async (bytes: Uint8Array): Promise<{ text: string; html: string }> => {
    const buffer = Buffer.from(bytes);
    const [raw, html] = await Promise.all([mammoth.extractRawText({ buffer }), mammoth.convertToHtml({ buffer })]);
    return { text: raw.value, html: html.value };
  };

  it('has headings, paragraphs, bullets and a real footnote', async () => {
    const { text, html } = await read(await docxFromText(DEFAULT_PROTOCOL_TEXT));
    expect(text).toContain('2.1 Medewerkers die zich op sociale media uitlaten');
    expect(html).toContain('<h1>Protocol sociale media Stichting Voorbeeld</h1>');
    expect(html).toContain('<h2>3 Privacy van leerlingen</h2>');
    expect(html).toMatch(/<ul><li>namen in combinatie/);
    expect(html).toMatch(/persoonsgegevens<sup><a href="#footnote-1"/);
    expect(html).toContain('Persoonsgegevens: alle gegevens waarmee iemand');
    expect(text).not.toContain('[^');
  });

  it('puts articles in an "Artikel | Tekst" table', async () => {
    const bytes = await docxFromText(DEFAULT_PROTOCOL_TEXT, { tables: true });
    const { text, html } = await read(bytes);
    expect(html).toMatch(/<table>.*Artikel.*Tekst.*<\/table>/s);
    expect(html).toMatch(/<td><p>2\.1<\/p><\/td><td><p>Medewerkers die zich/);
    expect(text).toContain('naam van de werkgever');
    expect(text).toContain('op persoonlijke titel');
    // mammoth ignores headers and footers, so check that the parts are in the zip (names are stored uncompressed).
    expect(Buffer.from(bytes).includes('word/header1.xml')).toBe(true);
    expect(Buffer.from(bytes).includes('word/footer1.xml')).toBe(true);
  });

  it('uses Word auto-numbering, so the numbers are not in the text', async () => {
    const { text, html } = await read(await docxFromText(DEFAULT_PROTOCOL_TEXT, { numbering: true }));
    expect(text).toMatch(/^Medewerkers die zich op sociale media uitlaten/m);
    expect(text).not.toMatch(/^\d+(\.\d+)* /m);
    expect(html).toMatch(/<ol><li>Dit protocol geldt/);
  });
});

describe('broken and non-PDF inputs', () => {
  it('photoAsPdf is a PNG image, which pdf.js refuses', async () => {
    const bytes = await photoAsPdf();
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(await pdfError(bytes)).toMatchObject({ name: 'InvalidPDFException' });
  });

  it('emptyFile has no bytes and does not open', async () => {
    const bytes = await emptyFile();
    expect(bytes.length).toBe(0);
    expect(await pdfError(bytes)).toMatchObject({ name: 'InvalidPDFException' });
  });

  it('corruptPdf looks like a PDF but does not open', async () => {
    const bytes = await corruptPdf();
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
    expect(await pdfError(bytes)).toMatchObject({ name: 'InvalidPDFException' });
  });

  it('corruptDocx is a truncated zip that mammoth rejects', async () => {
    const bytes = await corruptDocx();
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    await expect(mammoth.extractRawText({ buffer: Buffer.from(bytes) })).rejects.toThrow();
  });
});
