package dev.gosetup.shell;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A user's text file as lines that turn back into the very same bytes. UTF-8 files (with or without a
 * BOM, and even with invalid bytes) are read as ISO-8859-1, one char per byte, so nothing is decoded and
 * nothing can be lost; only our own text is encoded, as UTF-8. UTF-16 files (Windows PowerShell 5.1
 * saves profiles that way) are decoded by their BOM. Line endings are kept per line.
 */
final class TextFile {
    /** One line: its text and its own terminator ("\n", "\r\n" or "" for a last line without one). */
    record Line(String text, String end) {
        String full() {
            return text + end;
        }
    }

    private final byte[] bom;
    private final Charset charset;
    final List<Line> lines;

    private TextFile(byte[] bom, Charset charset, List<Line> lines) {
        this.bom = bom;
        this.charset = charset;
        this.lines = lines;
    }

    static TextFile parse(byte[] bytes) throws DamagedBlockException {
        byte[] bom = new byte[0];
        Charset cs = StandardCharsets.ISO_8859_1;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            bom = Arrays.copyOf(bytes, 3);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            bom = Arrays.copyOf(bytes, 2);
            cs = StandardCharsets.UTF_16LE;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            bom = Arrays.copyOf(bytes, 2);
            cs = StandardCharsets.UTF_16BE;
        }
        if (cs != StandardCharsets.ISO_8859_1 && !decodes(bytes, bom.length, cs)) {
            // A UTF-16 byte-order mark over bytes that are not UTF-16 (odd length, lone surrogates): decoding
            // would lose bytes, and editing it as bytes would make it look like UTF-16 or not depending on
            // what we add. Found by BlockEditorFuzzTest. Such a file is not edited; the user is told why.
            throw DamagedBlockException.encoding();
        }
        String text = new String(bytes, bom.length, bytes.length - bom.length, cs);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                lines.add(new Line(text.substring(start), ""));
                break;
            }
            boolean crlf = nl > start && text.charAt(nl - 1) == '\r';
            lines.add(new Line(text.substring(start, crlf ? nl - 1 : nl), crlf ? "\r\n" : "\n"));
            start = nl + 1;
        }
        return new TextFile(bom, cs, lines);
    }

    private static boolean decodes(byte[] bytes, int offset, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The line ending most of the file uses: a CRLF file stays CRLF. */
    String newline() {
        long crlf = lines.stream().filter(l -> l.end().equals("\r\n")).count();
        long lf = lines.stream().filter(l -> l.end().equals("\n")).count();
        return crlf > lf ? "\r\n" : "\n";
    }

    /** Our own text (UTF-8) in this file's char representation. */
    String own(String text) {
        return charset == StandardCharsets.ISO_8859_1 ? new String(text.getBytes(StandardCharsets.UTF_8), charset) : text;
    }

    /** Text of a line as the user would read it (for reports): UTF-8 decoded where it is a UTF-8 file. */
    String readable(Line line) {
        return charset == StandardCharsets.ISO_8859_1
                ? new String(line.text().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : line.text();
    }

    TextFile with(List<Line> newLines) {
        return new TextFile(bom, charset, newLines);
    }

    byte[] bytes() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.full());
        }
        byte[] body = sb.toString().getBytes(charset);
        byte[] out = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }
}
