import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.attribute.ModuleAttribute;
import java.lang.classfile.attribute.ModuleProvideInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Rewrites target/lib's Bouncy Castle jars for the application: without their jar signatures, and bcprov's module
 * without its {@code provides java.security.Provider}. The classes are Bouncy Castle's own, byte for byte.
 *
 * <p>Why the provider goes: gosetup uses Bouncy Castle's lightweight OpenPGP API only (the {@code Bc*} classes,
 * dev.gosetup.signature), never its JCA provider. But a module that provides {@code java.security.Provider} is
 * found by the JDK's provider lookup, and the JDK's TLS set-up asks every provider for "XDH" parameters (none has
 * them; sun.security.ssl.NamedGroup), so every command that built an HTTP client instantiated BouncyCastleProvider:
 * 646 classes read from the jar and registered, 0.12 s and several MiB of metaspace (docs/benchmarks.md).
 *
 * <p>Why the signatures go: the JVM's AOT cache and class-data sharing skip every class of a signed jar, so each
 * signature check loaded bcpg and bcprov cold from the jar; and a signed jar's manifest (bcprov's: 0.8 MB of
 * digests) is read whole at start. Maven already checked these jars against Maven Central's checksums, and nothing
 * at run time relies on the signatures (OpenJDK does not require signed JCA providers, and this one is unused).
 *
 * <p>The tests keep running on the released jars. Arguments: the jars to rewrite (each replaced only when its new
 * copy is complete; running twice changes nothing).
 */
public class PrepareBouncyCastle {
    private static final String PROVIDER = "java/security/Provider";

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            Path jar = Path.of(arg);
            Path tmp = jar.resolveSibling("." + jar.getFileName() + ".tmp");
            int[] counts = rewrite(jar, tmp);
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println(jar.getFileName() + ": " + counts[0] + " signature files and " + counts[1]
                    + " java.security.Provider declarations removed");
        }
    }

    /** @return {signature files dropped, provider declarations dropped} */
    private static int[] rewrite(Path jar, Path out) throws IOException {
        int[] counts = new int[2];
        try (JarFile in = new JarFile(jar.toFile(), false);
             OutputStream file = Files.newOutputStream(out);
             JarOutputStream zip = new JarOutputStream(file)) {
            zip.setLevel(9);
            Manifest manifest = in.getManifest();
            if (manifest != null) {
                // The main section only: the per-entry digests belong to the signature that is dropped.
                Manifest plain = new Manifest();
                plain.getMainAttributes().putAll(manifest.getMainAttributes());
                plain.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
                JarEntry m = new JarEntry(JarFile.MANIFEST_NAME);
                m.setTime(in.getJarEntry(JarFile.MANIFEST_NAME).getTime());
                zip.putNextEntry(m);
                plain.write(zip);
                zip.closeEntry();
            }
            for (JarEntry e : in.stream().toList()) {
                String name = e.getName();
                if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                if (isSignatureFile(name)) {
                    counts[0]++;
                    continue;
                }
                byte[] bytes;
                try (InputStream body = in.getInputStream(e)) {
                    bytes = body.readAllBytes();
                }
                if (name.endsWith("module-info.class")) {
                    byte[] changed = withoutProvider(bytes);
                    if (changed != bytes) {
                        counts[1]++;
                        bytes = changed;
                    }
                }
                JarEntry copy = new JarEntry(name);
                copy.setTime(e.getTime());
                zip.putNextEntry(copy);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return counts;
    }

    /** META-INF/*.SF, .RSA, .DSA, .EC (and SIG-*): what makes a jar signed (JAR File Specification). */
    private static boolean isSignatureFile(String name) {
        if (!name.startsWith("META-INF/") || name.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }

    /** The module descriptor without its java.security.Provider services; the same array when it has none. */
    private static byte[] withoutProvider(byte[] moduleInfo) {
        ClassFile cf = ClassFile.of();
        ClassModel model = cf.parse(moduleInfo);
        ModuleAttribute module = model.findAttribute(java.lang.classfile.Attributes.module()).orElse(null);
        if (module == null || module.provides().stream().noneMatch(PrepareBouncyCastle::isProvider)) {
            return moduleInfo;
        }
        List<ModuleProvideInfo> kept = module.provides().stream().filter(p -> !isProvider(p)).toList();
        return cf.transformClass(model, (builder, element) -> {
            if (element instanceof ModuleAttribute m) {
                builder.with(ModuleAttribute.of(m.moduleName(), m.moduleFlagsMask(), m.moduleVersion().orElse(null),
                        m.requires(), m.exports(), m.opens(), m.uses(), kept));
            } else {
                builder.with(element);
            }
        });
    }

    private static boolean isProvider(ModuleProvideInfo p) {
        return p.provides().asInternalName().equals(PROVIDER);
    }
}
