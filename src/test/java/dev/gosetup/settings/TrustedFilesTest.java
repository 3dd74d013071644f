package dev.gosetup.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.files.ProcessUser;
import dev.gosetup.testing.TrustedTempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Run as root, gosetup reads a policy (and the CA files and the release list it names) only when no other
 * account can change it: the file and every folder above it belong to root and are not group- or
 * world-writable. Real files, real owners (chown to uid 4242), real modes; the Windows rule over a fake
 * fed with real SIDs.
 */
class TrustedFilesTest {
    @TempDir(factory = TrustedTempDir.class)
    Path tmp;
    Path home = Path.of("/home/ana");

    @BeforeEach
    void asRoot(org.junit.jupiter.api.TestInfo test) {
        if (test.getTestMethod().orElseThrow().getName().startsWith("windows")) {
            return; // the Windows rule is judged over captured ACL facts: no root, no chown, so on every OS
        }
        assumeTrue(ProcessUser.isRoot(), "chown and the root rule need root (as in CI)");
        assertThat(TrustedFiles.forThisProcess().checks()).isTrue();
    }

    Path policy(Path dir, String json) throws IOException {
        Files.createDirectories(dir);
        Path p = Files.writeString(dir.resolve("policy.json"), json);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        return p;
    }

    static void chown(Path p, int uid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    PolicyException refused(Path file) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> PolicyReader.read(file, home));
        assertThat(t).isInstanceOf(PolicyException.class);
        return (PolicyException) t;
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule over POSIX owners (unix:uid) and modes; Windows has ACLs, judged by the windows* tests of this class")
    @Test
    void aRootFileInRootFoldersIsRead() throws Exception {
        Path dir = tmp.resolve("etc-gosetup");
        Path file = policy(dir, "{\"goVersion\": \"1.22.5\"}");
        assertThat(PolicyReader.read(file, home).policy().goVersion()).isEqualTo("1.22.5");
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule over POSIX owners (unix:uid) and modes; Windows has ACLs, judged by the windows* tests of this class")
    @Test
    void aPolicyAnotherAccountOwnsIsRefusedWithTheFix() throws Exception {
        Path file = policy(tmp.resolve("etc"), "{\"goVersion\": \"1.22.5\"}");
        chown(file, 4242);
        PolicyException e = refused(file);
        assertThat(e.policyProblem().field()).isEqualTo("$");
        assertThat(e.getMessage()).contains(file + " belongs to 4242 with mode 0644").contains("sudo chown root:root " + file)
                .doesNotContain("chmod");
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule over POSIX owners (unix:uid) and modes; Windows has ACLs, judged by the windows* tests of this class")
    @Test
    void aWorldWritablePolicyIsRefused() throws Exception {
        Path file = policy(tmp.resolve("etc"), "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(refused(file).getMessage()).contains("mode 0666").contains("sudo chmod 644 " + file);
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule over POSIX owners (unix:uid) and modes; Windows has ACLs, judged by the windows* tests of this class")
    @Test
    void aGroupWritableFolderAboveIsRefusedByName() throws Exception {
        Path shared = tmp.resolve("shared");
        Path file = policy(shared.resolve("gosetup"), "{}");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThat(refused(file).getMessage()).contains("the folder " + shared + " (owner root, mode 0775)")
                .contains("replace " + file).contains("sudo chmod go-w " + shared);
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule over POSIX owners (unix:uid) and modes; Windows has ACLs, judged by the windows* tests of this class")
    @Test
    void aFolderAnotherAccountOwnsIsRefused() throws Exception {
        Path alex = tmp.resolve("alex");
        Path file = policy(alex, "{}");
        chown(alex, 4242);
        assertThat(refused(file).getMessage()).contains("the folder " + alex + " (owner 4242").contains("sudo chown root " + alex);
    }

    /** /tmp is root's, but every account may create files in it: no policy may live there, whatever its own mode. */
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule over POSIX owners (unix:uid) and modes; Windows has ACLs, judged by the windows* tests of this class")
    @Test
    void aPolicyInTmpIsRefusedEvenWhenRootOwnsIt() throws Exception {
        Path file = Files.createTempFile(Path.of("/tmp"), "policy", ".json");
        try {
            Files.writeString(file, "{}");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            PolicyException e = refused(file);
            assertThat(e.policyProblem().key()).isEqualTo("settings.policy.error.sharedFolder");
            assertThat(e.getMessage()).contains(file + " is inside /tmp").contains("mode 1777");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule over POSIX owners (unix:uid) and modes; Windows has ACLs, judged by the windows* tests of this class")
    @Test
    void aLinkFromARootPathToAUsersFileIsRefusedNamingTheTarget() throws Exception {
        Path users = Files.createDirectories(tmp.resolve("home-alex"));
        Path target = policy(users, "{}");
        chown(target, 4242);
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Path link = Files.createSymbolicLink(etc.resolve("policy.json"), target);
        PolicyException e = refused(link);
        assertThat(e.policyProblem().file()).isEqualTo(link);
        assertThat(e.getMessage()).contains(target + " belongs to 4242");
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule over POSIX owners (unix:uid) and modes; Windows has ACLs, judged by the windows* tests of this class")
    @Test
    void aLinkToARootFileIsFine() throws Exception {
        Path target = policy(tmp.resolve("real"), "{\"goVersion\": \"1.21\"}");
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("etc")).resolve("policy.json"), target);
        assertThat(PolicyReader.read(link, home).policy().goVersion()).isEqualTo("1.21");
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule over POSIX owners (unix:uid) and modes; Windows has ACLs, judged by the windows* tests of this class")
    @Test
    void aCaFileAnotherAccountOwnsIsRefusedThoughThePolicyIsFine() throws Exception {
        Path ca = Files.createDirectories(tmp.resolve("certs")).resolve("corp.pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n"); // refused before it is parsed
        chown(ca, 4242);
        Path file = policy(tmp.resolve("etc"), "{\"caCertificates\": [\"" + ca + "\"]}");
        PolicyException e = refused(file);
        assertThat(e.policyProblem().field()).isEqualTo("$.caCertificates[0]");
        assertThat(e.getMessage()).contains(ca + " belongs to 4242").contains("sudo chown root:root " + ca);
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule over POSIX owners (unix:uid) and modes; Windows has ACLs, judged by the windows* tests of this class")
    @Test
    void aLocalReleaseListAnotherAccountCanChangeIsRefused() throws Exception {
        Path lists = Files.createDirectories(tmp.resolve("mirror"));
        Path list = Files.writeString(lists.resolve("dl.json"), "[]");
        Files.setPosixFilePermissions(list, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path file = policy(tmp.resolve("etc"), "{\"releaseList\": \"" + list.toUri() + "\"}");
        PolicyException e = refused(file);
        assertThat(e.policyProblem().field()).isEqualTo("$.releaseList");
        assertThat(e.getMessage()).contains(list + " belongs to root with mode 0666");
        Files.setPosixFilePermissions(list, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(PolicyReader.read(file, home).policy().releaseList()).isEqualTo(list.toUri().toString());
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule over POSIX owners (unix:uid) and modes; Windows has ACLs, judged by the windows* tests of this class")
    @Test
    void anOrdinaryUsersProcessTrustsWhatItCanRead() throws Exception {
        Path file = policy(tmp.resolve("etc"), "{\"goVersion\": \"1.22.5\"}");
        chown(file, 4242);
        assertThat(PolicyReader.read(file, home, TrustedFiles.ANY_OWNER).policy().goVersion()).isEqualTo("1.22.5");
    }

    // --- Windows: the same rule over ACLs, through a fake of the security-descriptor seam ---

    static final String USERS = "S-1-5-32-545";
    static final String AUTHENTICATED = "S-1-5-11";
    static final String ALEX = "S-1-5-21-3623811015-3361044348-30300820-1013";
    static final int FULL = 0x1f01ff;
    static final int READ_EXECUTE = 0x1200a9;
    static final int MODIFY = 0x1301bf;
    /** What Users get on C:\ and C:\ProgramData: add files and folders, which replaces nothing on Windows. */
    static final int ADD_ENTRIES = 0x1200a9 | 0x2 | 0x4;

    static WindowsOwnership.Ace allow(String sid, int mask) {
        return new WindowsOwnership.Ace(sid, mask, 0, true);
    }

    record FakeAcls(Map<Path, WindowsOwnership.Security> byPath) implements WindowsOwnership.Reader {
        @Override
        public WindowsOwnership.Security read(Path path) throws IOException {
            WindowsOwnership.Security s = byPath.get(path);
            if (s == null) {
                throw new IOException("no ACL for " + path);
            }
            return s;
        }

        @Override
        public String name(String sid) {
            return Map.of(USERS, "BUILTIN\\Users", WindowsOwnership.ADMINISTRATORS, "BUILTIN\\Administrators").getOrDefault(sid, sid);
        }
    }

    /** C:\ProgramData\gosetup\policy.json, laid out on this machine's folders (the rule never looks at names). */
    Map<Path, WindowsOwnership.Security> programData(WindowsOwnership.Security policyAcl, WindowsOwnership.Security gosetupAcl) throws IOException {
        Path gosetup = Files.createDirectories(tmp.resolve("ProgramData/gosetup"));
        Files.writeString(gosetup.resolve("policy.json"), "{}");
        WindowsOwnership.Security programDataAcl = new WindowsOwnership.Security(WindowsOwnership.SYSTEM, List.of(
                allow(WindowsOwnership.SYSTEM, FULL), allow(WindowsOwnership.ADMINISTRATORS, FULL),
                new WindowsOwnership.Ace("S-1-3-0", 0x10000000, 0x08 | 0x02 | 0x01, true), // CREATOR OWNER, inherit only
                allow(USERS, ADD_ENTRIES)));
        Map<Path, WindowsOwnership.Security> acls = new java.util.HashMap<>();
        for (Path p = tmp.resolve("ProgramData"); p != null; p = p.getParent()) {
            acls.put(p, programDataAcl);
        }
        acls.put(gosetup, gosetupAcl);
        acls.put(gosetup.resolve("policy.json"), policyAcl);
        return acls;
    }

    static WindowsOwnership.Security adminsOnly(String owner) {
        return new WindowsOwnership.Security(owner, List.of(allow(WindowsOwnership.SYSTEM, FULL),
                allow(WindowsOwnership.ADMINISTRATORS, FULL), allow(USERS, READ_EXECUTE)));
    }

    java.util.Optional<TrustedFiles.Distrust> windows(Map<Path, WindowsOwnership.Security> acls) throws IOException {
        return new TrustedFiles(new WindowsOwnership(new FakeAcls(acls))).check(tmp.resolve("ProgramData/gosetup/policy.json"));
    }

    @Test
    void windowsTrustsAdministratorsSystemAndTrustedInstallerAndTheProgramDataLayout() throws Exception {
        assertThat(windows(programData(adminsOnly(WindowsOwnership.ADMINISTRATORS), adminsOnly(WindowsOwnership.SYSTEM)))).isEmpty();
        assertThat(windows(programData(adminsOnly(WindowsOwnership.TRUSTED_INSTALLER), adminsOnly(WindowsOwnership.ADMINISTRATORS)))).isEmpty();
    }

    @Test
    void windowsRefusesAPolicyAUserOwnsOrUsersMayModify() throws Exception {
        TrustedFiles.Distrust owned = windows(programData(adminsOnly(ALEX), adminsOnly(WindowsOwnership.SYSTEM))).orElseThrow();
        assertThat(owned.kind()).isEqualTo(TrustedFiles.Kind.FILE);
        assertThat(owned.owner()).isEqualTo(ALEX);
        assertThat(owned.fix()).contains("/setowner *S-1-5-32-544");

        WindowsOwnership.Security modify = new WindowsOwnership.Security(WindowsOwnership.ADMINISTRATORS, List.of(
                allow(WindowsOwnership.ADMINISTRATORS, FULL), allow(AUTHENTICATED, MODIFY)));
        TrustedFiles.Distrust writable = windows(programData(modify, adminsOnly(WindowsOwnership.SYSTEM))).orElseThrow();
        assertThat(writable.mode()).isEqualTo(AUTHENTICATED + ":(W)");
        assertThat(writable.fix()).contains("/inheritance:r /grant:r *S-1-5-32-544:F *S-1-5-18:F *S-1-5-32-545:RX");

        WindowsOwnership.Security nullDacl = new WindowsOwnership.Security(WindowsOwnership.ADMINISTRATORS, null);
        assertThat(windows(programData(nullDacl, adminsOnly(WindowsOwnership.SYSTEM)))).get()
                .extracting(TrustedFiles.Distrust::mode).isEqualTo("S-1-1-0:(W)");
    }

    @Test
    void windowsRefusesAFolderWhereUsersMayReplaceEntries() throws Exception {
        WindowsOwnership.Security deleteChild = new WindowsOwnership.Security(WindowsOwnership.ADMINISTRATORS, List.of(
                allow(WindowsOwnership.ADMINISTRATORS, FULL), allow(USERS, READ_EXECUTE | 0x40)));
        TrustedFiles.Distrust d = windows(programData(adminsOnly(WindowsOwnership.ADMINISTRATORS), deleteChild)).orElseThrow();
        assertThat(d.kind()).isEqualTo(TrustedFiles.Kind.FOLDER);
        assertThat(d.path()).isEqualTo(tmp.resolve("ProgramData/gosetup"));
        assertThat(d.mode()).isEqualTo("BUILTIN\\Users:(W)");
    }
}
