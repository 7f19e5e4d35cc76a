using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Fragless.Analyzers.Internals;

namespace Fragless.Analyzers.Tests.Meta;

/// <summary>
/// Every link from the documentation into the repository names something that exists: relative links, and absolute
/// links to https://github.com/fragless/fragless/blob/main/… (what package READMEs and help links use). A link with an
/// #anchor into a markdown file must name one of its headings. The repository URL in the package metadata, the help
/// links and the docs must be one and the same.
/// </summary>
public class DocumentationLinkTests
{
    private const string RepositoryUrl = "https://github.com/fragless/fragless";
    private const string BlobMain = RepositoryUrl + "/blob/main/";
    private const string TreeMain = RepositoryUrl + "/tree/main/";

    private static readonly string Root = FindRepositoryRoot();

    // [text](target) or [text](target "title"); ![alt](target) too. Reference definitions: [label]: target.
    private static readonly Regex InlineLink = new(@"\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)");
    private static readonly Regex ReferenceDefinition = new(@"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", RegexOptions.Multiline);
    // Bare absolute links to this repository, e.g. in "Documentation: https://github.com/fragless/fragless/blob/main/…".
    private static readonly Regex BareRepositoryUrl = new(Regex.Escape(RepositoryUrl) + @"[^\s)<>`""']*");
    private static readonly Regex Heading = new(@"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$");
    private static readonly Regex CodeSpan = new(@"(`+)(.+?)\1");

