using System.Globalization;
using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Bot.Hosting;
using CineSync.Discord.Interactions.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CineSync.Bot.ConsoleMode;

/// <summary>
/// The bot in a terminal: the same commands and handlers as on Discord, typed as <c>/recommend count:5</c>, against the
/// same cluster. Buttons are pressed with <c>/press N</c>; forms ask their questions line by line; <c>/user N</c> (or a
/// name) switches the local user, to try a watch party alone; <c>/quit</c> or the end of input stops.
/// </summary>
internal sealed class ConsoleFrontEnd(BotEngine engine, ConsoleScreen screen, IOptions<ConsoleBotOptions> options, IHostApplicationLifetime lifetime) : BackgroundService
{
    private const string Prompt = "cinesync> ";

    /// <summary>What only the console has, shown after /help.</summary>
    internal const string ConsoleHelp = """
        In this terminal:
          Options are key:value, quotes for spaces: /rate title:"The Matrix" stars:4.5 (a bare title works too: /why The Matrix)
          /press N       press button N of the last message (votes, 👍 / 👎, "meant this one")
          /user N        become another user (a number or a name: /user 2, /user alice), e.g. to vote in a watch party
          /watch_party @2 @alice   members as @number or @name
          /quit          stop CineSync (the end of input does too)
        """;

    private readonly ConsoleBotOptions _options = options.Value;
    private readonly ConsoleUsers _users = new();

    // The last message's buttons, and whether every user at the terminal can see it (a public message, as in a channel).
    private IReadOnlyList<BotButton> _buttons = [];
    private bool _buttonsPublic;
    private long _userId;
    private int _counter;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _userId = _options.UserId;

        // Start-up lines (the silo, the database, the model) come first; the prompt once everything is up.
        await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
        if (_options.Interactive)
        {
            Write($"CineSync console: you are user {_userId.ToString(CultureInfo.InvariantCulture)}. Type /help to see the commands, /quit to leave.");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (_options.Interactive)
            {
                screen.ShowPrompt(Prompt);
            }

            var line = await ReadLineAsync(stoppingToken).ConfigureAwait(false);
            screen.InputReceived(line);
            if (line is null || line.Trim() is "/quit" or "/exit")
            {
                if (_options.Interactive || line is not null)
                {
                    Write(line is null ? "End of input: stopping CineSync." : "Stopping CineSync.");
                }

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
        if (tokens.Count == 0)
        {
            return;
        }

        var name = tokens[0].TrimStart('/').ToLowerInvariant();
        try
        {
            switch (name)
            {
                case "press":
                    await PressAsync(tokens, cancellationToken).ConfigureAwait(false);
                    return;
                case "user":
                    SwitchUser(tokens);
                    return;
            }

            if (engine.Registry.FindCommand(name) is not { } command)
            {
                Write($"I don't know /{Text.Truncate(name, 40)}. Type /help to see the commands.");
                return;
            }

            var options = ConsoleCommandLine.ParseOptions(command.Definition, [.. tokens.Skip(1)], _users.IdOf);
            var input = new CommandInput(_userId, NextId(), options, _users.Names);
            await ShowAsync(await engine.RunCommandAsync(name, input, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (name == "help")
            {
                Write(ConsoleHelp);
            }
        }
        catch (UserInputException exception)
        {
            Write(exception.Message);
        }
    }

    private void SwitchUser(IReadOnlyList<string> tokens)
    {
        if (tokens.Count != 2 || _users.IdOf(tokens[1]) is not { } user)
        {
            Write("Usage: /user N or /user name, e.g. /user 2 or /user alice.");
            return;
        }

        _userId = user;

        // Private answers stay with the user they were for; a public message (a watch party) is there for everyone.
        if (!_buttonsPublic)
        {
            _buttons = [];
        }

        Write($"You are {_users.Describe(user)} now." + (_buttons.Count > 0 ? " The buttons of the last message are yours to press too (/press N)." : ""));
    }

    private async Task PressAsync(IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        if (tokens.Count != 2 || !int.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > _buttons.Count)
        {
            Write(_buttons.Count == 0
                ? "There are no buttons to press: the last message had none (or was private to another user)."
                : $"Press a button from 1 to {_buttons.Count.ToString(CultureInfo.InvariantCulture)}: /press N");
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
            _buttonsPublic = !reply.Ephemeral;
        }

        Write(ConsoleRenderer.Render(reply, reply.Rows.Count > 0 ? _buttons : [], _users.Names));
        if (reply.File is { } file)
        {
            Write(await SaveAsync(file, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Writes a reply's file (an export) where the user can open it, and says where.</summary>
    private async Task<string> SaveAsync(BotFile file, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(string.IsNullOrWhiteSpace(_options.ExportFolder) ? Environment.CurrentDirectory : _options.ExportFolder);
        var path = Path.Combine(folder, Path.GetFileName(file.Name));
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(path, file.Content, cancellationToken).ConfigureAwait(false);
            return "Saved " + path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"I could not write {path}: {ex.Message} (set Console:ExportFolder to a folder you can write to).";
        }
    }

    /// <summary>Asks a form's questions one by one, then submits it.</summary>
    private async Task<BotReply> FillAsync(BotModal modal, CancellationToken cancellationToken)
    {
        Write("── " + modal.Title + " ──");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in modal.Inputs)
        {
            screen.ShowPrompt($"  {input.Label} — {input.Placeholder}: ");
            var answer = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            screen.InputReceived(answer);
            values[input.CustomId] = answer?.Trim() ?? "";
        }

        return await engine.SubmitAsync(new ModalInput(_userId, CustomId.Parse(modal.CustomId), values), cancellationToken).ConfigureAwait(false);
    }

    private async Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        // Console.In ignores cancellation: read on the pool so stopping the host never waits for a keystroke.
        await Task.Run(() => screen.Console.Input.ReadLine(), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);

    private void Write(string text) => screen.WriteLine(text);

    private string NextId() => "c" + Guid.NewGuid().ToString("N")[..12] + (++_counter).ToString(CultureInfo.InvariantCulture);
}
