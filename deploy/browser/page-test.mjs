// The web page at GET /, in a real browser: paste the seed article, press Summarize, and expect
// the brief (streamed over SSE) and five key quotes with their speakers and offsets; then, when a
// page URL is given, put that link (the seed served as HTML) in the URL box and expect the same.
// Each brief sentence, hovered, marks its source (its receipt's offsets) in the article shown below it.
//   node page-test.mjs http://127.0.0.1:PORT SEED.txt SEED.quotes.json [http://127.0.0.1:PAGEPORT/seed.html]
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const [base, seedPath, goldPath, pageUrl] = process.argv.slice(2);
const gold = JSON.parse(fs.readFileSync(goldPath, 'utf8')).quotes
  .map(q => [q.quote.trim().replace(/[,.]+$/, ''), q.speaker]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
async function summarize(page, how, fill) {
  await page.goto(base + '/');
  await fill();
  await page.click('#go');
  await page.waitForFunction(() => document.getElementById('briefMeta').textContent.length > 0
    || !document.getElementById('error').hidden, null, { timeout: 30000 });
  const error = await page.locator('#error').isVisible();
  if (error) throw new Error(`${how}: the page shows an error: ` + await page.textContent('#error'));
  const brief = await page.textContent('#brief');
  const quotes = await page.$$eval('#quotes blockquote', bs => bs.map(b => ({
    text: b.firstChild.textContent.replace(/^“|”$/g, ''),
    speaker: b.querySelector('.speaker').textContent,
  })));
  if (!brief.startsWith('The US airstrikes')) throw new Error(`${how}: unexpected brief: ` + brief.slice(0, 80));
  // The receipt: hovering a brief sentence marks its source in the article; an extractive sentence's source is itself.
  const sentences = await page.$$eval('#brief .sentence', ss => ss.map(s => s.textContent));
  if (sentences.length === 0) throw new Error(`${how}: the brief has no sentences to point at`);
  for (const [i, sentence] of sentences.entries()) {
    await page.hover(`#brief .sentence >> nth=${i}`);
    const marked = await page.$$eval('#article mark', ms => ms.map(m => m.textContent));
    if (marked.length !== 1 || marked[0] !== sentence) throw new Error(`${how}: sentence ${i + 1} marks ${JSON.stringify(marked)}, expected itself`);
  }
  await page.click('#brief .sentence >> nth=0');
  await page.mouse.move(0, 0);
  if (await page.locator('#article mark').count() !== 1) throw new Error(`${how}: a clicked sentence does not keep its source marked`);
  if (quotes.length !== 5) throw new Error(`${how}: expected 5 key quotes, got ${quotes.length}`);
  for (const q of quotes) {
    const match = gold.find(([text]) => text === q.text.trim().replace(/[,.]+$/, ''));
    if (!match) throw new Error(`${how}: not a seed quote: ` + q.text);
    if (match[1] !== q.speaker) throw new Error(`${how}: speaker of "${q.text.slice(0, 40)}…": ${q.speaker}, expected ${match[1]}`);
  }
  console.log(`browser (${how}): page shows a ${brief.length}-character brief (each of its ${sentences.length} sentences marks its source in the article) and ${quotes.length} key quotes with the right speakers`);
  return page.textContent('#progress');
}

try {
  const page = await browser.newPage();
  const sse = [];
  page.on('response', r => { if (r.url().includes('/brief/stream')) sse.push(r.status()); });
  await summarize(page, 'pasted text', () => page.fill('#text', fs.readFileSync(seedPath, 'utf8')));
  if (!sse.includes(200)) throw new Error('the brief did not come over the SSE stream: ' + JSON.stringify(sse));
  if (pageUrl) {
    const progress = await summarize(page, 'link', () => page.fill('#url', pageUrl));
    if (!progress.includes('from ')) throw new Error('the link run does not show the source URL: ' + progress);
  }
} finally {
  await browser.close();
}
