using Hamta.Host;
using Hamta.Host.Api;
using Hamta.Host.Commands;
using Hamta.Host.DemoData;
using Hamta.Host.Identity;
using Hamta.Host.Infrastructure;
using Hamta.Host.Notifications;
using Hamta.Host.Ussd;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
var role = HostRole.From(builder.Configuration);

builder.Services.AddSingleton(TimeProvider.System);
builder.AddHamtaSecrets(role);
builder.AddHamtaLogging();
builder.AddHamtaTransportSecurity();
builder.AddHamtaTelemetry();
builder.AddHamtaPersistence();
builder.AddHamtaStandbyReads();
builder.AddHamtaMessaging();
builder.AddHamtaJobs(role);
builder.Services.AddHamtaHealthChecks(role);
builder.Services.AddHamtaIdentity();
builder.Services.AddHamtaNotifications();
builder.Services.AddHamtaCommands();
builder.Services.AddHamtaWeb();
builder.Services.AddHamtaOperatorApiReference();
builder.Services.AddHamtaUssd();
builder.AddHamtaDemoData();
builder.Services.AddHamtaStartupTimeline();

var app = builder.Build();

app.UseHamtaTransportSecurity();
app.UseHamtaRequestLogging();
app.UseHamtaErrorResponses();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRequestTimeouts();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

if (role.ServesWeb)
{
    app.MapRazorPages().WithRequestTimeout(Web.PageTimeout);
    app.MapOperatorApi();
    app.MapHamtaOperatorApiReference();
    app.MapUssdInquiry();
    app.MapSimExpiryApi();
    app.MapHamtaJobsDashboard();
}

app.MapHamtaHealthChecks();
app.MapHamtaMetrics();

return await app.RunJasperFxCommands(args);

/// <summary>The Host's entry point, visible to the test host.</summary>
public partial class Program;
