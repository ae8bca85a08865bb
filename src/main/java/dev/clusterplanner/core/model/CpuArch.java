package dev.clusterplanner.core.model;

import java.util.Locale;

/**
 * A host's CPU architecture (catalog column {@code cpu_arch}). An x86 image or VM moves unchanged only to an x86 host;
 * an Arm host (AWS Graviton, Ampere) needs the workloads rebuilt, so the cost model offers Arm types only where the
 * compared server is Arm too.
 */
public enum CpuArch {
    X86_64("x86_64"), ARM64("arm64");

    private final String id;

    CpuArch(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static CpuArch parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (CpuArch a : values()) {
            if (a.id.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a CPU architecture (expected x86_64 or arm64)");
    }
}
