import { isFacebookFile, isInstagramFile, readFacebook, readInstagram } from './meta.ts';
import { ArchiveError, newestFirst, type ArchiveFiles, type ArchiveItem, type ArchiveReadResult, type ArchiveSource } from './types.ts';
import { isClassicXArchive, isXFile, readX } from './x.ts';

/** Is this entry one a reader needs? Everything else (photos, videos, HTML) is never read. */
export function isWantedEntry(path: string): boolean {
  // A zip made again on a Mac carries copies of every file's metadata under __MACOSX/.
  if (path.startsWith('__MACOSX/') || path.includes('/__MACOSX/')) return false;
  return isXFile(path) || isFacebookFile(path) || isInstagramFile(path);
}

/** An export in HTML instead of JSON: the person chose the other format when downloading. */
export function looksLikeHtmlExport(paths: readonly string[]): boolean {
  return paths.some((p) => /(?:^|\/)(?:your_posts(?:__check_ins__photos_and_videos)?_\d+|posts_\d+|post_comments(?:_\d+)?|comments|profile_information)\.html$/.test(p) || /(?:^|\/)album\/\d+\.html$/.test(p));
}

const READERS: [ArchiveSource, (path: string) => boolean, (files: ArchiveFiles, problems: string[], counters: { withoutText: number }) => ArchiveItem[]][] = [
  ['x', isXFile, readX],
  ['facebook', isFacebookFile, readFacebook],
  ['instagram', isInstagramFile, readInstagram],
];

/** The items of an export's text entries. Throws ArchiveError when nothing in it is an export. */
export function readArchiveFiles(files: ArchiveFiles, allPaths: readonly string[] = [...files.keys()]): ArchiveReadResult {
  const problems: string[] = [];
  const counters = { withoutText: 0 };
  const sources: ArchiveSource[] = [];
  const paths = [...files.keys()];
  const items: ArchiveItem[] = [];
  for (const [source, isFile, read] of READERS) {
    if (!paths.some(isFile)) continue;
    sources.push(source);
    items.push(...read(files, problems, counters));
  }
  if (!sources.length) {
    if (isClassicXArchive(allPaths)) throw new ArchiveError('classic-x');
    if (looksLikeHtmlExport(allPaths)) {
      throw new ArchiveError('html-export');
    }
    throw new ArchiveError('not-export');
  }
  return { items: uniqueIds(items).sort(newestFirst), sources, problems, withoutText: counters.withoutText };
}

/** Ids are unique within the archive (a page keys its list by them, a report links them). The
 * readers' ids are the platform's own or a file's name and place, which can repeat: a Facebook
 * comment entry with two comments in it, files of the same name in two folders, an X id that
 * spells another's. A repeat gets "#2", "#3" in the order the items were read. */
function uniqueIds(items: ArchiveItem[]): ArchiveItem[] {
  const used = new Set<string>();
  return items.map((item) => {
    let id = item.id;
    for (let n = 2; used.has(id); n++) id = `${item.id}#${n}`;
    used.add(id);
    return id === item.id ? item : { ...item, id };
  });
}
