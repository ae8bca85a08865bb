package dev.clusterplanner.core.storage;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.model.Workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.clusterplanner.core.storage.Figures.BYTES_PER_GB;
import static dev.clusterplanner.core.storage.Figures.BYTES_PER_GIB;
import static dev.clusterplanner.core.storage.Figures.BYTES_PER_TB;
import static dev.clusterplanner.core.storage.Figures.BYTES_PER_TIB;
import static dev.clusterplanner.core.storage.Figures.n;

/**
 * Capacity of a site's storage for a scenario's hosts: local disks (a mirror or a single disk per host) or Ceph
 * (replicated or erasure-coded, one OSD per data disk), and the failure-domain rules that become findings.
 * Pure functions; docs/user/storage-network-power.md documents every formula.
 */
public final class StoragePlanner {

    /** Findings raised here, by stable rule id. */
    public static final String RULE_REPLICAS_EXCEED_HOSTS = "ceph.replicas-exceed-hosts";
    public static final String RULE_EC_TOO_FEW_HOSTS = "ceph.ec-too-few-hosts";
    public static final String RULE_CANNOT_HEAL = "ceph.cannot-heal-after-host-loss";
    public static final String RULE_EC_M1 = "ceph.ec-m1-discouraged";
    public static final String RULE_SIZE_BELOW_3 = "ceph.size-below-3";
    public static final String RULE_MIN_SIZE_1 = "ceph.min-size-1";
    public static final String RULE_NO_DATA_DISKS = "storage.no-data-disks";
    public static final String RULE_SINGLE_DISK = "storage.local-single-disk";
    public static final String RULE_OVER_CAPACITY = "storage.over-usable-capacity";
    public static final String RULE_NEARFULL_AFTER_GROWTH = "storage.nearfull-after-growth";
    public static final String RULE_EBS = "storage.ebs";

    public static final String CITE_POOL = "Ceph docs, https://docs.ceph.com/en/latest/rados/configuration/pool-pg-config-ref/ : osd_pool_default_size 3, osd_pool_default_min_size 2";
    public static final String CITE_FULL = "Ceph docs, https://docs.ceph.com/en/latest/rados/configuration/mon-config-ref/ : mon_osd_nearfull_ratio 0.85, backfillfull 0.90, full 0.95";
    public static final String CITE_EC = "Ceph docs, https://docs.ceph.com/en/latest/rados/operations/erasure-code/ : raw overhead (k+m)/k; one chunk per failure domain, so k+m hosts at least (k+m+1 to heal); m=1 discouraged";
    public static final String CITE_RESERVE = "this planner's reserve rule (Ceph publishes none): usable = (raw - largest host) / size, so the data of a lost host can be"
            + " re-replicated on the others below the full ratios of https://docs.ceph.com/en/latest/rados/configuration/mon-config-ref/";
    public static final String CITE_CRUSH = "Ceph docs, https://docs.ceph.com/en/latest/rados/operations/crush-map/ : the default rule places each copy on a different host";

    private StoragePlanner() {
    }

    /** Storage for {@code count} hosts of {@code hw}, with growth counted over {@code years}. */
    public static StorageAnalysis analyse(Site site, Hardware hw, int count, int years) {
        return analyse(site, Collections.nCopies(count, hw), years);
    }

    /** Storage for the given hosts (one entry per host, in host order), with growth counted over {@code years}. */
    public static StorageAnalysis analyse(Site site, List<Hardware> hosts, int years) {
        StorageMode mode = site.policy().storageMode();
        CephLayout layout = site.policy().ceph();
        double stored = storedBytes(site.workloads(), 0);
        double storedAtHorizon = storedBytes(site.workloads(), years);
        if (!hosts.isEmpty() && hosts.stream().allMatch(StoragePlanner::onEbs)) {
            return ebs(site, hosts, mode, layout, stored, storedAtHorizon);
        }
        return mode == StorageMode.CEPH
                ? ceph(site, hosts, years, layout, stored, storedAtHorizon)
                : local(site, hosts, years, layout, stored, storedAtHorizon);
    }

