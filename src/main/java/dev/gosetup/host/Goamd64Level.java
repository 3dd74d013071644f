package dev.gosetup.host;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The GOAMD64 microarchitecture level (v1..v4) a CPU supports, from its feature flags, following Go's
 * MinimumRequirements wiki (x86-64 psABI levels). OSXSAVE is never listed by Linux and is implied by
 * xsave support in a running kernel.
 */
public final class Goamd64Level {
    private static final List<String> V2 = List.of("cx16", "lahf_lm", "popcnt", "pni", "ssse3", "sse4_1", "sse4_2");
    private static final List<String> V3 = List.of("avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave");
    private static final List<String> V4 = List.of("avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl");

    /** macOS machdep.cpu.* feature names that differ from Linux's. */
    private static final Map<String, String> MAC_TO_LINUX = Map.ofEntries(
            Map.entry("sse3", "pni"),
            Map.entry("lahf", "lahf_lm"),
            Map.entry("lzcnt", "abm"),
            Map.entry("avx1.0", "avx"),
            Map.entry("sse4.1", "sse4_1"),
            Map.entry("sse4.2", "sse4_2"));

    private Goamd64Level() {}

    /** v1..v4 from Linux cpuinfo flags. */
    public static String fromLinuxFlags(Set<String> flags) {
        if (!flags.containsAll(V2)) {
            return "v1";
        }
        if (!flags.containsAll(V3)) {
            return "v2";
        }
        return flags.containsAll(V4) ? "v4" : "v3";
    }

    /** v1..v4 from macOS machdep.cpu.features, leaf7_features and extfeatures (space-separated, upper case). */
    public static String fromMacFeatures(String... featureLines) {
        Set<String> flags = java.util.Arrays.stream(featureLines)
                .filter(l -> l != null)
                .flatMap(l -> java.util.Arrays.stream(l.toLowerCase(Locale.ROOT).split("\\s+")))
                .map(f -> MAC_TO_LINUX.getOrDefault(f, f))
                .collect(Collectors.toSet());
        return fromLinuxFlags(flags);
    }

    /** The flags a level needs that are missing, for explaining why a CPU is at a lower level. */
    public static List<String> missingFor(String level, Set<String> flags) {
        List<String> needed = switch (level) {
            case "v2" -> V2;
            case "v3" -> java.util.stream.Stream.concat(V2.stream(), V3.stream()).toList();
            case "v4" -> java.util.stream.Stream.of(V2, V3, V4).flatMap(List::stream).toList();
            default -> List.of();
        };
        return needed.stream().filter(f -> !flags.contains(f)).toList();
    }
}
