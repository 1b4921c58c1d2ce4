import type { PlatformAdapter } from './types.ts';
import { facebook } from './facebook.ts';
import { instagram } from './instagram.ts';
import { x } from './x.ts';

/** The adapter for the page's host; the manifest's matches decide where we run at all. */
export function adapterFor(hostname: string): PlatformAdapter | undefined {
  if (hostname === 'x.com' || hostname === 'twitter.com' || hostname.endsWith('.x.com') || hostname.endsWith('.twitter.com')) return x;
  if (hostname.endsWith('facebook.com')) return facebook;
  if (hostname.endsWith('instagram.com')) return instagram;
  return undefined;
}
