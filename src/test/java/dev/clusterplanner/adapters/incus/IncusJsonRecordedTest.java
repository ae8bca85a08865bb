package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.core.live.LiveResources;
import dev.clusterplanner.core.live.MemberStatus;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parsing of answers recorded from the real Incus 6.0.4 lab (src/test/resources/incus-recorded/README.md says how);
 * runs without the lab. Expected values are read off the recorded JSON by hand.
 */
class IncusJsonRecordedTest {

    static HttpReply recorded(String name) throws Exception {
        try (InputStream in = IncusJsonRecordedTest.class.getResourceAsStream("/incus-recorded/" + name)) {
            return new HttpReply(200, in.readAllBytes());
        }
    }

    @Test
    void clusterMembersAreReadWithUrlStatusAndRoles() throws Exception {
        var members = IncusJson.members(IncusJson.metadata(recorded("cluster-members.json"), "members"));
        assertEquals(List.of("node1", "node2", "node3"), members.stream().map(IncusJson.MemberInfo::name).toList());
        assertEquals("https://127.0.0.3:8443", members.get(2).url());
        assertTrue(members.stream().allMatch(m -> m.status() == MemberStatus.ONLINE));
        assertTrue(members.get(0).roles().contains("database-leader"));
        assertEquals("default", members.get(1).failureDomain());
    }

    @Test
    void resourcesOfAVirtualMachineMemberAreReadAsTheApiStatesThem() throws Exception {
        LiveResources r = IncusJson.resources(IncusJson.metadata(recorded("resources-node2.json"), "resources"));
        // cpu.sockets[0].cores: 2 cores of 1 online thread each; "total": 2
        assertEquals(1, r.sockets());
        assertEquals(2, r.cores());
        assertEquals(2, r.threads());
        assertEquals("AMD EPYC", r.cpuModel());
        // memory.total 25769803776 = 24 x 2^30
        assertEquals(24L << 30, r.memoryBytes());
        // storage.disks[0] "vda" of 274877906944 bytes = 256 x 2^30
        assertEquals(1, r.disks().size());
        assertEquals("vda", r.disks().get(0).id());
        assertEquals(256L << 30, r.diskBytes());
        // network.cards[0].ports[0] "eth0": virtio_net reports no link_speed
        assertEquals(1, r.nics().size());
        assertNull(r.nics().get(0).speedMbps());
        assertTrue(r.nics().get(0).linkDetected());
        assertFalse(r.fastestNicMbps().isPresent());
        assertTrue(r.gpus().isEmpty());
    }

    @Test
    void poolSpaceIsTotalAndUsed() throws Exception {
        long[] space = IncusJson.poolSpace(IncusJson.metadata(recorded("pool-default-node2.json"), "pool"));
        assertTrue(space[0] > 0 && space[1] > 0 && space[1] <= space[0], space[0] + " " + space[1]);
    }

    @Test
    void anErrorAnswerBecomesAnApiErrorWithTheServersMessage() throws Exception {
        HttpReply recorded = recorded("instance-missing.json");
        HttpReply reply = new HttpReply(404, recorded.body());
        IncusJson.ApiError e = org.junit.jupiter.api.Assertions.assertThrows(IncusJson.ApiError.class, () -> IncusJson.metadata(reply, "x"));
        assertEquals(404, e.status);
        assertEquals("Instance not found", e.getMessage());
    }
}
