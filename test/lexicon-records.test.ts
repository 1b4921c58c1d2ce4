import { describe, expect, it } from 'vitest';
import { lexiconRecords, RECORD_FILES } from '../scripts/lexicons.ts';
import { recordMatcher } from '../src/engine/lexicon-records.ts';
import { findAll } from '../src/engine/text/find.ts';
import { foldText } from '../src/engine/text/fold.ts';

// Every detection record carries examples that must and must not match it (as retext-equality's
// patterns do). They are run here on the folded text, the form the detectors see, with the
// record's own way of matching; a record used in a narrower way (a word before a name) still
// states what its words are.

const fold = (s: string) => foldText(s).folded;

function matches(re: RegExp, text: string): boolean {
  if (re.global) return findAll(re, text).length > 0;
  return re.test(text);
}

describe('lexicon records', () => {
  for (const file of RECORD_FILES) {
    const { records, problems } = lexiconRecords(file);
    it(`${file}.json is valid (schema, ids, folded words)`, () => {
      expect(problems).toEqual([]);
    });
    // {{name}} in a pattern is another record of the same file.
    const parts = Object.fromEntries(
      Object.entries(records).flatMap(([id, r]) => ('pattern' in r ? [[id, r.pattern]] : 'regex' in r ? [[id, r.regex]] : [])),
    );
    for (const [id, record] of Object.entries(records)) {
      it(`${file}.${id}: its examples match and its counter-examples do not`, () => {
        const re = recordMatcher(record, parts);
        const form = (e: string) => ('on' in record && record.on === 'original' ? e : fold(e));
        expect(record.examples.match.filter((e) => !matches(re, form(e)))).toEqual([]);
        expect(record.examples.noMatch.filter((e) => matches(re, form(e)))).toEqual([]);
      });
      if ('words' in record) {
        it(`${file}.${id} has no duplicate words`, () => {
          const seen = new Set<string>();
          expect(record.words.filter((w) => (seen.has(w) ? true : (seen.add(w), false)))).toEqual([]);
        });
      }
    }
  }
});
