import { z } from 'zod';
import type { Protocol } from '../engine/protocol-schema.ts';
import { parseWorded } from '../engine/issue-text.ts';
import { isRuleId, RULES, type RuleId } from './index.ts';
import type { OptionSchema, RuleSchema } from './option-schema.ts';

// The rules' option checks, for validating protocol documents (at build time, in the tests, in
// the CLI and when a school imports its own protocol). Each rule keeps its schema as plain data
// in `meta.schema`; here it becomes a zod schema, so that the problems are worded as zod words
// them, in Dutch and English (issue-text.ts). The content script never imports this module.

/** The zod schema for an option schema. Object properties are optional unless `required`. */
export function zodFor(schema: OptionSchema): z.ZodType {
  switch (schema.type) {
    case 'boolean':
      return z.boolean();
    case 'string':
      if (schema.enum) return z.enum(schema.enum as [string, ...string[]]);
      return schema.minLength === undefined ? z.string() : z.string().min(schema.minLength);
    case 'array':
      return z.array(zodFor(schema.items));
    case 'object': {
      const required = new Set(schema.required ?? []);
      const shape = Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, required.has(name) ? zodFor(property) : zodFor(property).optional()]));
      const object = z.object(shape);
      return schema.additionalProperties === false ? object.strict() : object;
    }
  }
}

/** The zod schema for a rule's options: an object of the named options, nothing else. */
export function zodForRule(schema: RuleSchema): z.ZodType {
  return zodFor({ type: 'object', properties: schema, additionalProperties: false });
}

const checks = new Map<RuleId, z.ZodType>();
function optionCheck(ruleId: RuleId): z.ZodType {
  let check = checks.get(ruleId);
  if (!check) checks.set(ruleId, (check = zodForRule(RULES[ruleId].meta.schema)));
  return check;
}

/** Problems with a protocol's rule section: unknown ids and options the rule rejects. */
export function validateRuleOptions(protocol: Protocol): string[] {
  const problems: string[] = [];
  for (const [ruleId, config] of Object.entries(protocol.rules)) {
    if (!isRuleId(ruleId)) {
      problems.push(`rules.${ruleId}: onbekende regel (unknown rule id)`);
      continue;
    }
    const parsed = parseWorded(optionCheck(ruleId), config.options ?? {});
    if (!parsed.success) {
      for (const issue of parsed.issues) problems.push(`rules.${ruleId}.options${issue.path ? `.${issue.path}` : ''}: ${issue.reason}`);
    }
  }
  return problems;
}
