using CineSync.Runtime.Invocation;

namespace CineSync.Runtime.Core;

/// <summary>The grain factory of code running in the silo: calls go straight to activations, never serialised.</summary>
internal sealed class HostedGrainFactory(SiloRuntime runtime) : GrainFactoryBase
{
    public override void Send(Invokable call)
    {
        call.SentTick = runtime.Clock.Tick;
        runtime.Catalog.Dispatch(call, allowInline: true);
    }
}
