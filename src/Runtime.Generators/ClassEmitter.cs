using System.Linq;
using Microsoft.CodeAnalysis;

namespace CineSync.Runtime.Generators;

/// <summary>Builds the registration (factory and interfaces) of one grain class.</summary>
internal static class ClassEmitter
{
    public static ClassOutput? Emit(INamedTypeSymbol symbol)
    {
        if (symbol.IsAbstract || symbol.IsGenericType || !DerivesFromGrain(symbol) || symbol.DeclaredAccessibility == Accessibility.Private)
        {
            return null;
        }

        var interfaces = symbol.AllInterfaces.Where(Names.IsGrainInterface).ToList();
        if (interfaces.Count == 0)
        {
            return null;
        }

        var fullName = symbol.ToDisplayString(Names.Full);
        var constructor = symbol.InstanceConstructors
            .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null)
        {
            return new ClassOutput(fullName, "#error Grain class " + symbol.ToDisplayString() + " needs a public or internal constructor.");
        }

        var arguments = constructor.Parameters.Select(p =>
        {
            var state = p.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && Names.IsRuntimeType(c, "PersistentStateAttribute"));
            if (state is not null && p.Type is INamedTypeSymbol { TypeArguments.Length: 1 } stateType)
            {
                var stateName = state.ConstructorArguments.Length > 0 ? state.ConstructorArguments[0].Value as string : null;
                var storage = state.ConstructorArguments.Length > 1 ? state.ConstructorArguments[1].Value as string : null;
                return "ctx.GetPersistentState<" + stateType.TypeArguments[0].ToDisplayString(Names.Full) + ">(" + Literal(stateName ?? p.Name) + ", " + Literal(storage ?? "Default") + ")";
            }

            var type = p.Type.ToDisplayString(Names.Full);
            return "(" + type + ")ctx.GetRequiredService(typeof(" + p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Names.Full) + "))";
        });

        var registration = Names.Inv + "GrainRegistry.RegisterGrainClass(new " + Names.Inv + "GrainClassRegistration(typeof(" + fullName + "), static ctx => new "
            + fullName + "(" + string.Join(", ", arguments) + "), new global::System.Type[] { "
            + string.Join(", ", interfaces.Select(i => "typeof(" + i.ToDisplayString(Names.Full) + ")")) + " }));";
        return new ClassOutput(fullName, registration);
    }

    private static bool DerivesFromGrain(INamedTypeSymbol symbol)
    {
        for (var type = symbol.BaseType; type is not null; type = type.BaseType)
        {
            if (Names.IsRuntimeType(type, "Grain"))
            {
                return true;
            }
        }

        return false;
    }

    private static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
