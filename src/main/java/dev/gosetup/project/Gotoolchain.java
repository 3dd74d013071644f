package dev.gosetup.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        String goenv = env.get("GOENV");
        if (!"off".equals(goenv)) {
            Path file = goenv != null && !goenv.isEmpty() ? Path.of(goenv) : configDir == null ? null : configDir.resolve("go").resolve("env");
            Optional<String> v = file == null ? Optional.empty() : envFileValue(file, "GOTOOLCHAIN");
            if (v.isPresent() && !v.get().isEmpty()) {
                return new Gotoolchain(v.get(), Where.GO_ENV_W, file);
            }
        }
        if (goroot != null) {
            Path file = goroot.resolve("go.env");
            Optional<String> v = envFileValue(file, "GOTOOLCHAIN");
            if (v.isPresent() && !v.get().isEmpty()) {
                return new Gotoolchain(v.get(), Where.GOROOT_GO_ENV, file);
            }
        }
        return new Gotoolchain("", Where.UNSET, null);
    }

    /** os.UserConfigDir() as Go computes it, from the environment and the home folder. */
    public static Path userConfigDir(String os, Map<String, String> env, Path home) {
        return switch (os) {
            case "windows" -> env.get("AppData") != null ? Path.of(env.get("AppData")) : env.get("APPDATA") != null ? Path.of(env.get("APPDATA")) : null;
            case "mac" -> home.resolve("Library/Application Support");
            default -> {
                String xdg = env.get("XDG_CONFIG_HOME");
                yield xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
            }
        };
    }

    /** A KEY=VALUE line of Go's env file format (the first one of the key; # lines and others skipped). */
    static Optional<String> envFileValue(Path file, String key) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > ProjectFiles.MAX_BYTES) {
                return Optional.empty();
            }
            for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                int eq = line.indexOf('=');
                if (eq > 0 && line.charAt(0) >= 'A' && line.charAt(0) <= 'Z' && line.substring(0, eq).equals(key)) {
                    return Optional.of(Request.shown(line.substring(eq + 1).strip()));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // unreadable: the go command cannot read it either
        }
        return Optional.empty();
    }
}
