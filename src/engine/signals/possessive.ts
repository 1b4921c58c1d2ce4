import { fromEngineData } from '../engine-data.ts';
import { wordSet } from '../lexicon-records.ts';
import type { Match } from '../text/find.ts';
import type { TextIndex } from '../text/text-index.ts';

// "mijn klas", "onze 6 vwo'ers", "our Waldorf school", "my Waldheim year 4s": a possessive
// followed within three words (same clause) by a noun of interest.

/** The possessives (school.json), built from the engine data on first use. */
export const possessiveWords = fromEngineData(({ school }) => wordSet(school.possessives));
/** Child words that 'eigen'/'own' turn into the writer's own family (pupils.json familyChild). */
const ownFamilyWords = fromEngineData(({ pupils }) => wordSet(pupils.familyChild));

export function possessiveLinks(
  index: TextIndex,
  isNoun: (word: string) => boolean,
  options: { possessives?: ReadonlySet<string>; window?: number; extraStarts?: readonly Match[] } = {},
): Match[] {
  const possessives = options.possessives ?? possessiveWords();
  const window = options.window ?? 3;
  const found: Match[] = [];
  const { words, folded } = index;
  const extraByStart = new Map((options.extraStarts ?? []).map((m) => [m.start, m]));
  for (let i = 0; i < words.length; i++) {
    if (!possessives.has(words[i]!.text)) continue;
    for (let k = i + 1; k <= i + window && k < words.length; k++) {
      // Stop at a clause boundary between the words.
      if (/[.!?,;:\n()]/.test(folded.slice(words[k - 1]!.end, words[k]!.start))) break;
      // "mijn eigen kinderen", "my own kids": the writer's family, not a class of pupils.
      if (words[k - 1]!.text === 'eigen' || words[k - 1]!.text === 'own') {
        if (ownFamilyWords().has(words[k]!.text)) break;
      }
      if (isNoun(words[k]!.text)) {
        found.push({ start: words[i]!.start, end: words[k]!.end, text: folded.slice(words[i]!.start, words[k]!.end) });
        break;
      }
      const code = extraByStart.get(words[k]!.start);
      if (code) {
        found.push({ start: words[i]!.start, end: code.end, text: folded.slice(words[i]!.start, code.end) });
        break;
      }
    }
  }
  return found;
}
