using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fragless.Tool.Loading;

/// <summary>
/// The project files a solution lists (.sln or .slnx). MSBuildWorkspace also loads the projects they reference; only
/// the listed ones are the user's to analyze. Null when the file cannot be read, and then every project counts.
/// </summary>
internal static class SolutionProjects
{
    private static readonly Regex SlnProject = new(@"^Project\(""[^""]*""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+\.csproj)""", RegexOptions.Multiline | RegexOptions.IgnoreCase);

    public static HashSet<string>? Read(string solution)
    {
        try
        {
            var folder = Path.GetDirectoryName(solution)!;
            IEnumerable<string> paths;
            if (solution.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
            {
                paths = XDocument.Load(solution).Descendants()
                    .Where(e => e.Name.LocalName == "Project")
                    .Select(e => (string?)e.Attribute("Path"))
                    .Where(p => p != null && p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))!;
            }
            else
            {
                paths = SlnProject.Matches(File.ReadAllText(solution)).Select(m => m.Groups["path"].Value);
            }

            return new HashSet<string>(
                paths.Select(p => Path.GetFullPath(Path.Combine(folder, p.Replace('\\', Path.DirectorySeparatorChar)))),
                StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Xml.XmlException)
        {
            return null;
        }
    }
}
