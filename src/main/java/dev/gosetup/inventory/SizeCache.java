package dev.gosetup.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sizes of Go roots. Measuring one walks 12,000 files (tens of milliseconds each, 30 installs: a second),
 * so a size is kept with the root's VERSION and bin/go times and measured again only when they change.
 */
public final class SizeCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Entry(long bytes, long stamp) {}

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private boolean dirty;

    public SizeCache(Path file) {
        this.file = file;
        try {
            if (file != null && Files.exists(file)) {
                Map<?, ?> raw = JSON.readValue(file.toFile(), Map.class);
                raw.forEach((k, v) -> {
                    if (v instanceof Map<?, ?> m && m.get("bytes") instanceof Number b && m.get("stamp") instanceof Number s) {
                        entries.put(k.toString(), new Entry(b.longValue(), s.longValue()));
                    }
                });
            }
        } catch (IOException e) {
            // a damaged cache only costs a new measurement
        }
    }

    public long size(Path root) {
        long stamp = stamp(root);
        Entry e = entries.get(root.toString());
        if (e != null && e.stamp() == stamp) {
            return e.bytes();
        }
        long bytes = measure(root);
        entries.put(root.toString(), new Entry(bytes, stamp));
        dirty = true;
        return bytes;
    }

    public synchronized void save() throws IOException {
        if (dirty && file != null) {
            Map<String, Entry> sorted = new LinkedHashMap<>(entries);
            dev.gosetup.files.PrivateFolders.create(file.toAbsolutePath().getParent()); // the cache folder is private
            AtomicFiles.write(file, JSON.writeValueAsBytes(sorted));
            dirty = false;
        }
    }

    private static long stamp(Path root) {
        long s = 17;
        for (String name : new String[] {"VERSION", "bin/go", "bin/go.exe", "."}) {
            try {
                s = s * 31 + Files.getLastModifiedTime(root.resolve(name)).toMillis();
            } catch (IOException e) {
                s = s * 31;
            }
        }
        return s;
    }

    static long measure(Path root) {
        long[] total = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    total[0] += a.size();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return -1;
        }
        return total[0];
    }
}
