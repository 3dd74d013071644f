package dev.gosetup.shell.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.windows.ExecutionPolicy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PowerShell 5.1's execution-policy precedence (about_Execution_Policies, quoted in
 * src/test/fixtures/platform/windows_executionpolicy_defaults_docs.md), fed with a real `Get-ExecutionPolicy -List`
 * (windows_executionpolicy_list_all-undefined.txt, Windows10Debloater#529).
 */
class ExecutionPolicyTest {
    private static final Path PLATFORM = dev.gosetup.testing.Fixtures.platform();

    @Test
    void allUndefinedIsRestrictedOnAClientAndRemoteSignedOnAServer() throws Exception {
        String captured = Files.readString(PLATFORM.resolve("windows_executionpolicy_list_all-undefined.txt"));
        ExecutionPolicy client = ExecutionPolicy.parseList(captured, false);
        assertThat(client.scopes()).isEmpty();
        assertThat(client.effective()).isEqualTo(Policy.RESTRICTED);
        assertThat(client.runsLocalScripts()).isFalse();
        ExecutionPolicy server = ExecutionPolicy.parseList(captured, true);
        assertThat(server.effective()).isEqualTo(Policy.REMOTE_SIGNED);
        assertThat(server.runsLocalScripts()).isTrue();
    }

    @Test
    void theHighestScopeThatSetsOneWins() throws Exception {
        String captured = Files.readString(PLATFORM.resolve("windows_executionpolicy_list_all-undefined.txt"));
        // The user's own choice, as `Set-ExecutionPolicy RemoteSigned -Scope CurrentUser` leaves it.
        ExecutionPolicy user = ExecutionPolicy.parseList(captured.replace("CurrentUser       Undefined", "CurrentUser    RemoteSigned"), false);
        assertThat(user.effective()).isEqualTo(Policy.REMOTE_SIGNED);
        assertThat(user.runsLocalScripts()).isTrue();
        // Group Policy above it says AllSigned: an unsigned profile does not run.
        ExecutionPolicy managed = ExecutionPolicy.parseList(captured.replace("CurrentUser       Undefined", "CurrentUser    RemoteSigned")
                .replace("MachinePolicy       Undefined", "MachinePolicy       AllSigned"), false);
        assertThat(managed.effective()).isEqualTo(Policy.ALL_SIGNED);
        assertThat(managed.runsLocalScripts()).isFalse();
        // LocalMachine is below CurrentUser.
        ExecutionPolicy machine = ExecutionPolicy.parseList(captured.replace(" LocalMachine      Undefined", " LocalMachine   Unrestricted")
                .replace("CurrentUser       Undefined", "CurrentUser    Restricted"), false);
        assertThat(machine.effective()).isEqualTo(Policy.RESTRICTED);
    }

    @Test
    void garbageLinesAndUnknownNamesAreIgnored() {
        ExecutionPolicy p = ExecutionPolicy.parseList("Scope ExecutionPolicy\n----- ---------------\nCurrentUser Sometimes\nWhatever Bypass\n", false);
        assertThat(p.effective()).isEqualTo(Policy.RESTRICTED);
    }

    @Test
    void whereScriptsCannotRunThe51ProfileIsNotWritten() {
        Path home = Path.of("C:/Users/dev");
        assertThat(new ShellFiles("windows", home, Map.of(), home.resolve("Documents"), true).targets(Shell.PWSH))
                .extracting(t -> t.path().getParent().getFileName().toString()).containsExactly("PowerShell", "WindowsPowerShell");
        assertThat(new ShellFiles("windows", home, Map.of(), home.resolve("Documents"), false).targets(Shell.PWSH))
                .extracting(t -> t.path().getParent().getFileName().toString()).containsExactly("PowerShell");
    }
}
