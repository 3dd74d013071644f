package dev.gosetup.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.release.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cmd/go's toolchain choice, case by case (go.dev/doc/toolchain#select). PATH lookup is a map of real files here;
 * the real shells and real go builds doing the same are in ProjectOfflineRunTest.
 */
class ProjectExplainerTest {
    @TempDir
    Path tmp;
    Path sdk;
    Path project;
    final Map<String, Path> onPath = new HashMap<>();
    Path start;

    @BeforeEach
    void layout() throws IOException {
        sdk = Files.createDirectories(tmp.resolve("sdk"));
        project = Files.createDirectories(tmp.resolve("svc"));
        start = Files.createDirectories(sdk.resolve("go1.21.13/bin")).resolve("go");
        Files.writeString(start, "");
    }

    private Path command(String name) throws IOException {
        Path p = Files.createDirectories(sdk.resolve("bin")).resolve(name);
        Files.writeString(p, "");
        onPath.put(name, p);
        return p;
    }

    private ProjectReport explain(String gotoolchain, String local, String... installed) {
        List<GoVersion> versions = java.util.Arrays.stream(installed).map(v -> GoVersion.parse(v).orElseThrow()).toList();
        ProjectExplainer e = new ProjectExplainer(sdk, versions, name -> Optional.ofNullable(onPath.get(name)));
        Gotoolchain g = gotoolchain == null ? new Gotoolchain("", Gotoolchain.Where.UNSET, null)
                : new Gotoolchain(gotoolchain, Gotoolchain.Where.GOROOT_GO_ENV, null);
        return e.explain(ProjectFiles.read(project, Map.of()), g, Optional.of(new ProjectReport.StartGo(start, local)));
    }

    private void goMod(String text) throws IOException {
        Files.writeString(project.resolve("go.mod"), "module example.com/svc\n\n" + text);
    }

