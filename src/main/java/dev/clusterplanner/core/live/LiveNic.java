package dev.clusterplanner.core.live;

/**
 * One network port of a member.
 *
 * @param speedMbps link speed in Mbit/s, {@code null} when the NIC does not report one (virtual NICs)
 */
public record LiveNic(String port, String driver, Long speedMbps, boolean linkDetected) {
}
