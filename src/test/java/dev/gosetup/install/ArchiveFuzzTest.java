package dev.gosetup.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gosetup.fetch.CancelToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Archives built from fuzzed names, types, sizes and bytes (and, half the time, raw fuzzed bytes): the
 * unpacker either unpacks inside its folder or refuses with an IOException; nothing ever lands outside.
 */
class ArchiveFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void unpacksInsideOrRefuses(FuzzedDataProvider data) throws IOException {
        Path base = Files.createTempDirectory("gosetup-fuzz");
        Path target = Files.createDirectory(base.resolve("target"));
        try {
            byte[] archive = data.consumeBoolean() ? data.consumeRemainingAsBytes() : structured(data);
            try {
                new SafeUnpacker(new ArchiveLimits(1 << 20, 4 << 20, 100, 50, 1024))
                        .unpackTarGz(new ByteArrayInputStream(archive), target, new CancelToken());
            } catch (IOException refused) {
                // a clear refusal is a right answer
            }
            try (Stream<Path> s = Files.list(base)) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactly("target");
            }
            try (Stream<Path> s = Files.walk(target)) {
                assertThat(s.filter(Files::isSymbolicLink)).as("no links are ever made").isEmpty();
            }
        } finally {
            try (Stream<Path> s = Files.walk(base)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static byte[] structured(FuzzedDataProvider data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            int n = data.consumeInt(0, 6);
            for (int i = 0; i < n; i++) {
                String name = (data.consumeBoolean() ? "go/" : "") + data.consumeString(40);
                if (name.isEmpty()) {
                    continue;
                }
                byte type = data.pickValue(new byte[] {'0', '1', '2', '3', '4', '5', '6'});
                TarArchiveEntry e = new TarArchiveEntry(name, type, true);
                if (type == '1' || type == '2') {
                    e.setLinkName(data.consumeString(30));
                }
                byte[] body = type == '0' ? data.consumeBytes(200) : new byte[0];
                e.setSize(body.length);
                e.setMode(data.consumeInt(0, 07777));
                tar.putArchiveEntry(e);
                tar.write(body);
                tar.closeArchiveEntry();
            }
        } catch (IllegalArgumentException | IOException unwritable) {
            // some fuzzed entries cannot even be written; what was written so far is the archive
        }
        return out.toByteArray();
    }
}
