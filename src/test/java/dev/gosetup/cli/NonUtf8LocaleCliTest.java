package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gosetup.testing.ChildJvm;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Go archive has a file named test/fixedbugs/issue27836.dir/Äfoo.go, and Java names files in the locale's
 * character set: under LANG=C or an unset LANG (a container, ssh, cron) or a locale that is not installed, the install
 * failed as "The archive is corrupt". Now gosetup's launcher runs Java under C.UTF-8 there (installer/linux/
 * utf8-locale.sh, which both launchers use) and keeps the user's language; plain Java under such a locale says
 * what happened and what to do, and installs nothing. Real child JVMs, the real archive, the real locale rule.
 */
@RunsLinuxAmd64Go
@Timeout(300)
class NonUtf8LocaleCliTest {
    private static final Path LOCALE_RULE = Path.of("installer", "linux", "utf8-locale.sh");

    @TempDir
    Path tmp;

    @BeforeAll
    static void cUtf8Exists() throws Exception {
        Process p = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assumeTrue(all.lines().anyMatch(l -> l.equalsIgnoreCase("C.UTF-8") || l.equalsIgnoreCase("C.utf8")),
                "the C.UTF-8 locale is not on this machine");
    }

    /** gosetup install of the real archive into a fresh home, as a child JVM; through the locale rule when asked. */
    private Result install(Map<String, String> locale, boolean throughLauncherRule) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home" + System.nanoTime()));
        ProcessBuilder child = ChildJvm.of("dev.gosetup.Main", "install", "--archive", GoMirror.dir().resolve(GoMirror.FILE).toString(),
                "--sha256", GoMirror.sha256(), "--platform", "linux-amd64", "--home", home.toString());
        if (throughLauncherRule) {
            List<String> cmd = new ArrayList<>(List.of("sh", "-c", ". \"$0\"; exec \"$@\"", LOCALE_RULE.toAbsolutePath().toString()));
            cmd.addAll(child.command());
            child.command(cmd);
        }
        Map<String, String> env = child.environment();
        env.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE") || k.startsWith("GOSETUP_"));
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.putAll(locale);
        Process p = child.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, home.resolve("sdk"));
    }

    private record Result(int exitCode, byte[] raw, Path sdk) {
        String output() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        boolean installed() throws IOException {
            return Files.isRegularFile(sdk.resolve("go1.19.8/test/fixedbugs/issue27836.dir/Äfoo.go"));
        }
    }

    @Test
    void underTheCLocaleTheLauncherInstallsEveryFile() throws Exception {
        Result r = install(Map.of("LANG", "C"), true);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.installed()).isTrue();
        assertThat(r.output()).contains("go version go1.19.8 linux/amd64");

        Result unset = install(Map.of(), true); // no LANG at all: POSIX, as in a bare container
        assertThat(unset.exitCode()).as(unset.output()).isZero();
        assertThat(unset.installed()).isTrue();
    }

    /** LANG=zh_CN.UTF-8 where that locale was never generated (a fresh container or WSL): Chinese, and installed. */
    @Test
    void aLocaleThatIsNotInstalledKeepsItsLanguage() throws Exception {
        Result r = install(Map.of("LANG", "zh_CN.UTF-8"), true);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.installed()).isTrue();
        assertThat(r.output()).contains("已安装");
    }

    /**
     * A user whose locale is zh_CN.GB18030 (generated here with glibc's localedef into a private LOCPATH): their
     * terminal reads GB18030 and their own file names are written in it. GB18030 names every file, so the launcher
     * leaves their locale alone: the install completes, the Chinese it prints is in GB18030 (not UTF-8 bytes the
     * terminal would show as mojibake), and Go's Äfoo.go is named in their character set, as their ls shows it.
     */
    @Test
    void aGb18030UserKeepsTheirLocaleAndReadsChineseInIt() throws Exception {
        Path locales = Files.createDirectories(tmp.resolve("locales"));
        Process def;
        try {
            def = new ProcessBuilder("localedef", "-i", "zh_CN", "-f", "GB18030", locales.resolve("zh_CN.GB18030").toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no localedef on this machine");
            return;
        }
        String said = new String(def.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(def.waitFor() == 0 && Files.isDirectory(locales.resolve("zh_CN.GB18030")),
                "glibc's zh_CN locale source or GB18030 charmap is not on this machine: " + said);

        Result r = install(Map.of("LANG", "zh_CN.GB18030", "LOCPATH", locales.toString()), true);
        java.nio.charset.Charset gb18030 = java.nio.charset.Charset.forName("GB18030");
        String shown = new String(r.raw(), gb18030);
        assertThat(r.exitCode()).as(shown).isZero();
        assertThat(shown).contains("已安装", "go version go1.19.8 linux/amd64");
        Process ls = new ProcessBuilder("ls", r.sdk().resolve("go1.19.8/test/fixedbugs/issue27836.dir").toString()).start();
        byte[] names = ls.getInputStream().readAllBytes();
        ls.waitFor();
        assertThat(indexOf(names, "Äfoo.go".getBytes(gb18030))).as("Äfoo.go named in GB18030").isNotNegative();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Java started otherwise (not through gosetup's launchers) under LANG=C: the cause and the way out, nothing left. */
    @Test
    void withoutTheLauncherTheProblemIsSaidAndNothingIsInstalled() throws Exception {
        Result r = install(Map.of("LANG", "C"), false);
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("cannot name the archive's file", "Äfoo.go", "ANSI_X3.4-1968", "LC_ALL=C.UTF-8")
                .doesNotContain("corrupt");
        assertThat(r.sdk().resolve("go1.19.8")).doesNotExist();
        try (var left = Files.list(r.sdk())) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no half version").noneMatch(n -> n.startsWith("go1.19.8"));
        }
    }
}
