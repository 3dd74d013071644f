package dev.gosetup.mirror;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.FetchResult;
import dev.gosetup.fetch.LocalFile;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Problems;
import dev.gosetup.i18n.Reported;
import dev.gosetup.release.ArchiveName;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.Release;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.signature.ArchiveSignatures;
import dev.gosetup.signature.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a mirror folder against its own release list, reading every byte (never the build's hash cache: this is
 * what finds the bit rot and the same-size overwrite a cache cannot see): each listed archive is there with the
 * list's size and SHA-256, its {@code .sha256} says the same, its {@code .asc} (where there is one) is a good
 * signature of it. Files that nothing lists are reported too, never touched.
 */
public final class MirrorVerifier {
    /** Read at most this much of a list: go.dev's whole history is about 1 MB. */
    private static final int MAX_LIST_BYTES = 32 * 1024 * 1024;

    /** What a finding is about. */
    public enum Kind {
        /** The archive is there and all its checks passed. */
        OK,
        /** Listed, not there. */
        MISSING,
        /** There, not the listed bytes (size or SHA-256). */
        DAMAGED,
        /** Its .sha256 file is missing or says another digest. */
        SHA_FILE,
        /** Its .asc is not a good signature of it (or is required and missing). */
        SIGNATURE,
        /** A list entry that cannot name a file in the folder (a path, another version's name, no digest). */
        BAD_ENTRY,
        /** A golang.org/toolchain module file or checksum-database file that is not what the mirror recorded. */
        TOOLCHAIN,
        /** A file nothing lists. */
        UNEXPECTED;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean bad() {
            return this != OK && this != UNEXPECTED;
        }
    }

    /** @param file the file's name in the folder; @param problem what is wrong (null when OK); @param verification how it was signed (OK only) */
    public record Finding(Kind kind, String file, Problem problem, Verification verification) {}

    public record Report(Path dir, List<Finding> findings) {
        public boolean allGood() {
            return findings.stream().noneMatch(f -> f.kind().bad());
        }

        public long bad() {
            return findings.stream().filter(f -> f.kind().bad()).count();
        }
    }

    /** Progress of the whole check: the file being read. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default ProgressListener checking(String file) {
            return ProgressListener.NONE;
        }
    }

    private final ArchiveSignatures signatures;

    /** @param signatures how .asc files are judged (a local folder: nothing is fetched from the network) */
    public MirrorVerifier(ArchiveSignatures signatures) {
        this.signatures = signatures;
    }

    /** @throws MirrorException when the folder or its list cannot be read at all */
    public Report verify(Path dir, Listener listener, CancelToken cancel) throws IOException {
        MirrorLayout layout = new MirrorLayout(dir);
        if (!Files.isDirectory(dir)) {
            throw new MirrorException(Problem.of("mirror.verify.noFolder", dir));
        }
        if (!Files.isRegularFile(layout.list(), LinkOption.NOFOLLOW_LINKS)) {
            throw new MirrorException(Problem.of("mirror.verify.noList", layout.list()));
        }
        ReleaseList list;
        try (InputStream in = Files.newInputStream(layout.list(), LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_LIST_BYTES + 1);
            if (bytes.length > MAX_LIST_BYTES) {
                throw new MirrorException(Problem.of("releaseList.tooLarge", layout.list(), new dev.gosetup.i18n.ByteSize(MAX_LIST_BYTES)));
            }
            list = ReleaseList.parse(new java.io.ByteArrayInputStream(bytes), layout.list().toString());
        } catch (RuntimeException e) {
            throw new MirrorException(e instanceof Reported r ? r.problem() : Problem.of("mirror.verify.noList", layout.list()), e);
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> known = new HashSet<>(MirrorLayout.OWN);
        for (Release r : list.releases()) {
            for (GoFile f : r.files()) {
                cancel.throwIfCancelled();
                var problem = ArchiveName.problem(r.version(), f);
                if (problem.isPresent() || !f.hasChecksum()) {
                    findings.add(new Finding(Kind.BAD_ENTRY, ArchiveName.printable(f.filename()),
                            problem.orElse(Problem.of("mirror.verify.noDigest")), null));
                    continue;
                }
                ArchiveName name = ArchiveName.of(r.version(), f);
                known.add(name.name());
                known.add(name.name() + ".sha256");
                known.add(name.name() + ".asc");
                findings.addAll(check(layout, new MirrorEntry(r.version(), r.stable(), f, name), listener, cancel));
            }
        }
        // The module-proxy layout of Go's own toolchain downloads, when the mirror has one (mirror build
        // --toolchain-proxy): every zip against its recorded h1: hash and the checksum database that vouches for it.
        if (Files.isDirectory(dir.resolve("golang.org"), LinkOption.NOFOLLOW_LINKS)) {
            known.add("golang.org");
            known.add("sumdb");
            for (Problem p : dev.gosetup.mirror.toolchain.ToolchainProxy.verify(dir)) {
                findings.add(new Finding(Kind.TOOLCHAIN, "golang.org/toolchain", p, null));
            }
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            List<String> other = new ArrayList<>();
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (!known.contains(n) && !n.startsWith(".gosetup-") && !(n.startsWith(".") && n.endsWith(".gosetup-tmp"))) {
                    other.add(n);
                }
            }
            other.stream().sorted().forEach(n -> findings.add(new Finding(Kind.UNEXPECTED, ArchiveName.printable(n),
                    Problem.of("mirror.verify.unexpected", ArchiveName.printable(n)), null)));
        }
        return new Report(dir, List.copyOf(findings));
    }

