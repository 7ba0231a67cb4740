namespace Summarizer.Contracts;

/// <summary>No article with the id was stored.</summary>
[GenerateSerializer]
public sealed class ArticleNotFoundException : Exception
{
    public ArticleNotFoundException() { }

    public ArticleNotFoundException(string id) : base($"No article with id {Echo.Quote(id)} is stored.") => ArticleId = id;

    public ArticleNotFoundException(string message, Exception inner) : base(message, inner) { }

    [Id(0)]
    public string? ArticleId { get; init; }
}

/// <summary>A request named a backend that is not configured.</summary>
[GenerateSerializer]
public sealed class UnknownBackendException : Exception
{
    public UnknownBackendException() { }

    public UnknownBackendException(string message) : base(message) { }

    public UnknownBackendException(string message, Exception inner) : base(message, inner) { }

    public UnknownBackendException(string name, IReadOnlyList<string> available)
        : base($"Unknown backend {Echo.Quote(name)}. Configured backends: {string.Join(", ", available)}.")
    {
        Name = name;
        Available = available;
    }

    [Id(0)]
    public string? Name { get; init; }

    [Id(1)]
    public IReadOnlyList<string> Available { get; init; } = [];
}

/// <summary>How a backend call failed, which decides the HTTP status the client sees.</summary>
[GenerateSerializer]
public enum BackendFailureKind
{
    /// <summary>The backend answered with an error or an unusable answer (502).</summary>
    BadAnswer = 0,

    /// <summary>The backend's circuit is open, or its queue is full (503, Retry-After).</summary>
    Unavailable = 1,

    /// <summary>The backend did not answer in time (504).</summary>
    Timeout = 2,
}

/// <summary>The backend (and any fallback) failed to produce an answer.</summary>
[GenerateSerializer]
public sealed class BackendFailureException : Exception
{
    public BackendFailureException() { }

    public BackendFailureException(string message) : base(message) { }

    public BackendFailureException(string message, Exception inner) : base(message, inner) { }

    public BackendFailureException(string backend, BackendFailureKind kind, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        Backend = backend;
        Kind = kind;
        RetryAfter = retryAfter;
    }

    [Id(0)]
    public string? Backend { get; init; }

    [Id(1)]
    public BackendFailureKind Kind { get; init; }

    [Id(2)]
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>An article is over a configured limit (size, chunks); the API answers 413 naming the limit.</summary>
[GenerateSerializer]
public sealed class ArticleLimitExceededException : Exception
{
    public ArticleLimitExceededException() { }

    public ArticleLimitExceededException(string message) : base(message) { }

    public ArticleLimitExceededException(string message, Exception inner) : base(message, inner) { }

    public ArticleLimitExceededException(string limit, long max, long actual)
        : base($"The article is over the limit {limit} ({actual} > {max}).")
    {
        Limit = limit;
        Max = max;
        Actual = actual;
    }

    /// <summary>The configuration key of the limit, e.g. <c>Summarizer:Limits:MaxChunks</c>.</summary>
    [Id(0)]
    public string? Limit { get; init; }

    [Id(1)]
    public long Max { get; init; }

    [Id(2)]
    public long Actual { get; init; }
}

/// <summary>
/// The article could not be analysed (no sentences, or the text analysis failed on it), so it was
/// not stored; the API answers 422.
/// </summary>
[GenerateSerializer]
public sealed class ArticleNotAnalysableException : Exception
{
    public ArticleNotAnalysableException() { }

    public ArticleNotAnalysableException(string message) : base(message) { }

    public ArticleNotAnalysableException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>No collection with this id was created.</summary>
[GenerateSerializer]
public sealed class CollectionNotFoundException : Exception
{
    public CollectionNotFoundException() { }

    public CollectionNotFoundException(string id) : base($"No collection with id '{id}' exists.") => CollectionId = id;

    public CollectionNotFoundException(string message, Exception inner) : base(message, inner) { }

    [Id(0)]
    public string? CollectionId { get; init; }
}
