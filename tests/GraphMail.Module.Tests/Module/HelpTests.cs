using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using GraphMail.Docs;
using GraphMail.Module.Tests.Infrastructure;
using CommandMetadata = GraphMail.Module.Tests.Infrastructure.CommandMetadata;

namespace GraphMail.Module.Tests.Module;

/// <summary>
/// Get-Help as a user reads it, over the built module's MAML (written at build time from docs/en-US), and the docs
/// page against the compiled cmdlet: same parameters, sets, positions, mandatory flags, aliases and pipeline binding.
/// </summary>
public sealed class HelpTests : IClassFixture<HelpTests.HelpSession>
{
    private const string AllSets = "__AllParameterSets";
    private readonly HelpSession _session;

    public HelpTests(HelpSession session) => _session = session;

    public static IEnumerable<object[]> Cmdlets() => CommandMetadata.All.Select(c => new object[] { c.Name });

    /// <summary>One runspace for every Get-Help call.</summary>
    public sealed class HelpSession : IDisposable
    {
        public ModuleRunspace Shell { get; } = new();

        public void Dispose() => Shell.Dispose();
    }

    private static HelpPage PageOf(string cmdlet) => HelpPageReader.Read(Path.Combine(BuiltModule.RepositoryRoot, "docs", "en-US", cmdlet + ".md"));

    private PSObject Help(string cmdlet, string switches)
    {
        var run = _session.Shell.Run($"Get-Help -Name '{cmdlet}' {switches}");
        Assert.True(run.AllErrors.Count == 0, string.Join("; ", run.AllErrors));
        return Assert.Single(run.Output);
    }

    private static string Text(object? paragraphs) => paragraphs is null
        ? string.Empty
        : string.Join("\n", LanguagePrimitives.GetEnumerable(paragraphs)?.Cast<object>().Select(p => PSObject.AsPSObject(p).Properties["Text"]?.Value?.ToString())
                            ?? new[] { PSObject.AsPSObject(paragraphs).Properties["Text"]?.Value?.ToString() });

    private static object? Property(object? value, string name) => value is null ? null : PSObject.AsPSObject(value).Properties[name]?.Value;

