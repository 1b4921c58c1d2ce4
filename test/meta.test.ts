import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_DOCS_DIR, ruleDoc } from '../scripts/gen-rule-docs.ts';
import { messageTemplate } from '../src/i18n/messages.ts';
import { RULE_IDS, RULES } from '../src/rules/index.ts';
import { zodForRule } from '../src/rules/options.ts';

const root = join(import.meta.dirname, '..');

// Like typescript-eslint's parity checks: every rule file is registered, tested and documented.
// The registry (src/rules/index.ts) is the one list of rules; the ids derive from it.
const NOT_RULES = new Set(['index.ts', 'ids.ts', 'define-rule.ts', 'options.ts', 'option-schema.ts']);
const ruleFiles = readdirSync(join(root, 'src', 'rules')).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));

describe('rule registry', () => {
  it('has one file per public rule id and nothing else', () => {
    expect(ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...RULE_IDS].sort());
  });
  for (const id of RULE_IDS) {
    describe(id, () => {
      it('is registered under its file name', async () => {
        const file = (await import(`../src/rules/${id}.ts`)) as { default: unknown };
        expect(file.default).toBe(RULES[id]);
        expect(RULES[id].id).toBe(id);
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
      it('has a default for every option of its schema, and the defaults pass the schema', () => {
        const { schema, defaultOptions } = RULES[id].meta;
        expect(Object.keys(defaultOptions as object).sort()).toEqual(Object.keys(schema).sort());
        expect(zodForRule(schema).safeParse(defaultOptions).success).toBe(true);
      });
    });
  }
});

// The module graph: which files import which (type-only imports aside: they leave no code).
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** What a file imports for its code: resolved paths of local modules, bare names of packages. */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specifiers = [
    ...[...code.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!),
    ...[...code.matchAll(/^\s*import\s+'([^']+)'/gm)].map((m) => m[1]!),
    ...[...code.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!),
  ];
  return specifiers.map((s) => (s.startsWith('.') ? resolve(dirname(file), s) : s));
}

const inside = (file: string, dir: string) => !relative(join(root, dir), file).startsWith('..');

describe('module boundaries', () => {
  // src/shared is the only door to extension APIs, and the background worker is the extension's
  // own: the engine, the rules, the wording and the CLI run in Node and must not lean on either.
  const nodeSide = ['src/cli', 'src/engine', 'src/rules', 'src/i18n', 'src/settings'];
  for (const dir of nodeSide) {
    it(`${dir} imports nothing from src/shared, src/background or webextension-polyfill`, () => {
      const files = sources(join(root, dir));
      expect(files.length).toBeGreaterThan(0);
      const wrong = files.flatMap((file) =>
        importsOf(file)
          .filter((target) => target === 'webextension-polyfill' || inside(target, 'src/shared') || inside(target, 'src/background'))
          .map((target) => `${relative(root, file)} -> ${target.startsWith('/') ? relative(root, target) : target}`),
      );
      expect(wrong).toEqual([]);
    });
  }

  it('the engine as the content script runs it bundles no zod and no option checks', () => {
    // From the engine's entry point, every module reached by code imports.
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const target of importsOf(file)) if (target.startsWith('/') && /\.tsx?$/.test(target)) walk(target);
    };
    walk(join(root, 'src', 'engine', 'analyze.ts'));
    expect(seen.has(join(root, 'src', 'rules', 'missing-disclaimer.ts'))).toBe(true);
    const zod = [...seen].filter((file) => importsOf(file).some((target) => target === 'zod' || target.startsWith('zod/')));
    expect(zod.map((file) => relative(root, file))).toEqual([]);
    expect(seen.has(join(root, 'src', 'rules', 'options.ts'))).toBe(false);
  });
});
