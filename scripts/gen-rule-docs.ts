// Writes docs/rules/<rule-id>.md from each rule's meta and the protocols that enable it.
// The meta-test regenerates them in memory and fails when a file is missing or stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../src/shared/i18n-all.ts';
import { getProtocol, PROTOCOL_IDS } from '../src/engine/protocols.ts';
import { RULE_IDS, type RuleId } from '../src/rules/ids.ts';
import { RULES } from '../src/rules/index.ts';
import { messageTemplate } from '../src/shared/i18n.ts';

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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const id of RULE_IDS) writeFileSync(join(RULE_DOCS_DIR, `${id}.md`), ruleDoc(id));
  console.log(`wrote ${RULE_IDS.length} rule docs to ${RULE_DOCS_DIR}`);
}
