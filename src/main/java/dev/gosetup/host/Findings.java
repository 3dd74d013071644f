package dev.gosetup.host;

import java.util.ArrayList;
import java.util.List;

/** What the per-OS detection steps fill in, turned into a {@link HostInfo} at the end. */
final class Findings {
    String os;
    String arch;
    String processArch;
    boolean translated;
    String translator;
    String chip;
    Note chipEvidence;
    String machine;
    String osVersion;
    String kernel;
    Integer wsl;
    String container;
    String goamd64;
    final List<Note> notes = new ArrayList<>();

    /** The chip and what said so. */
    void chip(String name, Note evidence) {
        chip = name;
        chipEvidence = evidence;
    }

    void note(String code, Object... args) {
        notes.add(Note.of(code, args));
    }

    HostInfo toHostInfo() {
        return new HostInfo(os, arch, processArch, translated, translated ? translator : null, chip,
                chip == null ? null : chipEvidence, machine,
                osVersion, kernel, wsl, container, goamd64, notes);
    }
}
