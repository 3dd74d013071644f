package dev.gosetup.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.settings.Settings;
import dev.gosetup.testing.RealBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDEs' Go against the new terminal's, with real Mach-O/ELF binaries standing in for bin/go: VS Code's
 * go.goroot set to a removed version, to an amd64 Go on an arm64 machine, to another Go than the terminal's;
 * go.alternateTools; a GoLand project's workspace.xml; and the fix that points go.goroot at ~/sdk/go.
 */
class IdeFindingsTest {
    @TempDir
    Path home;
    Path sdk;
    Path settingsFile;

    @BeforeEach
    void machine() throws Exception {
        sdk = home.resolve("sdk");
        RealBinaries.copy(RealBinaries.LINUX_AMD64, sdk.resolve("go1.22.5/bin/go"));
        RealBinaries.copy(RealBinaries.DARWIN_AMD64, home.resolve("intel-go/bin/go"));
        RealBinaries.copy(RealBinaries.LINUX_AMD64, home.resolve("other-go/bin/go"));
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.22.5"));
        settingsFile = home.resolve(".config/Code/User/settings.json");
        Files.createDirectories(settingsFile.getParent());
    }

    List<Finding> check(String hostArch, List<Path> projects) {
        return IdeFindings.check("linux", home, Map.of(), Optional.of(sdk.resolve("go/bin/go")), sdk, hostArch, projects);
    }

    Finding only(List<Finding> findings, String idPrefix) {
        return findings.stream().filter(f -> f.id().startsWith(idPrefix)).findFirst().orElseThrow();
    }

    @Test
    void aGorootOfARemovedVersionFailsAndIsFixedByPointingItAtTheActiveLink() throws Exception {
        String content = "{\n  // my Go\n  \"go.goroot\": \"~/sdk/go1.21.13\",\n  \"editor.tabSize\": 2,\n}\n";
        Files.writeString(settingsFile, content);
        Finding f = only(check("amd64", List.of()), "ide-vscode-goroot");
        assertThat(f.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(f.key()).isEqualTo("doctor.ide.vscode.goroot.missing");
        assertThat(f.args()).containsExactly(settingsFile, "~/sdk/go1.21.13", sdk.resolve("go"));
        assertThat(f.fix()).isEqualTo(Finding.Fix.POINT_VSCODE_GOROOT);

        List<DoctorFixes.Change> changes = DoctorFixes.apply(f, ShellSources.forHome(home, sdk), new Settings(null));
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.backup()).isNotNull());
        assertThat(Files.readString(settingsFile)).isEqualTo(content.replace("\"~/sdk/go1.21.13\"", "\"" + sdk.resolve("go") + "\""));
        assertThat(only(check("amd64", List.of()), "ide-vscode-goroot").status()).isEqualTo(Finding.Status.OK);
    }

    @Test
    void anAmd64GoOnAnArm64MachineIsWrongArchAndAnotherGoDiffers() throws Exception {
        Files.writeString(settingsFile, "{\"go.goroot\": \"" + home.resolve("intel-go") + "\"}");
        Finding wrong = only(check("arm64", List.of()), "ide-vscode-goroot");
        assertThat(wrong.key()).isEqualTo("doctor.ide.vscode.goroot.wrongArch");
        assertThat(wrong.args()).containsExactly(settingsFile, home.resolve("intel-go").toString(), "darwin-amd64", "arm64", sdk.resolve("go"));

        Files.writeString(settingsFile, "{\"go.goroot\": \"" + home.resolve("other-go") + "\"}");
        Finding differs = only(check("amd64", List.of()), "ide-vscode-goroot");
        assertThat(differs.status()).isEqualTo(Finding.Status.WARN);
        assertThat(differs.key()).isEqualTo("doctor.ide.vscode.goroot.differs");
        assertThat(differs.arg(2)).isEqualTo(sdk.resolve("go1.22.5").toRealPath().toString());
    }

    @Test
    void alternateToolsGoIsJudgedButNeverEditedAndAnUnreadableFileIsSaid() throws Exception {
        Files.writeString(settingsFile, "{\"go.alternateTools\": {\"go\": \"" + home.resolve("other-go/bin/go") + "\"}}");
        Finding f = only(check("amd64", List.of()), "ide-vscode-alternate");
        assertThat(f.key()).isEqualTo("doctor.ide.vscode.alternate.differs");
        assertThat(f.fix()).isNull();

        Files.writeString(settingsFile, "{ broken");
        Finding broken = only(check("amd64", List.of()), "ide-vscode-settings");
        assertThat(broken.key()).isEqualTo("doctor.ide.vscode.unreadable");
        assertThat(broken.status()).isEqualTo(Finding.Status.WARN);
    }

    @Test
    void aGoLandProjectsGorootIsReadFromItsWorkspaceFileAndOnlyExplained() throws Exception {
        Path project = home.resolve("src/app");
        Files.createDirectories(project.resolve(".idea"));
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project version="4">
                  <component name="ChangeListManager"><option name="HIGHLIGHT_CONFLICTS" value="true" /></component>
                  <component name="GOROOT" url="file://$USER_HOME$/sdk/go1.20.14" />
                  <component name="Git.Settings"><option name="RECENT_GIT_ROOT_PATH" value="$PROJECT_DIR$" /></component>
                </project>
                """;
        Files.writeString(project.resolve(".idea/workspace.xml"), xml);
        Finding f = only(check("amd64", List.of(project)), "ide-jetbrains-goroot");
        assertThat(f.key()).isEqualTo("doctor.ide.jetbrains.missing");
        assertThat(f.args()).containsExactly(project.resolve(".idea/workspace.xml"), sdk.resolve("go1.20.14").toString(), sdk.resolve("go"));
        assertThat(f.fix()).as("JetBrains files are never edited").isNull();

        Files.writeString(project.resolve(".idea/workspace.xml"), xml.replace("$USER_HOME$/sdk/go1.20.14", "$USER_HOME$/sdk/go"));
        assertThat(only(check("amd64", List.of(project)), "ide-jetbrains-goroot").status()).isEqualTo(Finding.Status.OK);

        // an XML bomb or external entity is refused unread, not expanded
        Files.writeString(project.resolve(".idea/workspace.xml"), """
                <?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <project><component name="GOROOT" url="&x;" /></project>
                """);
        assertThat(check("amd64", List.of(project))).noneMatch(x -> x.id().startsWith("ide-jetbrains"));
    }
}
