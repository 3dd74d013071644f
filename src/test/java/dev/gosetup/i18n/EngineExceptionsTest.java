package dev.gosetup.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.gosetup.testing.Sources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No English prose in the engine's exceptions (issue 14): every package but {@code ui} and {@code cli} reports a
 * failure as a {@link Problem} (a {@link ProblemException} or a {@link Reported}), so the faces can say it in the
 * user's language. This reads the sources (JavaParser, not regexes: it must see what a constructor is given) and
 * fails, naming file:line, where an engine class creates an exception (or calls an exception's {@code super(..)})
 * with a message made of words: a string literal, a concatenation with one, or {@code String.format}/
 * {@code formatted} on one.
 *
 * <p>Allowed:
 * <ul>
 * <li>{@link #DESCRIBED_BY_TYPE}: types {@link Problems#of} words by type, ignoring the message;
 * <li>a literal that is a key of the English bundle ({@code new SdkRefusal("sdk.refusal.active", v)}): a key, not prose;
 * <li>{@link #PROGRAMMING_ERRORS}: {@code IllegalArgumentException}, {@code IllegalStateException},
 *     {@code AssertionError}, {@code UncheckedIOException} with a note for developers ("index out of range",
 *     "called off the FX thread"). Such a message is <b>never shown to a user</b>: a user never causes it, and
 *     no face catches these types to print them. {@link #programmingErrorsAreNotShownByTheFaces} checks the
 *     second half: if a face catches one of them and uses it, or switches on it, its message is user-visible
 *     and every engine site that gives it literal words is a leak.
 * </ul>
 */
class EngineExceptionsTest {
    /** Exceptions for bugs, whose message is a note for developers (see the class comment). */
    static final Set<String> PROGRAMMING_ERRORS = Set.of("IllegalArgumentException", "IllegalStateException",
            "AssertionError", "UncheckedIOException");

    /**
     * Exceptions {@link Problems#of} puts into words by their type alone, never showing their message (an interrupted
     * wait reads "stopped" in the user's language): their message is for the log.
     */
    static final Set<String> DESCRIBED_BY_TYPE = Set.of("InterruptedIOException");

    private static List<Sources.Unit> engine;
    private static Set<String> throwables;
    private static Properties english;

    @BeforeAll
    static void parse() throws IOException {
        engine = Sources.parse(area -> !Sources.isFace(area));
        throwables = throwableTypes(Sources.parse(area -> true));
        english = Sources.englishBundle();
    }

    @Test
    void engineExceptionsCarryNoLiteralMessages() {
        List<String> leaks = new ArrayList<>();
        for (Site site : proseSites()) {
            if (!PROGRAMMING_ERRORS.contains(site.type()) && !DESCRIBED_BY_TYPE.contains(site.type())) {
                leaks.add(site.toString());
            }
        }
        assertThat(leaks).as("engine exceptions created with English words instead of a Problem (bundle key + facts)")
                .isEmpty();
    }

    /**
     * A programming-error type that a face catches and uses (prints it, describes it, maps it to an exit code
     * and prints it) is not one any more: its engine sites with literal words reach the user.
     */
    @Test
    void programmingErrorsAreNotShownByTheFaces() {
        Map<String, List<String>> shownBy = shownByTheFaces();
        List<String> leaks = new ArrayList<>();
        for (Site site : proseSites()) {
            if (shownBy.containsKey(site.type())) {
                leaks.add(site + "  — shown by " + shownBy.get(site.type()));
            }
        }
        assertThat(leaks).as("engine messages of exception types that a face catches and shows to the user").isEmpty();
    }

    /** What is converted stays so: the i18n package and the first ProblemException (install/SdkRefusal). */
    @Test
    void convertedCodeHasNoLiteralMessages() {
        assertThat(proseSites()).extracting(Site::where)
                .noneMatch(w -> w.startsWith("i18n/") || w.startsWith("install/SdkRefusal.java"));
        assertThat(engine).extracting(u -> u.file().getFileName().toString()).contains("SdkRefusal.java", "Problems.java");
    }

    /** The guard itself: it sees each form of a literal message, and lets keys and Problems pass. */
    @Test
    void theGuardSeesEveryFormOfLiteralMessage() {
        var cu = com.github.javaparser.StaticJavaParser.parse("""
                class Bad {
                    void a(java.nio.file.Path path, int x) throws Exception {
                        throw new java.io.IOException("no such file");
                    }
                    void b(java.nio.file.Path path) throws Exception {
                        throw new java.io.IOException(path + " is not a folder");
                    }
                    void c(int x) { throw new BadThing(String.format("bad %d", x)); }
                    void d(int x) { throw new BadThing("bad %d".formatted(x), null); }
                    void ok(java.nio.file.Path p) throws Exception {
                        throw new dev.gosetup.i18n.ProblemException(dev.gosetup.i18n.Problem.of("error.io.noSuchFile", p));
                    }
                    void key() { throw new BadThing("error.io.noSuchFile"); }
                    void joined(java.nio.file.Path f, String m) { throw new BadThing(f + ": " + m); }
                    void bug() { throw new IllegalStateException("called twice"); }
                    static class BadThing extends RuntimeException {
                        BadThing(String m) { super(m); }
                        BadThing(String m, Throwable c) { super(m, c); }
                        BadThing() { super("literal in super"); }
                    }
                }
                """);
        Set<String> types = throwableTypes(List.of(new Sources.Unit(Sources.MAIN.resolve("dev/gosetup/x/Bad.java"), cu)));
        List<String> found = new ArrayList<>();
        for (Site s : proseSites(new Sources.Unit(Sources.MAIN.resolve("dev/gosetup/x/Bad.java"), cu), types)) {
            found.add(s.toString());
        }
        assertThat(found).containsExactly(
                "x/Bad.java:3 new java.io.IOException(\"no such file\")",
                "x/Bad.java:6 new java.io.IOException(path + \" is not a folder\")",
                "x/Bad.java:8 new BadThing(String.format(\"bad %d\", x))",
                "x/Bad.java:9 new BadThing(\"bad %d\".formatted(x), null)",
                "x/Bad.java:15 new IllegalStateException(\"called twice\")",
                "x/Bad.java:19 super(\"literal in super\") in BadThing");
    }

    record Site(String where, String type, String code) {
        @Override
        public String toString() {
            return where + " " + code;
        }
    }

    private static List<Site> proseSites() {
        List<Site> all = new ArrayList<>();
        for (Sources.Unit unit : engine) {
            all.addAll(proseSites(unit, throwables));
        }
        return all;
    }

    private static List<Site> proseSites(Sources.Unit unit, Set<String> throwableTypes) {
        List<Site> sites = new ArrayList<>();
        for (ObjectCreationExpr creation : unit.cu().findAll(ObjectCreationExpr.class)) {
            String type = creation.getType().getNameAsString();
            if (isThrowable(type, throwableTypes) && creation.getArguments().stream().anyMatch(EngineExceptionsTest::isProse)) {
                sites.add(new Site(unit.where(creation), type, oneLine(creation)));
            }
        }
        for (ExplicitConstructorInvocationStmt call : unit.cu().findAll(ExplicitConstructorInvocationStmt.class)) {
            var owner = call.findAncestor(ClassOrInterfaceDeclaration.class);
            if (!call.isThis() && owner.isPresent() && throwableTypes.contains(owner.get().getNameAsString())
                    && call.getArguments().stream().anyMatch(EngineExceptionsTest::isProse)) {
                String code = oneLine(call);
                sites.add(new Site(unit.where(call), owner.get().getNameAsString(),
                        code.substring(0, code.length() - 1) + " in " + owner.get().getNameAsString()));
            }
        }
        sites.sort(java.util.Comparator.comparingInt(s -> Integer.parseInt(s.where().substring(s.where().lastIndexOf(':') + 1))));
        return sites;
    }

    private static String oneLine(Node node) {
        return node.toString().replaceAll("\\s*\\n\\s*", " ");
    }

    private static boolean isThrowable(String simpleName, Set<String> throwableTypes) {
        return simpleName.endsWith("Exception") || simpleName.endsWith("Error") || throwableTypes.contains(simpleName);
    }

    /** Words in a message: a literal (not a bundle key), a concatenation with one, a format of one. */
    private static boolean isProse(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return hasWords(s.getValue()) && (english == null || !english.containsKey(s.getValue()));
        }
        if (e instanceof TextBlockLiteralExpr) {
            return true;
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            return isProse(b.getLeft()) || isProse(b.getRight());
        }
        if (e instanceof com.github.javaparser.ast.expr.EnclosedExpr en) {
            return isProse(en.getInner());
        }
        if (e instanceof MethodCallExpr call) {
            boolean format = call.getNameAsString().equals("format") && call.getScope().map(s -> s.toString().equals("String")).orElse(false)
                    && !call.getArguments().isEmpty() && isProse(call.getArgument(0));
            boolean formatted = call.getNameAsString().equals("formatted") && call.getScope().map(EngineExceptionsTest::isProse).orElse(false);
            return format || formatted;
        }
        return false;
    }

    /** A literal with a letter in it; ": " or " " only joins facts (the words come from elsewhere, checked there). */
    private static boolean hasWords(String literal) {
        return literal.codePoints().anyMatch(Character::isLetter);
    }

    /** Classes declared in the sources that are exceptions: their superclass chain reaches a JDK throwable. */
    private static Set<String> throwableTypes(List<Sources.Unit> units) {
        Map<String, String> parent = new TreeMap<>();
        for (Sources.Unit unit : units) {
            for (ClassOrInterfaceDeclaration c : unit.cu().findAll(ClassOrInterfaceDeclaration.class)) {
                c.getExtendedTypes().stream().findFirst()
                        .ifPresent(t -> parent.put(c.getNameAsString(), t.getNameAsString()));
            }
        }
        Set<String> result = new TreeSet<>();
        for (String name : parent.keySet()) {
            Set<String> seen = new HashSet<>();
            for (String t = name; t != null && seen.add(t); t = parent.get(t)) {
                if (t.endsWith("Exception") || t.endsWith("Error") || t.equals("Throwable")) {
                    result.add(name);
                    break;
                }
            }
        }
        return result;
    }

    /**
     * Programming-error types a face shows: caught in ui/cli with the caught exception used in the handler
     * (printed, described, logged and shown), or a case of a switch over failures (GoSetupCommand.exitCodeFor:
     * the CLI prints every failure it maps to an exit code). Value: where.
     */
    private static Map<String, List<String>> shownByTheFaces() {
        Map<String, List<String>> shown = new TreeMap<>();
        for (Sources.Unit unit : Sources.parse(Sources::isFace)) {
            for (CatchClause c : unit.cu().findAll(CatchClause.class)) {
                String var = c.getParameter().getNameAsString();
                boolean used = c.getBody().findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(var));
                for (ClassOrInterfaceType t : c.getParameter().getType().findAll(ClassOrInterfaceType.class)) {
                    if (used && PROGRAMMING_ERRORS.contains(t.getNameAsString())) {
                        shown.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(unit.where(c));
                    }
                }
            }
            for (TypePatternExpr p : unit.cu().findAll(TypePatternExpr.class)) {
                String type = p.getType().asString();
                type = type.substring(type.lastIndexOf('.') + 1);
                if (PROGRAMMING_ERRORS.contains(type) && p.findAncestor(com.github.javaparser.ast.stmt.SwitchEntry.class).isPresent()) {
                    shown.computeIfAbsent(type, k -> new ArrayList<>()).add(unit.where(p));
                }
            }
        }
        return shown;
    }
}
