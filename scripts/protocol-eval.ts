// Measures how well drafting finds a protocol's rules: recall and precision of rule kinds whose
// cited article (or quote) agrees with a hand-made answer.
//   npm run protocol-eval              the bundled protocols (src/protocols/*.json, hand-made)
//                                      drafted from their own source texts
//   npm run protocol-eval -- DIR       a labelled set: DIR/*.txt with DIR/*.labels.json
// How a proposal is judged: src/drafting/evaluate.ts. Prints one line per protocol and
// the totals; --json prints the figures as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftProtocol, NotAProtocolError } from '../src/drafting/draft.ts';
import { scoreDraft, totals, type AnswerRule, type Score } from '../src/drafting/evaluate.ts';

type GoldRule = AnswerRule;
/** A labelled protocol: its text and the hand-made answer (test/protocol-set/README.md). */
export interface Labels {
  source: string;
  board: string;
  schools: string[];
  rules: GoldRule[];
}
export interface Case {
  name: string;
  text: string;
  gold: GoldRule[];
  /** A labelled set's whole labels file. */
  labels?: Labels;
}

const root = join(import.meta.dirname, '..');

/** The five bundled schools' protocols, drafted from their sources, against their hand-made JSON. */
export function seedCases(): Case[] {
  const dir = join(root, 'src/protocols');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'algemeen.json')
    .sort()
    .map((f) => {
      const protocol = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; rules: Record<string, { article: string; quote: string }> };
      return {
        name: protocol.id,
        text: readFileSync(join(dir, 'sources', `${protocol.id}.txt`), 'utf8'),
        gold: Object.entries(protocol.rules).map(([ruleId, r]) => ({ ruleId, article: r.article, quote: r.quote })),
      };
    });
}

export function labelledCases(dir: string): Case[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.labels.json'))
    .sort()
    .map((f) => {
      const labels = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Labels;
      return { name: basename(f, '.labels.json'), text: readFileSync(join(dir, labels.source), 'utf8'), gold: labels.rules, labels };
    });
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dir = args.find((a) => !a.startsWith('--'));
  const cases = dir ? labelledCases(dir) : seedCases();
  const scores: Score[] = [];
  const rows: unknown[] = [];
  for (const c of cases) {
    let proposals: { ruleId: string; article: string; quote: string }[] = [];
    let error: string | undefined;
    try {
      proposals = draftProtocol({ text: c.text, fileName: `${c.name}.txt` }).proposals;
    } catch (e) {
      if (!(e instanceof NotAProtocolError)) throw e;
      error = e.reason;
    }
    const score = scoreDraft(c.gold, proposals);
    scores.push(score);
    rows.push({ name: c.name, ...score, error });
    if (!json) {
      console.log(`${c.name.padEnd(28)} recall ${score.found}/${score.expected}  precision ${score.right}/${score.proposed}` +
        (score.missed.length ? `  missed: ${score.missed.join(', ')}` : '') + (score.wrong.length ? `  wrong: ${score.wrong.join(', ')}` : '') + (error ? `  (${error})` : ''));
    }
  }
  const t = totals(scores);
  if (json) console.log(JSON.stringify({ protocols: cases.length, ...t, rows }, null, 2));
  else console.log(`\n${cases.length} protocols: recall ${t.recall.toFixed(3)} (${t.found}/${t.expected}), precision ${t.precision.toFixed(3)} (${t.right}/${t.proposed}), F1 ${t.f1.toFixed(3)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
