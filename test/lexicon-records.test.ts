import { describe, expect, it } from 'vitest';
import { lexiconRecords, RECORD_FILES } from '../scripts/lexicons.ts';
import { recordMatcher } from '../src/engine/lexicon-records.ts';
import { findAll } from '../src/engine/text/find.ts';
import { foldText } from '../src/engine/text/fold.ts';
import { WE_OF_LAST_WORDS } from '../src/engine/signals/affiliation.ts';

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

// A pattern is scanned over whole posts. When one of its alternatives starts with a look-behind
// or a large class (\p{L}, [^…]), V8 cannot skip ahead to likely first characters and tries the
// whole pattern at every position: four such patterns took a quarter of a check's time. Put the
// look-behind after the first character instead ("c(?<=\p{L}-c)ollega"). Whole-word patterns
// ('pattern' records) get their leading word-boundary look-behind from wordRegExp, which
// findAll strips for the scan.
const SLOW_START = /^(?:\(\?<[=!]|\\[pP]\{|\[\\[pP]\{|\[\^)/;
const SLOW_START_ALLOWED: Record<string, string> = {
  'pupils.initials': 'run by findBeforeMark, only at the character before each dot',
  'pupils.animals': 'tested per sentence; its words include suffixes of each other, so the look-behind cannot follow them',
  'affiliation.job': 'a part of other patterns, always after a word they matched first',
  'affiliation.jobBefore': 'run on the few words before a school name, not on the post',
};

/** The top-level alternatives of a pattern source (inside one wrapping group, if any). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      current += c + source[++i];
      continue;
    }
    if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  out.push(current);
  return out;
}

describe('lexicon patterns start where V8 can skip ahead', () => {
  for (const file of RECORD_FILES) {
    const { records } = lexiconRecords(file);
    for (const [id, record] of Object.entries(records)) {
      const source = 'pattern' in record ? record.pattern : 'regex' in record ? record.regex : undefined;
      if (source === undefined || `${file}.${id}` in SLOW_START_ALLOWED) continue;
      it(`${file}.${id}`, () => {
        expect(alternatives(source).filter((a) => SLOW_START.test(a))).toEqual([]);
      });
    }
  }

  it('the allowed exceptions still exist', () => {
    for (const key of Object.keys(SLOW_START_ALLOWED)) {
      const [file, id] = key.split('.') as [string, string];
      expect(lexiconRecords(file as (typeof RECORD_FILES)[number]).records[id], key).toBeDefined();
    }
  });
});

// affiliation.ts runs weOfBefore only after one of WE_OF_LAST_WORDS (a speed prefilter before
// every mention of the school): each example the record must match has to end in one of them,
// so that a new form added to the record with its example cannot be skipped unnoticed.
describe('affiliation weOfBefore and its prefilter', () => {
  it('every matching example ends with one of WE_OF_LAST_WORDS', () => {
    const { records } = lexiconRecords('affiliation');
    const record = records.weOfBefore!;
    const last = (e: string) => fold(e).trim().split(/\s+/).pop()!;
    expect(record.examples.match.map(last).filter((w) => !WE_OF_LAST_WORDS.has(w))).toEqual([]);
  });
});
