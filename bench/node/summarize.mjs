// Times lexrank (npm) on the articles Summarizer.Eval's `speed` command passes in, in this process,
// the same way the .NET side is timed: a 3-second warm-up, then 5 rounds of minMs/5 each; the
// median round. Prints JSON to stdout.
// Usage: node summarize.mjs ARTICLES.json [minMs]   (ARTICLES.json: [{"name", "text", "sentences"}])
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const lexrank = require('lexrank');

const [, , file, minMsArg] = process.argv;
const minMs = Number(minMsArg ?? 2000);
const warmUpMs = 3000;
const rounds = 5;
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
  const warm = performance.now();
  let w = 0;
  while (performance.now() - warm < warmUpMs || w < 3) { summarize(a.text, a.sentences); w++; }
  const perRound = [];
  let total = 0;
  let lines = 0;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < minMs / rounds || n < 3) {
      lines = summarize(a.text, a.sentences).length;
      n++;
    }
    perRound.push((performance.now() - start) / n);
    total += n;
  }
  perRound.sort((x, y) => x - y);
  results.push({ name: a.name, chars: a.text.length, iterations: total, meanMs: perRound[Math.floor(rounds / 2)], sentences: lines });
}

console.log(JSON.stringify({ tool: 'lexrank@1.0.5', node: process.version, results }));
