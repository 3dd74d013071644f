package dev.gosetup.shell.windows;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether Windows PowerShell 5.1 runs a profile script, by its documented precedence (about_Execution_Policies,
 * 5.1: MachinePolicy, UserPolicy, Process, CurrentUser, LocalMachine — the first scope that is not Undefined wins;
 * all Undefined means Restricted on a Windows client and RemoteSigned on a server). A profile gosetup writes is a
 * local, unsigned script: Restricted and AllSigned refuse it ("running scripts is disabled on this system") and the
 * window still gets no Go, so under them the 5.1 profile is not written and the user environment carries Go.
 * pwsh 7 is not concerned: its default is RemoteSigned everywhere.
 *
 * @param scopes the policy of each scope that has one (Undefined scopes are left out)
 */
public record ExecutionPolicy(Map<Scope, Policy> scopes, boolean server) {
    /** In order of precedence, highest first. */
    public enum Scope { MACHINE_POLICY, USER_POLICY, PROCESS, CURRENT_USER, LOCAL_MACHINE }

    public enum Policy { RESTRICTED, ALL_SIGNED, REMOTE_SIGNED, UNRESTRICTED, BYPASS, UNDEFINED }

    public ExecutionPolicy {
        Map<Scope, Policy> copy = new EnumMap<>(Scope.class);
        scopes.forEach((scope, policy) -> {
            if (policy != Policy.UNDEFINED) {
                copy.put(scope, policy);
            }
        });
        scopes = Map.copyOf(copy);
    }

    /** The policy in force: the highest-precedence scope that sets one, else the OS default. */
    public Policy effective() {
        for (Scope s : Scope.values()) {
            Policy p = scopes.get(s);
            if (p != null) {
                return p;
            }
        }
        return server ? Policy.REMOTE_SIGNED : Policy.RESTRICTED;
    }

    /** Whether a local, unsigned profile script runs. */
    public boolean runsLocalScripts() {
        return switch (effective()) {
            case REMOTE_SIGNED, UNRESTRICTED, BYPASS -> true;
            case RESTRICTED, ALL_SIGNED, UNDEFINED -> false;
        };
    }

    /** A policy name as PowerShell and the registry write it ("RemoteSigned"); empty for what is not one. */
    public static Optional<Policy> policy(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "restricted" -> Optional.of(Policy.RESTRICTED);
            case "allsigned" -> Optional.of(Policy.ALL_SIGNED);
            case "remotesigned" -> Optional.of(Policy.REMOTE_SIGNED);
            case "unrestricted" -> Optional.of(Policy.UNRESTRICTED);
            case "bypass" -> Optional.of(Policy.BYPASS);
            case "undefined", "default" -> Optional.of(Policy.UNDEFINED);
            default -> Optional.empty();
        };
    }

    /** Reads the table `Get-ExecutionPolicy -List` prints (support reports and tests feed it captured output). */
    public static ExecutionPolicy parseList(String output, boolean server) {
        Map<Scope, Policy> scopes = new EnumMap<>(Scope.class);
        for (String line : output.split("\\R")) {
            String[] words = line.strip().split("\\s+");
            if (words.length != 2) {
                continue;
            }
            Optional<Scope> scope = switch (words[0].toLowerCase(Locale.ROOT)) {
                case "machinepolicy" -> Optional.of(Scope.MACHINE_POLICY);
                case "userpolicy" -> Optional.of(Scope.USER_POLICY);
                case "process" -> Optional.of(Scope.PROCESS);
                case "currentuser" -> Optional.of(Scope.CURRENT_USER);
                case "localmachine" -> Optional.of(Scope.LOCAL_MACHINE);
                default -> Optional.empty();
            };
            scope.ifPresent(s -> policy(words[1]).ifPresent(p -> scopes.put(s, p)));
        }
        return new ExecutionPolicy(scopes, server);
    }
}
