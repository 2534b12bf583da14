namespace CineSync.Dashboard.Access;

/// <summary>What to do with a dashboard request.</summary>
internal enum AccessDecision
{
    /// <summary>Serve it.</summary>
    Allow,

    /// <summary>401: no token, a wrong one, or (without a configured token) not from loopback.</summary>
    Refuse,

    /// <summary>The right token came in the address: set the session cookie and redirect to the address without it.</summary>
    StoreCookieAndRedirect,
}
