using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>The format file's views of the sandbox types name properties those types have (PowerShell would show blanks).</summary>
public sealed class SandboxFormatViewTests
{
    public static IEnumerable<object[]> Views() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "module", "GraphMail.Format.ps1xml"))
            .Descendants("View")
            .Select(v => (Type: v.Element("ViewSelectedBy")!.Element("TypeName")!.Value, Properties: v.Descendants("PropertyName").Select(p => p.Value).ToArray()))
            .Where(v => v.Type.StartsWith("GraphMail.Sandbox", System.StringComparison.Ordinal))
            .Select(v => new object[] { v.Type, v.Properties });

    [Fact]
    public void TheInstanceMessageAndAttachmentHaveViews() =>
        Assert.Equal(["GraphMail.SandboxAttachment", "GraphMail.SandboxInstance", "GraphMail.SandboxMessage"], Views().Select(v => (string)v[0]).OrderBy(t => t));

    [Theory]
    [MemberData(nameof(Views))]
    public void EveryViewedPropertyExists(string typeName, string[] properties)
    {
        var type = typeof(SandboxInstance).Assembly.GetType(typeName, throwOnError: true)!;

        Assert.All(properties, p => Assert.NotNull(type.GetProperty(p)));
    }

    [Fact]
    public void TheInstanceViewLeavesOutTheLongReadyLine()
    {
        var instance = Views().Single(v => (string)v[0] == "GraphMail.SandboxInstance");

        Assert.DoesNotContain("ReadyLine", (string[])instance[1]);
    }
}
