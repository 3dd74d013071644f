package dev.gosetup.host;

import java.util.Locale;
import java.util.Optional;

/**
 * Which cloud (or which chip vendor's own board) a Linux machine runs on, from evidence that tells same-core
 * machines apart: DMI/SMBIOS strings, cloud-init's {@code cloud-id}, and the Xen hypervisor's uuid. The CPU
 * itself cannot: AWS Graviton4, NVIDIA Grace and Google Axion are all Neoverse-V2 (MIDR 0x41/0xd4f), and
 * BogoMIPS or feature flags only hint.
 *
 * @param vendor   aws, gce, azure, oracle, ampere or nvidia
 * @param evidence what said so, for the Machine page and {@code detect}
 */
record CloudEvidence(String vendor, Note evidence) {
    static final String AWS = "aws";
    static final String GCE = "gce";
    static final String AZURE = "azure";
    static final String ORACLE = "oracle";
    static final String AMPERE = "ampere";
    static final String NVIDIA = "nvidia";

    /** cloud-init writes the datasource's cloud name here, world-readable (cloud-init docs: cloud-id). */
    static final String CLOUD_ID = "/run/cloud-init/cloud-id";
    /** Xen guests (older EC2 instance types) expose the instance uuid here; EC2's start with "ec2". */
    static final String XEN_UUID = "/sys/hypervisor/uuid";
    private static final String AZURE_CHASSIS_TAG = "7783-7084-3265-9085-8269-3286-77";

    static Optional<CloudEvidence> find(Dmi dmi, HostSource source) {
        if ("Amazon EC2".equalsIgnoreCase(dmi.sysVendor())) {
            return dmi(AWS, "sys_vendor", dmi.sysVendor());
        }
        if ("Amazon EC2".equalsIgnoreCase(dmi.biosVendor())) {
            return dmi(AWS, "bios_vendor", dmi.biosVendor());
        }
        if (dmi.boardAssetTag() != null && dmi.boardAssetTag().matches("i-[0-9a-f]{8,17}")) {
            return dmi(AWS, "board_asset_tag", dmi.boardAssetTag());
        }
        if (dmi.productUuid() != null && dmi.productUuid().toLowerCase(Locale.ROOT).startsWith("ec2")) {
            return dmi(AWS, "product_uuid", dmi.productUuid());
        }
        if ("Google Compute Engine".equals(dmi.productName())) {
            return dmi(GCE, "product_name", dmi.productName());
        }
        if ("Google".equals(dmi.sysVendor())) {
            return dmi(GCE, "sys_vendor", dmi.sysVendor());
        }
        if (AZURE_CHASSIS_TAG.equals(dmi.chassisAssetTag())) {
            return dmi(AZURE, "chassis_asset_tag", dmi.chassisAssetTag());
        }
        if ("OracleCloud.com".equals(dmi.chassisAssetTag())) {
            return dmi(ORACLE, "chassis_asset_tag", dmi.chassisAssetTag());
        }
        Optional<CloudEvidence> cloudInit = source.file(CLOUD_ID).map(String::strip).flatMap(CloudEvidence::fromCloudId);
        if (cloudInit.isPresent()) {
            return cloudInit;
        }
        Optional<String> xen = source.file(XEN_UUID).map(String::strip).filter(u -> u.toLowerCase(Locale.ROOT).startsWith("ec2"));
        if (xen.isPresent()) {
            return Optional.of(new CloudEvidence(AWS, Note.of("evidence.xen", xen.get())));
        }
        // Bare metal: the board maker's DMI strings (Ampere's own Mt. Jade/Mt. Snow boards, NVIDIA's Grace boards).
        for (String[] field : new String[][] {{"sys_vendor", dmi.sysVendor()}, {"board_vendor", dmi.boardVendor()}}) {
            String v = field[1] == null ? "" : field[1].toLowerCase(Locale.ROOT);
            if (v.startsWith("ampere")) {
                return dmi(AMPERE, field[0], field[1]);
            }
            if (v.startsWith("nvidia")) {
                return dmi(NVIDIA, field[0], field[1]);
            }
        }
        return Optional.empty();
    }

    private static Optional<CloudEvidence> dmi(String vendor, String field, String value) {
        return Optional.of(new CloudEvidence(vendor, Note.of("evidence.dmi", field, value)));
    }

    /** cloud-id values: aws, aws-china, aws-gov, gce, azure, azure-china, oracle (cloud-init's datasource names). */
    private static Optional<CloudEvidence> fromCloudId(String id) {
        String base = id.toLowerCase(Locale.ROOT).replaceFirst("-(china|gov)$", "");
        return switch (base) {
            case AWS, GCE, AZURE, ORACLE -> Optional.of(new CloudEvidence(base, Note.of("evidence.cloudInit", id)));
            default -> Optional.empty();
        };
    }

    /**
     * The chip a vendor builds on an Arm Ltd core, when this vendor ships exactly one chip with it; empty when
     * the vendor has none or several.
     */
    Optional<String> chipFor(int armPart) {
        String chip = switch (vendor) {
            case AWS -> switch (armPart) {
                case 0xd08 -> "AWS Graviton";
                case 0xd0c -> "AWS Graviton2";
                case 0xd40 -> "AWS Graviton3";
                case 0xd4f -> "AWS Graviton4";
                case 0xd84 -> "AWS Graviton5";
                default -> null;
            };
            // Google's Arm VMs: Tau T2A is Ampere Altra, C4A is Axion.
            case GCE -> armPart == 0xd0c ? "Ampere Altra" : armPart == 0xd4f ? "Google Axion" : null;
            // Azure Dpsv5/Epsv5 are Ampere Altra; Cobalt 100 reports Microsoft's implementer id (0x6d).
            case AZURE, ORACLE, AMPERE -> armPart == 0xd0c ? "Ampere Altra" : null;
            case NVIDIA -> armPart == 0xd4f ? "NVIDIA Grace" : null;
            default -> null;
        };
        return Optional.ofNullable(chip);
    }
}
