using System.Globalization;
using CineSync.BotClient.Core;
using CineSync.BotClient.Rendering;
using CineSync.BotClient.Hosting;
using CineSync.Discord.Interactions.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CineSync.BotClient.ConsoleMode;

/// <summary>
/// The bot in a terminal: the same commands and handlers as on Discord, typed as <c>/recommend count:5</c>, against the
/// same cluster. Buttons are pressed with <c>/press N</c>; forms ask their questions line by line; <c>/user N</c>
/// switches the local user (to try a watch party alone).
/// </summary>
internal sealed class ConsoleFrontEnd(BotEngine engine, BotConsole console, IOptions<ConsoleBotOptions> options, IHostApplicationLifetime lifetime) : BackgroundService
{
    private readonly ConsoleBotOptions _options = options.Value;
    private IReadOnlyList<BotButton> _buttons = [];
    private long _userId;
    private int _counter;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _userId = _options.UserId;
        await Task.Yield();
        if (_options.Interactive)
        {
            await WriteAsync($"CineSync console: you are user {_userId.ToString(CultureInfo.InvariantCulture)}. Type /help to see the commands, /quit to leave.").ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (_options.Interactive)
            {
                await console.Output.WriteAsync("cinesync> ").ConfigureAwait(false);
                await console.Output.FlushAsync(stoppingToken).ConfigureAwait(false);
            }

            var line = await ReadLineAsync(stoppingToken).ConfigureAwait(false);
            if (line is null || line.Trim() is "/quit" or "/exit")
            {
                break;
            }

            if (line.Trim().Length > 0)
            {
                await HandleLineAsync(line.Trim(), stoppingToken).ConfigureAwait(false);
            }
        }

        if (_options.StopHostOnExit && !stoppingToken.IsCancellationRequested)
        {
            lifetime.StopApplication();
        }
    }

    /// <summary>Runs one typed line and prints the answer.</summary>
    internal async Task HandleLineAsync(string line, CancellationToken cancellationToken)
    {
        var tokens = ConsoleCommandLine.Tokenize(line);
        var name = tokens[0].TrimStart('/').ToLowerInvariant();
        try
        {
            switch (name)
            {
                case "press":
                    await PressAsync(tokens, cancellationToken).ConfigureAwait(false);
                    return;
                case "user" when tokens.Count == 2 && long.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var user) && user > 0:
                    _userId = user;
                    _buttons = [];
                    await WriteAsync($"You are user {user.ToString(CultureInfo.InvariantCulture)} now.").ConfigureAwait(false);
                    return;
            }

            if (engine.Registry.FindCommand(name) is not { } command)
            {
                await WriteAsync($"I don't know /{Text.Truncate(name, 40)}. Type /help to see the commands.").ConfigureAwait(false);
                return;
            }

            var options = ConsoleCommandLine.ParseOptions(command.Definition, [.. tokens.Skip(1)]);
            var input = new CommandInput(_userId, NextId(), options);
            await ShowAsync(await engine.RunCommandAsync(name, input, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (UserInputException exception)
        {
            await WriteAsync(exception.Message).ConfigureAwait(false);
        }
    }

    private async Task PressAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        if (tokens.Count != 2 || !int.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > _buttons.Count)
        {
            await WriteAsync(_buttons.Count == 0 ? "There are no buttons to press." : $"Press a button from 1 to {_buttons.Count.ToString(CultureInfo.InvariantCulture)}: /press N").ConfigureAwait(false);
            return;
        }

        var reply = await engine.PressAsync(new ComponentInput(_userId, CustomId.Parse(_buttons[number - 1].CustomId)), cancellationToken).ConfigureAwait(false);
        await ShowAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowAsync(BotReply reply, CancellationToken cancellationToken)
    {
        if (reply.Modal is { } modal)
        {
            await ShowAsync(await FillAsync(modal, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return;
        }

        // A reply that only confirms (ephemeral, no buttons) keeps the buttons of the card above usable.
        if (reply.Rows.Count > 0 || !reply.Ephemeral || reply.UpdatesSource)
        {
            _buttons = [.. reply.Rows.SelectMany(row => row)];
        }

        await WriteAsync(ConsoleRenderer.Render(reply, reply.Rows.Count > 0 ? _buttons : [])).ConfigureAwait(false);
    }

    /// <summary>Asks a form's questions one by one, then submits it.</summary>
    private async Task<BotReply> FillAsync(BotModal modal, CancellationToken cancellationToken)
    {
        await WriteAsync("── " + modal.Title + " ──").ConfigureAwait(false);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in modal.Inputs)
        {
            await console.Output.WriteAsync($"  {input.Label} — {input.Placeholder}: ").ConfigureAwait(false);
            await console.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
            values[input.CustomId] = (await ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim() ?? "";
        }

        return await engine.SubmitAsync(new ModalInput(_userId, CustomId.Parse(modal.CustomId), values), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        // Console.In ignores cancellation: read on the pool so stopping the host never waits for a keystroke.
        await Task.Run(() => console.Input.ReadLine(), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);

    private async Task WriteAsync(string text)
    {
        await console.Output.WriteLineAsync(text).ConfigureAwait(false);
        await console.Output.FlushAsync().ConfigureAwait(false);
    }

    private string NextId() => "c" + Guid.NewGuid().ToString("N")[..12] + (++_counter).ToString(CultureInfo.InvariantCulture);
}
