using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Views;

/// <summary>
/// Every view in GraphMail.Format.ps1xml renders real objects of its type through Out-String at 80 and 120 columns
/// without an error, and every type that has a view is covered here.
/// </summary>
public sealed class ViewTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture sandbox;

    public ViewTests(SandboxFixture sandbox)
    {
        this.sandbox = sandbox;
        sandbox.Control.UpdateSettings(s => s with { DeviceCodeApprover = SandboxDefaults.Admin, ReplicationDelaySeconds = 0 });
    }

    // Objects of every viewed type, made by the cmdlets themselves, in $Objects[<type name>].
    private const string MakeObjects = FakeExchangeOnline.Script + SandboxFixture.ConnectSender + """

        $Objects = @{}
        $Objects['GraphMail.ConnectionInfo'] = Get-GraphMailConnection
        $Objects['GraphMail.SendResult'] = Send-GraphMail -To ops@contoso.com -Subject 'A view' -PassThru
        $checks = Test-GraphMailSetup -Mailbox noreply@contoso.com -OutOfScopeMailbox ceo@contoso.com -WarningAction SilentlyContinue
        $Objects['GraphMail.SetupCheckResult'] = $checks | Where-Object { $_ -is [GraphMail.SetupCheckResult] }
        $Objects['GraphMail.SetupSummary'] = $checks | Where-Object { $_ -is [GraphMail.SetupSummary] }
        $Objects['GraphMail.ConsentLink'] = Get-GraphMailConsentUrl -ClientId $ClientId -Tenant contoso.com -SkipTenantLookup
        $Objects['GraphMail.ManagedIdentityConsentScript'] = Get-GraphMailConsentUrl -ManagedIdentity 'automation-account'
        $Objects['GraphMail.ConsentResponse'] = ConvertFrom-GraphMailConsentResponse -Uri "https://vendor.example/consent?admin_consent=True&tenant=$TenantGuid"
        $Objects['GraphMail.MailboxScopeStep'] = New-GraphMailMailboxScope -ClientId $ClientId -Mailbox noreply@contoso.com -ServicePrincipalObjectId 6c0f1e42-52a5-4bd8-a3a2-1c9d2c1e7b11 -WhatIf -WarningAction SilentlyContinue
        $Objects['GraphMail.AdminConnectionInfo'] = Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $SandboxReadyLine -PassThru -WarningAction SilentlyContinue
        $app = New-GraphMailApplication -DisplayName ('A view ' + [guid]::NewGuid()) -ClientSecret -TenantId contoso.com -Sandbox $SandboxReadyLine -WaitTimeoutSeconds 0
        $Objects['GraphMail.GraphMailApplication'] = $app
        $Objects['GraphMail.GraphMailApplicationStep'] = $app.Steps
        $sandbox = Start-GraphMailSandbox
        try {
            Connect-GraphMail -Sandbox $sandbox -TenantId contoso.com -ClientId $ClientId -ClientSecret $ClientSecret -DefaultFrom noreply@contoso.com
            $attachment = Join-Path ([System.IO.Path]::GetTempPath()) ('graphmail-view-' + [guid]::NewGuid() + '.txt')
            Set-Content -LiteralPath $attachment -Value 'attached'
            Send-GraphMail -To ops@contoso.com -Subject 'With an attachment' -Attachments $attachment
            Remove-Item -LiteralPath $attachment
            $Objects['GraphMail.SandboxInstance'] = $sandbox
            $Objects['GraphMail.SandboxMessage'] = Get-GraphMailSandboxMessage
            $Objects['GraphMail.SandboxAttachment'] = (Get-GraphMailSandboxMessage).Attachments
        }
        finally {
            Stop-GraphMailSandbox -Sandbox $sandbox
        }

        """;

    // Each view of each type, by name, through the Format- cmdlet of its kind, at both widths.
    private const string RenderEveryView = """
        foreach ($format in Get-FormatData -TypeName 'GraphMail.*') {
            foreach ($view in $format.FormatViewDefinition) {
                $formatter = switch ($view.Control.GetType().Name) { 'TableControl' { 'Format-Table' } 'ListControl' { 'Format-List' } 'WideControl' { 'Format-Wide' } default { 'Format-Custom' } }
                foreach ($width in 80, 120) {
                    $items = @($Objects[$format.TypeNames[0]])
                    [pscustomobject]@{
                        Type = $format.TypeNames[0]; View = $view.Name; Width = $width; Count = $items.Count
                        Text = $items | & $formatter -View $view.Name | Out-String -Width $width
                    }
                }
            }
        }
        """;

    [Fact]
    public void EveryViewRendersAtEightyAndOneHundredTwentyColumns()
    {
        using var shell = new ModuleRunspace();
        var variables = sandbox.SenderVariables();
        variables["TenantGuid"] = SandboxDefaults.TenantId;

        var run = shell.Run(MakeObjects + RenderEveryView, variables).Succeeded();

        var rendered = run.Output.Select(o => (Type: (string)o.Property("Type")!, View: (string)o.Property("View")!, Width: (int)o.Property("Width")!, Count: (int)o.Property("Count")!, Text: (string)o.Property("Text")!)).ToList();
        Assert.NotEmpty(rendered);
        Assert.All(rendered, r =>
        {
            Assert.True(r.Count > 0, $"no {r.Type} object was made to render its view {r.View}");
            Assert.False(string.IsNullOrWhiteSpace(r.Text), $"{r.Type} view {r.View} rendered nothing at {r.Width}");
            Assert.All(r.Text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= r.Width, $"{r.Type} view {r.View}: a line is wider than {r.Width}"));
        });
        Assert.Contains("GraphMail.SendResult", rendered.Select(r => r.Type));
    }

    [Theory]
    [InlineData("GraphMail.SetupCheckResult", "Check,Status,Detail,Remedy")]
    [InlineData("GraphMail.MailboxScopeStep", "Step,Status,Command,Error")]
    public void TheTableViewHasTheColumns(string type, string columns)
    {
        using var shell = new ModuleRunspace();
        var variables = sandbox.SenderVariables();
        variables["TenantGuid"] = SandboxDefaults.TenantId;
        variables["Type"] = type;

        var run = shell.Run(MakeObjects.Replace("$sandbox = Start-GraphMailSandbox", "$sandbox = $null; return", System.StringComparison.Ordinal) + "\n", variables);
        var header = shell.Run("$Objects[$Type] | Format-Table | Out-String -Width 120", variables);

        Assert.Null(run.Terminating);
        var text = string.Concat(header.Succeeded().Objects);
        var headerLine = text.Split('\n').First(l => l.Trim().Length > 0);
        Assert.Equal(columns.Split(','), headerLine.Split(' ', System.StringSplitOptions.RemoveEmptyEntries));
    }
}
