using Hamta.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(HamtaFixture))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
