package dev.gosetup.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * The home folder, as Go's {@code os.UserHomeDir}, rustup, mise and every Unix tool take it: {@code $HOME}
 * when it is set (Windows: {@code %USERPROFILE%}), else the account's. Java's {@code user.home} is the
 * account's entry in the password database and ignores {@code $HOME}, so a user who points HOME elsewhere
 * (a second home for testing, a CI runner, a container) would get ~/sdk and the startup files of a folder
 * they did not mean.
 */
public final class UserHome {
    private UserHome() {}

    /** This process's home: $HOME (or %USERPROFILE%) when absolute, else {@code user.home}. */
    public static Path current() {
        return of(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    static Path of(String osName, Map<String, String> env, String accountHome) {
        String name = osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? "USERPROFILE" : "HOME";
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
            Path p = Path.of(value);
            if (p.isAbsolute()) {
                return p.normalize();
            }
        }
        return Path.of(accountHome);
    }
}
