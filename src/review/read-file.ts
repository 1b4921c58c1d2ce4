// Reads a chosen file in the review page. pdfjs-dist and mammoth are loaded only when a file of
// their kind comes (they are large, and most visits read one file); pdfjs parses in its own
// worker, bundled with the extension: no remote code, nothing leaves the device.
import { DocumentError, MAX_DOCUMENT_BYTES, readDocument, sniff, type PdfJs } from '../documents/read.ts';
import type { SourcePage } from '../drafting/repair.ts';

export async function readFileInPage(file: Blob, onProgress: (done: number, total: number) => void): Promise<SourcePage[]> {
  // Checked before reading: a 2 GB video picked by mistake is never loaded into memory.
  if (file.size > MAX_DOCUMENT_BYTES) throw new DocumentError('too-large');
  const bytes = new Uint8Array(await file.arrayBuffer());
  let pdfjs: PdfJs | undefined;
  if (sniff(bytes) === 'pdf') {
    const [library, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
    library.GlobalWorkerOptions.workerSrc = worker.default;
    pdfjs = library as unknown as PdfJs;
  }
  return readDocument(bytes, { ...(pdfjs ? { pdfjs } : {}), onProgress });
}
