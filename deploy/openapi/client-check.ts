// Type-checked (tsc --noEmit, strict) against the client openapi-typescript generates from the
// running host's /openapi/v1.json (deploy/openapi-check.sh). It calls every operation the way a
// client would, reads numbers as numbers, the length presets as a union, and errors as problem
// details, so a document that loses a status, a schema or a type breaks this file.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/summarizer";

type Problem = components["schemas"]["ProblemDetails"];
type Length = NonNullable<components["schemas"]["DigestRequest"]["length"]>;

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:5080", headers: { "X-Api-Key": "key" } });

// Compiles only when an operation declares error responses and every one of them is problem details
// (a client generated from a document without them types every error as `never`).
type Declared<E> = [NonNullable<E>] extends [never] ? "no error response declared" : NonNullable<E> extends Problem ? true : "an error is not problem details";
function problems<E>(declared: Declared<E>): void {
  void declared;
}

function describe(problem: Problem): string {
  const status: number = problem.status;
  const type: string = problem.type;
  return `${status} ${type}: ${problem.title}${problem.detail ? " — " + problem.detail : ""}`;
}

export async function everyOperation(text: string): Promise<string[]> {
  const seen: string[] = [];
  const lengths: Length[] = ["short", "medium", "long"];

  const digest = await client.POST("/v1/digests", { body: { text, length: lengths[0] ?? "short", maxQuotes: 3 } });
  problems<typeof digest.error>(true);
  if (digest.error) {
    return [describe(digest.error)];
  }

  const id: string = digest.data.articleId;
  const quoteCount: number = digest.data.keyQuotes.length;
  const firstQuote = digest.data.keyQuotes[0];
  if (firstQuote) {
    const span: number = firstQuote.end - firstQuote.start;
    seen.push(`quote ${firstQuote.speaker ?? "unknown"} ${span}`);
  }
  seen.push(`digest ${id} ${digest.data.brief} ${quoteCount} ${digest.data.cached} ${digest.data.degraded}`);

  const stored = await client.POST("/v1/articles", { body: { text, title: "A title" } });
  problems<typeof stored.error>(true);
  seen.push(stored.error ? describe(stored.error) : `stored ${stored.data.id} ${stored.data.sentences}`);

  const article = await client.GET("/v1/articles/{id}", { params: { path: { id } } });
  problems<typeof article.error>(true);
  seen.push(article.error ? describe(article.error) : `article ${article.data.characters} ${article.data.storedAt}`);

  const normalised = await client.GET("/v1/articles/{id}/text", { params: { path: { id } }, parseAs: "text" });
  problems<typeof normalised.error>(true);
  seen.push(normalised.error ? describe(normalised.error) : `text ${normalised.data.length}`);

  for (const length of lengths) {
    const brief = await client.GET("/v1/articles/{id}/brief", { params: { path: { id }, query: { length, backend: "extractive" } } });
    problems<typeof brief.error>(true);
    seen.push(brief.error ? describe(brief.error) : `brief ${brief.data.length} ${brief.data.sentences.length} ${brief.data.backend.name}`);
  }

  const stream = await client.GET("/v1/articles/{id}/brief/stream", { params: { path: { id }, query: { length: "medium" } }, parseAs: "stream" });
  problems<typeof stream.error>(true);
  seen.push(stream.error ? describe(stream.error) : `stream ${stream.response.headers.get("content-type")}`);

  const quotes = await client.GET("/v1/articles/{id}/quotes", { params: { path: { id }, query: { max: 2 } } });
  problems<typeof quotes.error>(true);
  seen.push(quotes.error ? describe(quotes.error) : `quotes ${quotes.data.totalQuotes} ${quotes.data.keyQuotes.length}`);

  const created = await client.POST("/v1/collections", { body: { articles: [{ id }, { text }], length: "short", maxQuotes: 5 } });
  problems<typeof created.error>(true);
  if (created.error) {
    seen.push(describe(created.error));
  } else {
    const collectionId: string = created.data.id;
    const collection = await client.GET("/v1/collections/{id}", { params: { path: { id: collectionId } } });
    problems<typeof collection.error>(true);
    seen.push(collection.error ? describe(collection.error) : `collection ${collection.data.articles.length}`);
    const events = await client.GET("/v1/collections/{id}/stream", { params: { path: { id: collectionId } }, parseAs: "stream" });
    problems<typeof events.error>(true);
    seen.push(events.error ? describe(events.error) : `collection stream ${events.response.status}`);
  }

  const plain = await client.POST("/v1/digests", {
    body: text,
    params: { query: { title: "Plain", length: "long", maxQuotes: 0 } },
    headers: { "Content-Type": "text/plain" },
    bodySerializer: (body) => (typeof body === "string" ? body : JSON.stringify(body)),
  });
  problems<typeof plain.error>(true);
  seen.push(plain.error ? describe(plain.error) : `plain ${plain.data.length}`);

  const cluster = await client.GET("/v1/cluster");
  problems<typeof cluster.error>(true);
  seen.push(cluster.error ? describe(cluster.error) : `cluster ${cluster.data.activeSilos} ${cluster.data.silos.map((s) => s.status).join(",")}`);
  return seen;
}
