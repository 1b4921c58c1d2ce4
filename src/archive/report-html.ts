import type { AuditedItem, AuditSummary } from './audit.ts';

// A self-contained report page: no external resources, one inline style and one inline script
// (the rule filter). Text is escaped; the page holds the start of each post with findings, the
// person's own words, and stays on their computer.

export interface ReportTexts {
  lang: 'nl' | 'en';
  title: string;
  summary: string;
  perMonth: string;
  filterLabel: string;
  allRules: string;
  open: string;
  noFindings: string;
  /** The worded message of a finding, in the report's language. */
  message: (item: AuditedItem, index: number) => string;
  /** "X · bericht": where the item is from and what it is, in the report's language. */
  label: (item: AuditedItem) => string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function reportHtml(items: readonly AuditedItem[], summary: AuditSummary, texts: ReportTexts): string {
  const flagged = items.filter((i) => i.findings.length);
  const rules = Object.keys(summary.byRule).sort();
  const chart = monthChart(summary.byMonth, texts.perMonth);
  const rows = flagged
    .map((item) => {
      const ruleIds = [...new Set(item.findings.map((f) => f.ruleId))];
      const start = item.text.length > 280 ? `${item.text.slice(0, 280)}…` : item.text;
      const link = item.url ? ` <a href="${esc(item.url)}" rel="noreferrer noopener" target="_blank">${esc(texts.open)}</a>` : '';
      const messages = item.findings.map((f, i) => `<li class="${f.severity}">${esc(f.ruleId)}: ${esc(texts.message(item, i))}</li>`).join('');
      return `<li class="item" data-rules="${esc(ruleIds.join(' '))}"><p class="meta">${esc(item.date.slice(0, 10) || '—')} · ${esc(texts.label(item))}${link}</p><blockquote>${esc(start)}</blockquote><ul>${messages}</ul></li>`;
    })
    .join('\n');
  const options = rules.map((r) => `<option value="${esc(r)}">${esc(r)} (${summary.byRule[r]})</option>`).join('');
  return `<!doctype html>
<html lang="${texts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(texts.title)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}.meta{margin:0;color:#444;font-size:.9rem}blockquote{margin:.25rem 0;padding-left:.75rem;border-left:3px solid #999;white-space:pre-wrap}
ol{padding-left:1.25rem}.item{margin:1rem 0}.error{color:#a00}.warning{color:#7a4b00}.info{color:#245}
svg{max-width:100%;height:auto}svg text{font-size:10px;fill:#333}a{color:#0645ad}
</style></head><body>
<h1>${esc(texts.title)}</h1>
<p>${esc(texts.summary)}</p>
${chart}
<p><label for="rule">${esc(texts.filterLabel)}</label> <select id="rule"><option value="">${esc(texts.allRules)}</option>${options}</select></p>
${flagged.length ? `<ol id="items">\n${rows}\n</ol>` : `<p>${esc(texts.noFindings)}</p>`}
<script>
document.getElementById('rule').addEventListener('change', function (e) {
  var rule = e.target.value;
  document.querySelectorAll('.item').forEach(function (li) { li.hidden = !!rule && li.getAttribute('data-rules').split(' ').indexOf(rule) < 0; });
});
</script>
</body></html>
`;
}

export interface MonthBar {
  month: string;
  items: number;
  withFindings: number;
  x: number;
  width: number;
  /** Heights in drawing units, from the bottom line at HEIGHT. */
  all: number;
  bad: number;
}
export const CHART = { width: 600, height: 120 } as const;

/** Bars per month, in a fixed 600-wide drawing whatever the number of months (a few months do
 * not make it tall): the geometry both the report page and the extension's page draw. */
export function monthBars(months: AuditSummary['byMonth']): MonthBar[] {
  const max = Math.max(...months.map((m) => m.items), 1);
  const step = CHART.width / Math.max(months.length, 1);
  const gap = step > 4 ? 1 : 0;
  return months.map((m, i) => ({
    ...m,
    x: Number((i * step).toFixed(2)),
    width: Number(Math.max(0.5, step - gap).toFixed(2)),
    all: Math.round((m.items / max) * CHART.height),
    bad: Math.round((m.withFindings / max) * CHART.height),
  }));
}

/** The chart as markup for the report page: all items grey, those with findings dark red. */
export function monthChart(months: AuditSummary['byMonth'], label: string): string {
  if (!months.length) return '';
  const { width, height: h } = CHART;
  const bars = monthBars(months)
    .map((b) => `<g><title>${b.month}: ${b.withFindings} / ${b.items}</title><rect x="${b.x}" y="${h - b.all}" width="${b.width}" height="${b.all}" fill="#ccc"/><rect x="${b.x}" y="${h - b.bad}" width="${b.width}" height="${b.bad}" fill="#a00"/></g>`)
    .join('');
  return `<figure><svg role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${h + 16}" width="${width}">${bars}<text x="0" y="${h + 13}">${months[0]!.month}</text><text x="${width}" y="${h + 13}" text-anchor="end">${months[months.length - 1]!.month}</text></svg><figcaption>${esc(label)}</figcaption></figure>`;
}
