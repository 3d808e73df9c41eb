using Hamta.Sim.Contracts;
using Marten;
using Wolverine.Marten;

namespace Hamta.Sim.Kartable;

public static class SetKartablePasswordHandler
{
    public static Task<KartablePassword?> LoadAsync(SetKartablePassword command, IQuerySession session, CancellationToken cancellation) =>
        session.LoadAsync<KartablePassword>(command.Sim, cancellation);

    public static (KartablePasswordResult, IMartenOp) Handle(SetKartablePassword command, KartablePassword? current)
    {
        if (current is not null && (command.CurrentPassword is null || !current.Matches(command.CurrentPassword)))
        {
            return (new KartablePasswordResult(KartablePasswordOutcome.WrongCurrentPassword), MartenOps.Nothing());
        }

        if (command.NewPassword.Length < KartablePassword.MinLength)
        {
            return (new KartablePasswordResult(KartablePasswordOutcome.TooShort), MartenOps.Nothing());
        }

        return (new KartablePasswordResult(KartablePasswordOutcome.Set), MartenOps.Store(KartablePassword.For(command.Sim, command.NewPassword)));
    }
}
