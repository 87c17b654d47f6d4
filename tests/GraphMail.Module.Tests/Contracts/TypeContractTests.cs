using System.Collections.Generic;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Contracts;

/// <summary>
/// Isolation rule 2: every parameter and output type PowerShell resolves for a GraphMail cmdlet lives in the default
/// load context (the BCL, PowerShell, GraphMail or GraphMail.Shared), never the engine, MSAL or the Graph SDK.
/// </summary>
public sealed class TypeContractTests
{
    public static IEnumerable<object[]> Cmdlets() => CommandMetadata.All.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ParameterAndOutputTypesAreBclPowerShellOrGraphMailSharedOnly(string cmdlet)
    {
        var shape = CommandMetadata.Get(cmdlet);
        var types = shape.Parameters.Select(p => p.Type).Concat(shape.OutputTypes).ToList();

        Assert.NotEmpty(shape.OutputTypes.Concat(shape.Parameters.Select(p => p.Type)).Concat([shape.ImplementingType]));
        Assert.All(types, type =>
        {
            var element = type.IsArray ? type.GetElementType()! : System.Nullable.GetUnderlyingType(type) ?? type;
            var assembly = element.Assembly.GetName().Name!;
            Assert.True(
                assembly is "System.Private.CoreLib" or "System.Management.Automation" or "GraphMail.Shared" or "GraphMail" || assembly.StartsWith("System.", System.StringComparison.Ordinal),
                $"{cmdlet}: {type.FullName} comes from {assembly}");
            Assert.Equal("Default", System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(element.Assembly)!.Name);
        });
        Assert.DoesNotContain(types, type => type.FullName!.StartsWith("GraphMail.Engine", System.StringComparison.Ordinal) || type.FullName.Contains("Identity.Client") || type.FullName.Contains("Microsoft.Graph"));
    }
}
