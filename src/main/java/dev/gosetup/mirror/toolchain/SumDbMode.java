package dev.gosetup.mirror.toolchain;

import java.nio.file.Path;

/** Which checksum database vouches for the mirror's toolchain zips. */
public sealed interface SumDbMode {
    /** The default name of a new private database: ".invalid" never resolves, so a client can only reach it through the mirror. */
    String DEFAULT_NAME = "sumdb.gosetup.invalid";

    /**
     * A database this mirror signs with the key in {@code keyFile} (Go's "PRIVATE+KEY+…" line), created 0600 with a
     * new key named {@code nameForNewKey} when the file does not exist.
     */
    record Private(Path keyFile, String nameForNewKey) implements SumDbMode {
        public Private(Path keyFile) {
            this(keyFile, DEFAULT_NAME);
        }
    }
}
