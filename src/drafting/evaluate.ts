// Scores a draft against a hand-made answer, for the drafting benchmark (scripts/protocol-eval.ts)
// and its floor in the tests. A proposed rule is right when the answer has that rule kind at the
// same article, or with a quote that shares most of its words with the proposed one (documents
// number the same passage differently: "2c" or "2 c", "Artikel 4" or "4").
import { foldForPatterns } from './map-rules.ts';

export interface AnswerRule {
  ruleId: string;
  article: string;
  quote: string;
}

export interface ProposedRule {
  ruleId: string;
  article: string;
  quote: string;
}

export interface Score {
  /** Rule kinds in the answer, and how many of them a right proposal found. */
  expected: number;
  found: number;
  /** Proposals, and how many of them were right. */
  proposed: number;
  right: number;
  missed: string[];
  wrong: string[];
}

const normArticle = (a: string) =>
  foldForPatterns(a).replace(/^(?:artikel|article|art\.)\s*/u, '').replace(/[\s.]+$/u, '').replace(/\s+/gu, '');
const words = (s: string) => new Set(foldForPatterns(s).match(/[\p{L}\p{N}]+/gu) ?? []);

/** Share of the shorter quote's words that the other has. */
export function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}

/** The same article, or a paragraph or bullet ("Foto's en filmpjes ¶2") of the section the
 * answer cites by its heading. */
function sameArticle(answer: string, proposed: string): boolean {
  const a = normArticle(answer);
  const p = normArticle(proposed);
  return a === p || (p.startsWith(a) && /^[¶•]\d+$/u.test(p.slice(a.length)));
}

export function agrees(answer: AnswerRule, proposed: ProposedRule): boolean {
  return answer.ruleId === proposed.ruleId && (sameArticle(answer.article, proposed.article) || overlap(answer.quote, proposed.quote) >= 0.6);
}

export function scoreDraft(answer: AnswerRule[], proposals: ProposedRule[]): Score {
  const kinds = [...new Set(answer.map((a) => a.ruleId))];
  const right = proposals.filter((p) => answer.some((a) => agrees(a, p)));
  const missed = kinds.filter((k) => !right.some((p) => p.ruleId === k));
  return {
    expected: kinds.length,
    found: kinds.length - missed.length,
    proposed: proposals.length,
    right: right.length,
    missed,
    wrong: proposals.filter((p) => !right.includes(p)).map((p) => `${p.ruleId}@${p.article}`),
  };
}

export function totals(scores: Score[]): { recall: number; precision: number; f1: number; found: number; expected: number; right: number; proposed: number } {
  const sum = (k: 'expected' | 'found' | 'proposed' | 'right') => scores.reduce((n, s) => n + s[k], 0);
  const recall = sum('expected') ? sum('found') / sum('expected') : 0;
  const precision = sum('proposed') ? sum('right') / sum('proposed') : 0;
  const f1 = recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
  return { recall, precision, f1, found: sum('found'), expected: sum('expected'), right: sum('right'), proposed: sum('proposed') };
}
