using Microsoft.AspNetCore.Http;

namespace Summarizer.Api;

/// <summary>
/// Route-group filter on <c>/v1</c>: the first bound <see cref="IRequestPart"/> with a problem
/// (in the handler's parameter order) answers the request.
/// </summary>
internal sealed class RequestPartFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is IRequestPart { Problem: { } problem })
            {
                return ValueTask.FromResult<object?>(problem);
            }
        }

        return next(context);
    }
}
