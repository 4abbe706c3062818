namespace CxSpark.Testing;

/// <summary>Paths of the repository and of the shared datasets beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Dataset(params string[] parts)
    {
        string path = Path.Combine([Shared, "datasets", .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new InvalidOperationException($"Dataset {path} is missing: the tests expect ../shared beside the repository.");
        }

        return path;
    }

    public static string NewTempDir(string name)
    {
        string dir = Path.Combine(Root, ".spark", "test-output", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CxSpark.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (CxSpark.sln) above " + AppContext.BaseDirectory);
    }
}
