using System.Management.Automation;

namespace GraphMail.LoadContext;

/// <summary>
/// PowerShell runs this when the module is imported. It only installs the resolver that sends GraphMail's engine
/// (and through it MSAL, Microsoft.Graph and friends) to GraphMail's own load context. It must not touch an
/// engine type: nothing beyond GraphMail's own assemblies is loaded until a cmdlet first needs the engine. Nor does it
/// load the views: the cmdlets do, before they first write (Session/ModuleViews).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport() => IsolatedDependencies.Register();

    /// <summary>Remove-Module: the views the cmdlets loaded into this runspace go with the module (Session/ModuleViews).</summary>
    public void OnRemove(PSModuleInfo psModuleInfo) => Session.ModuleViews.Unload();
}
