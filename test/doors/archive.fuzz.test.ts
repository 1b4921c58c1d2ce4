import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isWantedEntry, readArchiveFiles } from '../../src/archive/read.ts';
import { readArchivePath } from '../../src/archive/read-node.ts';
import { ARCHIVE_ERRORS, ARCHIVE_KINDS, ARCHIVE_SOURCES, ArchiveError, newestFirst, type ArchiveReadResult } from '../../src/archive/types.ts';
import { readZipText } from '../../src/archive/zip.ts';
import { ARCHIVE_FIXTURES, zip } from '../../scripts/archive-fixtures.ts';
import { byteDamage, damage, expectPlainPrototypes, expectPrototypeUntouched, HOSTILE_KEYS, jsonJunk, mutate, mutation, oddText } from './arbitraries.ts';
import { BIG, BUDGET_MS, medianMs, medianMsAsync, params } from './runs.ts';

// Door 6: a person's own data export from X, Facebook or Instagram, as a .zip or an unpacked
// folder. Whatever is in it, reading gives items (each listed once, with text, a real date or
// none, newest first) and the problems of the files it could not read, or an ArchiveError that
// says why the whole thing is not an export. Nothing else.

afterEach(expectPrototypeUntouched);

/** The fixture exports' entries, by zip: the real layouts of every platform and year. */
const ZIPS = readdirSync(ARCHIVE_FIXTURES)
  .filter((f) => f.endsWith('.zip'))
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(ARCHIVE_FIXTURES, f))) }));
const ENTRIES: [string, string][] = ZIPS.flatMap(({ name, bytes }) => {
  try {
    return Object.entries(unzipSync(bytes)).map(([path, data]): [string, string] => [path, strFromU8(data)]);
  } catch {
    return []; // the corrupt and not-a-zip fixtures
  }
}).filter(([path]) => /\.(?:js|json)$/u.test(path));

/** Every file name the readers know, in the folders the platforms put them in. */
const KNOWN_PATHS = [
  'data/tweets.js', 'data/tweet.js', 'tweet.js', 'data/tweets-part1.js', 'data/note-tweet.js', 'data/account.js',
  'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json', 'posts/your_posts_1.json', 'posts/your_posts.json',
  'your_facebook_activity/comments_and_reactions/comments.json', 'comments/comments.json',
  'content/posts_1.json', 'your_instagram_activity/content/posts_1.json', 'your_instagram_activity/media/reels.json', 'media/igtv_videos.json', 'media.json',
  'comments/post_comments_1.json', 'your_instagram_activity/comments/reels_comments.json',
  ...ENTRIES.map(([path]) => path),
];

/** Facebook's way of writing text: each UTF-8 byte as a Latin-1 character. */
const mojibake = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));

/** An entry's JSON (after X's "window.YTD.… =" header), and a way to write it back. */
function splitEntry(source: string): { json: unknown; write: (value: unknown) => string } | undefined {
  const at = source.indexOf('=');
  const ytd = /^window\.YTD\.[\w.]+\s*$/u.test(source.slice(0, Math.max(at, 0)));
  try {
    const json: unknown = JSON.parse(ytd ? source.slice(at + 1) : source);
    return { json, write: (value) => (ytd ? `${source.slice(0, at + 1)} ` : '') + (JSON.stringify(value) ?? 'null') };
  } catch {
    return undefined;
  }
}

/** What a file the readers know may hold: a real one with members dropped, replaced or added at
 * random places (hostile names too, and text turned to mojibake), X's header over junk, junk. */
const content: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom(...ENTRIES), fc.array(mutation, { maxLength: 4 })).map(([[, source], ms]) => {
      const split = splitEntry(source);
      return split ? split.write(mutate(split.json, ms).value) : source;
    }),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ENTRIES), oddText({ maxLength: 30 })).map(([[, source], text]) => source.replace(/"(post|full_text|title|comment|value|caption)":\s*"[^"]*"/u, (_, k: string) => `"${k}": ${JSON.stringify(mojibake(text))}`)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ENTRIES), fc.nat()).map(([[, source], cut]) => source.slice(0, cut % (source.length + 1))) },
  { weight: 2, arbitrary: jsonJunk.map((v) => JSON.stringify(v) ?? '') },
  { weight: 1, arbitrary: jsonJunk.map((v) => `window.YTD.tweets.part0 = ${JSON.stringify(v) ?? ''}`) },
  { weight: 1, arbitrary: oddText({ maxLength: 60 }) },
);

