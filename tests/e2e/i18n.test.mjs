// The catalogues (web/i18n/zh.js, en.js): the same keys in both, no empty Chinese label, and
// every label the code asks for by a literal key (t('x.y')) is in them. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const zh = (await import(join(ROOT, 'web/i18n/zh.js'))).default;
const en = (await import(join(ROOT, 'web/i18n/en.js'))).default;

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? sources(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

test('zh and en hold the same keys', () => {
  const a = Object.keys(zh).sort(), b = Object.keys(en).sort();
  assert.deepEqual(a.filter((k) => !(k in en)), [], 'keys only in zh.js');
  assert.deepEqual(b.filter((k) => !(k in zh)), [], 'keys only in en.js');
  assert.deepEqual(a.filter((k) => !zh[k]), [], 'empty Chinese labels');
});

test('every literal key the pages ask for exists', () => {
  const missing = [];
  for (const f of sources(join(ROOT, 'web/js'))) {
    const text = readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '');   // not the comments' examples
    for (const m of text.matchAll(/\bt\(\s*'([a-z_]+\.[A-Za-z0-9_.]+)'\s*[,)]/g)) {
      if (!(m[1] in zh)) missing.push(`${f.slice(ROOT.length + 1)}: ${m[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});
