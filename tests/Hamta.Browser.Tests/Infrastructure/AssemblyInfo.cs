using Hamta.Browser.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PortalInBrowser))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
