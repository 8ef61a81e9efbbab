using Idaas.Callbacks.Samples.Receiver.Directory;
using Microsoft.Data.Sqlite;

namespace Idaas.Callbacks.Samples.Receiver.Tests.Support;

/// <summary>A folder under the system temp folder with a database path in a subfolder that does not exist yet.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "idaas-sample-tests", Guid.NewGuid().ToString("N"));
        DatabasePath = Path.Combine(Folder, "data", "directory.db");

        // The folder serves as a content root too, which must exist; the database's own folder must not.
        System.IO.Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public DirectoryStore CreateStore()
    {
        var store = new DirectoryStore(DatabasePath);
        store.Initialize();
        return store;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Folder))
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
    }
}
