package dev.gosetup.host;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * SMBIOS/DMI identity from {@code /sys/devices/virtual/dmi/id} (readable without root, except product_uuid).
 * Names the machine: a cloud instance type ("AWS EC2 c7g.large"), a hypervisor, or a vendor and model.
 */
public record Dmi(String sysVendor, String productName, String productVersion, String boardVendor,
                  String boardName, String boardAssetTag, String chassisAssetTag, String biosVendor,
                  String productUuid) {

    public static final String DIR = "/sys/devices/virtual/dmi/id/";
    private static final String AZURE_CHASSIS_TAG = "7783-7084-3265-9085-8269-3286-77";

    public static Dmi read(Function<String, Optional<String>> file) {
        Function<String, String> f = name -> file.apply(DIR + name).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        return new Dmi(f.apply("sys_vendor"), f.apply("product_name"), f.apply("product_version"),
                f.apply("board_vendor"), f.apply("board_name"), f.apply("board_asset_tag"),
                f.apply("chassis_asset_tag"), f.apply("bios_vendor"), f.apply("product_uuid"));
    }

    public boolean isEmpty() {
        return sysVendor == null && productName == null && boardAssetTag == null && biosVendor == null
                && productUuid == null && boardName == null;
    }

    /** Amazon EC2, by vendor, by the instance id in the board asset tag (Nitro), or the EC2 uuid prefix (Xen). */
    public boolean isAwsEc2() {
        return "Amazon EC2".equalsIgnoreCase(sysVendor) || "Amazon EC2".equalsIgnoreCase(biosVendor)
                || (boardAssetTag != null && boardAssetTag.matches("i-[0-9a-f]{8,17}"))
                || (productUuid != null && productUuid.toLowerCase(Locale.ROOT).startsWith("ec2"));
    }

    /** The EC2 instance type when product_name holds one ("c7g.large"). */
    public Optional<String> ec2InstanceType() {
        return Optional.ofNullable(productName).filter(p -> p.matches("[a-z][a-z0-9-]*\\.[a-z0-9]+"));
    }

    /** A short label for the machine, or empty when DMI says nothing useful. */
    public Optional<String> machineLabel() {
        if (isAwsEc2()) {
            return Optional.of(ec2InstanceType().map(t -> "AWS EC2 " + t).orElse("AWS EC2"));
        }
        if ("Google Compute Engine".equals(productName) || "Google".equals(sysVendor)) {
            return Optional.of("Google Compute Engine");
        }
        if (AZURE_CHASSIS_TAG.equals(chassisAssetTag)) {
            return Optional.of("Microsoft Azure VM");
        }
        if ("OracleCloud.com".equals(chassisAssetTag)) {
            return Optional.of("Oracle Cloud VM");
        }
        if ("innotek GmbH".equals(sysVendor) || "VirtualBox".equals(productName)) {
            return Optional.of("VirtualBox VM");
        }
        if (sysVendor != null && sysVendor.startsWith("VMware")) {
            return Optional.of("VMware VM");
        }
        if ("QEMU".equals(sysVendor)) {
            return Optional.of(productName == null ? "QEMU VM" : "QEMU VM (" + productName + ")");
        }
        if ("Microsoft Corporation".equals(sysVendor) && "Virtual Machine".equals(productName)) {
            return Optional.of("Hyper-V VM");
        }
        return label(sysVendor, productName);
    }

    /** "Vendor Product" without firmware placeholders ("To be filled by O.E.M."), or empty. */
    static Optional<String> label(String sysVendor, String productName) {
        String vendor = sysVendor == null || isPlaceholder(sysVendor) ? "" : sysVendor + " ";
        String product = productName == null || isPlaceholder(productName) ? "" : productName;
        String label = (vendor + product).strip();
        return label.isEmpty() ? Optional.empty() : Optional.of(label);
    }

    private static boolean isPlaceholder(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.contains("to be filled") || l.equals("default string") || l.equals("system product name")
                || l.equals("system manufacturer") || l.equals("not specified");
    }
}
