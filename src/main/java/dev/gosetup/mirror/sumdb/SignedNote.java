package dev.gosetup.mirror.sumdb;

import dev.gosetup.i18n.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Go's signed note: the text (ending in a newline), a blank line, then one line per signature,
 * "— NAME base64(keyhash[4] ‖ ed25519 signature[64])". The signature covers the text alone.
 */
public final class SignedNote {
    private SignedNote() {}

    public static byte[] sign(String text, NoteKey key) throws SumDbException {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("note text must end in a newline");
        }
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.sign(msg);
        byte[] hashAndSig = ByteBuffer.allocate(4 + sig.length).putInt(key.hash()).put(sig).array();
        String signed = text + "\n" + "\u2014 " + key.name() + " " + Base64.getEncoder().encodeToString(hashAndSig) + "\n";
        return signed.getBytes(StandardCharsets.UTF_8);
    }

    /** The text of a note that {@code key} signed; a problem when it did not, or the note is malformed. */
    public static String open(byte[] note, NoteKey key) throws SumDbException {
        String s = new String(note, StandardCharsets.UTF_8);
        int split = s.lastIndexOf("\n\n");
        if (split < 0 || !s.endsWith("\n") || note.length > 1 << 20) {
            throw new SumDbException(Problem.of("sumdb.note.malformed", key.name()));
        }
        String text = s.substring(0, split + 1);
        for (String line : s.substring(split + 2).split("\n")) {
            String prefix = "\u2014 " + key.name() + " ";
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(line.substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (raw.length == 68 && ByteBuffer.wrap(raw).getInt() == key.hash()
                    && key.verify(text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(raw, 4, 68))) {
                return text;
            }
        }
        throw new SumDbException(Problem.of("sumdb.note.unsigned", key.name()));
    }
}
