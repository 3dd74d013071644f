package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.shell.UserEnvironment.Value;
import dev.gosetup.shell.WindowsEnvEditor.Applied;
import dev.gosetup.shell.WindowsEnvEditor.MovedPathEntry;
import dev.gosetup.shell.WindowsEnvEditor.Request;
import dev.gosetup.shell.WindowsEnvEditor.Undone;
import dev.gosetup.shell.WindowsEnvEditor.VariableChange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowsEnvEditorTest {
    private static final String SDK_BIN = "%USERPROFILE%\\sdk\\go\\bin";
    private static final String GOPATH_BIN = "%USERPROFILE%\\go\\bin";
    private static final String PROXY = "https://proxy.golang.org,direct";

    /** A fresh Windows 11 user's Path after installing VS Code and the Go MSI, who once ran go install. */
    private static final String TYPICAL_PATH = "%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;"
            + "C:\\Users\\dev\\AppData\\Local\\Programs\\Microsoft VS Code\\bin;C:\\Program Files\\Go\\bin;%USERPROFILE%\\go\\bin;";

    private final WindowsEnvEditor editor = new WindowsEnvEditor(WindowsEnvEditor.lookupIn(Map.of(
            "USERPROFILE", "C:\\Users\\dev", "SystemRoot", "C:\\WINDOWS", "LOCALAPPDATA", "C:\\Users\\dev\\AppData\\Local")));

    private static Request goRequest() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("GOPATH", "%USERPROFILE%\\go");
        variables.put("GOPROXY", PROXY);
        variables.put("GOTOOLCHAIN", null); // left alone
        return new Request(List.of(SDK_BIN, GOPATH_BIN), variables);
    }

    /** HKCU\Environment as Windows creates it, plus the given Path. */
    private static FakeRegistryEnvironment userWithPath(String path) {
        FakeRegistryEnvironment env = FakeRegistryEnvironment.user()
                .expandable("OneDrive", "C:\\Users\\dev\\OneDrive")
                .expandable("TEMP", "%USERPROFILE%\\AppData\\Local\\Temp")
                .expandable("TMP", "%USERPROFILE%\\AppData\\Local\\Temp")
                .plain("GOTOOLCHAIN", "local");
        return path == null ? env : env.expandable("Path", path);
    }

    @Test
    void typicalPathGetsGoInFrontKeepsEverythingElseAndUndoesToTheByte() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH);
        Map<String, Value> before = env.snapshot();

        Applied applied = editor.apply(env, goRequest());

        assertThat(env.get("PATH")).contains(new Value("%USERPROFILE%\\sdk\\go\\bin;%USERPROFILE%\\go\\bin;"
                + "%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;C:\\Users\\dev\\AppData\\Local\\Programs\\Microsoft VS Code\\bin;"
                + "C:\\Program Files\\Go\\bin", true));
        assertThat(env.storedName("PATH")).isEqualTo("Path");
        assertThat(env.get("gopath")).contains(new Value("%USERPROFILE%\\go", true));
        assertThat(env.get("GOPROXY")).contains(new Value(PROXY, false));
        assertThat(env.get("GOTOOLCHAIN")).contains(new Value("local", false));
        assertThat(env.writes()).isEqualTo(3);
        assertThat(env.broadcasts()).isEqualTo(1);
        assertThat(applied.addedPathEntries()).containsExactly(SDK_BIN);
        assertThat(applied.movedPathEntries()).containsExactly(new MovedPathEntry(GOPATH_BIN, 3, GOPATH_BIN));
        assertThat(applied.variables()).containsExactly(
                new VariableChange("GOPATH", null, new Value("%USERPROFILE%\\go", true)),
                new VariableChange("GOPROXY", null, new Value(PROXY, false)));

        Undone undone = editor.undo(env, applied);

        assertThat(env.snapshot()).isEqualTo(before);
        assertThat(undone.restored()).containsExactly("GOPATH", "GOPROXY", "Path");
        assertThat(undone.keptUserChanges()).isEmpty();
        assertThat(env.broadcasts()).isEqualTo(2);
    }

    @Test
    void planIsADiffAndWritesNothing() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH).plain("GOPATH", "D:\\go");

        WindowsEnvPlan plan = editor.plan(env, goRequest());

        assertThat(english(plan.diffLines())).containsExactly(
                "- Path entry 4: %USERPROFILE%\\go\\bin",
                "- Path: 1 empty entry",
                "+ Path entry 1: %USERPROFILE%\\sdk\\go\\bin",
                "+ Path entry 2: %USERPROFILE%\\go\\bin",
                "  Path: the other 3 entries stay, in their order, after these",
                "- GOPATH=D:\\go (REG_SZ)",
                "+ GOPATH=%USERPROFILE%\\go (REG_EXPAND_SZ)",
                "+ GOPROXY=https://proxy.golang.org,direct (REG_SZ)");
        assertThat(String.join("\n", english(plan.diffText()))).startsWith("Changes to HKEY_CURRENT_USER\\Environment:\n- Path entry 4");
        assertThat(env.writes()).isZero();
        assertThat(env.broadcasts()).isZero();
    }

    @Test
    void applyingTwiceChangesNothingTheSecondTime() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH);
        Applied first = editor.apply(env, goRequest());
        Map<String, Value> afterFirst = env.snapshot();

        Applied second = editor.apply(env, goRequest());

        assertThat(first.changedAnything()).isTrue();
        assertThat(second.changedAnything()).isFalse();
        assertThat(second.addedPathEntries()).isEmpty();
        assertThat(second.movedPathEntries()).isEmpty();
        assertThat(env.snapshot()).isEqualTo(afterFirst);
        assertThat(env.writes()).isEqualTo(3);
        assertThat(env.broadcasts()).isEqualTo(1);
        assertThat(english(editor.plan(env, goRequest()).diffText()))
                .containsExactly("HKEY_CURRENT_USER\\Environment already has these values; nothing to change.");
    }

    @Test
    void pathAlreadyRightIsNotRewrittenJustToDropEmptyEntries() throws IOException {
        String path = SDK_BIN + ";" + GOPATH_BIN + ";;C:\\Program Files\\Git\\cmd;";
        FakeRegistryEnvironment env = FakeRegistryEnvironment.user().expandable("Path", path);

        Applied applied = editor.apply(env, new Request(List.of(SDK_BIN, GOPATH_BIN), Map.of()));

        assertThat(applied.changedAnything()).isFalse();
        assertThat(env.get("Path")).contains(new Value(path, true));
        assertThat(env.writes()).isZero();
        assertThat(env.broadcasts()).isZero();
    }

    @Test
    void theSameFolderWrittenAnotherWayIsMovedAndPutBack() throws IOException {
        // Expanded, another case, a trailing backslash: still our folders.
        String path = "C:\\Users\\dev\\go\\bin\\;C:\\WINDOWS\\system32;c:\\users\\DEV\\sdk\\go\\bin;%SystemRoot%";
        FakeRegistryEnvironment env = FakeRegistryEnvironment.user().expandable("PATH", path);

        Applied applied = editor.apply(env, new Request(List.of(SDK_BIN, GOPATH_BIN), Map.of()));

        assertThat(env.get("Path")).contains(new Value(
                "%USERPROFILE%\\sdk\\go\\bin;%USERPROFILE%\\go\\bin;C:\\WINDOWS\\system32;%SystemRoot%", true));
        assertThat(env.storedName("Path")).isEqualTo("PATH");
        assertThat(applied.addedPathEntries()).isEmpty();
        assertThat(applied.movedPathEntries()).containsExactly(
                new MovedPathEntry("C:\\Users\\dev\\go\\bin\\", 0, GOPATH_BIN),
                new MovedPathEntry("c:\\users\\DEV\\sdk\\go\\bin", 2, SDK_BIN));

        editor.undo(env, applied);

        assertThat(env.snapshot()).isEqualTo(Map.of("PATH", new Value(path, true)));
    }

    @Test
    void pathEditedAfterSetupLosesOnlyOurEntries() throws IOException {
        String path = "C:\\Users\\dev\\go\\bin\\;C:\\WINDOWS\\system32;c:\\users\\DEV\\sdk\\go\\bin;%SystemRoot%";
        FakeRegistryEnvironment env = FakeRegistryEnvironment.user().expandable("Path", path);
        Applied applied = editor.apply(env, new Request(List.of(SDK_BIN, GOPATH_BIN), Map.of()));
        // The user adds a folder in the Environment Variables dialog.
        env.changedElsewhere("Path", new Value(env.get("Path").orElseThrow().data() + ";C:\\tools\\bin", true));

        Undone undone = editor.undo(env, applied);

        assertThat(env.get("Path")).contains(new Value(
                "C:\\Users\\dev\\go\\bin\\;C:\\WINDOWS\\system32;c:\\users\\DEV\\sdk\\go\\bin;%SystemRoot%;C:\\tools\\bin", true));
        assertThat(undone.restored()).containsExactly("Path");
        assertThat(undone.notes()).isEmpty();
    }

    @Test
    void userChangedVariableIsLeftAndReportedTheRestIsUndone() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH);
        Applied applied = editor.apply(env, goRequest());
        env.changedElsewhere("GOPATH", new Value("D:\\go", false));
        env.changedElsewhere("Path", new Value(env.get("Path").orElseThrow().data() + ";C:\\tools\\bin", true));

        Undone undone = editor.undo(env, applied);

        assertThat(env.get("GOPATH")).contains(new Value("D:\\go", false));
        assertThat(env.get("GOPROXY")).isEmpty();
        // Our entries gone, the old go\bin back at its place, the user's new entry kept.
        assertThat(env.get("Path")).contains(new Value("%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;"
                + "C:\\Users\\dev\\AppData\\Local\\Programs\\Microsoft VS Code\\bin;C:\\Program Files\\Go\\bin;"
                + "%USERPROFILE%\\go\\bin;C:\\tools\\bin", true));
        assertThat(undone.restored()).containsExactly("GOPROXY", "Path");
        assertThat(undone.keptUserChanges()).containsExactly("GOPATH");
        assertThat(english(undone.notes())).containsExactly("GOPATH was changed after Go was set up (it is now \"D:\\go\"); it is left as it is.");
        assertThat(env.broadcasts()).isEqualTo(2);
    }

    @Test
    void entryTheUserRemovedByHandDoesNotComeBack() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH);
        Applied applied = editor.apply(env, goRequest());
        String withoutGoPathBin = env.get("Path").orElseThrow().data().replace("%USERPROFILE%\\go\\bin;", "");
        env.changedElsewhere("Path", new Value(withoutGoPathBin, true));

        Undone undone = editor.undo(env, applied);

        assertThat(env.get("Path")).contains(new Value("%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;"
                + "C:\\Users\\dev\\AppData\\Local\\Programs\\Microsoft VS Code\\bin;C:\\Program Files\\Go\\bin", true));
        assertThat(english(undone.notes())).containsExactly("Path entry %USERPROFILE%\\go\\bin was already removed.");
    }

    @Test
    void undoingTwiceWritesNothingTheSecondTime() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH);
        Map<String, Value> before = env.snapshot();
        Applied applied = editor.apply(env, goRequest());
        editor.undo(env, applied);
        int writes = env.writes();

        Undone again = editor.undo(env, applied);

        assertThat(again.changedAnything()).isFalse();
        assertThat(env.snapshot()).isEqualTo(before);
        assertThat(env.writes()).isEqualTo(writes);
        assertThat(env.broadcasts()).isEqualTo(2);
    }

    @Test
    void longPathLosesNothingWhereSetxWouldCutAt1024() throws IOException {
        String path = String.join(";", List.of(
                "C:\\Program Files\\Common Files\\Oracle\\Java\\javapath", "C:\\Program Files (x86)\\Common Files\\Intel\\Shared Libraries\\redist\\intel64\\compiler",
                "C:\\Program Files\\Git\\cmd", "C:\\Program Files\\Git\\mingw64\\bin", "C:\\Program Files\\Git\\usr\\bin",
                "C:\\Program Files\\nodejs\\", "C:\\Users\\dev\\AppData\\Roaming\\npm", "C:\\Program Files\\Docker\\Docker\\resources\\bin",
                "C:\\Program Files\\dotnet\\", "C:\\Users\\dev\\.dotnet\\tools", "%USERPROFILE%\\.cargo\\bin",
                "C:\\Users\\dev\\AppData\\Local\\Programs\\Python\\Python312\\Scripts\\", "C:\\Users\\dev\\AppData\\Local\\Programs\\Python\\Python312\\",
                "C:\\Users\\dev\\AppData\\Local\\Programs\\Python\\Launcher\\", "C:\\Program Files (x86)\\Windows Kits\\10\\Windows Performance Toolkit\\",
                "C:\\Program Files\\Microsoft SQL Server\\150\\Tools\\Binn\\", "C:\\Program Files\\Microsoft SQL Server\\Client SDK\\ODBC\\170\\Tools\\Binn\\",
                "C:\\Program Files (x86)\\NVIDIA Corporation\\PhysX\\Common", "C:\\Program Files\\NVIDIA Corporation\\NVIDIA NvDLISR",
                "C:\\Program Files\\PowerShell\\7\\", "C:\\Program Files\\Amazon\\AWSCLIV2\\", "C:\\Program Files (x86)\\Google\\Cloud SDK\\google-cloud-sdk\\bin",
                "C:\\Program Files\\Microsoft VS Code\\bin", "C:\\Users\\dev\\AppData\\Local\\Programs\\Microsoft VS Code\\bin",
                "C:\\Users\\dev\\AppData\\Local\\JetBrains\\Toolbox\\scripts", "C:\\Program Files\\CMake\\bin", "C:\\ProgramData\\chocolatey\\bin",
                "C:\\Users\\dev\\scoop\\shims", "C:\\Program Files\\Kubernetes\\Minikube", "C:\\Program Files\\HashiCorp\\Terraform",
                "C:\\Program Files\\GitHub CLI\\", "C:\\Program Files\\Eclipse Adoptium\\jdk-21.0.2.13-hotspot\\bin",
                "C:\\Program Files\\Apache\\maven\\bin", "C:\\Users\\dev\\AppData\\Local\\Android\\Sdk\\platform-tools",
                "C:\\Program Files\\MongoDB\\Server\\7.0\\bin", "C:\\Program Files\\PostgreSQL\\16\\bin", "C:\\Strawberry\\c\\bin",
                "C:\\Strawberry\\perl\\site\\bin", "C:\\Strawberry\\perl\\bin", "C:\\msys64\\ucrt64\\bin", "C:\\Program Files\\LLVM\\bin",
                "%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps", "C:\\Users\\dev\\AppData\\Local\\Microsoft\\WinGet\\Links",
                "C:\\Users\\dev\\AppData\\Local\\Pandoc\\", "C:\\Users\\dev\\AppData\\Local\\GitHubDesktop\\bin",
                "C:\\Program Files\\Microsoft\\jdk-17.0.10.7-hotspot\\bin", "C:\\Program Files\\Azure Data Studio\\bin",
                "C:\\Program Files\\Microsoft SDKs\\Azure\\CLI2\\wbin"));
        assertThat(path.length()).isBetween(1900, 2100);
        FakeRegistryEnvironment env = userWithPath(path);
        Map<String, Value> before = env.snapshot();

        Applied applied = editor.apply(env, goRequest());

        assertThat(env.get("Path")).contains(new Value(SDK_BIN + ";" + GOPATH_BIN + ";" + path, true));
        assertThat(applied.addedPathEntries()).containsExactly(SDK_BIN, GOPATH_BIN);

        editor.undo(env, applied);

        assertThat(env.snapshot()).isEqualTo(before);
    }

    @Test
    void regSzPathWithoutReferencesBecomesExpandableAndGoesBack() throws IOException {
        String path = "C:\\Users\\dev\\AppData\\Local\\Microsoft\\WindowsApps;C:\\Users\\dev\\.dotnet\\tools";
        FakeRegistryEnvironment env = FakeRegistryEnvironment.user().plain("Path", path);

        assertThat(english(editor.plan(env, goRequest()).diffLines())).startsWith("~ Path type REG_SZ -> REG_EXPAND_SZ");
        Applied applied = editor.apply(env, goRequest());

        assertThat(env.get("Path")).contains(new Value(SDK_BIN + ";" + GOPATH_BIN + ";" + path, true));

        editor.undo(env, applied);

        assertThat(env.get("Path")).contains(new Value(path, false));
    }

    @Test
    void regSzPathWithItsOwnReferencesStaysRegSzAndGetsOurEntriesExpanded() throws IOException {
        // What setx leaves behind: %USERPROFILE% in a REG_SZ, taken literally. Upgrading the type would change it.
        String path = "%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;C:\\Users\\dev\\.dotnet\\tools";
        FakeRegistryEnvironment env = FakeRegistryEnvironment.user().plain("Path", path);

        Applied applied = editor.apply(env, goRequest());

        assertThat(env.get("Path")).contains(new Value("C:\\Users\\dev\\sdk\\go\\bin;C:\\Users\\dev\\go\\bin;" + path, false));
        assertThat(editor.apply(env, goRequest()).changedAnything()).isFalse();

        editor.undo(env, applied);

        assertThat(env.get("Path")).contains(new Value(path, false));
    }

    @Test
    void regSzPathWithReferencesAndAnUnknownVariableIsRefused() {
        FakeRegistryEnvironment env = FakeRegistryEnvironment.user().plain("Path", "%USERPROFILE%\\bin");
        WindowsEnvEditor blind = new WindowsEnvEditor(name -> Optional.empty());

        assertThatThrownBy(() -> blind.apply(env, goRequest()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("env.windows.unknownVariable");
                    assertThat(e.problem().args().getFirst()).isEqualTo(env.describe());
                    assertThat((String) e.problem().args().get(2)).as("expanded, still naming a variable").contains("%");
                });
        assertThat(env.writes()).isZero();
    }

    @Test
    void newUserWithoutPathGetsOneAndUndoDeletesIt() throws IOException {
        FakeRegistryEnvironment env = userWithPath(null);
        Map<String, Value> before = env.snapshot();

        Applied applied = editor.apply(env, goRequest());

        assertThat(env.get("PATH")).contains(new Value(SDK_BIN + ";" + GOPATH_BIN, true));
        assertThat(env.storedName("PATH")).isEqualTo("Path");
        assertThat(applied.pathBefore()).isNull();

        editor.undo(env, applied);

        assertThat(env.get("Path")).isEmpty();
        assertThat(env.snapshot()).isEqualTo(before);
    }

    @Test
    void pathCreatedByUsKeepsWhatTheUserAddedSince() throws IOException {
        FakeRegistryEnvironment env = userWithPath(null);
        Applied applied = editor.apply(env, goRequest());
        env.changedElsewhere("Path", new Value(SDK_BIN + ";" + GOPATH_BIN + ";C:\\tools", true));

        editor.undo(env, applied);

        assertThat(env.get("Path")).contains(new Value("C:\\tools", true));
    }

    @Test
    void variablesAlreadyRightAreNotTouchedNorUndone() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH)
                .expandable("GOPATH", "%USERPROFILE%\\go").expandable("GOPROXY", PROXY);

        Applied applied = editor.apply(env, goRequest());
        editor.undo(env, applied);

        assertThat(applied.variables()).isEmpty();
        assertThat(env.get("GOPATH")).contains(new Value("%USERPROFILE%\\go", true));
        assertThat(env.get("GOPROXY")).contains(new Value(PROXY, true));
    }

    @Test
    void regSzVariableWithAReferenceIsRepairedAndUndoPutsItsTypeBack() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH).plain("GOPATH", "%USERPROFILE%\\go");

        Applied applied = editor.apply(env, goRequest());
        assertThat(env.get("GOPATH")).contains(new Value("%USERPROFILE%\\go", true));

        editor.undo(env, applied);
        assertThat(env.get("GOPATH")).contains(new Value("%USERPROFILE%\\go", false));
    }

    @Test
    void pathLongerThanWindowsAllowsIsRefusedBeforeAnythingIsWritten() throws IOException {
        StringBuilder path = new StringBuilder();
        for (int i = 0; path.length() < 32_740; i++) {
            path.append("C:\\Program Files\\Vendor\\Tool ").append(i).append("\\bin;");
        }
        path.setLength(32_740);
        FakeRegistryEnvironment env = userWithPath(path.toString());
        Map<String, Value> before = env.snapshot();

        assertThat(english(editor.plan(env, goRequest()).diffLines())).anyMatch(l -> l.startsWith("! Path would be"));
        int length = editor.plan(env, goRequest()).pathAfter().data().length();
        assertThatThrownBy(() -> editor.apply(env, goRequest()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("env.windows.pathTooLong");
                    assertThat(e.problem().args()).containsExactly(env.describe(), length,
                            PathEntries.MAX_LENGTH);
                });
        assertThat(env.snapshot()).isEqualTo(before);
        assertThat(env.writes()).isZero();
        assertThat(env.broadcasts()).isZero();
    }

    @Test
    void refusedPathWritePutsTheVariablesBack() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH).plain("GOPATH", "D:\\go");
        Map<String, Value> before = env.snapshot();
        env.refuseWritesTo("Path");

        assertThatThrownBy(() -> editor.apply(env, goRequest()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.of(
                        "env.windows.writeFailed.putBack", "Path", "HKEY_CURRENT_USER\\Environment",
                        Problem.of("registry.user.denied", "HKEY_CURRENT_USER\\Environment", "Path"), "-", "-")));
        assertThat(env.snapshot()).isEqualTo(before);
        assertThat(env.broadcasts()).isZero();
    }

    @Test
    void refusedVariableWriteLeavesPathUntouched() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH);
        Map<String, Value> before = env.snapshot();
        env.refuseWritesTo("GOPROXY");

        assertThatThrownBy(() -> editor.apply(env, goRequest())).isInstanceOf(IOException.class);
        assertThat(env.snapshot()).isEqualTo(before);
        assertThat(env.writes()).isEqualTo(2); // GOPATH set, then deleted again; Path never written
    }

    @Test
    void whenPuttingBackFailsTooTheMessageSaysWhatToFixByHand() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH);
        env.allowOnlyWrites(1);

        assertThatThrownBy(() -> editor.apply(env, goRequest()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("env.windows.writeFailed.stuck");
                    assertThat(e.problem().args().getFirst()).isEqualTo("GOPROXY");
                    assertThat(e.problem().args().subList(3, 5)).containsExactly("-", "GOPATH"); // nothing to set back, GOPATH to delete
                });
        assertThat(env.get("GOPATH")).contains(new Value("%USERPROFILE%\\go", true));
        assertThat(env.get("Path")).contains(new Value(TYPICAL_PATH, true));
        assertThat(env.broadcasts()).isEqualTo(1); // the registry did change
    }

    @Test
    void machineEnvironmentWithoutAdministratorRightsIsRefusedWholly() throws IOException {
        FakeRegistryEnvironment env = FakeRegistryEnvironment.machine().expandable("Path",
                "%SystemRoot%\\system32;%SystemRoot%;%SystemRoot%\\System32\\Wbem;%SYSTEMROOT%\\System32\\WindowsPowerShell\\v1.0\\;"
                        + "%SYSTEMROOT%\\System32\\OpenSSH\\;C:\\Program Files\\Go\\bin");
        Map<String, Value> before = env.snapshot();
        env.refuseAllWrites();

        assertThatThrownBy(() -> editor.apply(env, new Request(List.of("C:\\Program Files\\Go\\bin"), Map.of("GOPROXY", PROXY))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("env.windows.writeFailed");
                    assertThat(e.problem().args().get(2)).isEqualTo(Problem.of("registry.machine.denied", env.describe(), "GOPROXY"));
                });
        assertThat(env.snapshot()).isEqualTo(before);
        assertThat(env.broadcasts()).isZero();
    }

    @Test
    void refusedUndoLeavesTheAppliedStateWhole() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH);
        Applied applied = editor.apply(env, goRequest());
        Map<String, Value> afterApply = env.snapshot();
        env.refuseWritesTo("Path");

        assertThatThrownBy(() -> editor.undo(env, applied)).isInstanceOf(IOException.class);
        assertThat(env.snapshot()).isEqualTo(afterApply);
        assertThat(env.broadcasts()).isEqualTo(1);
    }

    @Test
    void appliedSurvivesJsonAndStillUndoes() throws IOException {
        FakeRegistryEnvironment env = userWithPath(TYPICAL_PATH).plain("GOPATH", "D:\\go");
        Map<String, Value> before = env.snapshot();
        Applied applied = editor.apply(env, goRequest());
        ObjectMapper json = new ObjectMapper();

        Applied read = json.readValue(json.writeValueAsString(applied), Applied.class);

        assertThat(read).isEqualTo(applied);
        editor.undo(env, read);
        assertThat(env.snapshot()).isEqualTo(before);
    }

    @Test
    void undoRefusesARecordFromAnotherEnvironment() throws IOException {
        Applied applied = editor.apply(userWithPath(TYPICAL_PATH), goRequest());

        FakeRegistryEnvironment machine = FakeRegistryEnvironment.machine();
        assertThatThrownBy(() -> editor.undo(machine, applied))
                .isInstanceOfSatisfying(EnvRequestRefused.class, e -> assertThat(e.problem())
                        .isEqualTo(Problem.of("env.windows.otherScope", applied.scope(), machine.describe())));
    }

    @Test
    void aPathEntryWithASemicolonIsRefusedAsARequestNotWritten() {
        // an install root chosen with ";" in its name would become two PATH entries
        assertThatThrownBy(() -> new Request(List.of("D:\\tools;old\\go\\bin"), Map.of()))
                .isInstanceOfSatisfying(EnvRequestRefused.class, e -> assertThat(e.problem())
                        .isEqualTo(Problem.of("env.windows.badPathEntry", "D:\\tools;old\\go\\bin")));
        assertThatThrownBy(() -> new Request(List.of(), Map.of("PATH", "x")))
                .isInstanceOfSatisfying(EnvRequestRefused.class, e -> assertThat(e.problem().key()).isEqualTo("env.windows.badVariable"));
    }

    /** The lines as an English reader sees them (the engine hands out keys and facts). */
    static List<String> english(List<? extends dev.gosetup.i18n.Text> lines) {
        return lines.stream().map(dev.gosetup.i18n.Messages.english()::text).toList();
    }

    @Test
    void theDiffReadsInChineseToo() throws IOException {
        WindowsEnvPlan plan = editor.plan(userWithPath(TYPICAL_PATH), goRequest());
        List<String> zh = plan.diffText().stream().map(dev.gosetup.i18n.Messages.of(dev.gosetup.i18n.Language.SIMPLIFIED_CHINESE)::text).toList();
        assertThat(zh.getFirst()).isEqualTo("HKEY_CURRENT_USER\\Environment 中的改动：");
        assertThat(zh).anyMatch(l -> l.startsWith("+ Path 第 1 项：")).noneMatch(l -> l.contains("entry") || l.contains("stay"));
    }
}
