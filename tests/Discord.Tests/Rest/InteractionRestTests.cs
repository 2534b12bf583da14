using System.Net;
using System.Text;
using CineSync.Discord.Interactions;
using CineSync.Discord.Messages;
using CineSync.Discord.Tests.Fakes;

namespace CineSync.Discord.Tests.Rest;

public sealed class InteractionRestTests
{
    [Fact]
    public async Task A_reply_with_a_file_is_sent_as_multipart_with_payload_json_and_files_0()
    {
        using var rest = new RestTestClient((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        var message = new MessageProperties { Content = "Your data", Ephemeral = true }
            .AddAttachment(new FileAttachment("my-data.json", Encoding.UTF8.GetBytes("{\"ratings\":[]}"), "application/json"));

        await rest.Time.DriveAsync(rest.Client.CreateInteractionResponseAsync(1300000000000000001, "tok/en", InteractionCallback.Message(message)));

        var request = rest.Handler.Requests.Single();
        Assert.Equal("/api/v10/interactions/1300000000000000001/tok%2Fen/callback", request.Path);
        Assert.Equal("multipart/form-data", request.ContentType);
        Assert.Contains("name=payload_json", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"attachments\":[{\"id\":\"0\",\"filename\":\"my-data.json\"}]", request.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"files[0]\"; filename=my-data.json", request.Body, StringComparison.Ordinal);
        Assert.Contains("{\"ratings\":[]}", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_ups_and_edits_use_the_interaction_webhook()
    {
        using var rest = new RestTestClient((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, """{"id":"5","content":"x"}"""));

        await rest.Time.DriveAsync(rest.Client.CreateFollowupMessageAsync(12, "tok", new MessageProperties { Content = "more" }));
        await rest.Time.DriveAsync(rest.Client.EditOriginalResponseAsync(12, "tok", new MessageProperties { Content = "done" }));
        await rest.Time.DriveAsync(rest.Client.EditFollowupMessageAsync(12, "tok", 5, new MessageProperties { Content = "edited" }));
        await rest.Time.DriveAsync(rest.Client.DeleteFollowupMessageAsync(12, "tok", 5));

        Assert.Equal(
            ["POST /api/v10/webhooks/12/tok", "PATCH /api/v10/webhooks/12/tok/messages/@original", "PATCH /api/v10/webhooks/12/tok/messages/5", "DELETE /api/v10/webhooks/12/tok/messages/5"],
            rest.Handler.Requests.Select(r => r.Method + " " + r.Path));
        Assert.Contains("\"content\":\"done\"", rest.Handler.Requests[1].Body, StringComparison.Ordinal);
    }
}