    private List<Finding> check(MirrorLayout layout, MirrorEntry e, Listener listener, CancelToken cancel) throws IOException {
        String n = e.name().name();
        Path file = layout.archive(e.name());
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(new Finding(Kind.MISSING, n, Problem.of("mirror.verify.missing", n), null));
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(new Finding(Kind.DAMAGED, n, Problem.of("mirror.verify.notAFile", n), null));
        }
        List<Finding> out = new ArrayList<>();
        long size = Files.size(file);
        ArchiveSignatures.Pending signature = null;
        Problem signatureProblem = null;
        try {
            signature = signatures.begin(file.toUri(), e.name().urlSegment());
        } catch (IOException bad) {
            signatureProblem = bad instanceof Reported r ? r.problem() : Problems.of(bad);
        }
        FetchResult r = LocalFile.read(file, signature == null ? dev.gosetup.fetch.ByteSink.NONE : signature.sink(),
                listener.checking(n), cancel);
        boolean bytesOk = true;
        if (size != e.file().size()) {
            out.add(new Finding(Kind.DAMAGED, n, Problem.of("mirror.verify.size", n, size, e.file().size()), null));
            bytesOk = false;
        } else if (!r.sha256().equalsIgnoreCase(e.file().sha256())) {
            out.add(new Finding(Kind.DAMAGED, n, Problem.of("mirror.verify.sha", n, r.sha256(),
                    e.file().sha256().toLowerCase(Locale.ROOT)), null));
            bytesOk = false;
        }
        Path shaFile = layout.sha256(e.name());
        if (!Files.isRegularFile(shaFile, LinkOption.NOFOLLOW_LINKS)) {
            out.add(new Finding(Kind.SHA_FILE, shaFile.getFileName().toString(), Problem.of("mirror.verify.shaFileMissing", n), null));
        } else {
            String said = readSmall(shaFile).strip().split("\\s+", 2)[0]; // "HEX" or sha256sum's "HEX  FILE"
            if (!said.equalsIgnoreCase(e.file().sha256())) {
                out.add(new Finding(Kind.SHA_FILE, shaFile.getFileName().toString(),
                        Problem.of("mirror.verify.shaFileDiffers", shaFile.getFileName().toString(), ArchiveName.printable(said)), null));
            }
        }
        Verification v = null;
        if (signatureProblem == null && signature != null && bytesOk) {
            try {
                v = signature.finish();
            } catch (IOException bad) {
                signatureProblem = bad instanceof Reported rep ? rep.problem() : Problems.of(bad);
            }
        }
        if (signatureProblem != null) {
            out.add(new Finding(Kind.SIGNATURE, n + ".asc", signatureProblem, null));
        }
        if (out.isEmpty()) {
            out.add(new Finding(Kind.OK, n, null, v));
        }
        return out;
    }

    private static String readSmall(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            return new String(in.readNBytes(200), StandardCharsets.US_ASCII);
        }
    }
}
