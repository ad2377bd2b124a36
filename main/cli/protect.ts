// CLI commands of export protection: `tidyset kanon` (k-anonymity and l-diversity before and after
// the export actions) and `tidyset secret` (the workspace secret's state, rotation).
import type { Command } from 'commander';
import { formatPdAction } from '../../shared/api/personal';
import { TidysetError } from '../core/errors';
import { kAnonymity, type KanonStats } from '../core/protect/kanon';
import { rotateSecret, secretStatus } from '../core/protect/secret';
import type { CliKit } from './clean';
import { textTable } from './output';

type Common = { workspace?: string; json?: boolean };

/** The JSON keys of one side of a k-anonymity report. */
function statsJson(s: KanonStats) {
  return { k: s.k, classes: s.classes, rowsBelow: s.rowsBelow, classesBelow: s.classesBelow, rows: s.rows, l: s.l, classesL1: s.classesL1, sizes: s.sizes };
}

function list(v: string): string[] {
  return v.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

export function registerProtectCommands<O extends Common>(program: Command, kit: Omit<CliKit<O>, 'workspaceDir'>): void {
  const { common, withWorkspace, print } = kit;

  common(program.command('kanon'))
    .description('k-anonymity over quasi-identifiers: the smallest equivalence class, the classes, and the rows in classes below k — as the data is and after the columns\' export actions')
    .argument('<dataset>', 'dataset name')
    .option('--quasi <columns>', 'quasi-identifier columns, comma-separated (default: the columns tagged quasi)')
    .option('--k <n>', 'the k to reach: rows in smaller classes are counted', '5')
    .option('--sensitive <column>', 'a sensitive column: distinct l-diversity (fewest distinct values in a class)')
    .action((dataset: string, o: O & { quasi?: string; k: string; sensitive?: string }) => {
      const k = Number(o.k);
      if (!Number.isInteger(k) || k < 1) throw new TidysetError('BAD_INPUT', `--k must be a whole number ≥ 1, got ${JSON.stringify(o.k)}`);
      withWorkspace(o, (ws) => {
        const r = kAnonymity(ws, { dataset, quasi: o.quasi ? list(o.quasi) : undefined, k, sensitive: o.sensitive ?? null });
        const generalised = r.actions.some((a) => a.action && a.action.action !== 'keep');
        const json = {
          dataset: r.dataset, quasi: r.quasi, targetK: r.targetK, sensitive: r.sensitive, ...statsJson(r.before),
          after: { ...statsJson(r.after), actions: Object.fromEntries(r.actions.map((a) => [a.column, a.action ? formatPdAction(a.action) : 'keep'])) },
        };
        print(o, json, () => {
          const row = (label: string, s: KanonStats) => [label, s.k, s.classes, s.rowsBelow, s.classesBelow, ...(r.sensitive ? [s.l ?? ''] : [])];
          const head = ['', 'k', 'classes', `rows below k=${r.targetK}`, 'classes below', ...(r.sensitive ? [`l (${r.sensitive})`] : [])];
          const rows = [row('as is', r.before), ...(generalised ? [row('after actions', r.after)] : [])];
          const acts = r.actions.map((a) => `${a.column}: ${a.action ? formatPdAction(a.action) : 'keep'}`).join(', ');
          return `quasi-identifiers: ${acts}\n${textTable(head, rows)}`;
        });
      });
    });

  common(program.command('secret'))
    .description('the workspace secret that pseudonyms (hash action) are keyed by: its fingerprint and dates; --rotate starts a new key')
    .option('--rotate', 'start a new key for pseudonyms made from now on (the old one is kept as retired)')
    .option('--replace-lost', 'replace a missing or corrupt secret with a new key (pseudonyms made before will not match new ones)')
    .action((o: O & { rotate?: boolean; replaceLost?: boolean }) => {
      withWorkspace(o, (ws) => {
        const s = o.rotate || o.replaceLost ? rotateSecret(ws, { replaceLost: o.replaceLost ?? false }) : secretStatus(ws);
        if (!o.rotate && !o.replaceLost && s.problem) throw new TidysetError('SECRET_UNAVAILABLE', s.problem);
        print(o, s, () => {
          if (!s.current) return `no secret yet: it is made at the first export with a hash action (${s.file})`;
          const retired = s.retired.map((r) => [r.fingerprint, r.createdAt, r.retiredAt ?? '', r.why ?? '']);
          return `current: ${s.current.fingerprint} (created ${s.current.createdAt})\nfile: ${s.file}` +
            (retired.length ? `\nretired:\n${textTable(['fingerprint', 'created', 'retired', 'why'], retired)}` : '');
        });
      });
    });
}