    /** Sum of count x diskGib over the workloads, with each count grown by growthPctYear for {@code year} years. */
    public static double storedBytes(List<Workload> workloads, int year) {
        double gib = 0;
        for (Workload w : workloads) {
            gib += w.count() * Math.pow(1 + w.growthPctYear() / 100.0, year) * w.diskGib();
        }
        return gib * BYTES_PER_GIB;
    }

    /** A cloud instance with no local disks in the catalog: its disks are EBS volumes attached on demand. */
    public static boolean onEbs(Hardware h) {
        return CephCapacity.onEbs(h);
    }

    /**
     * Storage of cloud hosts without local disks: EBS gp3 volumes sized to the data, as the cost model buys them (local:
     * the instance disks; Ceph: one volume per host, one OSD on it, raw = data x overhead / nearfull). The volumes grow
     * with the data (EBS volumes can be enlarged online), so usable is the data at the horizon, and an EBS volume outlives
     * its instance (a replacement re-attaches it), so no host reserve is kept. Stated as an info finding.
     */
    private static StorageAnalysis ebs(Site site, List<Hardware> hosts, StorageMode mode, CephLayout layout,
                                       double stored, double storedAtHorizon) {
        List<Explanation> ex = new ArrayList<>();
        List<Finding> fs = new ArrayList<>();
        int n = hosts.size();
        boolean ceph = mode == StorageMode.CEPH;
        double need = Math.max(stored, storedAtHorizon);
        double overhead = ceph ? CephCapacity.overhead(layout) : 1.0;
        double raw = ceph ? CephCapacity.rawNeededBytes(need, layout) : need;
        double perHost = raw / n;
        double prot = raw / overhead;
        String desc = (ceph ? "Ceph " + layout.describe() + ", one OSD per host on " : "") + n + " EBS gp3 volume" + (n == 1 ? "" : "s")
                + " of " + n(perHost / BYTES_PER_GB) + " GB (sized to the data)";
        ex.add(new Explanation("rawTiB", raw / BYTES_PER_TIB, "TiB", ceph
                ? "EBS sized to the data: " + n(need / BYTES_PER_GIB) + " GiB x " + n(overhead) + " (" + layout.describe()
                + ") / nearfull " + n(layout.nearfullRatio()) + " = " + n(raw / BYTES_PER_TB) + " TB, one volume per host"
                : "EBS sized to the data: " + n(need / BYTES_PER_GIB) + " GiB of instance disks", "assumption (cost model: EBS gp3 volumes)"));
        ex.add(new Explanation("usableTiB", need / BYTES_PER_TIB, "TiB", "the volumes are sized to the data at the horizon ("
                + n(need / BYTES_PER_GIB) + " GiB) and can be enlarged online", "assumption"));
        ex.add(new Explanation("storedTiB", stored / BYTES_PER_TIB, "TiB",
                "sum of count x diskGib over the workloads = " + n(stored / BYTES_PER_GIB) + " GiB", "the plan's workloads"));
        fs.add(Finding.info(RULE_EBS, hostsText(hosts) + (n == 1 ? " has" : " have") + " no local disks: storage is taken as EBS"
                + " gp3 volumes sized to the data (" + (ceph ? "Ceph " + layout.describe() + ", one OSD per host on " : "") + n
                + " volume" + (n == 1 ? "" : "s") + " of " + n(perHost / BYTES_PER_GB) + " GB), priced by the cost model; an EBS"
                + " volume outlives its instance, so a lost host's volume is re-attached to its replacement rather than re-copied",
                "assumption"));
        if (ceph && n <= width(layout)) {
            fs.add(Finding.warning(RULE_CANNOT_HEAL, "Ceph " + layout.describe() + " on " + n + " hosts: no spare host takes a lost"
                    + " host's copies or chunks, so the pool stays degraded until the host (or its EBS volume) returns", CITE_CRUSH));
        }
        return new StorageAnalysis(mode, layout, desc, n, ceph ? n : 0, ceph ? 1 : 0, perHost, ceph ? 1 : 0, perHost, null,
                overhead, raw, prot, prot, need, stored, storedAtHorizon, ceph && n > width(layout), ex, fs);
    }

