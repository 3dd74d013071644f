package dev.gosetup.shell.terminal;

import dev.gosetup.shell.Shell;
import java.util.HashMap;
import java.util.Map;

/**
 * What the started shell runs once its startup files are done: where go is, what it says, and the PATH.
 * Every answer line carries a marker unique to this run, so the noise startup files print (motd, fortune,
 * prompts, "no job control") is told apart from the answer. go runs with GOTOOLCHAIN=local in / so that a
 * check never downloads a toolchain (a go.mod or GOTOOLCHAIN could ask for one); the GOTOOLCHAIN the
 * terminal has is reported as it is.
 */
final class ProbeScript {
    private ProbeScript() {}

    static String forShell(Shell shell, String marker) {
        return switch (shell) {
            case FISH -> fish(marker);
            case PWSH -> powershell(marker);
            default -> posix(marker);
        };
    }

    /** bash and zsh (and any POSIX sh). */
    static String posix(String m) {
        return String.join("\n",
                "printf '\\n%s\\n' '" + m + ":begin='",
                "__gosetup_go=$(command -v go 2>/dev/null)",
                "printf '%s\\n' '" + m + ":go='\"$__gosetup_go\" '" + m + ":path='\"$PATH\" '" + m + ":gotoolchain='\"${GOTOOLCHAIN-}\"",
                "if [ -n \"$__gosetup_go\" ]; then",
                "  cd / 2>/dev/null",
                "  printf '%s\\n' '" + m + ":version='\"$(GOTOOLCHAIN=local go version 2>&1)\"",
                "  GOTOOLCHAIN=local go env GOROOT GOPATH 2>/dev/null | {",
                "    IFS= read -r __gosetup_root; IFS= read -r __gosetup_path",
                "    printf '%s\\n' '" + m + ":goroot='\"$__gosetup_root\" '" + m + ":gopath='\"$__gosetup_path\"",
                "  }",
                "fi",
                "printf '%s\\n' '" + m + ":end='",
                "");
    }

    static String fish(String m) {
        return String.join("\n",
                "printf '\\n%s\\n' '" + m + ":begin='",
                "set -l __gosetup_go (command -v go 2>/dev/null)[1]",
                "printf '%s\\n' '" + m + ":go='\"$__gosetup_go\" '" + m + ":path='\"$PATH\" '" + m + ":gotoolchain='\"$GOTOOLCHAIN\"",
                "if test -n \"$__gosetup_go\"",
                "  cd /",
                "  set -l __gosetup_version (GOTOOLCHAIN=local go version 2>&1)",
                "  printf '%s\\n' '" + m + ":version='\"$__gosetup_version[1]\"",
                "  set -l __gosetup_env (GOTOOLCHAIN=local go env GOROOT GOPATH 2>/dev/null)",
                "  printf '%s\\n' '" + m + ":goroot='\"$__gosetup_env[1]\" '" + m + ":gopath='\"$__gosetup_env[2]\"",
                "end",
                "printf '%s\\n' '" + m + ":end='",
                "");
    }

    static String powershell(String m) {
        return String.join("\n",
                "Write-Output ''; Write-Output '" + m + ":begin='",
                "$__gosetupGo = Get-Command go -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1",
                "Write-Output ('" + m + ":go=' + $__gosetupGo.Source)",
                "Write-Output ('" + m + ":path=' + $env:PATH)",
                "Write-Output ('" + m + ":gotoolchain=' + $env:GOTOOLCHAIN)",
                "if ($__gosetupGo) {",
                "  Set-Location ([IO.Path]::GetPathRoot($HOME)); $env:GOTOOLCHAIN = 'local'",
                "  Write-Output ('" + m + ":version=' + (& $__gosetupGo.Source version 2>&1 | Select-Object -First 1))",
                "  $__gosetupEnv = @(& $__gosetupGo.Source env GOROOT GOPATH 2>$null)",
                "  Write-Output ('" + m + ":goroot=' + $__gosetupEnv[0]); Write-Output ('" + m + ":gopath=' + $__gosetupEnv[1])",
                "}",
                "Write-Output '" + m + ":end='",
                "");
    }

    /** The answer lines (marker:key=value), wherever noise put them in a line; the first of each key wins. */
    static Map<String, String> parse(String output, String marker) {
        Map<String, String> out = new HashMap<>();
        String prefix = marker + ":";
        for (String line : output.split("\r?\n")) {
            int at = line.indexOf(prefix);
            if (at < 0) {
                continue;
            }
            String rest = line.substring(at + prefix.length());
            int eq = rest.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(rest.substring(0, eq), rest.substring(eq + 1));
            }
        }
        return out;
    }
}
