package dev.gosetup.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Download URLs from any mirror setting and any name: a name that is no go.dev name never becomes one,
 * and a URL is the mirror's folder (or refused as no folder URL) with the name as its one last segment.
 */
class MirrorUrlFuzzTest {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String[] EXTENSIONS = {".tar.gz", ".zip", ".pkg", ".msi"};

    @FuzzTest(maxDuration = "5s")
    void staysInTheMirrorsFolder(FuzzedDataProvider data) {
        String mirror = data.consumeString(120);
        String name = data.consumeBoolean() ? goName(data) : data.consumeRemainingAsString();
        Optional<ArchiveName> parsed = ArchiveName.parse(name);
        if (parsed.isEmpty()) {
            return;
        }
        ArchiveName n = parsed.get();
        assertThat(n.name()).isEqualTo(name).hasSizeLessThanOrEqualTo(100).doesNotContain("/", "\\", "..", ":", "%", "?", "#")
                .matches("[a-z0-9.\\-]+");
        URI file;
        try {
            file = ReleaseCatalog.fileUri(mirror, n);
        } catch (IllegalArgumentException notAFolder) {
            return; // a mirror that is no folder URL (or path) is refused: a right answer
        }
        boolean folder = !mirror.contains("://") && !mirror.startsWith("file:");
        if (folder) {
            Path dir = Path.of(mirror).toAbsolutePath().normalize();
            assertThat(Path.of(file).getParent()).isEqualTo(dir);
            assertThat(Path.of(file).getFileName().toString()).isEqualTo(n.name());
            return;
        }
        URI base = ReleaseCatalog.fileBase(mirror);
        assertThat(base.getRawPath()).endsWith("/");
        assertThat(file.getRawPath()).isEqualTo(base.getRawPath() + n.urlSegment());
        assertThat(file.normalize().getRawPath()).isEqualTo(file.getRawPath());
        assertThat(file.getRawAuthority()).isEqualTo(base.getRawAuthority());
        assertThat(file.getScheme()).isEqualTo(base.getScheme());
        assertThat(file.getRawQuery()).isNull();
        assertThat(file.getRawFragment()).isNull();
    }

    /** A name of go.dev's shape (what a random string almost never is), with fuzzed parts. */
    private static String goName(FuzzedDataProvider data) {
        StringBuilder s = new StringBuilder("go").append(data.consumeInt(0, 99999));
        for (int i = data.consumeInt(0, 2); i > 0; i--) {
            s.append('.').append(data.consumeInt(0, 99999));
        }
        if (data.consumeBoolean()) {
            s.append(data.consumeBoolean() ? "rc" : "beta").append(data.consumeInt(0, 99));
        }
        if (data.consumeBoolean()) {
            return s.append(".src.tar.gz").toString();
        }
        s.append('.').append(word(data)).append('-').append(word(data));
        return s.append(data.pickValue(EXTENSIONS)).toString();
    }

    private static String word(FuzzedDataProvider data) {
        StringBuilder w = new StringBuilder();
        for (byte b : data.consumeBytes(data.consumeInt(1, 17))) {
            w.append(ALPHABET.charAt(Math.floorMod(b, ALPHABET.length())));
        }
        return w.isEmpty() ? "x" : w.toString();
    }
}
