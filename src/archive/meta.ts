import type { ArchiveFiles, ArchiveItem } from './types.ts';
import { asArray, asString, decodeMojibake, field, isoFromSeconds } from './text.ts';

// Facebook and Instagram ("Download your information", JSON format). Both write text as
// Latin-1-escaped UTF-8 (decodeMojibake) and times as seconds since the epoch. The exports
// give no post ids or links, so an item's id is its file, its place and its time.

// Facebook: your posts (your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json
// since 2024; posts/your_posts_1.json before; posts/your_posts.json as {status_updates} in 2018),
// each {timestamp, data: [{post}], attachments: [{data:
// [{media: {description}}]}], title}; a post with only a photo may carry its text in the media
// description (counted once). Your comments (…/comments_and_reactions/comments.json, older
// comments/comments.json) under "comments_v2" (older "comments"), each {timestamp, data:
// [{comment: {comment, author}}]}: only the person's own; friends' comments nested in media are
// not read.
const FB_POSTS = /(?:^|\/)posts\/your_posts(?:__check_ins__photos_and_videos)?(?:_\d+)?\.json$/;
const FB_COMMENTS = /(?:^|\/)comments(?:_and_reactions)?\/comments(?:_\d+)?\.json$/;

// Instagram: posts (content/posts_1.json from 2021; your_instagram_activity/content/ from late
// 2023; your_instagram_activity/media/ with reels.json since March 2025), each {media: [{uri,
// creation_timestamp, title}], title?, creation_timestamp?}: a carousel's caption is the
// top-level title. Before 2021 a single media.json. Comments (comments/post_comments_1.json,
// reels_comments.json): a plain list or wrapped in "comments_media_comments" /
// "comments_reels_comments", each {string_map_data: {Comment: {value}, Time: {timestamp}}}, with
// the keys in the account's language.
const IG_POSTS = /(?:^|\/)(?:content|media)\/(?:posts(?:_\d+)?|reels|igtv_videos)\.json$/;
// The first exports (2018-2020): media.json, an object keyed by type ({photos: [{caption, taken_at}]}).
const IG_MEDIA_2019 = /(?:^|\/)media\.json$/;
const IG_COMMENTS = /(?:^|\/)comments\/(?:post_comments(?:_\d+)?|reels_comments)\.json$/;

// The file names differ between the two (your_posts… and comments.json for Facebook; posts_1,
// reels, post_comments for Instagram), so one archive may even hold both.
export const isFacebookFile = (path: string) => FB_POSTS.test(path) || FB_COMMENTS.test(path);
export const isInstagramFile = (path: string) => IG_POSTS.test(path) || IG_COMMENTS.test(path) || IG_MEDIA_2019.test(path);

const text = (value: unknown) => decodeMojibake(asString(value)).trim();

interface Counters {
  withoutText: number;
}

function parseJson(path: string, source: string, problems: string[]): unknown {
  try {
    return JSON.parse(source);
  } catch {
    problems.push(`${path}: not valid JSON`);
    return undefined;
  }
}

