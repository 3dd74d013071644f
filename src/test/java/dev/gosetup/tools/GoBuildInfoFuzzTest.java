package dev.gosetup.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.Optional;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Any bytes as an executable: build information or "not a Go binary" (empty), never an exception, a hang or a
 * huge allocation (every table and string is capped; the pointer format's lengths come from the file).
 */
class GoBuildInfoFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void readsOrSaysNotGo(byte[] file) throws IOException {
        Optional<GoBuildInfo> info = GoBinaryReader.buildInfo(new ExecutableLayout.BoundedFile(new SeekableInMemoryByteChannel(file)));
        info.ifPresent(bi -> {
            assertThat(bi.goVersion()).isNotEmpty();
            assertThat(bi.modinfo().length()).isLessThanOrEqualTo(Math.max(file.length, GoBinaryReader.MAX_STRING));
            assertThat(bi.settings()).allSatisfy(s -> assertThat(s.key()).isNotNull());
        });
    }
}
