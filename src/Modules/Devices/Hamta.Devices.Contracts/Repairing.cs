namespace Hamta.Devices.Contracts;

/// <summary>«ثبت گوشی تعمیراتی»: a repair changed one of an owned device's IMEIs.</summary>
public sealed record RegisterRepair(string OldImei, string NewImei, string OwnerSim, string OwnerNationalId);

public enum RepairOutcome
{
    Replaced,
    NotYourDevice,
    DifferentModel,
    SameImei,
    NewImeiTaken,
    NewImeiOnSameDevice,
    Blocked,
}

public sealed record RepairResult(RepairOutcome Outcome);
