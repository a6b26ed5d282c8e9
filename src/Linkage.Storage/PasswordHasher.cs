using System.Security.Cryptography;
using System.Text;

namespace Linkage.Storage;

/// <summary>
/// PBKDF2-HMAC-SHA256 with a random 16-byte salt per user. The iteration count is stored with each hash, so it
/// can be raised later without invalidating existing passwords.
/// </summary>
internal static class PasswordHasher
{
    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.</summary>
    public const int Iterations = 600_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static (string Hash, string Salt, int Iterations) Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return (Convert.ToBase64String(Derive(password, salt, Iterations)), Convert.ToBase64String(salt), Iterations);
    }

    public static bool Verify(string password, string hash, string salt, int iterations)
    {
        var expected = Convert.FromBase64String(hash);
        return CryptographicOperations.FixedTimeEquals(Derive(password, Convert.FromBase64String(salt), iterations), expected);
    }

    /// <summary>Spends the same time as a real check, so an unknown user name cannot be told from a wrong password.</summary>
    public static void VerifyNothing(string password) => Derive(password, new byte[SaltBytes], Iterations);

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
