package dev.gosetup.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.release.GoVersion;
import dev.gosetup.release.ReleaseList;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.gosetup.testing.TrustedTempDir;
import org.junit.jupiter.api.io.TempDir;

/** The policy over the user's settings: locked values win, unlocked ones are defaults, nothing of the policy is saved. */
class ManagedSettingsTest {
    @TempDir(factory = TrustedTempDir.class) // root reads policies only from folders no one else can write
    Path tmp;

    ManagedSettings policy(String json) throws Exception {
        return PolicyReader.read(Files.writeString(tmp.resolve("policy.json"), json), Path.of("/home/ana"));
    }

    Settings user() {
        return Settings.defaults().withSources("https://user.example/dl.json", "https://user.example/files/", List.of())
                .withEnvironment("/home/ana/mygo", true, Map.of("GOPROXY", "direct", "GOFLAGS", "-mod=mod"));
    }

    @Test
    void lockedValuesWinAndUnlockedOnesAreDefaults() throws Exception {
        ManagedSettings m = policy("""
                {"fileMirror": "https://artifactory.example.com/go/", "goEnv": {"GOPROXY": "https://goproxy.cn", "GOPRIVATE": "*.corp"},
                 "gopath": "/srv/go", "userMayChange": ["GOPROXY", "gopath"]}
                """);
        Settings effective = m.over(user());
        assertThat(effective.fileMirror()).as("locked").isEqualTo("https://artifactory.example.com/go/");
        assertThat(effective.goEnv()).containsEntry("GOPRIVATE", "*.corp").as("unlocked, the user's own wins")
                .containsEntry("GOPROXY", "direct").containsEntry("GOFLAGS", "-mod=mod");
        assertThat(effective.gopath()).isEqualTo("/home/ana/mygo");
        assertThat(effective.releaseList()).as("not managed").isEqualTo("https://user.example/dl.json");
        assertThat(m.over(Settings.defaults()).goEnv()).as("unlocked policy values are the default")
                .containsEntry("GOPROXY", "https://goproxy.cn");

        assertThat(m.locked(PolicySetting.FILE_MIRROR)).isTrue();
        assertThat(m.managed(PolicySetting.GOPROXY)).isTrue();
        assertThat(m.locked(PolicySetting.GOPROXY)).isFalse();
        assertThat(m.managed(PolicySetting.RELEASE_LIST)).isFalse();
        assertThat(m.file()).contains(tmp.resolve("policy.json"));
        assertThat(m.refuses(PolicySetting.FILE_MIRROR, "https://artifactory.example.com/go")).as("same, without the slash").isFalse();
        assertThat(m.refuses(PolicySetting.FILE_MIRROR, "https://elsewhere/")).isTrue();
        assertThat(m.refuses(PolicySetting.GOPROXY, "direct")).isFalse();
    }

    @Test
    void savingKeepsThePolicyOutOfTheUsersFile() throws Exception {
        ManagedSettings m = policy("""
                {"fileMirror": "https://artifactory.example.com/go/", "goEnv": {"GOPROXY": "https://goproxy.cn"},
                 "userMayChange": ["GOPROXY"]}
                """);
        Settings saved = Settings.defaults();
        Settings shown = m.over(saved);
        Settings toSave = m.forSaving(shown.withEnvironment("/home/ana/go2", false, shown.goEnv()), saved);
        assertThat(toSave.fileMirror()).as("locked: not the user's").isNull();
        assertThat(toSave.goEnv()).as("equal to the policy's default: follows the policy").doesNotContainKey("GOPROXY");
        assertThat(toSave.gopath()).isEqualTo("/home/ana/go2");
        Settings overridden = m.forSaving(shown.withGoVariable("GOPROXY", "direct"), saved);
        assertThat(overridden.goEnv()).containsEntry("GOPROXY", "direct");
        assertThat(ManagedSettings.NONE.over(user())).isEqualTo(user());
    }

