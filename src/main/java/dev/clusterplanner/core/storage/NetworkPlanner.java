package dev.clusterplanner.core.storage;

import dev.clusterplanner.core.capacity.NicCapacity;
import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.clusterplanner.core.storage.Figures.hours;
import static dev.clusterplanner.core.storage.Figures.n;
import static dev.clusterplanner.core.storage.Figures.n3;

/**
 * The network a plan needs: steady replication traffic on the Ceph cluster network, the port speed that
 * carries it with room for recovery, and recovery times after a disk or a host is lost. Pure functions.
 */
public final class NetworkPlanner {

    public static final String RULE_NIC_SATURATED = "network.nic-saturated";
    public static final String RULE_NIC_BELOW_REQUIRED = "network.nic-below-required";
    public static final String RULE_NIC_UNKNOWN = "network.nic-unknown";
    public static final String RULE_SHARED_PORT = "network.shared-port";
    public static final String RULE_CEPH_SHARE = "network.ceph-share-exceeded";

    /** Ceph's documented minimum for its networks, in Gb/s. */
    public static final double CEPH_MIN_GBPS = 10;
    /** Steady traffic may use at most this share of a port, leaving the rest for recovery and bursts ({@link NicCapacity#SHARED_PORT_CEPH_SHARE}). */
    public static final double STEADY_MAX_SHARE = NicCapacity.SHARED_PORT_CEPH_SHARE;
    /** Port speeds sold, in Gb/s; the required speed is rounded up to one of these. */
    public static final double[] STANDARD_GBPS = {1, 2.5, 5, 10, 25, 40, 50, 100, 200, 400};

    public static final String CITE_SEPARATE = "Ceph docs, https://docs.ceph.com/en/latest/rados/configuration/network-config-ref/ : a separate cluster network carries"
            + " replication, recovery and heartbeats";

    private NetworkPlanner() {
    }

    /** The smallest standard port speed of at least {@code gbps}. */
    public static double standardSpeedAtLeast(double gbps) {
        for (double s : STANDARD_GBPS) {
            if (s >= gbps - 1e-9) {
                return s;
            }
        }
        return Math.ceil(gbps / 100) * 100;
    }

    /** Network bytes each client byte causes on the cluster network: size-1 copies, or (k+m-1)/k chunks. */
    public static double replicationFactor(CephLayout layout) {
        return layout.isErasureCoded() ? (double) (layout.k() + layout.m() - 1) / layout.k() : layout.size() - 1;
    }

    /** The network for {@code count} hosts of {@code hw}. */
    public static NetworkAnalysis analyse(Site site, Hardware hw, int count, StorageAnalysis storage) {
        return analyse(site, Collections.nCopies(count, hw), storage);
    }

