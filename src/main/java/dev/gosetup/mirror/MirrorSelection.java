package dev.gosetup.mirror;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemArgumentException;
import dev.gosetup.release.ArchiveChooser;
import dev.gosetup.release.ArchiveName;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.Platform;
import dev.gosetup.release.Release;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.release.ReleaseListException;
import dev.gosetup.settings.VersionRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which archives a mirror holds: releases chosen as {@code install} chooses them (the release list's own
 * {@link ReleaseList#find} for "1.22.5", "1.22" and "latest"; the policy's {@link VersionRules} for what is allowed
 * and for the default set), times the platforms, each platform's archive picked by {@link ArchiveChooser} (tar.gz,
 * zip on Windows; never the amd64 stand-in for arm64: a fleet that needs it lists darwin/amd64 itself).
 *
 * @param entries what to store, newest release first
 * @param skipped releases that have no archive for a platform, or one that cannot be verified (no SHA-256)
 */
public record MirrorSelection(List<MirrorEntry> entries, List<Skipped> skipped) {
    /** What a fleet of laptops and servers needs when nobody says: Apple silicon and Intel Macs, Windows, Linux. */
    public static final List<Platform> FLEET = List.of(new Platform("darwin", "arm64"), new Platform("darwin", "amd64"),
            new Platform("windows", "amd64"), new Platform("linux", "amd64"), new Platform("linux", "arm64"));
    /** A mirror of every archive Go ever published has about 3,000; more is no list of Go's. */
    static final int MAX_ENTRIES = 5_000;

    /** @param reason why (a Problem: no build for the platform, no checksum) */
    public record Skipped(String version, String platform, Problem reason) {}

    public MirrorSelection {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }

    /**
     * @param wanted what the user asked for ("1.22.12", "1.22", "1.22.x", "latest"); empty for the policy's set
     *               (its allowed versions and lines, each line's newest patch; its pinned version) or, without a
     *               policy that limits versions, the newest patch of each of the two supported lines
     * @throws ProblemArgumentException a version the list does not have, or one the policy does not allow
     * @throws ReleaseListException     an entry whose file name is unusable (a path, another version's name)
     */
    public static MirrorSelection of(ReleaseList list, List<String> wanted, List<Platform> platforms, VersionRules rules) {
        Map<String, Release> releases = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            defaults(list, rules).forEach(r -> releases.putIfAbsent(r.version().name(), r));
        } else {
            for (String w : wanted) {
                Release r = find(list, w, rules);
                if (!rules.permits(r.version())) {
                    throw new ProblemArgumentException("mirror.notAllowed", r.version().name(), String.join(", ", rules.permitted()));
                }
                releases.putIfAbsent(r.version().name(), r);
            }
        }
        List<MirrorEntry> entries = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Release> ordered = new ArrayList<>(releases.values());
        ordered.sort((a, b) -> b.version().compareTo(a.version()));
        for (Release r : ordered) {
            for (Platform p : platforms) {
                if (!(new ArchiveChooser().choose(r, p) instanceof ArchiveChooser.Choice.Found found)) {
                    skipped.add(new Skipped(r.version().name(), p.toString(), Problem.of("mirror.skip.noBuild")));
                    continue;
                }
                GoFile f = found.file();
                ArchiveName name = ArchiveName.of(r.version(), f); // a hostile name refuses the whole list
                if (!f.hasChecksum() || f.size() <= 0) {
                    skipped.add(new Skipped(r.version().name(), p.toString(), Problem.of("mirror.skip.unverifiable", name.name())));
                    continue;
                }
                entries.add(new MirrorEntry(r.version(), r.stable(), f, name));
            }
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new ReleaseListException(Problem.of("mirror.tooMany", entries.size(), MAX_ENTRIES));
        }
        return new MirrorSelection(entries, skipped);
    }

    private static List<Release> defaults(ReleaseList list, VersionRules rules) {
        List<Release> out = new ArrayList<>();
        if (rules.restricts() || rules.pinned() != null) {
            List<String> names = new ArrayList<>(rules.permitted());
            if (rules.pinned() != null) {
                names.add(rules.pinned());
            }
            for (String n : names) {
                list.find(n).filter(r -> rules.permits(r.version())).ifPresent(out::add);
            }
            if (out.isEmpty()) {
                throw new ProblemArgumentException("mirror.noneAllowed", String.join(", ", names));
            }
            return out;
        }
        for (String line : list.supportedLines()) {
            list.find(line).ifPresent(out::add);
        }
        return out;
    }

    private static Release find(ReleaseList list, String wanted, VersionRules rules) {
        String w = wanted.strip();
        if (w.equalsIgnoreCase("latest")) {
            Optional<Release> r = rules.choosesDefault() ? rules.defaultRelease(list) : list.latestStable();
            return r.orElseThrow(() -> new ProblemArgumentException("mirror.noSuchVersion", ArchiveName.printable(wanted)));
        }
        if (w.toLowerCase(Locale.ROOT).matches("(go)?\\d+\\.\\d+\\.x")) {
            w = w.substring(0, w.length() - 2); // "1.22.x": the line, as "1.22" is
        }
        String asked = w;
        return list.find(asked).orElseThrow(() -> new ProblemArgumentException("mirror.noSuchVersion", ArchiveName.printable(wanted)));
    }

    /** "darwin/arm64" or "darwin-arm64", as --platforms and --platform take them. */
    public static Platform platform(String text) {
        return Platform.parse(text == null ? null : text.strip().replace('/', '-'));
    }

    /** The total size of the entries. */
    public long bytes() {
        return entries.stream().mapToLong(e -> e.file().size()).sum();
    }
}
