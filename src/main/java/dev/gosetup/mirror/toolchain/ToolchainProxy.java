package dev.gosetup.mirror.toolchain;

import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.files.AtomicFiles;
import dev.gosetup.i18n.Problem;
import dev.gosetup.install.ArchiveLimits;
import dev.gosetup.mirror.sumdb.KeyFile;
import dev.gosetup.mirror.sumdb.NoteKey;
import dev.gosetup.mirror.sumdb.PrivateSumDb;
import dev.gosetup.mirror.sumdb.PublicSumDb;
import dev.gosetup.mirror.sumdb.SumDbException;
import dev.gosetup.release.GoVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The golang.org/toolchain module proxy layout of a mirror (DIR/golang.org/toolchain/@v/{list, VERSION.info, .mod,
 * .zip}) and the checksum database that vouches for its zips, so that cmd/go's GOTOOLCHAIN switching downloads from
 * the mirror. See package-info for the whole picture.
 */
public final class ToolchainProxy {
    static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private ToolchainProxy() {}

    /**
     * What {@link #write} did, per module: built now, found intact and kept, or refused because the database already
     * vouches for another hash of that version (the others are still published; the caller should fail the run).
     */
    public record Written(List<String> built, List<String> kept, List<Problem> refused, String sumdbName, String verifierKey) {}

