package dev.gosetup.shell.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quoting of the elevated gosetup's arguments, against the splitting rules of the Microsoft C runtime (the rules
 * "Parsing C++ command-line arguments" documents, learn.microsoft.com/cpp/cpp/main-function-command-line-args, which
 * CommandLineToArgvW shares except for "" inside quotes). {@link #split} is that rule as a small model, checked
 * first against the documented table; then every argument quoted must come back unchanged.
 */
class WindowsCommandLineTest {

    @Test
    void theModelSplitsMicrosoftsDocumentedExamplesAsDocumented() {
        assertThat(split("\"abc\" d e")).containsExactly("abc", "d", "e");
        assertThat(split("a\\\\b d\"e f\"g h")).containsExactly("a\\\\b", "de fg", "h");
        assertThat(split("a\\\\\\\"b c d")).containsExactly("a\\\"b", "c", "d");
        assertThat(split("a\\\\\\\\\"b c\" d e")).containsExactly("a\\\\b c", "d", "e");
        assertThat(split("a\"b\"\" c d")).containsExactly("ab\" c d");
    }

    @Test
    void argumentsThatNeedNoQuotesAreLeftAsTheyAre() {
        assertThat(WindowsCommandLine.quote("env")).isEqualTo("env");
        assertThat(WindowsCommandLine.quote("--sdk-root")).isEqualTo("--sdk-root");
        // backslashes not followed by a quote are literal: a plain Windows path stays as it is
        assertThat(WindowsCommandLine.quote("C:\\Users\\dev\\sdk")).isEqualTo("C:\\Users\\dev\\sdk");
        assertThat(WindowsCommandLine.quote("a\\\\b")).isEqualTo("a\\\\b");
    }

    @Test
    void spacesQuotesAndTrailingBackslashesAreQuotedSoTheyComeBack() {
        assertThat(WindowsCommandLine.quote("")).isEqualTo("\"\"");
        assertThat(WindowsCommandLine.quote("C:\\Program Files\\Go")).isEqualTo("\"C:\\Program Files\\Go\"");
        // a trailing backslash before the closing quote is doubled, or it would escape the quote
        assertThat(WindowsCommandLine.quote("C:\\Program Files\\Go\\")).isEqualTo("\"C:\\Program Files\\Go\\\\\"");
        assertThat(WindowsCommandLine.quote("a\"b")).isEqualTo("\"a\\\"b\"");
        // the documented a\"b: its backslash doubled, and one more for the quote
        assertThat(WindowsCommandLine.quote("a\\\"b")).isEqualTo("\"a\\\\\\\"b\"");
        assertThat(WindowsCommandLine.quote("tab\there")).isEqualTo("\"tab\there\"");
    }

    @Test
    void everyArgumentComesBackUnchanged() {
        List<String> args = List.of("env", "--apply", "--system", "--sdk-root", "C:\\Users\\Zhang San\\sdk", "--yes",
                // the documented argv values
                "abc", "d", "e", "a\\\\b", "de fg", "h", "a\\\"b", "c", "ab\" c d", "a\\\\b c",
                // hostile ones
                "", " ", "\"", "\\", "\\\\", "\\\"", "a\\", "a b\\", "a b\\\\", "\"\"", "x\" y \"z", "C:\\用户\\张三\\sdk",
                "--sdk-root=\"C:\\x\" --yes", "line\nbreak", "\t");
        assertThat(split(WindowsCommandLine.join(args))).containsExactlyElementsOf(args);
        for (String arg : args) {
            assertThat(split(WindowsCommandLine.quote(arg))).as(arg).containsExactly(arg);
        }
    }

    /**
     * The C runtime's rule (Visual C++ 2008 and later), as documented: arguments are separated by spaces and tabs
     * outside quotes; 2n backslashes before a quote are n backslashes and the quote opens or closes quoting; 2n+1
     * are n backslashes and a literal quote; backslashes elsewhere are literal; "" inside quotes is a literal quote.
     */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            StringBuilder arg = new StringBuilder();
            boolean quoted = false;
            while (i < n) {
                char c = line.charAt(i);
                if (!quoted && (c == ' ' || c == '\t')) {
                    break;
                }
                if (c == '\\') {
                    int start = i;
                    while (i < n && line.charAt(i) == '\\') {
                        i++;
                    }
                    int count = i - start;
                    if (i < n && line.charAt(i) == '"') {
                        arg.repeat('\\', count / 2);
                        if (count % 2 == 1) {
                            arg.append('"');
                            i++;
                        }
                    } else {
                        arg.repeat('\\', count);
                    }
                } else if (c == '"') {
                    if (quoted && i + 1 < n && line.charAt(i + 1) == '"') {
                        arg.append('"');
                        i += 2;
                    } else {
                        quoted = !quoted;
                        i++;
                    }
                } else {
                    arg.append(c);
                    i++;
                }
            }
            out.add(arg.toString());
        }
    }
}
