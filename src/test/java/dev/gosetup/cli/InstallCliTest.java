package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import dev.gosetup.testing.TarGzBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** releases / install / use / remove as a script sees them: JSON, exit codes, a real Go through loopback. */
@Timeout(180)
class InstallCliTest {
    @TempDir
    Path tmp;
    LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    CliResult run(String... args) {
        return CliResult.run(tmp, args);
    }

    /** A home folder (--home must name one that exists). */
    String home(String name) throws java.io.IOException {
        return Files.createDirectories(tmp.resolve(name)).toString();
    }

    @Test
    @RunsLinuxAmd64Go
    void installsTheRealGoFromAMirrorAndSwitchesAndRemoves() throws Exception {
        Path mirror = GoMirror.dir();
        server.serveFile("/" + GoMirror.FILE, mirror.resolve(GoMirror.FILE));
        String base = server.uri("/").toString();
        String home = Files.createDirectories(tmp.resolve("home")).toString();

        CliResult plan = run("install", "--catalog", mirror.resolve("dl.json").toString(), "--mirror", base,
                "--allow-http", "127.0.0.1", "--home", home, "--platform", "linux-amd64", "--dry-run", "--json");
        assertThat(plan.exitCode()).isZero();
        JsonNode p = new ObjectMapper().readTree(plan.out());
        assertThat(p.get("version").asText()).isEqualTo("go1.19.8");
        assertThat(p.get("url").asText()).isEqualTo(base + GoMirror.FILE);
        assertThat(p.get("sha256").asText()).isEqualTo(GoMirror.sha256());
        assertThat(p.get("target").asText()).isEqualTo(Path.of(home, "sdk", "go1.19.8").toString());
        assertThat(server.requests()).as("a dry run downloads nothing").isZero();

        CliResult installed = run("install", "1.19", "--catalog", mirror.resolve("dl.json").toString(), "--mirror", base,
                "--allow-http", "127.0.0.1", "--home", home, "--platform", "linux-amd64", "--json");
        assertThat(installed.exitCode()).as(installed.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(installed.out());
        assertThat(r.get("goVersion").asText()).isEqualTo("go version go1.19.8 linux/amd64");
        assertThat(r.get("active").asBoolean()).isTrue();
        assertThat(Files.readSymbolicLink(Path.of(home, "sdk", "go"))).isEqualTo(Path.of("go1.19.8"));

        CliResult remove = run("remove", "1.19.8", "--home", home);
        assertThat(remove.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(remove.err()).contains("active version");
    }

    @Test
    void exitCodesTellScriptsWhatWentWrong() throws Exception {
        String catalog = Fixtures.root().resolve("godl/golang-dl-include-all-2020.json").toString();
        assertThat(run("install", "1.13", "--catalog", catalog, "--platform", "darwin-arm64").exitCode()).isEqualTo(ExitCodes.NO_BUILD);
        assertThat(run("install", "9.99", "--catalog", catalog, "--platform", "linux-amd64").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("install", "--platform", "nonsense").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);

        byte[] good = TarGzBuilder.tinyGo("go1.22.5");
        Path archive = Files.write(tmp.resolve("go1.22.5.linux-amd64.tar.gz"), good);
        CliResult mismatch = run("install", "--archive", archive.toString(), "--sha256", "0".repeat(64),
                "--platform", "linux-amd64", "--home", home("h"));
        assertThat(mismatch.exitCode()).isEqualTo(ExitCodes.CHECKSUM);
        assertThat(mismatch.err()).contains("SHA-256").doesNotContain("Exception");

        byte[] evil = new TarGzBuilder().file("go/../evil", "x", 0644).build();
        Path evilArchive = Files.write(tmp.resolve("go1.22.6.linux-amd64.tar.gz"), evil);
        String evilSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(evil));
        assertThat(run("install", "--archive", evilArchive.toString(), "--sha256", evilSha,
                "--platform", "linux-amd64", "--home", home("h")).exitCode()).isEqualTo(ExitCodes.UNSAFE_ARCHIVE);

        CliResult noNet = run("install", "--catalog", "https://127.0.0.1:1/dl.json", "--home", home("h"));
        assertThat(noNet.exitCode()).isEqualTo(ExitCodes.DOWNLOAD_FAILED);
        assertThat(noNet.err()).contains("no saved copy");
        assertThat(tmp.resolve("h/sdk")).satisfies(sdk -> {
            try (var s = Files.list(sdk)) {
                assertThat(s.map(x -> x.getFileName().toString())).doesNotContain("go1.22.5", "go1.22.6");
            }
        });
    }

    @Test
    void releasesJsonListsTheFileForThePlatform() throws Exception {
        CliResult r = run("releases", "--json", "--platform", "darwin-arm64",
                "--catalog", Fixtures.root().resolve("godl/golang-dl-stable-2021-11-08.json").toString());
        assertThat(r.exitCode()).isZero();
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertThat(list.get(0).get("version").asText()).isEqualTo("go1.17.3");
        assertThat(list.get(0).get("filename").asText()).isEqualTo("go1.17.3.darwin-arm64.tar.gz");
        assertThat(list.get(0).get("supported").asBoolean()).isTrue();
    }

    @Test
    void airGappedInstallReadsFilesFromALocalMirrorFolder() throws Exception {
        Path mirror = Files.createDirectories(tmp.resolve("mirror"));
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        String file = "go1.22.5.linux-amd64.tar.gz";
        Files.write(mirror.resolve(file), archive);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(archive));
        Files.writeString(mirror.resolve("dl.json"), """
                [{"version": "go1.22.5", "stable": true, "files": [{"filename": "%s", "os": "linux", "arch": "amd64",
                  "version": "go1.22.5", "sha256": "%s", "size": %d, "kind": "archive"}]}]
                """.formatted(file, sha, archive.length));

        // the folder as a file: URL, and the same folder as a plain path
        CliResult byUrl = run("install", "--catalog", mirror.resolve("dl.json").toUri().toString(), "--mirror", mirror.toUri().toString(),
                "--home", home("h1"), "--platform", "linux-amd64", "--json");
        assertThat(byUrl.exitCode()).as(byUrl.err()).isZero();
        assertThat(tmp.resolve("h1/sdk/go1.22.5/.unpacked-success")).exists();
        CliResult byPath = run("install", "--catalog", mirror.resolve("dl.json").toString(), "--mirror", mirror.toString(),
                "--home", home("h2"), "--platform", "linux-amd64", "--json");
        assertThat(byPath.exitCode()).as(byPath.err()).isZero();
        assertThat(Files.readAllBytes(mirror.resolve(file))).as("the mirror's copy is left alone").isEqualTo(archive);
        // What a person reads at the end: verified, where, and whether it is the Go that runs now.
        CliResult plain = run("install", "--catalog", mirror.resolve("dl.json").toString(), "--mirror", mirror.toString(),
                "--home", Files.createDirectories(tmp.resolve("h4")).toString(), "--platform", "linux-amd64");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).startsWith("SHA-256 verified · installed in ~/sdk/go1.22.5 · now active");