    /** (raw - largest host) / overhead: the data the survivors can still hold every copy of after the largest host is lost. */
    public static double safeBytes(double rawBytes, double largestHostBytes, double rawOverhead) {
        return CephCapacity.safeBytes(rawBytes, largestHostBytes, rawOverhead);
    }

    /** Failure domains (hosts) one object's copies or chunks need: {@link CephCapacity#protectionWidth(CephLayout)}. */
    public static int width(CephLayout layout) {
        return CephCapacity.protectionWidth(layout);
    }

    static double hostRawBytes(Hardware h) {
        return CephCapacity.hostRawBytes(h);
    }

    /** "3 x meerkat" or "2 x a + 1 x b". */
    static String hostsText(List<Hardware> hosts) {
        Map<String, Integer> byId = byId(hosts);
        List<String> parts = new ArrayList<>();
        byId.forEach((id, c) -> parts.add(c + " x " + id));
        return String.join(" + ", parts);
    }

    static Map<String, Integer> byId(List<Hardware> hosts) {
        Map<String, Integer> byId = new LinkedHashMap<>();
        for (Hardware h : hosts) {
            byId.merge(h.id(), 1, Integer::sum);
        }
        return byId;
    }

    static List<Hardware> distinct(List<Hardware> hosts) {
        Map<String, Hardware> m = new LinkedHashMap<>();
        for (Hardware h : hosts) {
            m.putIfAbsent(h.id(), h);
        }
        return List.copyOf(m.values());
    }

    /** The slowest disk technology among hosts with data disks (null when none is known). */
    static DiskType slowestDisk(List<Hardware> hosts) {
        DiskType slowest = null;
        for (Hardware h : hosts) {
            if (h.dataDisks() > 0 && h.dataDiskType() != null
                    && (slowest == null || h.dataDiskType().typicalMBps() < slowest.typicalMBps())) {
                slowest = h.dataDiskType();
            }
        }
        return slowest;
    }