export function readFacebook(files: ArchiveFiles, problems: string[], counters: Counters): ArchiveItem[] {
  const items: ArchiveItem[] = [];
  for (const [path, source] of sorted(files, FB_POSTS)) {
    const doc = parseJson(path, source, problems);
    const posts = Array.isArray(doc) ? doc : asArray(field(doc, 'status_updates_v2') ?? field(doc, 'status_updates'));
    posts.forEach((post, i) => {
      const own = asArray(field(post, 'data')).map((d) => text(field(d, 'post'))).filter(Boolean);
      // Text only in the media: each distinct description once.
      const descriptions = own.length
        ? []
        : [...new Set(asArray(field(post, 'attachments')).flatMap((a) => asArray(field(a, 'data')).map((d) => text(field(field(d, 'media'), 'description'))).filter(Boolean)))];
      const body = [...own, ...descriptions].join('\n\n');
      if (!body) {
        counters.withoutText++;
        return;
      }
      const date = isoFromSeconds(field(post, 'timestamp'));
      items.push({ source: 'facebook', id: `facebook:${basename(path)}:${i}`, date, kind: 'post', text: body });
    });
  }
  for (const [path, source] of sorted(files, FB_COMMENTS)) {
    const doc = parseJson(path, source, problems);
    const comments = Array.isArray(doc) ? doc : asArray(field(doc, 'comments_v2') ?? field(doc, 'comments'));
    comments.forEach((entry, i) => {
      for (const d of asArray(field(entry, 'data'))) {
        const comment = field(d, 'comment');
        const body = text(field(comment, 'comment'));
        if (!body) continue;
        const date = isoFromSeconds(field(comment, 'timestamp') ?? field(entry, 'timestamp'));
        items.push({ source: 'facebook', id: `facebook:${basename(path)}:${i}`, date, kind: 'comment', text: body });
      }
    });
  }
  return items;
}

export function readInstagram(files: ArchiveFiles, problems: string[], counters: Counters): ArchiveItem[] {
  const items: ArchiveItem[] = [];
  for (const [path, source] of sorted(files, IG_POSTS)) {
    const doc = parseJson(path, source, problems);
    const posts = Array.isArray(doc) ? doc : asArray(field(doc, 'ig_reels_media') ?? field(doc, 'ig_igtv_media') ?? field(doc, 'photos') ?? field(doc, 'media'));
    posts.forEach((post, i) => {
      const media = asArray(field(post, 'media'));
      // A carousel's caption is on the post; a single photo's on its one media item.
      const caption = text(field(post, 'title')) || text(field(media[0], 'title')) || text(field(post, 'caption'));
      if (!caption) {
        counters.withoutText++;
        return;
      }
      const date = isoFromSeconds(field(post, 'creation_timestamp') ?? field(media[0], 'creation_timestamp') ?? field(post, 'taken_at'));
      items.push({ source: 'instagram', id: `instagram:${basename(path)}:${i}`, date, kind: 'caption', text: caption });
    });
  }
  for (const [path, source] of sorted(files, IG_MEDIA_2019)) {
    const doc = parseJson(path, source, problems);
    for (const kind of ['photos', 'videos'] as const) {
      asArray(field(doc, kind)).forEach((post, i) => {
        const caption = text(field(post, 'caption'));
        if (!caption) {
          counters.withoutText++;
          return;
        }
        // "2018-12-31T08:05:13", without a zone: read as UTC.
        const taken = asString(field(post, 'taken_at'));
        const time = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(taken) ? taken : `${taken}Z`);
        items.push({ source: 'instagram', id: `instagram:media-${kind}:${i}`, date: Number.isFinite(time) ? new Date(time).toISOString() : '', kind: 'caption', text: caption });
      });
    }
  }
  for (const [path, source] of sorted(files, IG_COMMENTS)) {
    const doc = parseJson(path, source, problems);
    const comments = Array.isArray(doc) ? doc : asArray(field(doc, 'comments_media_comments') ?? field(doc, 'comments_reels_comments'));
    comments.forEach((entry, i) => {
      const data = field(entry, 'string_map_data');
      // The keys are in the account's language: "Comment"/"Time", Dutch "Opmerking"/"Tijd".
      const body = text(field(field(data, 'Comment') ?? field(data, 'Opmerking'), 'value'));
      if (!body) return;
      const date = isoFromSeconds(field(field(data, 'Time') ?? field(data, 'Tijd'), 'timestamp'));
      items.push({ source: 'instagram', id: `instagram:${basename(path)}:${i}`, date, kind: 'comment', text: body });
    });
  }
  return items;
}

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');

function sorted(files: ArchiveFiles, pattern: RegExp): [string, string][] {
  return [...files].filter(([p]) => pattern.test(p)).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
}
