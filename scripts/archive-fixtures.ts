// Builds the small fixture exports in test/fixtures/archives/ from labelled posts (texts with
// known labels from test/fixtures/tuned-on-2026-12-05-{c,e}.jsonl: the posts about Griftland
// College), one export per platform and layout variant, plus the bad inputs. The layouts follow
// the public parsers of these exports (docs/ARCHIVES.md). Run: npx tsx scripts/archive-fixtures.ts
// The test (test/archive.test.ts) builds the same in memory and checks the committed files.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

export interface LabelledPost {
  id: string;
  text: string;
  expect: Record<string, boolean>;
  /** Who wrote it: the labels hold for that role. */
  role: string;
}

export interface ExpectedItem {
  source: 'x' | 'facebook' | 'instagram';
  kind: 'post' | 'reply' | 'comment' | 'caption' | 'repost';
  text: string;
  date: string;
  /** The labelled post the text came from (none for reposts and filler). */
  post?: string;
}

export interface Fixture {
  /** Path inside the archive -> content. */
  files: Record<string, string | Uint8Array>;
  expected: ExpectedItem[];
  withoutText: number;
  /** Written as a folder instead of a .zip (an unpacked export). */
  folder?: boolean;
}

const ROOT = join(import.meta.dirname, '..');
export const ARCHIVE_FIXTURES = join(ROOT, 'test', 'fixtures', 'archives');
export const FIXTURE_CONFIG = { protocol: 'cvo-baarn-soest', school: 'Griftland College', aliases: ['Griftland', 'het Griftland'], role: 'employee' } as const;

export function labelledPosts(): LabelledPost[] {
  const out: LabelledPost[] = [];
  for (const set of ['c', 'e']) {
    for (const line of readFileSync(join(ROOT, 'test', 'fixtures', `tuned-on-2026-12-05-${set}.jsonl`), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const p = JSON.parse(line);
      if (p.school.name === 'Griftland College') out.push({ id: p.id, text: p.text, expect: p.expect, role: p.author.role });
    }
  }
  return out;
}

const ytd = (name: string, value: unknown) => `window.YTD.${name}.part0 = ${JSON.stringify(value, null, 2)}`;
// X writes & < > as entities in full_text.
const entities = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
/** "Wed Oct 10 20:19:24 +0000 2018" */
function xDate(iso: string): string {
  const d = new Date(iso);
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}
/** Facebook and Instagram: UTF-8 bytes written as \u00XX escapes. */
function metaJson(value: unknown): string {
  const mojibake = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));
  const walk = (v: unknown): unknown =>
    typeof v === 'string' ? mojibake(v) : Array.isArray(v) ? v.map(walk) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v;
  return JSON.stringify(walk(value), null, 2).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
/** A stand-in for a photo: bytes that are not text. */
const PHOTO = new Uint8Array(4096).map((_, i) => (i * 37) % 256);