const prefix = fc.constantFrom('', '', 'export/', 'facebook-jan-2024/', 'twitter-2019-05-01-abc/');
const files = fc.uniqueArray(fc.tuple(prefix, fc.constantFrom(...KNOWN_PATHS), content), { minLength: 1, maxLength: 5, selector: ([p, path]) => p + path }).map(
  (list) => new Map(list.map(([p, path, text]): [string, string] => [p + path, text])),
);

/** Everything a read result promises. */
/** `paths`: the entries the reader was given; unknown for a damaged zip read from disk, whose
 * names a flipped bit may have changed ("facebook-…" read as "gacebook-…"). */
function expectResult(result: ArchiveReadResult, paths: readonly string[] | undefined): void {
  expect(result.sources.length).toBeGreaterThan(0);
  expect(new Set(result.sources).size).toBe(result.sources.length);
  for (const s of result.sources) expect(ARCHIVE_SOURCES).toContain(s);
  expect(Number.isInteger(result.withoutText) && result.withoutText >= 0).toBe(true);
  const ids = new Set<string>();
  for (const item of result.items) {
    expect(result.sources).toContain(item.source);
    expect(ARCHIVE_KINDS).toContain(item.kind);
    expect(typeof item.text).toBe('string');
    expect(item.text.trim(), `${item.id}: an item has text (posts without are counted, not listed)`).not.toBe('');
    expect(typeof item.id === 'string' && item.id.length > 0).toBe(true);
    expect(ids.has(item.id), `id ${item.id} is unique within the archive`).toBe(false);
    ids.add(item.id);
    if (item.date) expect(new Date(item.date).toISOString()).toBe(item.date);
    if (item.url !== undefined) expect(item.url).toMatch(/^https:\/\/x\.com\/[^\s/]+\/(?:web\/)?status\/./u);
  }
  for (let i = 1; i < result.items.length; i++) expect(newestFirst(result.items[i - 1]!, result.items[i]!)).toBeLessThanOrEqual(0);
  for (const problem of result.problems) expect(paths ? paths.some((p) => problem.startsWith(`${p}: `)) : /^[^\n]+?\.jso?n?: /u.test(problem), problem).toBe(true);
  expectPlainPrototypes(result);
}

/** Reads, or refuses with an ArchiveError of a known reason; anything else fails. */
function readOrRefuse(read: () => ArchiveReadResult, paths: readonly string[]): void {
  let result: ArchiveReadResult;
  try {
    result = read();
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(ArchiveError);
    expect(Object.keys(ARCHIVE_ERRORS)).toContain((error as ArchiveError).reason);
    return;
  }
  expectResult(result, paths);
}

async function* chunksOf(bytes: Uint8Array, sizes: readonly number[]): AsyncIterable<Uint8Array> {
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes.length ? sizes[i % sizes.length]! : bytes.length);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** The zip reader, then the readers: results as above, or an ArchiveError. */
async function readZipOrRefuse(bytes: Uint8Array, sizes: readonly number[]): Promise<void> {
  let zipped: Awaited<ReturnType<typeof readZipText>>;
  try {
    zipped = await readZipText(chunksOf(bytes, sizes));
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(ArchiveError);
    return;
  }
  for (const path of zipped.files.keys()) expect(zipped.paths).toContain(path);
  readOrRefuse(() => readArchiveFiles(zipped.files, zipped.paths), [...zipped.files.keys()]);
}

