using Microsoft.AspNetCore.Http.HttpResults;

namespace Summarizer.Api;

/// <summary>
/// A part of a request (its body or its query parameters) bound to a handler parameter that parsed
/// itself. When <see cref="Problem"/> is set, the <c>/v1</c> group's <see cref="RequestPartFilter"/>
/// answers with it and the handler never runs, so no handler validates its own input.
/// </summary>
public interface IRequestPart
{
    ProblemHttpResult? Problem { get; }
}
