// DATASHEET.md of a split, after Gebru et al., "Datasheets for Datasets" (2021): the seven sections,
// every answer Tidyset knows filled in (counts, columns, missingness, personal data, cleaning steps,
// duplicates, split and leakage), the rest left as marked questions for the author. No timestamps,
// so identical runs write identical bytes.
import type { SplitManifest } from './manifest';

export interface DatasheetFacts {
  manifest: Omit<SplitManifest, 'files' | 'createdAt'>;
  /** Missing (null or empty) values per column, over the rows written. */
  missing: Record<string, number>;
  /** The applied history steps, in words. */
  steps: string[];
}

const Q = (text: string) => `> **Question for the author:** ${text}\n`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function leakageLines(m: DatasheetFacts['manifest']): string[] {
  const l = m.leakage;
  const pairs = (ps: Array<{ parts: [string, string]; rows: number }>) => ps.map((p) => `${p.parts[0]} → ${p.parts[1]}: ${p.rows}`).join('; ');
  const out: string[] = [];
  out.push(l.clean ? '**No leakage found** between the parts.' : '**⚠ LEAKAGE FOUND between the parts — read this before training.**');
  out.push(`- Exact duplicate rows across parts (case and whitespace normalised, columns: ${l.columns.length}): ${l.exactDuplicates.rows}${l.exactDuplicates.pairs.length ? ` (${pairs(l.exactDuplicates.pairs)})` : ''}`);
  if (l.nearDuplicates) out.push(`- Near-duplicate rows across parts (${l.nearDuplicates.method}, similarity ≥ ${l.nearDuplicates.threshold}): ${l.nearDuplicates.rows}${l.nearDuplicates.pairs.length ? ` (${pairs(l.nearDuplicates.pairs)})` : ''}`);
  if (l.groupOverlap) out.push(`- Values of group column \`${l.groupOverlap.column}\` in more than one part: ${l.groupOverlap.groups} (rows: ${l.groupOverlap.rows})`);
  if (l.timeOverlap) {
    out.push(`- Rows of a later part not after every time of an earlier part (\`${l.timeOverlap.column}\`): ${l.timeOverlap.rows}` +
      (l.timeOverlap.pairs.length ? ` (${l.timeOverlap.pairs.map((p) => `${p.parts[0]} ends ${p.latestEarlier}, ${p.parts[1]} starts ${p.earliestLater}: ${p.rows}`).join('; ')})` : ''));
  }
  return out;
}

