import { fromEngineData } from '../engine-data.ts';
import { pattern } from '../lexicon-records.ts';

// Does a text mention school life at all? Asked about a parent's own child ("mijn zoon") and
// about family words ("the kids"): with such a word they may well be about school. Any word
// with "school" in it (basisschool, schooldag) and any word ending in a class (coronaklasje)
// are found by a literal scan; the other words (school.json schoolLife) by a whole-word pattern.
const SCHOOL_COMPOUND = /school/u;
const CLASS_COMPOUND = /klas(?:je|sen)?(?![\p{L}])/u;
const schoolLife = fromEngineData(({ school }) => pattern(school.schoolLife));

export function mentionsSchoolLife(folded: string): boolean {
  if (SCHOOL_COMPOUND.test(folded) || CLASS_COMPOUND.test(folded)) return true;
  const re = schoolLife();
  re.lastIndex = 0;
  return re.test(folded);
}
