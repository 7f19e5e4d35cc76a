namespace Fragless.Analyzers.Tests.Verifiers;

/// <summary>Editor config files for <c>TestState.AnalyzerConfigFiles</c>.</summary>
public static class EditorConfigFile
{
    /// <summary>A root <c>/.editorconfig</c> whose <c>[*.cs]</c> section holds <paramref name="lines"/>.</summary>
    public static (string filename, string content) ForCSharp(string lines)
        => ("/.editorconfig", "root = true\n\n[*.cs]\n" + lines + "\n");

    /// <summary>A global config (<c>is_global = true</c>), the form Unity passes to the compiler (<c>Assets/Default.globalconfig</c>).</summary>
    public static (string filename, string content) Global(string lines)
        => ("/Default.globalconfig", "is_global = true\n\n" + lines + "\n");
}
