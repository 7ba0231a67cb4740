using Summarizer.Gateway;

SummarizerGateway.Build(args).Run();

/// <summary>Entry point; public so tests can reference the host assembly.</summary>
public partial class Program;
