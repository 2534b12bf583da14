namespace CineSync.Dashboard;

/// <summary>
/// The metrics contract the dashboard reads through <see cref="System.Diagnostics.Metrics.MeterListener"/>.
/// Publishers need not reference this assembly: the names are the contract.
/// </summary>
/// <remarks>
/// <para>Meter <c>CineSync.Runtime</c> (the actor runtime):</para>
/// <list type="bullet">
/// <item><c>cinesync.grain.calls</c>: Counter&lt;long&gt; or ObservableCounter&lt;long&gt; (cumulative), tags <c>grain_type</c>, <c>method</c>.</item>
/// <item><c>cinesync.grain.errors</c>: as above, calls that threw.</item>
/// <item><c>cinesync.grain.call.duration</c>: Histogram&lt;double&gt; in milliseconds, tags <c>grain_type</c>, <c>method</c>.</item>
/// <item><c>cinesync.grain.activations</c>: UpDownCounter&lt;long&gt;, ObservableUpDownCounter or ObservableGauge (current count), tag <c>grain_type</c>.</item>
/// </list>
/// <para>Meter <c>CineSync.Recommendations</c> (the grains):</para>
/// <list type="bullet">
/// <item><c>cinesync.ratings</c>: Counter&lt;long&gt; of ratings stored.</item>
/// <item><c>cinesync.feedback</c>: Counter&lt;long&gt;, tags <c>kind</c> (<c>like</c>, <c>dislike</c>, <c>not_interested</c>, <c>watched</c>) and <c>model</c> (the model that produced the pick).</item>
/// <item><c>cinesync.users.active</c>: ObservableGauge&lt;long&gt; or UpDownCounter&lt;long&gt;, users with an active taste grain on this silo.</item>
/// <item><c>cinesync.users.cold_start</c>: same kinds, those of them with too few ratings for personal models.</item>
/// </list>
/// <para>Tag values are best passed as the same string instances each time (literals, or names cached per
/// grain type): the listener keys its per-series state on the references and so does no string work per call.</para>
/// </remarks>
public static class DashboardMetricNames
{
    /// <summary>The runtime's meter.</summary>
    public const string RuntimeMeter = "CineSync.Runtime";

    /// <summary>Grain calls, counter.</summary>
    public const string GrainCalls = "cinesync.grain.calls";

    /// <summary>Grain calls that failed, counter.</summary>
    public const string GrainErrors = "cinesync.grain.errors";

    /// <summary>Grain call duration in milliseconds, histogram.</summary>
    public const string GrainCallDuration = "cinesync.grain.call.duration";

    /// <summary>Active grain activations, up-down counter or gauge.</summary>
    public const string GrainActivations = "cinesync.grain.activations";

    /// <summary>Tag naming the grain type.</summary>
    public const string GrainTypeTag = "grain_type";

    /// <summary>Tag naming the grain method.</summary>
    public const string MethodTag = "method";

    /// <summary>The recommendation grains' meter.</summary>
    public const string RecommendationsMeter = "CineSync.Recommendations";

    /// <summary>Ratings stored, counter.</summary>
    public const string Ratings = "cinesync.ratings";

    /// <summary>Feedback on recommendations, counter with <see cref="KindTag"/> and <see cref="ModelTag"/>.</summary>
    public const string Feedback = "cinesync.feedback";

    /// <summary>Users with an active taste grain, gauge.</summary>
    public const string ActiveUsers = "cinesync.users.active";

    /// <summary>Active users still in cold start, gauge.</summary>
    public const string ColdStartUsers = "cinesync.users.cold_start";

    /// <summary>Tag naming the feedback kind.</summary>
    public const string KindTag = "kind";

    /// <summary>Tag naming the model behind a recommendation.</summary>
    public const string ModelTag = "model";

    /// <summary>Feedback kind: 👍.</summary>
    public const string Like = "like";

    /// <summary>Feedback kind: 👎.</summary>
    public const string Dislike = "dislike";

    /// <summary>Feedback kind: not interested.</summary>
    public const string NotInterested = "not_interested";

    /// <summary>Feedback kind: already watched.</summary>
    public const string Watched = "watched";
}
