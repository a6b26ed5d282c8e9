using Linkage.Storage;
using Linkage.Storage.Dialects;
using Npgsql;

namespace Linkage.Tests;

public sealed class LinkStoresTargetTests
{
    [Theory]
    [InlineData("Host=db;Database=linkage", true)]
    [InlineData("postgres://u@db/linkage", true)]
    [InlineData("postgresql://u@db/linkage", true)]
    [InlineData("linkage.db", false)]
    [InlineData("./Host=x.db", false)]
    [InlineData("C:\\data\\postgres.db", false)]
    public void A_connection_string_or_url_names_postgresql_and_anything_else_a_sqlite_file(string target, bool postgres) =>
        Assert.Equal(postgres, LinkStores.IsPostgres(target));

    [Fact]
    public void A_postgres_url_becomes_a_keyword_connection_string()
    {
        var builder = new NpgsqlConnectionStringBuilder(
            PostgresDialect.ToConnectionString("postgresql://review%40er:p%3Ass%2Fw@db.example:6543/link%20age?sslmode=require"));
        Assert.Equal(("db.example", 6543, "link age"), (builder.Host, builder.Port, builder.Database));
        Assert.Equal(("review@er", "p:ss/w"), (builder.Username, builder.Password));
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.DoesNotContain("p:ss", PostgresDialect.Describe("postgresql://u:p%3Ass@db/x"), StringComparison.Ordinal);
    }
}
