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
 * <li>{@link #NAMES}: the product and the commands a user types (Go, gosetup, go, the shells, gosetup's commands);
 * <li>in the command line's output, lines of a unified diff (+, -, @@): the contents of the user's files;
 * <li>what a run names as facts it read (the OS's own name for itself, say), passed in by the test.
 * </ul>
 */
public final class Leaks {
    /** Product names and command names: the same in every language. */
    public static final Set<String> NAMES = Set.of("Go", "gosetup", "go", "zsh", "bash", "fish", "pwsh", "sh",
            "detect", "report", "releases", "install", "use", "remove", "list", "env", "doctor", "gui");

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
        boolean option = raw.replaceAll("^[\\[(]+", "").startsWith("-") || token.contains("=") || token.matches("[a-z]+(-[a-z]+)+\\]*");
        boolean fact = token.chars().anyMatch(Character::isDigit);
        boolean caps = CAPS.matcher(token).matches();
        if (pathOrUrl || option || fact || caps || NAMES.contains(token)) {
            return null;
        }
        return token;
    }
}