function driftLines(m: DatasheetFacts['manifest']): string[] {
  const reports = m.drift ?? [];
  if (!reports.length) return ['- One part only: nothing to compare.'];
  const out: string[] = [];
  for (const r of reports) {
    const flagged = r.columns.filter((c) => c.flag !== 'none');
    out.push(flagged.length === 0
      ? `- ${r.b.name} vs ${r.a.name}: no column drifts.`
      : `- ${r.b.name} vs ${r.a.name}: ${flagged.map((c) => `\`${c.column}\` ${c.flag} (PSI ${c.psi.toFixed(3)}, ${c.test} ${c.statistic.toFixed(3)})`).join(', ')}.`);
  }
  return out;
}

/** The datasheet text. */
export function renderDatasheet(f: DatasheetFacts): string {
  const m = f.manifest;
  const s = m.split;
  const rowsWritten = m.parts.reduce((t, p) => t + p.rows, 0);
  const lines: string[] = [];
  const h = (t: string) => lines.push('', `## ${t}`, '');
  lines.push(`# Datasheet: ${m.dataset.name}`, '', `Written by Tidyset ${m.appVersion} with the split in \`manifest.json\` (which also holds the hashes of every file).`,
    'Sections follow Gebru et al., "Datasheets for Datasets" (Communications of the ACM, 2021). Answers Tidyset could not know are marked as questions for the author.');

  h('Motivation');
  lines.push(Q('For what purpose was the dataset created? Was there a specific task in mind?'), Q('Who created the dataset, on behalf of whom, and who funded it?'));

  h('Composition');
  lines.push(`- Rows in the dataset: ${m.dataset.rows}; rows written to the parts: ${rowsWritten}.`);
  if (m.excluded.gap || m.excluded.unparseableTime) lines.push(`- Rows left out: ${m.excluded.gap} in the time gap, ${m.excluded.unparseableTime} with a time that does not parse.`);
  lines.push(`- Columns: ${m.dataset.columns.length}.`, '', '| column | type | missing values (written rows) |', '| --- | --- | --- |');
  for (const c of m.dataset.columns) {
    const miss = f.missing[c.name];
    lines.push(`| ${cell(c.name)} | ${c.type} | ${miss === undefined ? 'not written' : `${miss} (${rowsWritten ? ((100 * miss) / rowsWritten).toFixed(1) : '0.0'} %)`} |`);
  }
  lines.push('', '**Personal data.**');
  if (m.protection.columns.length === 0) lines.push('- No column is tagged as personal data in the catalog.');
  for (const t of m.protection.columns) {
    const [a, arg] = t.action.split(':');
    const what = a === 'keep' ? 'written as it is' : a === 'mask' ? `masked (last ${arg} characters kept)` : a === 'generalise' ? `generalised (${arg})` : a === 'hash' ? 'replaced by a keyed hash (pseudonymised)' : a === 'drop' ? 'dropped' : a === 'suppress' ? 'suppressed (every value empty)' : t.action;
    lines.push(`- \`${t.column}\`: ${t.kind}, ${t.category === 'direct' ? 'direct identifier' : t.category === 'quasi' ? 'quasi-identifier' : t.category === 'special' ? 'special category (GDPR Art. 9)' : t.category}; ${what}.`);
  }
  if (m.protection.allowDirect) lines.push('- Direct identifiers were allowed to be written as they are (`--allow-direct`).');
  lines.push('', Q('What do the instances represent (people, events, documents)? Is any information missing from individual instances, and why?'),
    Q('Are there labels or targets? Is the dataset a sample of a larger set, and how representative is it?'));

  h('Collection process');
  for (const src of m.sources) lines.push(`- Source file: \`${src.path.split(/[\\/]/).pop()}\` (${src.format}${src.encoding ? `, ${src.encoding}` : ''}, ${src.size ?? '?'} bytes, SHA-256 ${src.sha256 ?? 'unknown'}).`);
  if (m.sources.length === 0) lines.push('- The source file of this dataset is not recorded.');
  lines.push('', Q('How was the data collected, by whom, over what timeframe? Were the people it is about informed and did they consent?'));

  h('Preprocessing, cleaning and labeling');
  if (f.steps.length === 0) lines.push('- No cleaning steps were applied in Tidyset.');
  f.steps.forEach((d, i) => lines.push(`${i + 1}. ${d}`));
  const dupSteps = f.steps.filter((d) => /duplicate/i.test(d));
  lines.push('', `- Duplicates: ${dupSteps.length ? `${dupSteps.length} step${dupSteps.length > 1 ? 's' : ''} above concern duplicates.` : 'no step removed or merged duplicates.'}` +
    (m.dedupe.clusterColumn ? ` The split kept each duplicate cluster (\`${m.dedupe.clusterColumn}\`) in one part${m.dedupe.clustersComputed ? ' (clusters of rows equal after normalising case and whitespace, computed at split time)' : ''}.` : ''),
  '- The full history is in `manifest.json` as a recipe that `tidyset apply` replays on the source file.', '', Q('Was the raw data kept? Which labeling was done outside Tidyset, and how?'));

  h('Uses');
  const shares = s.shares.map((p) => `${p.part} ${p.share === null ? 'the rest' : s.unit === 'percent' ? `${Math.round(p.share * 100) / 100} %` : `${p.share} rows`}`).join(', ');
  lines.push(`- Split: ${s.strategy}${s.stratify ? `, stratified by \`${s.stratify}\`` : ''}${s.group ? `, grouped by \`${s.group}\`` : ''}${s.time ? `, chronological by \`${s.time}\`${s.gap ? ` with a gap of ${s.gap}` : ''}` : ''}; seed ${s.seed} (${s.prng}); ${s.folds ? `${s.folds} folds` : shares}.`,
    '', '| part | file | rows | groups |', '| --- | --- | --- | --- |');
  for (const p of m.parts) lines.push(`| ${p.name} | ${p.file} | ${p.rows} | ${p.groups ?? ''} |`);
  if (m.rareClasses.length) lines.push('', `- Rare classes (fewer rows than parts, not in every part): ${m.rareClasses.map((r) => `${r.label ?? '(missing)'} (${r.rows})`).join(', ')}.`);
  lines.push('', '**Leakage check.**', ...leakageLines(m));
  lines.push('', '**Drift between the parts** (against the first part; PSI ≥ 0.1 moderate, ≥ 0.25 major).', ...driftLines(m), '', Q('What tasks is the dataset meant for, and which uses should be avoided?'));

  h('Distribution');
  lines.push(`- Format: ${s.format === 'csv' ? 'CSV (RFC 4180, UTF-8)' : s.format === 'jsonl' ? 'JSON Lines (UTF-8, typed values)' : 'Parquet (typed columns)'}; rows in storage order within each part.`);
  if (Object.keys(m.asText).length) lines.push(`- Written as text because some values do not fit the inferred type: ${Object.entries(m.asText).map(([c, n]) => `\`${c}\` (${n})`).join(', ')}.`);
  lines.push('', Q('Under which licence or terms is it distributed, and to whom?'));

  h('Maintenance');
  lines.push('- `tidyset verify manifest.json` re-hashes every file; `--rebuild` replays the recipe on the source files and checks the result too.', '',
    Q('Who maintains the dataset and how can they be contacted? Will it be updated, and how will users learn of errata?'));
  return lines.join('\n') + '\n';
}
