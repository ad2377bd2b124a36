// Serve mode's HTTP protocol and its guards: token, cookie, Host/Origin, traversal, limits, SSE, binding.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import type { JobInfo } from '../../shared/api/contract';
import { READY_PREFIX, type ReadyLine } from '../../shared/api/transport';
import { CSP } from '../../main/transport/security';
import { allowedHosts, isLoopback } from '../../main/server/guard';
import { startServer, type RunningServer } from '../../main/server/server';
import { EventLog, jobEnded, openEventStream, request, tempDir } from './harness';

const ROOT = path.join(__dirname, '..', '..');

describe('serve mode over HTTP', () => {
  let s: RunningServer;
  let dir: string;
  let host: string;
  let bearer: Record<string, string>;

  before(async () => {
    dir = tempDir('tidyset-serve-');
    const site = path.join(dir, 'site');
    mkdirSync(path.join(site, 'assets'), { recursive: true });
    writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>Tidyset</title><script type="module" src="/app.js"></script>');
    writeFileSync(path.join(site, 'app.js'), 'console.log(1);');
    writeFileSync(path.join(site, 'assets', 'font.woff2'), 'w');
    writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET');
    s = await startServer({ workspaceDir: path.join(dir, 'ws'), port: 0, staticDir: site });
    host = `127.0.0.1:${s.port}`;
    // Every API call carries the CSRF header, as the renderer's transport does.
    bearer = { Authorization: `Bearer ${s.token}`, 'X-Tidyset': '1' };
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('binds 127.0.0.1 with a 32-byte token in the URL', () => {
    assert.equal(s.host, '127.0.0.1');
    assert.match(s.token, /^[0-9a-f]{64}$/);
    assert.equal(s.url, `http://127.0.0.1:${s.port}/?token=${s.token}`);
  });

  test('without the token: 401 with a page that says where the URL is', async () => {
    const page = await request(s.port, { path: '/' });
    assert.equal(page.status, 401);
    assert.match(page.body, /tidyset serve/);
    assert.equal(page.headers['content-security-policy'], CSP);
    const api = await request(s.port, { method: 'POST', path: '/api/call/app.info', body: '{}' });
    assert.equal(api.status, 401);
    assert.equal(JSON.parse(api.body).error.code, 'UNAUTHORIZED');
    assert.equal((await request(s.port, { path: '/api/events' })).status, 401);
    assert.equal((await request(s.port, { path: '/', headers: { Authorization: 'Bearer nope' } })).status, 401);
    assert.equal((await request(s.port, { path: '/', headers: { Cookie: `tidyset_token_${s.port}=nope` } })).status, 401);
    assert.equal((await request(s.port, { path: '/?token=nope' })).status, 401);
  });

  test('the token URL sets an HttpOnly SameSite=Strict cookie and redirects without the token', async () => {
    const r = await request(s.port, { path: `/?token=${s.token}` });
    assert.equal(r.status, 302);
    assert.equal(r.headers.location, '/');
    assert.deepEqual(r.headers['set-cookie'], [`tidyset_token_${s.port}=${s.token}; HttpOnly; SameSite=Strict; Path=/`]);
    const cookie = { Cookie: `other=1; tidyset_token_${s.port}=${s.token}` };
    // Another server's cookie (another port) does not open this one.
    assert.equal((await request(s.port, { path: '/', headers: { Cookie: `tidyset_token_1=${s.token}x` } })).status, 401);
    const page = await request(s.port, { path: '/', headers: cookie });
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /<title>Tidyset/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    const js = await request(s.port, { path: '/app.js', headers: cookie });
    assert.match(String(js.headers['content-type']), /^text\/javascript/);
    const font = await request(s.port, { path: '/assets/font.woff2', headers: cookie });
    assert.equal(font.headers['content-type'], 'font/woff2');
    assert.equal((await request(s.port, { path: '/missing.js', headers: cookie })).status, 404);
    // Other query parameters survive; a `//host` path never becomes an off-site redirect.
    assert.equal((await request(s.port, { path: `/?x=1&token=${s.token}` })).headers.location, '/?x=1');
    assert.equal((await request(s.port, { path: `//evil.example/?token=${s.token}` })).headers.location, '/evil.example/');
  });

  test('a wrong Host header is refused with 403 even with the token (DNS rebinding)', async () => {
    for (const h of [`evil.example:${s.port}`, `127.0.0.1:${s.port + 1}`, 'localhost', `127.0.0.1.evil.example:${s.port}`]) {
      const r = await request(s.port, { path: '/api/events', headers: { ...bearer, Host: h } });
      assert.equal(r.status, 403, `Host ${h}`);
    }
    // No Host header at all (HTTP/1.0 allows it): refused too.
    const raw = await new Promise<string>((resolve, reject) => {
      const sock = net.connect({ host: '127.0.0.1', port: s.port }, () => sock.write(`GET /api/events HTTP/1.0\r\nAuthorization: ${bearer.Authorization}\r\n\r\n`));
      let text = '';
      sock.on('data', (c) => (text += c.toString()));
      sock.on('end', () => resolve(text));
      sock.on('error', reject);
    });
    assert.match(raw, /^HTTP\/1\.[01] 403 /);
    for (const h of [`localhost:${s.port}`, `LOCALHOST:${s.port}`]) {
      assert.equal((await request(s.port, { method: 'POST', path: '/api/call/app.info', headers: { ...bearer, Host: h }, body: '{}' })).status, 200);
    }
  });

  test('a foreign Origin is refused with 403; the server’s own is accepted', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${s.port}`, 'null', `https://${host}`]) {
      const r = await request(s.port, { method: 'POST', path: '/api/call/app.info', headers: { ...bearer, Origin: origin }, body: '{}' });
      assert.equal(r.status, 403, `Origin ${origin}`);
    }
    const own = await request(s.port, { method: 'POST', path: '/api/call/app.info', headers: { ...bearer, Origin: `http://${host}` }, body: '{}' });
    assert.equal(own.status, 200);
    assert.equal(JSON.parse(own.body).value.platform, 'serve');
    assert.equal(own.headers['cache-control'], 'no-store');
  });

  test('CSRF guard: an API call without the X-Tidyset header or a JSON content type is refused', async () => {
    const cookie = `tidyset_token_${s.port}=${s.token}`;
    // What a cross-site form can send: the cookie (were SameSite ignored), text/plain, no Origin.
    const form = await request(s.port, { method: 'POST', path: '/api/call/app.info', headers: { Cookie: cookie, 'Content-Type': 'text/plain' }, body: '{}' });
    assert.equal(form.status, 403);
    assert.equal(JSON.parse(form.body).error.code, 'UNAUTHORIZED');
    assert.match(JSON.parse(form.body).error.message, /X-Tidyset/);
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      const r = await request(s.port, { method: 'POST', path: '/api/call/app.info', headers: { Cookie: cookie, 'Content-Type': type }, body: '{}' });
      assert.equal(r.status, 403, type);
    }
    const wrong = await request(s.port, { method: 'POST', path: '/api/call/app.info', headers: { Cookie: cookie, 'X-Tidyset': '0' }, body: '{}' });
    assert.equal(wrong.status, 403);
    const header = await request(s.port, { method: 'POST', path: '/api/call/app.info', headers: { Cookie: cookie, 'Content-Type': 'text/plain', 'X-Tidyset': '1' }, body: '{}' });
    assert.equal(header.status, 200);
    const json = await request(s.port, { method: 'POST', path: '/api/call/app.info', headers: { Cookie: cookie, 'Content-Type': 'Application/JSON; charset=utf-8' }, body: '{}' });
    assert.equal(json.status, 200);
  });

  test('path traversal is refused and never reveals files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/assets/../../secret.txt', '/%00index.html', '/%E0%A4%A']) {
      const r = await request(s.port, { path: p, headers: bearer });
      assert.ok(r.status === 403 || r.status === 400, `${p} answered ${r.status}`);
      assert.doesNotMatch(r.body, /TOP SECRET/);
    }
  });

  test('API errors: 400 for unparseable JSON, 413 over 10 MB, 405 for GET, 404 for unknown endpoints', async () => {
    const bad = await request(s.port, { method: 'POST', path: '/api/call/app.info', headers: bearer, body: '{nope' });
    assert.equal(bad.status, 400);
    assert.equal(JSON.parse(bad.body).ok, false);
    const big = await request(s.port, { method: 'POST', path: '/api/call/app.info', headers: bearer, body: Buffer.alloc(10 * 1024 * 1024 + 1, 32) });
    assert.equal(big.status, 413);
    assert.equal((await request(s.port, { path: '/api/call/app.info', headers: bearer })).status, 405);
    assert.equal((await request(s.port, { path: '/api/nope', headers: bearer })).status, 404);
    const unknown = await request(s.port, { method: 'POST', path: '/api/call/no.such', headers: bearer, body: '{}' });
    assert.equal(unknown.status, 200);
    assert.equal(JSON.parse(unknown.body).error.code, 'UNKNOWN_METHOD');
  });

  test('an upload the client abandons mid-body prints no stack trace and leaves the server answering', async () => {
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      await new Promise<void>((resolve, reject) => {
        const sock = net.connect({ host: '127.0.0.1', port: s.port }, () => {
          sock.write(`POST /api/call/app.info HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${s.token}\r\nX-Tidyset: 1\r\nContent-Length: 100000\r\n\r\n{"a":`);
          // Wait until the server has the partial body (no reply can come before the body ends), then vanish.
          setImmediate(() => {
            sock.destroy();
            resolve();
          });
        });
        sock.on('error', reject);
      });
      // Requests after it are answered (each round trip also lets the server see the closed socket).
      for (let i = 0; i < 3; i++) {
        const r = await request(s.port, { method: 'POST', path: '/api/call/app.info', headers: bearer, body: '{}' });
        assert.equal(r.status, 200);
      }
    } finally {
      process.stderr.write = original;
    }
    assert.doesNotMatch(written.join(''), /\n\s+at |aborted/);
  });

  test('/api/events streams job.progress/job.end and datasets.changed as Server-Sent Events', async () => {
    const log = new EventLog();
    const stop = await openEventStream(s.port, { Cookie: `tidyset_token_${s.port}=${s.token}` }, log);
    try {
      const r = await request(s.port, { method: 'POST', path: '/api/call/jobs.importSample', headers: bearer, body: '{}' });
      const job = JSON.parse(r.body).value as JobInfo;
      const end = (await log.waitFor(jobEnded(job.id))).payload as JobInfo;
      assert.equal(end.state, 'done', JSON.stringify(end.error));
      const changed = await log.waitFor((e) => e.name === 'datasets.changed');
      assert.deepEqual(changed.payload, { dataset: end.outcome?.dataset });
      const progress = log.seen.filter((e) => e.name === 'job.progress');
      assert.ok(progress.every((e) => (e.payload as JobInfo).id === job.id));
    } finally {
      stop();
    }
  });
});

