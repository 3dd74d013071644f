package dev.gosetup.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds test code that builds something Windows does not have — a FIFO ({@code mkfifo}), a POSIX mode
 * ({@code setPosixFilePermissions}; reading one, or a {@code unix:}/{@code posix:} attribute, throws there too), a
 * {@code #!/bin/sh} script — where nothing keeps it from running on Windows
 * (src/test/PLATFORMS.md). Read from the source text, without a Java parser: each file is cut into the members of its
 * top-level type by counting braces outside comments, strings, characters and text blocks; a member is guarded when
 *
 * <ul>
 *   <li>it or its top-level type carries {@code @DisabledOnOs} naming {@code OS.WINDOWS}, {@code @EnabledOnOs} not
 *       naming it, {@code @RunsLinuxAmd64Go} or {@code @BuildsWithLinuxAmd64Go};
 *   <li>its own text asks the OS ({@code HostOs.}, {@code "os.name"}, {@code OS.current()}, {@code Shells.require(},
 *       {@code posix != null}), or it calls a member of the same file that does;
 *   <li>it is a helper (no test or lifecycle annotation) and every member of the same file that calls it is guarded.
 * </ul>
 *
 * A {@code "#!/bin/sh\n"} that is the whole file (an empty script: the file is there, nothing would answer) and a line
 * that says {@value #DATA} (a script read as bytes or packed into an archive; Windows starts .exe and .cmd files, never
 * this) are not scripts to run. Anything the cut cannot read (unbalanced braces) is reported, not guessed at.
 */
public final class PlatformGuards {
    /** The comment that marks a {@code #!/bin/sh} text as data (read as bytes, or an archive entry nothing on Windows would start). */
    public static final String DATA = "// data: never run on Windows";

    private static final List<String> OS_CHECKS = List.of("HostOs.", "\"os.name\"", "OS.current()", "Shells.require(", "posix != null",
            "supportedFileAttributeViews()");
    private static final Set<String> ENTRY_POINTS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate",
            "FuzzTest", "BeforeEach", "BeforeAll", "AfterEach", "AfterAll");
    private static final Pattern ANNOTATION = Pattern.compile("@([A-Za-z_][\\w.]*)");
    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_]\\w*)\\s*\\(");

    private PlatformGuards() {}

    /** One member of a top-level type: its name, annotations (as written), text without comments, and raw lines. */
    public record Member(String name, List<String> annotations, String code, List<String> lines, int line) {
        boolean entryPoint() {
            return annotations.stream().map(PlatformGuards::simpleName).anyMatch(ENTRY_POINTS::contains);
        }
    }

    /** A member that builds something POSIX-only with nothing keeping it off Windows. */
    public record Finding(String file, int line, String member, String construct) {
        @Override
        public String toString() {
            return file + ":" + line + " " + member + " uses " + construct;
        }
    }

    /** Every finding under {@code root} (a source folder), this scanner's own files left out (they name the constructs). */
    public static List<Finding> scan(Path root) throws IOException {
        List<Finding> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.equals("PlatformGuards.java") || name.equals("PlatformGuardsTest.java")) {
                    continue;
                }
                all.addAll(check(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        return all;
    }

    /** The findings of one source file. */
    public static List<Finding> check(String file, String source) {
        Cut cut = cut(file, source);
        if (guardAnnotated(cut.typeAnnotations)) {
            return List.of();
        }
        Map<String, List<Member>> byName = new HashMap<>();
        for (Member m : cut.members) {
            byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
        }
        Set<String> asks = new HashSet<>(); // members whose own text, or a same-file callee's, asks the OS
        for (Member m : cut.members) {
            if (OS_CHECKS.stream().anyMatch(m.code()::contains)) {
                asks.add(m.name());
            }
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Member m : cut.members) {
                if (!asks.contains(m.name()) && calls(m).stream().anyMatch(asks::contains)) {
                    grew = asks.add(m.name());
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Member m : cut.members) {
            String construct = construct(m);
            if (construct != null && !guarded(m, cut.members, asks, new HashSet<>())) {
                out.add(new Finding(file, m.line(), m.name(), construct));
            }
        }
        return out;
    }

    static String construct(Member m) {
        if (m.code().contains("mkfifo")) {
            return "mkfifo";
        }
        if (m.code().contains("setPosixFilePermissions")) {
            return "setPosixFilePermissions";
        }
        for (String posix : List.of("getPosixFilePermissions", "\"unix:", "\"posix:")) { // throw UnsupportedOperationException on Windows
            if (m.code().contains(posix)) {
                return posix.replace("\"", "") + (posix.endsWith(":") ? " attributes" : "");
            }
        }
        String[] code = m.code().split("\n", -1); // comments blanked, line for line with the source
        for (int k = 0; k < code.length; k++) {
            int at = code[k].indexOf("#!/bin/sh");
            if (at >= 0 && !m.lines().get(k).contains(DATA) && !code[k].startsWith("\"#!/bin/sh\\n\"", at - 1)) {
                return "a #!/bin/sh script";
            }
        }
        return null;
    }

    private static boolean guarded(Member m, List<Member> members, Set<String> asks, Set<String> seen) {
        if (guardAnnotated(m.annotations()) || asks.contains(m.name())) {
            return true;
        }
        if (m.entryPoint() || !seen.add(m.name())) {
            return false; // an entry point runs on its own; a cycle of helpers guards nothing
        }
        List<Member> callers = members.stream().filter(c -> c != m && calls(c).contains(m.name())).toList();
        return !callers.isEmpty() && callers.stream().allMatch(c -> guarded(c, members, asks, seen));
    }

    private static Set<String> calls(Member m) {
        Set<String> names = new HashSet<>();
        Matcher c = CALL.matcher(m.code());
        while (c.find()) {
            names.add(c.group(1));
        }
        names.remove(m.name());
        return names;
    }

    static boolean guardAnnotated(List<String> annotations) {
        for (String a : annotations) {
            String name = simpleName(a);
            if (name.equals("RunsLinuxAmd64Go") || name.equals("BuildsWithLinuxAmd64Go")
                    || name.equals("DisabledOnOs") && a.contains("WINDOWS")
                    || name.equals("EnabledOnOs") && !a.contains("WINDOWS")) {
                return true;
            }
        }
        return false;
    }

    private static String simpleName(String annotation) {
        Matcher m = ANNOTATION.matcher(annotation);
        if (!m.find()) {
            return "";
        }
        String n = m.group(1);
        return n.substring(n.lastIndexOf('.') + 1);
    }

    private record Cut(List<String> typeAnnotations, List<Member> members) {}

    /**
     * Cuts the source into the top-level type's annotations and members. Braces are counted in code only, and not
     * inside the parentheses of a header (an annotation's {@code {OS.WINDOWS, OS.MAC}}, a field's lambda): depth 1 is
     * the type's body, and a member runs from the end of the one before to its own ';' or closing '}'.
     */
    static Cut cut(String file, String source) {
        StringBuilder code = new StringBuilder(source.length()); // the source with comments blanked, same offsets
        int depth = 0;
        int parens = 0; // at depth 0 and 1 only: inside a header's parentheses
        List<String> typeAnnotations = null;
        List<Member> members = new ArrayList<>();
        int next = -1; // where the next member of the type begins
        boolean inBody = false; // a member's body (depth >= 2) is open
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                code.append(" ".repeat(end - i));
                i = end;
                continue;
            }
            if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalStateException(file + ": a comment that does not end");
                }
                end += 2;
                code.append(source.substring(i, end).replaceAll("[^\n]", " "));
                i = end;
                continue;
            }
            if (source.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (true) {
                    end = source.indexOf("\"\"\"", end);
                    if (end < 0) {
                        throw new IllegalStateException(file + ": a text block that does not end");
                    }
                    if (source.charAt(end - 1) != '\\') {
                        break;
                    }
                    end++;
                }
                end += 3;
                code.append(source, i, end);
                i = end;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
                code.append(source, i, end);
                i = end;
                continue;
            }
            code.append(c);
            boolean header = depth <= 1 && !inBody;
            if (header && c == '(') {
                parens++;
            } else if (header && c == ')') {
                parens--;
            } else if (header && parens > 0) {
                // braces and ';' inside a header's parentheses belong to it
            } else if (c == '{') {
                if (depth == 0) {
                    if (typeAnnotations == null) {
                        typeAnnotations = annotations(code.toString());
                    }
                    next = i + 1;
                } else if (depth == 1) {
                    inBody = true;
                }
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth < 0) {
                    throw new IllegalStateException(file + ": a '}' without its '{'");
                }
                if (depth == 1 && inBody) {
                    members.add(member(source, code, next, i + 1));
                    inBody = false;
                    next = i + 1;
                }
            } else if (c == ';' && depth == 1 && !inBody) {
                if (!code.substring(next, i).isBlank()) {
                    members.add(member(source, code, next, i + 1)); // a field: its initializer counts too
                }
                next = i + 1;
            }
            i++;
        }
        if (depth != 0 || parens != 0) {
            throw new IllegalStateException(file + ": braces or parentheses do not balance");
        }
        return new Cut(typeAnnotations == null ? List.of() : typeAnnotations, members);
    }

    private static Member member(String source, StringBuilder code, int start, int end) {
        String text = code.substring(start, end);
        String header = text.substring(0, headerEnd(text));
        List<String> annotations = annotations(header);
        String bare = stripAnnotations(header);
        int paren = bare.indexOf('(');
        int eq = bare.indexOf('=');
        String name;
        Matcher id = Pattern.compile("([A-Za-z_]\\w*)\\s*$").matcher(
                paren >= 0 && (eq < 0 || paren < eq) ? bare.substring(0, paren) : eq >= 0 ? bare.substring(0, eq) : bare.replaceAll("[{;]\\s*$", ""));
        name = id.find() ? id.group(1) : "?";
        Matcher type = Pattern.compile("\\b(?:class|record|enum|interface)\\s+([A-Za-z_]\\w*)").matcher(bare);
        if (type.find() && (paren < 0 || type.start() < paren)) {
            name = type.group(1);
        }
        int firstCode = start + (text.length() - text.stripLeading().length());
        int line = 1 + (int) source.substring(0, firstCode).chars().filter(ch -> ch == '\n').count();
        return new Member(name, annotations, text, List.of(source.substring(start, end).split("\n", -1)), line);
    }

    /** The header of a member: up to its body's '{' or its ';', whichever comes first outside annotation arguments. */
    private static int headerEnd(String text) {
        int parens = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '(') {
                parens++;
            } else if (c == ')') {
                parens--;
            } else if ((c == '{' || c == ';' || c == '=') && parens == 0) {
                return k;
            } else if (c == '"') {
                int end = text.indexOf('"', k + 1);
                k = end < 0 ? k : end;
            }
        }
        return text.length();
    }

    /** The annotations of a header (or any source text), each with its arguments. */
    public static List<String> annotations(String header) {
        List<String> out = new ArrayList<>();
        Matcher m = ANNOTATION.matcher(header);
        int from = 0;
        while (m.find(from)) {
            int end = m.end();
            int k = end;
            while (k < header.length() && Character.isWhitespace(header.charAt(k))) {
                k++;
            }
            if (k < header.length() && header.charAt(k) == '(') {
                end = closing(header, k) + 1;
            }
            if (!header.startsWith("@interface", m.start())) {
                out.add(header.substring(m.start(), end));
            }
            from = end;
        }
        return out;
    }

    private static String stripAnnotations(String header) {
        StringBuilder out = new StringBuilder(header);
        List<String> found = annotations(header);
        for (String a : found) {
            int at = out.indexOf(a);
            out.replace(at, at + a.length(), " ".repeat(a.length()));
        }
        return out.toString();
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int k = open; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"') {
                int end = k + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                k = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return k;
            }
        }
        return text.length() - 1;
    }
}
