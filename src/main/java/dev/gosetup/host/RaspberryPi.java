package dev.gosetup.host;

import java.util.Map;
import java.util.Optional;

/**
 * Raspberry Pi boards. The kernel prints "Hardware: BCM2835" on every model, so the model comes from
 * the "Model" line, the devicetree model, or the new-style revision code (bit 23 set; board type in bits
 * 4-11), documented by Raspberry Pi Ltd ("Raspberry Pi revision codes").
 */
public final class RaspberryPi {
    private static final Map<Integer, String> TYPES = Map.ofEntries(
            Map.entry(0x00, "Model A"), Map.entry(0x01, "Model B"), Map.entry(0x02, "Model A+"),
            Map.entry(0x03, "Model B+"), Map.entry(0x04, "2 Model B"), Map.entry(0x06, "Compute Module"),
            Map.entry(0x08, "3 Model B"), Map.entry(0x09, "Zero"), Map.entry(0x0a, "Compute Module 3"),
            Map.entry(0x0c, "Zero W"), Map.entry(0x0d, "3 Model B Plus"), Map.entry(0x0e, "3 Model A Plus"),
            Map.entry(0x10, "Compute Module 3 Plus"), Map.entry(0x11, "4 Model B"), Map.entry(0x12, "Zero 2 W"),
            Map.entry(0x13, "400"), Map.entry(0x14, "Compute Module 4"), Map.entry(0x15, "Compute Module 4S"),
            Map.entry(0x17, "5 Model B"), Map.entry(0x18, "Compute Module 5"), Map.entry(0x19, "500"),
            Map.entry(0x1a, "Compute Module 5 Lite"));

    private RaspberryPi() {}

    /** "Raspberry Pi Zero Rev 1.2" from a new-style revision code such as {@code 900092}. */
    public static Optional<String> fromRevisionCode(String revision) {
        if (revision == null) {
            return Optional.empty();
        }
        int code;
        try {
            code = Integer.parseUnsignedInt(revision.strip(), 16);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if ((code & (1 << 23)) == 0) {
            return Optional.empty(); // old-style codes predate the Pi 2: a lookup table, not worth it here
        }
        String type = TYPES.get((code >> 4) & 0xff);
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of("Raspberry Pi " + type + " Rev 1." + (code & 0xf));
    }

    public static boolean isRaspberryPiModel(String model) {
        return model != null && model.startsWith("Raspberry Pi");
    }
}
