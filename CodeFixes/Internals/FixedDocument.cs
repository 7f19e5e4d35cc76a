using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Fragless.CodeFixes.Internals
{
    /// <summary>
    /// The last steps every fix takes: apply the edits, add imports, simplify names, format what was added with the
    /// file's own indentation (<see cref="IndentationStyle"/>).
    /// </summary>
    internal static class FixedDocument
    {
        public static async Task<Document> CreateAsync(Document document, SyntaxEditor editor, CancellationToken cancellationToken)
        {
            var newDocument = document.WithSyntaxRoot(editor.GetChangedRoot());
            newDocument = await ImportAdder.AddImportsAsync(newDocument, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            newDocument = await Simplifier.ReduceAsync(newDocument, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await IndentationStyle.FormatAsync(newDocument, cancellationToken).ConfigureAwait(false);
        }
    }
}
