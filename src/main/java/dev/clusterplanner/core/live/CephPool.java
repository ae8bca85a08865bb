package dev.clusterplanner.core.live;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.model.CephLayout;

import java.util.Objects;

/**
 * One pool of a live Ceph cluster with its protection and usage.
 *
 * @param erasureCoded   erasure-coded (k data + m coding chunks) rather than replicated
 * @param size           copies for a replicated pool; k+m for an erasure-coded one
 * @param minSize        Ceph's min_size, or null when the source does not report it (the manager's metrics do not)
 * @param k              data chunks (0 for a replicated pool)
 * @param m              coding chunks (0 for a replicated pool)
 * @param ecProfile      the erasure-code profile's name, "" when replicated or not reported
 * @param storedBytes    bytes stored by clients (Ceph's "stored", before replication)
 * @param usedRawBytes   raw bytes used on the OSDs, copies and chunks included (Ceph's "bytes_used")
 * @param maxAvailBytes  what clients can still write to it before the fullest OSD is full (Ceph's "max_avail")
 */
public record CephPool(int id, String name, boolean erasureCoded, int size, Integer minSize, int k, int m, String ecProfile,
                       long objects, long storedBytes, long usedRawBytes, long maxAvailBytes) {

    public CephPool {
        Objects.requireNonNull(name, "name");
        ecProfile = ecProfile == null ? "" : ecProfile;
    }

    /** The manager creates these for itself (device_health_metrics in Pacific, .mgr from Quincy on). */
    public boolean managerPool() {
        return name.equals("device_health_metrics") || name.equals(".mgr");
    }

    /** Raw bytes per stored byte: size, or (k+m)/k. */
    public double rawOverhead() {
        return erasureCoded ? CephCapacity.overhead(0, k, m) : CephCapacity.overhead(size, 0, 0);
    }

    /** Hosts (failure domains) one object needs under Ceph's default rule: size, or k+m. */
    public int width() {
        return erasureCoded ? CephCapacity.protectionWidth(0, k, m) : CephCapacity.protectionWidth(size, 0, 0);
    }

    /** The pool's protection in the plan's terms (the plan's nearfull ratio is kept). */
    public CephLayout layout(double nearfullRatio) {
        return erasureCoded ? new CephLayout(0, 0, k, m, nearfullRatio)
                : new CephLayout(size, minSize == null ? 0 : minSize, 0, 0, nearfullRatio);
    }

    public String describe() {
        if (erasureCoded) {
            return "EC " + k + "+" + m + (ecProfile.isEmpty() ? "" : " (profile " + ecProfile + ")");
        }
        return "replicated size " + size + (minSize == null ? "" : "/min_size " + minSize);
    }
}
