using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CineSync.Runtime.Generators;

/// <summary>Builds the proxy and call types of one grain interface.</summary>
internal static class InterfaceEmitter
{
    private enum ReturnKind
    {
        Unsupported,
        Task,
        TaskOfT,
        ValueTask,
        ValueTaskOfT,
    }

    public static InterfaceOutput? Emit(INamedTypeSymbol symbol)
    {
        if (!Names.IsGrainInterface(symbol))
        {
            return null;
        }

        var fullName = symbol.ToDisplayString(Names.Full);
        var id = Names.Sanitize(symbol.ToDisplayString()) ;
        var proxy = id + "_Proxy";
        var source = new StringBuilder();
        if (symbol.IsGenericType)
        {
            source.Append("#error Grain interface ").Append(symbol.ToDisplayString()).Append(" is generic; CineSync grain interfaces cannot be generic.\n");
            return new InterfaceOutput(fullName, id + ".g.cs", source.ToString(), "// skipped " + id);
        }

        var methods = new List<IMethodSymbol>();
        foreach (var type in new[] { symbol }.Concat(symbol.AllInterfaces))
        {
            if (type.ContainingNamespace?.ToDisplayString() == "CineSync.Runtime")
            {
                continue;
            }

            foreach (var member in type.GetMembers())
            {
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method:
                        methods.Add(method);
                        break;
                    case IMethodSymbol:
                        break;
                    default:
                        source.Append("#error Grain interface ").Append(type.ToDisplayString()).Append(" declares ").Append(member.Name)
                            .Append(": grain interfaces may only declare methods.\n");
                        break;
                }
            }
        }

        var descriptors = new StringBuilder();
        var proxyMethods = new StringBuilder();
        var calls = new StringBuilder();
        for (var i = 0; i < methods.Count; i++)
        {
            EmitMethod(methods[i], i, id, proxy, descriptors, proxyMethods, calls, source);
        }

        source.Append("    [global::System.CodeDom.Compiler.GeneratedCode(\"CineSync.Runtime.Generators\", \"1.0\")]\n");
        source.Append("    internal sealed class ").Append(proxy).Append(" : ").Append(Names.Inv).Append("GrainReference, ").Append(fullName).Append('\n');
        source.Append("    {\n");
        source.Append("        public static readonly ").Append(Names.Inv).Append("GrainInterfaceDescriptor Descriptor = new(typeof(").Append(fullName).Append("), new ")
            .Append(Names.Inv).Append("MethodDescriptor[]\n        {\n").Append(descriptors).Append("        });\n\n");
        source.Append("        public ").Append(proxy).Append("(").Append(Names.Inv).Append("IGrainCallSink sink, global::CineSync.Runtime.GrainKey key) : base(sink, key) { }\n\n");
        source.Append("        public override ").Append(Names.Inv).Append("GrainInterfaceDescriptor Interface => Descriptor;\n");
        source.Append(proxyMethods);
        source.Append("    }\n");
        source.Append(calls);

