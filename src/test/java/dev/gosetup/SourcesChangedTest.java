package dev.gosetup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signal the release list listens to: sent when where Go comes from changes, and only then. */
class SourcesChangedTest {
    @TempDir(factory = dev.gosetup.testing.TrustedTempDir.class) // as root, a policy under /tmp is refused
    Path tmp;

    @Test
    void aNewMirrorIsSignalledOnceAndALanguageChangeIsNot() {
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config"), tmp.resolve("logs")), null);
        List<Settings> heard = new ArrayList<>();
        Runnable stop = context.onSourcesChanged(heard::add);

        context.apply(context.settings().withLanguage("zh-CN"));
        context.apply(context.settings().withGoVariable("GOPRIVATE", "*.corp.example.com"));
        assertThat(heard).as("neither changes where Go comes from").isEmpty();

        context.apply(context.settings().withSources("https://golang.google.cn/dl/?mode=json&include=all", "https://golang.google.cn/dl/", List.of()));
        assertThat(heard).hasSize(1);
        assertThat(heard.getFirst().fileMirror()).isEqualTo("https://golang.google.cn/dl/");
        context.apply(context.settings().withProxy("http://proxy.example.com:3128", List.of()));
        assertThat(heard).as("the proxy decides how the list is fetched").hasSize(2);

        stop.run();
        context.apply(context.settings().withSources(null, null, List.of()));
        assertThat(heard).hasSize(2);
    }

    @Test
    void aValueThePolicyLocksIsNoChange() throws Exception {
        Path policy = Files.writeString(tmp.resolve("policy.json"), "{\"fileMirror\": \"https://artifactory.example.com/go/\"}");
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config"), tmp.resolve("logs")), null);
        context.usePolicy(policy);
        List<Settings> heard = new ArrayList<>();
        context.onSourcesChanged(heard::add);
        context.apply(context.settings().withSources(null, "https://elsewhere.example.com/", List.of()));
        assertThat(context.settings().fileMirror()).isEqualTo("https://artifactory.example.com/go/");
        assertThat(heard).isEmpty();
    }
}
