package dev.clusterplanner.core.storage;

/**
 * How long Ceph takes to re-create lost copies: the slowest of three bounds, each in hours.
 * <ul>
 *   <li>network: amplification x bytes x 8 / (receiving hosts x NIC Gb/s x efficiency)</li>
 *   <li>disks: bytes / (target OSDs x disk MB/s)</li>
 *   <li>backfill throttle: bytes / (target OSDs x osd_max_backfills x disk MB/s x recovery share)</li>
 * </ul>
 * The efficiency factor {@link #NETWORK_EFFICIENCY} is chosen so that the model reproduces the reference points
 * of Ceph's hardware recommendations: 1 TB in about 3 h at 1 Gb/s and about 20 min at 10 Gb/s.
 *
 * @param hours         the estimate: the largest of the three bounds
 * @param binding       which bound sets it: "network", "disks" or "backfill throttle"
 */
public record Recovery(double hours, String binding, double networkHours, double diskHours, double throttleHours,
                       double bytes, int receivingHosts, int targetOsds, double amplification) {

    /**
     * Fraction of a link's line rate that recovery achieves. Ceph's figures imply 8,000 Gb / 3 h = 0.74 at
     * 1 Gb/s and 8,000 Gb / 20 min = 0.67 at 10 Gb/s; 0.7 reproduces both within 6 %.
     */
    public static final double NETWORK_EFFICIENCY = 0.7;
    /** Ceph default osd_max_backfills (also the mClock default). */
    public static final int MAX_BACKFILLS = 1;
    /** Share of an OSD's capacity reserved for background recovery by the default mClock profile "balanced". */
    public static final double RECOVERY_SHARE = 0.5;

    public static final String CITE_NETWORK = "Ceph docs, https://docs.ceph.com/en/latest/start/hardware-recommendations/ : at least 10 Gb/s; replicating 1 TB takes about"
            + " 3 h at 1 Gb/s and about 20 min at 10 Gb/s";
    public static final String CITE_THROTTLE = "Ceph docs, https://docs.ceph.com/en/latest/rados/configuration/mclock-config-ref/ : osd_max_backfills 1; profile balanced"
            + " (default) reserves 50 % of an OSD for background recovery";

    /** Hours to move {@code bytes} over one link of {@code gbps}, at {@link #NETWORK_EFFICIENCY}. */
    public static double transferHours(double bytes, double gbps) {
        return bytes * 8 / (gbps * 1e9 * NETWORK_EFFICIENCY) / 3600.0;
    }

    /**
     * @param bytes          raw bytes to re-create
     * @param receivingHosts hosts whose NICs receive the recovered data, in parallel
     * @param targetOsds     OSDs that write it, in parallel
     * @param amplification  network bytes per recovered byte: 1 for a copy, k for an erasure-coded chunk (k chunks are read)
     * @param nicGbps        speed of each receiving host's cluster-network port
     * @param diskMBps       sustained write rate of one OSD's disk
     */
    public static Recovery estimate(double bytes, int receivingHosts, int targetOsds, double amplification,
                                    double nicGbps, double diskMBps) {
        int hosts = Math.max(1, receivingHosts);
        int osds = Math.max(1, targetOsds);
        double net = amplification * bytes * 8 / (hosts * nicGbps * 1e9 * NETWORK_EFFICIENCY) / 3600.0;
        double disk = bytes / (osds * diskMBps * 1e6) / 3600.0;
        double throttle = bytes / (osds * MAX_BACKFILLS * diskMBps * 1e6 * RECOVERY_SHARE) / 3600.0;
        double h = Math.max(net, Math.max(disk, throttle));
        String binding = h == net ? "network" : h == throttle ? "backfill throttle" : "disks";
        return new Recovery(h, binding, net, disk, throttle, bytes, hosts, osds, amplification);
    }

    /** The formula with its numbers, for an explanation. */
    public String formula(double nicGbps, double diskMBps) {
        String amp = amplification == 1 ? "" : Figures.n(amplification) + " x ";
        return Figures.n(bytes / Figures.BYTES_PER_TB) + " TB to re-create; network " + amp + Figures.n(bytes / Figures.BYTES_PER_TB)
                + " TB x 8 / (" + receivingHosts + " receiving host(s) x " + Figures.n(nicGbps) + " Gb/s x efficiency "
                + Figures.n(NETWORK_EFFICIENCY) + ") = " + Figures.hours(networkHours)
                + "; disks " + targetOsds + " OSD(s) x " + Figures.n(diskMBps) + " MB/s = " + Figures.hours(diskHours)
                + "; backfill throttle " + targetOsds + " OSD(s) x osd_max_backfills " + MAX_BACKFILLS + " x " + Figures.n(diskMBps)
                + " MB/s x recovery share " + Figures.n(RECOVERY_SHARE) + " = " + Figures.hours(throttleHours)
                + "; the " + binding + " bound" + (binding.equals("disks") ? "" : "") + " sets it: " + Figures.hours(hours);
    }
}
