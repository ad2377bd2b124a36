// The Electron transport: one IPC handler that checks the calling frame before dispatching, and the
// forwarding of dispatcher events to the app's windows.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Reply } from '../../shared/api/contract';
import type { ApiEvent } from '../api/dispatch';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';
import { isAppUrl } from './security';

/** What the IPC adapter needs of the dispatcher. */
export interface DispatchTarget {
  dispatch(method: unknown, input: unknown): Promise<Reply<unknown>>;
  onEvent(fn: (e: ApiEvent) => void): () => void;
}

/**
 * Registers `tidyset:invoke`. A call from any frame whose URL is not the app's own (a foreign page,
 * a destroyed frame) is refused with UNAUTHORIZED and never reaches the dispatcher.
 */
export function registerIpc(ipcMain: IpcMain, target: DispatchTarget, isTrusted: (url: string) => boolean = isAppUrl): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Reply<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrusted(url)) {
      process.stderr.write(`tidyset: refused IPC ${typeof method === 'string' ? method.slice(0, 100) : typeof method} from ${url.slice(0, 200) || 'an unknown frame'}\n`);
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'IPC is only accepted from the app’s own pages' } };
    }
    return target.dispatch(method, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Sends every dispatcher event to the web contents `targets()` returns; returns the unsubscribe function. */
export function forwardEvents(target: DispatchTarget, targets: () => WebContents[]): () => void {
  return target.onEvent((e) => {
    for (const wc of targets()) if (!wc.isDestroyed()) wc.send(EVENT_CHANNEL, e.name, e.payload);
  });
}
