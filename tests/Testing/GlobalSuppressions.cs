using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage("ApiDesign", "RS0030:Do not use banned APIs", Scope = "member", Target = "~M:CineSync.Testing.PostgresServer.TryDelete(System.String)~System.Boolean",
    Justification = "Called from synchronous Dispose methods: a short pause between attempts while the server removes its pid file and sockets. Cleanup only; no test's outcome or timing depends on it.")]
