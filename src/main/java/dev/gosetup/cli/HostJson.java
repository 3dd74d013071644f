package dev.gosetup.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gosetup.host.HostInfo;
import dev.gosetup.i18n.Messages;
import java.util.List;

/**
 * The JSON shape of {@code gosetup detect --json}: a stable contract for scripts. Nulls are written out
 * ({@code "wsl": null}), so a missing fact is visible as such.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"os", "arch", "processArch", "translated", "translator", "goPlatform", "chip", "chipEvidence", "machine",
        "osVersion", "kernel", "wsl", "container", "goamd64", "notes", "source"})
record HostJson(String os, String arch, String processArch, boolean translated, String translator,
                String goPlatform, String chip, NoteJson chipEvidence, String machine, String osVersion, String kernel, Integer wsl,
                String container, String goamd64, List<NoteJson> notes, String source) {

    record NoteJson(String code, List<String> args, String message) {
        static NoteJson of(dev.gosetup.host.Note n, Messages messages) {
            return new NoteJson(n.code(), n.args(), messages.text(n));
        }
    }

    static HostJson of(HostInfo h, Messages messages, String source) {
        return new HostJson(h.os(), h.arch(), h.processArch(), h.translated(), h.translator(), h.goPlatform(),
                h.chip(), h.chipEvidence() == null ? null : NoteJson.of(h.chipEvidence(), messages), h.machine(), h.osVersion(), h.kernel(), h.wsl(), h.container(), h.goamd64(),
                h.notes().stream().map(n -> NoteJson.of(n, messages)).toList(), source);
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
