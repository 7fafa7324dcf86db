using CloudFs.Ring;

namespace CloudFs.UnitTests.Ring;

internal static class RingBuilderExtensions
{
    /// <summary>Runs an action on the builder and returns it, to keep arrange steps on one line.</summary>
    public static RingBuilder Let(this RingBuilder builder, Action<RingBuilder> action)
    {
        action(builder);
        return builder;
    }
}
