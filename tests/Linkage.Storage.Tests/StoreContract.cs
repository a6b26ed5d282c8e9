namespace Linkage.Tests;

/// <summary>
/// A suite run once per database by its derived classes: the database is created on first use and dropped with
/// the test class instance.
/// </summary>
public abstract class StoreContract(Func<StoreTarget> target) : IDisposable
{
    private readonly Lazy<StoreTarget> _target = new(target);

    protected StoreTarget Database => _target.Value;

    public void Dispose()
    {
        if (_target.IsValueCreated)
        {
            _target.Value.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
