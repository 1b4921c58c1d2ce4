import { z } from 'zod';
import { ROLES, SEVERITIES } from './types.ts';

// The protocol document format. Protocols are data (src/protocols/<id>.json); this schema
// is the contract for those files and for custom protocols imported by a school.

const localized = z.object({ nl: z.string().min(1), en: z.string().min(1) });

export const articleSchema = z.object({
  /** The number or letter as the protocol writes it: "C.4", "21", "1.4". */
  number: z.string().min(1),
  /** The heading of the section the article stands in, as the protocol writes it. */
  section: z.string().min(1).optional(),
  /** The article's full text, verbatim (whitespace may differ from the source). */
  text: z.string().min(1),
});

export const ruleConfigSchema = z.object({
  /** The article this rule rests on; must be listed in `articles`. */
  article: z.string().min(1),
  /** The sentence(s) of that article the rule rests on, verbatim (a part of the article text). */
  quote: z.string().min(1),
  /** Who the rule applies to; default: everyone the rule itself supports. */
  roles: z.array(z.enum(ROLES)).min(1).optional(),
  /** Override of the rule's own severity. */
  severity: z.enum(SEVERITIES).optional(),
  /** Rule-specific options, validated by the rule's own option schema. */
  options: z.record(z.string(), z.unknown()).optional(),
});

export const protocolSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
    /** The protocol's title as the document gives it. */
    title: z.string().min(1),
    /** The school(s) or organisation the protocol is for. */
    school: z.string().min(1),
    /** The board (bevoegd gezag / stichting) that employs the staff. Empty only in the general
     * protocol, which is for whichever school the user names in the settings. */
    board: z.string(),
    /** Other names of the board or schools that count as naming the employer. */
    boardAliases: z.array(z.string().min(1)).default([]),
    /** When the protocol was adopted or last updated, as the document says it. */
    date: z.string().min(1),
    /** The document's language: most protocols are Dutch; an international school's may be English. */
    language: z.enum(['nl', 'en']).default('nl'),
    summary: localized,
    /** The protocol's own disclaimer wording, where it gives one, and a short form of it for X,
     * whose 280 characters the full wording would mostly fill. */
    disclaimer: z
      .object({ article: z.string().min(1), text: z.string().min(1), short: z.string().min(1).max(80).optional() })
      .optional(),
    articles: z.array(articleSchema).min(1),
    rules: z.record(z.string(), ruleConfigSchema),
  })
  .superRefine((protocol, ctx) => {
    const numbers = new Set<string>();
    for (const [index, article] of protocol.articles.entries()) {
      if (numbers.has(article.number)) {
        ctx.addIssue({ code: 'custom', path: ['articles', index, 'number'], message: `artikel ${article.number} staat er twee keer in (duplicate article ${article.number})` });
      }
      numbers.add(article.number);
    }
    const normalizedArticles = new Map(protocol.articles.map((a) => [a.number, normalizeWhitespace(a.text)]));
    for (const [ruleId, rule] of Object.entries(protocol.rules)) {
      const articleText = normalizedArticles.get(rule.article);
      if (articleText === undefined) {
        ctx.addIssue({ code: 'custom', path: ['rules', ruleId, 'article'], message: `noemt artikel ${rule.article}, dat niet in articles staat (cites article ${rule.article}, which is not in articles)` });
      } else if (!articleText.includes(normalizeWhitespace(rule.quote))) {
        ctx.addIssue({ code: 'custom', path: ['rules', ruleId, 'quote'], message: `het citaat staat niet letterlijk in artikel ${rule.article} (quote is not part of article ${rule.article})` });
      }
    }
    if (protocol.disclaimer && !numbers.has(protocol.disclaimer.article)) {
      ctx.addIssue({ code: 'custom', path: ['disclaimer', 'article'], message: `noemt artikel ${protocol.disclaimer.article}, dat niet in articles staat (cites article ${protocol.disclaimer.article}, which is not in articles)` });
    }
  });

export type Protocol = z.output<typeof protocolSchema>;
export type ProtocolInput = z.input<typeof protocolSchema>;
export type RuleConfig = z.output<typeof ruleConfigSchema>;

/** Collapses all whitespace so that quotes can be compared with the PDF-extracted sources. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