    private static IEnumerable<object> Items(object? value) =>
        value is null ? Enumerable.Empty<object>() : LanguagePrimitives.GetEnumerable(value)?.Cast<object>() ?? new[] { value };

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void GetHelpFullShowsTheSynopsisDescriptionEveryParameterAndAnExample(string cmdlet)
    {
        var page = PageOf(cmdlet);
        var help = Help(cmdlet, "-Full");

        Assert.Equal(page.Synopsis, Property(help, "Synopsis")?.ToString());
        Assert.StartsWith(page.Description[0], Text(Property(help, "description")), StringComparison.Ordinal);

        var parameters = Items(Property(Property(help, "parameters"), "parameter")).ToDictionary(p => Property(p, "name")!.ToString()!, StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in CommandMetadata.Get(cmdlet).ParameterNames)
        {
            Assert.True(parameters.TryGetValue(parameter, out var shown), $"Get-Help {cmdlet} -Full does not show -{parameter}");
            Assert.False(string.IsNullOrWhiteSpace(Text(Property(shown, "description"))), $"Get-Help {cmdlet} -Full shows -{parameter} without a description");
        }

        var examples = Items(Property(Property(help, "examples"), "example")).ToList();
        Assert.NotEmpty(examples);
        Assert.Contains(cmdlet, Property(examples[0], "code")?.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(Items(Property(Property(help, "syntax"), "syntaxItem")));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void GetHelpParameterAndExamplesReadTheSameHelp(string cmdlet)
    {
        foreach (var name in CommandMetadata.Get(cmdlet).ParameterNames)
        {
            var parameter = Help(cmdlet, "-Parameter " + name);
            Assert.Equal(name, Property(parameter, "name")?.ToString(), StringComparer.OrdinalIgnoreCase);
            Assert.False(string.IsNullOrWhiteSpace(Text(Property(parameter, "description"))), $"Get-Help {cmdlet} -Parameter {name} has no description");
        }

        var rendered = _session.Shell.Render($"Get-Help -Name '{cmdlet}' -Examples", 120);
        Assert.Contains("Example 1", rendered, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void TheOnlineLinkIsTheCmdletsHelpUri(string cmdlet)
    {
        var run = _session.Shell.Run($"(Get-Command -Name '{cmdlet}').HelpUri; (Get-Help -Name '{cmdlet}').relatedLinks.navigationLink[0].uri");
        Assert.Equal(2, run.Output.Count);
        var helpUri = run.Output[0].ToString();
        Assert.Equal("https://github.com/graphmail/GraphMail/blob/main/docs/en-US/" + cmdlet + ".md", helpUri);
        Assert.Equal(helpUri, run.Output[1].ToString());
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void TheDocsPageAndTheCmdletHaveTheSameParametersAndSets(string cmdlet)
    {
        var page = PageOf(cmdlet);
        var shape = CommandMetadata.Get(cmdlet);

        Assert.Equal(shape.ParameterNames.Order(StringComparer.Ordinal), page.Parameters.Select(p => p.Name).Where(n => n is not ("WhatIf" or "Confirm")).Order(StringComparer.Ordinal));
        Assert.Equal(shape.SupportsShouldProcess, page.Parameters.Any(p => p.Name == "WhatIf"));

        // A default set no parameter names on its own (Test-GraphMailSetup's CurrentConnection) is a set all the same.
        var codeSets = shape.Parameters.Select(p => p.ParameterSet).Where(s => s != AllSets).Distinct().ToList();
        if (codeSets.Count > 0 && shape.DefaultParameterSet is { } defaultSet && !codeSets.Contains(defaultSet))
        {
            codeSets.Add(defaultSet);
        }

        codeSets.Sort(StringComparer.Ordinal);
        var docSets = page.Syntax.Select(s => s.Name).Where(s => s != ParameterUsage.AllSets).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(codeSets, docSets);
        if (codeSets.Count > 0)
        {
            Assert.Equal(shape.DefaultParameterSet, Assert.Single(page.Syntax, s => s.IsDefault).Name);
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void TheDocsPageBindsEveryParameterAsTheCmdletDoes(string cmdlet)
    {
        var page = PageOf(cmdlet);
        var shape = CommandMetadata.Get(cmdlet);
        var sets = page.Syntax.Select(s => s.Name).ToList();

        foreach (var doc in page.Parameters.Where(p => p.Name is not ("WhatIf" or "Confirm")))
        {
            var code = shape.Parameters.Where(p => p.Name == doc.Name).ToList();
            foreach (var set in sets)
            {
                var usage = doc.Usages.FirstOrDefault(u => u.AppliesTo(set));
                var bound = code.FirstOrDefault(p => p.ParameterSet == set) ?? code.FirstOrDefault(p => p.ParameterSet == AllSets);
                var where = $"{cmdlet} -{doc.Name} in set {set}";
                Assert.True((usage is null) == (bound is null), where + (bound is null ? ": the page has it, the cmdlet does not" : ": the cmdlet has it, the page does not"));
                if (usage is null || bound is null)
                {
                    continue;
                }

                Assert.True(bound.Mandatory == usage.Required, $"{where}: Required is {usage.Required} on the page, {bound.Mandatory} in the cmdlet");
                Assert.True((bound.Position?.ToString() ?? "Named") == usage.Position, $"{where}: Position is {usage.Position} on the page, {bound.Position?.ToString() ?? "Named"} in the cmdlet");
                Assert.True(bound.ValueFromPipeline == usage.ByValue, $"{where}: pipeline ByValue is {usage.ByValue} on the page, {bound.ValueFromPipeline} in the cmdlet");
                Assert.True(bound.ValueFromPipelineByPropertyName == usage.ByPropertyName, $"{where}: pipeline ByPropertyName is {usage.ByPropertyName} on the page, {bound.ValueFromPipelineByPropertyName} in the cmdlet");
                Assert.True(bound.Aliases.Order(StringComparer.Ordinal).SequenceEqual(usage.Aliases.Order(StringComparer.Ordinal)), $"{where}: aliases are [{string.Join(", ", usage.Aliases)}] on the page, [{string.Join(", ", bound.Aliases)}] in the cmdlet");
                var type = (Nullable.GetUnderlyingType(bound.Type) ?? bound.Type).Name;
                Assert.True(type == usage.Type, $"{where}: type is {usage.Type} on the page, {type} in the cmdlet");
            }
        }
    }
}
