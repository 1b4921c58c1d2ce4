// One check for protocol documents, wherever they come from: the bundled ones at build time
// (scripts/validate-protocols.ts), `postwijs protocol validate FILE`, and every draft (which must
// pass it before it is offered). The schema and the rules' option schemas decide what is valid;
// on top of that a quote shown to users must be clean text: no footnote markers glued to words
// ("persoonsgegevens2"), and, when the source text is at hand, every article must be verbatim
// from it (whitespace, line-end hyphens, footnote markers and bullet marks aside: an article's
// bullets are joined into its text).
import { safeParseOf } from '../engine/issue-text.ts';
import { normalizeWhitespace, protocolSchema } from '../engine/protocol-schema.ts';
import { validateRuleOptions } from '../rules/options.ts';
import { dropFootnoteMarkers, pagesFromText, repairPages } from './repair.ts';

export function validateProtocolDocument(raw: unknown, source?: string): string[] {
  const parsed = safeParseOf(protocolSchema, raw);
  if (!parsed) return ['(root): not a protocol document'];
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const protocol = parsed.data;
  const problems = validateRuleOptions(protocol);
  const marked = (text: string) => dropFootnoteMarkers(text) !== text;
  for (const article of protocol.articles) {
    // Private-use characters are font glyphs a PDF text layer leaks (Word's Symbol bullet U+F0B7).
    if (/[\uE000-\uF8FF]/u.test(article.text)) problems.push(`article ${article.number}: contains a PDF font glyph (U+${article.text.match(/[\uE000-\uF8FF]/u)![0].codePointAt(0)!.toString(16).toUpperCase()}) instead of text`);
    if (marked(article.text)) problems.push(`article ${article.number}: a footnote marker is glued to a word: "${markerContext(article.text)}"`);
  }
  for (const [ruleId, rule] of Object.entries(protocol.rules)) {
    if (marked(rule.quote)) problems.push(`rules.${ruleId}.quote: a footnote marker is glued to a word: "${markerContext(rule.quote)}"`);
  }
  if (source !== undefined) {
    const clean = comparable(source);
    for (const article of protocol.articles) {
      if (!clean.includes(comparable(article.text))) problems.push(`article ${article.number}: text is not verbatim from the source`);
    }
  }
  return problems;
}

/** Text as the check compares it: repaired like a draft's source, without bullet marks (an
 * article's bullets are joined into its text), whitespace collapsed. */
export function comparable(text: string): string {
  return normalizeWhitespace(repairPages(pagesFromText(text)).replace(/\s*•\s*/gu, ' ').replace(/\n+/gu, ' '));
}

function markerContext(text: string): string {
  const clean = dropFootnoteMarkers(text);
  let i = 0;
  while (i < clean.length && clean[i] === text[i]) i++;
  return text.slice(Math.max(0, i - 20), i + 3);
}
