// The collections page at GET /collections, in a real browser: the seed as a link (served as HTML),
// the seed's text without its first paragraph pasted below it, and a link that answers 404. Expect
// two article cards with briefs and one with its problem, a combined brief whose sentences name
// their sources, and the key quotes the two articles share shown once with two sources.
//   node collections-test.mjs http://127.0.0.1:PORT SEED.txt http://127.0.0.1:PAGEPORT/seed.html http://127.0.0.1:PAGEPORT/missing.html
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const [base, seedPath, pageUrl, missingUrl] = process.argv.slice(2);
const seed = fs.readFileSync(seedPath, 'utf8').replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '');
const variant = seed.split(/\n\s*\n/).slice(1).join('\n\n');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(base + '/collections');
  await page.fill('#items', `${pageUrl}\n${missingUrl}\n---\n${variant}`);
  await page.click('#go');
  await page.waitForFunction(() => !document.getElementById('out').hidden || !document.getElementById('error').hidden, null, { timeout: 60000 });
  if (await page.locator('#error').isVisible()) throw new Error('the page shows an error: ' + await page.textContent('#error'));
  const cards = await page.$$eval('#articles .card', cs => cs.map(c => ({ problem: c.classList.contains('problem'), brief: c.querySelector('.articleBrief')?.textContent ?? '' })));
  if (cards.length !== 3) throw new Error(`expected 3 article cards, got ${cards.length}`);
  if (cards.filter(c => c.problem).length !== 1) throw new Error('expected one card with a problem: ' + JSON.stringify(cards));
  if (cards.filter(c => !c.problem && c.brief.length > 40).length !== 2) throw new Error('expected two cards with briefs: ' + JSON.stringify(cards));
  const sentences = await page.$$eval('#brief .sentence', ss => ss.map(s => s.querySelectorAll('.badge').length));
  if (sentences.length === 0 || sentences.some(n => n === 0)) throw new Error('combined brief sentences without sources: ' + JSON.stringify(sentences));
  const shared = await page.$$eval('#quotes .quote', qs => qs.filter(q => q.textContent.includes('2 sources')).length);
  if (shared === 0) throw new Error('no key quote shows the two articles as its sources');
  console.log(`browser (collection): 3 cards (1 problem), a ${sentences.length}-sentence combined brief with sources, ${shared} quotes with 2 sources`);
} finally {
  await browser.close();
}
