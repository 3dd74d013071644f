package dev.gosetup.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.release.Platform;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.settings.VersionRules;
import dev.gosetup.signature.ArchiveSignatures;
import dev.gosetup.testing.TarGzBuilder;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small mirror of tiny Go-shaped archives built from a local upstream folder, then damaged in each way verify
 * must name: a missing archive, a wrong .sha256, a list entry that is a path, a file nothing lists; and a list too
 * large for any Go mirror.
 */
class MirrorVerifierTest {
    @TempDir
    Path tmp;

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static String entry(String version, String os, String arch, String file, byte[] bytes) throws Exception {
        return """
                {"version": "%s", "stable": true, "files": [{"filename": "%s", "os": "%s", "arch": "%s", "version": "%s",
                 "sha256": "%s", "size": %d, "kind": "archive"}]}""".formatted(version, file, os, arch, version, sha(bytes), bytes.length);
    }

    @Test
    void verifyNamesEachDamagedMissingAndUnexpectedFile() throws Exception {
        Path upstream = Files.createDirectories(tmp.resolve("upstream"));
        byte[] a = TarGzBuilder.tinyGo("go1.30.1");
        byte[] b = TarGzBuilder.tinyGo("go1.29.4");
        Files.write(upstream.resolve("go1.30.1.linux-amd64.tar.gz"), a);
        Files.write(upstream.resolve("go1.29.4.linux-amd64.tar.gz"), b);
        String list = "[" + entry("go1.30.1", "linux", "amd64", "go1.30.1.linux-amd64.tar.gz", a) + ","
                + entry("go1.29.4", "linux", "amd64", "go1.29.4.linux-amd64.tar.gz", b) + "]";
        ReleaseList parsed = ReleaseList.parse(new ByteArrayInputStream(list.getBytes()), "test");
        MirrorLayout layout = new MirrorLayout(tmp.resolve("mirror"));
        try (MirrorBuilder builder = MirrorBuilder.open(layout, new HttpDownloader(() -> null, FetchPolicy.defaults()),
                ArchiveSignatures.off(), upstream.toString())) {
            MirrorSelection sel = MirrorSelection.of(parsed, List.of(), List.of(new Platform("linux", "amd64")), VersionRules.NONE);
            MirrorBuilder.Result r = builder.build(builder.plan(sel, new CancelToken()), 2, false, Messages.of(Language.SIMPLIFIED_CHINESE),
                    MirrorBuilder.Listener.NONE, new CancelToken());
            assertThat(r.failures()).isEmpty();
            assertThat(r.stored()).hasSize(2);
        }
        assertThat(Files.readString(layout.index())).contains("<html lang=\"zh-CN\">").contains("Go 下载");
        MirrorVerifier verifier = new MirrorVerifier(ArchiveSignatures.off());
        assertThat(verifier.verify(layout.dir(), MirrorVerifier.Listener.NONE, new CancelToken()).allGood()).isTrue();

        Files.delete(layout.dir().resolve("go1.29.4.linux-amd64.tar.gz"));
        Files.writeString(layout.dir().resolve("go1.30.1.linux-amd64.tar.gz.sha256"), "0".repeat(64));
        Files.writeString(layout.dir().resolve("README.txt"), "ours");
        String withHostile = Files.readString(layout.list()).replaceFirst("\\[", "[" + entry("go1.28.0", "linux", "amd64",
                "../go1.28.0.linux-amd64.tar.gz", a).replace("\n", " ") + ",");
        Files.writeString(layout.list(), withHostile);

        MirrorVerifier.Report report = verifier.verify(layout.dir(), MirrorVerifier.Listener.NONE, new CancelToken());
        Map<MirrorVerifier.Kind, List<String>> byKind = report.findings().stream().collect(
                Collectors.groupingBy(MirrorVerifier.Finding::kind, Collectors.mapping(MirrorVerifier.Finding::file, Collectors.toList())));
        assertThat(report.allGood()).isFalse();
        assertThat(byKind.get(MirrorVerifier.Kind.MISSING)).containsExactly("go1.29.4.linux-amd64.tar.gz");
        assertThat(byKind.get(MirrorVerifier.Kind.SHA_FILE)).containsExactly("go1.30.1.linux-amd64.tar.gz.sha256");
        assertThat(byKind.get(MirrorVerifier.Kind.BAD_ENTRY)).containsExactly("../go1.28.0.linux-amd64.tar.gz");
        assertThat(byKind.get(MirrorVerifier.Kind.UNEXPECTED)).containsExactly("README.txt");
        assertThat(layout.dir().resolve("README.txt")).as("never touched").hasContent("ours");
        assertThat(tmp.resolve("go1.28.0.linux-amd64.tar.gz")).doesNotExist();
    }

    @Test
    void aListWithMoreArchivesThanAnyGoMirrorIsRefused() throws Exception {
        byte[] a = TarGzBuilder.tinyGo("go1.30.1");
        StringBuilder huge = new StringBuilder("[");
        for (int i = 0; i <= MirrorSelection.MAX_ENTRIES; i++) {
            String v = "go1." + (100 + i / 50) + "." + (i % 50);
            huge.append(i == 0 ? "" : ",").append(entry(v, "linux", "amd64", v + ".linux-amd64.tar.gz", a));
        }
        ReleaseList parsed = ReleaseList.parse(new ByteArrayInputStream(huge.append("]").toString().getBytes()), "huge");
        List<String> all = parsed.releases().stream().map(r -> r.version().name()).toList();
        assertThatThrownBy(() -> MirrorSelection.of(parsed, all, List.of(new Platform("linux", "amd64")), VersionRules.NONE))
                .hasMessageContaining("[mirror.tooMany]");
    }
}
