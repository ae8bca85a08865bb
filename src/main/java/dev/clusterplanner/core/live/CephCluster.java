package dev.clusterplanner.core.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a live Ceph cluster reports, read-only: health, OSDs, pools and totals.
 *
 * @param source         where it was read ("http://mgr:9283/metrics" or "ceph CLI (-c /etc/ceph/ceph.conf)")
 * @param readAt         when it was read
 * @param version        Ceph's version string, "" when not reported
 * @param healthChecks   the names (and messages) of active health checks, e.g. "OSD_DOWN: 1 osds down"
 * @param totalBytes     raw capacity of all OSDs
 * @param usedRawBytes   raw bytes used on all OSDs
 * @param availBytes     raw bytes available
 * @param nearfullRatio  the cluster's nearfull ratio, or null when the source does not report it (the metrics do not)
 * @param fullRatio      the cluster's full ratio, or null when not reported
 * @param warnings       what could not be read, in words (a malformed metrics line, a missing metric); nothing is invented
 */
public record CephCluster(String source, Instant readAt, String version, CephHealth health, List<String> healthChecks,
                          List<CephOsd> osds, List<CephPool> pools, long totalBytes, long usedRawBytes, long availBytes,
                          Double nearfullRatio, Double fullRatio, List<String> warnings) {

    public CephCluster {
        Objects.requireNonNull(source, "source");
        version = version == null ? "" : version;
        health = health == null ? CephHealth.UNKNOWN : health;
        healthChecks = List.copyOf(healthChecks);
        osds = List.copyOf(osds);
        pools = List.copyOf(pools);
        warnings = List.copyOf(warnings);
    }

    /** OSDs by host, hosts sorted by name. */
    public Map<String, List<CephOsd>> osdsByHost() {
        Map<String, List<CephOsd>> m = new TreeMap<>();
        for (CephOsd o : osds) {
            m.computeIfAbsent(o.hostOrSelf(), h -> new ArrayList<>()).add(o);
        }
        return m;
    }

    public int hostCount() {
        return osdsByHost().size();
    }

    /** Raw capacity of the host with the most. */
    public long largestHostBytes() {
        return osdsByHost().values().stream().mapToLong(l -> l.stream().mapToLong(CephOsd::sizeBytes).sum()).max().orElse(0);
    }

    /** Used bytes of the host that holds the most. */
    public long largestHostUsedBytes() {
        return osdsByHost().values().stream().mapToLong(l -> l.stream().mapToLong(CephOsd::usedBytes).sum()).max().orElse(0);
    }

    public CephPool pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** The fullest OSD's fill, 0..1: Ceph raises nearfull per OSD, so this is what nears the ratio first. */
    public double fullestOsdFill() {
        return osds.stream().mapToDouble(CephOsd::fill).max().orElse(0);
    }
}
