namespace ReliefMatch.Tests;

/// <summary>The repository checkout the tests run from: the folder holding ReliefMatch.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ReliefMatch.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ReliefMatch.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Path => Root.Value;
}
