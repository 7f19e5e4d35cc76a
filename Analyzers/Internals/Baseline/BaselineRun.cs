using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fragless.Analyzers.Internals.Baseline
{
    /// <summary>
    /// One rule analyzer's use of the baseline during one analysis run: every diagnostic goes through
    /// <see cref="Report"/>, which drops those the baseline lists and remembers which entries matched; at the end
    /// of the compilation the entries of this analyzer's rules that matched nothing are reported (FRAG010). Each
    /// run has its own state, so the IDE analysing one file, then the whole project, sees the same result.
    /// </summary>
    internal sealed class BaselineRun
    {
        private static readonly BaselineRun s_none = new BaselineRun(ImmutableArray<BaselineSource>.Empty);

        private readonly ImmutableArray<BaselineSource> _sources;
        private readonly ConcurrentDictionary<BaselineEntry, bool> _matched = new ConcurrentDictionary<BaselineEntry, bool>();

        private BaselineRun(ImmutableArray<BaselineSource> sources) => _sources = sources;

        /// <summary>
        /// Starts a run for an analyzer that reports <paramref name="rules"/>. Without a (readable) baseline this
        /// costs nothing and registers nothing.
        /// </summary>
        [System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisPerformance", "RS1013", Justification = "The caller registers the rule's own actions on the same context.")]
        public static BaselineRun Start(CompilationStartAnalysisContext context, DiagnosticDescriptor staleEntryRule, params DiagnosticDescriptor[] rules)
        {
            var sources = BaselineSource.All(context.Options, context.CancellationToken).Where(s => s.File != null).ToImmutableArray();
            if (sources.IsEmpty)
                return s_none;

            var run = new BaselineRun(sources);
            var ids = new HashSet<string>(rules.Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
            context.RegisterCompilationEndAction(c => run.ReportStale(c, staleEntryRule, ids));
            return run;
        }

        /// <summary>Reports <paramref name="diagnostic"/> unless the baseline lists it.</summary>
        public void Report(Action<Diagnostic> report, Diagnostic diagnostic)
        {
            if (Admits(diagnostic))
                report(diagnostic);
        }

        private bool Admits(Diagnostic diagnostic)
        {
            if (_sources.IsEmpty)
                return true;

            foreach (var source in _sources)
            {
                var key = BaselineKey.For(diagnostic, source.Directory);
                if (key != null && source.Keys.Contains(key))
                {
                    _matched.TryAdd(key, true);
                    return false;
                }
            }

            return true;
        }

        private void ReportStale(CompilationAnalysisContext context, DiagnosticDescriptor rule, HashSet<string> ids)
        {
            foreach (var source in _sources)
            {
                // A baseline in a parent folder lists other projects' files too: only this compilation's count.
                var files = new HashSet<string>(
                    context.Compilation.SyntaxTrees.Select(t => BaselineKey.RelativePath(t.FilePath, source.Directory)),
                    StringComparer.OrdinalIgnoreCase);
                foreach (var entry in source.File!.Entries)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    if (!ids.Contains(entry.Rule) || !files.Contains(entry.File) || _matched.ContainsKey(entry))
                        continue;

                    context.ReportDiagnostic(Diagnostic.Create(
                        rule,
                        source.LocationOf(entry.Line),
                        entry.Rule,
                        entry.File,
                        string.IsNullOrEmpty(entry.Member) ? "the file" : "'" + entry.Member + "'"));
                }
            }
        }
    }
}
