import type { ArchiveFiles, ArchiveItem } from './types.ts';
import { asArray, asString, decodeEntities, field, isoFromXDate } from './text.ts';

// X ("Download an archive of your data"), as the public parsers of it read it (sources in
// docs/ARCHIVES.md):
//   data/tweets.js since December 2022 ("window.YTD.tweets.part0 = [ { "tweet": { … } } ]"), with
//   data/tweets-part1.js, … in large archives; data/tweet.js from 2020 to 2022
//   ("window.YTD.tweet.part0"); tweet.js at the root, without data/, in the first archives of
//   2018-2019, whose items lack the "tweet" wrapper (it came in January 2020). Fields: id_str,
//   full_text (HTML-escaped), created_at ("Wed Oct 10 20:19:24 +0000 2018"),
//   in_reply_to_status_id_str. The variable name is never relied on: the JSON follows the "=".
//   data/note-tweet.js: the full text of a post over 280 characters ("noteTweet": {createdAt,
//   core: {text}}), whose tweet in tweets.js is cut off. Nothing links the two: a note belongs to
//   the tweet made within a second of it whose text starts the note's.
//   data/account.js: the user name, for links to the posts.
// Retweets ("RT @…") are someone else's words: listed as "repost", never checked. Deleted tweets,
// likes, direct messages and Twitter Circle copies are not read.

const TWEETS = /(?:^|\/)(?:data\/)?(?:tweets?|tweets?-part\d+)\.js$/;
const NOTE_TWEETS = /(?:^|\/)(?:data\/)?note-tweet(?:-part\d+)?\.js$/;
const ACCOUNT = /(?:^|\/)(?:data\/)?account\.js$/;
/** The archives of before 2019 ("Grailbird"): a CSV and monthly scripts, no window.YTD. */
export const isClassicXArchive = (paths: readonly string[]) => paths.some((p) => /(?:^|\/)tweets\.csv$/.test(p) || /(?:^|\/)data\/js\/tweets\/\d{4}_\d{2}\.js$/.test(p));

export const isXFile = (path: string) => TWEETS.test(path) || NOTE_TWEETS.test(path) || ACCOUNT.test(path);
export const hasXPosts = (files: ArchiveFiles) => [...files.keys()].some((p) => TWEETS.test(p));

/** "window.YTD.tweets.part0 = [ … ]" -> the array. Throws on anything else. */
export function parseYtd(source: string): unknown[] {
  const at = source.indexOf('=');
  const head = source.slice(0, at).trim();
  if (at < 0 || !/^window\.YTD\.[\w.]+$/.test(head)) throw new Error('no "window.YTD.… =" header');
  const value: unknown = JSON.parse(source.slice(at + 1).trim().replace(/;\s*$/, ''));
  if (!Array.isArray(value)) throw new Error('not a list');
  return value;
}

interface Note {
  text: string;
  date: string;
}

export function readX(files: ArchiveFiles, problems: string[], counters: { withoutText: number }): ArchiveItem[] {
  const read = (pattern: RegExp) => {
    const out: unknown[] = [];
    for (const [path, source] of [...files].filter(([p]) => pattern.test(p)).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
      try {
        out.push(...parseYtd(source));
      } catch (error) {
        problems.push(`${path}: ${(error as Error).message}`);
      }
    }
    return out;
  };
  const account = field(read(ACCOUNT)[0], 'account');
  const username = asString(field(account, 'username'));
  const notes: Note[] = read(NOTE_TWEETS).map((n) => {
    const note = field(n, 'noteTweet') ?? n;
    return { text: decodeEntities(asString(field(field(note, 'core'), 'text'))), date: isoFromXDate(field(note, 'createdAt')) };
  });
  const byStart = notesByStart(notes);

  const items: ArchiveItem[] = [];
  const seen = new Set<string>();
  for (const entry of read(TWEETS)) {
    const tweet = field(entry, 'tweet') ?? entry;
    const id = asString(field(tweet, 'id_str')) || asString(field(tweet, 'id'));
    if (!id || seen.has(id)) continue;
    seen.add(id);
    let text = decodeEntities(asString(field(tweet, 'full_text')) || asString(field(tweet, 'text')));
    const date = isoFromXDate(field(tweet, 'created_at'));
    // A long post: tweets.js holds its first 280 characters, note-tweet.js all of it.
    const note = notes.length ? noteOf(byStart, text, date) : undefined;
    if (note && note.text.length > text.length) text = note.text;
    // A post without any text (X writes a photo's link into the text, so only a damaged or
    // edited export has one): counted, not listed, as Facebook's and Instagram's are.
    if (!text.trim()) {
      counters.withoutText++;
      continue;
    }
    const reply = !!(field(tweet, 'in_reply_to_status_id_str') || field(tweet, 'in_reply_to_screen_name'));
    const kind = /^RT @\w+:/.test(text) ? 'repost' : reply ? 'reply' : 'post';
    items.push({
      source: 'x',
      id,
      date,
      kind,
      text,
      url: username ? `https://x.com/${encodeURIComponent(username)}/status/${id}` : `https://x.com/i/web/status/${id}`,
    });
  }
  return items;
}

/** A note can only be a tweet's when the tweet's text (at least MIN_START characters of it)
 * starts the note's: the notes by their first MIN_START characters, so that each tweet looks at
 * the few notes that start like it, not at all of them (10,000 tweets and 1,000 notes were ten
 * million comparisons). */
const MIN_START = 40;
function notesByStart(notes: readonly Note[]): Map<string, Note[]> {
  const index = new Map<string, Note[]>();
  for (const note of notes) {
    if (note.text.length < MIN_START) continue;
    const key = note.text.slice(0, MIN_START);
    const list = index.get(key);
    if (list) list.push(note);
    else index.set(key, [note]);
  }
  return index;
}

/** The note made within a second of the tweet whose text the tweet's starts; without times, the
 * text alone (at least 40 characters of it). */
function noteOf(byStart: ReadonlyMap<string, readonly Note[]>, text: string, date: string): Note | undefined {
  const head = cutHead(text);
  if (head.length < MIN_START) return undefined;
  const at = date ? Date.parse(date) : NaN;
  const alike = (byStart.get(head.slice(0, MIN_START)) ?? []).filter((n) => n.text.startsWith(head));
  return alike.find((n) => n.date && Math.abs(Date.parse(n.date) - at) < 1000) ?? alike.find((n) => !n.date || !date);
}

/** The cut-off tweet text without its "… https://t.co/x" ending. The link is found in the text
 * with its trailing blanks trimmed, not with a pattern that starts at blanks: that one is tried
 * from every blank of a long run, in quadratic time. */
function cutHead(cut: string): string {
  let head = cut;
  const trimmed = cut.trimEnd();
  const link = /https:\/\/t\.co\/\w+$/.exec(trimmed);
  if (link) head = trimmed.slice(0, link.index).trimEnd();
  return head.replace(/…$/, '').trim();
}
