package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.install.VerificationRecord;
import dev.gosetup.signature.TestKeys;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.TarGzBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs of the real Go 1.19.8 archive over loopback HTTP, signed with keys made here (the test's trust anchor
 * replaces Google's through the test seam): what a good signature, a tampered archive, untrusted, expired and
 * revoked keys, a missing or truncated FILE.asc do under each strictness, as a script sees it.
 */
@Timeout(300)
class SignedInstallCliTest {
    static TestKeys trusted;
    static TestKeys.Key signing;
    static TestKeys.Key expired;
    static TestKeys.Key revoked;
    static TestKeys.Key unconsenting;
    static TestKeys stranger;
    static TestKeys.Key strangersKey;
    static byte[] goodAsc;

    @TempDir(factory = dev.gosetup.testing.TrustedTempDir.class) // root reads policies only from folders no one else can write
    Path tmp;
    LoopbackServer server;
    String base;
    String home;

    @BeforeAll
    static void keys() throws Exception {
        trusted = new TestKeys("Test Go Signing <go@example.test>", Duration.ofDays(400));
        signing = trusted.addSigningSubkey(Duration.ofDays(30), Duration.ofDays(365), true);
        expired = trusted.addSigningSubkey(Duration.ofDays(10), Duration.ofDays(1), true);
        revoked = trusted.addSigningSubkey(Duration.ofDays(20), null, true);
        trusted.revoke(revoked);
        unconsenting = trusted.addSigningSubkey(Duration.ofDays(3), null, false);
        stranger = new TestKeys("Someone Else <x@example.test>", Duration.ofDays(100));
        strangersKey = stranger.addSigningSubkey(Duration.ofDays(5), null, true);
        goodAsc = TestKeys.sign(signing, GoMirror.dir().resolve(GoMirror.FILE));
    }

    @AfterAll
    static void productionKey() {
        TestKeys.reset();
    }

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        base = server.uri("/").toString();
        home = Files.createDirectories(tmp.resolve("home")).toString();
        trusted.trustOnly(server.uri("/linux_signing_key.pub"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliResult install(String... extra) throws Exception {
        String[] args = {"install", "1.19", "--catalog", GoMirror.dir().resolve("dl.json").toString(), "--mirror", base,
                "--allow-http", "127.0.0.1", "--home", home, "--platform", "linux-amd64"};
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CliResult.run(tmp, all);
    }

    private void serveArchive() throws Exception {
        server.serveFile("/" + GoMirror.FILE, GoMirror.dir().resolve(GoMirror.FILE));
    }

    private Path version() {
        return Path.of(home, "sdk", "go1.19.8");
    }

    private void assertNothingInstalled(CliResult r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.CHECKSUM);
        assertThat(version()).doesNotExist();
        Path sdk = Path.of(home, "sdk");
        if (Files.isDirectory(sdk)) {
            try (var left = Files.list(sdk)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as("no staging folder, no kept download").noneMatch(n -> n.startsWith(".staging") || n.startsWith("go1"));
            }
            if (Files.isDirectory(sdk.resolve(".downloads"))) {
                try (var d = Files.list(sdk.resolve(".downloads"))) {
                    assertThat(d.toList()).isEmpty();
                }
            }
        }
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void aGoodSignatureInstallsAndSaysWhoSigned() throws Exception {
        serveArchive();
        server.serve("/" + GoMirror.FILE + ".asc", goodAsc);

        CliResult r = install("--json", "--signatures", "required");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode v = new ObjectMapper().readTree(r.out()).get("verified");
        assertThat(v.get("signature").asText()).isEqualTo("signed");
        // The pinned anchor is "Google" by role; the test seam swapped only its key.
        assertThat(v.get("signer").asText()).isEqualTo("Google");
        assertThat(v.get("primaryKey").asText()).isEqualTo(trusted.primary.fingerprint());
        assertThat(v.get("signingKey").asText()).isEqualTo(signing.fingerprint());
        assertThat(v.get("sha256").asText()).isEqualTo(GoMirror.sha256());
        assertThat(VerificationRecord.readFrom(version())).hasValueSatisfying(rec -> {
            assertThat(rec.verification().signed()).isTrue();
            assertThat(rec.verification().signatureSource()).isEqualTo(base + GoMirror.FILE + ".asc");
        });

        CliResult again = install(); // already there: the recorded verification, in words
        assertThat(again.exitCode()).as(again.err()).isZero();
        String fp = trusted.primary.fingerprint();
        assertThat(again.out()).contains("SHA-256 ✓ · signed by Google (key …" + fp.substring(36) + ") ✓");

        CliResult list = CliResult.run(tmp, "list", "--json", "--home", home);
        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode listed = new ObjectMapper().readTree(list.out()).get(0).get("verified");
        assertThat(listed.get("signature").asText()).isEqualTo("signed");
        assertThat(listed.get("signingKey").asText()).isEqualTo(signing.fingerprint());
        assertThat(CliResult.run(tmp, "list", "--home", home).out()).contains("SHA-256 ✓ · signed by Google (key …");
    }

    @Test
    void aTamperedArchiveWithAMatchingListIsRefusedAndLeavesNothing() throws Exception {
        byte[] evil = TarGzBuilder.tinyGo("go1.19.8");
        Path evilFile = Files.write(tmp.resolve(GoMirror.FILE), evil);
        String evilSha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(evil));
        // The mirror lies consistently: its release list describes its own archive.
        String list = Files.readString(GoMirror.dir().resolve("dl.json")).replace(GoMirror.sha256(), evilSha)
                .replace(Long.toString(Files.size(GoMirror.dir().resolve(GoMirror.FILE))), Integer.toString(evil.length));
        Path fakeList = Files.writeString(tmp.resolve("dl.json"), list);
        server.serveFile("/" + GoMirror.FILE, evilFile);
        server.serve("/" + GoMirror.FILE + ".asc", goodAsc);

        CliResult r = CliResult.run(tmp, "install", "1.19", "--catalog", fakeList.toString(), "--mirror", base,
                "--allow-http", "127.0.0.1", "--home", home, "--platform", "linux-amd64");

        assertNothingInstalled(r);
        assertThat(r.err()).contains("does not match its signature").contains(GoMirror.FILE + ".asc");
    }

    @Test
    void aSignatureByAKeyNotBoundToTheTrustedKeyIsRefused() throws Exception {
        serveArchive();
        server.serve("/" + GoMirror.FILE + ".asc", TestKeys.sign(strangersKey, GoMirror.dir().resolve(GoMirror.FILE)));
        // The "published" copy of the trusted key claims the stranger's subkey; only the stranger bound it.
        server.serve("/linux_signing_key.pub", TestKeys.armored(trusted.withForeignSubkey(strangersKey)));

        CliResult r = install();

        assertNothingInstalled(r);
        assertThat(r.err()).contains("not validly bound");
        assertThat(server.requests()).as("the archive itself was never fetched").isLessThanOrEqualTo(3);
    }

    @Test
    void aSignatureByAnUnknownKeyIsRefused() throws Exception {
        serveArchive();
        server.serve("/" + GoMirror.FILE + ".asc", TestKeys.sign(strangersKey, GoMirror.dir().resolve(GoMirror.FILE)));

        CliResult r = install();

        assertNothingInstalled(r);
        assertThat(r.err()).contains("neither Google").contains(strangersKey.fingerprint());
    }

    @Test
    void expiredAndRevokedSubkeysAreRefused() throws Exception {
        serveArchive();
        server.serve("/" + GoMirror.FILE + ".asc", TestKeys.sign(expired, GoMirror.dir().resolve(GoMirror.FILE)));
        CliResult r = install();
        assertNothingInstalled(r);
        assertThat(r.err()).contains("had expired");

        server.serve("/" + GoMirror.FILE + ".asc", TestKeys.sign(revoked, GoMirror.dir().resolve(GoMirror.FILE)));
        CliResult r2 = install();
        assertNothingInstalled(r2);
        assertThat(r2.err()).contains("revoked");

        server.serve("/" + GoMirror.FILE + ".asc", TestKeys.sign(unconsenting, GoMirror.dir().resolve(GoMirror.FILE)));
        CliResult r3 = install();
        assertNothingInstalled(r3);
        assertThat(r3.err()).contains("lacks the key's own consent");
    }

    @Test
    void aNewerSubkeyIsTakenFromThePublishedKeyOnlyBecauseThePinnedPrimaryBindsIt() throws Exception {
        TestKeys owner = new TestKeys("Rotating <r@example.test>", Duration.ofDays(200));
        owner.trustOnly(server.uri("/linux_signing_key.pub")); // the shipped copy: no subkey yet
        TestKeys.Key newer = owner.addSigningSubkey(Duration.ofDays(1), Duration.ofDays(700), true);
        server.serve("/linux_signing_key.pub", owner.armored()); // the published copy has it
        serveArchive();
        server.serve("/" + GoMirror.FILE + ".asc", TestKeys.sign(newer, GoMirror.dir().resolve(GoMirror.FILE)));

        CliResult r = install("--json", "--signatures", "required");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode v = new ObjectMapper().readTree(r.out()).get("verified");
        assertThat(v.get("signingKey").asText()).isEqualTo(newer.fingerprint());
        assertThat(v.get("primaryKey").asText()).isEqualTo(owner.primary.fingerprint());
    }

    @Test
    void theOrganisationsOwnKeyFromThePolicyIsTrustedBesideGoogles() throws Exception {
        TestKeys it = new TestKeys("IT Builds <it@example.test>", Duration.ofDays(50));
        TestKeys.Key build = it.addSigningSubkey(Duration.ofDays(2), null, true);
        Path key = Files.write(tmp.resolve("it-key.asc"), it.armored());
        serveArchive();
        server.serve("/" + GoMirror.FILE + ".asc", TestKeys.sign(build, GoMirror.dir().resolve(GoMirror.FILE)));
        Path policy = Files.writeString(tmp.resolve("policy.json"), "{\"fileMirror\": \"" + base
                + "\", \"plainHttpHosts\": [\"127.0.0.1\"], \"trustedSigningKeys\": [\"" + key + "\"]}");

        CliResult r = CliResult.run(tmp, "--policy", policy.toString(), "install", "1.19", "--catalog",
                GoMirror.dir().resolve("dl.json").toString(), "--home", home, "--platform", "linux-amd64", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode v = new ObjectMapper().readTree(r.out()).get("verified");
        assertThat(v.get("signer").asText()).isEqualTo("IT Builds <it@example.test>");
        assertThat(v.get("signingKey").asText()).isEqualTo(build.fingerprint());
    }

    @Test
    void aTruncatedSignatureIsRefused() throws Exception {
        serveArchive();
        server.serve("/" + GoMirror.FILE + ".asc", Arrays.copyOf(goodAsc, goodAsc.length / 2));

        CliResult r = install("--signatures", "if-available");

        assertNothingInstalled(r);
        assertThat(r.err()).contains("not a valid OpenPGP signature");
    }

    @Test
    void aMissingSignatureUnderEachStrictness() throws Exception {
        serveArchive();

        CliResult required = install("--signatures", "required");
        assertNothingInstalled(required);
        assertThat(required.err()).contains("No signature was found").contains(GoMirror.FILE + ".asc");

        CliResult ifAvailable = install("--json", "--signatures", "if-available");
        assertThat(ifAvailable.exitCode()).as(ifAvailable.err()).isZero();
        JsonNode v = new ObjectMapper().readTree(ifAvailable.out()).get("verified");
        assertThat(v.get("signature").asText()).isEqualTo("no-signature");
        assertThat(v.get("absence").asText()).isEqualTo("none-published");
        assertThat(install().out()).contains("SHA-256 ✓ · no signature available from this mirror");

        home = Files.createDirectories(tmp.resolve("home-off")).toString(); // a fresh machine for "off"
        int before = server.requests();
        CliResult off = install("--json", "--signatures", "off");
        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(new ObjectMapper().readTree(off.out()).get("verified").get("signature").asText()).isEqualTo("not-checked");
        assertThat(server.requests() - before).as("only the archive: no .asc asked for").isEqualTo(1);
    }

    @Test
    void aManagedMachineRequiresASignatureByDefault() throws Exception {
        serveArchive();
        Path policy = Files.writeString(tmp.resolve("policy.json"), "{\"fileMirror\": \"" + base + "\", \"plainHttpHosts\": [\"127.0.0.1\"]}");

        CliResult r = CliResult.run(tmp, "--policy", policy.toString(), "install", "1.19", "--catalog",
                GoMirror.dir().resolve("dl.json").toString(), "--home", home, "--platform", "linux-amd64");

        assertNothingInstalled(r);
        assertThat(r.err()).contains("signatures are required");
    }

    @Test
    void doctorFlagsAVersionNeverSignatureCheckedAndChecksItNow() throws Exception {
        serveArchive();
        // The mirror as the user's settings name it, as the doctor's fix reads them.
        // --home moves the settings with the home (~/.config/gosetup).
        Path config = Files.createDirectories(Path.of(home, ".config", "gosetup"));
        Files.writeString(config.resolve("settings.json"), new ObjectMapper().writeValueAsString(java.util.Map.of(
                "language", "en", "releaseList", GoMirror.dir().resolve("dl.json").toString(), "fileMirror", base,
                "plainHttpHosts", java.util.List.of("127.0.0.1"))));
        CliResult installed = install("--signatures", "off");
        assertThat(installed.exitCode()).as(installed.err()).isZero();
        Files.delete(version().resolve(VerificationRecord.FILE)); // as an older gosetup left it: no record at all

        CliResult doctor = CliResult.run(tmp, "doctor", "--json", "--offline", "--home", home);
        JsonNode unsigned = finding(doctor, "version-not-signature-checked");
        assertThat(unsigned.get("status").asText()).isEqualTo("warn");
        assertThat(unsigned.get("title").asText()).isEqualTo("go1.19.8 was never checked against Google's signature");
        assertThat(unsigned.get("detail").asText()).as("the folder as the other findings show it")
                .startsWith("~/sdk/go1.19.8 was installed before").doesNotContain(home);
        assertThat(unsigned.get("fix").asText()).contains("download the archive and its signature again");

        server.serve("/" + GoMirror.FILE + ".asc", goodAsc);
        CliResult fixed = CliResult.run(tmp, "doctor", "--fix", "--yes", "--offline", "--home", home);
        assertThat(fixed.out()).as(fixed.err()).contains(version().resolve(VerificationRecord.FILE).toString());
        assertThat(VerificationRecord.readFrom(version())).hasValueSatisfying(r -> {
            assertThat(r.verification().signed()).isTrue();
            assertThat(r.verification().signingKey()).isEqualTo(signing.fingerprint());
        });
        assertThat(finding(CliResult.run(tmp, "doctor", "--json", "--offline", "--home", home), "version-not-signature-checked")
                .get("status").asText()).isEqualTo("ok");

        // An installed file changed since: the signed archive no longer vouches for the version, and the doctor says so.
        Files.delete(version().resolve(VerificationRecord.FILE));
        Files.writeString(version().resolve("VERSION"), "go1.19.8-altered\n");
        CliResult refused = CliResult.run(tmp, "doctor", "--fix", "--yes", "--offline", "--home", home);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("differ from the signed archive").contains("VERSION");
        assertThat(VerificationRecord.readFrom(version())).isEmpty();
    }

    private static JsonNode finding(CliResult doctor, String id) throws Exception {
        for (JsonNode f : new ObjectMapper().readTree(doctor.out())) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + doctor.out() + doctor.err());
    }
}
