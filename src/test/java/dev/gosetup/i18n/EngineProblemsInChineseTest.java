package dev.gosetup.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gosetup.fetch.ByteSink;
import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.install.ArchiveLimits;
import dev.gosetup.install.SafeUnpacker;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.TarGzBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures of fetch, release, install and snapshot reach a Chinese reader in Chinese: every key of their block
 * renders with Chinese text and no English sentence, and real failures (a 404, a hostile archive, a bad list, a
 * missing snapshot) read that way through {@link Messages#describe(Throwable)}, nested reasons included.
 */
class EngineProblemsInChineseTest {
    static final String BLOCK = "# --- problems: fetch, release, install, snapshot (helper A) ---";
    /** Words of an English sentence; file names, HTTP, SHA-256, commands and examples may stay as they are. */
    static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|is|are|not|could|was|were|of|from|please|choose|check|"
            + "nothing|try|again|another|which|has|its|no|refused|failed|download)\\b");
    static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    final Messages zh = Messages.of(Locale.SIMPLIFIED_CHINESE);

    @TempDir
    Path tmp;

    /** The keys of this block, read from the English bundle (the base every key must be in). */
    static List<String> blockKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        boolean in = false;
        try (InputStream raw = EngineProblemsInChineseTest.class.getResourceAsStream("/dev/gosetup/i18n/messages.properties")) {
            for (String line : new String(raw.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("# ---")) {
                    in = line.strip().equals(BLOCK);
                } else if (in && line.contains("=") && !line.startsWith("#")) {
                    keys.add(line.substring(0, line.indexOf('=')));
                }
            }
        }
        return keys;
    }

    static void assertChinese(String key, String text) {
        assertThat(text).as(key + " has Chinese words").containsPattern(CJK);
        assertThat(ENGLISH.matcher(text).find()).as(key + " leaks English: " + text).isFalse();
    }

    @Test
    void everyKeyOfTheBlockRendersInChinese() throws IOException {
        List<String> keys = blockKeys();
        assertThat(keys).as("the block is there").hasSizeGreaterThan(80);
        for (String key : keys) {
            assertThat(zh.has(key)).as(key + " in zh_CN").isTrue();
            // Numbers for every argument: they fit both {0} and {0,number,#}.
            assertChinese(key, zh.get(key, 7, 8, 9, 10, 11));
        }
    }

    @Test
    void aMissingFileOnTheMirrorIsSaidInChineseWithWhatToDo() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            HttpDownloader d = new HttpDownloader(HttpClient.newHttpClient(), FetchPolicy.defaults().allowingPlainHttp("127.0.0.1"));
            Throwable t = catchThrowable(() -> d.fetch(server.uri("/go1.22.5.linux-amd64.tar.gz"), tmp.resolve("x.partial"),
                    10, ByteSink.NONE, ProgressListener.NONE, new CancelToken()));
            String said = zh.describe(t);
            assertThat(said).isEqualTo("服务器上不存在 " + server.uri("/go1.22.5.linux-amd64.tar.gz") + "（HTTP 404）。\n"
                    + "该镜像可能没有这个文件，请选择其他镜像。");
            assertThat(t.getMessage()).as("the log keeps English and the key")
                    .contains("does not exist on the server (HTTP 404)").endsWith("[download.notFound]");
        }
    }

    @Test
    void realFailuresOfEachPackageReadInChinese() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        failures.add(catchThrowable(() -> new SafeUnpacker(ArchiveLimits.defaults()).unpackTarGz(
                new ByteArrayInputStream(new TarGzBuilder().link("go/bin/go", "/bin/sh",
                        org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK).build()),
                Files.createDirectories(tmp.resolve("staging")), new CancelToken())));
        failures.add(catchThrowable(() -> ReleaseList.parse(new ByteArrayInputStream("[]".getBytes()), "https://go.dev/dl/")));
        failures.add(catchThrowable(() -> new SnapshotHostSource(tmp.resolve("missing-snapshot"))));
        for (Throwable t : failures) {
            assertThat(t).as("a failure that reports a problem").isInstanceOf(Reported.class);
            assertChinese(((Reported) t).problem().key(), zh.describe(t));
        }
        assertThat(zh.describe(failures.get(0))).isEqualTo("条目 'go/bin/go' 是一个链接（指向 '/bin/sh'）；Go 压缩包中不含链接。");
    }

    @Test
    void aReasonInsideAProblemIsRenderedInTheSameLanguage() {
        Problem stalled = Problem.of("download.tooSlow", "dl.google.com",
                Problem.of("download.reason.trickle", 16L, Duration.ofSeconds(30)), 2, Duration.ofSeconds(30));
        assertThat(zh.describe(stalled)).isEqualTo("已放弃 dl.google.com：服务器太慢（30 秒内收到的数据不足 16 KiB，共 2 次）。"
                + "没有保留任何内容。\n请选择其他镜像；如果网络较慢，也可以调高停滞超时（stallTimeoutSeconds，当前为 30 秒）。");
        assertThat(Messages.english().describe(stalled)).startsWith("Gave up on dl.google.com: the server is too slow "
                + "(less than 16 KiB in 30 s, 2 times).");
    }

    @Test
    void sizesInProblemsAreWrittenForTheLocale() {
        Problem noSpace = Problem.of("install.noSpace", Path.of("/opt/sdk"), new ByteSize(52_400_000), new ByteSize(327_000_000));
        assertThat(zh.text(noSpace)).isEqualTo("/opt/sdk 的可用空间不足：剩余 52.4 MB，大约需要 327 MB。");
    }
}
