// LangChain.js map_reduce over given chunks, against an OpenAI-protocol endpoint.
// Usage: node map-reduce.mjs <endpoint /v1> <chunks.json> <runs> <maxConcurrency|default> <identical>
// chunks.json: {"warmup": [text...], "runs": [[text...], ...], "identical": [text...]}
// Prints one JSON line per measurement: {kind, run, totalMs, firstCallMs, calls}.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { ChatOpenAI } from "@langchain/openai";
import { loadSummarizationChain } from "@langchain/classic/chains";
import { Document } from "@langchain/core/documents";

const [endpoint, chunksFile, runsArg, concurrencyArg, identicalArg] = process.argv.slice(2);
const input = JSON.parse(readFileSync(chunksFile, "utf8"));
const runs = Number(runsArg ?? 3);
const identical = Number(identicalArg ?? 20);

// Each fetch the OpenAI client makes is timed here: the first one is "the first model call".
let calls = 0;
let firstCall = null;
const timedFetch = (url, init) => {
  calls++;
  if (firstCall === null) firstCall = performance.now();
  return fetch(url, init);
};

// LangChain's own token estimate (ceil(length / 4)), so it never downloads a tiktoken encoding.
class LoopbackChat extends ChatOpenAI {
  async getNumTokens(content) {
    const text = typeof content === "string" ? content : JSON.stringify(content);
    return Math.ceil(text.length / 4);
  }
}

const llm = new LoopbackChat({
  model: "loopback",
  apiKey: "no-key",
  temperature: 0,
  maxRetries: 0,
  ...(concurrencyArg && concurrencyArg !== "default" ? { maxConcurrency: Number(concurrencyArg) } : {}),
  configuration: { baseURL: endpoint, fetch: timedFetch },
});
const chain = loadSummarizationChain(llm, { type: "map_reduce" });
const docs = (texts) => texts.map((t) => new Document({ pageContent: t }));

async function once(texts, count = 1) {
  calls = 0;
  firstCall = null;
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, () => chain.invoke({ input_documents: docs(texts) })));
  return { totalMs: performance.now() - started, firstCallMs: firstCall - started, calls };
}

await once(input.warmup);
for (let r = 0; r < runs; r++) {
  console.log(JSON.stringify({ kind: "cold", run: r, ...(await once(input.runs[r])) }));
}
console.log(JSON.stringify({ kind: "identical", run: 0, requests: identical, ...(await once(input.identical, identical)) }));
