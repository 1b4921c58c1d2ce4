// Writes docs/rules/<rule-id>.md from each rule's meta and the protocols that enable it.
// The meta-test regenerates them in memory and fails when a file is missing or stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../src/i18n/all.ts';
import { getProtocol, PROTOCOL_IDS } from '../src/engine/protocols.ts';
import { messageTemplate } from '../src/i18n/messages.ts';
import { RULE_IDS, RULES, type RuleId } from '../src/rules/index.ts';
import type { OptionSchema } from '../src/rules/option-schema.ts';

export const RULE_DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules');

export function ruleDoc(id: RuleId): string {
  const rule = RULES[id];
  const { meta } = rule;
  const lines = [
    `# ${id}`,
    '',
    `**${messageTemplate('nl', meta.description)}**`,
    '',
    `_${messageTemplate('en', meta.description)}_`,
    '',
    `- Type: ${meta.type}`,
    `- Default severity: ${meta.defaultSeverity}`,
    `- Applies to: ${meta.defaultRoles.join(', ')} (a protocol may narrow this)`,
    `- Source: [src/rules/${id}.ts](../../src/rules/${id}.ts), tests: [test/rules/${id}.test.ts](../../test/rules/${id}.test.ts)`,
    '',
    '## Messages',
    '',
    'Texts live in `public/_locales/{nl,en}/messages.json`; `$NAME$` is filled from the finding\'s data.',
    '',
    '| id | message key | Nederlands | English |',
    '|---|---|---|---|',
    ...Object.entries(meta.messages).map(([mid, key]) => `| \`${mid}\` | \`${key}\` | ${messageTemplate('nl', key)} | ${messageTemplate('en', key)} |`),
    '',
    '## Options',
    '',
    ...optionLines(meta.schema, meta.defaultOptions as Record<string, unknown>),
    '',
    '## Protocols that enable it',
    '',
    '| protocol | article | quote | options |',
    '|---|---|---|---|',
  ];
  for (const pid of PROTOCOL_IDS) {
    const p = getProtocol(pid);
    const config = p.rules[id];
    if (!config) {
      lines.push(`| ${pid} | – | not in this protocol | |`);
      continue;
    }
    const quote = config.quote.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
    const options = config.options ? `\`${JSON.stringify(config.options).slice(0, 80)}${JSON.stringify(config.options).length > 80 ? '…' : ''}\`` : '';
    lines.push(`| ${pid} | ${config.article} | ${quote} | ${options} |`);
  }
  return lines.join('\n') + '\n';
}

/** The rule's options from its `meta.schema`, with their defaults. */
function optionLines(schema: Record<string, OptionSchema>, defaults: Record<string, unknown>): string[] {
  const names = Object.keys(schema);
  if (!names.length) return ['None: any option a protocol sets for this rule is an error.'];
  return [
    'A protocol may set these in the rule\'s `options`; any other option is an error.',
    '',
    '| option | value | default |',
    '|---|---|---|',
    ...names.map((name) => `| \`${name}\` | ${valueOf(schema[name]!)} | \`${JSON.stringify(defaults[name])}\` |`),
  ];
}

function valueOf(schema: OptionSchema): string {
  switch (schema.type) {
    case 'boolean':
      return '`true` or `false`';
    case 'string':
      return schema.enum ? `one of ${schema.enum.map((v) => `\`${v}\``).join(', ')}` : schema.minLength ? 'text, not empty' : 'text';
    case 'array':
      return `a list, each ${valueOf(schema.items)}`;
    case 'object': {
      const required = new Set(schema.required ?? []);
      const fields = Object.entries(schema.properties).map(([name, field]) => `\`${name}\`${required.has(name) ? '' : ' (optional)'}: ${valueOf(field)}`);
      return `{ ${fields.join('; ')} }`;
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const id of RULE_IDS) writeFileSync(join(RULE_DOCS_DIR, `${id}.md`), ruleDoc(id));
  console.log(`wrote ${RULE_IDS.length} rule docs to ${RULE_DOCS_DIR}`);
}