export function buildFixtures(): Record<string, Fixture> {
  const posts = labelledPosts();
  const short = posts.filter((p) => p.text.length <= 280);
  const long = posts.filter((p) => p.text.length > 280);
  const at = (i: number) => new Date(Date.UTC(2019, 0, 1) + i * 9 * 86_400_000 + i * 3_600_000).toISOString();
  const fixtures: Record<string, Fixture> = {};

  // X, current layout: "tweet" wrapper, a part file, a long post in note-tweet.js, a reply, a retweet.
  {
    const expected: ExpectedItem[] = [];
    const tweets: unknown[] = [];
    const part1: unknown[] = [];
    short.slice(0, 10).forEach((p, i) => {
      const date = at(i);
      const reply = i % 4 === 1;
      const tweet = { id_str: String(1_100_000_000_000 + i), full_text: entities(p.text), created_at: xDate(date), ...(reply ? { in_reply_to_status_id_str: '99', in_reply_to_screen_name: 'ouder_griftland' } : {}), entities: { hashtags: [], urls: [] } };
      (i < 7 ? tweets : part1).push({ tweet });
      expected.push({ source: 'x', kind: reply ? 'reply' : 'post', text: p.text, date, post: p.id });
    });
    const note = long[0]!;
    const noteDate = at(40);
    tweets.push({ tweet: { id_str: '1100000000000040', full_text: `${entities(note.text.slice(0, 270))}… https://t.co/abc123XYZ`, created_at: xDate(noteDate) } });
    expected.push({ source: 'x', kind: 'post', text: note.text, date: noteDate, post: note.id });
    const rtDate = at(41);
    tweets.push({ tweet: { id_str: '1100000000000041', full_text: 'RT @griftland: Open dag zaterdag &amp; iedereen welkom!', created_at: xDate(rtDate), retweeted: false } });
    expected.push({ source: 'x', kind: 'repost', text: 'RT @griftland: Open dag zaterdag & iedereen welkom!', date: rtDate });
    fixtures['x-2024'] = {
      files: {
        'data/account.js': ytd('account', [{ account: { accountId: '42', username: 'juf_griftland', accountDisplayName: 'Juf' } }]),
        'data/tweets.js': ytd('tweets', tweets),
        'data/tweets-part1.js': ytd('tweets_part1', part1).replace('part0', 'part1'),
        'data/note-tweet.js': ytd('note_tweet', [{ noteTweet: { noteTweetId: '77', createdAt: noteDate.replace(/\.\d{3}Z$/, '.000Z'), core: { text: note.text, urls: [], mentions: [] } } }]),
        'data/like.js': ytd('like', [{ like: { tweetId: '5', fullText: 'Someone else’s post that was liked' } }]),
        'data/direct-messages.js': ytd('direct_messages', [{ dmConversation: { messages: [{ messageCreate: { text: 'a private message' } }] } }]),
        'data/tweets_media/1100000000000003-photo.jpg': PHOTO,
      },
      expected,
      withoutText: 0,
    };
  }
  // X, the first GDPR archives (2018-2019): tweet.js at the root (no data/), tweet objects without
  // the wrapper, no account.js; unpacked into a folder.
  {
    const expected: ExpectedItem[] = [];
    const tweets = short.slice(10, 14).map((p, i) => {
      const date = at(60 + i);
      expected.push({ source: 'x', kind: 'post', text: p.text, date, post: p.id });
      return { id_str: String(900_000_000 + i), full_text: entities(p.text), created_at: xDate(date) };
    });
    fixtures['x-2019-folder'] = { files: { 'twitter-2019-05-01-abc/tweet.js': ytd('tweet', tweets), 'twitter-2019-05-01-abc/account.js': ytd('account', [{ account: { username: 'juf_oud' } }]) }, expected, withoutText: 0, folder: true };
  }
  // X, 2020-2022: data/tweet.js ("window.YTD.tweet.part0") with the "tweet" wrapper, re-zipped on a
  // Mac (__MACOSX/ copies of the metadata, which are not the archive's).
  {
    const expected: ExpectedItem[] = [];
    const tweets = short.slice(14, 16).map((p, i) => {
      const date = at(66 + i);
      expected.push({ source: 'x', kind: 'post', text: p.text, date, post: p.id });
      return { tweet: { id_str: String(1_200_000_000_000 + i), full_text: entities(p.text), created_at: xDate(date) } };
    });
    fixtures['x-2021'] = {
      files: { 'data/tweet.js': ytd('tweet', tweets), '__MACOSX/data/._tweet.js': new Uint8Array([0, 5, 22, 7, 0, 2, 0, 0]), 'data/account.js': ytd('account', [{ account: { username: 'juf_griftland' } }]) },
      expected,
      withoutText: 0,
    };
  }
  // Facebook, current layout (your_facebook_activity/…), with mojibake, a post whose text is only
  // in its photo's description (twice: counted once), a photo-only post, and friends' comments
  // nested in the media (not the person's).
  {
    const expected: ExpectedItem[] = [];
    const fbPosts: unknown[] = long.slice(1, 6).map((p, i) => {
      const date = at(80 + i);
      expected.push({ source: 'facebook', kind: 'post', text: p.text, date, post: p.id });
      return { timestamp: seconds(date), data: [{ post: p.text }], title: 'Juf Marieke heeft een bericht geplaatst.' };
    });
    const described = short[16]!;
    const dDate = at(86);
    fbPosts.push({
      timestamp: seconds(dDate),
      attachments: [{ data: [{ media: { uri: 'your_facebook_activity/posts/media/a.jpg', creation_timestamp: seconds(dDate), description: described.text, comments: [{ comment: 'Wat leuk! Groetjes van oma', author: 'Oma Riet' }] } }, { media: { uri: 'b.jpg', description: described.text } }] }],
      title: 'Juf Marieke heeft 2 foto’s toegevoegd.',
    });
    expected.push({ source: 'facebook', kind: 'post', text: described.text, date: dDate, post: described.id });
    fbPosts.push({ timestamp: seconds(at(87)), attachments: [{ data: [{ media: { uri: 'c.jpg' } }] }], title: 'Juf Marieke heeft een foto toegevoegd.' });
    const comments = short.slice(17, 21).map((p, i) => {
      const date = at(90 + i);
      expected.push({ source: 'facebook', kind: 'comment', text: p.text, date, post: p.id });
      return { timestamp: seconds(date), data: [{ comment: { timestamp: seconds(date), comment: p.text, author: 'Marieke de Vries' } }], title: 'Marieke de Vries heeft gereageerd op het bericht van Griftland College.' };
    });
    fixtures['facebook-2025'] = {
      files: {
        'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json': metaJson(fbPosts),
        'your_facebook_activity/comments_and_reactions/comments.json': metaJson({ comments_v2: comments }),
        'your_facebook_activity/posts/media/a.jpg': PHOTO,
        'your_facebook_activity/messages/inbox/x/message_1.json': metaJson({ messages: [{ content: 'private' }] }),
      },
      expected,
      withoutText: 1,
    };
  }
  // Facebook, older layout: posts/your_posts_1.json and comments/comments.json ("comments").
  {
    const expected: ExpectedItem[] = [];
    const fbPosts = long.slice(6, 9).map((p, i) => {
      const date = at(100 + i);
      expected.push({ source: 'facebook', kind: 'post', text: p.text, date, post: p.id });
      return { timestamp: seconds(date), data: [{ post: p.text }] };
    });
    const comments = short.slice(21, 23).map((p, i) => {
      const date = at(105 + i);
      expected.push({ source: 'facebook', kind: 'comment', text: p.text, date, post: p.id });
      return { timestamp: seconds(date), data: [{ comment: { timestamp: seconds(date), comment: p.text, author: 'Marieke de Vries' } }] };
    });
    fixtures['facebook-2020'] = { files: { 'posts/your_posts_1.json': metaJson(fbPosts), 'comments/comments.json': metaJson({ comments }) }, expected, withoutText: 0 };
  }
  // Facebook, 2018: posts/your_posts.json as {status_updates: [...]}, comments under "comments".
  {
    const expected: ExpectedItem[] = [];
    const updates = long.slice(9, 11).map((p, i) => {
      const date = at(110 + i);
      expected.push({ source: 'facebook', kind: 'post', text: p.text, date, post: p.id });
      return { timestamp: seconds(date), data: [{ post: p.text }, { update_timestamp: seconds(date) }], title: 'Marieke de Vries heeft haar status bijgewerkt.' };
    });
    updates.push({ timestamp: seconds(at(112)), data: [{ update_timestamp: seconds(at(112)) }], title: 'Marieke de Vries heeft een link gedeeld.' });
    fixtures['facebook-2018'] = { files: { 'posts/your_posts.json': metaJson({ status_updates: updates }), 'comments/comments.json': metaJson({ comments: [] }) }, expected, withoutText: 1 };
  }
  // Instagram, 2018-2020: one media.json keyed by type, {caption, taken_at} without a time zone.
  {
    const expected: ExpectedItem[] = [];
    const photos = short.slice(35, 37).map((p, i) => {
      const date = at(150 + i);
      expected.push({ source: 'instagram', kind: 'caption', text: p.text, date, post: p.id });
      return { caption: p.text, taken_at: date.replace(/\.000Z$/, ''), path: `photos/2019/${i}.jpg` };
    });
    const video = short[37]!;
    const vDate = at(153);
    expected.push({ source: 'instagram', kind: 'caption', text: video.text, date: vDate, post: video.id });
    fixtures['instagram-2019'] = {
      files: { 'media.json': metaJson({ photos: [...photos, { caption: '', taken_at: '2019-06-01T10:00:00', path: 'photos/x.jpg' }], videos: [{ caption: video.text, taken_at: vDate.replace(/\.000Z$/, ''), path: 'videos/v.mp4' }], profile: [] }) },
      expected,
      withoutText: 1,
    };
  }
  // Instagram, 2025 layout (your_instagram_activity/media/ with reels.json), a carousel whose
  // caption is on the post, a photo without caption, comments wrapped in comments_media_comments.
  {
    const expected: ExpectedItem[] = [];
    const igPosts: unknown[] = short.slice(23, 27).map((p, i) => {
      const date = at(120 + i);
      expected.push({ source: 'instagram', kind: 'caption', text: p.text, date, post: p.id });
      return { media: [{ uri: `media/posts/${i}.jpg`, creation_timestamp: seconds(date), title: p.text }] };
    });
    const carousel = short[27]!;
    const cDate = at(125);
    igPosts.push({ media: [{ uri: 'media/posts/c1.jpg', creation_timestamp: seconds(cDate), title: '' }, { uri: 'media/posts/c2.jpg', creation_timestamp: seconds(cDate), title: '' }], title: carousel.text, creation_timestamp: seconds(cDate) });
    expected.push({ source: 'instagram', kind: 'caption', text: carousel.text, date: cDate, post: carousel.id });
    igPosts.push({ media: [{ uri: 'media/posts/empty.jpg', creation_timestamp: seconds(at(126)), title: '' }] });
    const reel = short[28]!;
    const rDate = at(127);
    expected.push({ source: 'instagram', kind: 'caption', text: reel.text, date: rDate, post: reel.id });
    const comments = short.slice(29, 31).map((p, i) => {
      const date = at(130 + i);
      expected.push({ source: 'instagram', kind: 'comment', text: p.text, date, post: p.id });
      return { media_list_data: [{ uri: '' }], string_map_data: { Comment: { value: p.text }, 'Media Owner': { value: 'griftlandcollege' }, Time: { timestamp: seconds(date) } } };
    });
    fixtures['instagram-2025'] = {
      files: {
        'instagram-juf.marieke-2025-11-02-abc/your_instagram_activity/media/posts_1.json': metaJson(igPosts),
        'instagram-juf.marieke-2025-11-02-abc/your_instagram_activity/media/reels.json': metaJson({ ig_reels_media: [{ media: [{ uri: 'media/reels/r.mp4', creation_timestamp: seconds(rDate), title: reel.text }] }] }),
        'instagram-juf.marieke-2025-11-02-abc/your_instagram_activity/comments/post_comments_1.json': metaJson({ comments_media_comments: comments }),
        'instagram-juf.marieke-2025-11-02-abc/media/posts/0.jpg': PHOTO,
      },
      expected,
      withoutText: 1,
    };
  }
  // Instagram, 2021-2023: content/posts_1.json and comments/post_comments.json as a plain list,
  // from an account in Dutch.
  {
    const expected: ExpectedItem[] = [];
    const igPosts = short.slice(31, 34).map((p, i) => {
      const date = at(140 + i);
      expected.push({ source: 'instagram', kind: 'caption', text: p.text, date, post: p.id });
      return { media: [{ uri: `media/posts/${i}.jpg`, creation_timestamp: seconds(date), title: p.text }] };
    });
    const comments = short.slice(34, 35).map((p, i) => {
      const date = at(145 + i);
      expected.push({ source: 'instagram', kind: 'comment', text: p.text, date, post: p.id });
      // An account in Dutch: the keys are Dutch too.
      return { string_map_data: { Opmerking: { value: p.text }, 'Media-eigenaar': { value: 'griftlandcollege' }, Tijd: { timestamp: seconds(date) } } };
    });
    fixtures['instagram-2022'] = { files: { 'content/posts_1.json': metaJson(igPosts), 'comments/post_comments.json': metaJson(comments) }, expected, withoutText: 0 };
  }
  return fixtures;
}

