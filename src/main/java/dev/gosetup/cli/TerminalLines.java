package dev.gosetup.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.doctor.Finding;
import dev.gosetup.doctor.TerminalFindings;
import dev.gosetup.i18n.Messages;
import dev.gosetup.shell.terminal.Defeat;
import dev.gosetup.shell.terminal.TerminalCheck;
import dev.gosetup.shell.terminal.TerminalReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** What new terminals run, as `env --apply` and `doctor --fix` print it afterwards, and as JSON for scripts. */
final class TerminalLines {
    private TerminalLines() {}

    /** One line per shell, with the explanation and the fix under each that is not fine. */
    static void print(PrintWriter out, Messages m, TerminalReport report, Path home, String headingKey) {
        out.println(m.get(headingKey, seconds(report)));
        for (Finding f : TerminalFindings.of(report, home)) {
            out.println(m.get("cli.env.verify.line", mark(m, f), m.get(f.key() + ".title", f.argsShown(home))));
            if (f.status() != Finding.Status.OK) {
                m.get(f.key() + ".detail", f.argsShown(home)).lines().forEach(l -> out.println("        " + l));
                if (f.fix() != null) {
                    out.println("        " + m.get("cli.doctor.canFix", m.get("doctor.fix." + f.fix().name())));
                }
            }
        }
    }

    /**
     * The words doctor uses, not colour: ok, WARN, FAIL (正常, 警告, 失败), each as wide as the others in a
     * terminal so the titles line up.
     */
    static String mark(Messages m, Finding f) {
        return m.get("cli.mark." + f.status().name().toLowerCase(Locale.ROOT));
    }

    /** Seconds as a number: the bundles write it the locale's way ({0,number,#.#}). */
    static double seconds(TerminalReport report) {
        return report.took().toMillis() / 1000.0;
    }

    static ArrayNode json(TerminalReport report) {
        ArrayNode a = HostJson.mapper().createArrayNode();
        report.checks().forEach(c -> a.add(json(c)));
        return a;
    }

    static ObjectNode json(TerminalCheck c) {
        ObjectNode o = HostJson.mapper().createObjectNode();
        o.put("shell", c.shell().id);
        o.put("start", c.start().name().toLowerCase(Locale.ROOT));
        o.put("command", c.command());
        o.put("executable", c.executable());
        o.put("verdict", c.verdict().name().toLowerCase(Locale.ROOT));
        o.put("go", c.go());
        o.put("version", c.version());
        o.put("goroot", c.goroot());
        o.put("gopath", c.gopath());
        o.put("gotoolchain", c.gotoolchain());
        o.put("path", c.path());
        o.put("intended", c.intended().toString());
        o.put("configured", c.configured());
        o.put("seconds", c.took().toMillis() / 1000.0);
        if (!c.problem().isEmpty()) {
            o.put("problem", c.problem());
        }
        ArrayNode defeats = o.putArray("undoneBy");
        for (Defeat d : c.defeats()) {
            defeats.addObject().put("file", d.file().toString()).put("line", d.line() + 1).put("text", d.text())
                    .put("kind", d.kind().name()).put("resetsPath", d.resets());
        }
        return o;
    }
}
