// Tests stripHtml: tags, comments, script/style, entities, line breaks, and text that is not HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities, stripHtml } from '../../../../shared/ops/transforms/html';

test('tags vanish; inline tags leave no gap', () => {
  assert.equal(stripHtml('<b>bold</b> and <i>italic</i>'), 'bold and italic');
  assert.equal(stripHtml('a<span class="x">b</span>c'), 'abc');
  assert.equal(stripHtml('<a href="/x?a=1&amp;b=2" title="a > b">link</a>'), 'link', "a quoted '>' stays inside the tag");
  assert.equal(stripHtml("<img src='x.png' alt='pic'/>caption"), 'caption');
  assert.equal(stripHtml('<P>Upper</P>'), 'Upper');
  assert.equal(stripHtml('<!DOCTYPE html><html><body>x</body></html>'), 'x');
  assert.equal(stripHtml('<?xml version="1.0"?><r>x</r>'), 'x');
  assert.equal(stripHtml('<svg:rect/>x'), 'x');
});

test('comments and script/style go with their content, even when unterminated', () => {
  assert.equal(stripHtml('a<!-- hidden <b>x</b> -->b'), 'ab');
  assert.equal(stripHtml('a<script type="text/javascript">if (a < b) alert("<p>")</script>b'), 'ab');
  assert.equal(stripHtml('<style>p { color: red }</style>text'), 'text');
  assert.equal(stripHtml('a<SCRIPT>x</Script >b'), 'ab');
  assert.equal(stripHtml('keep<!-- never closed'), 'keep');
  assert.equal(stripHtml('keep<script>never closed'), 'keep');
});

test('<br> and block boundaries become one newline; cells a space; edges dropped', () => {
  assert.equal(stripHtml('line 1<br>line 2<br/>line 3<BR />'), 'line 1\nline 2\nline 3');
  assert.equal(stripHtml('<p>first</p><p>second</p>'), 'first\nsecond');
  assert.equal(stripHtml('<p>first</p>\n\n   <p>second</p>'), 'first\nsecond');
  assert.equal(stripHtml('a<br><br><br>b'), 'a\nb', 'a run of breaks is one newline');
  assert.equal(stripHtml('<ul><li>one</li><li>two</li></ul>'), 'one\ntwo');
  assert.equal(stripHtml('<div>x  </div>  <div>  y</div>'), 'x\ny', 'whitespace next to a break is absorbed');
  assert.equal(stripHtml('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>'), 'a b\nc');
  assert.equal(stripHtml('<h1>Title</h1>Body  text'), 'Title\nBody  text', 'other whitespace is kept');
  assert.equal(stripHtml('<p></p>'), '');
});

test('entities: named (HTML 4 set and more), decimal and hex, with &#128–159 read as Windows-1252', () => {
  assert.equal(stripHtml('Fish &amp; Chips &lt;3 &quot;ok&quot; &apos;s'), 'Fish & Chips <3 "ok" \'s');
  assert.equal(stripHtml('a&nbsp;b&hellip; &euro;5 &copy;&reg;&trade; &eacute;&Eacute;&szlig;&yuml;&Yuml;'), 'a\u00A0b… €5 ©®™ éÉßÿŸ');
  assert.equal(stripHtml('&alpha;&Omega;&sigmaf;&rarr;&le;&ne;&infin;&hearts;&ndash;&mdash;&lsquo;&rdquo;&bull;'), 'αΩς→≤≠∞♥–—‘”•');
  assert.equal(stripHtml('&#233;&#xE9;&#XE9;&#x1F600;&#39;s'), 'ééé😀\'s');
  assert.equal(stripHtml('&#150;&#146;&#128;'), '–’€');
  assert.equal(stripHtml('&#0;&#xD800;&#x110000;'), '\uFFFD\uFFFD\uFFFD');
  assert.equal(stripHtml('&lt;b&gt;not a tag&lt;/b&gt;'), '<b>not a tag</b>', 'decoded markup stays text');
  assert.equal(stripHtml('<p>&lt;p&gt;</p>'), '<p>');
  assert.equal(stripHtml('&AMP; &COPY;'), '& ©');
});

test('ampersands that are not entities stay', () => {
  assert.equal(stripHtml('AT&T'), 'AT&T');
  assert.equal(stripHtml('?a=1&copy=2'), '?a=1&copy=2', 'a named entity needs its semicolon');
  assert.equal(stripHtml('&bogus; & &;'), '&bogus; & &;');
  assert.equal(decodeEntities('R&D &amp co'), 'R&D &amp co');
});

test('text without tags or entities comes back unchanged', () => {
  for (const v of ['', 'plain text', '3 < 4 and 5 > 2', 'a <= b', '<3', 'x <- y', 'email <at> host'.replace('<at>', '< at >'), 'Malmö  ', ' \n ']) {
    assert.equal(stripHtml(v), v, JSON.stringify(v));
  }
});
