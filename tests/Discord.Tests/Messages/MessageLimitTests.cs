using CineSync.Discord.Interactions;
using CineSync.Discord.Messages;

namespace CineSync.Discord.Tests.Messages;

public sealed class MessageLimitTests
{
    [Fact]
    public void An_embed_title_over_256_characters_is_rejected_before_sending()
    {
        var message = new MessageProperties().AddEmbed(new EmbedBuilder { Title = new string('a', 257) });

        var error = Assert.Throws<DiscordLimitException>(() => InteractionCallback.Message(message));

        Assert.Contains("Embed title is 257 characters; Discord allows at most 256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embed_description_over_4096_characters_is_rejected()
        => AssertRejected(new EmbedBuilder { Description = new string('d', 4097) }, "Embed description");

    [Fact]
    public void More_than_25_fields_are_rejected()
    {
        var embed = new EmbedBuilder();
        for (var i = 0; i < 26; i++)
        {
            embed.AddField("n" + i, "v");
        }

        AssertRejected(embed, "Embed fields: 26 given; Discord allows at most 25");
    }

    [Fact]
    public void Field_names_over_256_and_values_over_1024_are_rejected()
    {
        AssertRejected(new EmbedBuilder().AddField(new string('n', 257), "v"), "Embed field 1 name");
        AssertRejected(new EmbedBuilder().AddField("ok", "v").AddField("n", new string('v', 1025)), "Embed field 2 value");
    }

    [Fact]
    public void Footer_over_2048_and_author_over_256_are_rejected()
    {
        AssertRejected(new EmbedBuilder().WithFooter(new string('f', 2049)), "Embed footer text");
        AssertRejected(new EmbedBuilder().WithAuthor(new string('a', 257)), "Embed author name");
    }

    [Fact]
    public void Embeds_over_6000_characters_in_total_are_rejected_even_when_each_field_fits()
    {
        var message = new MessageProperties();
        for (var i = 0; i < 2; i++)
        {
            message.AddEmbed(new EmbedBuilder { Description = new string('x', 3500) });
        }

        var error = Assert.Throws<DiscordLimitException>(() => InteractionCallback.Message(message));

        Assert.Contains("7000 characters in total", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_10_embeds_are_rejected()
    {
        var message = new MessageProperties();
        for (var i = 0; i < 11; i++)
        {
            message.AddEmbed(new EmbedBuilder { Title = "t" });
        }

        Assert.Throws<DiscordLimitException>(() => InteractionCallback.Message(message));
    }

    [Fact]
    public void Content_over_2000_characters_is_rejected()
    {
        var error = Assert.Throws<DiscordLimitException>(() => InteractionCallback.Message(new string('c', 2001)));

        Assert.Contains("Message content is 2001 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_at_every_limit_is_accepted()
    {
        var embed = new EmbedBuilder { Title = new string('t', 256), Description = new string('d', 4096) };
        for (var i = 0; i < 1; i++)
        {
            embed.AddField(new string('n', 256), new string('v', 1024));
        }

        var message = new MessageProperties { Content = new string('c', 2000), Ephemeral = true }.AddEmbed(embed);

        var callback = InteractionCallback.Message(message);

        Assert.Equal(64, callback.ToJson().Data!.Flags);
        Assert.Empty(callback.ToJson().Data!.AllowedMentions!.Parse!);
    }

    private static void AssertRejected(EmbedBuilder embed, string expected)
    {
        var error = Assert.Throws<DiscordLimitException>(() => InteractionCallback.Message(new MessageProperties().AddEmbed(embed)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
