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

    /**
     * The public database's records for these zips, fetched and checked at build time and served through the
     * sumdb-proxy protocol, so clients keep the default GOSUMDB. For Go's official archives only.
     */
    record Public(dev.gosetup.mirror.sumdb.PublicSumDb db) implements SumDbMode {}
}