    public static TheoryData<string> DocumentationFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in GetDocumentationFiles())
            data.Add(file);
        return data;
    }

    [Fact]
    public void TheDocumentationFilesExist()
    {
        var files = GetDocumentationFiles().ToList();
        foreach (var expected in new[] { "README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs/runtime.md", "docs/ci.md", "docs/rules/FRAG001.md" })
            Assert.Contains(expected, files);
        Assert.True(File.Exists(Path.Combine(Root, "LICENSE")), "missing LICENSE");
    }

    [Theory]
    [MemberData(nameof(DocumentationFiles))]
    public void EveryLinkIntoTheRepository_NamesSomethingThatExists(string file)
    {
        var problems = new List<string>();
        foreach (var (line, target) in GetLinks(file))
        {
            var problem = Check(file, target);
            if (problem != null)
                problems.Add($"{file}:{line}: {target}: {problem}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void PackageMetadata_HelpLinksAndDocs_NameTheSameRepository()
    {
        var props = XDocument.Load(Path.Combine(Root, "Directory.Build.props"));
        string Property(string name) => props.Descendants(name).Single().Value.Trim();

        Assert.Equal(RepositoryUrl, Property("RepositoryUrl"));
        Assert.Equal(RepositoryUrl, Property("PackageProjectUrl"));
        Assert.Equal(BlobMain + "docs/rules/", RuleDescriptors.DocumentationRoot);

        var releaseNotes = Property("PackageReleaseNotes");
        Assert.Contains(BlobMain + "CHANGELOG.md", releaseNotes);
        Assert.True(File.Exists(Path.Combine(Root, "CHANGELOG.md")), "the release notes point to CHANGELOG.md, which is missing");
    }

    [Theory]
    [InlineData("Your own pairs: `fragless.pairs.txt`", "your-own-pairs-fraglesspairstxt")]
    [InlineData("When the arena is full", "when-the-arena-is-full")]
    [InlineData("Contributing, changes, licence", "contributing-changes-licence")]
    [InlineData("Why it fragments the heap", "why-it-fragments-the-heap")]
    [InlineData("[FRAG002](FRAG002.md) pairs", "frag002-pairs")]
    public void Slug_IsGitHubs(string heading, string slug)
    {
        Assert.Equal(slug, Slug(heading));
    }

    private static string? Check(string file, string target)
    {
        if (target.StartsWith(RepositoryUrl, StringComparison.OrdinalIgnoreCase))
        {
            var rest = target.Substring(RepositoryUrl.Length);
            if (rest.Length == 0 || rest == "/")
                return null;
            if (target.StartsWith(BlobMain, StringComparison.Ordinal) || target.StartsWith(TreeMain, StringComparison.Ordinal))
                return CheckPath(target.Substring(BlobMain.Length), relativeTo: Root);
            if (Regex.IsMatch(rest, "^/(issues|pulls|discussions|releases|actions|compare)(/|$)"))
                return null;
            return $"links into the repository take the form {BlobMain}PATH (branch main)";
        }

        if (Regex.IsMatch(target, "^[a-zA-Z][a-zA-Z0-9+.-]*:"))
            return null; // another site, or mailto:

        if (target.StartsWith("#", StringComparison.Ordinal))
            return CheckAnchor(Path.Combine(Root, file), target.Substring(1));

        if (target.StartsWith("/", StringComparison.Ordinal))
            return CheckPath(target.TrimStart('/'), relativeTo: Root);

        return CheckPath(target, relativeTo: Path.GetDirectoryName(Path.Combine(Root, file))!);
    }

    private static string? CheckPath(string pathAndAnchor, string relativeTo)
    {
        var hash = pathAndAnchor.IndexOf('#');
        var anchor = hash >= 0 ? pathAndAnchor.Substring(hash + 1) : null;
        var path = hash >= 0 ? pathAndAnchor.Substring(0, hash) : pathAndAnchor;
        var query = path.IndexOf('?');
        if (query >= 0)
            path = path.Substring(0, query);
        path = Uri.UnescapeDataString(path);

        var full = Path.GetFullPath(Path.Combine(relativeTo, path));
        var root = Path.GetFullPath(Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!(full + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
            return "points outside the repository";
        if (Directory.Exists(full))
            return anchor == null ? null : "an #anchor on a folder";
        if (!File.Exists(full))
            return $"no such file or folder ({Path.GetRelativePath(Root, full)})";
        if (anchor != null && full.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            return CheckAnchor(full, anchor);
        return null;
    }

    private static string? CheckAnchor(string markdownFile, string anchor)
    {
        var slugs = HeadingSlugs(File.ReadAllText(markdownFile));
        var wanted = Uri.UnescapeDataString(anchor).ToLowerInvariant();
        return slugs.Contains(wanted)
            ? null
            : $"{Path.GetFileName(markdownFile)} has no heading #{anchor} (it has: {string.Join(", ", slugs.Select(s => "#" + s))})";
    }

    private static HashSet<string> HeadingSlugs(string markdown)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, text) in OutsideCodeFences(markdown))
        {
            var match = Heading.Match(text);
            if (!match.Success)
                continue;
            var slug = Slug(match.Groups[2].Value);
            if (counts.TryGetValue(slug, out var seen))
            {
                counts[slug] = seen + 1;
                slug = slug + "-" + (seen + 1);
            }
            else
            {
                counts[slug] = 0;
            }

            slugs.Add(slug);
        }

        return slugs;
    }

    // GitHub's heading anchors: markup dropped, lower case, every character but letters, digits, '_', '-' and spaces
    // removed, spaces made hyphens.
    private static string Slug(string heading)
    {
        var text = Regex.Replace(heading, @"!?\[([^\]]*)\]\([^)]*\)", "$1");
        text = text.Replace("`", string.Empty).Replace("*", string.Empty);
        var slug = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '_' || c == '-')
                slug.Append(c);
            else if (c == ' ')
                slug.Append('-');
        }

        return slug.ToString();
    }

    private static IEnumerable<(int Line, string Target)> GetLinks(string file)
    {
        var markdown = File.ReadAllText(Path.Combine(Root, file));
        foreach (var (number, text) in OutsideCodeFences(markdown))
        {
            var line = CodeSpan.Replace(text, string.Empty);
            foreach (Match m in InlineLink.Matches(line))
                yield return (number, m.Groups[1].Value);
            foreach (Match m in ReferenceDefinition.Matches(line))
                yield return (number, m.Groups[1].Value);
            foreach (Match m in BareRepositoryUrl.Matches(line))
            {
                // Already checked as the target of a [text](url) link on this line.
                if (m.Index > 0 && line[m.Index - 1] == '(')
                    continue;
                yield return (number, m.Value.TrimEnd('.', ',', ';', ':'));
            }
        }
    }

    private static IEnumerable<(int Number, string Text)> OutsideCodeFences(string markdown)
    {
        string? fence = null;
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (fence == null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed.Substring(0, 3);
                continue;
            }

            if (fence != null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                    fence = null;
                continue;
            }

            yield return (i + 1, lines[i]);
        }
    }

    private static IEnumerable<string> GetDocumentationFiles()
    {
        var files = new List<string> { "README.md", "CONTRIBUTING.md", "CHANGELOG.md", "Package/README.md", "Runtime/README.md" };
        files.AddRange(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(f => f, StringComparer.Ordinal));
        return files.Where(f => File.Exists(Path.Combine(Root, f)));
    }

    private static string FindRepositoryRoot()
    {
        var root = typeof(DocumentationLinkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value;
        return Path.GetFullPath(root!);
    }
}
