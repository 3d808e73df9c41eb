using System.Text;
using Hamta.Host.Identity;
using JasperFx.CommandLine;

namespace Hamta.Host.Commands;

public sealed class StaffInput : NetCoreInput
{
    [Description("add (create, or reset the password and roles of) or disable")]
    public string Action { get; set; } = string.Empty;

    [Description("The staff member's username")]
    public string User { get; set; } = string.Empty;

    [Description("A role: Agent, Auditor, RegistryClerk or Admin (add only; repeat for several)")]
    public string[] RoleFlag { get; set; } = [];
}

[Description("Create, reset or disable a staff account; the password is read from the terminal, or from stdin when redirected", Name = "staff")]
public sealed class StaffCommand : JasperFxAsyncCommand<StaffInput>
{
    public StaffCommand() => Usage("Add, reset or disable a staff account").Arguments(x => x.Action, x => x.User);

    public override async Task<bool> Execute(StaffInput input)
    {
        if (input.Action is not ("add" or "disable") || string.IsNullOrWhiteSpace(input.User))
        {
            await Console.Error.WriteLineAsync("Usage: staff add <user> --role Admin | staff disable <user>");
            return false;
        }

        var roles = StaffAccountRules.Roles(input.RoleFlag);
        if (input.Action == "add" && roles is null)
        {
            await Console.Error.WriteLineAsync($"--role must be given, one of: {string.Join(", ", StaffAccount.AllRoles)}.");
            return false;
        }

        using var host = input.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffSignIn>();
        if (input.Action == "disable")
        {
            var disabled = await staff.DisableAsync(input.User, CancellationToken.None);
            await (disabled ? Console.Out : Console.Error).WriteLineAsync(disabled ? $"{input.User} is disabled; their sessions have ended." : $"No staff account {input.User}.");
            return disabled;
        }

        var problem = await staff.SetAccountAsync(input.User, ReadPassword(), roles!, CancellationToken.None);
        await (problem == StaffAccountProblem.None ? Console.Out : Console.Error).WriteLineAsync(problem switch
        {
            StaffAccountProblem.None => $"{input.User} can sign in as {string.Join(", ", roles!)}; any earlier session has ended.",
            StaffAccountProblem.UsernameInvalid => "The username must be 3 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit.",
            StaffAccountProblem.PasswordTooShort => $"The password must have at least {StaffAccountRules.MinimumPasswordLength} characters.",
            StaffAccountProblem.PasswordTooLong => $"The password must have at most {StaffAccountRules.MaximumPasswordLength} characters.",
            _ => problem.ToString(),
        });
        return problem == StaffAccountProblem.None;
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? string.Empty;
        }

        Console.Write("Password: ");
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return password.ToString();
    }
}
