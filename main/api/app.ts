// Handler for facts about the running app: version, workspace folder and which face is talking.
import { APP_VERSION } from '../core/version';
import type { Handlers } from './types';

export const appHandlers: Pick<Handlers, 'app.info'> = {
  /** `platform` is the face: 'electron' (desktop window), 'serve' (browser over loopback HTTP) or 'test'. */
  'app.info': async (_in, { ws, face }) => ({ version: APP_VERSION, workspace: ws.dir, platform: face }),
};
