import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isWantedEntry, readArchiveFiles } from './read.ts';
import { ArchiveError, type ArchiveReadResult } from './types.ts';
import { readZipText } from './zip.ts';

// Node's door to an export (the CLI): a .zip is streamed through readZipText, an unpacked folder
// is walked and only its wanted text files are read.

export async function readArchivePath(path: string): Promise<ArchiveReadResult> {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArchiveError(code === 'ENOENT' ? 'not-found' : 'unreadable');
  }
  if (stat.isDirectory()) {
    const paths = walk(path);
    const files = new Map<string, string>();
    for (const p of paths.filter(isWantedEntry)) files.set(p, readFileSync(join(path, ...p.split('/')), 'utf8'));
    return readArchiveFiles(files, paths);
  }
  const { files, paths } = await readZipText(createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>);
  return readArchiveFiles(files, paths);
}

/** Every file below the folder, as archive-style paths ("data/tweets.js"). */
function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full, depth + 1);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  visit(root, 0);
  return out;
}
