package dev.clusterplanner.core.validation;

import dev.clusterplanner.core.live.CephCluster;
import dev.clusterplanner.core.live.CephPool;
import dev.clusterplanner.core.live.HostNames;
import dev.clusterplanner.core.live.IncusUnits;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LivePool;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.model.Finding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Incus snapshot and the Ceph cluster side by side: which Incus storage pools keep their data in Ceph (and in
 * which Ceph pool), which instances have their root disk there, and which Incus member each OSD host is.
 *
 * @param pools             every Ceph-backed Incus pool ({@code ceph} and {@code cephfs} drivers)
 * @param hosts             every Ceph OSD host with the Incus member it matched (member "" when none did)
 * @param membersWithoutOsds Incus members no OSD host matched
 * @param findings          pools Ceph does not have, hosts that do not match, root disks promised beyond the pool
 */
public record CephStorageMapping(List<MappedPool> pools, List<HostMatch> hosts, List<String> membersWithoutOsds, List<Finding> findings) {

    public static final String RULE_POOL_NOT_IN_CEPH = "live.ceph-pool-not-found";
    public static final String RULE_CEPHFS_POOLS = "live.cephfs-pools-unknown";
    public static final String RULE_HOST_UNMATCHED = "live.ceph-host-unmatched";
    public static final String RULE_NO_HOST_MATCHES = "live.ceph-hosts-not-members";
    public static final String RULE_MEMBER_WITHOUT_OSDS = "live.member-without-osds";
    public static final String RULE_ROOT_DISKS_ABOVE_POOL = "live.ceph-root-disks-above-pool";
    static final String CITE_INCUS_CEPH = "Incus docs, Ceph RBD / CephFS storage drivers (ceph.osd.pool_name, ceph.cluster_name, source)";

    public CephStorageMapping {
        pools = List.copyOf(pools);
        hosts = List.copyOf(hosts);
        membersWithoutOsds = List.copyOf(membersWithoutOsds);
        findings = List.copyOf(findings);
    }

    /**
     * One Ceph-backed Incus pool.
     *
     * @param cephCluster   {@code ceph.cluster_name} (cephfs: {@code cephfs.cluster_name}), "ceph" when not set (Incus's default)
     * @param cephPools     the Ceph pools its data is in: {@code ceph.osd.pool_name}, else {@code source}, else the Incus
     *                      pool's own name (Incus's default); for cephfs its {@code cephfs.data_pool}/{@code cephfs.meta_pool}
     *                      when set, else empty (the filesystem's pools are not known from Incus)
     * @param found         per Ceph pool in {@code cephPools}: whether the Ceph cluster read has it; empty when Ceph was not read
     * @param instances     instances with their root disk on this Incus pool ("project/name" outside the default project)
     * @param rootDiskBytes sum of those root disks' sizes (disks without a size count 0)
     * @param storedBytes   bytes stored in the Ceph pools (sum), null when Ceph was not read or has none of them
     * @param maxAvailBytes what the Ceph pools can still take (the smallest max_avail), null when not known
     */
    public record MappedPool(String incusPool, String driver, String cephCluster, List<String> cephPools, List<Boolean> found,
                             List<String> instances, long rootDiskBytes, Long storedBytes, Long maxAvailBytes) {
        public MappedPool {
            cephPools = List.copyOf(cephPools);
            found = List.copyOf(found);
            instances = List.copyOf(instances);
        }
    }

    /** A Ceph OSD host and the Incus member it is ("" when none), with how the names matched ("" when not). */
    public record HostMatch(String cephHost, String member, String how) {
        public boolean matched() {
            return !member.isEmpty();
        }
    }

    public Optional<MappedPool> pool(String incusPool) {
        return pools.stream().filter(p -> p.incusPool().equals(incusPool)).findFirst();
    }

    /** The Incus member a Ceph host is, if one matched. */
    public Optional<String> memberOf(String cephHost) {
        return hosts.stream().filter(h -> h.cephHost().equals(cephHost) && h.matched()).map(HostMatch::member).findFirst();
    }

