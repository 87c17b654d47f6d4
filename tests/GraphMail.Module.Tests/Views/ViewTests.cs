using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Views;

/// <summary>
/// Every view in GraphMail.Format.ps1xml renders real objects of its type through Out-String at 79 (an 80-column Windows console), 80 and 120 columns
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
        $Objects['GraphMail.GraphMailException'] = (Send-GraphMail -From nobody@contoso.com -To ops@contoso.com -Subject 'A view' -PassThru -ErrorAction SilentlyContinue).Error
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
                foreach ($width in 79, 80, 120) {
                    $items = @($Objects[$format.TypeNames[0]])
                    [pscustomobject]@{
                        Type = $format.TypeNames[0]; View = $view.Name; Width = $width; Count = $items.Count; Kind = $formatter
                        Headers = if ($formatter -eq 'Format-Table') { @($view.Control.Headers.Label) -join '|' } else { '' }
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

        var rendered = run.Output.Select(o => (Type: (string)o.Property("Type")!, View: (string)o.Property("View")!, Width: (int)o.Property("Width")!, Count: (int)o.Property("Count")!, Text: (string)o.Property("Text")!, Kind: (string)o.Property("Kind")!, Headers: (string)o.Property("Headers")!)).ToList();
        Assert.NotEmpty(rendered);
        Assert.All(rendered, r =>
        {
            Assert.True(r.Count > 0, $"no {r.Type} object was made to render its view {r.View}");
            Assert.False(string.IsNullOrWhiteSpace(r.Text), $"{r.Type} view {r.View} rendered nothing at {r.Width}");
            Assert.All(r.Text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= r.Width, $"{r.Type} view {r.View}: a line is wider than {r.Width}"));
            if (r.Kind == "Format-Table")
            {
                // One line per object under one line of headers, each header whole (none broken letter by letter).
                var lines = Lines(r.Text);
                Assert.True(lines.Count == r.Count + 2, $"{r.Type} table {r.View} at {r.Width}: {r.Count} objects took {lines.Count - 2} lines:\n{r.Text}");
                Assert.Equal(r.Headers.Split('|'), lines[0].Split(' ', System.StringSplitOptions.RemoveEmptyEntries));
            }
        });
        Assert.Contains(rendered, r => r.Type == "GraphMail.SetupCheckResult" && r.Kind == "Format-List");
        Assert.Contains(rendered, r => r.Type == "GraphMail.MailboxScopeStep" && r.Kind == "Format-List");
        Assert.Contains("GraphMail.SendResult", rendered.Select(r => r.Type));
    }

    private static System.Collections.Generic.List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();

    private string RenderDefault(string script, int width)
    {
        using var shell = new ModuleRunspace();
        var variables = sandbox.SenderVariables();
        variables["TenantGuid"] = SandboxDefaults.TenantId;
        return shell.Render(FakeExchangeOnline.Script + SandboxFixture.ConnectSender + "\n" + script, width, variables);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void TestGraphMailSetupShowsOneLinePerCheckThenItsSummaryReadyFirst(int width)
    {
        var text = RenderDefault("Test-GraphMailSetup -Mailbox noreply@contoso.com -OutOfScopeMailbox ceo@contoso.com -WarningAction SilentlyContinue", width);

        var lines = Lines(text);
        Assert.All(lines, l => Assert.True(l.Length <= width, "wider than " + width + ": " + l));
        Assert.Equal(["Check", "Status", "Detail"], lines[0].Split(' ', System.StringSplitOptions.RemoveEmptyEntries));
        string[] checks = ["Tenant", "Registration", "Credential", "Permissions", "SenderMailbox", "SenderAccess", "VerificationSend", "Scoping", "LargeAttachments", "ExactlyOnce", "SendingLimits"];
        var rows = lines.Skip(2).TakeWhile(l => !l.StartsWith("Ready", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(checks.Length, rows.Count); // one line per check, nothing wrapped
        Assert.All(rows, row => Assert.Contains(row.Split(' ')[0], checks));
        var summary = lines.Skip(2 + rows.Count).ToList();
        Assert.Matches(@"^Ready\s+: (True|False)$", summary[0]);
        Assert.Contains(summary, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Checks\s+: \d+ passed, \d+ failed, \d+ warnings, \d+ skipped$"));
        Assert.DoesNotContain(summary, l => l.StartsWith("Passed ", System.StringComparison.Ordinal)); // not the default list of every property
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void AFailedSetupsSummaryNamesTheLayerAndItsWholeRemedyAtAnyWidth(int width)
    {
        // The check lines are cut to the width, so the summary must carry the failing layer and its fix in full.
        const string Unconsented = "496c0d13-47bb-44aa-b10b-4ce402cb1d21";
        var text = RenderDefault(
            $"Test-GraphMailSetup -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId {Unconsented} -ClientSecret (ConvertTo-SecureString 'Sbx8Q~Unconsented.Secret-0002' -AsPlainText -Force) -Mailbox noreply@contoso.com",
            width);

        var lines = Lines(text);
        Assert.All(lines, l => Assert.True(l.Length <= width, "wider than " + width + ": " + l));
        var summary = lines.SkipWhile(l => !l.StartsWith("Ready", System.StringComparison.Ordinal)).ToList();
        Assert.Matches(@"^Ready\s+: False$", summary[0]);
        Assert.StartsWith("Issue        : Permissions failed: The token holds no application permissions", summary[1], System.StringComparison.Ordinal);
        var remedy = string.Concat(summary.SkipWhile(l => !l.StartsWith("Remedy", System.StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("TenantDomain", System.StringComparison.Ordinal)));
        Assert.Contains(Squeezed($"Get-GraphMailConsentUrl -ClientId {Unconsented} -Tenant contoso.com, open the link as a Global or Privileged Role Administrator and accept"), Squeezed(remedy), System.StringComparison.Ordinal);
    }

    [Fact]
    public void APassedSetupsSummaryShowsNoIssueLines()
    {
        var lines = Lines(RenderDefault("Test-GraphMailSetup -Mailbox noreply@contoso.com -WarningAction SilentlyContinue | Select-Object -Last 1", 80));

        Assert.DoesNotContain(lines, l => l.StartsWith("Issue", System.StringComparison.Ordinal) || l.StartsWith("Remedy", System.StringComparison.Ordinal));
        Assert.Matches(@"^Ready\s+: True$", lines[0]);
    }

    private static string Squeezed(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", string.Empty);

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void ASendResultsListShowsTheWholeMessageIdOnOneLine(int width)
    {
        var text = RenderDefault("Send-GraphMail -To ops@contoso.com -Subject 'A view' -PassThru | Format-List", width);

        var line = Assert.Single(Lines(text), l => l.StartsWith("InternetMessageId", System.StringComparison.Ordinal));
        Assert.Matches(@"^InternetMessageId : <[0-9a-f]{32}@contoso\.com>$", line);
    }

    [Fact]
    public void ASendResultsErrorShowsItsFixAndNoStackTrace()
    {
        // A sender that is no mailbox: Graph refuses it, and the result carries the error (never its inner exception's stack).
        var text = RenderDefault("""
            $failed = Send-GraphMail -From nobody@contoso.com -To ops@contoso.com -Subject 'An error' -PassThru -ErrorAction SilentlyContinue
            $failed.Error | Format-List
            """, 80);

        var lines = Lines(text);
        Assert.Equal(["ErrorId", "Kind", "Cause", "Fix", "ServiceCode", "HttpStatus", "RequestId"], lines.Where(l => !l.StartsWith(' ')).Select(l => l.Split(' ')[0]));
        Assert.DoesNotMatch(@"\bat [A-Z][\w.]+\.[\w<>]+\(", text); // a stack frame: at Namespace.Type.Method(
        Assert.Contains("SenderMailboxNotFound", lines[0], System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void TheConnectionTableKeepsEveryHeaderWhole(int width)
    {
        var text = RenderDefault("Get-GraphMailConnection | Format-Table", width);

        var lines = Lines(text);
        Assert.Equal(3, lines.Count);
        Assert.Equal(["Tenant", "Credential", "Cloud", "TokenExpiresOn", "DefaultFrom"], lines[0].Split(' ', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^contoso\.com\s+ClientSecret\s+Sandbox\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+noreply@contoso\.com$", lines[2]);
    }

    /// <summary>
    /// The sandbox's tables at 80 columns, at 79 (what an 80-column Windows console leaves a table) and narrower: every
    /// header whole (not "Attachment" over "s", "Sourc" over "e"), one line per object, and an attachment's Source whole
    /// (uploadSession, not "upload…"), its content ID shown.
    /// </summary>
    [Theory]
    [InlineData(80)]
    [InlineData(79)]
    [InlineData(72)]
    public void TheSandboxTablesKeepHeadersAndSourcesWhole(int width)
    {
        using var shell = new ModuleRunspace();
        var variables = new System.Collections.Hashtable { ["Width"] = width };
        var run = shell.Run("""
            $sandbox = Start-GraphMailSandbox
            try {
                $folder = (New-Item -ItemType Directory (Join-Path ([System.IO.Path]::GetTempPath()) ('graphmail-view-' + [guid]::NewGuid()))).FullName
                Set-Content -LiteralPath "$folder/notes-with-a-name-much-longer-than-its-column.txt" -Value 'attached'
                [System.IO.File]::WriteAllBytes("$folder/logo.png", [byte[]](137, 80, 78, 71))
                [System.IO.File]::WriteAllBytes("$folder/export.zip", [byte[]]::new(3.5MB))
                $secret = ConvertTo-SecureString 'Sbx8Q~LargeAttachments.Secret-0005' -AsPlainText -Force
                Connect-GraphMail -Sandbox $sandbox -TenantId contoso.com -ClientId d0bf47c5-e6e9-4011-86fc-e62ba8a2cdda -ClientSecret $secret -DefaultFrom noreply@contoso.com
                Send-GraphMail -To ops@contoso.com, second.person@fabrikam.com -Subject 'A subject longer than its column' -Body '<img src="cid:logo">' -BodyAsHtml -Attachments "$folder/notes-with-a-name-much-longer-than-its-column.txt", "$folder/export.zip" -InlineAttachment @{ logo = "$folder/logo.png" }
                Send-GraphMail -To ops@contoso.com -Subject 'Small' -Body 'x'
                Remove-Item -LiteralPath $folder -Recurse
                Get-GraphMailSandboxMessage | Out-String -Width $Width
                (Get-GraphMailSandboxMessage)[0].Attachments | Out-String -Width $Width
            }
            finally {
                Disconnect-GraphMail -WarningAction SilentlyContinue
                Stop-GraphMailSandbox -Sandbox $sandbox
            }
            """, variables).Succeeded();

        var messages = Lines((string)run.Output[0].BaseObject);
        var attachments = Lines((string)run.Output[1].BaseObject);
        Assert.Equal(["Received", "Mailbox", "To", "Subject", "Attachments"], messages[0].Split(' ', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(4, messages.Count);
        Assert.EndsWith(" 3", messages[2], System.StringComparison.Ordinal);
        Assert.Equal(["Name", "ContentType", "Size", "Inline", "Source"], attachments[0].Split(' ', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(5, attachments.Count);
        Assert.Contains(attachments, l => l.StartsWith("export.zip ", System.StringComparison.Ordinal) && l.EndsWith(" uploadSession", System.StringComparison.Ordinal));
        Assert.Contains(attachments, l => l.StartsWith("logo.png ", System.StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(l, @" logo\s+inline$"));
        Assert.All(messages.Concat(attachments), l => Assert.True(l.Length <= width, $"wider than {width}: {l}"));
    }

    [Theory]
    [InlineData("GraphMail.SetupCheckResult", "Check,Status,Detail")]
    [InlineData("GraphMail.MailboxScopeStep", "Step,Status,Command")]
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