/** The bad inputs: a zip cut off in the middle, a zip of something else, an HTML export. */
export function badArchives(): Record<string, Uint8Array> {
  const good = zip({ 'data/tweets.js': ytd('tweets', [{ tweet: { id_str: '1', full_text: 'x'.repeat(5000), created_at: xDate('2020-01-01T00:00:00Z') } }]) });
  return {
    'corrupt.zip': good.slice(0, Math.floor(good.length * 0.6)),
    'not-an-export.zip': zip({ 'holiday/photo.jpg': PHOTO, 'notes.txt': 'shopping list' }),
    'html-export.zip': zip({ 'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html': '<html><body>posts</body></html>' }),
    'not-a-zip.zip': new TextEncoder().encode('This is a text file with a .zip name.'),
    'x-classic.zip': zip({ 'tweets.csv': '"tweet_id","timestamp","text"\n"1","2014-01-01 10:00:00 +0000","hallo"\n', 'data/js/tweets/2014_01.js': 'Grailbird.data.tweets_2014_01 = []', 'index.html': '<html></html>' }),
  };
}

/** Deterministic zips: a fixed time on every entry. */
export function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [path, content] of Object.entries(files)) {
    entries[path] = [typeof content === 'string' ? new TextEncoder().encode(content) : content, { mtime: new Date('2025-01-01T00:00:00Z'), level: typeof content === 'string' ? 6 : 0 }];
  }
  return zipSync(entries);
}

export function writeFixtures(dir = ARCHIVE_FIXTURES): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest: Record<string, { archive: string; expected: ExpectedItem[]; withoutText: number }> = {};
  for (const [name, fixture] of Object.entries(buildFixtures())) {
    const archive = fixture.folder ? name : `${name}.zip`;
    if (fixture.folder) {
      for (const [path, content] of Object.entries(fixture.files)) {
        const full = join(dir, name, ...path.split('/'));
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    } else writeFileSync(join(dir, archive), zip(fixture.files));
    manifest[name] = { archive, expected: fixture.expected, withoutText: fixture.withoutText };
  }
  for (const [name, bytes] of Object.entries(badArchives())) writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(manifest, null, 2) + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFixtures();
  console.log(`written: ${ARCHIVE_FIXTURES}`);
}
