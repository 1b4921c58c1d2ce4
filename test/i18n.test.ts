import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPageOnlyMessage } from '../src/shared/i18n.ts';

// Every user-facing message id exists in both languages (nl first, en) and is used somewhere:
// in code through t('id') or in the manifest as __MSG_id__.

const root = join(import.meta.dirname, '..');
const read = (lang: string) => JSON.parse(readFileSync(join(root, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const nl = read('nl');
const en = read('en');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

// Used: named in code as a string literal (t('id') or a MessageId map like { employee: 'roleEmployee' }).
const used = new Set<string>();
for (const file of sources(join(root, 'src'))) {
  for (const m of readFileSync(file, 'utf8').matchAll(/'([A-Za-z0-9_]+)'/g)) if (m[1]! in nl) used.add(m[1]!);
  for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
}
for (const m of readFileSync(join(root, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]!);

describe('i18n', () => {
  it('the content script carries only its own messages: no code it bundles names a page-only one', () => {
    // Code the content script bundles: src/content, src/ui, src/rules, src/engine and the finding
    // text (src/i18n/finding-text.ts; src/i18n/messages.ts holds the tables, not message ids).
    const contentSide = ['content', 'ui', 'rules', 'engine'].flatMap((dir) => sources(join(root, 'src', dir))).concat(join(root, 'src', 'i18n', 'finding-text.ts'));
    const named = contentSide.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!).filter((id) => id in nl));
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter(isPageOnlyMessage)).toEqual([]);
    // And the split is real: the pages have texts of their own that stay out of the content script.
    expect(Object.keys(nl).filter(isPageOnlyMessage).length).toBeGreaterThan(40);
  });

  it('has the same message ids in Dutch and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });
  it('has every used message id', () => {
    expect([...used].filter((id) => !(id in nl)).sort()).toEqual([]);
  });
  it('has no unused message ids', () => {
    expect(Object.keys(nl).filter((id) => !used.has(id)).sort()).toEqual([]);
  });
  it('has no empty messages and the same placeholders in both languages', () => {
    for (const id of Object.keys(nl)) {
      expect(nl[id]!.message.trim(), id).not.toBe('');
      expect(en[id]!.message.trim(), id).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\$(\w+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
      expect(names(en[id]!.message), id).toEqual(names(nl[id]!.message));
    }
  });
});
