namespace ReliefMatch.Tests.Infrastructure;

/// <summary>
/// Temporary folders under the system temp folder, which the <c>postgres</c> OS user can reach when the
/// tests run as root (the private cluster then runs as that user).
/// </summary>
public static class TempFolder
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp folder; harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Left behind in the temp folder; harmless.
        }
    }
}
