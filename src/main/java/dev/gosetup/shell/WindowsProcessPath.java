package dev.gosetup.shell;

import dev.gosetup.shell.UserEnvironment.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Path a new process gets on Windows, as Windows builds it from the registry: the machine Path
 * (HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment) first, then the user Path (HKCU\Environment),
 * joined with ';', each expanded when it is REG_EXPAND_SZ. Sources: "Environment Variables", Win32 docs
 * (learn.microsoft.com/windows/win32/procthread/environment-variables: "the system environment variables … then the
 * user environment variables"; Path is the one variable whose user value is appended to the system value rather
 * than replacing it), and the Go MSI, which adds {@code C:\Program Files\Go\bin} to the machine Path with
 * {@code System="yes" Part="last"} (golang/build internal/installer/windowsmsi; ../shared/fixtures/platform).
 *
 * <p>So a user-Path entry can never come before an MSI's machine entry: this is what lets one tell the user so
 * instead of claiming success, and check the 32,767-character limit on what processes really get.
 *
 * @param machine the machine Path as a process sees it (expanded), or ""
 * @param user    the user Path as a process sees it (expanded), or ""
 */
public record WindowsProcessPath(String machine, String user) {

    public static WindowsProcessPath of(Optional<Value> machine, Optional<Value> user, Function<String, Optional<String>> variables) {
        return new WindowsProcessPath(machine.map(v -> expanded(v, variables)).orElse(""), user.map(v -> expanded(v, variables)).orElse(""));
    }

    private static String expanded(Value v, Function<String, Optional<String>> variables) {
        return v.expandable() ? PathEntries.expand(v.data(), variables) : v.data();
    }

    /** The value a new process sees. */
    public String joined() {
        return machine.isEmpty() ? user : user.isEmpty() ? machine : machine + ";" + user;
    }

    public int length() {
        return joined().length();
    }

    /** Longer than an environment variable may be: Windows cuts or drops it, and programs stop being found. */
    public boolean tooLong() {
        return length() > PathEntries.MAX_LENGTH;
    }

    /**
     * The machine-Path folder that holds a go.exe and comes before every one of {@code ours} — what a new terminal
     * or IDE will run instead of our Go; empty when ours comes first, or no folder before it has a go.exe.
     *
     * @param ours  our entries (any spelling: compared as Windows compares folders)
     * @param hasGo whether a folder (expanded, as written in the Path) holds go.exe
     */
    public Optional<String> goBefore(List<String> ours, Function<String, Optional<String>> variables, Predicate<String> hasGo) {
        Set<String> ourKeys = ours.stream().map(e -> PathEntries.key(e, variables)).collect(Collectors.toSet());
        // Read as Windows programs read it (quotes, trailing spaces): PathList, which list and doctor use too.
        for (String folder : dev.gosetup.files.PathList.parse(machine, true).names()) {
            if (ourKeys.contains(PathEntries.key(folder, variables))) {
                return Optional.empty(); // ours is in the machine Path itself, in front of this point
            }
            if (hasGo.test(folder)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }
}