    private static StorageAnalysis ceph(Site site, List<Hardware> hosts, int years, CephLayout layout,
                                        double stored, double storedAtHorizon) {
        List<Explanation> ex = new ArrayList<>();
        List<Finding> fs = new ArrayList<>();
        int n = hosts.size();
        double raw = 0;
        double largest = 0;
        int largestOsds = 0;
        double largestDisk = 0;
        int osds = 0;
        int minOsds = Integer.MAX_VALUE;
        for (Hardware h : hosts) {
            double r = hostRawBytes(h);
            raw += r;
            osds += h.dataDisks();
            minOsds = Math.min(minOsds, h.dataDisks());
            largestDisk = Math.max(largestDisk, h.dataDisks() > 0 ? h.dataDiskGb() * BYTES_PER_GB : 0);
            if (r > largest) {
                largest = r;
                largestOsds = h.dataDisks();
            }
        }
        minOsds = n == 0 ? 0 : minOsds;
        double overhead = CephCapacity.overhead(layout);
        double prot = raw / overhead;
        double safe = safeBytes(raw, largest, overhead);
        double usable = CephCapacity.usableBytes(raw, largest, layout);
        int width = width(layout);
        boolean heals = n > width;
        String desc = "Ceph " + layout.describe() + ", " + osds + " OSD" + (osds == 1 ? "" : "s") + " on " + n + " host" + (n == 1 ? "" : "s");

        for (Hardware h : distinct(hosts)) {
            ex.add(new Explanation("osdsPerHost", h.dataDisks(), "OSDs",
                    "one OSD per data disk: " + h.id() + " has " + h.dataDisks() + " x " + n(h.dataDiskGb()) + " GB "
                            + (h.dataDiskType() == null ? "(type unknown)" : h.dataDiskType().id()), source(h)));
        }
        ex.add(new Explanation("rawTiB", raw / BYTES_PER_TIB, "TiB", rawFormula(hosts) + " = " + n(raw / BYTES_PER_TB)
                + " TB = " + n(raw / BYTES_PER_TIB) + " TiB", sources(hosts)));
        String overheadText = layout.isErasureCoded()
                ? "erasure coding " + layout.k() + "+" + layout.m() + ": raw overhead (k+m)/k = (" + layout.k() + "+" + layout.m()
                + ")/" + layout.k() + " = " + n(overhead) + "x"
                : "replicated size " + layout.size() + ": every byte is stored " + layout.size() + " times (overhead " + n(overhead) + "x)";
        ex.add(new Explanation("rawOverhead", overhead, "x", overheadText, layout.isErasureCoded() ? CITE_EC : CITE_POOL));
        ex.add(new Explanation("safeTiB", safe / BYTES_PER_TIB, "TiB",
                "(raw " + n(raw / BYTES_PER_TB) + " TB - largest host " + n(largest / BYTES_PER_TB) + " TB) / "
                        + n(overhead) + " = " + n(safe / BYTES_PER_TB) + " TB = " + n(safe / BYTES_PER_TIB) + " TiB"
                        + (heals ? "; after losing the largest host the survivors can hold every copy again"
                        : "; with only " + n + " hosts for " + width + " copies/chunks the reserve is not used for"
                        + " re-replication after a host loss (the pool stays degraded), but it keeps room for a lost disk's"
                        + " data on its host's other disks"),
                CITE_RESERVE));
        ex.add(new Explanation("usableTiB", usable / BYTES_PER_TIB, "TiB",
                "safe " + n(safe / BYTES_PER_TB) + " TB x nearfull ratio " + n(layout.nearfullRatio()) + " = "
                        + n(usable / BYTES_PER_TB) + " TB = " + n(usable / BYTES_PER_TIB)
                        + " TiB (fill up to this and the survivors of a host loss stay below nearfull)", CITE_FULL));
        ex.add(new Explanation("storedTiB", stored / BYTES_PER_TIB, "TiB",
                "sum of count x diskGib over the workloads = " + n(stored / BYTES_PER_GIB) + " GiB"
                        + " (thin provisioning ignored: every instance disk counted full)", "the plan's workloads"));

        for (Hardware h : distinct(hosts)) {
            if (h.dataDisks() == 0) {
                fs.add(Finding.error(RULE_NO_DATA_DISKS, h.id() + " has no data disks, so Ceph has no OSDs on it;"
                        + " choose hardware with data disks or local storage", source(h)));
            }
        }
        if (layout.isErasureCoded()) {
            int k = layout.k();
            int m = layout.m();
            if (n < k + m) {
                fs.add(Finding.error(RULE_EC_TOO_FEW_HOSTS, "EC " + k + "+" + m + " puts each of its " + (k + m)
                        + " chunks on a different host, but the scenario has only " + n + " hosts: placement groups stay"
                        + " incomplete; use at least " + (k + m) + " hosts (better " + (k + m + 1) + ") or a smaller profile", CITE_EC));
            } else if (n == k + m) {
                fs.add(Finding.warning(RULE_CANNOT_HEAL, "EC " + k + "+" + m + " on exactly " + n + " hosts cannot heal after"
                        + " a host loss: no spare host takes the lost chunks, so the pool stays degraded until the host returns;"
                        + " Ceph recommends k+m+1 = " + (k + m + 1) + " hosts", CITE_EC));
            }
            if (m == 1) {
                fs.add(Finding.warning(RULE_EC_M1, "EC " + k + "+1 survives only one failure: a second failure during recovery"
                        + " loses data, and Ceph discourages m=1; use m=2 or more", CITE_EC));
            }
        } else {
            int size = layout.size();
            if (n < size) {
                fs.add(Finding.error(RULE_REPLICAS_EXCEED_HOSTS, "size " + size + " needs " + size + " hosts for its copies,"
                        + " but the scenario has " + n + ": placement groups are undersized from the start", CITE_CRUSH));
            } else if (n == size) {
                fs.add(Finding.warning(RULE_CANNOT_HEAL, "a size-" + size + " pool on exactly " + n + " hosts cannot heal after"
                        + " a host loss: there is no other host to re-create the lost copy on, so the pool stays degraded"
                        + " with " + (size - 1) + " copies until the host returns or is replaced; a host more lets it heal", CITE_CRUSH));
            }
            if (size <= 2) {
                fs.add(Finding.warning(RULE_SIZE_BELOW_3, "size " + size + " keeps " + size + " cop" + (size == 1 ? "y" : "ies")
                        + ": a failure during recovery loses data; Ceph's default is size 3", CITE_POOL));
            }
            if (layout.minSize() == 1 && size > 1) {
                fs.add(Finding.warning(RULE_MIN_SIZE_1, "min_size 1 accepts writes with a single copy; a failure then loses"
                        + " the newest writes; Ceph's default is min_size 2", CITE_POOL));
            }
        }
        capacityFindings(fs, site, usable, stored, years, desc);
        return new StorageAnalysis(StorageMode.CEPH, layout, desc, n, osds, minOsds, largest, largestOsds, largestDisk,
                slowestDisk(hosts), overhead, raw, prot, safe, usable, stored, storedAtHorizon, heals, ex, fs);
    }

