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
      return `<li class="item" data-rules="${esc(ruleIds.join(' '))}"><p class="meta">${esc(item.date.slice(0, 10) || '—')} · ${esc(item.source)} · ${esc(item.kind)}${link}</p><blockquote>${esc(start)}</blockquote><ul>${messages}</ul></li>`;
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

/** Bars per month: all items in grey, those with findings in dark red over them. A fixed
 * 600-wide drawing whatever the number of months, so a few months do not make it tall. */
export function monthChart(months: AuditSummary['byMonth'], label: string): string {
  if (!months.length) return '';
  const max = Math.max(...months.map((m) => m.items), 1);
  const width = 600;
  const w = width / months.length;
  const h = 120;
  const gap = w > 4 ? 1 : 0;
  const bars = months
    .map((m, i) => {
      const all = Math.round((m.items / max) * h);
      const bad = Math.round((m.withFindings / max) * h);
      const x = (i * w).toFixed(2);
      const bw = Math.max(0.5, w - gap).toFixed(2);
      return `<g><title>${m.month}: ${m.withFindings} / ${m.items}</title><rect x="${x}" y="${h - all}" width="${bw}" height="${all}" fill="#ccc"/><rect x="${x}" y="${h - bad}" width="${bw}" height="${bad}" fill="#a00"/></g>`;
    })
    .join('');
  const first = months[0]!.month;
  const last = months[months.length - 1]!.month;
  return `<figure><svg role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${h + 16}" width="${width}">${bars}<text x="0" y="${h + 13}">${first}</text><text x="${width}" y="${h + 13}" text-anchor="end">${last}</text></svg><figcaption>${esc(label)}</figcaption></figure>`;
}
