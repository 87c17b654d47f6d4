using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Applications;

/// <summary>The directory tests share one sandbox and change its settings (approver, replication delay): one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ApplicationCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "Directory work against one sandbox";
}
