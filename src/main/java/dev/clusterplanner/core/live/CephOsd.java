package dev.clusterplanner.core.live;



/**
 * One OSD of a live Ceph cluster.
 *
 * @param host        the host it runs on (Ceph's {@code hostname} metadata), "" when not reported
 * @param deviceClass Ceph's device class (hdd, ssd, nvme), "" when not reported
 * @param up          the daemon is running and reachable
 * @param in          it holds data (not marked out)
 * @param sizeBytes   capacity of its device
 * @param usedBytes   bytes used on it (data, metadata and bluestore's own)
 */
public record CephOsd(int id, String host, String deviceClass, boolean up, boolean in, long sizeBytes, long usedBytes) {

    public CephOsd {
        host = host == null ? "" : host;
        deviceClass = deviceClass == null ? "" : deviceClass;
    }

    public String name() {
        return "osd." + id;
    }

    /** Used over size, 0..1 (0 for an OSD without a size). */
    public double fill() {
        return sizeBytes <= 0 ? 0 : (double) usedBytes / sizeBytes;
    }

    /** Host for grouping: the reported host, or the OSD's own name when no host is known. */
    public String hostOrSelf() {
        return host.isEmpty() ? name() : host;
    }

}
