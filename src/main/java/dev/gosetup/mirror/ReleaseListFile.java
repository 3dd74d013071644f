package dev.gosetup.mirror;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.release.GoFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mirror's release list, in go.dev's JSON schema ({@code https://go.dev/dl/?mode=json&include=all}): the same
 * field names in the same order, newest release first, one-space indentation as go.dev's own output. Only what
 * the folder holds, verified, is in it, so a client never chooses a file that is not there.
 */
final class ReleaseListFile {
    @JsonPropertyOrder({"version", "stable", "files"})
    record ReleaseOut(String version, boolean stable, List<FileOut> files) {}

    @JsonPropertyOrder({"filename", "os", "arch", "version", "sha256", "size", "kind"})
    record FileOut(String filename, String os, String arch, String version, String sha256, long size, String kind) {
        static FileOut of(GoFile f) {
            return new FileOut(f.filename(), f.os(), f.arch(), f.version(), f.sha256().toLowerCase(java.util.Locale.ROOT),
                    f.size(), f.kind());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleaseListFile() {}

    /** @param entries the verified entries, in any order */
    static byte[] render(List<MirrorEntry> entries) throws com.fasterxml.jackson.core.JsonProcessingException {
        List<MirrorEntry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> {
            int byVersion = b.version().compareTo(a.version());
            return byVersion != 0 ? byVersion : a.name().name().compareTo(b.name().name());
        });
        Map<String, List<FileOut>> files = new LinkedHashMap<>();
        Map<String, Boolean> stable = new LinkedHashMap<>();
        for (MirrorEntry e : sorted) {
            files.computeIfAbsent(e.version().name(), v -> new ArrayList<>()).add(FileOut.of(e.file()));
            stable.putIfAbsent(e.version().name(), e.stable());
        }
        List<ReleaseOut> out = new ArrayList<>();
        files.forEach((v, f) -> out.add(new ReleaseOut(v, stable.get(v), f)));
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter(" ", "\n"))
                .withArrayIndenter(new DefaultIndenter(" ", "\n"));
        return (JSON.writer(pretty).writeValueAsString(out) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
