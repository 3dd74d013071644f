package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.Problem;
import dev.gosetup.settings.PolicyProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every problem the shell, Windows-environment, policy and doctor code reports, rendered in Simplified Chinese with
 * arguments of the kinds the engine passes: Chinese words around the facts, no English sentence leaking through,
 * and advice where the English has it.
 */
class ShellProblemsInChineseTest {
    static final Path ZSHRC = Path.of("/home/张三/.zshrc");
    static final Path REAL = Path.of("/home/张三/dotfiles/zshrc");
    static final Path HOME = Path.of("/home/张三");
    static final Path SCRIPTS = Path.of("/home/张三/.config/gosetup");
    static final String HKCU = "HKEY_CURRENT_USER\\Environment";
    static final Problem DENIED = Problem.of("error.io.accessDenied", ZSHRC);

    /** The problems with the arguments their code passes (see each key's use). */
    static List<Problem> samples() {
        return List.of(
                Problem.of("startup.readOnly", ZSHRC),
                Problem.of("startup.link.readOnly", ZSHRC, REAL),
                Problem.of("startup.link.dangling", ZSHRC, REAL),
                Problem.of("startup.parentIsFile", ZSHRC, HOME),
                Problem.of("startup.changedSinceRead", ZSHRC),
                Problem.of("startup.backupFailed", ZSHRC, Path.of("/home/张三/.zshrc.gosetup-backup-20261203-104000"), DENIED),
                Problem.of("startup.lock.notPlain", SCRIPTS.resolve(EnvLock.FILE)),
                Problem.of("startup.markers.damaged", ZSHRC, "3, 7", BlockEditor.START, BlockEditor.END),
                Problem.of("startup.badUtf16", ZSHRC),
                Problem.of("startup.goneSinceCheck", ZSHRC),
                Problem.of("startup.changedSinceCheck", ZSHRC, "118", "export PATH=/usr/bin:/bin"),
                Problem.of("startup.system.needsAdmin", Path.of("/etc/profile.d/gosetup.sh")),
                Problem.of("startup.changedSincePreview", ZSHRC),
                Problem.of("startup.notOwned", ZSHRC, ZSHRC, "bob", "4343", HOME, "zhangsan", "4242"),
                Problem.of("startup.link.notOwned", ZSHRC, REAL, "bob", "4343", HOME, "zhangsan", "4242"),
                Problem.of("env.busy.process", SCRIPTS, "4242", "2026-12-03 10:40:00 UTC"),
                Problem.of("env.busy.here", SCRIPTS),
                Problem.of("env.busy.unknown", SCRIPTS),
                Problem.of("env.partlyApplied", Problem.of("error.interrupted"), "  " + ZSHRC, "-"),
                Problem.of("env.partlyApplied.advised", DENIED, "  " + ZSHRC, "-", new Problem(DENIED.todoKey(), DENIED.args())),
                Problem.of("env.refused", Problem.of("startup.readOnly", ZSHRC), 0),
                Problem.of("env.refused", Problem.of("startup.readOnly", ZSHRC), 1),
                Problem.of("env.refused", Problem.of("startup.readOnly", ZSHRC), 3),
                Problem.of("env.windows.writeFailed", "GOPROXY", HKCU, Problem.of("registry.user.denied", HKCU, "GOPROXY"), "-", "-"),
                Problem.of("env.windows.writeFailed.putBack", "Path", HKCU, Problem.of("registry.user.denied", HKCU, "Path"), "-", "-"),
                Problem.of("env.windows.writeFailed.stuck", "GOPROXY", HKCU, Problem.of("registry.user.denied", HKCU, "GOPROXY"),
                        "Path (REG_EXPAND_SZ) = %SystemRoot%\\system32", "GOPATH"),
                Problem.of("env.windows.pathTooLong", HKCU, 32_786, 32_767),
                Problem.of("env.windows.unknownVariable", HKCU, "%GOBIN%\\tools", "%GOBIN%\\tools"),
                Problem.of("env.windows.badPathEntry", "D:\\tools;old\\go\\bin"),
                Problem.of("env.windows.badVariable", "PATH"),
                Problem.of("env.windows.otherScope", HKCU, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment"),
                Problem.of("registry.readFailed", "Path", HKCU, "5", "拒绝访问。"),
                Problem.of("registry.writeFailed", "Path", HKCU, "5", "拒绝访问。"),
                Problem.of("registry.deleteFailed", "Path", HKCU, "5", "拒绝访问。"),
                Problem.of("registry.notText", "Path", HKCU, "3"),
                Problem.of("registry.machine.denied", "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment", "Path"),
                Problem.of("registry.user.denied", HKCU, "Path"),
                Problem.of("settings.policy.ownerUnreadable", Path.of("C:\\ProgramData\\gosetup\\policy.json"), "0x5"),
                Problem.of("doctor.network.failure", "https://go.dev/dl/?mode=json", Problem.of("error.net.timeout")),
                Problem.of("doctor.lines", Problem.of("doctor.network.failure", "https://go.dev/dl/", Problem.of("error.net.timeout")),
                        Problem.of("doctor.network.failure", "https://dl.google.com/go/", Problem.of("error.net.timeout"))),
                new PolicyProblem(Path.of("/etc/gosetup/policy.json"), "$.allowedGoVersions", "settings.policy.error.type",
                        List.of(Problem.of("settings.policy.type.stringArray"), "object")).problem(),
                new PolicyProblem(Path.of("/etc/gosetup/policy.json"), "$", "settings.policy.error.unreadable", List.of(DENIED)).problem());
    }

    static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    static final List<String> ENGLISH = List.of("The ", " is ", " not ", " was ", "Could ", "Nothing ", " the ");

    @Test
    void everyProblemReadsInChineseWithNoEnglishSentence() {
        Messages zh = Messages.of(Language.SIMPLIFIED_CHINESE);
        Messages en = Messages.of(Language.ENGLISH);
        List<String> keys = new ArrayList<>();
        for (Problem p : samples()) {
            keys.add(p.key());
            assertThat(zh.has(p.key())).as(p.key()).isTrue();
            String text = zh.describe(p);
            assertThat(text).as(p.key()).containsPattern(CJK).doesNotContain("{").doesNotContain("[" + p.key());
            for (String english : ENGLISH) {
                assertThat(text).as(p.key() + " in zh-CN: " + text).doesNotContain(english);
            }
            // the same advice in both languages
            assertThat(zh.todo(p).isPresent()).as(p.key() + ".todo").isEqualTo(en.todo(p).isPresent());
            assertThat(en.describe(p)).as(p.key()).doesNotContain("{").isNotEqualTo(text);
        }
        assertThat(keys).as("every key of the helper's block has a sample")
                .contains("startup.markers.damaged", "startup.notOwned", "env.busy.process", "registry.user.denied");
    }

    @Test
    void factsAreKeptAsTheyAreInBothLanguages() {
        Messages zh = Messages.of(Language.SIMPLIFIED_CHINESE);
        Problem damaged = Problem.of("startup.markers.damaged", ZSHRC, "3, 7", BlockEditor.START, BlockEditor.END);
        assertThat(zh.describe(damaged)).contains(ZSHRC.toString()).contains("3, 7").contains("“" + BlockEditor.START + "”")
                .contains("请修复或删除");
        Problem owned = Problem.of("startup.notOwned", ZSHRC, ZSHRC, "bob", "4343", HOME, "zhangsan", "4242");
        assertThat(zh.todo(owned)).get().asString().contains("sudo chown 4242 " + ZSHRC);
        assertThat(zh.describe(Problem.of("env.refused", Problem.of("startup.readOnly", ZSHRC), 2)))
                .startsWith("没有做任何修改，原因：" + ZSHRC + " 是只读文件").contains("另有 2 个问题");
        assertThat(Messages.of(Language.ENGLISH).describe(Problem.of("env.refused", Problem.of("startup.readOnly", ZSHRC), 1)))
                .contains("(and one more problem)");
    }
}
