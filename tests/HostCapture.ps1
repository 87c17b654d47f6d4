# Dot-sourced (after common.ps1) by the Pester files whose commands write to the host itself: ShouldProcess's
# "What if: ..." lines go to $Host.UI, which no stream redirection (*>, 6>, Out-Null) catches, so a -WhatIf run in the
# test session would print them among Pester's output. Invoke-WithRecordingHost runs a script block in a runspace of
# its own, with the built module imported and a host that records every line instead of printing it.

if (-not ('GraphMailTests.RecordingHost' -as [type])) {
    Add-Type -TypeDefinition @'
namespace GraphMailTests
{
    using System;
    using System.Collections.Generic;
    using System.Globalization;
    using System.Management.Automation;
    using System.Management.Automation.Host;
    using System.Security;

    /// <summary>A host that keeps what commands write to it (lines, warnings, verbose) and refuses every prompt.</summary>
    public sealed class RecordingHost : PSHost
    {
        private readonly RecordingHostUI _ui = new RecordingHostUI();
        private readonly Guid _id = Guid.NewGuid();

        public List<string> Lines { get { return _ui.Lines; } }

        public override CultureInfo CurrentCulture { get { return CultureInfo.CurrentCulture; } }
        public override CultureInfo CurrentUICulture { get { return CultureInfo.CurrentUICulture; } }
        public override Guid InstanceId { get { return _id; } }
        public override string Name { get { return "GraphMailTests.RecordingHost"; } }
        public override PSHostUserInterface UI { get { return _ui; } }
        public override Version Version { get { return new Version(1, 0); } }
        public override void EnterNestedPrompt() { throw new NotSupportedException(); }
        public override void ExitNestedPrompt() { throw new NotSupportedException(); }
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    public sealed class RecordingHostUI : PSHostUserInterface
    {
        private readonly List<string> _lines = new List<string>();
        private string _partial = string.Empty;

        public List<string> Lines { get { lock (_lines) { return new List<string>(_lines); } } }
        public override PSHostRawUserInterface RawUI { get { return null; } }

        private void Add(string line) { lock (_lines) { _lines.Add(_partial + line); _partial = string.Empty; } }

        public override void Write(string value) { lock (_lines) { _partial += value; } }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { Write(value); }
        public override void WriteLine(string value) { Add(value); }
        public override void WriteErrorLine(string value) { Add(value); }
        public override void WriteDebugLine(string message) { Add("DEBUG: " + message); }
        public override void WriteVerboseLine(string message) { Add("VERBOSE: " + message); }
        public override void WriteWarningLine(string message) { Add("WARNING: " + message); }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override string ReadLine() { throw new NotSupportedException("The recording host answers no prompt."); }
        public override SecureString ReadLineAsSecureString() { throw new NotSupportedException("The recording host answers no prompt."); }
        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) { throw new NotSupportedException("The recording host answers no prompt."); }
        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) { throw new NotSupportedException("The recording host answers no prompt."); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) { throw new NotSupportedException("The recording host answers no prompt."); }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) { throw new NotSupportedException("The recording host answers no prompt."); }
    }
}
'@
}

function Invoke-WithRecordingHost {
    <#
    .SYNOPSIS
    Runs ScriptBlock in a new runspace (the built module imported, Variables set there) whose host records what is
    written to it. Returns Output (the pipeline's objects), Errors (its error stream) and HostLines.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [scriptblock] $ScriptBlock,

        [hashtable] $Variables = @{}
    )

    $recording = [GraphMailTests.RecordingHost]::new()
    $runspace = [runspacefactory]::CreateRunspace($recording)
    try {
        $runspace.Open()
        foreach ($name in $Variables.Keys) {
            $runspace.SessionStateProxy.SetVariable($name, $Variables[$name])
        }

        $shell = [powershell]::Create()
        try {
            $shell.Runspace = $runspace
            $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddParameter('ErrorAction', 'Stop').AddStatement()
            $null = $shell.AddScript($ScriptBlock.ToString())
            $output = $shell.Invoke()
            [pscustomobject]@{
                Output    = @($output)
                Errors    = @($shell.Streams.Error)
                HostLines = @($recording.Lines)
            }
        }
        finally {
            $shell.Dispose()
        }
    }
    finally {
        $runspace.Dispose()
    }
}
