using Hamta.Tickets.Contracts;

namespace Hamta.Tickets.Opening;

/// <summary>What every ticket must carry whatever its subject: a description, no longer than <see cref="TicketLimits.MaxText"/>.</summary>
public static class OpenTicketValidation
{
    public static OpenTicketOutcome? Refusal(OpenTicket command) =>
        (command.Description ?? string.Empty).Trim() switch
        {
            "" => OpenTicketOutcome.DescriptionRequired,
            { Length: > TicketLimits.MaxText } => OpenTicketOutcome.DescriptionTooLong,
            _ => null,
        };
}
