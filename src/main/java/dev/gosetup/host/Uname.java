package dev.gosetup.host;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fields of uname(2): {@code machine} is the process's view (x86_64 under Rosetta or qemu-user). */
public record Uname(String sysname, String nodename, String release, String version, String machine) {

    /**
     * Parses one {@code uname -a} line as printed on Linux (GNU coreutils: "... machine processor
     * hardware-platform GNU/Linux") or macOS ("Darwin host release Darwin Kernel Version ...: ...; root:... machine").
     */
    public static Optional<Uname> parseUnameA(String text) {
        String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        List<String> tokens = Arrays.asList(line.split("\\s+"));
        if (tokens.size() < 4) {
            return Optional.empty();
        }
        String sysname = tokens.get(0);
        String nodename = tokens.get(1);
        String release = tokens.get(2);
        int machineIndex = tokens.size() - 1;
        if (tokens.get(machineIndex).contains("Linux") || tokens.get(machineIndex).equals("Android")) {
            // GNU: "... x86_64 x86_64 x86_64 GNU/Linux" (machine, processor, platform, OS); processor and
            // platform are left out when "unknown", so walk back over arch-like words and take the first.
            int i = machineIndex - 1;
            int first = i;
            while (i > 3 && machineIndex - i <= 3 && isArchWord(tokens.get(i))) {
                first = i;
                i--;
            }
            machineIndex = first;
        }
        if (machineIndex < 3) {
            return Optional.empty(); // "a b c GNU/Linux": no machine field at all (found by SnapshotFuzzTest)
        }
        String machine = tokens.get(machineIndex);
        String version = String.join(" ", tokens.subList(3, machineIndex));
        return Optional.of(new Uname(sysname, nodename, release, version, machine));
    }

    private static boolean isArchWord(String token) {
        return token.equals("unknown") || GoArch.fromMachine(token) != null;
    }

    /** The same line {@code uname -a} prints on macOS (what a snapshot stores). */
    public String toUnameA() {
        return String.join(" ", sysname, nodename, release, version, machine);
    }
}
