package dev.gosetup.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `go version`, run only for an install that has no VERSION file (some distribution and manager layouts)
 * and only when its binary is built for this machine: every other install is read, not run.
 */
final class GoVersionProbe {
    private static final Pattern OUTPUT = Pattern.compile("go version (go\\S+) \\S+");

    private GoVersionProbe() {}

    static Optional<String> version(Path go) {
        try {
            ProcessBuilder pb = new ProcessBuilder(go.toString(), "version").redirectErrorStream(true);
            pb.environment().put("GOTOOLCHAIN", "local"); // this install's version, not a toolchain it would switch to
            Process p = pb.start();
            p.getOutputStream().close();
            String out;
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = OUTPUT.matcher(out);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
