package dev.clusterplanner.core.sizing;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Group placement and the failure check's use of interchangeable hosts, on hand-made rows of hosts. */
class PackingTest {

    /** cpu, memory, disk, gpu */
    static double[] v(double cpu, double mem) {
        return new double[]{cpu, mem, 0, 0, 0};
    }

    static double[][] row(int n, double[] cap) {
        double[][] caps = new double[n][];
        Arrays.fill(caps, cap);
        return caps;
    }

    @Test
    void firstFitPutsAsManyIdenticalInstancesOnAHostAsFitThenMovesOn() {
        // 10 instances of 3 cpu onto hosts of 10 cpu: floor(10 / 3) = 3 per host -> 3 + 3 + 3 + 1 on four hosts
        double[][] dem = {v(3, 1)};
        Instances inst = new Instances(dem, new boolean[]{false}, new int[]{10}, v(10, 100));
        Packing p = Packing.pack(inst, row(5, v(10, 100)));
        assertEquals(0, p.unplaced);
        assertEquals(4, p.hostsUsed());
        assertArrayEquals(new int[]{0, 1, 2, 3}, Arrays.copyOf(p.runH, p.runs));
        assertArrayEquals(new int[]{3, 3, 3, 1}, Arrays.copyOf(p.runCount, p.runs));
        assertArrayEquals(new int[]{1, 4, 7, 10}, Arrays.copyOf(p.runFirst, p.runs));
    }

    @Test
    void roundRobinDealsOnePerHostPerRound() {
        // 7 instances over 3 hosts with room for 10 each: rounds give 3 + 3, then one more to the first host -> 3, 2, 2
        double[][] dem = {v(1, 1)};
        Instances inst = new Instances(dem, new boolean[]{false}, new int[]{7}, v(10, 100));
        Packing p = Packing.pack(inst, row(3, v(10, 100)), true);
        int[] perHost = new int[3];
        for (int i = 0; i < p.runs; i++) {
            perHost[p.runH[i]] += p.runCount[i];
        }
        assertArrayEquals(new int[]{3, 2, 2}, perHost);
        // a host with room for only one takes one; the others share the rest: 1 + 3 + 3
        double[][] caps = {v(1, 100), v(10, 100), v(10, 100)};
        Packing q = Packing.pack(new Instances(dem, new boolean[]{false}, new int[]{7}, v(10, 100)), caps, true);
        int[] per = new int[3];
        for (int i = 0; i < q.runs; i++) {
            per[q.runH[i]] += q.runCount[i];
        }
        assertArrayEquals(new int[]{1, 3, 3}, per);
    }

    @Test
    void aLostHostIdenticalToAnotherHealsThroughTheSwappedReplacement() {
        // ten identical hosts of 10 cpu, each running one 'a' (3 cpu) and one 'b' (2 cpu): 5 free per host.
        // (Rows of more than 8 hosts are grouped into interchangeable classes; smaller ones are evacuated host by host.)
        int n = 10;
        double[][] dem = {v(3, 1), v(2, 1)};
        Instances inst = new Instances(dem, new boolean[]{false, false}, new int[]{n, n}, v(10, 100));
        int[][] hostOf = new int[2][n];
        for (int h = 0; h < n; h++) {
            hostOf[0][h] = h;
            hostOf[1][h] = h;
        }
        Packing p = Packing.of(inst, row(n, v(10, 100)), hostOf);
        assertEquals(1, p.hostClasses(), "the ten hosts are interchangeable");
        Packing.Outcome o = p.checkFailures(1);
        assertTrue(o.holds());
        assertEquals(10, o.setsChecked());
        assertEquals(1, o.setsEvacuated(), "one host evacuated stands for the ten");
        // losing host 7 through the swap with host 0 (the evacuated one): a-8 and b-8 must land on survivors
        int[][] after = p.evacuateBySwap(new int[]{7});
        double[] used = new double[n];
        for (int w = 0; w < 2; w++) {
            for (int j = 0; j < n; j++) {
                assertNotEquals(7, after[w][j], "nothing stays on the lost host");
                used[after[w][j]] += dem[w][0];
                if (j != 7) {
                    assertEquals(j, after[w][j], "survivors keep their own instances");
                }
            }
        }
        // 5 cpu of evacuees onto 9 survivors with 5 free each: every survivor within 10, 50 cpu in all
        double total = 0;
        for (int h = 0; h < n; h++) {
            assertTrue(used[h] <= 10 + 1e-9, "host " + h + " uses " + used[h]);
            total += used[h];
        }
        assertEquals(0.0, used[7], 1e-9);
        assertEquals(50.0, total, 1e-9);
    }
}
