package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.MultiGoMirror;
import dev.gosetup.testing.RealBinaries;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import dev.gosetup.testing.TarGzBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gosetup update} and {@code rollback} with real Go builds (1.21.13, 1.22.12, 1.23.5 for linux-amd64) and their
 * dl.json served over loopback HTTP; a failed check with archives whose bin/go is a real binary for another CPU or a
 * script that fails.
 */
class UpdateCliTest {
    @TempDir(factory = dev.gosetup.testing.TrustedTempDir.class)
    Path tmp;

    LoopbackServer server;
    Path home;

    @BeforeEach
    void serve() throws Exception {
        server = new LoopbackServer();
        home = Files.createDirectories(tmp.resolve("home"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void serveRealGo(String... versions) throws Exception {
        Path mirror = MultiGoMirror.dir();
        server.serveFile("/dl.json", mirror.resolve("dl.json"));
        for (String v : versions) {
            server.serveFile("/go" + v + ".linux-amd64.tar.gz", mirror.resolve("go" + v + ".linux-amd64.tar.gz"));
        }
    }

    private CliResult run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        return CliResult.run(tmp, all.toArray(String[]::new));
    }

    private List<String> net() {
        return List.of("--catalog", server.uri("/dl.json").toString(), "--mirror", server.uri("/").toString(), "--allow-http", "127.0.0.1",
                "--platform", "linux-amd64");
    }

    private CliResult runNet(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(net());
        return run(all.toArray(String[]::new));
    }

    private String active() throws Exception {
        return Files.readSymbolicLink(home.resolve("sdk/go")).toString();
    }

    @Test
    @RunsLinuxAmd64Go
    void updateAcrossLinesThenRollBackStepByStep() throws Exception {
        serveRealGo("1.21.13", "1.22.12", "1.23.5");
        CliResult installed = runNet("install", "1.21.13");
        assertThat(installed.exitCode()).as(installed.err()).isZero();
        assertThat(active()).isEqualTo("go1.21.13");

        // releases says it first: 1.21 is no longer supported (1.23 and 1.22 are), the newest line is 1.23.
        CliResult releases = runNet("releases");
        assertThat(releases.exitCode()).as(releases.err()).isZero();
        assertThat(releases.out().lines().findFirst().orElseThrow())
                .isEqualTo("go1.21.13 is on a line that no longer gets fixes from Go; the newest is go1.23.5.");
        assertThat(releases.out()).contains("Run \"gosetup update --line 1.23\" to update.");

        // No --line: the newest patch of the active line, which it is already.
        CliResult same = runNet("update", "--yes");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).contains("go1.21.13 is the newest patch of its line: nothing to update.")
                .contains("\"gosetup update --line 1.23\"");

        // Without a terminal and without --yes: nothing is asked, nothing is done.
        CliResult noYes = runNet("update", "--line", "1.22");
        assertThat(noYes.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noYes.out()).contains("Update go1.21.13 → go1.22.12");
        assertThat(noYes.err()).contains("add --yes");
        assertThat(home.resolve("sdk/go1.22.12")).doesNotExist();

        // a tool built with the Go being replaced: the update offers its rebuild
        Path tool = java.nio.file.Files.createDirectories(home.resolve("go/bin")).resolve("hello");
        java.nio.file.Files.copy(dev.gosetup.testing.GoToolBuilds.build("1.21.13", "linux", "amd64", "hello"), tool);
        CliResult to122 = runNet("update", "--line", "1.22", "--yes");
        assertThat(to122.out()).contains("One tool in GOPATH/bin was built with an older Go or for another CPU: \"gosetup tools --rebuild\"");
        assertThat(to122.exitCode()).as(to122.err()).isZero();
        assertThat(to122.out()).contains("go1.22.12 is now the active Go (was go1.21.13); installed in ~/sdk/go1.22.12.")
                .contains("Checked: go version go1.22.12 linux/amd64, GOROOT " + home.resolve("sdk/go1.22.12").toRealPath())
                .contains("go1.21.13 stays installed: \"gosetup rollback\" makes it active again.");
        assertThat(active()).isEqualTo("go1.22.12");
        assertThat(home.resolve("sdk/go1.21.13/bin/go")).isExecutable();

        JsonNode to123 = new ObjectMapper().readTree(runNet("update", "--line", "1.23", "--yes", "--json").out());
        assertThat(to123.get("updated").asBoolean()).isTrue();
        assertThat(to123.get("from").asText()).isEqualTo("go1.22.12");
        assertThat(to123.get("to").asText()).isEqualTo("go1.23.5");
        assertThat(to123.get("goVersion").asText()).isEqualTo("go version go1.23.5 linux/amd64");
        assertThat(to123.get("goarch").asText()).isEqualTo("amd64");
        assertThat(active()).isEqualTo("go1.23.5");

        // An older line is not an update.
        CliResult older = runNet("update", "--line", "1.21", "--yes");
        assertThat(older.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(older.err()).contains("older than the active go1.23.5");

        CliResult back = run("rollback");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).contains("go1.22.12 is the active Go again (was go1.23.5)");
        assertThat(active()).isEqualTo("go1.22.12");
        CliResult again = run("rollback", "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(new ObjectMapper().readTree(again.out()).get("to").asText()).isEqualTo("go1.21.13");
        assertThat(active()).isEqualTo("go1.21.13");
        assertThat(home.resolve("sdk/go1.23.5/bin/go")).as("every version stays installed").isExecutable();

        CliResult nothing = run("rollback");
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(nothing.err()).contains("There is no earlier active Go to go back to");
    }

    @Test
    @RunsLinuxAmd64Go
    void aNewGoThatFailsItsCheckIsRemovedAndThePreviousStaysActive() throws Exception {
        Path mirror = MultiGoMirror.dir();
        byte[] arm64 = Files.readAllBytes(RealBinaries.copy(RealBinaries.LINUX_ARM64, tmp.resolve("arm64-binary")));
        // go1.24.0: a real binary for another CPU; go1.25.0: a script that fails; go1.26.0: one that names another arch.
        record Fake(String version, byte[] archive) {}
        List<Fake> fakes = List.of(
                new Fake("1.24.0", goArchive("go1.24.0", arm64)),
                new Fake("1.25.0", goArchive("go1.25.0", "#!/bin/sh\necho 'go: cannot find GOROOT' >&2\nexit 1\n".getBytes())),
                new Fake("1.26.0", goArchive("go1.26.0", "#!/bin/sh\necho go version go1.26.0 linux/arm64\n".getBytes())));
        StringBuilder list = new StringBuilder("[");
        for (Fake f : fakes) {
            server.serve("/go" + f.version() + ".linux-amd64.tar.gz", f.archive());
            list.append(entry("go" + f.version(), f.archive())).append(",");
        }
        String real = Files.readString(mirror.resolve("dl.json")).strip();
        list.append(real, 1, real.length()); // the real entries after the fakes
        server.serve("/dl.json", list.toString().getBytes());
        server.serveFile("/go1.21.13.linux-amd64.tar.gz", mirror.resolve("go1.21.13.linux-amd64.tar.gz"));
        assertThat(runNet("install", "1.21.13").exitCode()).isZero();

        for (Fake f : fakes) {
            String line = f.version().substring(0, f.version().lastIndexOf('.'));
            CliResult r = runNet("update", "--line", line, "--yes");
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.CHECK_FAILED);
            assertThat(r.err()).contains("The new go" + f.version() + " did not pass its check and was removed again; go1.21.13 is still"
                    + " the active Go. Why: ");
            assertThat(active()).isEqualTo("go1.21.13");
            assertThat(home.resolve("sdk/go" + f.version())).doesNotExist();
            assertThat(home.resolve("sdk/bin/go" + f.version())).doesNotExist();
            try (Stream<Path> s = Files.list(home.resolve("sdk"))) {
                assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging-") || n.startsWith(".trash-"));
            }
            switch (f.version()) {
                case "1.24.0" -> assertThat(r.err()).contains("sdk/go1.24.0/bin/go is built for linux-arm64, not for linux-amd64: it cannot run here.");
                case "1.25.0" -> assertThat(r.err()).contains("\"go version\" failed with exit code 1: go: cannot find GOROOT");
                default -> assertThat(r.err()).contains("\"go version\" did not say what was installed: expected go1.26.0 linux/amd64,"
                        + " it said \"go version go1.26.0 linux/arm64\"");
            }
        }
        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "update", "--line", "1.25", "--yes", "--home", home.toString(),
                "--catalog", server.uri("/dl.json").toString(), "--mirror", server.uri("/").toString(), "--allow-http", "127.0.0.1",
                "--platform", "linux-amd64");
        assertThat(zh.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(zh.err()).contains("新的 go1.25.0 未通过检查，已被删除；go1.21.13 仍是当前使用的 Go。原因：“go version”失败，退出码 1");

        // A history file someone scribbled over: rollback says there is nothing to go back to, nothing breaks.
        Files.writeString(home.resolve("sdk/.gosetup-history.json"), "\u0000garbage{[");
        CliResult rollback = run("rollback");
        assertThat(rollback.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rollback.err()).contains("There is no earlier active Go to go back to");
        assertThat(active()).isEqualTo("go1.21.13");
    }

    @Test
    void withoutAnActiveGoThereIsNothingToUpdate() throws Exception {
        serveRealGo();
        CliResult r = runNet("update", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("There is no active Go in").contains("gosetup install");
        assertThat(server.requests()).as("said before the release list is fetched").isZero();
        CliResult badLine = runNet("update", "--line", "latest", "--yes");
        assertThat(badLine.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badLine.err()).contains("\"latest\" is not a Go line");
    }

    /** A Go-shaped archive whose bin/go is {@code go}. */
    private static byte[] goArchive(String version, byte[] go) throws Exception {
        return new TarGzBuilder()
                .file("go/VERSION", version + "\ntime 2025-01-01T00:00:00Z\n", 0644)
                .file("go/bin/go", go, 0755)
                .file("go/src/fmt/print.go", "package fmt\n", 0644)
                .build();
    }

    private static String entry(String version, byte[] archive) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
        return "{\"version\":\"" + version + "\",\"stable\":true,\"files\":[{\"filename\":\"" + version + ".linux-amd64.tar.gz\","
                + "\"os\":\"linux\",\"arch\":\"amd64\",\"version\":\"" + version + "\",\"sha256\":\"" + sha + "\",\"size\":" + archive.length
                + ",\"kind\":\"archive\"}]}";
    }
}
