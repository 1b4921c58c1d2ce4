import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { isWantedEntry } from './read.ts';
import { ArchiveError } from './types.ts';

// Reads the text entries an audit needs from a .zip, streamed: chunks go in as they are read
// from the file, entries that are not wanted (photos, videos: most of a 200 MB export) are
// never inflated, and only the wanted entries' text is kept. fflate's streaming Unzip reads the
// local headers in order, which is how the platforms write their exports.

/** Keep any single wanted entry below this: a JSON file of posts is a few MB at most. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

export interface ZipText {
  files: Map<string, string>;
  /** Every entry's path, wanted or not (to recognise an HTML export). */
  paths: string[];
}

export async function readZipText(chunks: AsyncIterable<Uint8Array>, onProgress?: (bytes: number) => void): Promise<ZipText> {
  const files = new Map<string, string>();
  const paths: string[] = [];
  const open = new Set<string>();
  let failure: ArchiveError | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    paths.push(file.name);
    if (file.name.endsWith('/') || !isWantedEntry(file.name)) return;
    if (file.compression !== 0 && file.compression !== 8) {
      failure ??= new ArchiveError('unreadable', `${file.name}: compression method ${file.compression}`);
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    open.add(file.name);
    file.ondata = (error, data, final) => {
      if (error) {
        failure ??= new ArchiveError('corrupt', `${file.name}: ${error.message}`);
        return;
      }
      size += data.length;
      if (size > MAX_ENTRY_BYTES) {
        failure ??= new ArchiveError('unreadable', `${file.name}: larger than ${MAX_ENTRY_BYTES / 1024 / 1024} MB`);
        file.terminate();
        return;
      }
      parts.push(data);
      if (final) {
        open.delete(file.name);
        files.set(file.name, utf8(parts, size));
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  let total = 0;
  let first = true;
  for await (const chunk of chunks) {
    if (first) {
      first = false;
      // "PK\3\4": a zip starts with a local file header (an empty zip with its end record).
      if (!(chunk[0] === 0x50 && chunk[1] === 0x4b && (chunk[2] === 3 || chunk[2] === 5))) {
        throw new ArchiveError('not-zip');
      }
    }
    try {
      unzip.push(chunk, false);
    } catch (error) {
      throw new ArchiveError('corrupt', (error as Error).message);
    }
    if (failure) throw failure;
    total += chunk.length;
    onProgress?.(total);
  }
  if (first) throw new ArchiveError('empty');
  try {
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    throw new ArchiveError('corrupt', (error as Error).message);
  }
  if (failure) throw failure;
  if (open.size) throw new ArchiveError('corrupt', `ends in the middle of ${[...open][0]}`);
  return { files, paths };
}

function utf8(parts: Uint8Array[], size: number): string {
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new TextDecoder('utf-8').decode(all);
}
