package dev.gosetup.mirror.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.i18n.Reported;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingKeyFileIsCreatedPrivateInGosFormatAndReadBack() throws Exception {
        Path file = tmp.resolve("sumdb.key");
        NoteKey made = KeyFile.loadOrCreate(file, "sumdb.example.internal");
        if (dev.gosetup.testing.HostOs.posixModes()) { // Windows files have ACLs, no mode
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(file)).isEqualTo(made.signerKey() + "\n").startsWith("PRIVATE+KEY+sumdb.example.internal+");
        assertThat(KeyFile.loadOrCreate(file, "ignored.for.existing")).isEqualTo(made);
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "makes the key readable by others with a POSIX mode (0644, 0604); Windows files have ACLs, no mode")
    @Test
    void aKeyOthersCanReadIsRefusedAndSoIsAFileThatHoldsNoKey() throws Exception {
        Path file = tmp.resolve("sumdb.key");
        KeyFile.loadOrCreate(file, "sumdb.example.internal");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyFile.loadOrCreate(file, "x")).isInstanceOf(SumDbException.class)
                .extracting(e -> ((Reported) e).problem().key()).isEqualTo("sumdb.key.readableByOthers");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
        assertThatThrownBy(() -> KeyFile.loadOrCreate(file, "x")).extracting(e -> ((Reported) e).problem().key())
                .isEqualTo("sumdb.key.readableByOthers");

        Path notKey = tmp.resolve("other.key");
        Files.writeString(notKey, NoteKeyTest.VKEY + "\n"); // a verifier key is public, not a signer key
        Files.setPosixFilePermissions(notKey, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> KeyFile.loadOrCreate(notKey, "x")).extracting(e -> ((Reported) e).problem().key())
                .isEqualTo("sumdb.key.notAKey");
        assertThatThrownBy(() -> KeyFile.loadOrCreate(tmp.resolve("new.key"), "bad name")).extracting(e -> ((Reported) e).problem().key())
                .isEqualTo("sumdb.key.badName");
        assertThat(tmp.resolve("new.key")).doesNotExist();
    }

    @Test
    void aKeyMadeByGosToolsIsUsed() throws Exception {
        Path file = tmp.resolve("go.key");
        dev.gosetup.testing.HostOs.mode(Files.writeString(file, NoteKeyTest.SKEY + "\n"), "rw-------"); // as go's tools make it
        assertThat(KeyFile.loadOrCreate(file, "x").verifierKey()).isEqualTo(NoteKeyTest.VKEY);
    }
}
