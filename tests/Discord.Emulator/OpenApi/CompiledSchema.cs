using System.Text.Json;
using System.Text.RegularExpressions;

namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>
/// One schema object with its keywords parsed once; <see cref="SchemaCompiler"/> builds the graph
/// (including <c>$ref</c> cycles) so validation never touches the spec document's text again.
/// </summary>
internal sealed partial class CompiledSchema
{
    /// <summary>A name for messages: the component name for <c>$ref</c> targets, else the <c>title</c>.</summary>
    public string? Name { get; set; }

    public CompiledSchema? Ref { get; set; }

    public JsonTypes Types { get; set; }

    public Dictionary<string, CompiledSchema>? Properties { get; set; }

    public string[]? Required { get; set; }

    /// <summary><c>additionalProperties</c> as a schema; <see cref="ForbidAdditionalProperties"/> covers <c>false</c>.</summary>
    public CompiledSchema? AdditionalProperties { get; set; }

    public bool ForbidAdditionalProperties { get; set; }

    public int? MinProperties { get; set; }

    public int? MaxProperties { get; set; }

    public CompiledSchema? Items { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public bool UniqueItems { get; set; }

    public CompiledSchema[]? AllOf { get; set; }

    public CompiledSchema[]? AnyOf { get; set; }

    public CompiledSchema[]? OneOf { get; set; }

    public JsonElement[]? Enum { get; set; }

    public JsonElement? Const { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public decimal? ExclusiveMinimum { get; set; }

    public decimal? ExclusiveMaximum { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public Regex? Pattern { get; set; }

    public string? Format { get; set; }

    /// <summary><see cref="Enum"/> hashed; set by <see cref="Seal"/>.</summary>
    public ConstantSet? EnumSet { get; private set; }

    /// <summary>When every <see cref="OneOf"/> branch is a <c>const</c> (an enum in disguise): their values, hashed.</summary>
    public ConstantSet? OneOfConstants { get; private set; }

    /// <summary>Precomputes lookups once the whole graph (including <c>$ref</c> targets) is compiled.</summary>
    public void Seal()
    {
        EnumSet = Enum is null ? null : new ConstantSet(Enum);
        OneOfConstants = OneOf is not null && OneOf.All(branch => branch.Const is not null) ? new ConstantSet(OneOf.Select(branch => branch.Const!.Value)) : null;
    }

    /// <summary>The boolean schema <c>false</c>: nothing validates.</summary>
    public bool Never { get; set; }
}
