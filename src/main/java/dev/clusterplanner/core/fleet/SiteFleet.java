package dev.clusterplanner.core.fleet;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.sizing.CapacityModel;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.HostCost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A planner site as a fleet problem: the sizing engine's per-host capacity and per-instance demand
 * ({@link CapacityModel}) for cpu, memory, local disk, GPU and network (NIC ports x Gbit/s less Ceph's share of the
 * ports, {@code NicCapacity}, against each instance's bandwidth); and under Ceph the usable capacity as a pooled dimension (raw x nearfull / overhead per host, the largest
 * host in reserve: {@link CephCapacity#usableBytes}), against the instance disks.
 */
public final class SiteFleet {

    /** Dimension names of a site's fleet problem, in order. */
    public static final List<String> DIMENSIONS = List.of("cpu", "memory", "disk", "gpu", "network", "ceph");
    static final int NETWORK = 4;
    static final int CEPH = 5;

    /** Hosts of a catalog row already owned: they cost only {@code runningCost} over the horizon (no capex). */
    public record Owned(String hardwareId, int count, double runningCost) {
    }

    private SiteFleet() {
    }

    /**
     * The fleet problem of a site.
     *
     * @param candidates   the site's hardware rows (a row without a price is left out: it cannot be costed)
     * @param cost         horizon cost of one new host
     * @param available    stock per hardware id (absent = unlimited)
     * @param owned        hosts already owned
     * @param chassis      configure-to-order candidates as chassis (option vectors); a catalog row with options is better
     *                     offered as its configurations, {@code core.configure.Configurations#configurations}, one
     *                     hardware row each
     * @param bandwidthMbps per workload name, what one instance sends and receives on its host's NIC (absent = the
     *                      workload's own {@code bandwidthMbps})
     */
    public static FleetProblem of(Site site, List<Hardware> candidates, HostCost cost, Map<String, Integer> available,
                                  List<Owned> owned, List<Chassis> chassis, Map<String, Double> bandwidthMbps) {
        Policy p = site.policy();
        List<FleetWorkload> ws = new ArrayList<>();
        for (Workload w : site.workloads()) {
            ws.add(new FleetWorkload(w.name(), w.count(), demand(w, p, bandwidthMbps.getOrDefault(w.name(), w.bandwidthMbps())), w.antiAffinity()));
        }
        List<HostType> types = new ArrayList<>();
        Map<String, Integer> stock = new LinkedHashMap<>(available);
        Map<String, Hardware> byId = new LinkedHashMap<>();
        for (Hardware h : candidates) {
            byId.put(h.id(), h);
        }
        for (Owned o : owned) {
            Hardware h = byId.get(o.hardwareId());
            if (h == null) {
                throw new IllegalArgumentException("owned hosts of '" + o.hardwareId() + "': not one of the site's hardware candidates");
            }
            HostType t = HostType.owned(h.id(), capacity(h, p), o.runningCost());
            types.add(t);
            stock.put(t.stock(), o.count());
        }
        for (Hardware h : candidates) {
            OptionalDouble c = cost.perHost(h);
            if (c.isPresent()) {
                types.add(HostType.of(h.id(), capacity(h, p), c.getAsDouble()));
            }
        }
        // under Ceph every object's copies (or chunks) need that many hosts
        int minHosts = p.storageMode() == StorageMode.CEPH ? Math.max(p.minHosts(), CephCapacity.protectionWidth(p.ceph())) : p.minHosts();
        FleetProblem fp = new FleetProblem(DIMENSIONS, ws, types, stock, p.failuresTolerated(), minHosts,
                p.storageMode() == StorageMode.CEPH ? Map.of("ceph", 1) : Map.of());
        for (Chassis c : chassis) {
            fp = fp.withChassis(c, available.get(c.id()));
        }
        return fp;
    }

    /** What one instance takes: the sizing engine's demand, its bandwidth in Mbit/s, and its disk in GB under Ceph. */
    static double[] demand(Workload w, Policy p, double bandwidthMbps) {
        double[] d = CapacityModel.demand(w, p);
        double[] out = new double[DIMENSIONS.size()];
        out[0] = d[Dimension.CPU.ordinal()];
        out[1] = d[Dimension.MEMORY.ordinal()];
        out[2] = d[Dimension.DISK.ordinal()];
        out[3] = d[Dimension.GPU.ordinal()];
        out[NETWORK] = bandwidthMbps;
        out[CEPH] = p.storageMode() == StorageMode.CEPH ? w.diskGib() / CapacityModel.GIB_PER_GB : 0;
        return out;
    }

    /**
     * What one host offers: the sizing engine's capacity (as host 1 of the site: with the Ceph monitor's memory, on the
     * safe side), its network in Mbit/s less Ceph's share of the ports ({@code NicCapacity.instanceMbps}), and under Ceph raw GB x nearfull / overhead (its share of the usable pool).
     */
    static double[] capacity(Hardware h, Policy p) {
        double[] c = CapacityModel.capacity(h, p, 0);
        double[] out = new double[DIMENSIONS.size()];
        out[0] = c[Dimension.CPU.ordinal()];
        out[1] = c[Dimension.MEMORY.ordinal()];
        out[2] = c[Dimension.DISK.ordinal()];
        out[3] = c[Dimension.GPU.ordinal()];
        out[NETWORK] = c[Dimension.NETWORK.ordinal()];
        out[CEPH] = p.storageMode() == StorageMode.CEPH
                ? CephCapacity.hostRawBytes(h) / CephCapacity.BYTES_PER_GB * p.ceph().nearfullRatio() / CephCapacity.overhead(p.ceph())
                : Double.POSITIVE_INFINITY;
        return out;
    }
}
