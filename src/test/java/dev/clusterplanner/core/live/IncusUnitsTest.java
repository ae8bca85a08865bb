package dev.clusterplanner.core.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IncusUnitsTest {

    @Test
    void aByteCountReadsInTheLargestUnitThatKeepsItAtOneOrMore() {
        assertEquals("512 B", IncusUnits.human(512));
        assertEquals("24 GiB", IncusUnits.human(24L << 30));
        // 1,318,912 B = 1.2578 MiB: one decimal unless whole
        assertEquals("1.3 MiB", IncusUnits.human(1_318_912));
        // the number written by the caller: two decimals for the PDF
        assertEquals("1.26 MiB", IncusUnits.human(1_318_912, v -> String.format(java.util.Locale.ROOT, "%.2f", v)));
    }
}
