package dev.gosetup.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds small tar.gz archives in memory, including hostile ones. */
public final class TarGzBuilder {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    public TarGzBuilder() throws IOException {
        tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    public TarGzBuilder file(String name, String content, int mode) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    /** A file with binary content (a real executable for another CPU). */
    public TarGzBuilder file(String name, byte[] data, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, true); // keep "/etc/evil" as written
        e.setSize(data.length);
        e.setMode(mode);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
        return this;
    }

    public TarGzBuilder dir(String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
        return this;
    }

    public TarGzBuilder link(String name, String target, byte type) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, type);
        e.setLinkName(target);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
        return this;
    }

    public TarGzBuilder special(String name, byte type) throws IOException {
        tar.putArchiveEntry(new TarArchiveEntry(name, type));
        tar.closeArchiveEntry();
        return this;
    }

    /** {@code size} zero bytes: compresses about 1000:1. */
    public TarGzBuilder zeros(String name, long size) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        e.setMode(0644);
        tar.putArchiveEntry(e);
        byte[] block = new byte[1 << 20];
        for (long left = size; left > 0; left -= block.length) {
            tar.write(block, 0, (int) Math.min(block.length, left));
        }
        tar.closeArchiveEntry();
        return this;
    }

    public byte[] build() throws IOException {
        tar.finish();
        tar.close();
        return bytes.toByteArray();
    }

    /** A minimal Go-shaped archive without directory entries, as distpack makes them. */
    public static byte[] tinyGo(String version) throws IOException {
        return new TarGzBuilder()
                .file("go/VERSION", version + "\ntime 2024-01-01T00:00:00Z\n", 0644)
                .file("go/bin/go", "#!/bin/sh\necho go version " + version + " linux/amd64\n", 0755) // data: never run on Windows
                .file("go/src/fmt/print.go", "package fmt\n", 0644)
                .build();
    }
}
