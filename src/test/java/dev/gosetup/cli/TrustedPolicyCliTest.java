package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.AppContext;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.PolicyLocation;
import dev.gosetup.files.ProcessUser;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.TrustedTempDir;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * gosetup run with sudo (or by an MDM agent as root) takes no instructions from a file another account
 * could have changed: the policy given with --policy, -Dgosetup.policy or baked into the installer, and the
 * CA files and release list it names. Each is refused with exit 2, naming the file and the fix.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "root's rule for policy files: POSIX owners (unix:uid) and modes; the Windows rule is tested in settings/TrustedFilesTest over captured ACL facts")
class TrustedPolicyCliTest {
    @TempDir(factory = TrustedTempDir.class)
    Path tmp;
    String catalog = Fixtures.root().resolve("godl/golang-dl-stable-2021-11-08.json").toString();

    @BeforeEach
    void asRoot() {
        assumeTrue(ProcessUser.isRoot(), "the rule applies to root (tests run as root here and in CI)");
    }

    Path policy(String json) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("etc-gosetup"));
        Path file = Files.writeString(dir.resolve("policy.json"), json);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    String good() {
        return "{\"goVersion\": \"1.17.3\", \"releaseList\": \"" + catalog + "\", \"sdkRoot\": \"" + tmp.resolve("sdk") + "\"}";
    }

    CliResult install(Path policy) {
        return CliResult.run(tmp, "install", "--policy", policy.toString(), "--platform", "linux-amd64", "--dry-run", "--json");
    }

    @Test
    void aRootPolicyInARootFolderIsUsed() throws Exception {
        CliResult r = install(policy(good()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("version").asText()).isEqualTo("go1.17.3");
    }

    @Test
    void aPolicyAnotherAccountOwnsStopsEveryCommandWithTheFileAndTheFix() throws Exception {
        Path file = policy(good());
        Files.setAttribute(file, "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);

        CliResult r = install(file);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("cannot be used").contains(file + " belongs to 4242 with mode 0644")
                .contains("sudo chown root:root " + file);

        CliResult doctor = CliResult.run(tmp, "doctor", "--offline", "--policy", file.toString(), "--home", Files.createDirectories(tmp.resolve("h")).toString());
        assertThat(doctor.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(doctor.out()).contains("The managed policy cannot be used: " + file).contains("sudo chown root:root");
    }

    @Test
    void aWritablePolicyOrFolderIsRefused() throws Exception {
        Path file = policy(good());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(install(file)).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("mode 0666").contains("sudo chmod 644 " + file);
        });
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThat(install(file)).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("the folder " + file.getParent()).contains("sudo chmod go-w " + file.getParent());
        });
    }

    @Test
    void aCaFileAnotherAccountOwnsIsRefusedByName() throws Exception {
        Path ca = Files.writeString(Files.createDirectories(tmp.resolve("certs")).resolve("corp-root.pem"), "not read");
        Files.setAttribute(ca, "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);
        Path file = policy("{\"releaseList\": \"" + catalog + "\", \"caCertificates\": [\"" + ca + "\"]}");
        CliResult r = install(file);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("field $.caCertificates[0]").contains(ca + " belongs to 4242");
    }

    @Test
    void aLinkFromRootsFolderToAUsersFileIsRefused() throws Exception {
        Path users = Files.writeString(Files.createDirectories(tmp.resolve("home-alex")).resolve("policy.json"), good());
        Files.setAttribute(users, "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("etc")).resolve("policy.json"), users);
        CliResult r = install(link);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(users + " belongs to 4242");
    }

    /** -Dgosetup.policy (what an installer sets) and the baked file are found, then read by the same check as --policy. */
    @Test
    void thePropertysAndTheInstallersFileAreCheckedAlike() throws Exception {
        Path file = policy(good());
        Files.setAttribute(file, "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);
        for (PolicyLocation.Found found : new PolicyLocation.Found[] {
                PolicyLocation.find(null, file.toString(), "Linux", Map.of()).orElseThrow(),
                PolicyLocation.find(null, null, "Linux", Map.of(), file.toString()).orElseThrow()}) {
            AppContext context = AppContext.of(new AppPaths(tmp.resolve("config"), tmp.resolve("logs")), null);
            context.usePolicy(found.file());
            assertThat(context.policyError()).get().satisfies(e -> assertThat(e.getMessage()).contains(file + " belongs to 4242"));
            assertThat(context.managed().active()).isFalse();
        }
    }
}
