// Times lexrank (npm) on the articles Summarizer.Eval's `speed` command passes in, in this process:
// a warm-up, then repeated calls for at least `minMs` per article. Prints JSON to stdout.
// Usage: node summarize.mjs ARTICLES.json [minMs]   (ARTICLES.json: [{"name", "text", "sentences"}])
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const lexrank = require('lexrank');

const [, , file, minMsArg] = process.argv;
const minMs = Number(minMsArg ?? 2000);
const articles = JSON.parse(readFileSync(file, 'utf8'));

function summarize(text, sentences) {
  let result;
  lexrank.summarize(text, sentences, (err, topLines) => {
    if (err) throw err;
    result = topLines;
  });
  return result;
}

const results = [];
for (const a of articles) {
  for (let i = 0; i < 3; i++) summarize(a.text, a.sentences);
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  let lines = 0;
  while (elapsed < minMs || n < 5) {
    lines = summarize(a.text, a.sentences).length;
    n++;
    elapsed = performance.now() - start;
  }
  results.push({ name: a.name, chars: a.text.length, iterations: n, meanMs: elapsed / n, sentences: lines });
}

console.log(JSON.stringify({ tool: 'lexrank@1.0.5', node: process.version, results }));
