// The app's one client instance; components import `api` from here and never see a transport.
import { createClient } from './client';
import { pickTransport } from './transports';

export const api = createClient(pickTransport());
export { ApiError, errorMessage, onConnection } from './client';
export type { Client } from './client';
