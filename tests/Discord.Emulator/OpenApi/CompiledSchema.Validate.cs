using System.Globalization;
using System.Text.Json;

namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>Validation: each keyword adds violations for <paramref name="value"/> at its path.</summary>
internal sealed partial class CompiledSchema
{
    public void Validate(JsonElement value, JsonPointer path, List<SchemaViolation> errors)
    {
        if (Never)
        {
            errors.Add(Violation(path, "false", "no value is allowed here"));
            return;
        }

        Ref?.Validate(value, path, errors);

        if (Types != JsonTypes.None && !MatchesType(value))
        {
            errors.Add(Violation(path, "type", $"expected {Describe(Types)} but found {Describe(value)}"));
            return;
        }

        if (Const is { } constant && !JsonElement.DeepEquals(value, constant))
        {
            errors.Add(Violation(path, "const", $"expected {constant.GetRawText()} but found {Shorten(value)}"));
        }

        if (EnumSet is { } allowed && !allowed.Contains(value))
        {
            errors.Add(Violation(path, "enum", $"{Shorten(value)} is not one of {string.Join(", ", Enum!.Select(option => option.GetRawText()))}"));
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String: ValidateString(value, path, errors); break;
            case JsonValueKind.Number: ValidateNumber(value, path, errors); break;
            case JsonValueKind.Object: ValidateObject(value, path, errors); break;
            case JsonValueKind.Array: ValidateArray(value, path, errors); break;
            default: break;
        }

        if (AllOf is not null)
        {
            foreach (var part in AllOf)
            {
                part.Validate(value, path, errors);
            }
        }

        if (AnyOf is not null)
        {
            SchemaUnion.Validate(this, AnyOf, "anyOf", exactlyOne: false, value, path, errors);
        }

        if (OneOfConstants is { } constants)
        {
            if (!constants.Contains(value))
            {
                SchemaUnion.Validate(this, OneOf!, "oneOf", exactlyOne: true, value, path, errors); // reports the enum error
            }
        }
        else if (OneOf is not null)
        {
            SchemaUnion.Validate(this, OneOf, "oneOf", exactlyOne: true, value, path, errors);
        }
    }

    public bool IsValid(JsonElement value)
    {
        var errors = new List<SchemaViolation>();
        Validate(value, JsonPointer.Root, errors);
        return errors.Count == 0;
    }

    internal static SchemaViolation Violation(JsonPointer path, string rule, string message) =>
        new(path.ToString(), rule, message, path.Segments());

    private void ValidateString(JsonElement value, JsonPointer path, List<SchemaViolation> errors)
    {
        var text = value.GetString()!;
        if (MinLength is not null || MaxLength is not null)
        {
            // JSON Schema counts code points, not UTF-16 units: an emoji is one character.
            var length = text.EnumerateRunes().Count();
            if (length < MinLength)
            {
                errors.Add(Violation(path, "minLength", $"length {length} is below the minimum {MinLength}"));
            }

            if (length > MaxLength)
            {
                errors.Add(Violation(path, "maxLength", $"length {length} exceeds the maximum {MaxLength}"));
            }
        }

        if (Pattern is not null && !Pattern.IsMatch(text))
        {
            errors.Add(Violation(path, "pattern", $"\"{Shorten(text)}\" does not match {Pattern}"));
        }

        var formatOk = Format switch
        {
            "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            "snowflake" => text.Length > 0 && text.All(char.IsAsciiDigit) && ulong.TryParse(text, CultureInfo.InvariantCulture, out _),
            _ => true,
        };
        if (!formatOk)
        {
            errors.Add(Violation(path, "format", $"\"{Shorten(text)}\" is not a valid {Format}"));
        }
    }

