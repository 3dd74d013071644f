package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.logging.LogSetup;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import dev.gosetup.testing.TrustedTempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mirror that needs a login, given as {@code http://ci:TOKEN@host/go/}: the command line uses the
 * credentials (the downloads succeed) and shows them nowhere. Every channel is searched for the token:
 * standard output and error (text, --json, --dry-run, failures), the log file, the release-list cache and
 * settings.json.
 */
@Timeout(180)
class SecretsCliTest {
    static final String TOKEN = "tok-9d2f44-SECRET";
    @TempDir(factory = TrustedTempDir.class) // the doctor run reads a policy as root
    Path tmp;
    LoopbackServer server;
    final List<CliResult> runs = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Path mirror = GoMirror.dir();
        server = new LoopbackServer().requireBasic("ci", TOKEN).serveFile("/go/" + GoMirror.FILE, mirror.resolve(GoMirror.FILE))
                .serve("/go/dl.json", Files.readAllBytes(mirror.resolve("dl.json")));
        LogSetup.configure(tmp.resolve("logs"));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        LogManager.getLogManager().readConfiguration();
    }

    String base() {
        return server.uri("/go/").toString().replace("http://", "http://ci:" + TOKEN + "@");
    }

    String masked() {
        return server.uri("/go/").toString().replace("http://", "http://ci:***@");
    }

    CliResult run(String... args) {
        CliResult r = CliResult.run(tmp, args);
        runs.add(r);
        return r;
    }

    CliResult install(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("install", "1.19.8", "--catalog", base() + "dl.json", "--mirror", base(),
                "--allow-http", "127.0.0.1", "--home", Files.createDirectories(tmp.resolve("home")).toString(), "--platform", "linux-amd64"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    @RunsLinuxAmd64Go
    void aMirrorsCredentialsAreUsedAndShownNowhere() throws Exception {
        CliResult plan = install("--dry-run");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains(masked() + GoMirror.FILE);

        CliResult json = install("--dry-run", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(new ObjectMapper().readTree(json.out()).get("url").asText()).isEqualTo(masked() + GoMirror.FILE);

        CliResult done = install("--json", "--yes");
        assertThat(done.exitCode()).as(done.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(done.out());
        assertThat(o.get("goVersion").asText()).isEqualTo("go version go1.19.8 linux/amd64");
        assertThat(server.authorizations).as("every request logged in").isNotEmpty().doesNotContain("-");

        CliResult releases = run("releases", "--catalog", base() + "dl.json", "--allow-http", "127.0.0.1", "--platform", "linux-amd64");
        assertThat(releases.exitCode()).as(releases.err()).isZero();
        assertThat(releases.out()).contains(masked() + "dl.json");

        CliResult missing = run("install", "1.19.8", "--catalog", base() + "dl.json", "--mirror", base() + "nothing-here/",
                "--allow-http", "127.0.0.1", "--home", Files.createDirectories(tmp.resolve("home2")).toString(), "--platform", "linux-amd64", "--yes");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.DOWNLOAD_FAILED);
        assertThat(missing.err()).contains("http://ci:***@127.0.0.1");

        assertNoTokenAnywhere();
        assertThat(Files.getPosixFilePermissions(tmp.resolve("config/cache"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(tmp.resolve("logs/gosetup0.log"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(tmp.resolve("logs"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    /** A policy naming the mirror with its credentials: doctor probes it (logged in), and env --apply saves settings without them. */
    @Test
    void aPolicysCredentialsReachNeitherDoctorsOutputNorTheUsersSettings() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("etc-gosetup"));
        Path policy = Files.writeString(dir.resolve("policy.json"), """
                {"releaseList": "%sdl.json", "fileMirror": "%s", "plainHttpHosts": ["127.0.0.1"],
                 "goEnv": {"GOPRIVATE": "*.corp.example"}}
                """.formatted(base(), base()));
        dev.gosetup.testing.HostOs.mode(policy, "rw-r--r--"); // root trusts no policy others can write
        Path home = Files.createDirectories(tmp.resolve("home"));

        CliResult doctor = run("doctor", "--policy", policy.toString(), "--home", home.toString());
        assertThat(doctor.out()).contains(masked() + "dl.json").contains("can be reached");
        CliResult doctorJson = run("doctor", "--json", "--policy", policy.toString(), "--home", home.toString());
        assertThat(doctorJson.out()).contains("ci:***@");
        assertThat(server.authorizations).isNotEmpty().doesNotContain("-");

        CliResult env = run("env", "--policy", policy.toString(), "--home", home.toString(), "--apply", "--yes");
        assertThat(env.exitCode()).as(env.err()).isZero();
        Path settings = home.resolve(".config/gosetup/settings.json"); // --home keeps the settings in that home
        assertThat(settings).exists();
        if (dev.gosetup.testing.HostOs.posixModes()) {
            assertThat(Files.getPosixFilePermissions(settings)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertNoTokenAnywhere();
    }

    void assertNoTokenAnywhere() throws IOException {
        LogSetup.flush();
        for (CliResult r : runs) {
            assertThat(r.out()).doesNotContain(TOKEN);
            assertThat(r.err()).doesNotContain(TOKEN);
        }
        // gosetup's own folders: the account's, and those of every --home used (settings, logs, cache move there)
        List<Path> places = new ArrayList<>(List.of(tmp.resolve("logs"), tmp.resolve("config")));
        try (Stream<Path> homes = Files.list(tmp)) {
            homes.filter(h -> h.getFileName().toString().startsWith("home"))
                    .forEach(h -> places.addAll(List.of(h.resolve(".config"), h.resolve(".local"), h.resolve(".cache"))));
        }
        for (Path place : places.stream().filter(Files::exists).toList()) {
            try (Stream<Path> files = Files.walk(place)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(f.toString()).doesNotContain(TOKEN);
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain(TOKEN);
                }
            }
        }
    }
}