        var registration = Names.Inv + "GrainRegistry.RegisterInterface(" + proxy + ".Descriptor, static (sink, key) => new " + proxy + "(sink, key));";
        return new InterfaceOutput(fullName, id + ".g.cs", source.ToString(), registration);
    }

    private static void EmitMethod(IMethodSymbol method, int index, string id, string proxy, StringBuilder descriptors, StringBuilder proxyMethods, StringBuilder calls, StringBuilder errors)
    {
        var (kind, resultType) = Classify(method.ReturnType);
        var declaring = method.ContainingType.ToDisplayString(Names.Full);
        if (kind == ReturnKind.Unsupported || method.IsGenericMethod)
        {
            errors.Append("#error Grain method ").Append(method.ContainingType.ToDisplayString()).Append('.').Append(method.Name)
                .Append(method.IsGenericMethod ? " is generic; grain methods cannot be generic.\n" : " must return Task, Task<T>, ValueTask or ValueTask<T>.\n");
            return;
        }

        var callType = id + "_M" + index + "_" + Names.Sanitize(method.Name);
        var flags = (Names.HasAttribute(method, "ReadOnlyAttribute") ? 1 : 0) | (Names.HasAttribute(method, "AlwaysInterleaveAttribute") ? 2 : 0);
        descriptors.Append("            new(\"").Append(method.Name).Append("\", ").Append(index).Append(", (").Append(Names.Inv).Append("MethodFlags)").Append(flags)
            .Append(", static () => ").Append(callType).Append(".Rent()),\n");

        var parameters = method.Parameters;
        bool IsToken(IParameterSymbol p) => p.Type.ToDisplayString() == "System.Threading.CancellationToken";

        // Proxy method: explicit implementation, so grain method names never clash with GrainReference members.
        proxyMethods.Append("\n        ").Append(method.ReturnType.ToDisplayString(Names.Full)).Append(' ').Append(declaring).Append('.').Append(Names.Escape(method.Name)).Append('(');
        proxyMethods.Append(string.Join(", ", parameters.Select(p => p.Type.ToDisplayString(Names.Full) + " " + Names.Escape(p.Name))));
        proxyMethods.Append(")\n        {\n            var call = ").Append(callType).Append(".Rent();\n");
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!IsToken(parameters[i]))
            {
                proxyMethods.Append("            call.Arg").Append(i).Append(" = ").Append(Names.Escape(parameters[i].Name)).Append(";\n");
            }
        }

        proxyMethods.Append("            return SendAsync(call)").Append(kind is ReturnKind.Task or ReturnKind.TaskOfT ? ".AsTask()" : string.Empty).Append(";\n        }\n");

        // The call type.
        var hasResult = kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT;
        calls.Append("\n    [global::System.CodeDom.Compiler.GeneratedCode(\"CineSync.Runtime.Generators\", \"1.0\")]\n");
        calls.Append("    internal sealed class ").Append(callType).Append(" : ").Append(Names.Inv).Append(hasResult ? "Invokable<" + resultType + ">" : "Invokable").Append("\n    {\n");
        calls.Append("        private static readonly ").Append(Names.Inv).Append("InvokablePool<").Append(callType).Append("> s_pool = new();\n");
        calls.Append("        private static ").Append(Names.Inv).Append("MethodDescriptor? s_method;\n");
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!IsToken(parameters[i]))
            {
                calls.Append("        public ").Append(parameters[i].Type.ToDisplayString(Names.Full)).Append(" Arg").Append(i).Append(" = default!;\n");
            }
        }

        calls.Append("\n        public static ").Append(callType).Append(" Rent() => s_pool.Rent();\n\n");
        calls.Append("        public override ").Append(Names.Inv).Append("MethodDescriptor Method => s_method ??= ").Append(proxy).Append(".Descriptor.Methods[").Append(index).Append("];\n\n");
        calls.Append("        public override int ArgumentCount => ").Append(parameters.Length).Append(";\n\n");
        calls.Append("        public override object? GetArgument(int index) => index switch\n        {\n");
        for (var i = 0; i < parameters.Length; i++)
        {
            calls.Append("            ").Append(i).Append(" => ").Append(IsToken(parameters[i]) ? "global::System.Threading.CancellationToken.None" : "Arg" + i).Append(",\n");
        }

        calls.Append("            _ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),\n        };\n\n");

        var args = string.Join(", ", parameters.Select((p, i) => IsToken(p) ? "global::System.Threading.CancellationToken.None" : "Arg" + i));
        calls.Append("        public override global::System.Threading.Tasks.ValueTask InvokeAsync(object grain)\n        {\n");
        calls.Append("            var task = ((").Append(declaring).Append(")grain).").Append(Names.Escape(method.Name)).Append('(').Append(args).Append(");\n");
        switch (kind)
        {
            case ReturnKind.TaskOfT:
            case ReturnKind.ValueTaskOfT:
                calls.Append("            if (task.IsCompletedSuccessfully)\n            {\n                Result = task.Result;\n                return default;\n            }\n\n            return AwaitResult(task);\n");
                break;
            case ReturnKind.ValueTask:
                calls.Append("            if (task.IsCompletedSuccessfully)\n            {\n                task.GetAwaiter().GetResult();\n                return default;\n            }\n\n            return task;\n");
                break;
            default:
                calls.Append("            return task.IsCompletedSuccessfully ? default : new global::System.Threading.Tasks.ValueTask(task);\n");
                break;
        }

        calls.Append("        }\n\n");
        calls.Append("        public override void WriteArguments(").Append(Names.Ser).Append("WireWriter writer)\n        {\n");
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!IsToken(parameters[i]))
            {
                calls.Append("            ").Append(Names.Ser).Append("WireCodec<").Append(parameters[i].Type.ToDisplayString(Names.Full)).Append(">.Write(writer, Arg").Append(i).Append(");\n");
            }
        }

        calls.Append("        }\n\n");
        calls.Append("        public override void ReadArguments(").Append(Names.Ser).Append("WireReader reader)\n        {\n");
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!IsToken(parameters[i]))
            {
                calls.Append("            Arg").Append(i).Append(" = ").Append(Names.Ser).Append("WireCodec<").Append(parameters[i].Type.ToDisplayString(Names.Full)).Append(">.Read(reader);\n");
            }
        }

        calls.Append("        }\n\n");
        calls.Append("        public override void ReturnToPool()\n        {\n");
        calls.Append(hasResult ? "            ResetResult();\n" : "            ResetCore();\n");
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!IsToken(parameters[i]))
            {
                calls.Append("            Arg").Append(i).Append(" = default!;\n");
            }
        }

        calls.Append("            s_pool.Return(this);\n        }\n    }\n");
    }

    private static (ReturnKind Kind, string? Result) Classify(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || named.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks")
        {
            return (ReturnKind.Unsupported, null);
        }

        return (named.Name, named.TypeArguments.Length) switch
        {
            ("Task", 0) => (ReturnKind.Task, null),
            ("ValueTask", 0) => (ReturnKind.ValueTask, null),
            ("Task", 1) => (ReturnKind.TaskOfT, named.TypeArguments[0].ToDisplayString(Names.Full)),
            ("ValueTask", 1) => (ReturnKind.ValueTaskOfT, named.TypeArguments[0].ToDisplayString(Names.Full)),
            _ => (ReturnKind.Unsupported, null),
        };
    }
}
