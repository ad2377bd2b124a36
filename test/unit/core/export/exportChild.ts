// Child process for the crash tests: exports one dataset (argv: workspace, dataset, format, out folder)
// and is SIGKILLed by the TIDYSET_TEST_EXPORT_KILL_AT hook at the phase the test names.
import { exportDataset } from '../../../../main/core/export/exportDataset';
import { quietContext } from '../../../../main/core/jobs/context';
import { Workspace } from '../../../../main/core/workspace';

const [wsDir, dataset, format, outDir] = process.argv.slice(2) as [string, string, 'csv' | 'jsonl', string];
const ws = Workspace.open(wsDir);
exportDataset(ws, { dataset, format, outDir }, quietContext).then(
  () => {
    ws.close();
    process.stdout.write('exported\n');
  },
  (e: unknown) => {
    process.stderr.write(String(e) + '\n');
    process.exitCode = 1;
  },
);
