// Writes the store packages from an existing build (`npm run package` builds first):
//   packages/postwijs-chrome-<version>.zip   dist/chrome, manifest.json at the root
//   packages/postwijs-firefox-<version>.zip  dist/firefox, manifest.json at the root
//   packages/postwijs-sources-<version>.zip  the git-tracked files, for Mozilla's source review
//
// Usage: tsx scripts/package.ts [--out <dir>]
//
// Zip writer: our own ~50 lines on Node's zlib (deflateRawSync, crc32) rather than a dependency
// or the `zip` binary (not on a fresh CI machine): nothing extra to install or audit, and the
// output is byte-for-byte reproducible (sorted entries, fixed timestamps, no extra fields).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import { CHROME_DIR, FIREFOX_DIR, firefoxManifest } from './build-firefox.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');

export interface ZipEntry {
  name: string;
  data: Buffer;
}

// 1980-01-01 00:00, the earliest DOS date: a fixed time keeps the archive reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip archive (deflate, or stored when deflate does not help) of the entries, in name order. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of sorted) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    // Fields shared by the local header (from offset 4) and the central header (from offset 6).
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0
    common.writeUInt16LE(0x0800, 2); // flags: names are UTF-8
    common.writeUInt16LE(stored ? 0 : 8, 4);
    common.writeUInt16LE(DOS_TIME, 6);
    common.writeUInt16LE(DOS_DATE, 8);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    common.writeUInt16LE(0, 24); // extra field length
    const local = Buffer.concat([u32(0x04034b50), common, nameBytes, body]);
    // Comment length, disk number and internal attributes stay 0.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE((0o100644 << 16) >>> 0, 6); // external attributes: a regular file, rw-r--r--
    tail.writeUInt32LE(offset, 10);
    // Made by 0x0314: Unix, zip 2.0, so unzip reads the file mode from the external attributes.
    centrals.push(Buffer.concat([u32(0x02014b50), u16(0x0314), common, tail, nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  if (sorted.length > 0xffff || offset > 0xffffffff) throw new Error('archive too large for zip without zip64');
  return Buffer.concat([...locals, central, end]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** Every file under dir, as zip entries with forward-slash names relative to dir. */
export function dirEntries(dir: string): ZipEntry[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const path = join(d.parentPath, d.name);
      return { name: relative(dir, path).split(sep).join('/'), data: readFileSync(path) };
    });
}

/** The git-tracked files (so nothing untracked, ignored or secret leaks into the sources zip). */
export function sourceEntries(root = ROOT): ZipEntry[] {
  const names = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const missing = names.filter((n) => !existsSync(join(root, n)));
  if (missing.length) throw new Error(`tracked files missing from the working tree: ${missing.join(', ')}`);
  return names.map((name) => ({ name, data: readFileSync(join(root, name)) }));
}

/** Refuses a dist/firefox that was not derived from the current dist/chrome (e.g. after a bare
 * `vite build`): the two packages must carry the same code. */
function checkBuild(): void {
  for (const dir of [CHROME_DIR, FIREFOX_DIR]) {
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} has no build: run \`npm run build\` first`);
  }
  const expected = firefoxManifest(JSON.parse(readFileSync(join(CHROME_DIR, 'manifest.json'), 'utf8')));
  const actual: unknown = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8'));
  const chromeFiles = new Set(dirEntries(CHROME_DIR).map((e) => e.name));
  const stale =
    JSON.stringify(actual) !== JSON.stringify(expected) ||
    dirEntries(FIREFOX_DIR).some((e) => e.name !== 'manifest.json' && (!chromeFiles.has(e.name) || !e.data.equals(readFileSync(join(CHROME_DIR, e.name)))));
  if (stale) throw new Error('dist/firefox does not match dist/chrome: run `npm run build`');
}

export function writePackages(outDir: string): string[] {
  checkBuild();
  const version = (JSON.parse(readFileSync(join(CHROME_DIR, 'manifest.json'), 'utf8')) as { version: string }).version;
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const parts: [string, ZipEntry[]][] = [
    ['chrome', dirEntries(CHROME_DIR)],
    ['firefox', dirEntries(FIREFOX_DIR)],
    ['sources', sourceEntries()],
  ];
  for (const [kind, entries] of parts) {
    const file = join(outDir, `postwijs-${kind}-${version}.zip`);
    writeFileSync(file, zip(entries));
    written.push(file);
  }
  return written;
}

/** Read-only git queries: what the sources zip would miss or differ in from the last commit. */
function sourceWarnings(root = ROOT): string[] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const untracked = git('ls-files', '--others', '--exclude-standard');
  const changed = git('diff', '--name-only', 'HEAD');
  return [
    ...(untracked.length ? [`not in the sources zip (untracked): ${untracked.join(', ')}`] : []),
    ...(changed.length ? [`in the sources zip with uncommitted changes: ${changed.join(', ')}`] : []),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const warning of sourceWarnings()) console.warn(`warning: ${warning}`);
  const i = process.argv.indexOf('--out');
  const outDir = resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : join(ROOT, 'packages'));
  for (const file of writePackages(outDir)) {
    console.log(`${relative(process.cwd(), file) || file}  ${readFileSync(file).length} bytes`);
  }
}