        // --catalog FILE alone: the archives are taken from FILE's folder, never from the internet.
        CliResult besideList = run("install", "--catalog", mirror.resolve("dl.json").toString(),
                "--home", Files.createDirectories(tmp.resolve("h5")).toString(), "--platform", "linux-amd64", "--json");
        assertThat(besideList.exitCode()).as(besideList.err()).isZero();
        assertThat(tmp.resolve("h5/sdk/go1.22.5/.unpacked-success")).exists();

        Files.delete(mirror.resolve(file));
        CliResult notBeside = run("install", "--catalog", mirror.resolve("dl.json").toString(),
                "--home", Files.createDirectories(tmp.resolve("h6")).toString(), "--platform", "linux-amd64");
        assertThat(notBeside.exitCode()).isEqualTo(ExitCodes.DOWNLOAD_FAILED);
        assertThat(notBeside.err()).contains(file + " is not in " + mirror).contains("--mirror URL")
                .doesNotContain("dl.google.com");
        assertThat(tmp.resolve("h6/sdk/go1.22.5")).doesNotExist();
        CliResult missing = run("install", "--catalog", mirror.resolve("dl.json").toString(), "--mirror", mirror.toString(),
                "--home", home("h3"), "--platform", "linux-amd64");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.DOWNLOAD_FAILED);
        assertThat(missing.err()).contains(file).contains("mirror folder").doesNotContain("Exception");
        assertThat(tmp.resolve("h3/sdk/go1.22.5")).doesNotExist();
    }
}