    private void ValidateNumber(JsonElement value, JsonPointer path, List<SchemaViolation> errors)
    {
        if (!value.TryGetDecimal(out var number))
        {
            errors.Add(Violation(path, "type", $"{value.GetRawText()} is out of range"));
            return;
        }

        if (number < Minimum || number <= ExclusiveMinimum)
        {
            errors.Add(Violation(path, "minimum", $"{value.GetRawText()} is below the minimum {Minimum ?? ExclusiveMinimum}"));
        }

        if (number > Maximum || number >= ExclusiveMaximum)
        {
            errors.Add(Violation(path, "maximum", $"{value.GetRawText()} is above the maximum {Maximum ?? ExclusiveMaximum}"));
        }

        var inRange = Format switch
        {
            "int32" => number is >= int.MinValue and <= int.MaxValue,
            "int64" => number is >= long.MinValue and <= long.MaxValue,
            _ => true,
        };
        if (!inRange)
        {
            errors.Add(Violation(path, "format", $"{value.GetRawText()} does not fit {Format}"));
        }
    }

    private void ValidateObject(JsonElement value, JsonPointer path, List<SchemaViolation> errors)
    {
        if (Required is not null)
        {
            foreach (var name in Required)
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add(Violation(path.Property(name), "required", $"the required property '{name}' is missing"));
                }
            }
        }

        var count = 0;
        foreach (var property in value.EnumerateObject())
        {
            count++;
            if (Properties is not null && Properties.TryGetValue(property.Name, out var known))
            {
                known.Validate(property.Value, path.Property(property.Name), errors);
            }
            else if (ForbidAdditionalProperties)
            {
                errors.Add(Violation(path.Property(property.Name), "additionalProperties", $"the property '{property.Name}' is not allowed"));
            }
            else
            {
                AdditionalProperties?.Validate(property.Value, path.Property(property.Name), errors);
            }
        }

        if (count < MinProperties)
        {
            errors.Add(Violation(path, "minProperties", $"{count} properties, at least {MinProperties} required"));
        }

        if (count > MaxProperties)
        {
            errors.Add(Violation(path, "maxProperties", $"{count} properties, at most {MaxProperties} allowed"));
        }
    }

    private void ValidateArray(JsonElement value, JsonPointer path, List<SchemaViolation> errors)
    {
        var length = value.GetArrayLength();
        if (length < MinItems)
        {
            errors.Add(Violation(path, "minItems", $"{length} items, at least {MinItems} required"));
        }

        if (length > MaxItems)
        {
            errors.Add(Violation(path, "maxItems", $"{length} items, at most {MaxItems} allowed"));
        }

        if (Items is not null)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Items.Validate(item, path.Index(index++), errors);
            }
        }

        if (UniqueItems && length > 1)
        {
            var items = value.EnumerateArray().ToArray();
            for (var i = 1; i < items.Length; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (JsonElement.DeepEquals(items[i], items[j]))
                    {
                        errors.Add(Violation(path.Index(i), "uniqueItems", $"duplicates item {j}"));
                    }
                }
            }
        }
    }

    private bool MatchesType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => Types.HasFlag(JsonTypes.Null),
        JsonValueKind.True or JsonValueKind.False => Types.HasFlag(JsonTypes.Boolean),
        JsonValueKind.Object => Types.HasFlag(JsonTypes.Object),
        JsonValueKind.Array => Types.HasFlag(JsonTypes.Array),
        JsonValueKind.String => Types.HasFlag(JsonTypes.String),
        JsonValueKind.Number => Types.HasFlag(JsonTypes.Number) || (Types.HasFlag(JsonTypes.Integer) && IsIntegral(value)),
        _ => false,
    };

    private static bool IsIntegral(JsonElement value) =>
        value.TryGetDecimal(out var number) ? number == decimal.Truncate(number) : Math.Floor(value.GetDouble()) == value.GetDouble();

    private static string Describe(JsonTypes types) =>
        string.Join(" or ", System.Enum.GetValues<JsonTypes>().Where(flag => flag != JsonTypes.None && types.HasFlag(flag)).Select(flag => flag.ToString().ToLowerInvariant()));

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => IsIntegral(value) ? $"integer {value.GetRawText()}" : $"number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"boolean {value.GetRawText()}",
        JsonValueKind.String => $"string {Shorten(value)}",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    internal static string Shorten(JsonElement value) => Shorten(value.GetRawText());

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
