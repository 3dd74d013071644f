package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gosetup --version} alone is answered before the command model, the log, the settings and the policy are
 * made (start-up time and memory, docs/benchmarks.md), and says exactly what the full command path says.
 */
class VersionFastPathTest {
    @TempDir
    Path tmp;

    private String run(Path classLog, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xlog:class+load:file=" + classLog, "-cp",
                System.getProperty("java.class.path"), "dev.gosetup.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void versionAloneLoadsNeitherTheCommandModelNorTheSettingsAndSaysTheSame() throws Exception {
        Path fastLog = tmp.resolve("fast.log");
        String fast = run(fastLog, "--version");
        assertThat(fast.strip()).matches("gosetup \\S+ \\(Java \\S+, .+ .+\\)");
        String classes = Files.readString(fastLog);
        assertThat(classes).contains("dev.gosetup.cli.VersionText")
                .doesNotContain("picocli.CommandLine ")
                .doesNotContain("com.fasterxml.jackson")
                .doesNotContain("dev.gosetup.AppContext ");

        Path fullLog = tmp.resolve("full.log");
        Files.createDirectories(tmp.resolve("home"));
        String full = run(fullLog, "--version", "--home", tmp.resolve("home").toString()); // not alone: the full path
        assertThat(Files.readString(fullLog)).contains("picocli.CommandLine ");
        assertThat(full).isEqualTo(fast);
    }
}
