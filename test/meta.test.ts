import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_DOCS_DIR, ruleDoc } from '../scripts/gen-rule-docs.ts';
import { RULE_IDS } from '../src/rules/ids.ts';
import { RULES } from '../src/rules/index.ts';
import { messageTemplate } from '../src/shared/i18n.ts';

// Like typescript-eslint's parity checks: every rule file is registered, tested and documented.
const NOT_RULES = new Set(['index.ts', 'ids.ts', 'define-rule.ts', 'options.ts']);
const ruleFiles = readdirSync(join(import.meta.dirname, '..', 'src', 'rules')).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));

describe('rule registry', () => {
  it('has one file per public rule id and nothing else', () => {
    expect(ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...RULE_IDS].sort());
  });
  for (const id of RULE_IDS) {
    describe(id, () => {
      it('is registered under its file name', () => {
        expect(RULES[id]?.id).toBe(id);
      });
      it('has a test table', () => {
        expect(existsSync(join(import.meta.dirname, 'rules', `${id}.test.ts`))).toBe(true);
      });
      it('has an up-to-date doc page (npx tsx scripts/gen-rule-docs.ts)', () => {
        const path = join(RULE_DOCS_DIR, `${id}.md`);
        expect(existsSync(path)).toBe(true);
        expect(readFileSync(path, 'utf8')).toBe(ruleDoc(id));
      });
      it('has Dutch and English text for its description and every message, with the same placeholders', () => {
        const { meta } = RULES[id];
        expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
        for (const key of [meta.description, ...Object.values(meta.messages)]) {
          expect(messageTemplate('nl', key).trim(), key).not.toBe('');
          expect(messageTemplate('en', key).trim(), key).not.toBe('');
          const names = (s: string) => [...s.matchAll(/\$(\w+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();
          expect(names(messageTemplate('en', key)), key).toEqual(names(messageTemplate('nl', key)));
        }
      });
    });
  }
});
