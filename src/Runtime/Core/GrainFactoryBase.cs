using CineSync.Runtime.Invocation;

namespace CineSync.Runtime.Core;

/// <summary>A grain factory whose references send their calls to this object (hosted runtime or cluster client).</summary>
internal abstract class GrainFactoryBase : IGrainFactory, IGrainCallSink
{
    public IGrainFactory GrainFactory => this;

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey =>
        GrainRegistry.CreateProxy<TGrainInterface>(this, GrainKey.FromInteger(primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey =>
        GrainRegistry.CreateProxy<TGrainInterface>(this, GrainKey.FromString(primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey =>
        GrainRegistry.CreateProxy<TGrainInterface>(this, GrainKey.FromGuid(primaryKey));

    public abstract void Send(Invokable call);
}
