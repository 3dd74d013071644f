package dev.gosetup.mirror.sumdb;

import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The file holding a private checksum database's signer key, one line in Go's format ("PRIVATE+KEY+…", what
 * {@code note.GenerateKey} makes, so IT can also use Go's own tools with it). Created 0600 when absent; an existing
 * one that its group or others can read is refused rather than used: whoever reads it can sign toolchains.
 */
public final class KeyFile {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeyFile() {}

    /** Reads the key in {@code file}, or creates the file with a new key named {@code nameForNewKey}. */
    public static NoteKey loadOrCreate(Path file, String nameForNewKey) throws IOException {
        if (!Files.exists(file)) {
            if (!NoteKey.validName(nameForNewKey)) {
                throw new SumDbException(Problem.of("sumdb.key.badName", nameForNewKey));
            }
            NoteKey key;
            try {
                key = NoteKey.generate(nameForNewKey);
            } catch (GeneralSecurityException e) {
                throw new SumDbException(Problem.of("sumdb.key.unusable", nameForNewKey), e);
            }
            byte[] text = (key.signerKey() + "\n").getBytes(StandardCharsets.UTF_8);
            try {
                if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file); // Windows: the user's profile folders are private by their ACLs
                }
            } catch (FileAlreadyExistsException raced) {
                return load(file);
            }
            Files.write(file, text);
            return key;
        }
        return load(file);
    }

    static NoteKey load(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> mode = posix.readAttributes().permissions();
            if (mode.stream().anyMatch(OTHERS::contains)) {
                throw new SumDbException(Problem.of("sumdb.key.readableByOthers", file, PosixFilePermissions.toString(mode)));
            }
        }
        if (Files.size(file) > 4096) {
            throw new SumDbException(Problem.of("sumdb.key.notAKey", file));
        }
        return NoteKey.parseSigner(Files.readString(file, StandardCharsets.UTF_8))
                .orElseThrow(() -> new SumDbException(Problem.of("sumdb.key.notAKey", file)));
    }
}
