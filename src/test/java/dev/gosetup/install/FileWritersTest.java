package dev.gosetup.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.fetch.CancelToken;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writers reuse a few buffers (slabs of small files, chunks of large ones): whatever the declared size says —
 * right, too small (a zip header that understates), too large, or unknown — each file must come out whole, every
 * byte counted once, on one writer or several, with the budget far smaller than what passes through.
 */
class FileWritersTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void everyFileComesOutWholeWhateverItsDeclaredSizeSays(int threads) throws Exception {
        Random random = new Random(7);
        int small = FileWriters.SMALL;
        int[] sizes = {0, 1, 100, small - 1, small, small + 1, 2 * small, 3 * small + 5, 40_000};
        Map<Path, byte[]> written = new LinkedHashMap<>();
        AtomicLong counted = new AtomicLong();
        long expectedCount = 0;
        try (FileWriters writers = new FileWriters(new CancelToken(), threads)) {
            int i = 0;
            for (int size : sizes) {
                // declared: right, one too few, one too many, unknown (for size 0, "one too few" is unknown too)
                for (long declared : new long[] {size, size - 1L, size + 1L, -1}) {
                    byte[] data = new byte[size];
                    random.nextBytes(data);
                    Path p = tmp.resolve("f" + i++);
                    written.put(p, data);
                    expectedCount += size;
                    writers.file(p, i % 2 == 0, Math.max(-1, declared), new ByteArrayInputStream(data), counted::addAndGet);
                }
            }
            // Enough small files to pass through every slab of the budget many times over.
            for (int k = 0; k < 3_000; k++) {
                byte[] data = new byte[random.nextInt(3 * 1024)];
                random.nextBytes(data);
                Path p = tmp.resolve("s" + k);
                written.put(p, data);
                expectedCount += data.length;
                writers.file(p, false, data.length, new ByteArrayInputStream(data), counted::addAndGet);
            }
            writers.finish();
        }
        assertThat(counted.get()).isEqualTo(expectedCount);
        for (Map.Entry<Path, byte[]> e : written.entrySet()) {
            assertThat(Files.readAllBytes(e.getKey())).as(e.getKey().getFileName().toString()).isEqualTo(e.getValue());
        }
        long bytes = written.values().stream().mapToLong(b -> b.length).sum();
        assertThat(bytes).as("more passes through than the budget holds").isGreaterThan(4L * FileWriters.BUDGET);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aStreamThatHandsOutOneByteAtATimeStillArrivesWhole(int threads) throws Exception {
        byte[] data = new byte[3 * FileWriters.SMALL + 17];
        new Random(3).nextBytes(data);
        Path p = tmp.resolve("slow");
        try (FileWriters writers = new FileWriters(new CancelToken(), threads)) {
            writers.file(p, true, data.length, trickle(data), n -> {});
            writers.file(tmp.resolve("slow-small"), false, 10, trickle(new byte[10]), n -> {});
            writers.finish();
        }
        assertThat(Files.readAllBytes(p)).isEqualTo(data);
        assertThat(Files.isExecutable(p)).isTrue();
        assertThat(Files.size(tmp.resolve("slow-small"))).isEqualTo(10);
    }

    /** Gives at most one byte per read, as a slow network and a tar entry's end can. */
    private static InputStream trickle(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }
}
