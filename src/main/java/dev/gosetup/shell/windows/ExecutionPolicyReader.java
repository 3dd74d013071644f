package dev.gosetup.shell.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinReg;
import dev.gosetup.shell.windows.ExecutionPolicy.Policy;
import dev.gosetup.shell.windows.ExecutionPolicy.Scope;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Windows PowerShell 5.1's execution policy, read where it keeps each scope (about_Execution_Policies and
 * about_Group_Policy_Settings, 5.1): Group Policy under Software\Policies\Microsoft\Windows\PowerShell
 * (ExecutionPolicy, only when EnableScripts is 1; EnableScripts 0 means Restricted), the user's and the machine's
 * choice under Software\Microsoft\PowerShell\1\ShellIds\Microsoft.PowerShell, the process's in
 * PSExecutionPolicyPreference — which a new window does not inherit from us, so it is left out.
 */
public final class ExecutionPolicyReader {
    private static final Logger LOG = Logger.getLogger(ExecutionPolicyReader.class.getName());
    private static final String POLICIES = "Software\\Policies\\Microsoft\\Windows\\PowerShell";
    private static final String SHELL = "Software\\Microsoft\\PowerShell\\1\\ShellIds\\Microsoft.PowerShell";

    private ExecutionPolicyReader() {}

    /** This machine's; on failure (no registry access), what an untouched client has: Restricted. */
    public static ExecutionPolicy read() {
        Map<Scope, Policy> scopes = new EnumMap<>(Scope.class);
        try {
            groupPolicy(WinReg.HKEY_LOCAL_MACHINE).ifPresent(p -> scopes.put(Scope.MACHINE_POLICY, p));
            groupPolicy(WinReg.HKEY_CURRENT_USER).ifPresent(p -> scopes.put(Scope.USER_POLICY, p));
            string(WinReg.HKEY_CURRENT_USER, SHELL, "ExecutionPolicy").flatMap(ExecutionPolicy::policy)
                    .ifPresent(p -> scopes.put(Scope.CURRENT_USER, p));
            string(WinReg.HKEY_LOCAL_MACHINE, SHELL, "ExecutionPolicy").flatMap(ExecutionPolicy::policy)
                    .ifPresent(p -> scopes.put(Scope.LOCAL_MACHINE, p));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.INFO, "Could not read the PowerShell execution policy; assuming Restricted", e);
        }
        String product = string(WinReg.HKEY_LOCAL_MACHINE, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "InstallationType").orElse("");
        return new ExecutionPolicy(scopes, product.equalsIgnoreCase("Server") || product.equalsIgnoreCase("Server Core"));
    }

    private static Optional<Policy> groupPolicy(WinReg.HKEY root) {
        if (!Advapi32Util.registryValueExists(root, POLICIES, "EnableScripts")) {
            return Optional.empty();
        }
        if (Advapi32Util.registryGetIntValue(root, POLICIES, "EnableScripts") == 0) {
            return Optional.of(Policy.RESTRICTED);
        }
        return string(root, POLICIES, "ExecutionPolicy").flatMap(ExecutionPolicy::policy);
    }

    private static Optional<String> string(WinReg.HKEY root, String key, String name) {
        try {
            return Advapi32Util.registryValueExists(root, key, name)
                    ? Optional.of(Advapi32Util.registryGetStringValue(root, key, name)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
