package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a Chinese reader meets it: every command's help, picocli's complaints and doctor's marks
 * come from the zh-CN bundle. English is allowed only where it is a name (commands, options, paths, variables).
 */
@Timeout(120)
class ChineseCliTest {
    private static final List<String> COMMANDS = List.of("detect", "report", "releases", "install", "use", "remove", "list", "env",
            "doctor", "gui", "tools", "update", "rollback", "project", "mirror");
    /** Words that are names, not prose: what may stay Latin in Chinese help. */
    private static final Pattern NAMES = Pattern.compile(
            "--?\\[?[a-z][a-z0-9\\-\\]]*(=[A-Z0-9_\\-\\[\\],.]+(\\.\\.\\.)?\\]?)?|[A-Z][A-Z0-9_\\-]+(\\[,[A-Z]+\\.\\.\\.\\])?"
                    + "|https?://\\S+|[~/.][\\w./\\-]*|\\b(gosetup|go|gvm|goenv|zsh|bash|fish|pwsh|cmd|shell|system|en|zh|CN|latest|diff|eval"
                    + "|root|set|goroot|google|detect|report|releases|install|use|remove|list|env|doctor|gui|tools|update|rollback|project|mirror|build|verify|client-env|golang\\.org|dl|json|os|arch|processArch|translated|chip|osVersion|wsl|container|goamd64|notes|amd64|arm64|linux"
                    + "|macOS|Linux|Windows|Go|IT|CPU|CRLF|JSON|HTTP|HTTPS|URL|SHA|URL|PowerShell|direct|mode|include|all|goproxy|cn"
                    + "|OpenPGP|if-available|required|off|tool-versions|go-version|Web|index|releaseList|fileMirror"
                    // picocli may wrap the synopsis inside "--[no-]folder-versions", leaving the name on the next line
                    + "|folder-versions)\\b"
                    + "|\\d[\\d.]*");

    @TempDir
    Path tmp;

    @Test
    void everyCommandsHelpIsChinese() {
        for (String command : COMMANDS) {
            CliResult r = CliResult.run(tmp, "--lang", "zh-CN", command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("用法：gosetup " + command).contains("选项：").doesNotContain("Usage:", "Options:");
            String prose = NAMES.matcher(r.out()).replaceAll("");
            List<String> words = Pattern.compile("[A-Za-z]{3,}").matcher(prose).results().map(m -> m.group()).toList();
            assertThat(words).as(command + " help: English words that are not names").isEmpty();
        }
        CliResult root = CliResult.run(tmp, "--lang", "zh-CN", "--help");
        assertThat(root.out()).startsWith("用法：gosetup").contains("命令：", "退出码：").doesNotContain("Commands:");
        CliResult english = CliResult.run(tmp, "--lang", "en", "install", "--help");
        assertThat(english.out()).startsWith("Usage: gosetup install").contains("Parameters:", "Options:");
    }

    @Test
    void picocliComplaintsAreInTheUsersLanguage() {
        CliResult unknown = CliResult.run(tmp, "--lang", "zh-CN", "install", "--fast");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("未知选项：--fast", "运行“gosetup install --help”查看用法。").doesNotContain("Unknown");
        assertThat(CliResult.run(tmp, "--lang", "zh-CN", "use").err()).contains("缺少：VERSION").doesNotContain("Missing");
        assertThat(CliResult.run(tmp, "--lang", "zh-CN", "install", "--sha256").err()).contains("--sha256 需要一个值。");
        assertThat(CliResult.run(tmp, "--lang", "zh-CN", "env", "--print", "--diff").err()).contains("以下选项只能使用一个：--print, --diff");
        assertThat(CliResult.run(tmp, "--lang", "zh-CN", "doctor", "--probe-timeout=abc").err()).contains("“abc”不是 --probe-timeout 的有效值。");
        assertThat(CliResult.run(tmp, "--lang", "zh-CN", "detect", "now").err()).contains("多余的参数：now");
        assertThat(CliResult.run(tmp, "--lang", "en", "install", "--fast").err()).contains("Unknown option: --fast");
    }

    @Test
    void doctorsMarksAreWordsOfTheLanguageAndLineUp() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "doctor", "--offline", "--no-probe", "--home", home.toString());
        List<String> marked = zh.out().lines().filter(l -> !l.startsWith(" ")).toList();
        assertThat(marked).isNotEmpty().allSatisfy(l -> assertThat(l).matches("(正常|警告|失败)  \\S.*"));
        assertThat(zh.out()).doesNotContain("ok  ", "WARN", "FAIL");
        CliResult en = CliResult.run(tmp, "--lang", "en", "doctor", "--offline", "--no-probe", "--home", home.toString());
        assertThat(en.out().lines().filter(l -> !l.startsWith(" ")).toList()).allSatisfy(l -> assertThat(l).matches("(ok  |WARN|FAIL)  \\S.*"));
    }
}
