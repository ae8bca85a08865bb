package dev.clusterplanner.adapters.ceph;

import dev.clusterplanner.adapters.ceph.PrometheusText.Exposition;
import dev.clusterplanner.adapters.ceph.PrometheusText.Sample;
import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.CephHealth;
import dev.clusterplanner.core.live.CephOsd;
import dev.clusterplanner.core.live.CephPool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps the Ceph manager's Prometheus metrics (module "prometheus", {@code http://mgr:9283/metrics}) to a
 * {@link CephCluster}. The metrics carry no min_size and no nearfull ratio: those stay null.
 * Metric names as served by Ceph 16.2 (Pacific) and later.
 */
public final class CephMetrics {

    private CephMetrics() {
    }

    public static CephCluster toCluster(Exposition x, String source, Instant readAt) {
        List<String> warnings = new ArrayList<>();
        x.problems().forEach(p -> warnings.add("metrics " + p.describe()));

        Sample healthSample = x.first("ceph_health_status");
        CephHealth health = healthSample == null ? CephHealth.UNKNOWN : CephHealth.fromMetric(healthSample.value());
        if (healthSample == null) {
            warnings.add("no ceph_health_status metric: is this a Ceph manager's prometheus endpoint?");
        }
        List<String> checks = new ArrayList<>();
        for (Sample s : x.all("ceph_health_detail")) {
            if (s.value() == 1 && s.label("name") != null) {
                checks.add(s.label("name") + (s.label("severity") == null ? "" : " (" + s.label("severity") + ")"));
            }
        }
        Sample mon = x.first("ceph_mon_metadata");
        String version = mon == null || mon.label("ceph_version") == null ? "" : mon.label("ceph_version");

        Map<Integer, OsdBuilder> osds = new TreeMap<>();
        for (Sample s : x.all("ceph_osd_metadata")) {
            OsdBuilder b = osd(osds, s, warnings);
            if (b != null) {
                b.host = s.label("hostname");
                b.deviceClass = s.label("device_class");
            }
        }
        for (Sample s : x.all("ceph_osd_up")) {
            OsdBuilder b = osd(osds, s, warnings);
            if (b != null) {
                b.up = s.value() == 1;
            }
        }
        for (Sample s : x.all("ceph_osd_in")) {
            OsdBuilder b = osd(osds, s, warnings);
            if (b != null) {
                b.in = s.value() == 1;
            }
        }
        for (Sample s : x.all("ceph_osd_stat_bytes")) {
            OsdBuilder b = osd(osds, s, warnings);
            if (b != null) {
                b.size = bytes(s, warnings);
            }
        }
        for (Sample s : x.all("ceph_osd_stat_bytes_used")) {
            OsdBuilder b = osd(osds, s, warnings);
            if (b != null) {
                b.used = bytes(s, warnings);
            }
        }
        List<CephOsd> osdList = osds.values().stream()
                .map(b -> new CephOsd(b.id, b.host, b.deviceClass, b.up, b.in, b.size, b.used)).toList();

        Map<String, Map<String, Sample>> perPool = new java.util.HashMap<>();
        for (String metric : List.of("ceph_pool_objects", "ceph_pool_stored", "ceph_pool_bytes_used", "ceph_pool_max_avail")) {
            perPool.put(metric, x.byLabel(metric, "pool_id"));
        }
        List<CephPool> pools = new ArrayList<>();
        for (Sample meta : x.all("ceph_pool_metadata")) {
            String idText = meta.label("pool_id");
            String name = meta.label("name");
            if (idText == null || name == null) {
                warnings.add("metrics line " + meta.line() + ": ceph_pool_metadata without pool_id or name");
                continue;
            }
            int id;
            try {
                id = Integer.parseInt(idText);
            } catch (NumberFormatException e) {
                warnings.add("metrics line " + meta.line() + ": pool_id '" + idText + "' is not a number");
                continue;
            }
            String desc = meta.label("description") == null ? "" : meta.label("description");
            boolean ec = "erasure".equals(meta.label("type")) || desc.startsWith("ec:");
            int size = 0;
            int k = 0;
            int m = 0;
            try {
                if (desc.startsWith("replica:")) {
                    size = Integer.parseInt(desc.substring("replica:".length()));
                } else if (desc.startsWith("ec:")) {
                    String[] km = desc.substring(3).split("\\+");
                    k = Integer.parseInt(km[0]);
                    m = Integer.parseInt(km[1]);
                    size = k + m;
                } else {
                    throw new NumberFormatException();
                }
            } catch (RuntimeException e) {
                warnings.add("pool " + name + ": protection '" + desc + "' not understood (expected replica:N or ec:K+M)");
            }
            pools.add(new CephPool(id, name, ec, size, null, k, m, "",
                    poolBytes(perPool, "ceph_pool_objects", idText, warnings),
                    poolBytes(perPool, "ceph_pool_stored", idText, warnings),
                    poolBytes(perPool, "ceph_pool_bytes_used", idText, warnings),
                    poolBytes(perPool, "ceph_pool_max_avail", idText, warnings)));
        }

        long total = total(x, "ceph_cluster_total_bytes", warnings);
        Sample usedRaw = x.first("ceph_cluster_total_used_raw_bytes");
        long used = usedRaw != null ? bytes(usedRaw, warnings) : total(x, "ceph_cluster_total_used_bytes", warnings);
        return new CephCluster(source, readAt, version, health, checks, osdList, pools, total, used, Math.max(0, total - used),
                null, null, warnings);
    }

    private static final class OsdBuilder {
        final int id;
        String host;
        String deviceClass;
        boolean up;
        boolean in;
        long size;
        long used;

        OsdBuilder(int id) {
            this.id = id;
        }
    }

    private static OsdBuilder osd(Map<Integer, OsdBuilder> osds, Sample s, List<String> warnings) {
        String daemon = s.label("ceph_daemon");
        if (daemon == null || !daemon.startsWith("osd.")) {
            warnings.add("metrics line " + s.line() + ": " + s.name() + " without ceph_daemon=\"osd.N\"");
            return null;
        }
        try {
            int id = Integer.parseInt(daemon.substring(4));
            return osds.computeIfAbsent(id, OsdBuilder::new);
        } catch (NumberFormatException e) {
            warnings.add("metrics line " + s.line() + ": ceph_daemon '" + daemon + "' is not osd.N");
            return null;
        }
    }

    private static long poolBytes(Map<String, Map<String, Sample>> perPool, String metric, String poolId, List<String> warnings) {
        Sample s = perPool.get(metric).get(poolId);
        if (s == null) {
            warnings.add("no " + metric + " for pool_id " + poolId);
            return 0;
        }
        return bytes(s, warnings);
    }

    private static long total(Exposition x, String metric, List<String> warnings) {
        Sample s = x.first(metric);
        if (s == null) {
            warnings.add("no " + metric + " metric");
            return 0;
        }
        return bytes(s, warnings);
    }

    private static long bytes(Sample s, List<String> warnings) {
        double v = s.value();
        if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) {
            warnings.add("metrics line " + s.line() + ": " + s.name() + " is " + v + ", read as 0");
            return 0;
        }
        return Math.round(v);
    }
}
