package dev.gosetup.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opt-in per-folder Go for projects that name their version only in {@code .go-version} (goenv, setup-go) or
 * {@code .tool-versions} (asdf, mise): the go command reads go.work and go.mod itself, not these. When a shell's
 * folder changes, the hook finds the file as {@code dev.gosetup.project.ProjectFiles} does and exports
 * {@code GOTOOLCHAIN=go1.X.Y+path}: go's own switching then runs {@code ~/sdk/bin/go1.X.Y}, with no shim in front of
 * go, and a go.mod or go.work above the folder leaves the choice to go. The scripts (folder-go.sh for bash and zsh,
 * folder-go.fish, folder-go.ps1 for PowerShell 7 and Windows PowerShell 5.1) are resources beside this class; they
 * say in their comments how they keep the prompt fast and what they put back on leaving.
 *
 * <p>The suffix follows the GOTOOLCHAIN chosen in gosetup's settings: {@code +auto} when it is {@code auto} (go may
 * download a version that is not installed), {@code +path} otherwise (never a download). With {@code local} (never
 * switch) or a fixed toolchain there is no hook: that choice stands, and {@code gosetup project} says so.
 */
public final class FolderGoHook {
    /** As ProjectFiles.MAX_BYTES: a larger version file is not read. */
    static final int MAX_BYTES = 1 << 20;
    private static final Pattern PLACEHOLDER = Pattern.compile("@(SDK|SUFFIX|MAX)@");

    private FolderGoHook() {}

    /** "+path" or "+auto" for the GOTOOLCHAIN setting (null when unset), or empty when it leaves no room for the hook. */
    public static Optional<String> suffix(String gotoolchainSetting) {
        String v = gotoolchainSetting == null ? "" : gotoolchainSetting.strip();
        return switch (v) {
            case "", "path" -> Optional.of("+path");
            case "auto" -> Optional.of("+auto");
            default -> Optional.empty();
        };
    }

    /** Whether an env script (as written, perhaps by an older gosetup) holds the hook, in any shell's form. */
    public static boolean writtenIn(String scriptText) {
        return scriptText.contains("_gosetup_folder_go"); // also the fish and PowerShell form, __gosetup_folder_go
    }

    /** For env.sh: {@code sdkRoot} already quoted for sh. */
    static String sh(String sdkRoot, String suffix) {
        return fill("folder-go.sh", sdkRoot, suffix);
    }

    /** For env.fish: {@code sdkRoot} already quoted for fish. */
    static String fish(String sdkRoot, String suffix) {
        return fill("folder-go.fish", sdkRoot, suffix);
    }

    /** For env.ps1: {@code sdkRoot} already a PowerShell expression (a quoted path, or Join-Path $HOME); CRLF as env.ps1. */
    static String powershell(String sdkRoot, String suffix) {
        return fill("folder-go.ps1", sdkRoot, suffix).replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static String fill(String resource, String sdkRoot, String suffix) {
        try (InputStream in = FolderGoHook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            // one pass: a root whose name holds "@SUFFIX@" stays as it is
            Map<String, String> values = Map.of("SDK", sdkRoot, "SUFFIX", suffix, "MAX", Integer.toString(MAX_BYTES));
            return PLACEHOLDER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
