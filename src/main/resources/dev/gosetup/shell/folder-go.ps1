# Per-folder Go for projects that name their version only in .go-version or .tool-versions (on with
# `gosetup env --folder-versions`): go itself reads go.work and go.mod, not these files. At each prompt (and, in
# PowerShell 7, at each change of location, so a prompt that a later profile replaces does not switch it off),
# in such a folder, GOTOOLCHAIN=go1.X.Y@SUFFIX@ makes go run go1.X.Y from the sdk folder's bin; outside it, the
# previous value comes back (unless it was changed by hand meanwhile). The same rules as env.sh and env.fish.
# Strict mode, $ErrorActionPreference and an unreadable file in a user's session must not reach the prompt: each
# function turns strict mode off for itself only, catches everything, and prints nothing.
$global:__gosetup_sdk = @SDK@
function global:__gosetup_folder_go {
    Set-StrictMode -Off
    try {
        $v = __gosetup_folder_version
        $want = ''
        if ($v) { $want = "go$v@SUFFIX@" }
        if ($null -ne $global:__gosetup_seen -and $global:__gosetup_seen -ceq $want) { return } # nothing changed
        $global:__gosetup_seen = $want
        # [Environment] rather than $env: so that an unset variable is plainly $null in every mode
        $tc = [Environment]::GetEnvironmentVariable('GOTOOLCHAIN')
        $mark = [Environment]::GetEnvironmentVariable('_GOSETUP_TC')
        $ours = [bool]$mark -and $tc -ceq $mark
        if ($want) {
            if (-not $ours) {
                # "=value", or none when it was unset (PowerShell cannot keep an empty variable; sh writes "")
                $prev = $null
                if ($null -ne $tc) { $prev = "=$tc" }
                [Environment]::SetEnvironmentVariable('_GOSETUP_TC_PREV', $prev)
            }
            [Environment]::SetEnvironmentVariable('GOTOOLCHAIN', $want)
            [Environment]::SetEnvironmentVariable('_GOSETUP_TC', $want)
        } elseif ($mark) {
            if ($ours) {
                $prev = [Environment]::GetEnvironmentVariable('_GOSETUP_TC_PREV')
                if ($prev -and $prev.StartsWith('=', [StringComparison]::Ordinal)) {
                    [Environment]::SetEnvironmentVariable('GOTOOLCHAIN', $prev.Substring(1))
                } else {
                    [Environment]::SetEnvironmentVariable('GOTOOLCHAIN', $null)
                }
            }
            [Environment]::SetEnvironmentVariable('_GOSETUP_TC', $null)
            [Environment]::SetEnvironmentVariable('_GOSETUP_TC_PREV', $null)
        }
    } catch {
        # a hook must never break the prompt
    }
}
# The version the folder's nearest .go-version, or else nearest .tool-versions with a golang or go entry, names (a
# line such as 1.22 or 1.22.x: its newest installed patch); '' when there is none, when a go.mod or go.work is
# above (go decides there), or when the location is not a folder (Registry::, Env:), as `gosetup project` reads them.
function global:__gosetup_folder_version {
    Set-StrictMode -Off
    $here = $ExecutionContext.SessionState.Path.CurrentLocation
    if ($here.Provider.Name -ne 'FileSystem') { return '' }
    $gowork = [Environment]::GetEnvironmentVariable('GOWORK')
    if ($gowork -and $gowork -ne 'off' -and ($gowork.StartsWith('/', [StringComparison]::Ordinal) -or $gowork -match '^([A-Za-z]:[\\/]|\\\\)') -and
            [IO.File]::Exists($gowork)) {
        return ''
    }
    $d = $here.ProviderPath # the real path also for a PSDrive of the user's own
    $word = ''
    while ($d) {
        if ([IO.File]::Exists([IO.Path]::Combine($d, 'go.mod'))) { return '' }
        if ($gowork -ne 'off' -and [IO.File]::Exists([IO.Path]::Combine($d, 'go.work'))) { return '' }
        if (-not $word -and [IO.File]::Exists([IO.Path]::Combine($d, '.go-version'))) {
            $word = __gosetup_read_word ([IO.Path]::Combine($d, '.go-version')) $false
            if (-not $word) { $word = '-' } # an empty .go-version still decides: nothing
        }
        if (-not $word -and [IO.File]::Exists([IO.Path]::Combine($d, '.tool-versions'))) {
            $word = __gosetup_read_word ([IO.Path]::Combine($d, '.tool-versions')) $true
        }
        $d = [IO.Path]::GetDirectoryName($d) # $null above the root
    }
    if ($word.StartsWith('go', [StringComparison]::Ordinal)) { $word = $word.Substring(2) }
    # -cmatch: case-sensitive and [0-9], as sh reads it (PowerShell's -match ignores case and \d takes any digit)
    if ($word -cmatch '^1\.[0-9]+(\.[0-9]+|(rc|beta)[1-9][0-9]*)\z') { return $word }
    if (-not ($word -cmatch '^1\.([0-9]+)(\.x)?\z')) { return '' }
    $minor = $Matches[1]
    $go = 'go'
    if ([IO.Path]::DirectorySeparatorChar -eq '\') { $go = 'go.exe' }
    $best = -1
    try {
        foreach ($dir in [IO.Directory]::GetDirectories($global:__gosetup_sdk, "go1.$minor.*")) {
            if (-not ([IO.Path]::GetFileName($dir) -cmatch "^go1\.$minor\.([0-9]{1,9})\z")) { continue }
            $patch = [int]$Matches[1]
            if ($patch -gt $best -and [IO.File]::Exists([IO.Path]::Combine([IO.Path]::Combine($dir, 'bin'), $go))) {
                $best = $patch
            }
        }
    } catch {
        # no sdk folder, or an unreadable one: nothing installed
    }
    if ($best -ge 0) { return "1.$minor.$best" }
    return ''
}
# The first word of the first line that is not blank or a comment; with $tool, the version of the golang or go entry.
# Only a file of 1 to @MAX@ bytes is read: a huge file cannot hold up the prompt, and a FIFO or a device, whose
# length is 0, is never opened (opening a FIFO waits for a writer).
function global:__gosetup_read_word([string] $file, [bool] $tool) {
    Set-StrictMode -Off
    try {
        $length = (New-Object IO.FileInfo $file).Length
        if ($length -lt 1 -or $length -gt @MAX@) { return '' }
        foreach ($line in [IO.File]::ReadAllLines($file)) {
            $words = $line.Split([char[]] " `t`r", [StringSplitOptions]::RemoveEmptyEntries)
            if ($words.Count -eq 0 -or $words[0].StartsWith('#', [StringComparison]::Ordinal)) { continue }
            if (-not $tool) { return $words[0] }
            if (($words[0] -ceq 'golang' -or $words[0] -ceq 'go') -and $words.Count -ge 2) {
                $v = $words[1].Split([char] '#')[0]
                if ($v) { return $v }
            }
        }
    } catch {
        # unreadable: as if empty
    }
    return ''
}
# The prompt runs the hook first and then the prompt that was there, whose text, $? and $LASTEXITCODE stay as they
# were (the hook runs no program). Sourcing this again does not wrap it twice.
if (-not (Get-Variable -Name __gosetup_folder_hooked -Scope Global -ErrorAction Ignore)) {
    $global:__gosetup_folder_hooked = $true
    $global:__gosetup_prompt_old = $null
    $__gosetupPrompt = Get-Item -LiteralPath Function:\prompt -ErrorAction Ignore
    if ($__gosetupPrompt) { $global:__gosetup_prompt_old = $__gosetupPrompt.ScriptBlock }
    function global:prompt {
        $ok = $global:?
        $null = __gosetup_folder_go
        if ($null -eq $global:__gosetup_prompt_old) {
            return "PS $($ExecutionContext.SessionState.Path.CurrentLocation)$('>' * ($NestedPromptLevel + 1)) "
        }
        if (-not $ok) { Write-Error -Message 'prompt' -ErrorAction Ignore } # gives the old prompt the $? it expects (not kept in $Error)
        & $global:__gosetup_prompt_old
    }
    if ($PSVersionTable.PSVersion.Major -ge 6) {
        # Set-Location, also by a script, switches at once; added to any action already there, as direnv does
        try {
            $__gosetupOnCd = [EventHandler[System.Management.Automation.LocationChangedEventArgs]] { $null = __gosetup_folder_go }
            $ExecutionContext.InvokeCommand.LocationChangedAction =
                [Delegate]::Combine($ExecutionContext.InvokeCommand.LocationChangedAction, $__gosetupOnCd)
            Remove-Variable __gosetupOnCd
        } catch {
            # a session that allows no delegates (constrained language): the prompt still runs the hook
        }
    }
    Remove-Variable __gosetupPrompt
}
$global:__gosetup_seen = $null
$null = __gosetup_folder_go # a new terminal that starts inside a project gets it at once
