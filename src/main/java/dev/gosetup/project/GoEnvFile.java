package dev.gosetup.project;

import dev.gosetup.shell.StartupFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Go's own env files, read as the go command reads them (cmd/go/internal/cfg: EnvFile, readEnvFile, Getenv): the
 * user's file that {@code go env -w} writes ($GOENV, else os.UserConfigDir()/go/env; GOENV=off: none) and
 * $GOROOT/go.env of the Go that runs. Doctor, the projects page and the tools' folders all ask it, so that they
 * agree with each other and with go.
 *
 * <p>Both files are the user's, and GOENV may name anything: they go through the bounded read for files that are
 * not ours, so a FIFO is not waited on and /dev/zero is not read until memory runs out.
 */
public final class GoEnvFile {
    private GoEnvFile() {
    }

    /** A value and the file it came from. */
    public record Found(String value, Path file) {
    }

    /** The user's file as cmd/go's EnvFile finds it: empty for GOENV=off, or when Go finds no config folder. */
    public static Optional<Path> userFile(String os, Map<String, String> env, Path home) {
        return userFile(env, Gotoolchain.userConfigDir(os, env, home));
    }

    /** @param configDir os.UserConfigDir() as Go computes it ({@link Gotoolchain#userConfigDir}), or null */
    public static Optional<Path> userFile(Map<String, String> env, Path configDir) {
        String goenv = env.get("GOENV");
        if (goenv != null && !goenv.isEmpty()) {
            if (goenv.equals("off")) {
                return Optional.empty();
            }
            try {
                return Optional.of(Path.of(goenv));
            } catch (InvalidPathException e) {
                return Optional.empty(); // no file go could open either
            }
        }
        return configDir == null ? Optional.empty() : Optional.of(configDir.resolve("go").resolve("env"));
    }

    /**
     * The KEY=VALUE lines of a file, as readEnvFile takes them: lines split at '\n' only; a line whose first
     * character is not A–Z or that has no '=' is skipped (comments, blank lines); key and value exactly as
     * written, nothing trimmed; a later line of a key replaces an earlier one. Empty when there is no such file
     * or it is not a regular file of at most 1 MiB (go could not use a FIFO or /dev/zero either).
     */
    public static Map<String, String> read(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (file == null) {
            return out;
        }
        String text;
        try {
            text = StartupFiles.text(file, StandardCharsets.UTF_8).orElse("");
        } catch (IOException | InvalidPathException e) {
            return out; // unreadable: the go command reads nothing from it either
        }
        for (String line : text.split("\n", -1)) {
            int eq = line.indexOf('=');
            if (eq < 0 || line.isEmpty() || line.charAt(0) < 'A' || line.charAt(0) > 'Z') {
                continue;
            }
            out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    /**
     * A key's value from the files, in Getenv's order below the environment: the user's file, else $GOROOT/go.env.
     * A key the user's file has hides go.env's, even with an empty value (go then sees it unset).
     *
     * @param userFile the user's file, or null when there is none (GOENV=off)
     * @param goroot   the GOROOT of the go that runs, or null when unknown
     * @return the value and its file; empty when neither file has the key
     */
    public static Optional<Found> lookup(String key, Path userFile, Path goroot) {
        String v = read(userFile).get(key);
        if (v != null) {
            return Optional.of(new Found(v, userFile));
        }
        if (goroot != null) {
            Path goEnv = goroot.resolve("go.env");
            v = read(goEnv).get(key);
            if (v != null) {
                return Optional.of(new Found(v, goEnv));
            }
        }
        return Optional.empty();
    }
}
