using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Hamta.Kernel.Security;

namespace Hamta.Specs;

/// <summary>
/// One code key for every spec of the run, set before any of them: codes are hashed with a process-wide key, and
/// classes that each set a key of their own raced one another (a code hashed under one key was checked under another).
/// </summary>
internal static class SpecCodeKey
{
    [ModuleInitializer]
    internal static void Use() => CodeHash.UseKey(RandomNumberGenerator.GetBytes(32));
}
