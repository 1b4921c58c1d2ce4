import { check, reachesSeverity, signalValues } from '../engine/analyze.ts';
import type { CheckConfig } from '../engine/config.ts';
import { SEVERITY_RANK, SIGNAL_NAMES, type Finding, type Severity, type SignalName } from '../engine/types.ts';
import { newestFirst, type ArchiveItem, type ArchiveKind, type ArchiveSource } from './types.ts';

// The audit: every item the person wrote through the same engine as a draft, then counted.
// Reposts are someone else's words and are listed without a check.

export interface AuditedItem extends ArchiveItem {
  signals: Record<SignalName, boolean>;
  findings: Finding[];
}

export interface AuditSummary {
  items: number;
  /** Items run through the engine (all but reposts). */
  checked: number;
  bySource: Record<ArchiveSource, Partial<Record<ArchiveKind, number>>>;
  /** Items with at least one finding of the rule. */
  byRule: Record<string, number>;
  /** Items with findings per month ("2021-03"), and all items per month. */
  byMonth: { month: string; items: number; withFindings: number }[];
  withFindings: number;
}

const NO_SIGNALS = Object.fromEntries(SIGNAL_NAMES.map((n) => [n, false])) as Record<SignalName, boolean>;

export function auditItem(item: ArchiveItem, config: CheckConfig): AuditedItem {
  if (item.kind === 'repost') return { ...item, signals: NO_SIGNALS, findings: [] };
  const result = check(
    {
      text: item.text,
      platform: item.source,
      kind: item.kind,
      media: { images: 0, videos: 0 },
      // The lesson-time rule reads when a post was written.
      ...(item.date ? { at: new Date(item.date) } : {}),
    },
    config,
  );
  return { ...item, signals: signalValues(result.signals), findings: result.findings };
}

/** The worst finding first: errors before warnings, then more findings, then newer. */
export function worstFirst(a: AuditedItem, b: AuditedItem): number {
  const rank = (i: AuditedItem) => Math.max(-1, ...i.findings.map((f) => SEVERITY_RANK[f.severity]));
  return rank(b) - rank(a) || b.findings.length - a.findings.length || newestFirst(a, b);
}

export function summarize(items: readonly AuditedItem[]): AuditSummary {
  const bySource = { x: {}, facebook: {}, instagram: {} } as AuditSummary['bySource'];
  const byRule: Record<string, number> = {};
  const months = new Map<string, { items: number; withFindings: number }>();
  let withFindings = 0;
  for (const item of items) {
    const kinds = bySource[item.source];
    kinds[item.kind] = (kinds[item.kind] ?? 0) + 1;
    const rules = new Set(item.findings.map((f) => f.ruleId));
    for (const rule of rules) byRule[rule] = (byRule[rule] ?? 0) + 1;
    if (rules.size) withFindings++;
    const month = item.date.slice(0, 7);
    if (month) {
      const m = months.get(month) ?? { items: 0, withFindings: 0 };
      m.items++;
      if (rules.size) m.withFindings++;
      months.set(month, m);
    }
  }
  const byMonth = [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, m]) => ({ month, ...m }));
  // Months without posts between the first and the last are drawn too: the chart is a time line.
  const filled: AuditSummary['byMonth'] = [];
  for (const m of byMonth) {
    const last = filled[filled.length - 1];
    for (let next = last && nextMonth(last.month); next && next < m.month && filled.length < MAX_MONTHS; next = nextMonth(next)) filled.push({ month: next, items: 0, withFindings: 0 });
    filled.push(m);
  }
  const checked = items.filter((i) => i.kind !== 'repost').length;
  return { items: items.length, checked, bySource, byRule, byMonth: filled, withFindings };
}

/** "2021-12" -> "2022-01". */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
/** Twenty years of months at most: a date far off (a broken timestamp) cannot make the chart huge. */
const MAX_MONTHS = 240;

export function failsAt(items: readonly AuditedItem[], level: Severity): boolean {
  return items.some((i) => reachesSeverity(i.findings, level));
}