    /** Maps the snapshot onto the Ceph cluster; {@code ceph} null means Ceph was not read (pools are listed, nothing is checked). */
    public static CephStorageMapping of(LiveSnapshot snapshot, CephCluster ceph) {
        List<MappedPool> pools = new ArrayList<>();
        List<Finding> fs = new ArrayList<>();
        for (LivePool p : snapshot.pools()) {
            if (!p.cephBacked()) {
                continue;
            }
            pools.add(mapPool(snapshot, ceph, p, fs));
        }
        List<HostMatch> hosts = new ArrayList<>();
        List<String> without = new ArrayList<>();
        if (ceph != null && !ceph.osds().isEmpty()) {
            List<String> members = snapshot.members().stream().map(LiveMember::name).toList();
            Set<String> matchedMembers = new LinkedHashSet<>();
            List<String> unmatched = new ArrayList<>();
            for (String host : ceph.osdsByHost().keySet()) {
                Optional<HostNames.Match> m = HostNames.match(host, members);
                if (m.isPresent()) {
                    hosts.add(new HostMatch(host, m.get().candidate(), m.get().how().label()));
                    matchedMembers.add(m.get().candidate());
                } else {
                    hosts.add(new HostMatch(host, "", ""));
                    unmatched.add(host);
                }
            }
            for (String member : members) {
                if (!matchedMembers.contains(member)) {
                    without.add(member);
                }
            }
            String memberList = members.isEmpty() ? "none" : String.join(", ", members);
            if (!members.isEmpty() && matchedMembers.isEmpty()) {
                fs.add(Finding.warning(RULE_NO_HOST_MATCHES, "no Ceph OSD host (" + String.join(", ", unmatched) + ") is an Incus member ("
                        + memberList + "), compared exactly, ignoring case and by short name: the recovery estimate cannot use the"
                        + " members' NIC speeds, and losing a member is not known to take OSDs with it", CITE_INCUS_CEPH));
            } else if (!unmatched.isEmpty()) {
                fs.add(Finding.info(RULE_HOST_UNMATCHED, "Ceph OSD host(s) " + String.join(", ", unmatched) + " are not Incus members ("
                        + memberList + "): storage-only hosts, or named differently; their NIC speed is not known from Incus",
                        CITE_INCUS_CEPH));
            }
            if (!matchedMembers.isEmpty() && !without.isEmpty()) {
                fs.add(Finding.info(RULE_MEMBER_WITHOUT_OSDS, "Incus member(s) " + String.join(", ", without)
                        + " run no Ceph OSD: they use Ceph's storage without adding to it", CITE_INCUS_CEPH));
            }
        }
        return new CephStorageMapping(pools, hosts, without, fs);
    }

    private static MappedPool mapPool(LiveSnapshot snapshot, CephCluster ceph, LivePool p, List<Finding> fs) {
        Map<String, String> c = p.config();
        boolean rbd = "ceph".equals(p.driver());
        String cluster = nonBlank(c.get(rbd ? "ceph.cluster_name" : "cephfs.cluster_name"), "ceph");
        List<String> cephPools = new ArrayList<>();
        if (rbd) {
            cephPools.add(nonBlank(c.get("ceph.osd.pool_name"), nonBlank(c.get("source"), p.name())));
        } else {
            for (String key : List.of("cephfs.data_pool", "cephfs.meta_pool")) {
                String v = c.get(key);
                if (v != null && !v.isBlank()) {
                    for (String part : v.split(",")) {
                        if (!part.isBlank()) {
                            cephPools.add(part.trim());
                        }
                    }
                }
            }
            if (cephPools.isEmpty()) {
                String fsName = nonBlank(c.get("source"), p.name());
                fs.add(Finding.info(RULE_CEPHFS_POOLS, "Incus pool " + p.name() + " is the CephFS filesystem " + fsName
                        + "; Incus does not say which Ceph pools hold it (no cephfs.data_pool/cephfs.meta_pool), so it is not"
                        + " matched with Ceph's pools", CITE_INCUS_CEPH));
            }
        }
        List<String> instances = new ArrayList<>();
        long disks = 0;
        for (LiveInstance i : snapshot.instances()) {
            if (i.rootPool().equals(p.name())) {
                instances.add(i.project().equals("default") ? i.name() : i.project() + "/" + i.name());
                disks += i.rootDiskBytes() == null ? 0 : i.rootDiskBytes();
            }
        }
        List<Boolean> found = new ArrayList<>();
        Long stored = null;
        Long maxAvail = null;
        if (ceph != null) {
            List<String> missing = new ArrayList<>();
            for (String name : cephPools) {
                CephPool cp = ceph.pool(name);
                found.add(cp != null);
                if (cp == null) {
                    missing.add(name);
                    continue;
                }
                stored = (stored == null ? 0 : stored) + cp.storedBytes();
                maxAvail = maxAvail == null ? cp.maxAvailBytes() : Math.min(maxAvail, cp.maxAvailBytes());
            }
            if (!missing.isEmpty()) {
                String known = ceph.pools().stream().map(CephPool::name).reduce((a, b) -> a + ", " + b).orElse("none");
                fs.add(Finding.warning(RULE_POOL_NOT_IN_CEPH, "Incus pool " + p.name() + " (" + p.driver() + ", cluster " + cluster
                        + ") keeps its data in Ceph pool " + String.join(", ", missing) + ", which the Ceph cluster read from "
                        + ceph.source() + " does not have (its pools: " + known + ")"
                        + (cluster.equals("ceph") ? "" : "; the Incus pool names the Ceph cluster '" + cluster + "': perhaps another cluster"),
                        CITE_INCUS_CEPH));
            } else if (stored != null && maxAvail != null && disks > stored + maxAvail) {
                fs.add(Finding.warning(RULE_ROOT_DISKS_ABOVE_POOL, "the " + instances.size() + " instance(s) on Incus pool " + p.name()
                        + " have root disks of " + IncusUnits.human(disks) + " in all, but Ceph pool " + String.join(", ", cephPools)
                        + " stores " + IncusUnits.human(stored) + " and can take " + IncusUnits.human(maxAvail)
                        + " more: the disks are thin, and filling them would fill the pool", CITE_INCUS_CEPH));
            }
        }
        return new MappedPool(p.name(), p.driver(), cluster, cephPools, found, instances, disks, stored, maxAvail);
    }

    private static String nonBlank(String v, String otherwise) {
        return v == null || v.isBlank() ? otherwise : v;
    }
}
