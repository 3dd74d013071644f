package dev.gosetup.release;

import java.util.List;

/** A Go release and its files. */
public record Release(GoVersion version, boolean stable, List<GoFile> files) {
    public Release {
        files = List.copyOf(files);
    }
}
