#!/usr/bin/env node
// Entry point for `npx tidyset`: runs the bundled CLI built by `npm run build` (run by `prepare` on `npm ci`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('tidyset: not built yet; run `npm run build` in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
}
require(cli);
