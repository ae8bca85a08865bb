package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.core.live.LiveDisk;
import dev.clusterplanner.core.live.LiveGpu;
import dev.clusterplanner.core.live.LiveInstance;
import dev.clusterplanner.core.live.LiveMember;
import dev.clusterplanner.core.live.LiveNetwork;
import dev.clusterplanner.core.live.LiveNic;
import dev.clusterplanner.core.live.LivePool;
import dev.clusterplanner.core.live.LiveResources;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.LiveUsage;
import dev.clusterplanner.core.live.MemberStatus;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotJsonTest {

    static LiveSnapshot sample() {
        var r = new LiveResources("EPYC", 1, 8, 16, 64L << 30, 8L << 30, List.of(new LiveDisk("nvme0n1", "nvme", "X", 1_000_000_000_000L, false, false)),
                List.of(new LiveNic("enp1s0", "ixgbe", 10_000L, true), new LiveNic("eno1", "igb", null, false)),
                List.of(new LiveGpu("NVIDIA", "RTX A4000", "nvidia", "0000:01:00.0")));
        var up = new LiveMember("node1", "https://10.0.0.1:8443", MemberStatus.ONLINE, "Fully operational", List.of("database"), "default", r, "");
        var down = new LiveMember("node2", "https://10.0.0.2:8443", MemberStatus.SLOW, "", List.of(), "default", null, "timed out");
        var i = new LiveInstance("web-1", "default", "container", "node1", "Running", Map.of("limits.cpu", "2", "limits.memory", "4GiB"), 2.0,
                4L << 30, null, "default", 0, new LiveUsage(100, 200, 300, 4));
        var pool = new LivePool("default", "dir", "Created", false, List.of(new LivePool.PoolSpace("node1", 1000, 10, ""),
                new LivePool.PoolSpace("node2", 0, 0, "member not readable")));
        return new LiveSnapshot(Instant.parse("2026-11-25T20:00:00.123Z"), "https://10.0.0.1:8443", "node1", "6.0.4", true, "ab".repeat(32),
                List.of(up, down), List.of(i), List.of(pool), List.of(new LiveNetwork("incusbr0", "bridge", true, "Created")),
                List.of("member node2 (slow): timed out"), 321);
    }

    @Test
    void aSavedSnapshotReadsBackEqualWithItsTimestamp(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("snap.json");
        SnapshotJson.write(f, sample(), null, List.of(Finding.warning("live.member-down", "node2: slow", "")));
        String text = Files.readString(f);
        assertTrue(text.contains("\"takenAt\" : \"2026-11-25T20:00:00.123Z\""), text);
        assertTrue(text.contains("\"severity\" : \"warning\""), text);
        assertEquals(sample(), SnapshotJson.read(f));
    }

    @Test
    void aFileThatIsNotASavedProbeIsRejectedWithItsName(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("plan.json");
        Files.writeString(f, "{\"format\": 1, \"name\": \"a plan\"}");
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> SnapshotJson.read(f));
        assertTrue(e.getMessage().startsWith(f + ": format: not a saved probe"), e.getMessage());
    }

    @Test
    void aSnapshotWithAnUnreadableMemberUsageAndNullSpeedsConformsToThePublishedSchema() {
        String json = SnapshotJson.toJson(sample(), null, List.of());
        dev.clusterplanner.contract.JsonSchemas.assertConforms(dev.clusterplanner.contract.JsonSchemas.SNAPSHOT, json, "the sample snapshot");
    }
}