    @Test
    void aGoLineNewerThanTheStartingGoRunsThatExactVersionFromPath() throws IOException {
        goMod("go 1.22.12\n");
        Path cmd = command("go1.22.12");
        ProjectReport r = explain("auto", "1.21.13", "go1.21.13", "go1.22.12");
        assertThat(r.outcome().result()).isEqualTo(ProjectReport.Result.SWITCH_FROM_PATH);
        assertThat(r.outcome().toolchain()).isEqualTo("go1.22.12");
        assertThat(r.outcome().runs()).isEqualTo(cmd);
        assertThat(r.outcome().verified()).isTrue();
        assertThat(r.outcome().whyKey()).isEqualTo("project.why.goLine");
        assertThat(r.winner()).contains(Request.Source.GO_MOD);
        assertThat(r.needs()).singleElement().satisfies(n -> assertThat(n.installed()).contains(GoVersion.parse("go1.22.12").orElseThrow()));
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void notOnPathAutoDownloadsAndPathRefusesWithGosOwnMessage() throws IOException {
        goMod("go 1.22.12\n");
        ProjectReport auto = explain("auto", "1.21.13", "go1.21.13");
        assertThat(auto.outcome().result()).isEqualTo(ProjectReport.Result.DOWNLOAD);
        assertThat(auto.missing()).containsExactly("1.22.12");
        ProjectReport path = explain("path", "1.21.13", "go1.21.13");
        assertThat(path.outcome().result()).isEqualTo(ProjectReport.Result.REFUSED);
        assertThat(path.outcome().goMessage()).isEqualTo("go: cannot find \"go1.22.12\" in PATH");
        assertThat(path.missing()).containsExactly("1.22.12");
    }

    @Test
    void aLanguageVersionFrom121OnAsksForItsDotZeroRelease() throws IOException {
        goMod("go 1.22\n");
        ProjectReport r = explain("auto", "1.21.13");
        assertThat(r.outcome().toolchain()).isEqualTo("go1.22.0");
        assertThat(r.missing()).containsExactly("1.22.0");
    }

    @Test
    void aToolchainLineCountsOnlyWhenNewerThanTheGoLineAndTheStartingGo() throws IOException {
        goMod("go 1.21.0\ntoolchain go1.23.5\n");
        assertThat(explain("auto", "1.21.13").outcome()).satisfies(o -> {
            assertThat(o.toolchain()).isEqualTo("go1.23.5");
            assertThat(o.whyKey()).isEqualTo("project.why.toolchainLine");
        });
        ProjectReport newer = explain("auto", "1.23.5");
        assertThat(newer.outcome().result()).as("go1.23.5 starts: it is the toolchain itself").isEqualTo(ProjectReport.Result.LOCAL);
        goMod("go 1.21.0\ntoolchain go1.21.5\n");
        assertThat(explain("auto", "1.21.13").outcome().result()).isEqualTo(ProjectReport.Result.LOCAL);
    }

    @Test
    void localToolchainDefaultAndAnOldStartingGoDoNotSwitch() throws IOException {
        goMod("go 1.22.12\n");
        assertThat(explain("local", "1.21.13").outcome().whyKey()).isEqualTo("project.why.local");
        ProjectReport old = explain("auto", "1.19.8", "go1.19.8");
        assertThat(old.outcome().result()).isEqualTo(ProjectReport.Result.LOCAL_TOO_OLD_TO_SWITCH);
        assertThat(old.missing()).as("still: what the module needs").containsExactly("1.22.12");
        goMod("go 1.22.12\ntoolchain default\n");
        ProjectReport def = explain("auto", "1.21.13");
        assertThat(def.outcome().result()).isEqualTo(ProjectReport.Result.LOCAL);
        assertThat(def.outcome().whyKey()).isEqualTo("project.why.toolchainDefault");
        assertThat(explain(null, "1.21.13").outcome().whyKey()).isEqualTo("project.why.unset");
    }

    @Test
    void aMinimumInGotoolchainAndInvalidValues() throws IOException {
        goMod("go 1.21.0\n");
        command("go1.23.5");
        ProjectReport min = explain("go1.23.5+auto", "1.21.13");
        assertThat(min.outcome().result()).isEqualTo(ProjectReport.Result.SWITCH_FROM_PATH);
        assertThat(min.outcome().whyKey()).isEqualTo("project.why.minimum");
        assertThat(explain("go1.23.5", "1.21.13").outcome().toolchain()).as("no +auto: go.mod is not read").isEqualTo("go1.23.5");
        assertThat(explain("bash", "1.21.13").outcome().result()).isEqualTo(ProjectReport.Result.INVALID_GOTOOLCHAIN);
        assertThat(explain("go1.23.5+download", "1.21.13").outcome().result()).isEqualTo(ProjectReport.Result.INVALID_GOTOOLCHAIN);
        assertThat(explain("local+path", "1.21.13").outcome().result()).isEqualTo(ProjectReport.Result.LOCAL);
    }

    @Test
    void aGoVersionOlderThanTheModuleIsAContradictionNotHidden() throws IOException {
        goMod("go 1.23.5\n");
        Files.writeString(project.resolve(".go-version"), "1.21\n");
        Files.writeString(project.resolve(".tool-versions"), "golang 1.23.5\n");
        ProjectReport r = explain("auto", "1.21.13");
        assertThat(r.conflicts()).extracting(ProjectReport.Conflict::key).contains("project.conflict.older", "project.conflict.differs");
        assertThat(r.conflicts().get(0).b().source()).isEqualTo(Request.Source.GO_VERSION);
        assertThat(r.winner()).contains(Request.Source.GO_MOD);
    }

    @Test
    void goWorkDecidesOverTheModuleBelowIt() throws IOException {
        Files.writeString(tmp.resolve("go.work"), "go 1.23.5\n\nuse ./svc\n");
        goMod("go 1.22.12\n");
        command("go1.23.5");
        ProjectReport r = explain("path", "1.21.13", "go1.23.5");
        assertThat(r.winner()).contains(Request.Source.GO_WORK);
        assertThat(r.winnerWhy()).isEqualTo("project.winner.goWorkOverGoMod");
        assertThat(r.outcome().toolchain()).isEqualTo("go1.23.5");
        assertThat(r.needs()).extracting(n -> n.request().source()).containsOnly(Request.Source.GO_WORK);
    }

    @Test
    void withoutGoModTheVersionFileDecidesAndAnOpenLineTakesTheNewestInstalledPatch() throws IOException {
        Files.writeString(project.resolve(".go-version"), "1.22.x\n");
        ProjectReport none = explain("auto", "1.21.13", "go1.21.13");
        assertThat(none.winner()).contains(Request.Source.GO_VERSION);
        assertThat(none.missing()).as("the install resolves the newest patch").containsExactly("1.22");
        assertThat(none.outcome().result()).as("go itself does not read .go-version").isEqualTo(ProjectReport.Result.LOCAL);
        ProjectReport two = explain("auto", "1.21.13", "go1.22.5", "go1.22.12");
        assertThat(two.needs()).singleElement().satisfies(n -> {
            assertThat(n.toolchain()).isEqualTo("go1.22.x");
            assertThat(n.installed()).contains(GoVersion.parse("go1.22.12").orElseThrow());
        });
        assertThat(two.missing()).isEmpty();
    }

    /**
     * What `gosetup project` says the per-folder Go sets, for every folder of the table the real shells' hooks are
     * held to (testing/FolderGoCases: FolderGoHookTest, RealPwshFolderGoTest): the report and the hooks agree.
     */
    @Test
    void theReportNamesWhatTheFolderHooksSetForEveryFolderOfTheirTable() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        dev.gosetup.testing.FolderGoCases.install(home.resolve("sdk"), false);
        List<Path> dirs = dev.gosetup.testing.FolderGoCases.layOut(home);
        List<GoVersion> installed = dev.gosetup.testing.FolderGoCases.INSTALLED.stream().map(v -> GoVersion.parse(v).orElseThrow()).toList();
        ProjectExplainer e = new ProjectExplainer(home.resolve("sdk"), installed, name -> Optional.empty());
        List<String> said = new java.util.ArrayList<>();
        for (Path dir : dirs) {
            said.add(e.folderHookRequest(ProjectFiles.read(dir, Map.of())).flatMap(e::folderHookToolchain).map(t -> t + "+path").orElse("-"));
        }
        assertThat(said).as(dev.gosetup.testing.FolderGoCases.describe()).containsExactlyElementsOf(dev.gosetup.testing.FolderGoCases.expected());
    }
}
