package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.core.live.LivePool;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage pools' configuration keys the Ceph mapping needs. The pool objects are written in the shape of
 * {@code GET /1.0/storage-pools?recursion=1} as the Incus REST API documents it (the labs have no Ceph-backed Incus
 * pool to record from: see README, Live Ceph).
 */
class IncusPoolConfigTest {

    @Test
    void cephAndCephFsKeysAndSourceAreKeptOtherKeysAreNot() throws Exception {
        var pools = IncusJson.pools(IncusJson.MAPPER.readTree("""
                [{"name": "remote", "driver": "ceph", "status": "Created", "locations": ["node1", "node2"],
                  "config": {"ceph.cluster_name": "ceph", "ceph.osd.pool_name": "incus-rbd", "ceph.osd.pg_num": "32",
                             "ceph.user.name": "admin", "volume.size": "10GiB", "volatile.pool.pristine": "true"}},
                 {"name": "shared", "driver": "cephfs", "status": "Created", "locations": [],
                  "config": {"source": "fs1/incus", "cephfs.cluster_name": "ceph", "cephfs.data_pool": "fs1_data"}},
                 {"name": "default", "driver": "dir", "status": "Created", "locations": ["node1"], "config": {}},
                 {"name": "old", "driver": "zfs", "status": "Created"}]
                """));
        assertEquals(Map.of("ceph.cluster_name", "ceph", "ceph.osd.pool_name", "incus-rbd", "ceph.osd.pg_num", "32",
                "ceph.user.name", "admin"), pools.get(0).config(), "volume.* and volatile.* are not kept");
        assertEquals(Map.of("source", "fs1/incus", "cephfs.cluster_name", "ceph", "cephfs.data_pool", "fs1_data"), pools.get(1).config());
        assertTrue(pools.get(2).config().isEmpty());
        assertTrue(pools.get(3).config().isEmpty(), "a pool without config reads as empty");
        var live = new LivePool("remote", "ceph", "Created", true, List.of(), pools.get(0).config());
        assertTrue(live.cephBacked());
        assertTrue(new LivePool("shared", "cephfs", "Created", true, List.of()).cephBacked());
        assertTrue(!new LivePool("default", "dir", "Created", false, List.of()).cephBacked());
    }
}
