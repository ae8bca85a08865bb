package dev.clusterplanner.core.live;

/** A block device of a member ({@code /1.0/resources} storage.disks). */
public record LiveDisk(String id, String type, String model, long sizeBytes, boolean removable, boolean readOnly) {
}
