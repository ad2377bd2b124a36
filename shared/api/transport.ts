// How a face reaches the dispatcher: the Electron preload and the HTTP client both implement this.
import type { EventName, EventPayload, Method, Reply } from './contract';

export interface Transport {
  /** Calls a method; resolves with the dispatcher's reply (never rejects for API errors). */
  invoke(method: Method, input: unknown): Promise<Reply<unknown>>;
  /** Subscribes to a server event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, fn: (payload: EventPayload<E>) => void): () => void;
}

/** What the Electron preload puts on `window.tidyset`. */
export type PreloadBridge = Transport;

/**
 * The request header every serve-mode API call carries (value "1"), a CSRF guard in depth: a
 * cross-site form can send neither a custom header nor a JSON content type, so a call needs one.
 */
export const API_HEADER = 'X-Tidyset';

/** The line `tidyset serve` prints on stdout once it listens, for scripts and tests to wait on. */
export const READY_PREFIX = 'TIDYSET_READY ';
export interface ReadyLine {
  url: string;
  port: number;
  host: string;
  token: string;
  /** The data roots (real paths): the only folders this server lists, reads or writes. */
  roots: string[];
}
