package dev.gosetup.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signature strictness and IT's signing keys: saved and read back, unknown values ignored, the policy's default. */
class SignatureSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void strictnessAndKeysSurviveASaveAndAnOldFileStillReads() throws Exception {
        SettingsStore store = new SettingsStore(tmp.resolve("settings.json"));
        store.save(Settings.defaults().withSignatures("required", List.of("/etc/gosetup/keys/build.asc")));
        Settings back = store.load();
        assertThat(back.signatures()).isEqualTo("required");
        assertThat(back.signingKeys()).containsExactly("/etc/gosetup/keys/build.asc");

        // A file written by an older gosetup (no signature fields) is read, not set aside as damaged.
        Files.writeString(tmp.resolve("settings.json"), "{\"language\":\"en\",\"releaseList\":\"/srv/dl.json\"}");
        Settings old = store.load();
        assertThat(old.releaseList()).isEqualTo("/srv/dl.json");
        assertThat(old.signatures()).isNull();
        assertThat(tmp.resolve("settings.json.damaged")).doesNotExist();

        Files.writeString(tmp.resolve("settings.json"), "{\"signatures\":\"sometimes\"}");
        assertThat(store.load().signatures()).as("an unknown value is the default, never off").isNull();
    }
}
