// The e2e browser finder: the usual install places of Chromium, Chrome and Edge per platform, and $TIDYSET_CHROMIUM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserCandidates, findBrowser } from '../../e2e/browser';

test('candidates cover Chromium, Chrome and Edge on Linux, macOS and Windows', () => {
  const linux = browserCandidates('linux', {});
  assert.equal(linux[0], '/usr/bin/chromium');
  for (const p of ['/usr/bin/google-chrome', '/opt/microsoft/msedge/msedge']) assert.ok(linux.includes(p), p);
  const mac = browserCandidates('darwin', { HOME: '/Users/me' });
  assert.ok(mac.includes('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'));
  assert.ok(mac.includes('/Users/me/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'));
  const win = browserCandidates('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' });
  assert.ok(win.includes('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'));
  assert.ok(win.includes('C:\\Users\\me\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe'));
});

test('findBrowser takes the first installed candidate, or $TIDYSET_CHROMIUM when set', () => {
  const saved = process.env.TIDYSET_CHROMIUM;
  try {
    delete process.env.TIDYSET_CHROMIUM;
    const installed = browserCandidates().at(-1)!;
    assert.equal(findBrowser((p) => p === installed), installed);
    assert.equal(findBrowser(() => false), null);
    process.env.TIDYSET_CHROMIUM = '/opt/my/chrome';
    assert.equal(findBrowser((p) => p === '/opt/my/chrome'), '/opt/my/chrome');
    assert.equal(findBrowser(() => false), null);
  } finally {
    if (saved === undefined) delete process.env.TIDYSET_CHROMIUM;
    else process.env.TIDYSET_CHROMIUM = saved;
  }
});
