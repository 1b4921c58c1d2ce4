import { z } from 'zod';
import { DRAFT_KINDS, PLATFORMS, ROLES, type SignalName } from '../engine/types.ts';
import { PROTOCOL_IDS } from '../engine/protocols.ts';
import { safeParseOf } from '../engine/issue-text.ts';

// The JSON-lines format of ../shared/corpus/dev.jsonl. Unknown fields are ignored.

export const LABELS = [
  'school_related',
  'disclaimer',
  'affiliation',
  'pupil_identifiable',
  'pupils_referenced',
  'personal_data',
  'offensive',
  'confidential',
] as const;
export type Label = (typeof LABELS)[number];

export const LABEL_TO_SIGNAL: Record<Label, SignalName> = {
  school_related: 'schoolRelated',
  disclaimer: 'disclaimer',
  affiliation: 'affiliation',
  pupil_identifiable: 'pupilIdentifiable',
  pupils_referenced: 'pupilsReferenced',
  personal_data: 'personalData',
  offensive: 'offensive',
  confidential: 'confidential',
};

export const corpusPostSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  platform: z.enum(PLATFORMS).default('facebook'),
  kind: z.enum(DRAFT_KINDS).default('post'),
  author: z.object({ role: z.enum(ROLES) }),
  school: z.object({
    name: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    protocol: z.enum(PROTOCOL_IDS),
  }),
  media: z
    .object({ images: z.number().int().min(0).default(0), videos: z.number().int().min(0).default(0) })
    .default({ images: 0, videos: 0 }),
  expect: z.record(z.string(), z.boolean()).optional(),
});
export type CorpusPost = z.output<typeof corpusPostSchema>;

export class InputError extends Error {}

/** Parses JSON lines; a bad line is an InputError naming the line and the reason. */
export function parseJsonLines(source: string, name: string): CorpusPost[] {
  const posts: CorpusPost[] = [];
  const lines = source.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new InputError(`${name}:${i + 1}: not valid JSON`);
    }
    const parsed = safeParseOf(corpusPostSchema, raw);
    if (!parsed) throw new InputError(`${name}:${i + 1}: not a labelled post`);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(`${name}:${i + 1}: ${issue.path.join('.') || '(line)'}: ${issue.message}`);
    }
    posts.push(parsed.data);
  }
  return posts;
}