    /**
     * Adds the toolchain modules of {@code archives} to the layout in {@code mirrorDir} and records them in the
     * checksum database of {@code mode}. Incremental: a module whose zip is intact is not rebuilt. A module whose
     * rebuilt hash differs from what the database already holds is refused (the database is append-only).
     */
    public static Written write(Path mirrorDir, List<ArchiveInput> archives, SumDbMode mode, ProgressListener progress)
            throws IOException {
        // Two builds at once (an overlapping cron job) would both append to the log and one would lose: one at a time.
        Path lockFile = Files.createDirectories(ToolchainModule.folder(mirrorDir).getParent()).resolve(".gosetup-build.lock");
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                throw new SumDbException(Problem.of("mirror.toolchain.busy", mirrorDir));
            }
            try (java.nio.channels.FileLock held = lock) {
                return writeLocked(mirrorDir, archives, mode, progress);
            }
        }
    }

    private static Written writeLocked(Path mirrorDir, List<ArchiveInput> archives, SumDbMode mode, ProgressListener progress)
            throws IOException {
        ProxyManifest old = ProxyManifest.read(mirrorDir);
        PrivateSumDb db = null;
        PublicSumDb pub = null;
        String name;
        String verifierKey;
        if (mode instanceof SumDbMode.Private priv) {
            NoteKey key = KeyFile.loadOrCreate(priv.keyFile(), priv.nameForNewKey());
            name = key.name();
            verifierKey = key.verifierKey();
            if (old != null && !old.sumdb().name().equals(name)) {
                throw new SumDbException(Problem.of("mirror.toolchain.otherDatabase", mirrorDir, old.sumdb().name(), name));
            }
            if (old != null && !old.sumdb().verifierKey().equals(verifierKey)) {
                throw new SumDbException(Problem.of("mirror.toolchain.otherKey", mirrorDir, name));
            }
            db = PrivateSumDb.open(mirrorDir, key);
        } else {
            pub = ((SumDbMode.Public) mode).db();
            name = pub.name();
            verifierKey = pub.verifierKey();
            if (old != null && !old.sumdb().name().equals(name)) {
                throw new SumDbException(Problem.of("mirror.toolchain.otherDatabase", mirrorDir, old.sumdb().name(), name));
            }
        }
        Map<String, ProxyManifest.Module> modules = new LinkedHashMap<>();
        if (old != null) {
            old.modules().forEach(m -> modules.put(m.version(), m));
        }
        Path folder = ToolchainModule.folder(mirrorDir);
        Files.createDirectories(folder);
        List<String> built = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<Problem> refused = new ArrayList<>();
        List<PublicSumDb.Wanted> wanted = new ArrayList<>();
        Map<String, Pending> pending = new LinkedHashMap<>();
        ModuleZip zips = new ModuleZip(ArchiveLimits.defaults());
        for (ArchiveInput input : archives) {
            ToolchainModule module = input.module();
            String version = module.version();
            Path zip = folder.resolve(version + ".zip");
            ProxyManifest.Module known = modules.get(version);
            if (known != null && Files.isRegularFile(zip) && known.zipSha256().equals(sha256(zip))
                    && Files.isRegularFile(folder.resolve(version + ".info")) && Files.isRegularFile(folder.resolve(version + ".mod"))) {
                if (db != null) {
                    db.add(ToolchainModule.PATH, version, known.zipHash(), known.goModHash());
                } else {
                    wanted.add(new PublicSumDb.Wanted(ToolchainModule.PATH, version, known.zipHash(), known.goModHash()));
                }
                kept.add(version);
                continue;
            }
            progress.phase("mirror.toolchain.phase.zip");
            Path building = folder.resolve("." + version + ".zip.building");
            boolean handedOn = false;
            try {
                ModuleZip.Result result = zips.write(input, building, progress);
                if (db != null) {
                    // The database decides before the zip is visible: a hash it already holds otherwise is refused.
                    try {
                        db.add(ToolchainModule.PATH, version, result.zipHash(), result.goModHash());
                    } catch (SumDbException conflict) {
                        refused.add(conflict.problem());
                        continue;
                    }
                    publish(folder, version, building, result, modules);
                    built.add(version);
                } else {
                    wanted.add(new PublicSumDb.Wanted(ToolchainModule.PATH, version, result.zipHash(), result.goModHash()));
                    pending.put(version, new Pending(building, result));
                    handedOn = true;
                }
            } finally {
                if (!handedOn) {
                    Files.deleteIfExists(building);
                }
            }
        }
        if (pub != null) {
            progress.phase("mirror.toolchain.phase.sumdb");
            try {
                List<Problem> publicProblems = pub.mirror(mirrorDir, wanted);
                refused.addAll(publicProblems);
                for (Map.Entry<String, Pending> p : pending.entrySet()) {
                    // a refused version is named in its problem; only the ones the public database vouches for go live
                    boolean isRefused = publicProblems.stream().anyMatch(x -> x.args().contains(ToolchainModule.PATH + "@" + p.getKey()));
                    if (!isRefused) {
                        publish(folder, p.getKey(), p.getValue().building(), p.getValue().result(), modules);
                        built.add(p.getKey());
                    }
                }
                for (String k : kept) {
                    if (publicProblems.stream().anyMatch(x -> x.args().contains(ToolchainModule.PATH + "@" + k))) {
                        modules.remove(k); // no longer vouched for: not listed, so clients are not sent to it
                    }
                }
            } finally {
                for (Pending p : pending.values()) {
                    Files.deleteIfExists(p.building());
                }
            }
        }
        List<String> versions = new ArrayList<>(modules.keySet());
        versions.sort(Comparator.comparing(ToolchainProxy::goVersionOf));
        AtomicFiles.write(folder.resolve("list"), (String.join("\n", versions) + (versions.isEmpty() ? "" : "\n"))
                .getBytes(StandardCharsets.UTF_8), PUBLIC_FILE);
        if (db != null) {
            db.publish();
        }
        new ProxyManifest(new ProxyManifest.SumDb(name, verifierKey, pub != null),
                versions.stream().map(modules::get).toList()).write(mirrorDir);
        return new Written(built, kept, refused, name, verifierKey);
    }

    private record Pending(Path building, ModuleZip.Result result) {}

    private static void publish(Path folder, String version, Path building, ModuleZip.Result result,
                                Map<String, ProxyManifest.Module> modules) throws IOException {
        String info = "{\"Version\":\"" + version + "\", \"Time\":\""
                + DateTimeFormatter.ISO_INSTANT.format(result.versionTime()) + "\"}\n"; // pack.go's bytes
        AtomicFiles.write(folder.resolve(version + ".info"), info.getBytes(StandardCharsets.UTF_8), PUBLIC_FILE);
        AtomicFiles.write(folder.resolve(version + ".mod"), ToolchainModule.GO_MOD.getBytes(StandardCharsets.UTF_8), PUBLIC_FILE);
        Path zip = folder.resolve(version + ".zip");
        Files.setPosixFilePermissions(building, PUBLIC_FILE);
        Files.move(building, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        modules.put(version, new ProxyManifest.Module(version, result.zipHash(), result.goModHash(), sha256(zip), result.files()));
    }

    /**
     * Checks the layout of {@code mirrorDir}: each zip re-hashed against its recorded h1: and against the checksum
     * database (whose signatures and tree are checked too), its .info and .mod present and right, @v/list complete.
     * Returns one problem per damaged or missing thing; empty when all is well (or there is no toolchain layout).
     */
    public static List<Problem> verify(Path mirrorDir) throws IOException {
        ProxyManifest manifest = ProxyManifest.read(mirrorDir);
        List<Problem> problems = new ArrayList<>();
        if (manifest == null) {
            return problems;
        }
        NoteKey verifier = NoteKey.parseVerifier(manifest.sumdb().verifierKey())
                .orElseThrow(() -> new SumDbException(Problem.of("mirror.toolchain.manifestDamaged", ProxyManifest.file(mirrorDir))));
        List<String> records = null;
        if (!manifest.sumdb().proxied()) {
            try {
                records = PrivateSumDb.read(mirrorDir, verifier);
            } catch (SumDbException e) {
                problems.add(e.problem());
            }
        }
        Path folder = ToolchainModule.folder(mirrorDir);
        List<String> listed = Files.isRegularFile(folder.resolve("list"))
                ? Files.readAllLines(folder.resolve("list")).stream().map(String::strip).toList() : List.of();
        for (ProxyManifest.Module m : manifest.modules()) {
            String v = m.version();
            Path zip = folder.resolve(v + ".zip");
            if (!listed.contains(v)) {
                problems.add(Problem.of("mirror.toolchain.notListed", v, folder.resolve("list")));
            }
            for (String ext : List.of(".info", ".mod")) {
                if (!Files.isRegularFile(folder.resolve(v + ext))) {
                    problems.add(Problem.of("mirror.toolchain.missing", folder.resolve(v + ext)));
                }
            }
            if (Files.isRegularFile(folder.resolve(v + ".mod"))
                    && !Files.readString(folder.resolve(v + ".mod")).equals(ToolchainModule.GO_MOD)) {
                problems.add(Problem.of("mirror.toolchain.modDamaged", folder.resolve(v + ".mod")));
            }
            if (!Files.isRegularFile(zip)) {
                problems.add(Problem.of("mirror.toolchain.missing", zip));
            } else {
                String actual = zipHash(zip);
                if (actual == null) {
                    problems.add(Problem.of("mirror.toolchain.zipUnreadable", zip));
                } else if (!actual.equals(m.zipHash())) {
                    problems.add(Problem.of("mirror.toolchain.zipDiffers", zip, m.zipHash(), actual));
                }
            }
            String expected = ToolchainModule.PATH + " " + v + " " + m.zipHash() + "\n"
                    + ToolchainModule.PATH + " " + v + "/go.mod " + m.goModHash() + "\n";
            if (records == null && !manifest.sumdb().proxied()) {
                continue; // the database itself is reported; per-module checks against it would only repeat that
            }
            if (records != null && !records.contains(expected)) {
                problems.add(Problem.of("mirror.toolchain.notInDatabase", v, manifest.sumdb().name()));
            } else {
                try {
                    if (!expected.equals(PrivateSumDb.lookupAsClient(mirrorDir, verifier, ToolchainModule.PATH, v))) {
                        problems.add(Problem.of("mirror.toolchain.notInDatabase", v, manifest.sumdb().name()));
                    }
                } catch (SumDbException e) {
                    problems.add(e.problem());
                }
            }
        }
        return problems;
    }

    /** The h1: of a module zip as cmd/go computes it after download (dirhash.HashZip); null when it is no zip. */
    public static String zipHash(Path zip) throws IOException {
        Map<String, byte[]> sums = new LinkedHashMap<>();
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(file.getEntries())) {
                if (e.isDirectory()) {
                    continue;
                }
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(file.getInputStream(e), sha)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                if (sums.put(e.getName(), sha.digest()) != null) {
                    return null; // a duplicate name: cmd/go refuses such a zip
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            return null;
        }
        return DirHash.hash1(sums);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = DirHash.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static GoVersion goVersionOf(String moduleVersion) {
        // v0.0.1-go1.23.5.linux-amd64 → go1.23.5; ties (platforms) keep their order
        String rest = moduleVersion.substring("v0.0.1-".length());
        return GoVersion.parse(rest.substring(0, rest.lastIndexOf('.'))).orElseThrow();
    }

}
