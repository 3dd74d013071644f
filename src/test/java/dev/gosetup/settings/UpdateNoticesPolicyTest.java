package dev.gosetup.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.i18n.Messages;
import dev.gosetup.update.UpdateNotices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy's updateNotices: "on" or "off", anything else stops the policy with the usual problem. */
class UpdateNoticesPolicyTest {
    @TempDir(factory = dev.gosetup.testing.TrustedTempDir.class)
    Path tmp;

    private ManagedSettings read(String json) throws Exception {
        return PolicyReader.read(Files.writeString(tmp.resolve("policy.json"), json), tmp);
    }

    @Test
    void onAndOff() throws Exception {
        assertThat(UpdateNotices.enabled(ManagedSettings.NONE)).isTrue();
        assertThat(UpdateNotices.enabled(read("{\"goVersion\": \"1.22\"}"))).isTrue();
        assertThat(UpdateNotices.enabled(read("{\"updateNotices\": \"on\"}"))).isTrue();
        ManagedSettings off = read("{\"updateNotices\": \" off \"}");
        assertThat(off.policy().updateNotices()).isEqualTo("off");
        assertThat(UpdateNotices.enabled(off)).isFalse();
        assertThat(off.warnings()).as("a field of the format, not an unknown one").isEmpty();
    }

    @Test
    void anythingElseIsAMistakeNamedByItsField() throws Exception {
        Path file = Files.writeString(tmp.resolve("policy.json"), "{\"updateNotices\": \"sometimes\"}");
        assertThatThrownBy(() -> PolicyReader.read(file, tmp)).isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(file + ", field $.updateNotices: ").hasMessageContaining("\"sometimes\" is not one of on, off")
                .satisfies(e -> assertThat(Messages.of(Locale.SIMPLIFIED_CHINESE).describe(e)).contains("“sometimes”不是 on、off 之一"));
        Path bool = Files.writeString(tmp.resolve("policy.json"), "{\"updateNotices\": false}");
        assertThatThrownBy(() -> PolicyReader.read(bool, tmp)).isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(bool + ", field $.updateNotices: ");
        Path users = Files.writeString(tmp.resolve("policy.json"), "{\"updateNotices\": \"off\", \"userMayChange\": [\"updateNotices\"]}");
        assertThatThrownBy(() -> PolicyReader.read(users, tmp)).isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(users + ", field $.userMayChange[0]: ");
    }
}
