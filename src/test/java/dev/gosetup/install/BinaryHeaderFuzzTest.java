package dev.gosetup.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Any first 4 KiB of a file: a platform list or "not a program", never an exception of another kind. */
class BinaryHeaderFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void readsOrRefuses(byte[] head) {
        try {
            List<String> platforms = BinaryPlatform.of(head, Path.of("fuzz"));
            assertThat(platforms).allSatisfy(p -> assertThat(p).matches("[a-z]+-[a-z0-9x-]+"));
            assertThat(platforms.size()).isLessThanOrEqualTo(head.length / 20 + 1);
        } catch (IOException notAProgram) {
            // the answer for anything that is no ELF, Mach-O or PE
        }
    }
}
