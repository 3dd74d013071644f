import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Prepares the runtime jpackage puts in an installer (mvn -Pinstaller package), on the JDK the toolchain
 * chose: {@code runtime/}, one jlink'd image with only the JDK modules the app needs, JavaFX, every library
 * and the app itself. Nothing stays on a module path, for two reasons:
 *
 * <ul>
 *   <li>Native code lands in the runtime's lib/ (bin\ on Windows), where the JVM finds it: JavaFX's and
 *       JNA's Maven jars carry their libraries inside and unpack them at first start (~/.openjfx/cache, a
 *       temporary folder). Here each such jar becomes a jmod whose libraries jlink places; the app points
 *       JNA there (jna.boot.library.path) and the image forbids unpacking (jna.nounpack).</li>
 *   <li>The AOT cache trained on the image stays valid where the image is installed: the JVM refuses an
 *       AOT cache when a module path is given ("extra module path(s) are specified"), and a module path
 *       would name the build folder, not /opt/gosetup.</li>
 * </ul>
 *
 * jlink links only explicit modules: a library that is an automatic module (java-diff-utils) gets the
 * module-info jdeps writes for it (what ModiTect does), compiled and added to a copy of its jar.
 *
 * <p>Then it trains the AOT cache (JDK 25, JEP 483/514/515) on that runtime, with the JVM flags the image
 * uses: {@code app/gosetup.aot}, which jpackage copies into the image's app folder. Trained on the runtime
 * itself (no module path), the cache survives jpackage's copy and the move to the install location. With a
 * display the training run opens the window (what "time to first window" measures); without one it is a
 * real install of a tiny archive, like the development launcher's (WriteLauncher).
 *
 * <p>Arguments: the runtime jar folder (target/lib), the app jar, the output folder, the main module/class,
 * the extra JDK modules (comma-separated; modules found only through services or locales), the image's JVM
 * flags, and optionally a policy file to bake into the image (copied to app/policy.json).
 */
public class InstallerInputs {
    public static void main(String[] args) throws Exception {
        Path libDir = Path.of(args[0]);
        Path appJar = Path.of(args[1]);
        Path out = Path.of(args[2]);
        String main = args[3];
        String mainModule = main.substring(0, main.indexOf('/'));
        String jdkModules = args[4];
        String jvmFlags = args[5];
        Optional<Path> policy = args.length > 6 && !args[6].isBlank() ? Optional.of(Path.of(args[6])) : Optional.empty();
        deleteTree(out);
        Path modulePath = Files.createDirectories(out.resolve("linked"));
        Path work = out.resolve("work");
        Path app = Files.createDirectories(out.resolve("app"));

        Files.copy(appJar, modulePath.resolve(appJar.getFileName()));
        List<Path> jars;
        try (var list = Files.list(libDir)) {
            jars = list.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            ModuleReference module = ModuleFinder.of(jar).findAll().stream().findFirst().orElseThrow();
            String name = module.descriptor().name();
            if (!hasClasses(jar)) {
                continue; // javafx-base-26.jar and the like: empty jars that only pull in the platform jar
            }
            Optional<String> nativePrefix = nativeLibraryFolder(jar);
            if (nativePrefix.isPresent()) {
                makeJmod(jar, name, module.descriptor().rawVersion().orElse(null), nativePrefix.get(), modulePath, work);
            } else if (module.descriptor().isAutomatic()) {
                addModuleInfo(jar, name, modulePath, libDir, work);
            } else {
                Files.copy(jar, modulePath.resolve(jar.getFileName()));
            }
        }
        deleteTree(work);
        linuxLauncher(app);
        if (policy.isPresent()) {
            Files.copy(policy.get(), app.resolve("policy.json"));
            System.out.println("Policy baked into the image: " + policy.get());
        }

        // The JDK's own modules come from the running JDK (its jmods, or its run-time image, JEP 493).
        String addModules = mainModule + (jdkModules.isBlank() ? "" : "," + jdkModules);
        // bin/java stays (jpackage's own jlink would strip it): the AOT training below runs on it.
        Path runtime = out.resolve("runtime");
        // Bouncy Castle's jars are signed; a jlink'd image carries classes, not jar signatures (jlink refuses them otherwise).
        run("jlink", "--ignore-signing-information", "--module-path", modulePath.toString(), "--add-modules", addModules,
                "--include-locales", "en,zh", "--strip-debug", "--no-header-files", "--no-man-pages",
                "--compress", "zip-6", "--output", runtime.toString());
        System.out.println("Runtime: " + runtime + " with " + addModules + " and what they require");
        train(runtime, main, jvmFlags, app.resolve("gosetup.aot"), out.resolve("aot-training"));
    }

    /**
     * Linux: installer/linux/gosetup.sh into app/, executable: the command /usr/bin/gosetup and the menu entry run
     * (the script says why it is not jpackage's launcher); beside it utf8-locale.sh, which it sources.
     */
    private static void linuxLauncher(Path app) throws IOException {
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return;
        }
        Path script = Path.of("installer", "linux", "gosetup.sh");
        Path target = app.resolve("gosetup.sh");
        Files.copy(script, target, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("installer", "linux", "utf8-locale.sh"), app.resolve("utf8-locale.sh"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** One run recorded into the AOT cache: the window where there is a display, else an install. */
    private static void train(Path runtime, String main, String jvmFlags, Path aot, Path work) throws Exception {
        Files.createDirectories(work);
        List<String> cmd = new ArrayList<>(List.of(runtime.resolve("bin").resolve("java").toString(),
                "-XX:AOTCacheOutput=" + aot, "-Xlog:aot=off", "-Xlog:cds=off"));
        cmd.addAll(List.of(jvmFlags.trim().split("\\s+")));
        // As the image's launcher starts it (pom.xml javaOptions): JNA from the runtime's own native folder.
        cmd.add("-Djna.nounpack=true");
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || !System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux");
        if (display) {
            // The window opens, detection runs, and the app closes itself (GoSetupApp, gosetup.training).
            // JavaFX's own pipeline order, so that the cache holds the OpenGL pipeline's classes for the users who
            // have a GPU: on the build machine, usually without one, gosetup would choose software from the start.
            cmd.addAll(List.of("-Dprism.order=es2,sw", "-Dgosetup.training=true", "--module", main, "gui"));
        } else {
            cmd.addAll(List.of("-Dgosetup.training=true", "--module", main)); // then rehearses --help, list, detect (Main)
            cmd.addAll(WriteLauncher.tinyInstall(work));
        }
        WriteLauncher.record(cmd, aot, work, "the image", display ? "the window" : "an install");
    }

    private static boolean hasClasses(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().endsWith(".class"));
        }
    }

