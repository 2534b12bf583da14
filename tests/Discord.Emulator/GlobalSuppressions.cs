using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Scope = "type", Target = "~T:CineSync.Discord.Emulator.Gateway.GatewayConnection",
    Justification = "Its abort signal has no timer or registration to release, and tests may still abort a connection the gateway has let go of; disposing it would turn that into ObjectDisposedException.")]
