package dev.gosetup.host;

import dev.gosetup.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * Detection in plain words, the same for the window and the command line: "Apple M2 Pro · macOS 15.1 ·
 * this app runs under Rosetta 2 — Go will be installed for the native arm64 CPU (darwin-arm64)".
 */
public final class HostSummary {
    private final Messages messages;

    public HostSummary(Messages messages) {
        this.messages = messages;
    }

    /** One labelled fact; {@code known} is false when detection could not tell. */
    public record Fact(String label, String value, boolean known) {}

    public String headline(HostInfo h) {
        List<String> parts = new ArrayList<>();
        parts.add(chipAndMachine(h));
        String os = h.osVersion() != null ? h.osVersion() : messages.get("host.os.unknownVersion", osName(h));
        if (h.wsl() != null) {
            os = messages.get("host.os.onWsl", os, h.wsl());
        }
        if (h.container() != null) {
            os = messages.get("host.os.inContainer", os, h.container());
        }
        parts.add(os);
        if ("amd64".equals(h.arch()) && h.goamd64() != null) {
            parts.add(messages.get("host.arch.x86level", h.goamd64()));
        }
        if (h.translated()) {
            parts.add(messages.get("host.translated." + h.translator(), archWords(h.processArch())));
        }
        return String.join(" · ", parts);
    }

    /** What detection means for the install. */
    public String consequence(HostInfo h) {
        if (h.goPlatform() == null) {
            return messages.get("host.consequence.unknown");
        }
        if (h.translated() && "emulator".equals(h.translator())) {
            return messages.get("host.consequence.emulated", h.goPlatform());
        }
        if (h.translated()) {
            return messages.get("host.consequence.native", h.arch(), h.goPlatform());
        }
        return messages.get("host.consequence.plain", h.goPlatform());
    }

    public String oneLine(HostInfo h) {
        return headline(h) + " — " + consequence(h);
    }

    public List<Fact> facts(HostInfo h) {
        List<Fact> facts = new ArrayList<>();
        facts.add(fact("host.fact.chip", h.chip()));
        if (h.chipEvidence() != null) {
            facts.add(fact("host.fact.chipEvidence", messages.text(h.chipEvidence())));
        }
        facts.add(fact("host.fact.machine", h.machine()));
        facts.add(fact("host.fact.os", h.osVersion()));
        facts.add(fact("host.fact.kernel", h.kernel()));
        facts.add(fact("host.fact.nativeArch", h.arch() == null ? null : archWords(h.arch()) + " (" + h.arch() + ")"));
        String process = h.processArch() == null ? null : archWords(h.processArch()) + " (" + h.processArch() + ")";
        if (process != null && h.translated()) {
            process = process + " — " + messages.get("host.fact.translatedBy." + h.translator());
        }
        facts.add(fact("host.fact.processArch", process));
        if ("amd64".equals(h.arch())) {
            facts.add(fact("host.fact.goamd64", h.goamd64()));
        }
        facts.add(new Fact(messages.get("host.fact.wsl"), h.wsl() == null ? messages.get("host.value.no")
                : "WSL" + h.wsl(), true));
        facts.add(new Fact(messages.get("host.fact.container"), h.container() == null ? messages.get("host.value.none")
                : h.container(), true));
        facts.add(fact("host.fact.goPlatform", h.goPlatform()));
        return facts;
    }

    /**
     * The whole summary as plain text with aligned columns: what {@code gosetup detect} prints and what
     * "Copy details" puts on the clipboard.
     */
    public String plainText(HostInfo h) {
        StringBuilder out = new StringBuilder(headline(h)).append('\n').append(consequence(h)).append("\n\n");
        List<Fact> facts = facts(h);
        int width = facts.stream().mapToInt(f -> displayWidth(f.label())).max().orElse(10);
        for (Fact fact : facts) {
            out.append("  ").append(fact.label()).append(" ".repeat(width - displayWidth(fact.label()) + 2))
                    .append(fact.value()).append('\n');
        }
        if (!h.notes().isEmpty()) {
            out.append('\n').append(messages.get("host.notes.heading")).append('\n');
            notes(h).forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        return out.toString();
    }

    /** CJK characters take two terminal columns. */
    static int displayWidth(String s) {
        return s.codePoints().map(c -> Character.isIdeographic(c) || (c >= 0xFF00 && c <= 0xFFEF) ? 2 : 1).sum();
    }

    public List<String> notes(HostInfo h) {
        return h.notes().stream().map(messages::text).toList();
    }

    private Fact fact(String key, String value) {
        return value == null ? new Fact(messages.get(key), messages.get("host.value.unknown"), false)
                : new Fact(messages.get(key), value, true);
    }

    private String chipAndMachine(HostInfo h) {
        String chip = h.chip() != null ? h.chip() : messages.get("host.chip.unknown");
        String machine = h.machine();
        if (machine == null || chip.contains(machine)) {
            return chip;
        }
        if (machine.startsWith("AWS EC2 ")) {
            machine = machine.substring("AWS EC2 ".length()); // "AWS Graviton3 (c7g.large)"
        }
        return chip + " (" + machine + ")";
    }

    private String osName(HostInfo h) {
        return switch (h.os() == null ? "" : h.os()) {
            case "darwin" -> "macOS";
            case "windows" -> "Windows";
            case "linux" -> "Linux";
            default -> h.os() == null ? "?" : h.os();
        };
    }

    /** "arm64" → "ARM 64-bit", for people; the Go name stays in brackets beside it. */
    public String archWords(String goArch) {
        if (goArch == null) {
            return messages.get("host.value.unknown");
        }
        String key = "host.arch.words." + goArch;
        return messages.has(key) ? messages.get(key) : goArch;
    }
}
