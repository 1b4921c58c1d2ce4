import { PLATFORMS } from './platforms/index.ts';
import type { Classification, PlatformAdapter } from './platforms/types.ts';

// "Kopieer diagnose": what a box PostWijs does not recognise looks like, for the school's ICT
// contact or for us to fix the adapter after a site changed. It describes structure only:
// tag names, roles, a few attributes, and the adapter's decisions. It never contains text of
// the page or the post: no text nodes are read, and every attribute that a site fills with
// words (aria-label, placeholder) or names (data-testid can hold a handle) is reduced to the
// words PostWijs itself knows from its label tables; anything else becomes "…".

const MAX_ANCESTORS = 14;
const MAX_BUTTONS = 16;

let vocabulary: Set<string> | undefined;
/** Words that may appear in a diagnosis: the labels' words of every platform, and a few of
 * the sites' generic UI words. Made on the first diagnosis, not when the content script starts
 * on every page. */
function knownWords(): Set<string> {
  vocabulary ??= new Set<string>([
    ...PLATFORMS.flatMap(({ adapter }) =>
      Object.values(adapter.labels).flatMap((l) => [...l.en, ...l.nl].flatMap((label) => label.toLowerCase().split(/\s+/))),
    ),
    ...'send verzenden close sluiten emoji like share save opslaan more meer options opties photo foto video gif reply comments reacties post posts text tekst'.split(' '),
  ]);
  return vocabulary;
}

/** Keeps the known words of a label; every other word becomes "…" (runs of them one "…"). */
export function maskLabel(label: string): string {
  const words = label.trim().split(/\s+/).filter(Boolean);
  const kept = words.map((w) => {
    const bare = w.toLowerCase().replace(/[.,:;!?…]+$/, '');
    return knownWords().has(bare) ? w.replace(/[^\p{L}\p{N}…. -]/gu, '') : '…';
  });
  return kept.join(' ').replace(/…( …)+/g, '…');
}

/** Test ids are the sites' code names (tweetTextarea_0, toolBar, primaryColumn: lower camel
 * case with a capital inside), but parts can hold a user's handle ("UserAvatar-Container-
 * <handle>"), and a handle can look like a code name: only a first part of that shape is kept. */
export function maskTestId(id: string): string {
  const [first, ...rest] = id.split('-');
  return (/^[a-z]+[A-Z][A-Za-z]*(_\d+)?$/.test(first ?? '') ? first : '…') + (rest.length ? '-…' : '');
}

function describe(el: Element): string {
  const parts = [el.tagName.toLowerCase()];
  const attr = (name: string, value: string | null, mask?: (v: string) => string) => {
    if (value !== null) parts.push(`${name}="${mask ? mask(value) : value}"`);
  };
  const role = el.getAttribute('role');
  attr('role', role && /^[a-z]+$/.test(role) ? role : role === null ? null : '…');
  attr('aria-label', el.getAttribute('aria-label'), maskLabel);
  attr('aria-placeholder', el.getAttribute('aria-placeholder'), maskLabel);
  attr('placeholder', el.getAttribute('placeholder'), maskLabel);
  attr('data-testid', el.getAttribute('data-testid'), maskTestId);
  for (const flag of ['contenteditable', 'data-lexical-editor', 'aria-modal', 'aria-disabled', 'method', 'type'] as const) {
    const value = el.getAttribute(flag);
    if (value !== null) attr(flag, /^[a-zA-Z-]{0,20}$/.test(value) ? value : '…');
  }
  return parts.join(' ');
}

export interface DiagnosisInput {
  adapter: PlatformAdapter;
  editor: HTMLElement;
  classification: Classification;
  version: string;
}

export function diagnose({ adapter, editor, classification, version }: DiagnosisInput): string {
  const lines = [
    `PostWijs ${version} diagnose: ${adapter.id}, ${location.hostname}`,
    `box: ${describe(editor)}`,
    `decision: ${classification.ok ? `${classification.kind}, submit button ${classification.submitButton ? 'found' : 'not found'}, Enter sends: ${classification.submitsOnEnter}` : `not recognised (${classification.reason})`}`,
    `composer: ${describe(classification.composer)}`,
    'ancestors:',
  ];
  let depth = 0;
  for (let p = editor.parentElement; p && p !== document.body && depth < MAX_ANCESTORS; p = p.parentElement, depth++) lines.push(`  ${describe(p)}`);
  lines.push('buttons in the composer:');
  const buttons = [...classification.composer.querySelectorAll('[role="button"], button')].slice(-MAX_BUTTONS);
  for (const button of buttons) lines.push(`  ${describe(button)}${button.querySelector('svg') ? ' (icon)' : ''}`);
  if (!buttons.length) lines.push('  (none)');
  // The popup takes at most 8,000 characters (messages.ts); a diagnosis is far shorter.
  return lines.join('\n').slice(0, 6000);
}