describe('tidyset serve (the CLI)', () => {
  test('prints the ready line, binds only loopback, and stops cleanly on SIGTERM', async () => {
    const ws = tempDir('tidyset-cli-');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'main/cli/index.ts'), 'serve', '--port', '0', '-w', ws], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const ready = await new Promise<ReadyLine>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout });
        lines.on('line', (l) => l.startsWith(READY_PREFIX) && resolve(JSON.parse(l.slice(READY_PREFIX.length)) as ReadyLine));
        child.on('exit', (code) => reject(new Error(`serve exited (${code}) before it was ready: ${stderr}`)));
      });
      assert.equal(ready.host, '127.0.0.1');
      assert.equal(ready.url, `http://127.0.0.1:${ready.port}/?token=${ready.token}`);
      // The data roots default to the folder serve was started in, and are printed for scripts and people.
      assert.deepEqual(ready.roots, [realpathSync(ROOT)]);
      assert.match(stderr, /Data roots .*: /);
      assert.match(stderr, new RegExp(`Tidyset is serving the workspace ${ws.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at http://127\\.0\\.0\\.1:${ready.port}/\\?token=`));
      const info = await request(ready.port, { method: 'POST', path: '/api/call/app.info', headers: { Authorization: `Bearer ${ready.token}`, 'X-Tidyset': '1' }, body: '{}' });
      assert.equal(JSON.parse(info.body).value.workspace, ws);
      // Not reachable on any other interface of this machine.
      const external = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
      if (external) {
        const refused = await new Promise<boolean>((resolve) => {
          const sock = net.connect({ host: external.address, port: ready.port });
          sock.on('connect', () => (sock.destroy(), resolve(false)));
          sock.on('error', () => resolve(true));
        });
        assert.ok(refused, `port ${ready.port} answered on ${external.address}`);
      }
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.match(stderr, /SIGTERM, stopping/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('serve mode guards (unit)', () => {
  test('loopback names and the allowed Host set', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.ok(isLoopback(h), h);
    for (const h of ['0.0.0.0', '192.168.1.2', 'example.com', '::']) assert.ok(!isLoopback(h), h);
    assert.deepEqual([...allowedHosts('127.0.0.1', 8080)], ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080']);
    assert.ok(allowedHosts('10.0.0.5', 80).has('10.0.0.5:80'));
    assert.ok(allowedHosts('fe80::1', 80).has('[fe80::1]:80'));
  });
});
