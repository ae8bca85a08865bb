package dev.clusterplanner.core.capacity;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CephCapacityTest {

    static final CephLayout SIZE3 = CephLayout.DEFAULT; // size 3, min_size 2, nearfull 0.85
    static final CephLayout EC42 = CephLayout.erasure(4, 2);

    static Hardware host(String id, HardwareCategory category, int disks, double diskGb) {
        return new Hardware(id, id, category, "test", "cpu", 1, 8, 16, 3.0, 1.0, 64, 1000.0, null, null, 0, 500,
                disks, diskGb, disks > 0 ? DiskType.NVME : null, 1, 10, null, 0, 0, 0, 1, null, null, "us", "test", null, false);
    }

    @Test
    void overheadIsSizeWhenReplicatedAndKPlusMOverKForErasureCoding() {
        assertEquals(3.0, CephCapacity.overhead(SIZE3), 1e-12);
        // (4 + 2) / 4 = 1.5
        assertEquals(1.5, CephCapacity.overhead(EC42), 1e-12);
        // (8 + 3) / 8 = 1.375
        assertEquals(1.375, CephCapacity.overhead(0, 8, 3), 1e-12);
    }

    @Test
    void protectionWidthIsSizeOrKPlusM() {
        assertEquals(3, CephCapacity.protectionWidth(SIZE3));
        assertEquals(6, CephCapacity.protectionWidth(EC42));
        assertEquals(2, CephCapacity.protectionWidth(CephLayout.replicated(2, 1)));
    }

    @Test
    void usableKeepsTheLargestHostAsReserveAndStopsAtNearfull() {
        // README: 3 x 15.36 TB at size 3: (46.08 - 15.36) / 3 = 10.24 TB safe; x 0.85 = 8.704 TB usable
        assertEquals(10.24e12, CephCapacity.safeBytes(46.08e12, 15.36e12, 3), 1e3);
        assertEquals(8.704e12, CephCapacity.usableBytes(46.08e12, 15.36e12, SIZE3), 1e3);
        // four hosts with 2 x 4 TB = 8 TB raw each, EC 4+2: (32 - 8) / 1.5 x 0.85 = 13.6 TB
        Hardware h = host("h", HardwareCategory.RACK, 2, 4000);
        assertEquals(13.6e12, CephCapacity.usableBytes(List.of(h, h, h, h), EC42), 1e3);
    }

    @Test
    void usableOfAMixTakesTheLargerHostAsTheReserve() {
        Hardware big = host("big", HardwareCategory.RACK, 4, 2000);    // 8 TB
        Hardware small = host("small", HardwareCategory.RACK, 1, 2000); // 2 TB
        // 2 big + 3 small = 16 + 6 = 22 TB raw; largest 8: (22 - 8) / 3 x 0.85 = 3.9667 TB
        double expected = 14e12 / 3 * 0.85;
        assertEquals(expected, CephCapacity.usableBytes(big, 2, small, 3, SIZE3), 1e3);
        assertEquals(expected, CephCapacity.usableBytes(List.of(big, small, big, small, small), SIZE3), 1e3);
        // no big host at all: (3 x 2 - 2) / 3 x 0.85 = 1.1333 TB
        assertEquals(4e12 / 3 * 0.85, CephCapacity.usableBytes(big, 0, small, 3, SIZE3), 1e3);
        assertTrue(CephCapacity.holds(big, 2, small, 3, 3.9e12, SIZE3));
        assertFalse(CephCapacity.holds(big, 2, small, 3, 4.0e12, SIZE3));
    }

    @Test
    void hostsNeededIsOneSpareHostPlusWhatTheStoredBytesFill() {
        // 10 TB stored, 4 TB raw per host, size 3, nearfull 0.85: 10 x 3 / (0.85 x 4) = 8.82 -> 9, + 1 = 10 hosts
        assertEquals(10, CephCapacity.hostsNeeded(10e12, 4e12, SIZE3));
        // check: 10 hosts hold (40 - 4) / 3 x 0.85 = 10.2 TB >= 10; 9 hosts hold (36 - 4) / 3 x 0.85 = 9.07 TB < 10
        Hardware h = host("h", HardwareCategory.RACK, 1, 4000);
        assertTrue(CephCapacity.usableBytes(h, 10, h, 0, SIZE3) >= 10e12);
        assertTrue(CephCapacity.usableBytes(h, 9, h, 0, SIZE3) < 10e12);
        // exactly full: 3.4 TB stored on 4 TB hosts: 3.4 x 3 / 3.4 = 3 -> 1 + 3 = 4
        assertEquals(4, CephCapacity.hostsNeeded(3.4e12, 4e12, SIZE3));
        assertEquals(0, CephCapacity.hostsNeeded(0, 4e12, SIZE3));
        assertEquals(Integer.MAX_VALUE, CephCapacity.hostsNeeded(1e9, 0, SIZE3));
    }

    @Test
    void rawNeededWithAndWithoutTheHostReserve() {
        // EBS volumes, no reserve: 1 TB x 3 / 0.85 = 3.5294 TB
        assertEquals(3e12 / 0.85, CephCapacity.rawNeededBytes(1e12, SIZE3), 1e3);
        // four equal hosts keep one as reserve: 3.5294 x 4 / 3 = 4.7059 TB; usable of that raw is again 1 TB
        double raw = CephCapacity.rawNeededBytes(1e12, SIZE3, 4);
        assertEquals(3e12 / 0.85 * 4 / 3, raw, 1e3);
        assertEquals(1e12, CephCapacity.usableBytes(raw, raw / 4, SIZE3), 1e3);
        assertEquals(Double.POSITIVE_INFINITY, CephCapacity.rawNeededBytes(1e12, SIZE3, 1));
        assertEquals(0, CephCapacity.rawNeededBytes(0, SIZE3, 1));
    }

    @Test
    void hostRawBytesCountsDataDisksInDecimalGbAndNothingForAnEbsCloudHost() {
        // 2 x 1,920 GB = 3.84e12 bytes
        assertEquals(3.84e12, CephCapacity.hostRawBytes(host("r", HardwareCategory.RACK, 2, 1920)), 1);
        // a cloud host without local disks: its OSD is an EBS volume sized to the need, no fixed raw
        Hardware ebs = host("c", HardwareCategory.CLOUD, 0, 0);
        assertTrue(CephCapacity.onEbs(ebs));
        assertEquals(0, CephCapacity.hostRawBytes(ebs), 0);
        // a cloud host with instance-store disks is not on EBS: its disks count
        Hardware local = host("i", HardwareCategory.CLOUD, 2, 1900);
        assertFalse(CephCapacity.onEbs(local));
        assertEquals(3.8e12, CephCapacity.hostRawBytes(local), 1);
        // a desktop without data disks has no raw either
        assertEquals(0, CephCapacity.hostRawBytes(host("d", HardwareCategory.DESKTOP, 0, 0)), 0);
    }
}
