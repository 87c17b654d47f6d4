using System.Management.Automation;

namespace GraphMail.LoadContext;

/// <summary>
/// PowerShell runs this when the module is imported. It only installs the resolver that sends GraphMail's engine
/// (and through it MSAL, Microsoft.Graph and friends) to GraphMail's own load context. It must not touch an
/// engine type: nothing beyond GraphMail's own assemblies is loaded until a cmdlet first needs the engine.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    public void OnImport() => IsolatedDependencies.Register();
}