    /**
     * The network for the given hosts (one entry per host). With mixed hardware the slowest port and the slowest
     * disk set the recovery times, and the host that holds most data is the one lost.
     */
    public static NetworkAnalysis analyse(Site site, List<Hardware> hosts, StorageAnalysis storage) {
        List<Explanation> ex = new ArrayList<>();
        List<Finding> fs = new ArrayList<>();
        boolean ceph = storage.isCeph();
        CephLayout layout = storage.layout();
        double writeMBps = 0;
        double clientMbit = 0;
        boolean bandwidth = false;
        for (Workload w : site.workloads()) {
            bandwidth |= w.count() > 0 && w.bandwidthMbps() > 0;
            writeMBps += w.count() * w.writeMbps();
            clientMbit += w.count() * w.netMbps();
        }
        int n = Math.max(1, hosts.size());
        double nic = Double.MAX_VALUE;
        int ports = Integer.MAX_VALUE;
        for (Hardware h : hosts) {
            nic = Math.min(nic, h.nicGbps());
            ports = Math.min(ports, h.nicPorts());
        }
        if (hosts.isEmpty()) {
            nic = 0;
            ports = 0;
        }
        double factor = ceph ? replicationFactor(layout) : 0;
        double replication = writeMBps * factor * 8 / 1000 / n;
        double clientGbps = clientMbit / 1000 / n;
        double cephClientGbps = ceph ? writeMBps * 8 / 1000 / n : 0;
        boolean separate = NicCapacity.separateClusterNetwork(ports);
        double portLoad = separate && ceph ? replication : replication + clientGbps + cephClientGbps;

        if (ceph) {
            ex.add(new Explanation("replicationGbps", replication, "Gb/s",
                    "client writes " + n(writeMBps) + " MB/s x " + (layout.isErasureCoded()
                            ? "(k+m-1)/k = (" + layout.k() + "+" + layout.m() + "-1)/" + layout.k()
                            : "(size-1) = " + (layout.size() - 1)) + " x 8 / 1000 / " + n + " hosts = " + n3(replication)
                            + " Gb/s sent by each host on the cluster network", CITE_SEPARATE));
        }
        ex.add(new Explanation("portLoadGbps", portLoad, "Gb/s", separate && ceph
                ? "cluster-network port: replication " + n3(replication) + " Gb/s (client traffic on the other port)"
                : "one port for everything: replication " + n3(replication) + " + client " + n3(clientGbps)
                + (ceph ? " + writes into Ceph " + n3(cephClientGbps) : "") + " = " + n3(portLoad) + " Gb/s per host",
                "the plan's workloads (writeMbps, netMbps)"));
        double fromLoad = standardSpeedAtLeast(Math.max(portLoad / STEADY_MAX_SHARE, 1));
        double required = ceph ? Math.max(CEPH_MIN_GBPS, fromLoad) : fromLoad;
        ex.add(new Explanation("nicGbpsRequired", required, "Gb/s",
                "steady " + n3(portLoad) + " Gb/s / " + n(STEADY_MAX_SHARE) + " (half the port kept for recovery) rounds up to "
                        + n(fromLoad) + " Gb/s" + (ceph ? "; Ceph asks at least " + n(CEPH_MIN_GBPS) + " Gb/s, so " + n(required) + " Gb/s" : ""),
                ceph ? Recovery.CITE_NETWORK : "the plan's workloads"));

        double diskMBps = (storage.diskType() == null ? DiskType.HDD : storage.diskType()).typicalMBps();
        double diskHours = Double.NaN;
        double hostHours = Double.NaN;
        double hostHoursFull = Double.NaN;
        String window = ceph ? "unknown" : "no Ceph: a lost disk or host is restored from backup";
        if (nic <= 0) {
            for (Hardware h : StoragePlanner.distinct(hosts)) {
                if (h.nicGbps() <= 0) {
                    fs.add(Finding.info(RULE_NIC_UNKNOWN, h.id() + " has no NIC speed in the catalog: network checks and"
                            + " recovery times are skipped", StoragePlanner.source(h)));
                }
            }
            if (ceph) {
                window = "unknown (NIC speed missing)";
            }
        } else {
            double cephGbps = separate ? replication : replication + cephClientGbps;
            double shareGbps = NicCapacity.cephShareMbps(ports, nic, ceph) / NicCapacity.MBIT_PER_GBIT;
            if (ceph && bandwidth && cephGbps > shareGbps + 1e-9) {
                fs.add(Finding.warning(RULE_CEPH_SHARE, "each host sends " + n3(cephGbps) + " Gb/s of Ceph traffic steady, more than the "
                        + n(shareGbps) + " Gb/s " + (separate ? "cluster-network port" : "half of the shared port")
                        + " kept for Ceph when the instances' bandwidth was sized; give Ceph a faster or separate port", CITE_SEPARATE));
            }
            if (portLoad > nic * Recovery.NETWORK_EFFICIENCY) {
                fs.add(Finding.error(RULE_NIC_SATURATED, "each host sends " + n3(portLoad) + " Gb/s steady, more than a "
                        + n(nic) + " Gb/s port carries (x efficiency " + n(Recovery.NETWORK_EFFICIENCY) + "); use at least "
                        + n(required) + " Gb/s", ceph ? Recovery.CITE_NETWORK : ""));
            }
            if (ceph && storage.osds() > 0 && storage.rawBytes() > 0) {
                int width = StoragePlanner.width(layout);
                double amp = layout.isErasureCoded() ? layout.k() : 1;
                double hostFraction = storage.largestHostBytes() / storage.rawBytes();
                double hostShare = storage.storedRawBytes() * hostFraction;
                double hostShareFull = storage.usableBytes() * storage.rawOverhead() * hostFraction;
                double diskShare = storage.storedRawBytes() * storage.largestDiskBytes() / storage.rawBytes();
                int survivorOsds = storage.osds() - storage.largestHostOsds();
                Recovery hostLoss;
                Recovery hostLossFull;
                String hostHow;
                if (storage.healsAfterHostLoss()) {
                    hostLoss = Recovery.estimate(hostShare, n - 1, survivorOsds, amp, nic, diskMBps);
                    hostLossFull = Recovery.estimate(hostShareFull, n - 1, survivorOsds, amp, nic, diskMBps);
                    hostHow = "the lost host's data is re-created on the " + (n - 1) + " survivors: ";
                } else {
                    hostLoss = Recovery.estimate(hostShare, 1, storage.largestHostOsds(), amp, nic, diskMBps);
                    hostLossFull = Recovery.estimate(hostShareFull, 1, storage.largestHostOsds(), amp, nic, diskMBps);
                    hostHow = "the survivors cannot take the lost host's copies (" + n + " hosts for " + width
                            + " copies/chunks): the pool stays degraded until the host returns or a replacement is"
                            + " backfilled through its own port: ";
                }
                Recovery diskLoss;
                String diskHow;
                if (n > width) {
                    diskLoss = Recovery.estimate(diskShare, n - 1, storage.osds() - 1, amp, nic, diskMBps);
                    diskHow = "the lost disk's data is re-created across the cluster's other OSDs: ";
                } else if (storage.minOsdsPerHost() >= 2) {
                    diskLoss = Recovery.estimate(diskShare, 1, storage.minOsdsPerHost() - 1, amp, nic, diskMBps);
                    diskHow = "only the same host's other OSD(s) may take the lost disk's copies"
                            + " (every other host already holds one): ";
                } else {
                    diskLoss = Recovery.estimate(diskShare, 1, 1, amp, nic, diskMBps);
                    diskHow = "one OSD per host and no spare host: the data waits for a replacement disk, then backfills onto it: ";
                }
                diskHours = diskLoss.hours();
                hostHours = hostLoss.hours();
                hostHoursFull = hostLossFull.hours();
                String basis = (hosts.size() > 1 && StoragePlanner.distinct(hosts).size() > 1
                        ? " (mixed hosts: the slowest port " + n(nic) + " Gb/s and disk " + n(diskMBps) + " MB/s count)" : "");
                ex.add(new Explanation("recoveryHoursDiskLoss", diskHours, "h", diskHow + diskLoss.formula(nic, diskMBps) + basis,
                        Recovery.CITE_NETWORK + "; " + Recovery.CITE_THROTTLE));
                ex.add(new Explanation("recoveryHoursHostLoss", hostHours, "h", hostHow + hostLoss.formula(nic, diskMBps)
                        + "; filled to the usable capacity: " + hours(hostHoursFull) + basis,
                        Recovery.CITE_NETWORK + "; " + Recovery.CITE_THROTTLE));
                window = riskWindow(layout, storage.healsAfterHostLoss(), hostHours);
                ex.add(new Explanation("riskWindowHours", hostHours, "h", window, StoragePlanner.CITE_POOL));
            }
            for (Hardware h : StoragePlanner.distinct(hosts)) {
                if (h.nicGbps() > 0 && h.nicGbps() < required) {
                    String recovery = Double.isNaN(hostHours) ? "" : ": allowed, but recovery after losing a host takes "
                            + hours(hostHours) + " with the planned data (" + hours(hostHoursFull) + " once filled to the usable capacity)";
                    fs.add(Finding.warning(RULE_NIC_BELOW_REQUIRED, h.id() + " has " + n(h.nicGbps()) + " Gb/s ports, below the "
                            + n(required) + " Gb/s this plan needs" + (ceph ? " (Ceph's docs ask at least 10 Gb/s)" : "") + recovery,
                            ceph ? Recovery.CITE_NETWORK : ""));
                }
            }
        }
        if (ceph) {
            for (Hardware h : StoragePlanner.distinct(hosts)) {
                if (h.nicPorts() == 1) {
                    fs.add(Finding.info(RULE_SHARED_PORT, h.id() + " has one network port: Ceph replication, recovery and client"
                            + " traffic share it; a second port for a separate cluster network is recommended", CITE_SEPARATE));
                }
            }
        }
        return new NetworkAnalysis(writeMBps, replication, portLoad, nic, ports, required,
                diskHours, hostHours, hostHoursFull, window, ex, fs);
    }

    /** What a second failure during the recovery after the first does. */
    static String riskWindow(CephLayout layout, boolean heals, double hostHours) {
        String span = heals ? "for the " + hours(hostHours) + " of recovery"
                : "until the host returns or its replacement is backfilled (" + hours(hostHours) + " after it is installed)";
        if (layout.isErasureCoded()) {
            int m = layout.m();
            if (m <= 1) {
                return span + ", a second failure loses data (EC m=1)";
            }
            return span + ", a second failure leaves " + (m - 2) + " spare chunk(s)" + (m == 2 ? ": no data is lost, but"
                    + " I/O to the affected placement groups pauses below min_size k+1" : ": no data is lost");
        }
        int left = layout.size() - 2;
        if (left <= 0) {
            return span + ", a second failure loses data (size " + layout.size() + ")";
        }
        return span + ", a second failure leaves " + left + " cop" + (left == 1 ? "y" : "ies") + ": no data is lost"
                + (left < layout.minSize() ? ", but writes to the affected placement groups stop below min_size " + layout.minSize() : "")
                + "; a third failure loses data";
    }
}
