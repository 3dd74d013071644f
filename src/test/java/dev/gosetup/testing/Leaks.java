package dev.gosetup.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds words a user sees that did not come from a bundle: with the {@link PseudoLocale}, everything from a bundle
 * is inside ⟦ ⟧, so a Latin word outside them leaked from code — and so did one inside an argument's ‹ › (an
 * exception's English message handed to a bundle pattern) unless a bundle said it there too. What may stand outside, because it is a fact or a
 * name and never translated, is kept small:
 * <ul>
 * <li>paths, URLs, platforms (a '/' or '\' in the token, or a leading ~ or .), options (a leading -);
 * <li>anything with a digit: versions (go1.22.5, 1.22), sizes, architectures (amd64, arm64);
 * <li>ALL-CAPS names: environment variables (GOPATH, PATH) and picocli's parameter labels (DIR, FILE|URL);
 * <li>{@link #NAMES}: the product and the commands a user types (Go, gosetup, go, the shells, gosetup's commands),
 *     and unit symbols (MiB), the same in every language;
 * <li>host and file names (a dot between letters: go.dev, env.sh);
 * <li>in the command line's output, lines of a unified diff (+, -, @@): the contents of the user's files;
 * <li>what a run names as facts it read (the OS's own name for itself, say), passed in by the test.
 * </ul>
 */
public final class Leaks {
    /** Product names and command names: the same in every language. */
    public static final Set<String> NAMES = Set.of("Go", "gosetup", "go", "zsh", "bash", "fish", "pwsh", "sh",
            "detect", "report", "releases", "install", "use", "update", "rollback", "remove", "list", "env", "doctor", "gui", "project", "tools",
            "mirror", "build", "verify", // gosetup mirror build / verify
            "cleanup", "ide",
            "KiB", "MiB", "GiB", "kB", "MB", "GB");

    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern CAPS = Pattern.compile("[A-Z0-9_|<>\\[\\].=]+");
    private static final Pattern EDGE = Pattern.compile("^[\\p{Punct}“”‘’…«»·]+|[\\p{Punct}“”‘’…«»·]+$");

    private Leaks() {}

    /** Each leaked word with its line: "line 3: «Shell» in: Shell   ⟦...⟧". */
    public static List<String> in(String output, boolean diffLinesAreContent) {
        return in(output, diffLinesAreContent, Set.of());
    }

    /** @param facts words this output may show as read (not translated): the OS's name, a CPU's model */
    public static List<String> in(String output, boolean diffLinesAreContent, Set<String> facts) {
        List<String> leaks = new ArrayList<>();
        String[] lines = output.split("\\R", -1);
        java.util.ArrayDeque<Character> open = new java.util.ArrayDeque<>(); // ⟦ or ‹, innermost first
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            StringBuilder outside = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                boolean marker = c == PseudoLocale.OPEN || c == PseudoLocale.CLOSE || c == PseudoLocale.ARG_OPEN || c == PseudoLocale.ARG_CLOSE;
                if (c == PseudoLocale.OPEN || c == PseudoLocale.ARG_OPEN) {
                    open.push(c);
                } else if ((c == PseudoLocale.CLOSE || c == PseudoLocale.ARG_CLOSE) && !open.isEmpty()) {
                    open.pop();
                }
                boolean fromBundle = !open.isEmpty() && open.peek() == PseudoLocale.OPEN;
                outside.append(!marker && !fromBundle ? c : ' ');
            }
            if (diffLinesAreContent && open.isEmpty() && line.matches("^(\\+|-|@@).*") && !line.startsWith("--")) {
                continue;
            }
            for (String token : outside.toString().split("\\s+")) {
                String word = facts.contains(EDGE.matcher(token).replaceAll("")) ? null : leaked(token);
                if (word != null) {
                    leaks.add("line " + (n + 1) + ": «" + word + "» in: " + line.strip());
                }
            }
        }
        return leaks;
    }

    /** The token if it is a word from code, else null. */
    static String leaked(String raw) {
        String token = EDGE.matcher(raw).replaceAll("");
        if (!WORD.matcher(token).find()) {
            return null;
        }
        boolean pathOrUrl = raw.contains("/") || raw.contains("\\") || raw.startsWith("~") || raw.startsWith(".");
        // an option or a picocli synopsis token: --json, [-hV], --[no-]set-goroot, --go-env=NAME=VALUE
        // (a synopsis wrapped inside --[no-]NAME leaves "[no-]NAME" at the start of the next line)
        boolean option = raw.replaceAll("^[\\[(]+", "").startsWith("-") || token.contains("=") || token.matches("[a-z]+(-[a-z]+)+\\]*")
                || raw.contains("[no-]");
        boolean fact = token.chars().anyMatch(Character::isDigit);
        boolean caps = CAPS.matcher(token).matches();
        boolean hostOrFile = token.matches("[\\w-]+(\\.[\\w-]+)+") && token.matches(".*[A-Za-z]\\.[A-Za-z].*");
        if (pathOrUrl || option || fact || caps || hostOrFile || NAMES.contains(token)) {
            return null;
        }
        return token;
    }

    /**
     * Words this machine says about itself, shown as read (not translated): its OS's name (/etc/os-release), its CPU's
     * model (/proc/cpuinfo), the name of the cpuinfo field that told it, container products' names, and every value
     * the product's host detection read (the same facts on macOS and Windows, where those two files do not exist).
     */
    public static Set<String> thisMachine() {
        Set<String> facts = new java.util.HashSet<>(Set.of("docker", "podman", "lxc", "wsl", "kubernetes", "containerd", "model", "name"));
        try {
            java.nio.file.Path osRelease = java.nio.file.Path.of("/etc/os-release");
            if (java.nio.file.Files.isReadable(osRelease)) {
                for (String line : java.nio.file.Files.readAllLines(osRelease)) {
                    if (line.startsWith("PRETTY_NAME=") || line.startsWith("NAME=") || line.startsWith("VERSION=")) {
                        facts.addAll(words(line.substring(line.indexOf('=') + 1)));
                    }
                }
            }
            java.nio.file.Path cpuinfo = java.nio.file.Path.of("/proc/cpuinfo");
            if (java.nio.file.Files.isReadable(cpuinfo)) {
                for (String line : java.nio.file.Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("model name")) {
                        facts.addAll(words(line.substring(line.indexOf(':') + 1)));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // On macOS and Windows there is no os-release or cpuinfo: the facts are what the product's own detection
        // reads there (sysctl's brand string, the registry's product name), so take them from it on every OS.
        dev.gosetup.host.HostInfo host = new dev.gosetup.host.HostDetector().detect(dev.gosetup.host.live.ThisMachine.hostSource());
        java.util.List<String> read = new ArrayList<>(java.util.Arrays.asList(host.chip(), host.machine(), host.osVersion(),
                host.kernel(), host.translator(), host.container()));
        for (dev.gosetup.host.Note note : host.notes()) {
            read.addAll(note.args());
        }
        if (host.chipEvidence() != null) {
            read.addAll(host.chipEvidence().args());
        }
        for (String value : read) {
            if (value != null) {
                facts.addAll(words(value));
            }
        }
        return facts;
    }

    private static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        for (String w : value.replaceAll("[\"()@]", " ").strip().split("[\\s/]+")) {
            words.add(EDGE.matcher(w).replaceAll(""));
        }
        return words;
    }

    /** Month and day names and AM/PM of a locale: a date formatted for it (a fact in the user's way of writing dates). */
    public static Set<String> dateWords(java.util.Locale locale) {
        java.text.DateFormatSymbols symbols = java.text.DateFormatSymbols.getInstance(locale);
        Set<String> words = new java.util.HashSet<>();
        for (String[] names : List.of(symbols.getMonths(), symbols.getShortMonths(), symbols.getWeekdays(), symbols.getShortWeekdays(),
                symbols.getAmPmStrings())) {
            for (String name : names) {
                if (!name.isEmpty()) {
                    words.add(EDGE.matcher(name).replaceAll(""));
                }
            }
        }
        return words;
    }
}
