namespace Summarizer.Contracts;

/// <summary>
/// Calling the grain method twice has the same effect as calling it once, so a caller may repeat it
/// when a silo fails mid-call (the gateway does; see its retry filter). Put it only where that holds.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class IdempotentAttribute : Attribute;
