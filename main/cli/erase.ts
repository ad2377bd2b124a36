// CLI commands of erasure: `erase --value V …` (shows the matches and asks on a terminal; without one,
// needs --yes) and `audit` (the erasure log: who, when, why, how many rows, the value's hash).
import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import type { EraseResult, EraseRunIn, EraseSearchOut } from '../../shared/api/erase';
import { TidysetError } from '../core/errors';
import { startKindJob } from '../core/jobs/kinds';
import { AuditLog, exportsOf } from '../core/protect/audit';
import { resumeErasures } from '../core/protect/erase/erase';
import { searchSubject } from '../core/protect/erase/search';
import type { CliKit } from './clean';
import { awaitJob } from './jobProgress';
import { ProgressView, textTable } from './output';

type Common = { workspace?: string; json?: boolean };
type EraseFlags = { value: string; column?: string; dataset?: string; all?: boolean; reason: string; blank?: boolean; yes?: boolean };

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The matches as a person reads them before confirming: per dataset a count and the first rows. */
function describeMatches(s: EraseSearchOut): string {
  if (!s.datasets.length) return `no match in ${plural(s.searched, 'dataset')}`;
  return s.datasets.map((d) => {
    const head = `${d.dataset}: ${plural(d.rows, 'row')} (${d.matchedColumns.join(', ') || 'hidden columns only'})${d.hiddenCells ? `, ${plural(d.hiddenCells, 'cell')} in hidden columns` : ''}` +
      (d.mentions ? `; ${plural(d.mentions, 'other cell')} mention it inside longer text and are not erased (edit them first)` : '');
    const table = d.page.length ? '\n' + textTable(d.columns, d.page.map((r) => r.values), 30) + (d.rows > d.page.length ? `\n… and ${plural(d.rows - d.page.length, 'more row')}` : '') : '';
    return head + table;
  }).join('\n\n');
}

function describeResult(r: EraseResult): string {
  const lines = r.datasets.map((d) => `${d.dataset}: ${r.mode === 'delete' ? `deleted ${plural(d.rows, 'row')}` : `blanked ${plural(d.cells, 'cell')} in ${plural(d.rows, 'row')}`}` +
    `${d.hiddenCells ? `, ${plural(d.hiddenCells, 'hidden cell')} blanked` : ''}${d.rejects ? `, ${plural(d.rejects, 'rejected line')} removed` : ''}` +
    `${d.purgedSteps.length ? `; undo data of step${d.purgedSteps.length === 1 ? '' : 's'} ${d.purgedSteps.join(', ')} erased (they cannot be undone)` : ''}`);
  if (!r.datasets.length) lines.push('nothing matched; the search is recorded in the audit log');
  lines.push(`audit entry #${r.auditId} (value sha256 ${r.valueSha256.slice(0, 16)}…)`);
  lines.push(r.purge.verified ? `files wiped and checked byte by byte: the value is in none of them${r.purge.vacuumed.length ? ` (rewritten: ${r.purge.vacuumed.join(', ')})` : ''}`
    : 'warning: the value still appears in the workspace files (inside longer text, or a reader held the files open); run `tidyset audit` later to retry the purge');
  if (r.exports.length) {
    lines.push(`exports made earlier from these datasets may hold the subject; re-issue them:`);
    for (const e of r.exports) lines.push(`  ${e.at}  ${e.dataset}  ${e.path} (${plural(e.rows, 'row')})`);
  }
  return lines.join('\n');
}

/** Adds erase and audit to the program. */
export function registerEraseCommands<O extends Common>(program: Command, kit: CliKit<O>): void {
  const { common, withWorkspace, print, workspaceDir } = kit;

  common(program.command('erase'))
    .description('erase a data subject (GDPR Art. 17): delete the rows holding a value (or blank the cells) in every dataset, purge it from the history\'s undo data and the files, and record it in the audit log')
    .requiredOption('--value <value>', 'the value to find (exact after trimming; ids also without spaces and dashes)')
    .option('--column <column>', 'only this column')
    .option('--dataset <dataset>', 'only this dataset')
    .option('--all', 'every dataset of the workspace (the default)')
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .option('--blank', 'blank the matching cells instead of deleting the rows')
    .option('-y, --yes', 'do not ask for confirmation (needed without a terminal)')
    .action(async (o: O & EraseFlags) => {
      if (o.dataset !== undefined && o.all) throw new TidysetError('BAD_INPUT', '--dataset and --all exclude each other: name one dataset, or erase in all');
      if (!o.reason.trim()) throw new TidysetError('BAD_INPUT', '--reason must say why the subject is erased (it goes into the audit log)');
      const params: EraseRunIn = { value: o.value, column: o.column, datasets: o.dataset !== undefined ? [o.dataset] : [], reason: o.reason.trim(), blank: o.blank ?? false };
      if (!o.yes) {
        const found = withWorkspace(o, (ws) => searchSubject(ws, { value: o.value, column: o.column, dataset: o.dataset, offset: 0, limit: 10 }));
        const rows = found.datasets.reduce((n, d) => n + d.rows, 0);
        const what = `${plural(rows, 'row')} in ${plural(found.datasets.length, 'dataset')}`;
        if (!process.stdin.isTTY) {
          throw new TidysetError('BAD_INPUT', `not erasing ${what} without confirmation: pass --yes to erase without a terminal (erasure cannot be undone)`);
        }
        process.stderr.write(describeMatches(found) + '\n\n');
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        const answer = await rl.question(`${params.blank ? 'Blank the matching cells of' : 'Delete'} ${what} and purge the value from the workspace? This cannot be undone. [y/N] `);
        rl.close();
        if (!/^y(es)?$/i.test(answer.trim())) {
          process.stderr.write('nothing erased\n');
          process.exitCode = 1;
          return;
        }
      }
      const job = startKindJob('erase', params, workspaceDir(o), 'erase');
      const view = new ProgressView('erase', process.stderr, !o.json || process.stderr.isTTY === true);
      job.on('progress', (i) => view.update(i.done, i.total, i.message, 'items'));
      const r = await awaitJob(job, 'erase', view, 'cancelling (only before anything is erased)…');
      print(o, r, () => describeResult(r));
    });

  common(program.command('audit'))
    .description('the erasure audit log: who, when, why, how many rows per dataset, and the SHA-256 of the searched value (never the value)')
    .action((o: O) => {
      const { entries, exports } = withWorkspace(o, (ws) => {
        resumeErasures(ws);
        return { entries: new AuditLog(ws.catalog).list(), exports: exportsOf(ws.catalog, null) };
      });
      print(o, { entries, exports }, () => entries.length === 0 ? 'no erasures recorded' : textTable(
        ['id', 'when', 'user', 'mode', 'rows', 'state', 'value sha256', 'reason'],
        entries.map((e) => [e.id, e.at.slice(0, 19).replace('T', ' '), e.user, e.mode, e.datasets.map((d) => `${d.dataset}: ${d.rows}`).join(', ') || '0', e.state, e.valueSha256.slice(0, 16) + '…', e.reason]),
        50,
      ));
    });
}
