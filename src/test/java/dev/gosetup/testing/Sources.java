package dev.gosetup.testing;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The app's own Java sources, parsed (JavaParser): for guards that must see what a call is given, not just its name. */
public final class Sources {
    /** This project's sources; -Dgosetup.sources=DIR reads another checkout's (to preview a branch before merging it). */
    public static final Path MAIN = Path.of(System.getProperty("gosetup.sources", "src/main/java"));
    private static final Path ROOT = MAIN.resolve("dev/gosetup");

    /** A parsed file and its path relative to the project, for messages such as "install/Foo.java:12". */
    public record Unit(Path file, CompilationUnit cu) {
        public String where(com.github.javaparser.ast.Node node) {
            return ROOT.toAbsolutePath().relativize(file.toAbsolutePath()) + ":" + node.getBegin().map(p -> p.line).orElse(0);
        }

        /** The package below dev.gosetup: "install", "ui.setup", "" for the root. */
        public String area() {
            Path rel = ROOT.toAbsolutePath().relativize(file.toAbsolutePath()).getParent();
            return rel == null ? "" : rel.toString().replace('/', '.');
        }
    }

    private Sources() {}

    /** Every main source file whose package (below dev.gosetup) passes {@code area}. */
    public static List<Unit> parse(Predicate<String> area) {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25);
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("module-info.java"))
                    .sorted()
                    .map(f -> new Unit(f, parse(f)))
                    .filter(u -> area.test(u.area()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CompilationUnit parse(Path file) {
        try {
            return StaticJavaParser.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The faces: the window (ui) and the command line (cli); everything else is the engine. */
    public static boolean isFace(String area) {
        return area.equals("ui") || area.startsWith("ui.") || area.equals("cli") || area.startsWith("cli.");
    }

    /** The English bundle of the same checkout as {@link #MAIN} (its keys, for guards that tell a key from prose). */
    public static java.util.Properties englishBundle() {
        return bundle("messages.properties");
    }

    /** A bundle file (messages.properties, messages_zh_CN.properties) of the same checkout as {@link #MAIN}. */
    public static java.util.Properties bundle(String name) {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(MAIN.resolveSibling("resources").resolve("dev/gosetup/i18n").resolve(name))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
