package dev.gosetup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.cli.CliRunner;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.TarGzBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release list's {@code filename} is the mirror's word, not ours: each hostile shape is refused as a bad
 * list (exit 5) before any request is sent or any file is made, through an http, a {@code file:} and a
 * plain-folder mirror, while a good entry of the same list still installs.
 */
@Timeout(120)
class HostileFileNamesTest {
    static final String GOOD_NAME = "go1.22.5.linux-amd64.tar.gz";

    @TempDir
    Path tmp;
    LoopbackServer server;
    byte[] good;
    Path list;
    Path mirrorFolder;
    final List<String> hostileVersions = new ArrayList<>();

    record Entry(String version, String filename, String os, String arch, String fileVersion, String kind) {}

    @BeforeEach
    void start() throws Exception {
        good = TarGzBuilder.tinyGo("go1.22.5");
        server = new LoopbackServer();
        server.serve("/files/" + GOOD_NAME, good);
        mirrorFolder = Files.createDirectories(tmp.resolve("mirror/files"));
        Files.write(mirrorFolder.resolve(GOOD_NAME), good);
        // What a climb out of the mirror folder would reach: a real archive whose digest the list gives.
        byte[] trap = TarGzBuilder.tinyGo("go1.30.3");
        Files.write(tmp.resolve("mirror/go1.30.3.linux-amd64.tar.gz"), trap);

        Path outside = tmp.resolve("outside");
        List<Entry> hostile = List.of(
                new Entry("go1.30.1", outside + "/go1.30.1.linux-amd64.tar.gz", "linux", "amd64", "go1.30.1", "archive"),
                new Entry("go1.30.2", "sub/go1.30.2.linux-amd64.tar.gz", "linux", "amd64", "go1.30.2", "archive"),
                new Entry("go1.30.3", "../go1.30.3.linux-amd64.tar.gz", "linux", "amd64", "go1.30.3", "archive"),
                new Entry("go1.30.4", "..\\..\\go1.30.4.linux-amd64.tar.gz", "linux", "amd64", "go1.30.4", "archive"),
                new Entry("go1.30.5", "C:go1.30.5.linux-amd64.tar.gz", "linux", "amd64", "go1.30.5", "archive"),
                new Entry("go1.30.6", "go1.30.6.linux-amd64\u0000.tar.gz", "linux", "amd64", "go1.30.6", "archive"),
                new Entry("go1.30.7", "go1.30.7.linux-amd64\u001b[2J\n.tar.gz", "linux", "amd64", "go1.30.7", "archive"),
                new Entry("go1.30.8", "evil.tar.gz", "linux", "amd64", "go1.30.8", "archive"),
                new Entry("go1.30.9", "go1.22.5.linux-amd64.tar.gz", "linux", "amd64", "go1.30.9", "archive"),
                new Entry("go1.30.10", "go1.30.10.windows-amd64.tar.gz", "linux", "amd64", "go1.30.10", "archive"),
                new Entry("go1.30.11", "go1.30.11.linux-amd64." + "x".repeat(300) + ".tar.gz", "linux", "amd64", "go1.30.11", "archive"),
                new Entry("go1.30.12", "go1.30.12.linux-amd64%2F..%2F..%2Fx.tar.gz", "linux", "amd64", "go1.30.12", "archive"),
                new Entry("go1.30.13", "http://evil.example/go1.30.13.linux-amd64.tar.gz", "linux", "amd64", "go1.30.13", "archive"),
                new Entry("go1.30.14", "go1.30.14.linux-amd64.tar.gz?x=%2F#.tar.gz", "linux", "amd64", "go1.30.14", "archive"),
                new Entry("go1.30.15", "go1.30.15.linux-amd64.msi.tar.gz", "linux", "amd64", "go1.30.15", "archive"),
                new Entry("go1.30.16", "go1.30.16.linux-amd64.tar.gz", "linux", "amd64", "go1.30.99", "archive"),
                new Entry("go1.30.17", "go1.30.17.src.tar.gz", "linux", "amd64", "go1.30.17", "archive"));
        StringBuilder json = new StringBuilder("[");
        json.append(release("go1.22.5", GOOD_NAME, "linux", "amd64", "go1.22.5", "archive", sha(good), good.length));
        for (Entry e : hostile) {
            json.append(",").append(release(e.version(), e.filename(), e.os(), e.arch(), e.fileVersion(), e.kind(), sha(trap), trap.length));
            hostileVersions.add(e.version());
        }
        list = Files.writeString(tmp.resolve("dl.json"), json.append("]").toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String release(String version, String filename, String os, String arch, String fileVersion, String kind, String sha, long size) {
        return """
                {"version": "%s", "stable": true, "files": [{"filename": "%s", "os": "%s", "arch": "%s", "version": "%s",
                  "sha256": "%s", "size": %d, "kind": "%s"}]}""".formatted(version, jsonEscape(filename), os, arch, fileVersion,
                sha, size, kind);
    }

    static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Every path under the test folder except the log (which a run may append to). */
    Set<String> tree() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.map(p -> tmp.relativize(p).toString()).filter(p -> !p.startsWith("logs"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    CliRunner.Result install(String version, String mirror, String home, String... more) {
        List<String> args = new ArrayList<>(List.of("install", version, "--catalog", list.toString(), "--mirror", mirror,
                "--allow-http", "127.0.0.1", "--home", tmp.resolve(home).toString(), "--platform", "linux-amd64"));
        args.addAll(List.of(more));
        return CliRunner.run(tmp, args.toArray(String[]::new));
    }

    @Test
    void hostileNamesAreRefusedBeforeAnyRequestOrFileAndTheGoodEntryStillInstalls() throws Exception {
        String http = server.uri("/files/").toString();
        CliRunner.Result listed = CliRunner.run(tmp, "releases", "--all", "--platform", "linux-amd64", "--catalog", list.toString());
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).as("the list still shows, and names nothing raw").contains("go1.22.5")
                .doesNotContain("\u001b").doesNotContain("\u0000").doesNotContain("\n.tar.gz");
        Files.createDirectories(tmp.resolve("h")); // --home names an account's folder, which exists
        Set<String> before = tree();
        for (String mirror : List.of(http, mirrorFolder.toUri().toString(), mirrorFolder.toString())) {
            for (String version : hostileVersions) {
                for (String[] mode : new String[][] {{}, {"--dry-run", "--json"}}) {
                    CliRunner.Result r = install(version, mirror, "h", mode);
                    assertThat(r.exitCode()).as(version + " via " + mirror + " " + List.of(mode) + ": " + r.err()).isEqualTo(5);
                    assertThat(r.err()).as(version).contains("release list").doesNotContain("\u001b").doesNotContain("\u0000");
                    assertThat(r.out()).as(version).isEmpty();
                    assertThat(server.requests()).as(version + ": no request reached the server").isZero();
                    assertThat(tree()).as(version + ": no file made anywhere").isEqualTo(before);
                }
            }
        }
        for (String mirror : List.of(http, mirrorFolder.toUri().toString(), mirrorFolder.toString())) {
            String home = "good-" + Integer.toHexString(mirror.hashCode());
            Files.createDirectories(tmp.resolve(home));
            CliRunner.Result good = install("1.22.5", mirror, home);
            assertThat(good.exitCode()).as(mirror + ": " + good.err()).isZero();
            assertThat(tmp.resolve(home).resolve("sdk/go1.22.5/.unpacked-success")).exists();
            try (Stream<Path> d = Files.list(tmp.resolve(home).resolve("sdk/.downloads"))) {
                assertThat(d).isEmpty();
            } catch (java.nio.file.NoSuchFileException readFromAFolder) {
                // a local mirror is read in place: no download folder at all
            }
        }
        // The good file, and its signature (FILE.asc, asked of the same mirror: if-available); nothing else.
        assertThat(server.requestedPaths()).as("one request for the good file, one for its signature")
                .containsExactlyInAnyOrder("/files/go1.22.5.linux-amd64.tar.gz", "/files/go1.22.5.linux-amd64.tar.gz.asc");
    }
}