describe('door 6: a data export (readArchiveFiles, readZipText, readArchivePath)', () => {
  it('any content in the files the readers know: items as promised, or an ArchiveError', () => {
    fc.assert(
      fc.property(files, (f) => readOrRefuse(() => readArchiveFiles(f), [...f.keys()])),
      params('archiveFiles'),
    );
  });

  it('keys named like Object members, at any place in an export’s JSON, are data', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENTRIES.filter(([p]) => isWantedEntry(p))), fc.constantFrom(...HOSTILE_KEYS), jsonJunk, fc.nat(), ([path, source], key, value, pick) => {
        const split = splitEntry(source);
        fc.pre(split !== undefined);
        const { value: hostile } = mutate(split!.json, [{ op: 'add', pick, key, value }]);
        const before = readArchiveFiles(new Map([[path, source]]));
        const after = readArchiveFiles(new Map([[path, split!.write(hostile)]]));
        expectResult(after, [path]);
        // A member the readers do not read changes nothing; one they do may change that item only.
        expect(after.items.length).toBeLessThanOrEqual(before.items.length + 1);
      }),
      params('archiveFiles'),
    );
  });

  it('a damaged zip (cut off, bits flipped, stretches overwritten or doubled), in chunks of any size: items as promised, or an ArchiveError', async () => {
    const good = ZIPS.filter((z) => !/corrupt|not-a-zip/u.test(z.name));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...good), fc.array(byteDamage, { maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 4096 }), { maxLength: 3 }), async (z, damages, sizes) =>
        readZipOrRefuse(damage(z.bytes, damages), sizes),
      ),
      params('archiveZip'),
    );
  });

  it('a zip of arbitrary entries under the known names (junk, mojibake, hostile keys): items as promised, or an ArchiveError', async () => {
    await fc.assert(
      fc.asyncProperty(files, fc.array(fc.integer({ min: 1, max: 512 }), { maxLength: 2 }), async (f, sizes) => readZipOrRefuse(zip(Object.fromEntries(f)), sizes)),
      params('archiveZip'),
    );
  });

  describe('on disk (read-node.ts)', () => {
    const root = mkdtempSync(join(tmpdir(), 'postwijs-doors-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    let n = 0;

    it('an unpacked folder or a .zip of any content: items as promised, or an ArchiveError', async () => {
      await fc.assert(
        fc.asyncProperty(files, fc.boolean(), fc.array(byteDamage, { maxLength: 2 }), async (f, asZip, damages) => {
          const place = join(root, `case-${n++}`);
          if (asZip) writeFileSync(place, damage(zip(Object.fromEntries(f)), damages));
          else for (const [path, text] of f) {
            mkdirSync(dirname(join(place, path)), { recursive: true });
            writeFileSync(join(place, path), text);
          }
          let result: ArchiveReadResult;
          try {
            result = await readArchivePath(place);
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(ArchiveError);
            return;
          }
          expectResult(result, asZip && damages.length ? undefined : [...f.keys()]);
          if (!asZip) expect(statSync(place).isDirectory()).toBe(true);
        }),
        params('archiveFolder'),
      );
    }, 60_000);
  });

  it('100 KB of export costs less than 50 ms to read (from memory, and unzipped)', async () => {
    const tweet = (i: number) => ({ tweet: { id_str: String(1e17 + i), full_text: `Trots op groep ${i % 8}! &amp; meer https://t.co/abc${i}`, created_at: 'Wed Oct 10 20:19:24 +0000 2018' } });
    const post = (i: number) => ({ timestamp: 1_600_000_000 + i, data: [{ post: mojibake(`Café ${i} 😂 met de klas`) }] });
    const exports: Record<string, Map<string, string>> = {
      '1,000 tweets': new Map([['data/tweets.js', `window.YTD.tweets.part0 = ${JSON.stringify(Array.from({ length: 1000 }, (_, i) => tweet(i)))}`]]),
      '1,500 Facebook posts in mojibake': new Map([['posts/your_posts_1.json', JSON.stringify(Array.from({ length: 1500 }, (_, i) => post(i)))]]),
      '200 tweets and 200 long notes': new Map([
        ['data/tweets.js', `window.YTD.tweets.part0 = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ tweet: { id_str: String(i), full_text: `${'Lang verhaal over de schoolreis '.repeat(2)}${i}…`, created_at: 'Wed Oct 10 20:19:24 +0000 2018' } })))}`],
        ['data/note-tweet.js', `window.YTD.note_tweet.part0 = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ noteTweet: { createdAt: '2018-10-10T20:19:24.000Z', core: { text: `${'Lang verhaal over de schoolreis '.repeat(2)}${i} ${'en nog veel meer. '.repeat(10)}` } } })))}`],
      ]),
      '100 KB of junk JSON in every known file': new Map(KNOWN_PATHS.slice(0, 18).map((p) => [p, JSON.stringify({ [HOSTILE_KEYS[0]]: 'x'.repeat(BIG / 18) })])),
      '1,000 tweets and 500 notes, none alike': new Map([
        ['data/tweets.js', `window.YTD.tweets.part0 = ${JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ tweet: { id_str: String(i), full_text: `Tweet ${i} over de schoolreis naar het museum in Leiden https://t.co/a${i}`, created_at: 'Wed Oct 10 20:19:24 +0000 2018' } })))}`],
        ['data/note-tweet.js', `window.YTD.note_tweet.part0 = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ noteTweet: { createdAt: '2018-10-10T20:19:24.000Z', core: { text: `Notitie ${i} over de schoolreis naar het museum in Leiden en verder` } } })))}`],
      ]),
      'a tweet of 100 KB of blanks, with a note': new Map([
        ['data/tweets.js', `window.YTD.tweets.part0 = ${JSON.stringify([{ tweet: { id_str: '1', full_text: `a${' '.repeat(BIG)}b`, created_at: 'Wed Oct 10 20:19:24 +0000 2018' } }])}`],
        ['data/note-tweet.js', 'window.YTD.note_tweet.part0 = [{"noteTweet": {"core": {"text": "x"}}}]'],
      ]),
      'a 100 KB caption': new Map([['content/posts_1.json', JSON.stringify([{ media: [{ uri: 'a.jpg', creation_timestamp: 1_600_000_000, title: mojibake('é'.repeat(BIG / 2)) }] }])]]),
    };
    for (const [name, f] of Object.entries(exports)) {
      const size = [...f.values()].reduce((sum, text) => sum + text.length, 0);
      expect(size, name).toBeGreaterThanOrEqual(BIG * 0.9);
      expect(medianMs(() => readArchiveFiles(f)), `${name} (read)`).toBeLessThan(BUDGET_MS);
      const zipped = zip(Object.fromEntries(f));
      expect(await medianMsAsync(() => readZipText(chunksOf(zipped, [65_536]))), `${name} (unzip)`).toBeLessThan(BUDGET_MS);
    }
  });
});

describe('door 6: the smallest failing examples the properties found (fixed)', () => {
  it('a Facebook comment entry holding two comments lists both, under two ids', () => {
    const comments = { comments_v2: [{ timestamp: 1_600_000_000, data: [{ comment: { comment: 'a' } }, { comment: { comment: 'b' } }] }] };
    const ids = readArchiveFiles(new Map([['comments/comments.json', JSON.stringify(comments)]])).items.map((i) => i.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
  it('files of the same name in two folders give items with two ids', () => {
    const posts = (text: string) => JSON.stringify([{ timestamp: 1_600_000_000, data: [{ post: text }] }]);
    const ids = readArchiveFiles(new Map([['posts/your_posts_1.json', posts('a')], ['copy/posts/your_posts_1.json', posts('b')]])).items.map((i) => i.id);
    expect(new Set(ids).size).toBe(2);
  });
  it('a tweet without text is counted, not listed', () => {
    const result = readArchiveFiles(new Map([['data/tweets.js', 'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}}]']]));
    expect(result.items).toEqual([]);
    expect(result.withoutText).toBe(1);
  });
});

// The arbitraries above are built from the fixtures: an empty list would make every property
// vacuous.
it('the fixtures give the generators real entries of every platform', () => {
  expect(ENTRIES.some(([p]) => p.endsWith('tweets.js'))).toBe(true);
  expect(ENTRIES.some(([p]) => p.includes('your_posts'))).toBe(true);
  expect(ENTRIES.some(([p]) => p.includes('posts_1.json') || p.endsWith('media.json'))).toBe(true);
});
