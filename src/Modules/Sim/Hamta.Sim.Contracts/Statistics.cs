namespace Hamta.Sim.Contracts;

/// <summary>Counts again the sightings of the last <see cref="Days"/> calendar days in Tehran (today included), per operator (a recurring job).</summary>
public sealed record CountSightings(int Days = 2)
{
    public const int MaxDays = 400;
}

/// <summary>The sightings stored per operator and day, for the days <see cref="From"/> to <see cref="To"/> (Tehran days, both included).</summary>
public sealed record FindSightingCounts(DateOnly From, DateOnly To);

/// <summary>How many sightings an operator sent that were seen on a day (by the time of the sighting, in Tehran).</summary>
public sealed record OperatorDayCount(DateOnly Day, string Operator, long Sightings);

public sealed record SightingCounts(IReadOnlyList<OperatorDayCount> Days, DateTimeOffset? CountedAt);
