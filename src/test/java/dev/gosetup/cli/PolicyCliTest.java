package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import dev.gosetup.testing.TrustedTempDir;
import org.junit.jupiter.api.io.TempDir;

/** The command line on a managed machine: the pinned default, allowed versions, locked options, a broken file. */
@Timeout(180)
class PolicyCliTest {
    @TempDir(factory = TrustedTempDir.class) // root reads policies only from folders no one else can write
    Path tmp;
    LoopbackServer server;
    String catalog2021 = Fixtures.root().resolve("godl/golang-dl-stable-2021-11-08.json").toString();

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

    Path policy(String json) throws Exception {
        return Files.writeString(tmp.resolve("policy-" + System.nanoTime() + ".json"), json);
    }

    @Test
    @RunsLinuxAmd64Go
    void mdmInstallsThePinnedVersionFromThePolicysMirrorUnattended() throws Exception {
        Path mirror = GoMirror.dir();
        server.serveFile("/go/" + GoMirror.FILE, mirror.resolve(GoMirror.FILE));
        // A managed machine requires a signature: the mirror keeps FILE.asc, by a key the test seam pins.
        dev.gosetup.signature.TestKeys signer = new dev.gosetup.signature.TestKeys("Test <t@example.test>", java.time.Duration.ofDays(30));
        dev.gosetup.signature.TestKeys.Key subkey = signer.addSigningSubkey(java.time.Duration.ofDays(10), null, true);
        signer.trustOnly(null);
        server.serve("/go/" + GoMirror.FILE + ".asc", dev.gosetup.signature.TestKeys.sign(subkey, mirror.resolve(GoMirror.FILE)));
        Path sdk = tmp.resolve("managed-sdk");
        Path file = policy("""
                {"goVersion": "1.19.8", "releaseList": "%s", "fileMirror": "%s",
                 "plainHttpHosts": ["127.0.0.1"], "sdkRoot": "%s"}
                """.formatted(mirror.resolve("dl.json"), server.uri("/go/"), sdk));

        CliResult r;
        try {
            r = run("install", "--policy", file.toString(), "--yes", "--json", "--platform", "linux-amd64");
        } finally {
            dev.gosetup.signature.TestKeys.reset();
        }

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("verified").get("signature").asText()).isEqualTo("signed");
        assertThat(o.get("version").asText()).isEqualTo("go1.19.8");
        assertThat(o.get("dir").asText()).isEqualTo(sdk.resolve("go1.19.8").toString());
        assertThat(o.get("goVersion").asText()).isEqualTo("go version go1.19.8 linux/amd64");
        assertThat(server.requests()).as("the archive came from the policy's mirror").isPositive();
        assertThat(Files.readSymbolicLink(sdk.resolve("go"))).isEqualTo(Path.of("go1.19.8"));
    }

    @Test
    void aVersionOutsideTheAllowedOnesIsRefusedAndLatestMeansTheNewestAllowed() throws Exception {
        Path file = policy("""
                {"allowedGoVersions": ["1.16"], "releaseList": "%s", "sdkRoot": "%s"}
                """.formatted(catalog2021, tmp.resolve("sdk")));

        CliResult refused = run("install", "1.17.3", "--policy", file.toString(), "--platform", "linux-amd64", "--dry-run");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("go1.17.3 is not allowed").contains(file.toString()).contains("1.16");

        CliResult latest = run("--policy", file.toString(), "install", "--platform", "linux-amd64", "--dry-run", "--json");
        assertThat(latest.exitCode()).as(latest.err()).isZero();
        assertThat(new ObjectMapper().readTree(latest.out()).get("version").asText()).isEqualTo("go1.16.10");

        CliResult releases = run("releases", "--json", "--platform", "linux-amd64", "--policy", file.toString());
        assertThat(releases.exitCode()).as(releases.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(releases.out());
        assertThat(list).extracting(n -> n.get("version").asText()).containsExactly("go1.16.10");
        assertThat(list.get(0).get("pinned").asBoolean()).isTrue();
    }

    @Test
    void optionsThatContradictALockedValueAreRefusedNamingTheFile() throws Exception {
        Path locked = policy("""
                {"releaseList": "%s", "fileMirror": "https://artifactory.example.com/go/", "sdkRoot": "%s"}
                """.formatted(catalog2021, tmp.resolve("sdk")));
        CliResult mirror = run("install", "--policy", locked.toString(), "--mirror", "https://elsewhere.example/", "--dry-run",
                "--platform", "linux-amd64");
        assertThat(mirror.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mirror.err()).contains("--mirror").contains("set by your organisation in " + locked);
        CliResult root = run("install", "--policy", locked.toString(), "--sdk-root", tmp.resolve("other").toString(),
                "--dry-run", "--platform", "linux-amd64");
        assertThat(root.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(root.err()).contains("--sdk-root").contains(locked.toString());
        CliResult same = run("install", "--policy", locked.toString(), "--mirror", "https://artifactory.example.com/go",
                "--dry-run", "--json", "--platform", "linux-amd64");
        assertThat(same.exitCode()).as("the locked value itself is fine: " + same.err()).isZero();
        assertThat(new ObjectMapper().readTree(same.out()).get("url").asText())
                .isEqualTo("https://artifactory.example.com/go/go1.17.3.linux-amd64.tar.gz");

        Path open = policy("""
                {"releaseList": "%s", "fileMirror": "https://artifactory.example.com/go/", "sdkRoot": "%s",
                 "userMayChange": ["fileMirror"]}
                """.formatted(catalog2021, tmp.resolve("sdk")));
        CliResult allowed = run("install", "--policy", open.toString(), "--mirror", "https://elsewhere.example/", "--dry-run",
                "--json", "--platform", "linux-amd64");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(new ObjectMapper().readTree(allowed.out()).get("url").asText()).startsWith("https://elsewhere.example/");
    }

    @Test
    void aBrokenPolicyStopsEveryCommandWithExitCode2AndSaysWhere() throws Exception {
        Path broken = policy("{\n  \"goVersion\": \"1.22.5\",\n  \"fileMirror\": \n}\n");
        for (String[] args : new String[][] {{"install", "--dry-run"}, {"releases"}, {"env"}}) {
            String[] withPolicy = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--policy", broken.toString())).toArray(String[]::new);
            CliResult r = run(withPolicy);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("cannot be used").contains(broken.toString()).contains("line 4, column 1");
        }
        CliResult doctor = run("doctor", "--offline", "--policy", broken.toString(), "--home", Files.createDirectories(tmp.resolve("h")).toString());
        assertThat(doctor.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(doctor.out()).contains("FAIL  The managed policy cannot be used: " + broken);

        CliResult missing = run("--policy", tmp.resolve("nowhere.json").toString(), "install", "--dry-run");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("nowhere.json").contains("does not exist");
    }

    @Test
    void envUsesThePolicysGoVariablesAndGopathAndRefusesLockedOnes() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path file = policy("""
                {"goEnv": {"GOPROXY": "https://goproxy.cn,direct", "GOPRIVATE": "*.corp.example.com"},
                 "gopath": "~/work/go", "sdkRoot": "~/sdk", "userMayChange": ["GOPRIVATE"]}
                """);
        CliResult print = run("env", "--print", "--shell", "bash", "--home", home.toString(), "--policy", file.toString());
        assertThat(print.exitCode()).as(print.err()).isZero();
        assertThat(print.out()).contains("GOPROXY='https://goproxy.cn,direct'").contains("GOPRIVATE='*.corp.example.com'")
                .contains("/work/go");

        CliResult mine = run("env", "--print", "--shell", "bash", "--home", home.toString(), "--policy", file.toString(),
                "--go-env", "GOPRIVATE=github.com/me");
        assertThat(mine.exitCode()).as("GOPRIVATE is the user's to change: " + mine.err()).isZero();
        assertThat(mine.out()).contains("GOPRIVATE='github.com/me'");

        CliResult refused = run("env", "--print", "--shell", "bash", "--home", home.toString(), "--policy", file.toString(),
                "--go-env", "GOPROXY=direct");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("GOPROXY").contains("set by your organisation in " + file);
    }

    @Test
    void theProxyThePolicyNamesIsUsedForEveryRequest() throws Exception {
        // The release list's host does not exist: only a proxy that forwards the request can answer it.
        server.serve("/dl.json", Files.readAllBytes(Path.of(catalog2021)));
        Path file = policy("""
                {"releaseList": "http://go-mirror.invalid/dl.json", "plainHttpHosts": ["go-mirror.invalid"],
                 "proxy": "%s", "sdkRoot": "%s"}
                """.formatted(server.uri("").toString(), tmp.resolve("sdk")));
        CliResult r = run("install", "--policy", file.toString(), "--dry-run", "--json", "--platform", "linux-amd64");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("version").asText()).isEqualTo("go1.17.3");
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void unknownFieldsAreWarningsOnStandardErrorAndInDoctor() throws Exception {
        Path file = policy("""
                {"goVersion": "1.17", "releaseList": "%s", "sdkRoot": "%s", "fileMirorr": "typo"}
                """.formatted(catalog2021, tmp.resolve("sdk")));
        CliResult r = run("install", "--policy", file.toString(), "--dry-run", "--json", "--platform", "linux-amd64");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("version").asText()).isEqualTo("go1.17.3");
        assertThat(r.err()).contains("Policy warning").contains("$.fileMirorr").contains("unknown field");

        CliResult doctor = run("doctor", "--offline", "--json", "--policy", file.toString(), "--home", Files.createDirectories(tmp.resolve("h")).toString());
        JsonNode finding = new ObjectMapper().readTree(doctor.out()).get(0);
        assertThat(finding.get("id").asText()).isEqualTo("policy");
        assertThat(finding.get("status").asText()).isEqualTo("warn");
        assertThat(finding.get("title").asText()).contains(file.toString());
        assertThat(finding.get("detail").asText()).contains("goVersion = 1.17 (locked)").contains("$.fileMirorr");
    }
}