    private static String rawFormula(List<Hardware> hosts) {
        List<String> parts = new ArrayList<>();
        Map<String, Integer> byId = byId(hosts);
        for (Hardware h : distinct(hosts)) {
            parts.add(byId.get(h.id()) + " host(s) x " + h.dataDisks() + " disk(s) x " + n(h.dataDiskGb()) + " GB");
        }
        return String.join(" + ", parts);
    }

    private static StorageAnalysis local(Site site, List<Hardware> hosts, int years, CephLayout layout,
                                         double stored, double storedAtHorizon) {
        List<Explanation> ex = new ArrayList<>();
        List<Finding> fs = new ArrayList<>();
        double raw = 0;
        double prot = 0;
        double largest = 0;
        double largestDisk = 0;
        int largestOsds = 0;
        int osds = 0;
        int minOsds = Integer.MAX_VALUE;
        Map<String, Integer> byId = byId(hosts);
        List<String> descs = new ArrayList<>();
        List<String> hows = new ArrayList<>();
        for (Hardware h : distinct(hosts)) {
            int c = byId.get(h.id());
            int disks = h.dataDisks();
            double hostRaw;
            double hostProtected;
            if (disks >= 2) {
                int pairs = disks / 2;
                hostRaw = disks * h.dataDiskGb() * BYTES_PER_GB;
                hostProtected = pairs * h.dataDiskGb() * BYTES_PER_GB;
                descs.add("local mirror: " + pairs + " mirrored pair" + (pairs == 1 ? "" : "s") + " of " + n(h.dataDiskGb())
                        + " GB per host" + (disks % 2 == 1 ? " (one disk left as a spare)" : "") + prefixFor(byId, h));
                hows.add(h.id() + ": mirror (ZFS or btrfs RAID1) of " + pairs + " pair(s) x " + n(h.dataDiskGb())
                        + " GB; a disk may fail without loss");
            } else if (disks == 1) {
                hostRaw = h.dataDiskGb() * BYTES_PER_GB;
                hostProtected = hostRaw;
                descs.add("local single disk of " + n(h.dataDiskGb()) + " GB per host (no redundancy)" + prefixFor(byId, h));
                hows.add(h.id() + ": single disk of " + n(h.dataDiskGb()) + " GB, no redundancy");
                fs.add(Finding.warning(RULE_SINGLE_DISK, h.id() + " has one data disk: local storage on it has no redundancy, so a"
                        + " disk failure loses the instances on it until restored from backup; add a second disk to mirror", source(h)));
            } else {
                hostRaw = h.osDiskGb() * BYTES_PER_GB;
                hostProtected = hostRaw;
                descs.add("local OS disk of " + h.osDiskGb() + " GB per host (no data disks, no redundancy)" + prefixFor(byId, h));
                hows.add(h.id() + ": no data disks, instances share the " + h.osDiskGb() + " GB OS disk, no redundancy");
                fs.add(Finding.info(RULE_NO_DATA_DISKS, h.id() + " has no data disks: instances live on the OS disk ("
                        + h.osDiskGb() + " GB), without redundancy", source(h)));
            }
            raw += c * hostRaw;
            prot += c * hostProtected;
            osds += c * disks;
            minOsds = Math.min(minOsds, disks);
            if (hostRaw > largest) {
                largest = hostRaw;
                largestOsds = disks;
            }
            largestDisk = Math.max(largestDisk, disks > 0 ? h.dataDiskGb() * BYTES_PER_GB : hostRaw);
        }
        minOsds = hosts.isEmpty() ? 0 : minOsds;
        double overhead = prot > 0 ? raw / prot : 1;
        double usable = prot * layout.nearfullRatio();
        String desc = String.join("; ", descs);
        ex.add(new Explanation("rawTiB", raw / BYTES_PER_TIB, "TiB", hostsText(hosts) + ": " + n(raw / BYTES_PER_TB) + " TB = "
                + n(raw / BYTES_PER_TIB) + " TiB", sources(hosts)));
        ex.add(new Explanation("rawOverhead", overhead, "x", String.join("; ", hows), sources(hosts)));
        ex.add(new Explanation("usableTiB", usable / BYTES_PER_TIB, "TiB",
                n(prot / BYTES_PER_TB) + " TB protected x fill limit " + n(layout.nearfullRatio()) + " = " + n(usable / BYTES_PER_TB)
                        + " TB = " + n(usable / BYTES_PER_TIB) + " TiB (the same headroom as Ceph's nearfull; ZFS and btrfs"
                        + " also slow down when nearly full). Local storage has no host reserve: a lost host's instances are"
                        + " restored from backup", CITE_FULL));
        ex.add(new Explanation("storedTiB", stored / BYTES_PER_TIB, "TiB",
                "sum of count x diskGib over the workloads = " + n(stored / BYTES_PER_GIB) + " GiB", "the plan's workloads"));
        capacityFindings(fs, site, usable, stored, years, desc);
        return new StorageAnalysis(StorageMode.LOCAL, layout, desc, hosts.size(), osds, minOsds, largest, largestOsds, largestDisk,
                slowestDisk(hosts), overhead, raw, prot, prot, usable, stored, storedAtHorizon, false, ex, fs);
    }

