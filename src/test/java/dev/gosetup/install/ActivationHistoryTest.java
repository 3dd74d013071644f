package dev.gosetup.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.release.GoVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The activation history behind rollback: recorded by every activation, read as hostile input. */
class ActivationHistoryTest {
    @TempDir
    Path tmp;

    private static GoVersion v(String s) {
        return GoVersion.parse(s).orElseThrow();
    }

    /** A root with complete (marked) trees of these versions, as golang.org/dl leaves them. */
    private SdkRoot rootWith(String... versions) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("sdk"));
        for (String name : versions) {
            Path dir = Files.createDirectories(root.resolve(name).resolve("bin"));
            Files.writeString(dir.resolve("go"), "#!/bin/sh\n");
            Files.writeString(root.resolve(name).resolve("VERSION"), name + "\n");
            Files.createFile(root.resolve(name).resolve(SdkRoot.MARKER));
        }
        return new SdkRoot(root);
    }

    @Test
    void everyActivationIsRecordedAndRollbackGoesBackStepByStep() throws Exception {
        SdkRoot sdk = rootWith("go1.21.13", "go1.22.12", "go1.23.5");
        sdk.activate(v("go1.21.13"));
        sdk.activate(v("go1.22.12"));
        sdk.activate(v("go1.22.12")); // a repeat is one entry
        sdk.activate(v("go1.23.5"));
        assertThat(sdk.history().entries()).extracting(GoVersion::name).containsExactly("go1.21.13", "go1.22.12", "go1.23.5");
        assertThat(sdk.history().previous(sdk.active())).contains(v("go1.22.12"));
        sdk.rollBackTo(v("go1.22.12"));
        assertThat(sdk.active()).contains(v("go1.22.12"));
        assertThat(sdk.history().previous(sdk.active())).as("a second rollback goes further back").contains(v("go1.21.13"));
        sdk.rollBackTo(v("go1.21.13"));
        assertThat(sdk.history().previous(sdk.active())).isEmpty();
    }

    @Test
    void aVersionActivatedBeforeThereWasAHistoryIsStillTheOneToGoBackTo() throws Exception {
        SdkRoot sdk = rootWith("go1.21.13", "go1.22.12");
        Files.createSymbolicLink(sdk.path().resolve("go"), Path.of("go1.21.13")); // an older gosetup, or golang.org/dl by hand
        sdk.activate(v("go1.22.12"));
        assertThat(sdk.history().previous(sdk.active())).contains(v("go1.21.13"));
    }

    @Test
    void garbageInTheFileNeverStopsAnActivationAndIsReplaced() throws Exception {
        SdkRoot sdk = rootWith("go1.21.13", "go1.22.12");
        Path file = sdk.path().resolve(ActivationHistory.FILE);
        for (byte[] garbage : new byte[][] {"not json at all {".getBytes(), new byte[] {0, 1, 2, (byte) 0xfe},
                "{\"activations\": \"go1.21.13\"}".getBytes(), "[\"go1.21.13\"]".getBytes(), new byte[0]}) {
            Files.write(file, garbage);
            assertThat(sdk.history().entries()).isEmpty();
            assertThat(sdk.history().previous(Optional.of(v("go1.22.12")))).isEmpty();
        }
        sdk.activate(v("go1.21.13"));
        sdk.activate(v("go1.22.12"));
        assertThat(sdk.history().previous(sdk.active())).contains(v("go1.21.13"));
        assertThat(Files.readString(file)).contains("\"activations\"");
    }

    @Test
    void hostileEntriesAreDroppedOneByOne() throws Exception {
        SdkRoot sdk = rootWith("go1.21.13", "go1.22.12");
        Path file = sdk.path().resolve(ActivationHistory.FILE);
        Files.writeString(file, "{\"activations\": [\"../../etc\", 7, null, {\"a\": 1}, \"go1.21.13\", \"go1.99999999999\", \"1.22.12\","
                + " \"go1.22.12\\u0000x\", \"go1.22.12\"]}");
        assertThat(sdk.history().entries()).extracting(GoVersion::name).containsExactly("go1.21.13", "go1.22.12");
        // Far too large: not read at all (a root anyone can write must not cost memory).
        Files.write(file, ("{\"activations\": [" + "\"go1.21.13\",".repeat(20_000) + "\"go1.22.12\"]}").getBytes());
        assertThat(sdk.history().entries()).isEmpty();
    }

    @Test
    void aLinkInPlaceOfTheFileIsNeitherReadNorFollowed() throws Exception {
        SdkRoot sdk = rootWith("go1.21.13", "go1.22.12");
        Path elsewhere = Files.writeString(tmp.resolve("elsewhere.json"), "{\"activations\": [\"go1.21.13\"]}");
        Files.createSymbolicLink(sdk.path().resolve(ActivationHistory.FILE), elsewhere);
        assertThat(sdk.history().entries()).isEmpty();
        sdk.activate(v("go1.22.12"));
        assertThat(sdk.active()).contains(v("go1.22.12"));
        assertThat(Files.readString(elsewhere)).isEqualTo("{\"activations\": [\"go1.21.13\"]}");
    }

    @Test
    void theHistoryIsKeptShort() throws Exception {
        SdkRoot sdk = rootWith("go1.21.13", "go1.22.12");
        for (int i = 0; i < 30; i++) {
            sdk.activate(v(i % 2 == 0 ? "go1.21.13" : "go1.22.12"));
        }
        assertThat(sdk.history().entries()).hasSize(ActivationHistory.MAX_ENTRIES);
    }
}
