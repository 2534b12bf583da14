using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CineSync.Runtime.Generators;

/// <summary>
/// Emits, for every grain interface, a proxy and one pooled call type per method (arguments, invoker and
/// binary (de)serialisers), and for every grain class a constructor-injecting factory; a module initializer
/// registers them with <c>GrainRegistry</c>. No reflection remains on the call path.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (ctx, ct) => ctx.SemanticModel.GetDeclaredSymbol(ctx.Node, ct) is INamedTypeSymbol symbol ? InterfaceEmitter.Emit(symbol) : null)
            .Where(static x => x is not null)
            .Collect();

        var classes = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { BaseList: not null },
                static (ctx, ct) => ctx.SemanticModel.GetDeclaredSymbol(ctx.Node, ct) is INamedTypeSymbol symbol ? ClassEmitter.Emit(symbol) : null)
            .Where(static x => x is not null)
            .Collect();

        var assemblyName = context.CompilationProvider.Select(static (c, _) => c.AssemblyName ?? "Assembly");
        context.RegisterSourceOutput(interfaces.Combine(classes).Combine(assemblyName), static (spc, input) =>
            Emit(spc, input.Left.Left!, input.Left.Right!, input.Right));
    }

    private static void Emit(SourceProductionContext context, ImmutableArray<InterfaceOutput?> interfaces, ImmutableArray<ClassOutput?> classes, string assemblyName)
    {
        var ns = "CineSyncGenerated." + Names.Sanitize(assemblyName);
        var seenInterfaces = interfaces.Where(i => i is not null).GroupBy(i => i!.FullName).Select(g => g.First()!).ToList();
        var seenClasses = classes.Where(c => c is not null).GroupBy(c => c!.FullName).Select(g => g.First()!).ToList();
        if (seenInterfaces.Count == 0 && seenClasses.Count == 0)
        {
            return;
        }

        foreach (var item in seenInterfaces)
        {
            context.AddSource(item.HintName, SourceText.From(Names.Header + "namespace " + ns + "\n{\n" + item.Source + "}\n", Encoding.UTF8));
        }

        var registration = new StringBuilder(Names.Header);
        registration.Append("namespace ").Append(ns).Append("\n{\n");
        registration.Append("    internal static class CineSyncGrainRegistration\n    {\n");
        registration.Append("        [global::System.Runtime.CompilerServices.ModuleInitializer]\n");
        registration.Append("        internal static void Register()\n        {\n");
        foreach (var item in seenInterfaces)
        {
            registration.Append("            ").Append(item.Registration).Append('\n');
        }

        foreach (var item in seenClasses)
        {
            registration.Append("            ").Append(item.Registration).Append('\n');
        }

        registration.Append("        }\n    }\n}\n");
        context.AddSource("CineSyncGrainRegistration.g.cs", SourceText.From(registration.ToString(), Encoding.UTF8));
    }
}