    @Test
    void pinnedAndAllowedVersions() throws Exception {
        ReleaseList list = ReleaseList.parse(new ByteArrayInputStream("""
                [{"version":"go1.23.0","stable":true,"files":[]},{"version":"go1.22.6","stable":true,"files":[]},
                 {"version":"go1.22.5","stable":true,"files":[]},{"version":"go1.21.13","stable":true,"files":[]}]
                """.getBytes(StandardCharsets.UTF_8)), "test");
        VersionRules lockedPin = policy("{\"goVersion\": \"1.22.5\"}").versions();
        assertThat(lockedPin.permits(v("go1.22.5"))).isTrue();
        assertThat(lockedPin.permits(v("go1.22.6"))).as("a locked pin allows only itself").isFalse();
        assertThat(lockedPin.defaultRelease(list).orElseThrow().version().name()).isEqualTo("go1.22.5");

        VersionRules openPin = policy("{\"goVersion\": \"1.22\", \"allowedGoVersions\": [\"1.22\", \"1.21.13\"], "
                + "\"userMayChange\": [\"goVersion\"]}").versions();
        assertThat(openPin.defaultRelease(list).orElseThrow().version().name()).as("a line: its newest patch").isEqualTo("go1.22.6");
        assertThat(openPin.permits(v("go1.21.13"))).isTrue();
        assertThat(openPin.permits(v("go1.21.12"))).isFalse();
        assertThat(openPin.permits(v("go1.23.0"))).isFalse();

        VersionRules allowedOnly = policy("{\"allowedGoVersions\": [\"1.22\"]}").versions();
        assertThat(allowedOnly.defaultRelease(list).orElseThrow().version().name()).isEqualTo("go1.22.6");
        assertThat(VersionRules.NONE.permits(v("go1.23.0"))).isTrue();
        assertThat(VersionRules.NONE.restricts()).isFalse();
    }

    @Test
    void rootOnAManagedMachineInstallsForEveryAccount() throws Exception {
        Path home = Path.of("/root");
        ManagedSettings noRoot = policy("{\"goVersion\": \"1.22.5\"}");
        assertThat(InstallRootChoice.choose(true, noRoot, noRoot.over(Settings.defaults()), home)).isEqualTo(Path.of("/usr/local/sdk"));
        assertThat(InstallRootChoice.choose(false, noRoot, noRoot.over(Settings.defaults()), Path.of("/home/ana")))
                .isEqualTo(Path.of("/home/ana/sdk"));
        ManagedSettings withRoot = policy("{\"sdkRoot\": \"/opt/go\"}");
        assertThat(InstallRootChoice.choose(true, withRoot, withRoot.over(Settings.defaults()), home)).isEqualTo(Path.of("/opt/go"));
        assertThat(InstallRootChoice.choose(true, ManagedSettings.NONE, Settings.defaults(), home))
                .as("unmanaged root keeps its own ~/sdk, as before").isEqualTo(Path.of("/root/sdk"));
    }

    @Test
    void theMachinesAccountInstallsWhereEveryAccountCanRead() {
        assertThat(InstallRootChoice.systemDefault("Linux", java.util.Map.of())).isEqualTo(Path.of("/usr/local/sdk"));
        assertThat(InstallRootChoice.systemDefault("Mac OS X", java.util.Map.of())).isEqualTo(Path.of("/usr/local/sdk"));
        assertThat(InstallRootChoice.systemDefault("Windows 11", java.util.Map.of("ProgramData", "D:\\ProgramData")))
                .isEqualTo(Path.of("D:\\ProgramData", "gosetup", "sdk"));
    }

    @Test
    void theUsersSavedInstallRootCountsInTheirOwnHomeOnly() throws Exception {
        Settings saved = Settings.defaults().withSdkRoot("/data/go-sdks");
        Path ana = Path.of("/home/ana");
        assertThat(InstallRootChoice.choose(false, ManagedSettings.NONE, saved, ana, true))
                .as("the window, and the CLI without --home").isEqualTo(Path.of("/data/go-sdks"));
        assertThat(InstallRootChoice.choose(false, ManagedSettings.NONE, saved, Path.of("/tmp/other-home"), false))
                .as("--home DIR acts as DIR's own home, not ana's").isEqualTo(Path.of("/tmp/other-home/sdk"));

        ManagedSettings withRoot = policy("{\"sdkRoot\": \"/opt/go\"}");
        assertThat(InstallRootChoice.choose(false, withRoot, withRoot.over(saved), Path.of("/tmp/other-home"), false))
                .as("a locked policy root applies under --home too").isEqualTo(Path.of("/opt/go"));
        assertThat(InstallRootChoice.choose(true, policy("{\"goVersion\": \"1.22.5\"}"),
                policy("{\"goVersion\": \"1.22.5\"}").over(saved), Path.of("/root"), true))
                .as("root on a managed machine: every account's root, not a saved one").isEqualTo(Path.of("/usr/local/sdk"));
    }

    static GoVersion v(String name) {
        return GoVersion.parse(name).orElseThrow();
    }
}
