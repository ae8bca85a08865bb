package dev.clusterplanner.core.storage;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.StorageMode;

import java.util.List;

/**
 * What a site's disks give: raw capacity, what is left after replication or erasure coding, after the
 * reserve that lets the survivors re-replicate a lost host, and after the nearfull headroom. Bytes are
 * exact; the TiB accessors are for display (Ceph and Incus report binary units).
 *
 * @param layout            the Ceph pool layout (for local storage: the policy's layout, unused except nearfull)
 * @param description       the protection in words ("Ceph replicated size 3/min_size 2", "local mirror ...")
 * @param hosts             hosts in the scenario
 * @param osds              data disks of all hosts (one OSD each in Ceph mode)
 * @param minOsdsPerHost    data disks of the host with the fewest
 * @param largestHostBytes  raw bytes of the largest host (the reserve)
 * @param largestHostOsds   data disks of that host
 * @param largestDiskBytes  raw bytes of the largest data disk
 * @param diskType          the slowest data disk technology among the hosts (null when unknown)
 * @param rawOverhead       raw bytes per stored byte: size, (k+m)/k, 2 for a mirror, 1 for a single disk
 * @param rawBytes          all data disks of all hosts
 * @param protectedBytes    raw / overhead
 * @param safeBytes         (raw - largest host) / overhead: what can still be re-protected after losing the largest host
 * @param usableBytes       safe x nearfull ratio: the plan's usable capacity
 * @param storedBytes       the workloads' disks today (sum of count x diskGib)
 * @param storedBytesAtHorizon the workloads' disks at the end of the planning horizon, after growth
 * @param healsAfterHostLoss true when the survivors can hold every copy again after one host is lost
 */
public record StorageAnalysis(
        StorageMode mode,
        CephLayout layout,
        String description,
        int hosts,
        int osds,
        int minOsdsPerHost,
        double largestHostBytes,
        int largestHostOsds,
        double largestDiskBytes,
        DiskType diskType,
        double rawOverhead,
        double rawBytes,
        double protectedBytes,
        double safeBytes,
        double usableBytes,
        double storedBytes,
        double storedBytesAtHorizon,
        boolean healsAfterHostLoss,
        List<Explanation> explanations,
        List<Finding> findings) {

    public StorageAnalysis {
        explanations = List.copyOf(explanations);
        findings = List.copyOf(findings);
    }

    public double rawTiB() {
        return rawBytes / Figures.BYTES_PER_TIB;
    }

    public double usableTiB() {
        return usableBytes / Figures.BYTES_PER_TIB;
    }

    public double safeTiB() {
        return safeBytes / Figures.BYTES_PER_TIB;
    }

    public double storedTiB() {
        return storedBytes / Figures.BYTES_PER_TIB;
    }

    /** Raw bytes the stored data occupies on the disks (stored x overhead). */
    public double storedRawBytes() {
        return storedBytes * rawOverhead;
    }

    /** Data disks per host when every host has the same number, else the average rounded down (for display). */
    public int osdsPerHost() {
        return hosts == 0 ? 0 : osds / hosts;
    }

    public boolean isCeph() {
        return mode == StorageMode.CEPH;
    }
}
