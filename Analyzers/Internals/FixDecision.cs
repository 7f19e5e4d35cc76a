using System.Collections.Immutable;

namespace Fragless.Analyzers.Internals
{
    /// <summary>
    /// A rule's one answer to "is there a fix?": the properties its fixer acts on, or, when there are none, why not.
    /// The message shows the reason and the fixer reads the properties, so the two cannot disagree.
    /// </summary>
    internal sealed class FixDecision
    {
        /// <summary>What every message reported without a fix contains, before the reason.</summary>
        public const string NoFixPrefix = "no automatic fix: ";

        private FixDecision(ImmutableDictionary<string, string> properties, string? noFixReason)
        {
            Properties = properties;
            NoFixReason = noFixReason;
        }

        /// <summary>The facts the fixer needs; empty when there is no fix.</summary>
        public ImmutableDictionary<string, string> Properties { get; }

        /// <summary>Why there is no fix, in words a message can use; null when there is one.</summary>
        public string? NoFixReason { get; }

        /// <summary>The message's last argument: empty, or " (no automatic fix: reason)".</summary>
        public string MessageSuffix => NoFixReason == null ? string.Empty : " (" + NoFixPrefix + NoFixReason + ")";

        /// <summary>A fix when <paramref name="properties"/> hold one, else none, for <paramref name="reason"/>.</summary>
        public static FixDecision From(ImmutableDictionary<string, string> properties, string reason)
        {
            return properties.IsEmpty ? None(reason) : new FixDecision(properties, null);
        }

        public static FixDecision None(string reason) => new FixDecision(ImmutableDictionary<string, string>.Empty, reason);
    }
}
