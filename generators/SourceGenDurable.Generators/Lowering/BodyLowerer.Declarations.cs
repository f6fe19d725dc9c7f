using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SourceGenDurable.Generators.Binding;

namespace SourceGenDurable.Generators.Lowering;

/// <summary>Declarations: a slot's declarator becomes an assignment to its field, each declarator after its own awaits.</summary>
internal sealed partial class BodyLowerer
{
    /// <summary>A slot's declaration becomes an assignment to its field; other declarators stay declarations.</summary>
    private void LowerDeclaration(VariableDeclarationSyntax declaration, LoweringScope scope)
    {
        if (!declaration.Variables.Any(v => Model.GetDeclaredSymbol(v) is { } local && SlotFields.ContainsKey(local)))
        {
            _context.Map(declaration.Parent is LocalDeclarationStatementSyntax statement ? statement : declaration);
            _context.Out.Code(_context.Rewrite(declaration, scope) + ";");
            return;
        }

        foreach (var variable in declaration.Variables)
        {
            LowerDeclarator(variable, scope);
        }
    }

    /// <summary>One declarator as its own statement: an assignment to its slot, or a declaration with its type spelled out.</summary>
    private void LowerDeclarator(VariableDeclaratorSyntax variable, LoweringScope scope)
    {
        var local = (ILocalSymbol)Model.GetDeclaredSymbol(variable)!;
        var initializer = InitializerText(variable, local, scope);

        // A declaration of one variable maps to the whole statement, as the compiler's own sequence point does.
        var declaration = (VariableDeclarationSyntax)variable.Parent!;
        _context.Map(declaration.Variables.Count == 1 && declaration.Parent is LocalDeclarationStatementSyntax statement ? statement : variable);
        if (!SlotFields.ContainsKey(local))
        {
            _context.Out.Code($"{TypeNames.FullyQualified(local.Type)} {_context.Names.Of(local)}{initializer};");
        }
        else if (initializer is not null)
        {
            _context.Out.Code($"{_context.Reference(local)}{initializer};");
        }
    }

    /// <summary>
    /// ' = value' for a declarator, or null without one. An array initializer ('int[] a = { 1, 2 };') is only valid in
    /// a declaration, so when the local becomes a slot assignment it needs 'new T[]'.
    /// </summary>
    private string? InitializerText(VariableDeclaratorSyntax variable, ILocalSymbol local, LoweringScope scope) =>
        variable.Initializer is null ? null
        : variable.Initializer.Value is InitializerExpressionSyntax array ? $" = new {TypeNames.FullyQualified(local.Type)} {_context.Rewrite(array, scope)}"
        : " = " + _context.Rewrite(variable.Initializer.Value, scope);

    /// <summary>Declarators one by one, each after its own awaits: a declaration with several is split.</summary>
    private void LowerDeclarators(VariableDeclarationSyntax declaration, StatementSyntax host, LoweringScope scope)
    {
        if (!_context.Shape.SpillPlans.ContainsKey(host))
        {
            LowerDeclaration(declaration, scope);
            return;
        }

        foreach (var variable in declaration.Variables)
        {
            WriteSpills(variable);
            LowerDeclarator(variable, scope);
        }
    }
}
