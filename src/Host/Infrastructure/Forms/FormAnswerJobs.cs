using Hangfire;
using Marten;

namespace Hamta.Host.Infrastructure.Forms;

/// <summary>
/// Forgets the kept answers of form posts after <c>Hamta:Forms:KeepAnswersDays</c> (30 unless configured), with one
/// statement a day: a form re-posted that late is an ordinary new post (a ticket's stream, keyed by its form, still
/// refuses a second ticket), and the table does not grow with every post the country makes (ADR 0014).
/// </summary>
public sealed class FormAnswerJobs(IDocumentStore store, TimeProvider clock, IConfiguration configuration)
{
    public const string ForgetAnswers = "forget-form-answers";

    public const int DefaultKeepDays = 30;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task ForgetAnswersAsync()
    {
        var cutoff = clock.GetUtcNow().AddDays(-configuration.GetValue("Hamta:Forms:KeepAnswersDays", DefaultKeepDays));
        await using var session = store.LightweightSession();
        session.DeleteWhere<FormSubmission>(answer => answer.At < cutoff);
        await session.SaveChangesAsync();
    }
}

/// <summary>The forgetting of old form answers, daily unless configured.</summary>
public sealed class FormAnswerJobSchedule(IRecurringJobManager manager, IConfiguration configuration, ILogger<RecurringJobSchedule> logger)
    : RecurringJobSchedule(manager, configuration, logger)
{
    protected override void Schedule() =>
        Manager.AddOrUpdate<FormAnswerJobs>(FormAnswerJobs.ForgetAnswers, j => j.ForgetAnswersAsync(), Cron(FormAnswerJobs.ForgetAnswers, "40 0 * * *"), Utc);
}
