using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Fragless.Analyzers.Internals.Baseline;
using Fragless.Tool.Analysis;

namespace Fragless.Tool.Baselines;

/// <summary>
/// Findings against a baseline, entry for finding: an entry accepts one finding with its key, so a second finding on
/// a line the baseline lists once is new. What is left of the baseline is stale.
/// </summary>
internal sealed class BaselineComparison
{
    private BaselineComparison(ImmutableArray<Finding> newFindings, ImmutableArray<(Finding Finding, BaselineEntry Entry)> accepted, ImmutableArray<BaselineEntry> stale)
    {
        New = newFindings;
        Accepted = accepted;
        Stale = stale;
    }

    public ImmutableArray<Finding> New { get; }

    public ImmutableArray<(Finding Finding, BaselineEntry Entry)> Accepted { get; }

    public ImmutableArray<BaselineEntry> Stale { get; }

    /// <summary>The entry of each finding, relative to the baseline's folder.</summary>
    public static BaselineEntry? KeyOf(Finding finding, string baselinePath, bool withMessage = false) =>
        BaselineKey.For(finding.Diagnostic, Path.GetDirectoryName(Path.GetFullPath(baselinePath))!, withMessage);

    public static BaselineComparison Compare(IEnumerable<Finding> findings, BaselineFile baseline, string baselinePath)
    {
        var remaining = new Dictionary<BaselineEntry, List<BaselineEntry>>();
        foreach (var entry in baseline.Entries)
        {
            if (!remaining.TryGetValue(entry, out var list))
                remaining[entry] = list = new List<BaselineEntry>();
            list.Add(entry);
        }

        var newFindings = ImmutableArray.CreateBuilder<Finding>();
        var accepted = ImmutableArray.CreateBuilder<(Finding, BaselineEntry)>();
        foreach (var finding in findings)
        {
            var key = KeyOf(finding, baselinePath);
            if (key != null && remaining.TryGetValue(key, out var list) && list.Count > 0)
            {
                accepted.Add((finding, list[^1]));
                list.RemoveAt(list.Count - 1);
            }
            else
            {
                newFindings.Add(finding);
            }
        }

        var stale = remaining.Values.SelectMany(l => l).OrderBy(e => e, Comparer<BaselineEntry>.Create(BaselineEntry.Compare)).ToImmutableArray();
        return new BaselineComparison(newFindings.ToImmutable(), accepted.ToImmutable(), stale);
    }

    /// <summary>A baseline of exactly these findings.</summary>
    public static BaselineFile Of(IEnumerable<Finding> findings, string baselinePath) =>
        new(findings.Select(f => KeyOf(f, baselinePath, withMessage: true)).Where(e => e != null)!);
}
