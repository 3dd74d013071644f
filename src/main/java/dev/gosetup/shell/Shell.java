package dev.gosetup.shell;

import java.util.Locale;
import java.util.Optional;

/** The shells whose environment we write. CMD stands for the Windows user environment (every new process). */
public enum Shell {
    ZSH("zsh"), BASH("bash"), FISH("fish"), PWSH("pwsh"), CMD("cmd");

    public final String id;

    Shell(String id) {
        this.id = id;
    }

    /** zsh, bash, fish, pwsh/powershell, cmd; also a login shell path such as /bin/zsh or /usr/local/bin/fish. */
    public static Optional<Shell> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String name = s.strip().replaceAll(".*[/\\\\]", "").toLowerCase(Locale.ROOT).replaceFirst("\\.exe$", "");
        return switch (name) {
            case "zsh" -> Optional.of(ZSH);
            case "bash", "sh" -> Optional.of(BASH);
            case "fish" -> Optional.of(FISH);
            case "pwsh", "powershell" -> Optional.of(PWSH);
            case "cmd", "windows" -> Optional.of(CMD);
            default -> Optional.empty();
        };
    }
}
