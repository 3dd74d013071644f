package dev.gosetup.fetch;

import java.io.IOException;

/** Where downloaded bytes go, in order, each exactly once (the unpacker's pipe, a file). */
@FunctionalInterface
public interface ByteSink {
    ByteSink NONE = (b, off, len) -> { };

    void write(byte[] buffer, int offset, int length) throws IOException;
}
