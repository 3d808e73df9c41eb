using System.Globalization;

namespace Hamta.Sim.Network;

/// <summary>
/// An operator's report that an IMEI was seen on the network with a SIM. Its id is made of the
/// record itself, so the same record sent twice is stored once. A malformed IMEI is kept, flagged.
/// </summary>
public sealed record AttachObservation(
    string Id, string Imei, bool ImeiValid, string Imsi, string Msisdn, string NationalId, string Operator, DateTimeOffset ObservedAt, DateTimeOffset ReceivedAt)
{
    public static string IdOf(string imei, string imsi, string msisdn, DateTimeOffset observedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{imei}|{imsi}|{msisdn}|{observedAt.UtcTicks}");
}
