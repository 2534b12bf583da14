using System.Collections.Immutable;
using CineSync.Runtime.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CineSync.Runtime.Tests.Generators;

public sealed class GeneratorTests
{
    [Fact]
    public void A_valid_grain_interface_and_class_compile_without_diagnostics()
    {
        var diagnostics = Compile("""
            using CineSync.Runtime;
            namespace Sample;
            public interface IRatingGrain : IGrainWithIntegerKey
            {
                Task Rate(int movie, float stars, System.Threading.CancellationToken ct);
                Task Rate(string title);
                [ReadOnly] ValueTask<int> Count();
                ValueTask Forget(int @event);
            }
            public interface IDerivedGrain : IRatingGrain { Task<string?> Name(); }
            public sealed class State { public int N { get; set; } }
            public sealed class RatingGrain([PersistentState("ratings", "pg")] IPersistentState<State> state) : Grain, IDerivedGrain
            {
                public Task Rate(int movie, float stars, System.Threading.CancellationToken ct) => Task.CompletedTask;
                public Task Rate(string title) => Task.CompletedTask;
                public ValueTask<int> Count() => new(state.State.N);
                public ValueTask Forget(int @event) => default;
                public Task<string?> Name() => Task.FromResult<string?>(null);
            }
            """, out var generated);

        Assert.Empty(diagnostics);
        Assert.Contains(generated, s => s.Contains("GetPersistentState<global::Sample.State>(\"ratings\", \"pg\")", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("int Count();", "must return Task, Task<T>, ValueTask or ValueTask<T>")]
    [InlineData("Task<T> Get<T>();", "is generic")]
    [InlineData("int Count { get; }", "may only declare methods")]
    public void An_unsupported_grain_interface_member_fails_the_build_with_a_clear_message(string member, string message)
    {
        var diagnostics = Compile($$"""
            using CineSync.Runtime;
            namespace Sample;
            public interface IBadGrain : IGrainWithStringKey { {{member}} }
            """, out _);

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(message, StringComparison.Ordinal));
    }

    private static ImmutableArray<Diagnostic> Compile(string source, out List<string> generated)
    {
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location))
            .Select(a => MetadataReference.CreateFromFile(a.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Grain).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "Sample",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)), CSharpSyntaxTree.ParseText("global using System; global using System.Threading.Tasks;")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new GrainGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        generated = driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).ToList();
        return output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
    }
}
