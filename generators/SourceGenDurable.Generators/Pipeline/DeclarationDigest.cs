using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SourceGenDurable.Generators.Pipeline;

/// <summary>
/// A digest of everything in a compilation that the binding of one method body can depend on: every declaration of
/// every file with the member bodies left out, the preprocessor directives, the options and the references. Two
/// compilations with the same digest bind any given method body the same way, whatever changed inside other bodies.
/// </summary>
/// <remarks>
/// Typing in the IDE mostly edits method bodies, which leaves the digest unchanged. A file's part is computed once per
/// syntax tree and the IDE keeps the trees of unchanged files, so a new compilation costs one walk of the edited file.
/// Options and metadata references count by identity: the IDE reuses those objects until they change, and a new
/// object that happens to be equal only costs one re-lowering.
/// </remarks>
internal static class DeclarationDigest
{
    private static readonly ConditionalWeakTable<Compilation, string> Compilations = new();
    private static readonly ConditionalWeakTable<SyntaxTree, byte[]> Trees = new();
    private static readonly ConditionalWeakTable<object, string> Identities = new();
    private static long s_lastIdentity;

    public static string Of(Compilation compilation, CancellationToken cancellationToken) =>
        Compilations.GetValue(compilation, c => Compute(c, cancellationToken));

    private static string Compute(Compilation compilation, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, compilation.AssemblyName ?? "");
        Append(hash, IdentityOf(compilation.Options));
        foreach (var tree in compilation.SyntaxTrees)
        {
            Append(hash, IdentityOf(tree.Options));
            hash.AppendData(Trees.GetValue(tree, t => DigestOf(t, cancellationToken)));
        }

        foreach (var reference in compilation.References)
        {
            // A project reference's compilation changes with every edit in that project; only its declarations matter.
            Append(hash, reference is CompilationReference project ? Of(project.Compilation, cancellationToken) : IdentityOf(reference));
        }

        return Convert.ToBase64String(hash.GetHashAndReset());
    }

    private static byte[] DigestOf(SyntaxTree tree, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, tree.FilePath);
        foreach (var item in tree.GetRoot(cancellationToken).DescendantNodesAndTokens(static node => !IsBody(node)))
        {
            if (item.IsToken)
            {
                var token = item.AsToken();
                AppendDirectives(hash, token.LeadingTrivia);
                Append(hash, token.Text);
                AppendDirectives(hash, token.TrailingTrivia);
            }
            else if (item.AsNode() is { } node && IsBody(node))
            {
                // A #nullable or #define inside a body still governs the declarations after it.
                Append(hash, "{}");
                if (node.ContainsDirectives)
                {
                    foreach (var directive in node.DescendantTrivia(descendIntoTrivia: true))
                    {
                        if (directive.IsDirective)
                        {
                            Append(hash, directive.ToString());
                        }
                    }
                }
            }
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Code no other member can see: what a method, accessor or top-level statement runs.</summary>
    private static bool IsBody(SyntaxNode node) => node switch
    {
        BlockSyntax or ArrowExpressionClauseSyntax => node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax,
        GlobalStatementSyntax => true,
        _ => false,
    };

    private static void AppendDirectives(IncrementalHash hash, SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (item.IsDirective)
            {
                Append(hash, item.ToString());
            }
        }
    }

    private static string IdentityOf(object value) =>
        Identities.GetValue(value, static _ => Interlocked.Increment(ref s_lastIdentity).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static void Append(IncrementalHash hash, string text)
    {
        // Length-prefixed, so that "ab" + "c" and "a" + "bc" differ.
        hash.AppendData(BitConverter.GetBytes(text.Length));
        hash.AppendData(Encoding.UTF8.GetBytes(text));
    }
}
