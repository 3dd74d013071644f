package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.TarGzBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing install in Chinese, as a user at a terminal sees it: what happened and what to do both in Chinese
 * (the engine's problem rendered from the bundle, not its English message), and the exit code a script checks.
 */
@Timeout(120)
class ProblemsInChineseCliTest {
    static final String FILE = "go1.22.5.linux-amd64.tar.gz";

    @TempDir
    Path tmp;

    /** A release list that promises {@code sha256} for the file, and a mirror on loopback that serves {@code body}. */
    private CliResult installFrom(LoopbackServer server, byte[] body, String sha256) throws Exception {
        server.serve("/" + FILE, body);
        Path catalog = Files.writeString(tmp.resolve("dl.json"), """
                [{"version": "go1.22.5", "stable": true, "files": [
                  {"filename": "%s", "os": "linux", "arch": "amd64", "version": "go1.22.5",
                   "sha256": "%s", "size": %d, "kind": "archive"}]}]
                """.formatted(FILE, sha256, body.length), StandardCharsets.UTF_8);
        Path home = Files.createDirectories(tmp.resolve("home"));
        return CliResult.run(tmp, "--lang", "zh-CN", "install", "1.22.5", "--catalog", catalog.toString(),
                "--mirror", server.uri("/").toString(), "--allow-http", "127.0.0.1", "--home", home.toString(),
                "--platform", "linux-amd64");
    }

    @Test
    void aChecksumMismatchIsSaidInChineseWithWhatToDoAndExitsWithTheChecksumCode() throws Exception {
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
        String promised = "ab".repeat(32);
        try (LoopbackServer server = new LoopbackServer()) {
            CliResult r = installFrom(server, archive, promised);

            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.CHECKSUM);
            assertThat(r.err()).as("what happened, with both digests")
                    .contains(FILE + " 的 SHA-256 是 " + actual + "，但发布列表给出的是 " + promised + "。没有安装任何内容。");
            assertThat(r.err()).as("what to do, on its own line")
                    .contains("\n文件可能在传输途中被（代理或镜像）修改了。请换一个镜像试试。");
            assertThat(r.err()).doesNotContain("The SHA-256", "Nothing was installed", "Try another mirror", "[checksum.");
            assertThat(tmp.resolve("home/sdk/go1.22.5")).doesNotExist();
        }
    }

    /** Bad input and a missing build: the command line's own refusals, without a Java class name in front. */
    @Test
    void refusalsOfTheCommandLineAreChineseTooAndKeepTheirExitCodes() {
        CliResult platform = CliResult.run(tmp, "--lang", "zh-CN", "install", "--platform", "nonsense");
        assertThat(platform.exitCode()).as(platform.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(platform.err()).contains("“nonsense” 不是平台名称。\n请写成“系统-架构”，例如 linux-arm64 或 darwin-arm64。")
                .doesNotContain("Exception").doesNotContain("Not a platform");

        String catalog = dev.gosetup.testing.Fixtures.root().resolve("godl/golang-dl-include-all-2020.json").toString();
        CliResult noBuild = CliResult.run(tmp, "--lang", "zh-CN", "install", "1.13", "--catalog", catalog, "--platform", "darwin-arm64");
        assertThat(noBuild.exitCode()).as(noBuild.err()).isEqualTo(ExitCodes.NO_BUILD);
        assertThat(noBuild.err()).contains("darwin-arm64").containsPattern("\\p{IsHan}").doesNotContain("Exception");
    }

    @Test
    void anUnsafeArchiveIsSaidInChineseNamingTheEntryAndExitsWithItsCode() throws Exception {
        byte[] evil = new TarGzBuilder().file("go/VERSION", "go1.22.5\n", 0644).file("go/../evil", "x", 0644).build();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(evil));
        try (LoopbackServer server = new LoopbackServer()) {
            CliResult r = installFrom(server, evil, sha);

            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.UNSAFE_ARCHIVE);
            assertThat(r.err()).contains("条目 'go/../evil' 的路径中有空的、“.” 或 “..” 段。");
            assertThat(r.err()).doesNotContain("Entry ", "path segment");
            assertThat(tmp.resolve("evil")).doesNotExist();
        }
    }
}
