using System.Data.Common;

namespace Linkage.Storage;

public sealed partial class LinkStore
{
    /// <summary>Adds a user with a PBKDF2-hashed password; returns false (and changes nothing) if the name is taken.</summary>
    public bool AddUser(string name, UserRole role, string password, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(password);
        StoredText.Check(name, nameof(name));
        var (hash, salt, iterations) = PasswordHasher.Hash(password);
        return InTransaction(transaction =>
        {
            if (FindUser(name, transaction) is not null)
            {
                return false;
            }
            using var command = Command("""
                INSERT INTO users (name, role, password_hash, password_salt, password_iterations, created_at)
                VALUES (@name, @role, @hash, @salt, @iterations, @at)
                """, transaction);
            command.AddParameter("@name", name);
            command.AddParameter("@role", role.ToText());
            command.AddParameter("@hash", hash);
            command.AddParameter("@salt", salt);
            command.AddParameter("@iterations", (long)iterations);
            command.AddParameter("@at", DateTimeOffset.UtcNow);
            command.ExecuteNonQuery();
            Audit(transaction, actor, "add-user", $"{name} as {role.ToText()}");
            return true;
        });
    }

    /// <summary>The user if the password is theirs; null for a wrong password or an unknown name, in the same time.</summary>
    public StoredUser? VerifyPassword(string name, string password)
    {
        using var command = Command("SELECT password_hash, password_salt, password_iterations FROM users WHERE name = @name");
        command.AddParameter("@name", name);
        string? hash = null, salt = null;
        var iterations = 0;
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                (hash, salt, iterations) = (reader.GetString(0), reader.GetString(1), (int)reader.GetInt64(2));
            }
        }
        if (hash is null || salt is null)
        {
            PasswordHasher.VerifyNothing(password);
            return null;
        }
        return PasswordHasher.Verify(password, hash, salt, iterations) ? FindUser(name, null) : null;
    }

    public StoredUser? GetUser(string name) => FindUser(name, null);

    private StoredUser? FindUser(string name, DbTransaction? transaction)
    {
        using var command = Command("SELECT user_id, name, role, created_at FROM users WHERE name = @name", transaction);
        command.AddParameter("@name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() && UserRoleText.TryParse(reader.GetString(2), out var role)
            ? new StoredUser(reader.GetInt64(0), reader.GetString(1), role, reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }
}
