import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Replaces target/lib's picocli jar with the same picocli compiled from its own sources jar for this JDK, so that
 * the AOT cache can hold it.
 *
 * <p>Why: picocli's released classes are Java 5 class files (version 49), and the JVM's AOT cache skips every class
 * older than version 50 ("Skipping picocli/...: Old class has been linked", {@code -Xlog:aot}). So at every start
 * its 178 classes were read from the jar, checked by the old type-inferring verifier and run cold: about 0.2 s of a
 * 0.35 s {@code gosetup list} (docs/benchmarks.md). The source is picocli's own (the {@code -sources} jar of the
 * same version, which Maven checked like every artifact); only the class file version changes, and the module
 * keeps its name and descriptor ({@code info.picocli}: exports picocli, reads java.sql if present), so nothing
 * that uses it notices. The tests keep running on the released jar.
 *
 * <p>Arguments: the sources jar, the jar to write (replaced only when the new one is complete), the version.
 */
public class RecompilePicocli {
    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]);
        Path target = Path.of(args[1]);
        String version = args[2];
        Path work = target.resolveSibling(".picocli-build");
        deleteTree(work);
        Path src = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> javaFiles = unpackSources(sources, src);
        // The descriptor of the released jar (META-INF/versions/9/module-info.class), as source.
        Files.writeString(src.resolve("module-info.java"),
                "module info.picocli {\n    requires static java.sql;\n    exports picocli;\n}\n");
        javaFiles.add(src.resolve("module-info.java").toString());

        List<String> javac = new ArrayList<>(List.of("--release", Integer.toString(Runtime.version().feature()),
                "-nowarn", "-XDsuppressNotes", "-encoding", "UTF-8", "-d", classes.toString()));
        javac.addAll(javaFiles);
        run("javac", javac);
        Path jar = work.resolve("picocli.jar");
        run("jar", List.of("--create", "--file", jar.toString(), "--module-version", version, "-C", classes.toString(), "."));
        Files.move(jar, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(work);
        System.out.println("picocli " + version + " compiled for Java " + Runtime.version().feature() + ": " + target);
    }

    /** The .java files of the sources jar, written under {@code dir}; entries that would leave it are refused. */
    private static List<String> unpackSources(Path jar, Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.isDirectory() || !e.getName().endsWith(".java")) {
                    continue;
                }
                Path out = dir.resolve(e.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("entry outside the sources: " + e.getName());
                }
                Files.createDirectories(out.getParent());
                copy(in, out);
                files.add(out.toString());
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no Java sources in " + jar);
        }
        return files;
    }

    private static void copy(InputStream in, Path out) throws IOException {
        Files.write(out, in.readAllBytes());
    }

    private static void run(String tool, List<String> args) {
        int code = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException("no " + tool + " in this JDK"))
                .run(System.out, System.err, args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException(tool + " failed (exit " + code + ")");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
