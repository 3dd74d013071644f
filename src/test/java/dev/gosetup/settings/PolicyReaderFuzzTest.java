package dev.gosetup.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes in policy.json: a policy, or a PolicyException that names the file and a field — never another
 * exception, which would leave a managed machine without its policy and without a reason.
 */
class PolicyReaderFuzzTest {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("policy-fuzz");
            // Deleted in reverse order of registration: the file, then the folder.
            DIR.toFile().deleteOnExit();
            DIR.resolve("policy.json").toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "5s")
    void readsOrNamesTheMistake(byte[] data) throws IOException {
        Path file = Files.write(DIR.resolve("policy.json"), data);
        try {
            // Who owns the file does not depend on its bytes (TrustedFilesTest covers it): fuzz the reading.
            ManagedSettings managed = PolicyReader.read(file, DIR.resolve("home"), TrustedFiles.ANY_OWNER);
            managed.over(Settings.defaults());
        } catch (PolicyException mistake) {
            assertThat(mistake.getMessage()).contains(file.toString());
        }
    }
}
