package dev.gosetup.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Linux {@code /proc/cpuinfo}: one block per logical CPU ("processor : N" ...), plus the board lines some
 * ARM kernels print once at the end (Hardware, Revision, Serial, Model). Every block is kept, because
 * heterogeneous CPUs (big.LITTLE, Apple M under Asahi) differ from block to block.
 */
public record CpuInfo(List<Map<String, String>> processors, Map<String, String> board) {

    public CpuInfo {
        processors = processors.stream().map(Collections::unmodifiableMap).toList();
        board = Collections.unmodifiableMap(board);
    }

    public static CpuInfo parse(String text) {
        List<Map<String, String>> processors = new ArrayList<>();
        Map<String, String> board = new LinkedHashMap<>();
        Map<String, String> current = null;
        // Captures pass through Windows tools: drop every CR (one dump ends lines with "\r\r\n"), so
        // that only real blank lines end a processor block.
        for (String rawLine : text.replace("\r", "").split("\n")) {
            String line = rawLine.strip();
            int colon = line.indexOf(':');
            if (line.isEmpty() || colon <= 0) {
                // Blank lines separate blocks; anything else without "key: value" ("..." in elided dumps) is noise.
                if (line.isEmpty()) {
                    current = null;
                }
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("processor") && value.matches("\\d+")) {
                current = new LinkedHashMap<>();
                current.put(key, value);
                processors.add(current);
            } else if (current != null) {
                current.putIfAbsent(key, value);
            } else {
                board.putIfAbsent(key, value);
            }
        }
        return new CpuInfo(processors, board);
    }

    public boolean isEmpty() {
        return processors.isEmpty() && board.isEmpty();
    }

    /** The first value of a key across the processor blocks, then the board lines. */
    public Optional<String> first(String key) {
        for (Map<String, String> p : processors) {
            String v = p.get(key);
            if (v != null && !v.isEmpty()) {
                return Optional.of(v);
            }
        }
        return Optional.ofNullable(board.get(key)).filter(v -> !v.isEmpty());
    }

    public Optional<String> boardValue(String key) {
        return Optional.ofNullable(board.get(key)).filter(v -> !v.isEmpty());
    }

    /** True when the blocks describe an ARM CPU (MIDR fields), whatever the process believes it runs on. */
    public boolean looksArm() {
        return first("cpu implementer").isPresent() || first("cpu part").isPresent();
    }

    /** True when the blocks describe an x86 CPU. */
    public boolean looksX86() {
        return first("vendor_id").isPresent() || first("flags").map(f -> f.contains(" sse2")).orElse(false);
    }

    /** CPU feature flags present in every block (x86 "flags", ARM "Features"). */
    public Set<String> commonFlags() {
        Set<String> common = null;
        for (Map<String, String> p : processors) {
            String line = p.getOrDefault("flags", p.get("features"));
            if (line == null) {
                continue;
            }
            Set<String> flags = new LinkedHashSet<>(List.of(line.toLowerCase(Locale.ROOT).split("\\s+")));
            if (common == null) {
                common = flags;
            } else {
                common.retainAll(flags);
            }
        }
        return common == null ? Set.of() : Collections.unmodifiableSet(common);
    }

    /** (implementer, part) of every ARM processor block, in block order. */
    public List<ArmCore> armCores() {
        List<ArmCore> cores = new ArrayList<>();
        for (Map<String, String> p : processors) {
            Integer implementer = hex(p.get("cpu implementer"));
            Integer part = hex(p.get("cpu part"));
            if (implementer != null && part != null) {
                cores.add(new ArmCore(implementer, part));
            }
        }
        return cores;
    }

    /** BogoMIPS of the first block: on ARM it is twice the architected timer frequency, a board fingerprint. */
    public Optional<String> bogoMips() {
        return first("bogomips");
    }

    static Integer hex(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            return v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One ARM core's MIDR identity. */
    public record ArmCore(int implementer, int part) {}
}
