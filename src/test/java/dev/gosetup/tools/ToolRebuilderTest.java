package dev.gosetup.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.release.GoVersion;
import dev.gosetup.testing.BuildsWithLinuxAmd64Go;
import dev.gosetup.testing.GoToolBuilds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `gosetup tools` and `--rebuild` on real tools: built by real Go 1.19 and 1.21, found in a GOPATH/bin, rebuilt by
 * the real Go 1.23 (the active one) from a local file-system GOPROXY, offline.
 */
class ToolRebuilderTest {
    @TempDir
    Path tmp;

    @BuildsWithLinuxAmd64Go
    @Test
    void listsToolsAndFlagsOlderGoAndOtherCpus() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("go/bin"));
        Files.copy(GoToolBuilds.build("1.19.8", "linux", "amd64", "hello"), bin.resolve("hello"));
        Files.copy(GoToolBuilds.build("1.23.5", "linux", "amd64", "dlv"), bin.resolve("dlv"));
        Files.copy(GoToolBuilds.build("1.21.13", "linux", "arm64", "hello"), bin.resolve("hello-arm"));
        Files.writeString(bin.resolve("notes.txt"), "not a program\n");
        Files.createDirectories(bin.resolve("subfolder"));

        GoBinDirs dirs = GoBinDirs.resolve(Map.of(), "linux", tmp, null);
        ToolScan.Result scan = ToolScan.scan(dirs, GoVersion.parse("go1.23.5").orElseThrow(), "amd64", null);

        assertThat(dirs.dirs()).containsExactly(bin);
        assertThat(scan.tools()).extracting(Tool::name).containsExactly("dlv", "hello", "hello-arm", "notes.txt");
        Tool dlv = scan.tools().get(0);
        Tool hello = scan.tools().get(1);
        Tool arm = scan.tools().get(2);
        assertThat(dlv.olderGo()).isFalse();
        assertThat(dlv.wrongArch()).isFalse();
        assertThat(hello.linesBehind()).as("go1.19 against go1.23").isEqualTo(4);
        assertThat(hello.wrongArch()).isFalse();
        assertThat(arm.linesBehind()).isEqualTo(2);
        assertThat(arm.wrongArch()).isTrue();
        assertThat(scan.tools().get(3).binary().kind()).isEqualTo(ToolBinary.Kind.NOT_A_PROGRAM);
        assertThat(scan.tools().get(3).olderGo()).isFalse();
    }

    @Test
    void binFoldersComeFromTheEnvironmentThenGoEnvFileThenGoEnv() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("home/.config/go"));
        Files.writeString(config.resolve("env"), "GOBIN=/opt/tools/bin\nGOPATH=/srv/a:/srv/b\n");
        Path goroot = Files.createDirectories(tmp.resolve("goroot"));
        Files.writeString(goroot.resolve("go.env"), "GOPROXY=https://proxy.golang.org,direct\n");

        GoBinDirs fromFile = GoBinDirs.resolve(Map.of(), "linux", tmp.resolve("home"), goroot);
        assertThat(fromFile.dirs()).containsExactly(Path.of("/opt/tools/bin"), Path.of("/srv/a/bin"), Path.of("/srv/b/bin"));
        assertThat(fromFile.installDir()).isEqualTo(Path.of("/opt/tools/bin"));

        GoBinDirs fromEnv = GoBinDirs.resolve(Map.of("GOPATH", "/work/gp:relative"), "linux", tmp.resolve("home"), goroot);
        assertThat(fromEnv.dirs()).as("the environment wins; relative entries are skipped as go does")
                .containsExactly(Path.of("/opt/tools/bin"), Path.of("/work/gp/bin"));

        GoBinDirs off = GoBinDirs.resolve(Map.of("GOENV", "off"), "linux", tmp.resolve("home"), goroot);
        assertThat(off.dirs()).containsExactly(tmp.resolve("home/go/bin"));
    }

    @BuildsWithLinuxAmd64Go
    @Test
    void rebuildsAnOldGoToolWithTheActiveGoFromTheUsersProxy() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("gopath/bin"));
        Path hello = Files.copy(GoToolBuilds.build("1.21.13", "linux", "amd64", "hello"), bin.resolve("hello"));
        // renamed by its user: go install would write "hello"; the rebuild replaces the file as it is named
        Path renamed = Files.copy(GoToolBuilds.build("1.19.8", "linux", "amd64", "hello"), bin.resolve("hi"));
        Path active = GoToolBuilds.goRoot("1.23.5");
        Map<String, String> env = new java.util.HashMap<>(GoToolBuilds.env(Files.createDirectories(tmp.resolve("home"))));
        env.put("GOPATH", tmp.resolve("gopath").toString());
        env.put("GOARCH", "arm64"); // an exported GOARCH is how wrong-arch tools are made: not passed on
        ToolScan.Result scan = ToolScan.scan(GoBinDirs.resolve(env, "linux", tmp.resolve("home"), active),
                GoVersion.parse("go1.23.5").orElseThrow(), "amd64", null);

        ToolRebuilder.Plan plan = ToolRebuilder.plan(scan.tools(), active, "go1.23.5", false);
        assertThat(plan.steps()).extracting(ToolRebuilder.Step::target).containsExactly(GoToolBuilds.HELLO + "@v1.0.0",
                GoToolBuilds.HELLO + "@v1.0.0");
        List<String> progress = new ArrayList<>();
        List<ToolRebuilder.Outcome> outcomes = new ToolRebuilder().run(plan, env, new ToolRebuilder.Listener() {
            @Override
            public void started(ToolRebuilder.Step step, int index, int total) {
                progress.add("start " + step.tool().name() + " " + (index + 1) + "/" + total);
            }

            @Override
            public void finished(ToolRebuilder.Outcome o, int index, int total) {
                progress.add(o.status() + " " + o.step().tool().name());
            }
        }, new CancelToken());

        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.output()).isEqualTo(ToolRebuilder.Status.REBUILT));
        assertThat(progress).containsExactly("start hello 1/2", "REBUILT hello", "start hi 2/2", "REBUILT hi");
        assertThat(GoToolBuilds.goVersionM(renamed)).startsWith(renamed + ": go1.23.5\n");
        assertThat(GoToolBuilds.goVersionM(hello)).startsWith(hello + ": go1.23.5\n").contains("\tbuild\tGOARCH=amd64\n");
        assertThat(outcomes.getFirst().after().buildInfo().goVersion()).isEqualTo("go1.23.5");
        assertThat(outcomes.getFirst().after().buildInfo().path()).isEqualTo(GoToolBuilds.HELLO);
        try (var left = Files.list(bin)) {
            assertThat(left).as("no work folder left behind").containsExactlyInAnyOrder(hello, renamed);
        }
    }

    @BuildsWithLinuxAmd64Go
    @Test
    void aFailedRebuildKeepsTheOldProgramAndSaysWhatGoSaid() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("gopath/bin"));
        Path hello = Files.copy(GoToolBuilds.build("1.21.13", "linux", "amd64", "hello"), bin.resolve("hello"));
        byte[] before = Files.readAllBytes(hello);
        Path active = GoToolBuilds.goRoot("1.23.5");
        Map<String, String> env = new java.util.HashMap<>(GoToolBuilds.env(Files.createDirectories(tmp.resolve("home"))));
        env.put("GOPROXY", Files.createDirectories(tmp.resolve("empty-proxy")).toUri().toString().replaceFirst("^file:/+", "file:///"));
        env.put("GOMODCACHE", tmp.resolve("modcache").toString()); // nothing cached: the proxy must answer
        env.put("GOFLAGS", "-modcacherw");
        ToolScan.Result scan = ToolScan.scan(new GoBinDirs(null, List.of(tmp.resolve("gopath"))),
                GoVersion.parse("go1.23.5").orElseThrow(), "amd64", null);

        ToolRebuilder.Outcome o = new ToolRebuilder().run(ToolRebuilder.plan(scan.tools(), active, "go1.23.5", false), env,
                ToolRebuilder.Listener.NONE, new CancelToken()).getFirst();

        assertThat(o.status()).isEqualTo(ToolRebuilder.Status.FAILED);
        assertThat(o.problem().key()).isEqualTo("tools.rebuild.failed");
        assertThat(Files.readAllBytes(hello)).isEqualTo(before);
        try (var left = Files.list(bin)) {
            assertThat(left).containsExactly(hello);
        }
        for (Language l : List.of(Language.ENGLISH, Language.SIMPLIFIED_CHINESE)) {
            assertThat(Messages.of(l).describe(o.problem())).contains(GoToolBuilds.HELLO + "@v1.0.0").contains("example.com/hello");
        }
    }

    @Test
    void aToolBuiltFromAWorkingCopyOrWithoutModulesIsNotRebuiltAndSaysWhy() {
        ToolBinary devel = new ToolBinary(Path.of("/gp/bin/mytool"), Path.of("/gp/bin/mytool"), null, List.of("linux-amd64"),
                new GoBuildInfo("go1.21.13", "example.com/mytool", new GoBuildInfo.Module("example.com/mytool", "(devel)", "", null),
                        List.of(), List.of(), ""), ToolBinary.Kind.GO, null);
        ToolBinary gopathMode = new ToolBinary(Path.of("/gp/bin/old"), Path.of("/gp/bin/old"), null, List.of("linux-amd64"),
                new GoBuildInfo("go1.15.15", "", null, List.of(), List.of(), ""), ToolBinary.Kind.GO, null);
        ToolBinary foreign = new ToolBinary(Path.of("/gp/bin/shared"), Path.of("/gp/bin/shared"), "root", List.of("linux-amd64"),
                new GoBuildInfo("go1.21.13", "example.com/s", new GoBuildInfo.Module("example.com/s", "v1.2.3", "h1:x", null),
                        List.of(), List.of(), ""), ToolBinary.Kind.GO, null);
        GoVersion active = GoVersion.parse("go1.23.5").orElseThrow();
        ToolRebuilder.Plan plan = ToolRebuilder.plan(List.of(Tool.judge(devel, active, "amd64"), Tool.judge(gopathMode, active, "amd64"),
                Tool.judge(foreign, active, "amd64")), Path.of("/sdk/go1.23.5"), "go1.23.5", false);

        assertThat(plan.possible()).isEmpty();
        assertThat(plan.steps()).extracting(s -> s.cannot().key())
                .containsExactly("tools.rebuild.devel", "tools.rebuild.noModule", "tools.rebuild.foreign");
        assertThat(plan.go()).isEqualTo(Path.of("/sdk/go1.23.5/bin/go"));
    }

    @Test
    void theGoCommandGetsTheUsersEnvironmentButBuildsForThisMachineWithTheActiveGo() {
        Map<String, String> e = ToolRebuilder.environment(Map.of("GOPROXY", "https://corp.example/goproxy", "GOFLAGS", "-trimpath",
                "GOPRIVATE", "corp.example", "HTTPS_PROXY", "http://proxy:3128", "GOARCH", "amd64", "GOOS", "darwin",
                "GOROOT", "/usr/local/go", "GOTOOLCHAIN", "auto"), Path.of("/home/u/go/bin"));
        assertThat(e).containsEntry("GOPROXY", "https://corp.example/goproxy").containsEntry("GOFLAGS", "-trimpath")
                .containsEntry("GOPRIVATE", "corp.example").containsEntry("HTTPS_PROXY", "http://proxy:3128")
                .containsEntry("GOTOOLCHAIN", "local").containsEntry("GOBIN", "/home/u/go/bin")
                .doesNotContainKeys("GOARCH", "GOOS", "GOROOT");
    }

    /** The update flow's entry point: after go1.23.5 became active, the tool built by go1.19 is offered, the current one not. */
    @BuildsWithLinuxAmd64Go
    @Test
    void afterAnUpdateTheOlderToolsAreOffered() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("home/go/bin"));
        Files.copy(GoToolBuilds.build("1.19.8", "linux", "amd64", "hello"), bin.resolve("hello"));
        Files.copy(GoToolBuilds.build("1.23.5", "linux", "amd64", "dlv"), bin.resolve("dlv"));
        Path active = GoToolBuilds.goRoot("1.23.5");

        ToolRebuilder.Plan plan = ToolRebuilder.planAfterUpdate(Map.of(), "linux", tmp.resolve("home"), active,
                GoVersion.parse("go1.23.5").orElseThrow(), "amd64");

        assertThat(plan.steps()).extracting(s -> s.tool().name(), ToolRebuilder.Step::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hello", GoToolBuilds.HELLO + "@v1.0.0"));
        assertThat(plan.go()).isEqualTo(active.resolve("bin/go"));
        assertThat(plan.goVersion()).isEqualTo("go1.23.5");
    }
}
