package dev.clusterplanner.core.capacity;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.StorageMode;

/**
 * What a host's network ports offer the instances on it, in one place (docs/user/sizing.md; decision 0280):
 * <ul>
 *   <li>ports: nic_ports x nic_gbps x 1000 Mbit/s;</li>
 *   <li>Ceph's share ({@link #cephShareMbps}): under Ceph storage, with two or more ports one whole port is the Ceph
 *       cluster network (replication, recovery, heartbeats), so the instances have the others; with one port Ceph
 *       shares it, and half of it ({@link #SHARED_PORT_CEPH_SHARE}) is kept for Ceph's replication and recovery;
 *       nothing under local storage;</li>
 *   <li>what instances may use: ports - Ceph's share ({@link #instanceMbps}).</li>
 * </ul>
 * The share is fixed per host by this rule, not the replication traffic of a given host count (which falls as hosts are
 * added): the network analysis ({@code core.storage.NetworkPlanner}) checks that the planned cluster's replication fits
 * in it.
 */
public final class NicCapacity {

    /** With one port shared by Ceph and the instances, the share of it kept for Ceph: the network analysis' rule that steady traffic uses at most half a port. */
    public static final double SHARED_PORT_CEPH_SHARE = 0.5;

    /** Mbit/s per Gbit/s. */
    public static final double MBIT_PER_GBIT = 1000;

    private NicCapacity() {
    }

    /** Whether Ceph gets a port of its own (a separate cluster network): two or more ports. */
    public static boolean separateClusterNetwork(int nicPorts) {
        return nicPorts >= 2;
    }

    /** All ports of a host in Mbit/s: nic_ports x nic_gbps x 1000 (0 when either is unknown). */
    public static double portsMbps(Hardware h) {
        return Math.max(0, h.nicPorts()) * Math.max(0, h.nicGbps()) * MBIT_PER_GBIT;
    }

    /**
     * Mbit/s of a host's ports kept for Ceph: 0 without Ceph; one port (nic_gbps x 1000) with two or more ports; half the
     * port (0.5 x nic_gbps x 1000) with one.
     */
    public static double cephShareMbps(Hardware h, Policy p) {
        return cephShareMbps(h.nicPorts(), h.nicGbps(), p.storageMode() == StorageMode.CEPH);
    }

    /** {@link #cephShareMbps(Hardware, Policy)} for {@code ports} ports of {@code gbps} each, with or without Ceph. */
    public static double cephShareMbps(int ports, double gbps, boolean ceph) {
        if (!ceph || ports < 1) {
            return 0;
        }
        double port = Math.max(0, gbps) * MBIT_PER_GBIT;
        return separateClusterNetwork(ports) ? port : SHARED_PORT_CEPH_SHARE * port;
    }

    /** Mbit/s the instances of a host may send and receive: {@link #portsMbps} - {@link #cephShareMbps}. */
    public static double instanceMbps(Hardware h, Policy p) {
        return Math.max(0, portsMbps(h) - cephShareMbps(h, p));
    }

    /** The formula of {@link #instanceMbps} with the host's numbers, e.g. "2 x 10 Gbit/s x 1000 - Ceph cluster port 10000 = 10000". */
    public static String formula(Hardware h, Policy p) {
        double share = cephShareMbps(h, p);
        String ports = Math.max(0, h.nicPorts()) + " x " + Figures.num(h.nicGbps()) + " Gbit/s x 1000";
        if (share <= 0) {
            return ports + " = " + Figures.num(instanceMbps(h, p));
        }
        return ports + " - " + (separateClusterNetwork(h.nicPorts()) ? "one port for the Ceph cluster network " : "half the shared port for Ceph ")
                + Figures.num(share) + " = " + Figures.num(instanceMbps(h, p));
    }

    /** Number formatting of the formulas (whole numbers without decimals). */
    private static final class Figures {
        static String num(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return String.valueOf((long) v);
            }
            return java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
    }
}
