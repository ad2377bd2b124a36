// The packaged binary's fuses in electron-builder.yml: the security-relevant ones are set as intended.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/** The `electronFuses:` block of electron-builder.yml as key → value (a flat YAML mapping). */
function fuses(): Record<string, string> {
  const yml = readFileSync(path.join(__dirname, '..', '..', '..', 'electron-builder.yml'), 'utf8');
  const lines = yml.split(/\r?\n/);
  const start = lines.indexOf('electronFuses:');
  assert.ok(start >= 0, 'electron-builder.yml has an electronFuses block');
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^ {2}(\w+):\s*(\S+)\s*(#.*)?$/.exec(line);
    if (!m) break;
    out[m[1]!] = m[2]!;
  }
  return out;
}

test('fuses: no run-as-node, no NODE_OPTIONS, no inspect, encrypted cookies, asar only and checked', () => {
  assert.deepEqual(
    { ...fuses() },
    {
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    },
  );
});

test('the app is packed into an asar (onlyLoadAppFromAsar needs one)', () => {
  const yml = readFileSync(path.join(__dirname, '..', '..', '..', 'electron-builder.yml'), 'utf8');
  assert.doesNotMatch(yml, /^asar:\s*false/m);
});
