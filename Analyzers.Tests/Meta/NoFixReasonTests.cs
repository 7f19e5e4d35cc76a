using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Fragless.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Fragless.Analyzers.Tests.Meta;

/// <summary>
/// A FRAG001, FRAG002, FRAG003 or FRAG005 message says "(no automatic fix: …)" exactly when its fixer offers no
/// action: over the bundled programs, programs made to hit the rules' no-fix cases, and random mutations of both.
/// </summary>
public class NoFixReasonTests
{
    private const string NoFix = "(no automatic fix: ";

    private static readonly string[] s_rules = { "FRAG001", "FRAG002", "FRAG003", "FRAG005" };

    /// <summary>Fixable and unfixable findings of every rule (a library: public methods may be called from outside).</summary>
    private const string Shapes = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Text;
        using System.Threading;

        public interface ISerial { int Read(byte[] buffer); }

        public class Shapes
        {
            private readonly Stream _stream = new MemoryStream();
            private readonly List<byte[]> _kept = new List<byte[]>();
            private Timer? _timer;

            public Shapes(Stream s) { Prepare(s); }

            public void Prepare(Stream s) { var table = new byte[2048]; s.Read(table, 0, table.Length); }

            public void Loops(ISerial serial, Stream s, int n, string[] lines)
            {
                for (int i = 0; i < n; i++)
                {
                    var raw = new byte[4];
                    serial.Read(raw);
                    var frame = new byte[4];
                    s.Read(frame, 0, frame.Length);
                    var sized = new byte[i];
                    s.Read(sized, 0, sized.Length);
                    var kept = new byte[8];
                    _kept.Add(kept);
                    var ack = new byte[] { (byte)i, 2 };
                    s.Write(ack, 0, ack.Length);
                    var text = Encoding.UTF8.GetBytes(lines[i]);
                    s.Write(text, 0, text.Length);
                    var all = File.ReadAllBytes(lines[i]);
                    s.Write(all, 0, all.Length);
                    s.Write(BitConverter.GetBytes(i), 0, 4);
                    var list = new List<int> { 1, 2 };
                    list.Add(i);
                }
            }

            public void Large(Stream s, int n)
            {
                var fixedSize = new byte[4096];
                s.Read(fixedSize, 0, fixedSize.Length);
                var bySize = new byte[n * 1024];
                s.Read(bySize, 0, bySize.Length);
            }

            public async System.Threading.Tasks.Task LargeAsync(Stream s)
            {
                var block = new byte[4096];
                await s.ReadAsync(block, 0, block.Length);
            }

            [Fragless.HotPath]
            public int Hot(Stream s) { var small = new byte[16]; return s.Read(small, 0, small.Length); }

            public void Start() { _timer = new Timer(_ => OnTick(), null, 0, 10); }

            private void OnTick() { var tick = new byte[16]; _stream.Read(tick, 0, tick.Length); }
        }
        """;

    public static TheoryData<string> Programs() => new()
    {
        "samples/SensorLogger/Program.cs",
        ".ci/consumers/Console/Program.cs",
        ".ci/consumers/Library/Telemetry.cs",
        ".ci/consumers/FormatPass/Program.cs",
        "Shapes",
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task MessageSaysNoFix_ExactlyWhenTheFixerOffersNone(string program)
    {
        var text = program == "Shapes" ? Shapes : File.ReadAllText(Path.Combine(TestReferences.RepositoryRoot, program));
        var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var fixers = typeof(Fragless.CodeFixes.Rules.BufferAllocationInLoopFixer).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        var references = TestReferences.Resolve(TestReferences.Net10).Add(TestReferences.Runtime(TestReferences.Net10));
        string[] tokens = { "{", "}", "(", ")", ";", "new byte[", "=", "var", "," };

        var random = new Random(program.Length * 7919 + 3);
        var failures = new List<string>();
        int withFix = 0, withoutFix = 0;
        for (var m = 0; m <= 20; m++)
        {
            // The program itself first, then mutations of it (half-typed code included).
            var (source, how) = m == 0 ? (text, "as written") : RobustnessTests.Mutate(text, random, tokens);
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(), VersionStamp.Create(), "Program", "Program", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references));
            var document = workspace.AddDocument(project.Id, "Program.cs", SourceText.From(source));
            var compilation = (await document.Project.GetCompilationAsync())!;
            var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();

            foreach (var diagnostic in diagnostics.Where(d => s_rules.Contains(d.Id)))
            {
                var registered = new List<CodeAction>();
                foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => registered.Add(a), CancellationToken.None));

                var message = diagnostic.GetMessage();
                var saysNoFix = message.Contains(NoFix, StringComparison.Ordinal);
                if (saysNoFix == registered.Count > 0)
                    failures.Add($"{how}: {diagnostic.Id} at {diagnostic.Location.SourceSpan}: {registered.Count} fixes, message \"{message}\"");
                if (saysNoFix)
                    withoutFix++;
                else
                    withFix++;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
        Assert.True(withFix > 0, "no finding with a fix");
        if (program == "Shapes" || program.Contains("FormatPass", StringComparison.Ordinal))
            Assert.True(withoutFix > 0, "no finding without a fix");
    }

    /// <summary>Every rule's no-fix cases in the program made for them name a reason, and each reason reads as one.</summary>
    [Fact]
    public async Task Shapes_EveryRuleHasFindingsWithAndWithoutAFix()
    {
        var tree = CSharpSyntaxTree.ParseText(Shapes, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Shapes.cs");
        var references = TestReferences.Resolve(TestReferences.Net10).Add(TestReferences.Runtime(TestReferences.Net10));
        var compilation = CSharpCompilation.Create("Shapes", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var messages = (await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync())
            .Where(d => s_rules.Contains(d.Id))
            .Select(d => d.Id + ": " + d.GetMessage())
            .ToList();

        foreach (var rule in new[] { "FRAG001", "FRAG002", "FRAG003" })
        {
            Assert.Contains(messages, m => m.StartsWith(rule, StringComparison.Ordinal) && m.Contains(NoFix, StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith(rule, StringComparison.Ordinal) && !m.Contains(NoFix, StringComparison.Ordinal));
        }

        Assert.Contains(messages, m => m.StartsWith("FRAG005", StringComparison.Ordinal) && m.Contains(NoFix, StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("FRAG005", StringComparison.Ordinal) && !m.Contains(NoFix, StringComparison.Ordinal));
        Assert.All(messages.Where(m => m.Contains(NoFix, StringComparison.Ordinal)), m => Assert.Matches(@"\(no automatic fix: [^()]*('[^']*'[^()]*)*\)$", m));
    }
}
