package dev.gosetup.release;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The go.dev/dl JSON release list ({@code ?mode=json&include=all}), parsed defensively: unsorted input,
 * duplicate versions, names that are not versions, empty sha256, size 0, odd os/arch values. Newest first.
 */
public record ReleaseList(List<Release> releases) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReleaseJson(String version, Boolean stable, List<GoFile> files) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

    public ReleaseList {
        releases = List.copyOf(releases);
    }

    /**
     * @param origin where the list came from, for messages ("https://go.dev/dl/?mode=json&include=all")
     */
    public static ReleaseList parse(InputStream in, String origin) {
        List<ReleaseJson> raw;
        try {
            raw = JSON.readerForListOf(ReleaseJson.class).readValue(in);
        } catch (JacksonException e) {
            throw new ReleaseListException(Problem.of("releaseList.notJson", origin, e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ReleaseListException(Problem.of("releaseList.unreadable", origin, Problems.of(e)), e);
        }
        if (raw == null || raw.isEmpty()) {
            throw new ReleaseListException(Problem.of("releaseList.empty", origin));
        }
        Map<String, Release> byName = new LinkedHashMap<>();
        for (ReleaseJson r : raw) {
            if (r == null) {
                continue;
            }
            Optional<GoVersion> version = GoVersion.parse(r.version());
            if (version.isEmpty()) {
                continue; // not a Go release ("go1.4-bootstrap" lives inside go1.4's files, not here)
            }
            List<GoFile> files = r.files() == null ? List.of()
                    : r.files().stream().filter(f -> f != null && f.filename() != null).toList();
            boolean stable = r.stable() != null ? r.stable() : version.get().isStable();
            // Duplicates: the first entry wins; the server lists the newest data first.
            byName.putIfAbsent(version.get().name(), new Release(version.get(), stable, files));
        }
        if (byName.isEmpty()) {
            throw new ReleaseListException(Problem.of("releaseList.noVersions", origin));
        }
        List<Release> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparing(Release::version).reversed());
        return new ReleaseList(sorted);
    }

    /** The newest stable release. */
    public Optional<Release> latestStable() {
        return releases.stream().filter(Release::stable).findFirst();
    }

    /**
     * A release for what a user typed: "1.22.5", "go1.22.5", "1.22" (that line's newest stable patch),
     * "latest" (the newest stable), "go1.23rc1".
     */
    public Optional<Release> find(String wanted) {
        if (wanted == null || wanted.isBlank() || wanted.equalsIgnoreCase("latest")) {
            return latestStable();
        }
        String w = wanted.strip();
        if (GoVersion.namesALine(w)) {
            String line = w.replaceFirst("^go", "");
            Optional<Release> patch = releases.stream().filter(Release::stable)
                    .filter(r -> r.version().line().equals(line)).findFirst();
            if (patch.isPresent()) {
                return patch;
            }
        }
        return GoVersion.parse(w).flatMap(v -> releases.stream().filter(r -> r.version().sameAs(v)).findFirst());
    }

    /** The two newest minor lines of stable releases: the ones that get security fixes. */
    public List<String> supportedLines() {
        return releases.stream().filter(Release::stable).map(r -> r.version().line()).distinct().limit(2).toList();
    }

    public SupportStatus supportOf(GoVersion version) {
        Optional<Release> newestPatch = releases.stream().filter(Release::stable)
                .filter(r -> r.version().line().equals(version.line())).findFirst();
        // Newer than anything the list knows (an old cached list, a toolchain download): not "unsupported".
        boolean newerThanList = latestStable().map(r -> version.compareTo(r.version()) > 0).orElse(false);
        boolean supported = newerThanList || supportedLines().contains(version.line());
        String newer = newestPatch.filter(r -> r.version().compareTo(version) > 0).map(r -> r.version().name()).orElse(null);
        return new SupportStatus(supported, newer);
    }

    /** @param newerPatch a newer patch of the same line, or null */
    public record SupportStatus(boolean supported, String newerPatch) {}
}
