package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.signature.TestKeys;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.MultiGoMirror;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gosetup mirror build} and {@code mirror verify} as IT runs them, with real Go builds (MultiGoMirror's
 * 1.21.13/1.22.12/1.23.5, GoMirror's 1.19.8) from a {@code file:} folder and over loopback HTTP: the folder is
 * served over loopback HTTP and installed from with a fresh home; re-runs fetch nothing; a damaged byte is found
 * and repaired; lying lists and hostile names are refused; signatures are copied and checked.
 */
@Timeout(600)
class MirrorCliTest {
    private static final String V22 = "go1.22.12.linux-amd64.tar.gz";
    private static final String V23 = "go1.23.5.linux-amd64.tar.gz";
    private static final String V21 = "go1.21.13.linux-amd64.tar.gz";

    @TempDir(factory = dev.gosetup.testing.TrustedTempDir.class)
    Path tmp;
    Path out;
    String home;
    final List<LoopbackServer> servers = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        out = tmp.resolve("mirror");
        home = Files.createDirectories(tmp.resolve("home")).toString();
    }

    @AfterEach
    void stop() {
        servers.forEach(LoopbackServer::close);
    }

    @AfterAll
    static void productionKey() {
        TestKeys.reset();
    }

    private LoopbackServer server() throws Exception {
        LoopbackServer s = new LoopbackServer();
        servers.add(s);
        return s;
    }

    private CliResult run(String... args) {
        return CliResult.run(tmp, args);
    }

    private String[] build(String catalog, String... extra) {
        List<String> a = new ArrayList<>(List.of("mirror", "build", "--out", out.toString(), "--catalog", catalog,
                "--platforms", "linux/amd64", "--home", home, "--yes"));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    /** Serves a folder as nginx would: every regular file at its name. */
    private LoopbackServer serveFolder(Path dir) throws Exception {
        LoopbackServer s = server();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> s.serveFile("/" + f.getFileName(), f));
        }
        return s;
    }

    private static long archiveRequests(LoopbackServer s, String name) {
        return s.requestedPaths().stream().filter(p -> p.equals("/" + name)).count();
    }

    @Test
    void aMirrorBuiltFromALocalFolderIsServedAndInstalledFromAndAReRunFetchesNothing() throws Exception {
        Path upstream = MultiGoMirror.dir();
        CliResult r = run(build(upstream.resolve("dl.json").toString(), "--versions", "1.22.x,1.23.5"));

        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("To download: 2 files").contains("Stored " + V22).contains("Stored " + V23);
        for (String f : List.of(V22, V23)) {
            assertThat(Files.mismatch(out.resolve(f), upstream.resolve(f))).isEqualTo(-1L);
            String sha = Files.readString(upstream.resolve(f + ".sha256")).strip();
            assertThat(Files.readString(out.resolve(f + ".sha256"))).as("the bare digest, as dl.google.com serves it").isEqualTo(sha);
        }
        assertThat(out.resolve(V21)).doesNotExist();
        assertThat(out.resolve(".gosetup-partial")).isEmptyDirectory();
        for (String published : List.of("dl.json", "index.html", V22, V22 + ".sha256")) {
            if (dev.gosetup.testing.HostOs.posixModes()) { // Windows files have ACLs, no mode
                assertThat(Files.getPosixFilePermissions(out.resolve(published))).as("a web server reads " + published)
                        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
            }
        }
        // go.dev's schema, same field order, only what is there
        JsonNode list = new ObjectMapper().readTree(out.resolve("dl.json").toFile());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("version").asText()).isEqualTo("go1.23.5");
        List<String> fields = new ArrayList<>();
        list.get(0).get("files").get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("filename", "os", "arch", "version", "sha256", "size", "kind");
        List<String> top = new ArrayList<>();
        list.get(0).fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("version", "stable", "files");
        String index = Files.readString(out.resolve("index.html"));
        assertThat(index).contains("<a href=\"" + V22 + "\">" + V22 + "</a>").contains("linux/amd64").doesNotContain("<script");

        // Served as a static tree, the existing client options read it: --catalog URL/dl.json --mirror URL/.
        LoopbackServer web = serveFolder(out);
        String fresh = Files.createDirectories(tmp.resolve("fresh")).toString();
        CliResult install = run("install", "1.22", "--catalog", web.uri("/dl.json").toString(), "--mirror", web.uri("/").toString(),
                "--allow-http", "127.0.0.1", "--home", fresh, "--platform", "linux-amd64", "--json");
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(new ObjectMapper().readTree(install.out()).get("version").asText()).isEqualTo("go1.22.12");
        assertThat(Path.of(fresh, "sdk", "go1.22.12", "bin", "go")).isRegularFile();

        // Or the policy's two settings, nothing else: releaseList is the mirror's dl.json, fileMirror its folder.
        Path policy = Files.writeString(tmp.resolve("policy.json"), """
                {"releaseList": "%s", "fileMirror": "%s", "plainHttpHosts": ["127.0.0.1"], "signatures": "if-available",
                 "allowedGoVersions": ["1.23"]}
                """.formatted(web.uri("/dl.json"), web.uri("/")));
        String managed = Files.createDirectories(tmp.resolve("managed")).toString();
        CliResult byPolicy = run("install", "--policy", policy.toString(), "--yes", "--home", managed, "--platform", "linux-amd64", "--json");
        assertThat(byPolicy.exitCode()).as(byPolicy.err()).isZero();
        assertThat(new ObjectMapper().readTree(byPolicy.out()).get("version").asText()).isEqualTo("go1.23.5");
        assertThat(web.requestedPaths()).contains("/dl.json", "/" + V23);

        // A re-run: nothing to download, the files untouched.
        FileTime before = Files.getLastModifiedTime(out.resolve(V22));
        CliResult again = run(build(upstream.resolve("dl.json").toString(), "--versions", "1.22.x,1.23.5"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("To download: nothing").doesNotContain("Stored ").contains("(0 new)");
        assertThat(Files.getLastModifiedTime(out.resolve(V22))).isEqualTo(before);

        // Fewer versions: the other stays listed until --prune, which deletes only what gosetup wrote.
        Files.writeString(out.resolve("notes.txt"), "IT's own file");
        CliResult fewer = run(build(upstream.resolve("dl.json").toString(), "--versions", "1.23"));
        assertThat(fewer.out()).contains(V22 + ": no longer selected");
        assertThat(out.resolve(V22)).exists();
        assertThat(new ObjectMapper().readTree(out.resolve("dl.json").toFile())).hasSize(2);
        CliResult pruned = run(build(upstream.resolve("dl.json").toString(), "--versions", "1.23", "--prune"));
        assertThat(pruned.exitCode()).as(pruned.err()).isZero();
        assertThat(pruned.out()).contains("Deleted (no longer selected): " + V22);
        assertThat(out.resolve(V22)).doesNotExist();
        assertThat(out.resolve(V22 + ".sha256")).doesNotExist();
        assertThat(out.resolve("notes.txt")).hasContent("IT's own file");
        assertThat(new ObjectMapper().readTree(out.resolve("dl.json").toFile())).hasSize(1);

        CliResult verify = run("mirror", "verify", out.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("extra    notes.txt").contains("ok       " + V23);
    }

    /**
     * mirror build --toolchain-proxy --sumdb-key: the module-proxy layout of Go's own toolchain downloads beside the
     * archives, signed by IT's key; mirror verify checks it with the rest, and finds a changed byte in a zip.
     * (RealGoToolchainSwitchTest runs the real go against such a tree.)
     */
    @Test
    void theToolchainModuleIsBuiltBesideTheArchivesAndVerifiedWithThem() throws Exception {
        Path upstream = MultiGoMirror.dir();
        Path key = tmp.resolve("it-sumdb.key");
        CliResult alone = run(build(upstream.resolve("dl.json").toString(), "--versions", "1.21.13", "--sumdb-key", key.toString()));
        assertThat(alone.exitCode()).as("a key without the layout it signs is a usage error").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(alone.err()).contains("--toolchain-proxy");

        CliResult r = run(build(upstream.resolve("dl.json").toString(), "--versions", "1.21.13", "--toolchain-proxy", "--sumdb-key", key.toString()));
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("Toolchain module: 1 zip built, 0 kept").contains("gosetup mirror client-env");
        Path zip = out.resolve("golang.org/toolchain/@v/v0.0.1-go1.21.13.linux-amd64.zip");
        assertThat(zip).isRegularFile();
        assertThat(Files.readString(out.resolve("golang.org/toolchain/@v/list"))).contains("v0.0.1-go1.21.13.linux-amd64");
        if (dev.gosetup.testing.HostOs.posixModes()) { // Windows: the profile's ACL keeps it private
            assertThat(Files.getPosixFilePermissions(key)).as("the private key stays private")
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }

        CliResult clean = run("mirror", "verify", out.toString());
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).doesNotContain("golang.org").doesNotContain("sumdb");

        CliResult again = run(build(upstream.resolve("dl.json").toString(), "--versions", "1.21.13", "--toolchain-proxy", "--sumdb-key", key.toString()));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).as("a re-run keeps what is right").contains("0 zips built, 1 kept");

        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length / 2] ^= 1;
        Files.write(zip, bytes);
        CliResult damaged = run("mirror", "verify", out.toString());
        assertThat(damaged.exitCode()).isEqualTo(ExitCodes.CHECKSUM);
        assertThat(damaged.out() + damaged.err()).contains("TOOLCHAIN").contains("go1.21.13");
    }

    @Test
    void overHttpAReRunDownloadsNothingAndADamagedByteIsFoundAndRepaired() throws Exception {
        Path upstream = MultiGoMirror.dir();
        LoopbackServer up = serveFolder(upstream);
        String[] args = build(up.uri("/dl.json").toString(), "--mirror", up.uri("/").toString(), "--allow-http", "127.0.0.1",
                "--versions", "1.21");
        CliResult first = run(args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(archiveRequests(up, V21)).isEqualTo(1);

        CliResult second = run(args);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(archiveRequests(up, V21)).as("nothing downloaded again").isEqualTo(1);

        try (RandomAccessFile f = new RandomAccessFile(out.resolve(V21).toFile(), "rw")) {
            f.seek(1000);
            int b = f.read();
            f.seek(1000);
            f.write(b ^ 0xff);
        }
        CliResult verify = run("mirror", "verify", out.toString());
        assertThat(verify.exitCode()).as(verify.out()).isEqualTo(ExitCodes.CHECKSUM);
        assertThat(verify.out()).contains("DAMAGED  " + V21 + ": The SHA-256 of " + V21);
        CliResult json = run("mirror", "verify", out.toString(), "--json");
        JsonNode finding = new ObjectMapper().readTree(json.out()).get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("damaged");
        assertThat(finding.get("file").asText()).isEqualTo(V21);

        CliResult repair = run(args);
        assertThat(repair.exitCode()).as(repair.err()).isZero();
        assertThat(repair.out()).contains("damaged: to download again");
        assertThat(archiveRequests(up, V21)).isEqualTo(2);
        assertThat(Files.mismatch(out.resolve(V21), upstream.resolve(V21))).isEqualTo(-1L);
        assertThat(run("mirror", "verify", out.toString()).exitCode()).isZero();

        // A same-size overwrite with its time put back escapes the build's cache; verify reads every byte.
        FileTime t = Files.getLastModifiedTime(out.resolve(V21));
        try (RandomAccessFile f = new RandomAccessFile(out.resolve(V21).toFile(), "rw")) {
            f.seek(5);
            int b = f.read();
            f.seek(5);
            f.write(b ^ 1);
        }
        Files.setLastModifiedTime(out.resolve(V21), t);
        assertThat(run("mirror", "verify", out.toString()).exitCode()).isEqualTo(ExitCodes.CHECKSUM);
    }

    @Test
    void aBuildKilledMidDownloadLeavesNoHalfFileUnderAnArchivesNameAndTheNextBuildResumes() throws Exception {
        Path upstream = MultiGoMirror.dir();
        byte[] archive = Files.readAllBytes(upstream.resolve(V21));
        LoopbackServer up = server().serve("/" + V21, archive).serve("/dl.json", Files.readAllBytes(upstream.resolve("dl.json")))
                .then((ex, c, s) -> false, LoopbackServer.stallAfter(16 << 20, 60_000)); // the list, then 16 MB of the archive and silence
        Process child = dev.gosetup.testing.ChildJvm.of("dev.gosetup.Main", build(up.uri("/dl.json").toString(),
                "--mirror", up.uri("/").toString(), "--allow-http", "127.0.0.1", "--versions", "1.21", "--signatures", "off"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path partial = out.resolve(".gosetup-partial").resolve(V21 + ".partial");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!(Files.exists(partial) && Files.size(partial) >= 16 << 20)) {
                assertThat(child.isAlive()).as("the build is still downloading").isTrue();
                assertThat(System.nanoTime()).as("16 MB arrived in time").isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly(); // kill -9: no hook, no cleanup
            child.waitFor();
        }
        assertThat(out.resolve(V21)).doesNotExist();
        assertThat(out.resolve(V21 + ".sha256")).doesNotExist();
        assertThat(out.resolve("dl.json")).doesNotExist();

        CliResult again = run(build(up.uri("/dl.json").toString(), "--mirror", up.uri("/").toString(), "--allow-http", "127.0.0.1",
                "--versions", "1.21", "--signatures", "off"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(up.rangeHeaders).as("resumed, not started over").contains("bytes=" + (16 << 20) + "-");
        assertThat(Files.mismatch(out.resolve(V21), upstream.resolve(V21))).isEqualTo(-1L);
    }

    @Test
    void aListThatLiesAboutTheDigestOrTheSizeIsRefusedAndNothingIsStored() throws Exception {
        Path upstream = MultiGoMirror.dir();
        String real = Files.readString(upstream.resolve("dl.json"));
        // The archive's own digest and size, whichever source made the test mirror (Debian's build or go.dev's).
        String sha = Files.readString(upstream.resolve(V21 + ".sha256")).strip();
        String size = Long.toString(Files.size(upstream.resolve(V21)));
        String wrongSha = real.replace(sha, "0000000000000000000000000000000000000000000000000000000000000000");
        LoopbackServer up = server().serveFile("/" + V21, upstream.resolve(V21)).serve("/dl.json", wrongSha.getBytes());
        CliResult r = run(build(up.uri("/dl.json").toString(), "--mirror", up.uri("/").toString(), "--allow-http", "127.0.0.1",
                "--versions", "1.21.13"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.CHECKSUM);
        assertThat(r.err()).contains("Not stored: " + V21).contains("upstream release list says 0000");
        assertThat(out.resolve(V21)).doesNotExist();
        assertThat(out.resolve(V21 + ".sha256")).doesNotExist();
        assertThat(out.resolve(".gosetup-partial")).isEmptyDirectory();
        assertThat(new ObjectMapper().readTree(out.resolve("dl.json").toFile())).as("the list holds only what is there").isEmpty();

        String shorter = real.replace("\"size\": " + size, "\"size\": " + (Long.parseLong(size) - 714));
        Path list = Files.writeString(tmp.resolve("short.json"), shorter);
        CliResult s = run(build(list.toString(), "--mirror", upstream.toString(), "--versions", "1.21.13"));
        assertThat(s.exitCode()).as(s.out() + s.err()).isEqualTo(ExitCodes.CHECKSUM);
        assertThat(out.resolve(V21)).doesNotExist();
        assertThat(out.resolve(".gosetup-partial")).isEmptyDirectory();
    }

    @Test
    void aNameThatIsAPathRefusesTheWholeListBeforeAnythingIsFetched() throws Exception {
        String hostile = Files.readString(MultiGoMirror.dir().resolve("dl.json"))
                .replace("\"filename\": \"" + V21 + "\"", "\"filename\": \"../" + V21 + "\"");
        Path list = Files.writeString(tmp.resolve("hostile.json"), hostile);
        CliResult r = run(build(list.toString(), "--versions", "1.21"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.DOWNLOAD_FAILED);
        assertThat(r.err()).contains("The release list is bad");
        assertThat(out).doesNotExist();
        assertThat(tmp.resolve(V21)).doesNotExist();
    }

    @Test
    void aLinkedOrForeignFolderAndAScriptWithoutYesAreRefused() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        CliResult r = run("mirror", "build", "--out", link.toString(), "--catalog", MultiGoMirror.dir().resolve("dl.json").toString(),
                "--platforms", "linux/amd64", "--versions", "1.21", "--yes", "--home", home);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("is a link");
        assertThat(real).isEmptyDirectory();

        CliResult noYes = run("mirror", "build", "--out", out.toString(), "--catalog", MultiGoMirror.dir().resolve("dl.json").toString(),
                "--platforms", "linux/amd64", "--versions", "1.21", "--home", home);
        assertThat(noYes.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noYes.out()).contains("To download: 1 files");
        assertThat(noYes.err()).contains("add --yes");
        assertThat(out.resolve(V21)).doesNotExist();
    }

    @Test
    void signaturesAreCopiedCheckedAndVerified() throws Exception {
        TestKeys trusted = new TestKeys("Test Go Signing <go@example.test>", Duration.ofDays(400));
        TestKeys.Key signing = trusted.addSigningSubkey(Duration.ofDays(30), Duration.ofDays(365), true);
        TestKeys stranger = new TestKeys("Someone Else <x@example.test>", Duration.ofDays(100));
        TestKeys.Key strangersKey = stranger.addSigningSubkey(Duration.ofDays(5), null, true);
        Path archive = GoMirror.dir().resolve(GoMirror.FILE);
        byte[] good = TestKeys.sign(signing, archive);
        LoopbackServer up = server().serveFile("/" + GoMirror.FILE, archive).serve("/" + GoMirror.FILE + ".asc", good);
        trusted.trustOnly(up.uri("/linux_signing_key.pub"));

        CliResult r = run(build(GoMirror.dir().resolve("dl.json").toString(), "--mirror", up.uri("/").toString(),
                "--allow-http", "127.0.0.1", "--versions", "1.19.8", "--signatures", "required"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("signed by Google (key …" + trusted.primary.fingerprint().substring(36) + ") ✓");
        assertThat(out.resolve(GoMirror.FILE + ".asc")).hasBinaryContent(good);
        assertThat(Files.readString(out.resolve("index.html"))).contains(GoMirror.FILE + ".asc");

        CliResult verify = run("mirror", "verify", out.toString(), "--signatures", "required");
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("signed by Google");

        Files.write(out.resolve(GoMirror.FILE + ".asc"), TestKeys.sign(strangersKey, archive));
        CliResult bad = run("mirror", "verify", out.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.CHECKSUM);
        assertThat(bad.out()).contains("BAD SIG  " + GoMirror.FILE + ".asc");

        // Upstream signs with a key bound to nobody we trust: refused under every strictness but off.
        Files.delete(out.resolve(GoMirror.FILE));
        up.serve("/" + GoMirror.FILE + ".asc", TestKeys.sign(strangersKey, archive));
        CliResult refused = run(build(GoMirror.dir().resolve("dl.json").toString(), "--mirror", up.uri("/").toString(),
                "--allow-http", "127.0.0.1", "--versions", "1.19.8"));
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.CHECKSUM);
        assertThat(out.resolve(GoMirror.FILE)).doesNotExist();
    }

    @Test
    void chineseWordsForThePlanAndTheVerdict() throws Exception {
        CliResult r = run("--lang", "zh-CN", "mirror", "build", "--out", out.toString(), "--catalog",
                MultiGoMirror.dir().resolve("dl.json").toString(), "--platforms", "linux/amd64,windows/amd64", "--versions", "1.21",
                "--home", home);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).contains("待下载").contains("已跳过，该平台没有压缩包");
        assertThat(r.err()).contains("没有终端时不会询问");
        CliResult v = run("--lang", "zh-CN", "mirror", "verify", tmp.resolve("nowhere").toString());
        assertThat(v.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(v.err()).contains("不是文件夹");
    }
}
