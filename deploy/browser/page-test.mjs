// The web page at GET /, in a real browser: paste the seed article, press Summarize, and expect
// the brief (streamed over SSE) and five key quotes with their speakers and offsets.
//   node page-test.mjs http://127.0.0.1:PORT SEED.txt SEED.quotes.json
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const [base, seedPath, goldPath] = process.argv.slice(2);
const gold = JSON.parse(fs.readFileSync(goldPath, 'utf8')).quotes
  .map(q => [q.quote.trim().replace(/[,.]+$/, ''), q.speaker]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const sse = [];
  page.on('response', r => { if (r.url().includes('/brief/stream')) sse.push(r.status()); });
  await page.goto(base + '/');
  await page.fill('#text', fs.readFileSync(seedPath, 'utf8'));
  await page.click('#go');
  await page.waitForFunction(() => document.getElementById('briefMeta').textContent.length > 0, null, { timeout: 30000 });
  const error = await page.locator('#error').isVisible();
  if (error) throw new Error('the page shows an error: ' + await page.textContent('#error'));
  const brief = await page.textContent('#brief');
  const quotes = await page.$$eval('#quotes blockquote', bs => bs.map(b => ({
    text: b.firstChild.textContent.replace(/^“|”$/g, ''),
    speaker: b.querySelector('.speaker').textContent,
  })));
  if (!brief.startsWith('The US airstrikes')) throw new Error('unexpected brief: ' + brief.slice(0, 80));
  if (!sse.includes(200)) throw new Error('the brief did not come over the SSE stream: ' + JSON.stringify(sse));
  if (quotes.length !== 5) throw new Error(`expected 5 key quotes, got ${quotes.length}`);
  for (const q of quotes) {
    const match = gold.find(([text]) => text === q.text.trim().replace(/[,.]+$/, ''));
    if (!match) throw new Error('not a seed quote: ' + q.text);
    if (match[1] !== q.speaker) throw new Error(`speaker of "${q.text.slice(0, 40)}…": ${q.speaker}, expected ${match[1]}`);
  }
  console.log(`browser: page shows a ${brief.length}-character brief (streamed) and ${quotes.length} key quotes with the right speakers`);
} finally {
  await browser.close();
}
