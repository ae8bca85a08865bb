package dev.clusterplanner.core.model;

/** How an Incus instance runs: a system container, a virtual machine, or an OCI application container. */
public enum WorkloadKind {
    CONTAINER, VM, OCI;

    /** Parses the lower-case name used in files ("container", "vm", "oci"). */
    public static WorkloadKind parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "container" -> CONTAINER;
            case "vm" -> VM;
            case "oci" -> OCI;
            default -> throw new IllegalArgumentException("unknown kind '" + text + "' (expected container, vm or oci)");
        };
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Containers and OCI applications share the host kernel; only VMs pay a hypervisor tax. */
    public boolean isVirtualMachine() {
        return this == VM;
    }
}
