internal static class Compare { public static Task<int> RunAsync(int l, int c, int r, string? d, int n) => Task.FromResult(0); }
