package dev.gosetup.shell.windows;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Arguments written into one Windows command line so that the program gets each back unchanged. Windows hands a
 * program a single string; C and C++ programs (the JDK's and jpackage's launchers too) split it with the rules of
 * CommandLineToArgvW and the MSVC runtime ("Parsing C++ command-line arguments", learn.microsoft.com/cpp/cpp/
 * main-function-command-line-args; "Everyone quotes command line arguments the wrong way", Microsoft's Daniel
 * Colascione): white space separates arguments unless inside double quotes; {@code \"} is a literal quote;
 * backslashes are literal except right before a quote, where each pair stands for one backslash.
 *
 * <p>So an argument is quoted when it is empty or has white space or a quote in it; inside the quotes every quote
 * gets a backslash, and the backslashes right before a quote, or before the closing quote, are doubled. Nothing
 * here emits {@code ""} inside quotes, the one case where CommandLineToArgvW and the runtime disagree.
 */
public final class WindowsCommandLine {
    private WindowsCommandLine() {}

    /** The arguments, each quoted as needed, separated by one space. */
    public static String join(List<String> arguments) {
        return arguments.stream().map(WindowsCommandLine::quote).collect(Collectors.joining(" "));
    }

    /** One argument as it must be written for a program to read it back as {@code argument}. */
    public static String quote(String argument) {
        if (!argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '"')) {
            return argument; // nothing a parser would split or unquote: backslashes here are literal
        }
        StringBuilder out = new StringBuilder(argument.length() + 2).append('"');
        int backslashes = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                out.repeat('\\', backslashes * 2 + 1); // each backslash doubled, and one for the quote itself
            } else {
                out.repeat('\\', backslashes);
            }
            backslashes = 0;
            out.append(c);
        }
        out.repeat('\\', backslashes * 2); // before the closing quote: doubled, or they would escape it
        return out.append('"').toString();
    }
}