    private static boolean isNativeLibrary(String name) {
        return name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll") || name.endsWith(".jnilib");
    }

    /**
     * Where a jar keeps this platform's native libraries: JavaFX's platform jars at their root, JNA under
     * com/sun/jna/linux-x86-64/ and 25 other platform folders. Empty when it has none.
     */
    private static Optional<String> nativeLibraryFolder(Path jar) throws IOException {
        String jna = "com/sun/jna/" + jnaPlatformFolder() + "/";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                String name = e.getName();
                if (isNativeLibrary(name) && !name.contains("/")) {
                    return Optional.of("");
                }
                if (isNativeLibrary(name) && name.startsWith(jna)) {
                    return Optional.of(jna);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A jmod from a jar: classes and resources as they are; this platform's native libraries (under
     * {@code nativePrefix}) as its libs; other platforms' libraries and nested jars (javafx-swt.jar, SWT
     * interop a JavaFX-only app never loads) left out.
     */
    private static void makeJmod(Path jar, String module, String version, String nativePrefix, Path jmods, Path work)
            throws IOException {
        Path classes = Files.createDirectories(work.resolve(module).resolve("classes"));
        Path libs = Files.createDirectories(work.resolve(module).resolve("libs"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            // A jmod is not multi-release: versioned entries up to this JDK replace the base ones, lowest
            // version first, so that JNA's META-INF/versions/9/module-info.class becomes module-info.class.
            List<ZipEntry> entries = zip.stream().map(ZipEntry.class::cast)
                    .filter(e -> releaseOf(e.getName()) <= Runtime.version().feature())
                    .sorted(Comparator.comparingInt((ZipEntry e) -> releaseOf(e.getName())))
                    .toList();
            for (ZipEntry e : entries) {
                String name = e.getName().replaceFirst("^META-INF/versions/[0-9]+/", "");
                if (e.isDirectory() || name.equals("META-INF/MANIFEST.MF") || (!name.contains("/") && name.endsWith(".jar"))) {
                    continue;
                }
                Path target;
                if (isNativeLibrary(name) || name.endsWith(".a")) {
                    if (!name.startsWith(nativePrefix) || name.substring(nativePrefix.length()).contains("/")) {
                        continue; // another platform's library
                    }
                    target = libs.resolve(name.substring(nativePrefix.length()));
                } else {
                    target = classes.resolve(name);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<String> cmd = new ArrayList<>(List.of("create", "--class-path", classes.toString(), "--libs", libs.toString()));
        if (version != null) {
            cmd.addAll(List.of("--module-version", version));
        }
        cmd.add(jmods.resolve(module + ".jmod").toString());
        run("jmod", cmd.toArray(String[]::new));
    }

    /** 0 for a plain entry, N for META-INF/versions/N/... */
    private static int releaseOf(String entry) {
        int end = entry.indexOf('/', 18);
        return entry.startsWith("META-INF/versions/") && end > 18 ? Integer.parseInt(entry.substring(18, end)) : 0;
    }

    /** A copy of an automatic module's jar with the module-info.class jdeps describes for it. */
    private static void addModuleInfo(Path jar, String module, Path modulePath, Path libDir, Path work) throws IOException {
        Path described = Files.createDirectories(work.resolve("module-info").resolve(module));
        run("jdeps", "--multi-release", String.valueOf(Runtime.version().feature()), "--ignore-missing-deps", "--generate-module-info",
                described.toString(), jar.toString());
        Path source;
        try (var found = Files.walk(described)) {
            source = found.filter(p -> p.getFileName().toString().equals("module-info.java")).findFirst().orElseThrow();
        }
        Path classes = Files.createDirectories(work.resolve("module-info-classes").resolve(module));
        run("javac", "--release", String.valueOf(Runtime.version().feature()), "--module-path", libDir.toString(),
                "--patch-module", module + "=" + jar, "-d", classes.toString(), source.toString());
        Path copy = modulePath.resolve(jar.getFileName());
        Files.copy(jar, copy);
        run("jar", "--update", "--file", copy.toString(), "-C", classes.toString(), "module-info.class");
    }

    /** JNA's resource folder for this OS and CPU (com.sun.jna.Platform.RESOURCE_PREFIX). */
    private static String jnaPlatformFolder() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86-64";
            case "aarch64", "arm64" -> "aarch64";
            default -> System.getProperty("os.arch");
        };
        return (os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "win32" : "linux") + "-" + arch;
    }

    private static void run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException("no " + tool + " in this JDK"));
        PrintWriter out = new PrintWriter(System.out, true);
        int code = provider.run(out, new PrintWriter(System.err, true), args);
        if (code != 0) {
            throw new IllegalStateException(tool + " failed with exit code " + code + ": " + String.join(" ", args));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        WriteLauncher.deleteTree(dir);
    }
}
