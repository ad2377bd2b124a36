// Entry point of the desktop app (bundled as dist/main/electron.js): hands the real Electron API to the shell.
import * as electron from 'electron';
import { startShell } from './shell';

startShell(electron);
