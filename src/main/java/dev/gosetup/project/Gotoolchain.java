package dev.gosetup.project;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The GOTOOLCHAIN a go command started in a new terminal sees, and where it comes from, in the go command's own
 * order (cmd/go's cfg.Getenv): the environment (gosetup's env script, when its block runs and it sets one, else
 * this process's), then the file {@code go env -w} writes ($GOENV, else os.UserConfigDir()/go/env; GOENV=off
 * skips it), then $GOROOT/go.env of the go that starts.
 *
 * @param value the value ("" when none of them sets it)
 * @param where where it comes from
 * @param file  the file it was read from, for {@link Where#GO_ENV_W} and {@link Where#GOROOT_GO_ENV}
 */
public record Gotoolchain(String value, Where where, Path file) {

    /** FOLDER_HOOK: gosetup's per-folder Go set it from {@code file} (.go-version, .tool-versions). */
    public enum Where { GOSETUP_ENV, FOLDER_HOOK, ENVIRONMENT, GO_ENV_W, GOROOT_GO_ENV, UNSET }

    /** How GOTOOLCHAIN asks the go command to behave, parsed as cmd/go's Select parses it. */
    public record Mode(boolean valid, String minimum, String suffix) {
        /** "local", "auto", "path", "go1.22.12" (suffix ""), "go1.22.12+auto", "local+path", … */
        public static Mode of(String value) {
            if (value.equals("auto") || value.equals("path")) {
                return new Mode(true, "local", value);
            }
            int plus = value.indexOf('+');
            String min = plus < 0 ? value : value.substring(0, plus);
            String suffix = plus < 0 ? "" : value.substring(plus + 1);
            boolean ok = (min.equals("local") || !GoVersions.fromToolchain(min).isEmpty())
                    && (plus < 0 || suffix.equals("auto") || suffix.equals("path"));
            return new Mode(ok, min, suffix);
        }

        /** Whether the go command reads go.mod/go.work to switch (auto or path, alone or after a minimum). */
        public boolean readsGoMod() {
            return suffix.equals("auto") || suffix.equals("path");
        }

        public boolean pathOnly() {
            return suffix.equals("path");
        }
    }

    public Mode mode() {
        return Mode.of(value);
    }

    /**
     * @param gosetupValue the GOTOOLCHAIN gosetup's env script sets (null when it sets none or its block does not run)
     * @param env          this process's environment
     * @param configDir    os.UserConfigDir() for Go: $XDG_CONFIG_HOME or ~/.config, ~/Library/Application Support, %AppData%
     * @param goroot       the GOROOT of the go a new terminal starts, when known
     */
    public static Gotoolchain resolve(String gosetupValue, Map<String, String> env, Path configDir, Path goroot) {
        if (gosetupValue != null && !gosetupValue.isBlank()) {
            return new Gotoolchain(gosetupValue.strip(), Where.GOSETUP_ENV, null);
        }
        String fromEnv = env.get("GOTOOLCHAIN");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new Gotoolchain(fromEnv, Where.ENVIRONMENT, null);
        }
        Path userFile = GoEnvFile.userFile(env, configDir).orElse(null);
        Optional<GoEnvFile.Found> found = GoEnvFile.lookup("GOTOOLCHAIN", userFile, goroot);
        if (found.isPresent() && !found.get().value().isEmpty()) {
            boolean user = found.get().file().equals(userFile);
            return new Gotoolchain(Request.shown(found.get().value()), user ? Where.GO_ENV_W : Where.GOROOT_GO_ENV, found.get().file());
        }
        return new Gotoolchain("", Where.UNSET, null);
    }

    /** os.UserConfigDir() as Go computes it, from the environment and the home folder; null where Go's fails. */
    public static Path userConfigDir(String os, Map<String, String> env, Path home) {
        return switch (os) {
            case "windows" -> env.get("AppData") != null ? Path.of(env.get("AppData")) : env.get("APPDATA") != null ? Path.of(env.get("APPDATA")) : null;
            case "mac" -> home.resolve("Library/Application Support");
            default -> {
                String xdg = env.get("XDG_CONFIG_HOME");
                if (xdg == null || xdg.isEmpty()) {
                    yield home.resolve(".config");
                }
                // os.UserConfigDir: a relative $XDG_CONFIG_HOME is an error, and go then reads no env file at all
                yield Path.of(xdg).isAbsolute() ? Path.of(xdg) : null;
            }
        };
    }
}
