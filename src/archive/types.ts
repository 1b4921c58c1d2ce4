// An archive audit reads the export a person downloads from X, Facebook or Instagram and turns
// it into items: one per post, reply, comment or caption the person wrote. Pure TypeScript with
// no DOM and no Node APIs, so the CLI (Node) and the extension's audit page (a Web Worker) share
// it; only reading the zip or the folder differs (zip.ts, read-node.ts).

export const ARCHIVE_SOURCES = ['x', 'facebook', 'instagram'] as const;
export type ArchiveSource = (typeof ARCHIVE_SOURCES)[number];

/** How the platforms name themselves, for people. */
export const SOURCE_NAMES: Record<ArchiveSource, string> = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' };

/** "repost": someone else's words (an X retweet); listed, never checked. */
export const ARCHIVE_KINDS = ['post', 'reply', 'comment', 'caption', 'repost'] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];
/** Each kind's plural name in public/_locales ("berichten", "reacties"), for the CLI and the page. */
export const KIND_MESSAGES = {
  post: 'auditKindPost',
  reply: 'auditKindReply',
  comment: 'auditKindComment',
  caption: 'auditKindCaption',
  repost: 'auditKindRepost',
} as const satisfies Record<ArchiveKind, string>;

export interface ArchiveItem {
  source: ArchiveSource;
  /** Unique within the archive: the platform's id where the export has one. */
  id: string;
  /** ISO 8601 (UTC), or '' when the export gives no time. */
  date: string;
  kind: ArchiveKind;
  text: string;
  /** A link to open the post on the site, where the export allows one. */
  url?: string;
}

/** Newest first; items without a date last. */
export const newestFirst = (a: { date: string }, b: { date: string }) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/** The text entries of an export that a reader needs, by path inside the archive. */
export type ArchiveFiles = ReadonlyMap<string, string>;

export interface ArchiveReadResult {
  items: ArchiveItem[];
  /** Which platforms' files were recognised. */
  sources: ArchiveSource[];
  /** Entries that were recognised but could not be read, with the reason (path: reason). */
  problems: string[];
  /** Posts without any text (a photo alone): counted, not listed. */
  withoutText: number;
}

/** Bad input: a corrupt zip, not an export, an unreadable file. The reason names a message
 * (archive* in public/_locales) that each door words in its language; the detail (an entry's
 * name, the zip library's words) is for the curious and stays in English. */
export const ARCHIVE_ERRORS = {
  'not-zip': 'archiveNotZip',
  empty: 'archiveEmpty',
  corrupt: 'archiveCorrupt',
  'not-export': 'archiveNotExport',
  'html-export': 'archiveHtmlExport',
  'classic-x': 'archiveClassicX',
  unreadable: 'archiveUnreadable',
  'not-found': 'archiveNotFound',
} as const;
export type ArchiveErrorReason = keyof typeof ARCHIVE_ERRORS;

export class ArchiveError extends Error {
  constructor(
    readonly reason: ArchiveErrorReason,
    readonly detail = '',
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}
