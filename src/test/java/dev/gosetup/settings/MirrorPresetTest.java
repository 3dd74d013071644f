package dev.gosetup.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mirror presets set the release list, the file mirror and GOPROXY/GOSUMDB together; what a user types is checked. */
class MirrorPresetTest {
    @Test
    void theChinaPresetIsWhatChineseGoSetupGuidesRecommend() {
        Settings china = MirrorPreset.CHINA.applyTo(Settings.defaults().withGoVariable("GOPRIVATE", "*.corp.example.com"));
        assertThat(china.releaseList()).isEqualTo("https://golang.google.cn/dl/?mode=json&include=all");
        assertThat(china.fileMirror()).isEqualTo("https://golang.google.cn/dl/");
        assertThat(china.goEnv()).containsEntry("GOPROXY", "https://goproxy.cn,direct").containsEntry("GOSUMDB", "sum.golang.google.cn")
                .containsEntry("GOPRIVATE", "*.corp.example.com");
        assertThat(MirrorPreset.of(china)).isEqualTo(MirrorPreset.CHINA);
        Settings aliyun = MirrorPreset.CHINA_ALIYUN.applyTo(china);
        assertThat(aliyun.fileMirror()).isEqualTo("https://mirrors.aliyun.com/golang/");
        assertThat(MirrorPreset.of(aliyun)).isEqualTo(MirrorPreset.CHINA_ALIYUN);

        Settings back = MirrorPreset.OFFICIAL.applyTo(china);
        assertThat(back.releaseList()).isNull();
        assertThat(back.fileMirror()).isNull();
        assertThat(back.goEnv()).doesNotContainKeys("GOPROXY", "GOSUMDB").containsEntry("GOPRIVATE", "*.corp.example.com");
        assertThat(MirrorPreset.of(back)).isEqualTo(MirrorPreset.OFFICIAL);
        assertThat(MirrorPreset.of(back.withSources(null, "https://artifactory.example.com/go/", List.of()))).isEqualTo(MirrorPreset.CUSTOM);
    }

    @Test
    void checksumsComeFromAnOfficialListWhateverTheFileMirror() {
        assertThat(MirrorPreset.officialList(null)).isTrue();
        assertThat(MirrorPreset.officialList("https://golang.google.cn/dl/?mode=json&include=all")).isTrue();
        assertThat(MirrorPreset.officialList("https://go.dev/dl/?mode=json")).isTrue();
        assertThat(MirrorPreset.officialList("https://artifactory.example.com/go/dl.json")).isFalse();
        assertThat(MirrorPreset.officialList("http://go.dev/dl/?mode=json")).as("not over plain HTTP").isFalse();
        assertThat(MirrorPreset.officialList("/srv/mirror/dl.json")).isFalse();
    }

    @Test
    void foldersAndProxiesAreCheckedAsTheUserTypesThem() {
        Path home = Path.of("/home/alex");
        assertThat(UserInput.folder("~/sdk", home)).isEqualTo("/home/alex/sdk");
        assertThat(UserInput.folder("  /opt/go-sdk/ ", home)).isEqualTo("/opt/go-sdk");
        assertThat(UserInput.folder("", home)).isNull();
        assertThatThrownBy(() -> UserInput.folder("sdk", home)).isInstanceOf(UserInput.Invalid.class)
                .satisfies(e -> assertThat(((UserInput.Invalid) e).key()).isEqualTo("settings.input.relative"));
        assertThat(UserInput.proxy("http://proxy.example.com:3128")).isEqualTo("http://proxy.example.com:3128");
        assertThat(UserInput.proxy(" ")).isNull();
        assertThatThrownBy(() -> UserInput.proxy("proxy.example.com:3128")).isInstanceOf(UserInput.Invalid.class)
                .satisfies(e -> assertThat(((UserInput.Invalid) e).key()).isEqualTo("settings.input.proxy"));
        assertThatThrownBy(() -> UserInput.proxy("http://user:secret@proxy.example.com:3128")).isInstanceOf(UserInput.Invalid.class);
        assertThat(UserInput.location("https://golang.google.cn/dl/", List.of())).isEqualTo("https://golang.google.cn/dl/");
        assertThat(UserInput.location("file:///srv/mirror/", List.of())).isEqualTo("file:///srv/mirror/");
        assertThat(UserInput.location("http://mirror.lan/go/", List.of("mirror.lan"))).isEqualTo("http://mirror.lan/go/");
        assertThatThrownBy(() -> UserInput.location("http://mirror.lan/go/", List.of())).isInstanceOf(UserInput.Invalid.class)
                .satisfies(e -> assertThat(((UserInput.Invalid) e).key()).isEqualTo("settings.input.plainHttp"));
        assertThatThrownBy(() -> UserInput.location("golang.google.cn/dl", List.of())).isInstanceOf(UserInput.Invalid.class);
    }
}
