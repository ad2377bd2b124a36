// The shared security policy: the CSP string, the app-URL allowlist and the traversal-safe file join.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAllowedRequest, isAppUrl } from '../../../main/electron/security';
import { CSP, mimeType, safeJoin } from '../../../main/transport/security';

test('the CSP allows only the app itself', () => {
  assert.equal(
    CSP,
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
      "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  );
});

test('app URLs and allowed requests', () => {
  assert.ok(isAppUrl('app://tidyset/index.html'));
  for (const u of ['app://tidyset.evil/x', 'app://user@tidyset/x', 'https://tidyset/', 'not a url', '']) assert.ok(!isAppUrl(u), u);
  assert.ok(!isAllowedRequest('devtools://devtools/bundled/x.html'));
  assert.ok(isAllowedRequest('devtools://devtools/bundled/x.html', true));
  assert.ok(!isAllowedRequest('https://fonts.googleapis.com/css'));
});

test('safeJoin keeps paths inside the root', () => {
  assert.equal(safeJoin('/srv/r', '/'), '/srv/r/index.html');
  assert.equal(safeJoin('/srv/r', '/a/b.js'), '/srv/r/a/b.js');
  assert.equal(safeJoin('/srv/r', '/a%20b.js'), '/srv/r/a b.js');
  assert.equal(safeJoin('C:\\app\\r', '/x.js', '\\'), 'C:\\app\\r\\x.js');
  for (const p of ['/../x', '/a/../../x', '/%2e%2e/x', '/..%2fx', '/..%5cx', '/%00', '/%E0%A4%A', '/C:/Windows/x', '/c:%5cx']) {
    assert.equal(safeJoin('/srv/r', p), null, p);
  }
  assert.equal(mimeType('a/b.WOFF2'), 'font/woff2');
  assert.equal(mimeType('noext'), 'application/octet-stream');
});
