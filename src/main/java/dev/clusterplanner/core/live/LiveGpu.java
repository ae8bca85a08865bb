package dev.clusterplanner.core.live;

/** A GPU of a member ({@code /1.0/resources} gpu.cards). */
public record LiveGpu(String vendor, String product, String driver, String pciAddress) {
}
