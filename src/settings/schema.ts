import { z } from 'zod';
import { ROLES, WEEKDAYS } from '../engine/types.ts';

// One schema, many uses: the source for defaults, for validating stored settings and policy
// values, for the managed-storage schema shipped in the build (scripts/gen-managed-schema.ts,
// generated, never hand-copied) and for the options form.

export { SETTINGS_VERSION } from './layout.ts';

export const PROTOCOL_CHOICES = ['algemeen', 'aeres-mbo', 'cvo-baarn-soest', 'ooh', 'vsnon', 'willibrord-miland', 'custom'] as const;

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'tijd als UU:MM (time as HH:MM)');

export const lessonBlockSchema = z
  .object({ day: z.enum(WEEKDAYS), from: hhmm, to: hhmm })
  .refine((b) => b.from < b.to, { message: 'het einde ligt na het begin (end after start)', path: ['to'] });

/**
 * Invisible control characters: C0 and C1 controls (a tab and a line break aside) and the
 * bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069). In a school
 * name or a disclaimer that PostWijs inserts into a post, one of them makes the text read
 * backwards or hides part of it; nobody types them on purpose.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** Text a person typed: trimmed, at most `max` characters, without invisible controls. */
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => !CONTROL_CHARACTERS.test(text), 'bevat onzichtbare stuurtekens (contains invisible control characters)');

/** The settings a user (or a school's policy) can set. Every field has a default. */
export const settingsSchema = z.object({
  /** The general protocol until the user, or a policy, names the school's own. */
  protocol: z.enum(PROTOCOL_CHOICES).default('algemeen'),
  /** A school's own protocol document, as JSON text (validated by the protocol schema). */
  customProtocol: z.string().max(200_000).default(''),
  schoolName: plainText(120).default(''),
  schoolAliases: z.array(plainText(80).min(1)).max(30).default([]),
  role: z.enum(ROLES).default('employee'),
  jobTitle: plainText(120).default(''),
  /** The disclaimer to insert; empty means the protocol's own wording. */
  disclaimer: plainText(600).default(''),
  timetable: z.array(lessonBlockSchema).max(100).default([]),
  uiLanguage: z.enum(['browser', 'nl', 'en']).default('browser'),
  /** Checks are paused until this moment (ms since epoch); 0 = not paused. */
  pausedUntil: z.number().int().min(0).default(0),
});
export type Settings = z.output<typeof settingsSchema>;

/** Pupils without consent: kept in storage.local only, never synced or sent anywhere. */
export const noConsentNamesSchema = z.array(plainText(80).min(1)).max(2000).default([]);

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** The managed policy: the settings a director may set, plus `locked` and the no-consent list. */
export const policySchema = z.object({
  protocol: settingsSchema.shape.protocol.removeDefault().optional(),
  customProtocol: settingsSchema.shape.customProtocol.removeDefault().optional(),
  schoolName: settingsSchema.shape.schoolName.removeDefault().optional(),
  schoolAliases: settingsSchema.shape.schoolAliases.removeDefault().optional(),
  role: settingsSchema.shape.role.removeDefault().optional(),
  jobTitle: settingsSchema.shape.jobTitle.removeDefault().optional(),
  disclaimer: settingsSchema.shape.disclaimer.removeDefault().optional(),
  timetable: settingsSchema.shape.timetable.removeDefault().optional(),
  noConsentNames: noConsentNamesSchema.removeDefault().optional(),
  /** When true the user cannot change what the policy sets. */
  locked: z.boolean().optional(),
});
export type Policy = z.output<typeof policySchema>;
export const POLICY_KEYS = Object.keys(policySchema.shape) as (keyof Policy)[];
