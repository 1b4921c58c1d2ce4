import type { PlatformAdapter } from './types.ts';
import { facebook } from './facebook.ts';
import { instagram } from './instagram.ts';
import { x } from './x.ts';

/** Every site PostWijs works on, with the host names its manifest matches (the meta-test
 * keeps this list, the manifest, the label tables and the replica pages in step). */
export const PLATFORMS: readonly { adapter: PlatformAdapter; hosts: readonly string[] }[] = [
  { adapter: x, hosts: ['x.com', 'twitter.com'] },
  { adapter: facebook, hosts: ['www.facebook.com', 'web.facebook.com'] },
  { adapter: instagram, hosts: ['www.instagram.com'] },
];

/** The adapter for the page's host; the manifest's matches decide where we run at all. */
export function adapterFor(hostname: string): PlatformAdapter | undefined {
  return PLATFORMS.find((p) => p.hosts.includes(hostname))?.adapter;
}