    private static String prefixFor(Map<String, Integer> byId, Hardware h) {
        return byId.size() > 1 ? " on " + h.id() : "";
    }

    private static void capacityFindings(List<Finding> fs, Site site, double usable, double stored, int years, String desc) {
        if (stored > usable) {
            fs.add(Finding.error(RULE_OVER_CAPACITY, "the workloads' disks need " + n(stored / BYTES_PER_TIB) + " TiB but "
                    + desc + " gives " + n(usable / BYTES_PER_TIB) + " TiB usable (after the reserve and the nearfull ratio)", CITE_FULL));
            return;
        }
        for (int year = 1; year <= years; year++) {
            double grown = storedBytes(site.workloads(), year);
            if (grown > usable) {
                fs.add(Finding.warning(RULE_NEARFULL_AFTER_GROWTH, "with the workloads' growth, their disks reach "
                        + n(grown / BYTES_PER_TIB) + " TiB in year " + year + ", above the " + n(usable / BYTES_PER_TIB)
                        + " TiB usable (nearfull headroom and host reserve included): plan more disks or hosts before year " + year, CITE_FULL));
                return;
            }
        }
    }

    /** "catalog row id: source (date)", with ", estimate" when the row is one. */
    public static String source(Hardware hw) {
        String s = hw.source() == null || hw.source().isBlank() ? "catalog row " + hw.id() : "catalog row " + hw.id() + ": " + hw.source();
        if (hw.sourceDate() != null) {
            s += " (" + hw.sourceDate() + ")";
        }
        return hw.estimate() ? s + ", estimate" : s;
    }

    static String sources(List<Hardware> hosts) {
        return String.join("; ", distinct(hosts).stream().map(StoragePlanner::source).toList());
    }
}
