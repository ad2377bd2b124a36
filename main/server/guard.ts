// Who may talk to serve mode: the per-run token (cookie or Bearer header), and the Host and Origin
// checks that stop DNS rebinding and cross-site requests.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import os from 'node:os';

/**
 * The token cookie's name for a server on `port`. Cookies are not kept apart by port, so two serve
 * instances on one machine (one per workspace) each need their own name, or each login would log
 * the other out.
 */
export function cookieName(port: number): string {
  return `tidyset_token_${port}`;
}

/** A fresh random token: 32 bytes, hex. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

/** Constant-time comparison so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Set-Cookie value that carries the token after the first visit. */
export function tokenCookie(token: string, port: number): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Every value of our cookie in a Cookie header (several may be present). */
function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
  }
  return out;
}

/** True if the request carries the token as `Authorization: Bearer T` or in the cookie. */
export function isAuthorised(req: IncomingMessage, token: string, port: number): boolean {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && tokenMatches(auth.slice(7).trim(), token)) return true;
  return cookieValues(req.headers.cookie, cookieName(port)).some((v) => tokenMatches(v, token));
}

/** True for addresses and names that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** `host` as it appears in a URL or Host header: IPv6 literals in brackets. */
export function hostForUrl(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** The exact Host header values accepted on `port` (lowercase). A wildcard bind accepts this machine's addresses. */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  if (bindHost === '0.0.0.0' || bindHost === '::') {
    for (const addrs of Object.values(os.networkInterfaces())) {
      for (const a of addrs ?? []) names.push(hostForUrl(a.address.replace(/%.*$/, '')));
    }
  } else {
    names.push(hostForUrl(bindHost));
  }
  return new Set(names.map((n) => `${n.toLowerCase()}:${port}`));
}

/** Why a request fails the Host/Origin check, or null if it passes. */
export function hostProblem(req: IncomingMessage, allowed: Set<string>): string | null {
  const host = req.headers.host?.toLowerCase();
  if (!host || !allowed.has(host)) return `Host ${JSON.stringify(req.headers.host ?? '')} is not this server`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) return `Origin ${JSON.stringify(origin)} is not this server`;
  return null;
}
